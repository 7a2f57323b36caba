#pragma once
// Follow-up after energization (回访预警, 回头看; docs/tracking.md#follow-up-after-energization): an
// energized order stays on a follow-up list until its 95598 revisit and its 回头看 inspection are
// recorded. Both are due one calendar month after energization (track::revisit_deadline).
//
// As of day A (what was known on A: track::forget_after drops a revisit or inspection dated later):
//   overdue   A is after the deadline;
//   due_soon  the deadline is after A and no later than the next working day (the day to remind,
//             the same words as a stage's due_soon);
//   open      otherwise (a deadline on A itself is neither, as for stages).
#include <yekuo/calendar/calendar.hpp>
#include <yekuo/model/project.hpp>

#include <vector>

namespace yekuo::track {

enum class FollowUpKind { revisit, inspection };
enum class FollowUpStatus { open, due_soon, overdue };

[[nodiscard]] const char* follow_up_kind_word(FollowUpKind k);     // "revisit", "inspection"
[[nodiscard]] const char* follow_up_status_word(FollowUpStatus s); // "open", "due_soon", "overdue"

struct FollowUp {
  FollowUpKind kind = FollowUpKind::revisit;
  calendar::Date energized;
  calendar::Date deadline;   // energized + 1 calendar month
  FollowUpStatus status = FollowUpStatus::open;
};

// The follow-ups of an order energized on `energized` whose revisit / inspection is not recorded
// in `project` (pass it as known on `as_of`); revisit first.
[[nodiscard]] std::vector<FollowUp> follow_ups(const model::Project& project, calendar::Date energized,
                                               const calendar::WorkingCalendar& cal, calendar::Date as_of);

} // namespace yekuo::track
