#pragma once
// The status of every stage as of a date (docs/tracking.md). Everything is compared in
// working-day points: A = the as-of date, a = point(A); facts dated after A are ignored.
#include <yekuo/calendar/calendar.hpp>
#include <yekuo/model/project.hpp>
#include <yekuo/track/plan_reference.hpp>
#include <yekuo/track/stage_verdict.hpp>

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

struct StageState {
  StageStatus status = StageStatus::not_started;
  int days_late = 0;                         // in the stage's unit; 0 unless overdue or done_late
  std::optional<calendar::Date> started;     // as of A (a later record is not known yet)
  std::optional<calendar::Date> finished;    // as of A
  calendar::Date deadline;                   // the planned deadline (reference: baseline or current plan)
  WorkPoint deadline_point = 0;
  int excluded_days = 0;                     // customer days excluded (union of the excluded records)
  calendar::Date effective_deadline;         // the verdict's due date (clock start + limit + excluded)
  StageVerdict verdict;                      // the one rule's figures (stage_verdict.hpp)
};

// The status of every stage (index = Project::stages index) as of `as_of`, from its verdict:
// finished -> done_on_time / done_late; open and available -> overdue / due_soon (the deadline is
// the next working day) / in_progress / not_started; blocked by a predecessor -> in_progress when
// started, else waiting (never overdue: the lateness belongs to the stage holding the work).
[[nodiscard]] std::vector<StageState> stage_states(const model::Project& project, const PlanReference& reference,
                                                   const calendar::WorkingCalendar& cal, calendar::Date as_of,
                                                   const std::vector<std::size_t>* order = nullptr);

// Stage indices without successors (the stages that end the project).
[[nodiscard]] std::vector<std::size_t> final_stages(const model::Project& project);

// True when every final stage has finished on or before `as_of`: the order is energized and
// belongs to `yekuo assess`, not to the weekly table. A project without stages is not.
[[nodiscard]] bool is_energized(const model::Project& project, calendar::Date as_of);

} // namespace yekuo::track
