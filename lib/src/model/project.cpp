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

} // namespace yekuo::model
