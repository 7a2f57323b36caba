#pragma once
// The status of every stage as of a date (docs/tracking.md). Everything is compared in
// working-day points: A = the as-of date, a = point(A); facts dated after A are ignored.
#include <yekuo/calendar/calendar.hpp>
#include <yekuo/model/project.hpp>
#include <yekuo/track/plan_reference.hpp>

#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

namespace yekuo::track {

// The exact words of the JSON contract (SPEC §4), in this order.
enum class StageStatus { not_started, waiting, in_progress, due_soon, overdue, done_on_time, done_late };

[[nodiscard]] const char* status_word(StageStatus s); // "not_started", "waiting", ...
[[nodiscard]] std::optional<StageStatus> parse_status_word(std::string_view word);
[[nodiscard]] inline bool is_done(StageStatus s) {
  return s == StageStatus::done_on_time || s == StageStatus::done_late;
}

// How one customer-delay record of a stage is treated.
enum class DelayVerdict {
  excluded,      // reported in time (<= the stage's deadline and <= A): its days do not count
  reported_late, // reported after the stage's deadline: shown, not excluded
  not_reported,  // no report (or reported only after A): shown, not excluded
};

[[nodiscard]] const char* delay_verdict_word(DelayVerdict v); // "excluded", "reported_late", "not_reported"

struct DelayNote {
  std::size_t delay = 0; // index into Project::delays
  DelayVerdict verdict = DelayVerdict::not_reported;
  int days = 0;          // working days of [from, min(to, A)] (this record alone)
};

struct StageState {
  StageStatus status = StageStatus::not_started;
  int days_late = 0;                         // working days; 0 unless overdue or done_late
  std::optional<calendar::Date> started;     // as of A (a later record is not known yet)
  std::optional<calendar::Date> finished;    // as of A
  calendar::Date deadline;                   // from the reference (baseline or current plan)
  WorkPoint deadline_point = 0;
  int excluded_days = 0;                     // customer days excluded (union of the excluded records)
  WorkPoint effective_deadline_point = 0;    // deadline_point + excluded_days
  calendar::Date effective_deadline;         // == deadline when nothing is excluded
  std::vector<DelayNote> delays;             // every delay record of the stage, file order
};

// The status of every stage (index = Project::stages index) as of `as_of`.
[[nodiscard]] std::vector<StageState> stage_states(const model::Project& project, const PlanReference& reference,
                                                   const calendar::WorkingCalendar& cal, calendar::Date as_of);

// Working days in the union of the date intervals [from, to] (inclusive; empty when to < from),
// counted by points, so overlapping intervals are not counted twice.
[[nodiscard]] int working_days_in_union(std::vector<std::pair<calendar::Date, calendar::Date>> intervals,
                                        const calendar::WorkingCalendar& cal);

// Stage indices without successors (the stages that end the project).
[[nodiscard]] std::vector<std::size_t> final_stages(const model::Project& project);

// True when every final stage has finished on or before `as_of`: the order is energized and
// belongs to `yekuo assess`, not to the weekly table. A project without stages is not.
[[nodiscard]] bool is_energized(const model::Project& project, calendar::Date as_of);

} // namespace yekuo::track
