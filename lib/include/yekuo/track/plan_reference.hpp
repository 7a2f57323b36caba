#pragma once
// What tracking and assessment measure against: for every stage of the project, its planned
// start, deadline and time limit, taken from the confirmed baseline or, when there is none, from
// the current plan (and the reports say so).
//
// Baselines cannot rewrite the past (SPEC §3): a revision applies to the work remaining when it
// is confirmed. A stage already finished on its confirmation day, or whose deadline had already
// passed by then, keeps the window of the revision it was under; a customer-caused change is
// excused by a reported [[delay]], not by a silent rewrite (docs/baseline.md).
#include <yekuo/calendar/calendar.hpp>
#include <yekuo/model/baseline.hpp>
#include <yekuo/model/project.hpp>
#include <yekuo/schedule/plan_outcome.hpp>

#include <string>
#include <vector>

namespace yekuo::track {

using calendar::Date;
using calendar::WorkPoint;

// Why a later revision could not move a stage.
enum class HoldReason {
  none,            // the stage follows the newest revision that has it
  finished,        // it had finished on or before that revision's confirmation day
  deadline_passed, // its deadline was before that revision's confirmation day
};

[[nodiscard]] const char* hold_reason_word(HoldReason r); // "none", "finished", "deadline_passed"

struct StageReference {
  bool from_baseline = false;  // false: the stage is not in the baseline, the current plan is used
  Date start;                  // planned start (first day occupied; a milestone's day)
  Date deadline;               // planned finish = the deadline
  WorkPoint start_point = 0;   // the point after which the stage may start (SPEC §2)
  WorkPoint deadline_point = 0;// point(deadline)
  // The stage's determined time limit, in its own unit: working days (finish point - start point
  // of the planned window), or calendar days for a stage counted in calendar days.
  int limit_days = 0;
  bool calendar_days = false;  // the limit counts calendar days (`calendar_days` stages)
  int revision = 0;            // the baseline revision whose window is in force (0: current plan)
  HoldReason held = HoldReason::none; // a newer revision has the stage but could not move it
  int held_by = 0;             // the newest revision that could not move it (when held)
};

struct PlanReference {
  bool has_baseline = false;
  int revision = 0;                   // newest baseline revision in force (0 = none)
  Date confirmed;                     // when that revision was confirmed
  Date planned_energization;
  WorkPoint start_point = 0;          // point(applied)
  std::vector<StageReference> stages; // per Project::stages index
  std::vector<std::string> stages_not_in_baseline; // ids measured against the current plan

  // Ids of the stages a revision could not move (held != none), in stage order.
  [[nodiscard]] std::vector<std::size_t> held_stages() const;
};

// From the baseline's revisions, oldest first, each applied to the work remaining when it was
// confirmed (the project's recorded finishes decide what had finished); stages missing from every
// revision fall back to `current`. Pass the baseline as known on the as-of date
// (track::baseline_known_on) and the project's facts as known then (track::forget_after).
[[nodiscard]] PlanReference reference_from_baseline(const model::Project& project, const model::Baseline& baseline,
                                                    const schedule::PlanOutcome& current,
                                                    const calendar::WorkingCalendar& cal);

// From the current plan (no baseline confirmed yet).
[[nodiscard]] PlanReference reference_from_plan(const model::Project& project, const schedule::PlanOutcome& current,
                                                const calendar::WorkingCalendar& cal);

// The point after which a stage that displays `start` may start: point(start) - 1 for a stage
// with duration, point(start) for a milestone (it happens at the end of its day).
[[nodiscard]] WorkPoint start_point_of(Date start, bool milestone, const calendar::WorkingCalendar& cal);

} // namespace yekuo::track
