#pragma once
// The one rule that states a stage's deadline and verdict (SPEC §4, the fairness rule), for every
// command that judges a department: the weekly table (`evaluate`), the daily list (`remind`), the
// assessment (`assess`) and the published pages all call stage_verdicts() and nothing else, so
// they cannot disagree (docs/tracking.md, docs/assessment.md).
//
// For a stage i, as of day A (a = point(A)), with what was known on A (track::forget_after):
//  - Clock start c = the latest of point(applied), the planned start of the revision in force,
//    and each predecessor's term: FS point(finished) + lag; SS start point + lag (the point
//    before its recorded start day, else its own clock start); FF the earliest start that lets
//    the stage finish at point(finished) + lag. Never the stage's own recorded start.
//  - A predecessor that does not allow the start yet (FS/FF unfinished, SS not started) makes
//    the stage *blocked*: it is never overdue itself; the work is held by that predecessor (or by
//    whatever holds it in turn). Its clock uses the earliest the blocker could release it
//    (finishing on day a + 1, starting after point a).
//  - Counted days: c+1 .. point(finish), or .. a while open (working days); a stage counted in
//    calendar days counts calendar days from the first working day after c.
//  - Customer delays count only inside the counted days, overlapping records once, and only
//    when reported no later than report_by = the later of the planned deadline and c + limit.
//  - due = c + limit + excluded days; days late = finish − due (finished) or a − due (open).
// So a finished stage's days late equal its assessment overrun, and they never change with a
// later as-of date: nothing after its finish enters the sums.
#include <yekuo/calendar/calendar.hpp>
#include <yekuo/model/project.hpp>
#include <yekuo/track/plan_reference.hpp>

#include <cstddef>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace yekuo::track {

// Which term of the fairness rule set a stage's clock start.
enum class ClockReason {
  applied,       // the application date (nothing later applied)
  planned_start, // the stage's planned window in the reference
  predecessor,   // waiting for a predecessor (see ClockStart::pred)
};

struct ClockStart {
  WorkPoint point = 0;           // counted days are the working days after this point
  ClockReason reason = ClockReason::applied;
  std::size_t pred = model::k_no_index; // the predecessor that set it (reason == predecessor)
  model::DepType type = model::DepType::fs;
  int lag = 0;
};

// How one customer-delay record of a stage is treated.
enum class DelayVerdict {
  excluded,      // reported in time (<= report_by): its days inside the stage do not count
  reported_late, // reported after report_by: shown, not excluded
  not_reported,  // no report (as known on A): shown, not excluded
};

[[nodiscard]] const char* delay_verdict_word(DelayVerdict v); // "excluded", "reported_late", "not_reported"

// One [[delay]] of the stage as evidence.
struct DelayEvidence {
  std::size_t delay = 0;         // index into Project::delays
  Date from;
  Date to;
  std::string reason;
  std::optional<Date> reported;
  DelayVerdict verdict = DelayVerdict::not_reported;
  int days = 0;                  // its days inside the counted interval, in the stage's unit (before de-overlapping)
  SourceLoc loc;

  [[nodiscard]] bool in_time() const { return verdict == DelayVerdict::excluded; }
};

struct StageVerdict {
  std::optional<Date> started;   // as known on A (information only: never starts the clock)
  std::optional<Date> finished;  // as known on A
  bool calendar_days = false;    // limit, counted days, exclusions and lateness in calendar days
  int limit = 0;                 // the determined time limit (StageReference::limit_days)
  bool available = true;         // every predecessor allows it to start as of A
  std::size_t waiting_for = model::k_no_index; // the first predecessor that blocks it (when !available)
  std::size_t blocked_by = model::k_no_index;  // the unfinished stage that holds the work (when !available)
  ClockStart clock;
  Date clock_start;              // first day counted (a milestone: the day of its point)
  Date report_by;                // later of the planned deadline and clock start + limit
  int handling_days = 0;         // counted days up to the finish (or A while open)
  int excluded_days = 0;         // customer days excluded (union of the in-time records)
  std::vector<DelayEvidence> delays;                  // every delay record of the stage, file order
  std::vector<std::pair<Date, Date>> excluded_spans;  // first and last day excluded, de-overlapped
  Date due;                      // the effective deadline: clock start + limit + excluded days
  int days_late = 0;             // finished: after `due`; open and available: A after `due`; else 0
  bool overdue = false;          // open, available and A after `due`
  bool due_next = false;         // open, available, `due` after A and no later than the next working day

  [[nodiscard]] int net_days() const { return handling_days - excluded_days; }
};

// The verdict of every stage (index = Project::stages index) as of `as_of`. The project must be
// validated (acyclic); facts dated after `as_of` are ignored. `order` is a topological order of the
// stages when the caller has one (the plan's network), else it is computed.
[[nodiscard]] std::vector<StageVerdict> stage_verdicts(const model::Project& project, const PlanReference& reference,
                                                       const calendar::WorkingCalendar& cal, Date as_of,
                                                       const std::vector<std::size_t>* order = nullptr);

} // namespace yekuo::track
