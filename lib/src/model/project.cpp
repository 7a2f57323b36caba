#include <yekuo/model/project.hpp>

namespace yekuo::model {

const char* dep_type_name(DepType t) {
  switch (t) {
  case DepType::fs: return "FS";
  case DepType::ss: return "SS";
  case DepType::ff: return "FF";
  }
  return "FS";
}

std::size_t Project::find_stage(std::string_view id) const {
  for (std::size_t i = 0; i < stages.size(); ++i)
    if (stages[i].id == id) return i;
  return k_no_index;
}

const Progress* Project::progress_of(std::size_t stage_index) const {
  for (const auto& p : progress)
    if (p.index == stage_index) return &p;
  return nullptr;
}

std::vector<std::size_t> Project::final_stages() const {
  std::vector<bool> has_succ(stages.size(), false);
  for (const auto& st : stages)
    for (const auto& dep : st.after)
      if (dep.pred < has_succ.size()) has_succ[dep.pred] = true;
  std::vector<std::size_t> out;
  for (std::size_t i = 0; i < has_succ.size(); ++i)
    if (!has_succ[i]) out.push_back(i);
  return out;
}

std::optional<Date> Project::energization_date(std::optional<Date> as_of) const {
  const auto finals = final_stages();
  if (finals.empty()) return std::nullopt;
  std::optional<Date> out;
  for (std::size_t i : finals) {
    const Progress* pr = progress_of(i);
    if (pr == nullptr || !pr->finished || (as_of && *pr->finished > *as_of)) return std::nullopt;
    if (!out || *pr->finished > *out) out = pr->finished;
  }
  return out;
}

} // namespace yekuo::model
