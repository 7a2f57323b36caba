#include <yekuo/track/confirm.hpp>

namespace yekuo::track {

model::BaselineRevision make_revision(const model::Project& project, const schedule::PlanOutcome& plan,
                                      calendar::Date confirmed, std::string reason, int number) {
  model::BaselineRevision rev;
  rev.number = number;
  rev.confirmed = confirmed;
  rev.reason = std::move(reason);
  rev.applied = project.info.applied;
  rev.target = plan.target;
  rev.planned_energization = plan.planned_energization;
  for (std::size_t i = 0; i < project.stages.size(); ++i) {
    const auto& st = project.stages[i];
    const auto& sp = plan.stages[i];
    rev.stages.push_back({st.id, st.name, st.dept, st.customer, st.unit, st.duration, sp.working_days, sp.latest.start,
                          sp.latest.finish});
  }
  return rev;
}

bool revision_matches_plan(const model::BaselineRevision& rev, const model::Project& project,
                           const schedule::PlanOutcome& plan) {
  if (rev.stages.size() != project.stages.size() || rev.planned_energization != plan.planned_energization) return false;
  for (std::size_t i = 0; i < project.stages.size(); ++i) {
    const auto& b = rev.stages[i];
    const auto& sp = plan.stages[i];
    if (b.id != project.stages[i].id || b.start != sp.latest.start || b.deadline != sp.latest.finish ||
        b.limit_days != sp.working_days)
      return false;
  }
  return true;
}

} // namespace yekuo::track
