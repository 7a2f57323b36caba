#pragma once
// The daily reminder list (催办): stages whose deadline is the next working day (due_soon) and
// overdue ones, grouped by responsible department, short enough for a text message.
#include <yekuo/track/evaluate.hpp>

#include <string>
#include <vector>

namespace yekuo::track {

struct ReminderItem {
  const ProjectEvaluation* project = nullptr;
  const StageEvaluation* stage = nullptr;
};

struct ReminderGroup {
  std::string dept;
  bool customer = false; // the customer's own stages: the customer manager chases the customer
  std::vector<ReminderItem> items;
};

// On the list: due on the next working day (due_soon) or overdue.
[[nodiscard]] bool is_reminder(const StageEvaluation& stage);

// The day the list first names a stage due on `deadline`: the last working day before it (on
// that day the deadline is no later than the next working day, so the stage is due_soon).
[[nodiscard]] calendar::Date reminder_day(calendar::Date deadline, const calendar::WorkingCalendar& cal);

// Groups in the department order of summarize_departments (customer last); in a group the
// overdue items first (most days late first), then the due_soon ones; ties keep file order.
// Energized projects are left out.
[[nodiscard]] std::vector<ReminderGroup> reminders(const std::vector<const ProjectEvaluation*>& projects);

[[nodiscard]] std::size_t reminder_count(const std::vector<ReminderGroup>& groups);

} // namespace yekuo::track
