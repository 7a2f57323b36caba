#pragma once
// Turning the current plan into a confirmed baseline revision (`yekuo plan --confirm`).
#include <yekuo/calendar/calendar.hpp>
#include <yekuo/model/baseline.hpp>
#include <yekuo/schedule/plan_outcome.hpp>

#include <optional>
#include <string>

namespace yekuo::track {

// The revision that records `plan` (its back-scheduled deadlines) as confirmed on `confirmed`.
// `number` is 1 for the first confirmation.
[[nodiscard]] model::BaselineRevision make_revision(const model::Project& project, const schedule::PlanOutcome& plan,
                                                   calendar::Date confirmed, std::string reason, int number);

// True when the revision records exactly the stages, dates and limits of `plan`.
[[nodiscard]] bool revision_matches_plan(const model::BaselineRevision& rev, const model::Project& project,
                                         const schedule::PlanOutcome& plan);

// Why the current plan differs from a confirmed revision, so that a report names the true cause:
//  - file: the stages (ids, durations, units), the acceptance date or the target differ;
//  - calendar: the revision's own dates do not fit the current working-day calendar (a date it
//    records as a working day is not one now, or a stage's recorded limit no longer equals its
//    working days) — a holiday table was added or changed (a guessed year, --calendar);
//  - earlier: the file and the calendar are as confirmed, and the revision's windows keep every
//    dependency and the target of the current plan but start some stages earlier than
//    back-scheduling does: a plan confirmed against department capacity (plan --portfolio,
//    docs/capacity.md), seen without the load;
//  - dependencies: otherwise, the stages and dates are as confirmed, so the dependencies (or lags)
//    changed.
// A file change and a calendar change can come together.
struct PlanChange {
  bool file = false;
  bool calendar = false;
  bool dependencies = false;
  bool earlier = false;
  [[nodiscard]] bool any() const { return file || calendar || dependencies || earlier; }
  // "file", "calendar", "file_and_calendar", "dependencies", "earlier" or "" (no change): the JSON word.
  [[nodiscard]] const char* word() const;
};
[[nodiscard]] PlanChange compare_revision(const model::BaselineRevision& rev, const model::Project& project,
                                          const schedule::PlanOutcome& plan, const calendar::WorkingCalendar& cal);

} // namespace yekuo::track
