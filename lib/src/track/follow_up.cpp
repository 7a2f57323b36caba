#include <yekuo/track/follow_up.hpp>

#include <yekuo/track/revisit.hpp>

namespace yekuo::track {

const char* follow_up_kind_word(FollowUpKind k) { return k == FollowUpKind::revisit ? "revisit" : "inspection"; }

const char* follow_up_status_word(FollowUpStatus s) {
  switch (s) {
  case FollowUpStatus::open: return "open";
  case FollowUpStatus::due_soon: return "due_soon";
  case FollowUpStatus::overdue: return "overdue";
  }
  return "open";
}

std::vector<FollowUp> follow_ups(const model::Project& project, calendar::Date energized,
                                 const calendar::WorkingCalendar& cal, calendar::Date as_of) {
  std::vector<FollowUp> out;
  const calendar::Date deadline = revisit_deadline(energized);
  FollowUpStatus status = FollowUpStatus::open;
  if (as_of > deadline)
    status = FollowUpStatus::overdue;
  else if (as_of < deadline && cal.in_range(as_of) && deadline <= cal.date_of(cal.point(as_of) + 1))
    status = FollowUpStatus::due_soon;
  const bool revisited = project.revisit && project.revisit->date && *project.revisit->date <= as_of;
  const bool inspected = project.inspection && project.inspection->date && *project.inspection->date <= as_of;
  if (!revisited) out.push_back({FollowUpKind::revisit, energized, deadline, status});
  if (!inspected) out.push_back({FollowUpKind::inspection, energized, deadline, status});
  return out;
}

} // namespace yekuo::track
