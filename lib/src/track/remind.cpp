#include <yekuo/track/remind.hpp>

#include <algorithm>

namespace yekuo::track {

bool is_reminder(const StageEvaluation& s) {
  return s.state.status == StageStatus::overdue || s.state.status == StageStatus::due_soon;
}

calendar::Date reminder_day(calendar::Date deadline, const calendar::WorkingCalendar& cal) {
  return cal.previous_working_day(deadline);
}

std::vector<ReminderGroup> reminders(const std::vector<const ProjectEvaluation*>& projects) {
  // The department order is the summary's, so both reports list departments alike.
  std::vector<ReminderGroup> groups;
  for (const DepartmentSummary& d : summarize_departments(projects)) groups.push_back({d.dept, d.customer, {}});
  auto group_of = [&](const StageEvaluation& s) -> ReminderGroup& {
    for (auto& g : groups)
      if (g.customer == s.customer && g.dept == s.dept) return g;
    groups.push_back({s.dept, s.customer, {}});
    return groups.back();
  };
  for (const ProjectEvaluation* p : projects) {
    if (p == nullptr || !p->active()) continue;
    for (const StageEvaluation& s : p->stages)
      if (is_reminder(s)) group_of(s).items.push_back({p, &s});
  }
  for (auto& g : groups)
    std::stable_sort(g.items.begin(), g.items.end(), [](const ReminderItem& x, const ReminderItem& y) {
      return x.stage->state.days_late > y.stage->state.days_late; // due_soon has 0
    });
  std::erase_if(groups, [](const ReminderGroup& g) { return g.items.empty(); });
  return groups;
}

std::size_t reminder_count(const std::vector<ReminderGroup>& groups) {
  std::size_t n = 0;
  for (const auto& g : groups) n += g.items.size();
  return n;
}

} // namespace yekuo::track
