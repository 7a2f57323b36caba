#pragma once
// What tracking and assessment measure against: for every stage of the project, its planned
// start, deadline and time limit, taken from the confirmed baseline (newest revision) or, when
// there is none, from the current plan (and the reports say so).
#include <yekuo/calendar/calendar.hpp>
#include <yekuo/model/baseline.hpp>
#include <yekuo/model/project.hpp>
#include <yekuo/schedule/plan_outcome.hpp>

#include <string>
#include <vector>

namespace yekuo::track {

using calendar::Date;
using calendar::WorkPoint;

struct StageReference {
  bool from_baseline = false;  // false: the stage is not in the baseline, the current plan is used
  Date start;                  // planned start (first day occupied; a milestone's day)
  Date deadline;               // planned finish = the deadline
  WorkPoint start_point = 0;   // the point after which the stage may start (SPEC §2)
  WorkPoint deadline_point = 0;// point(deadline)
  int limit_days = 0;          // the stage's determined time limit in working days
};

struct PlanReference {
  bool has_baseline = false;
  int revision = 0;                   // baseline revision in force (0 = none)
  Date confirmed;                     // when that revision was confirmed
  Date planned_energization;
  WorkPoint start_point = 0;          // point(applied)
  std::vector<StageReference> stages; // per Project::stages index
  std::vector<std::string> stages_not_in_baseline; // ids measured against the current plan
};

// From the newest baseline revision; stages missing from it fall back to `current`.
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
