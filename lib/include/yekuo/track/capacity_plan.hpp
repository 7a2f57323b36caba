#pragma once
// `yekuo plan FILE --portfolio DIR`: a new order planned against the load the other orders already
// put on the departments (docs/capacity.md, "Planning against the load"). The engine is
// schedule::place_within_capacity; this applies it to a plan with the load of a track::LoadTable.
#include <yekuo/calendar/calendar.hpp>
#include <yekuo/calendar/date.hpp>
#include <yekuo/model/capacity.hpp>
#include <yekuo/model/project.hpp>
#include <yekuo/schedule/plan_outcome.hpp>
#include <yekuo/schedule/stage_dates.hpp>
#include <yekuo/track/load.hpp>

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace yekuo::track {

// A stage the plan starts earlier than back-scheduling would, to keep a department within capacity.
struct ShiftedStage {
  std::size_t stage = 0;     // Project::stages index
  schedule::DateSpan from;   // its back-scheduled dates (start .. deadline)
  schedule::DateSpan to;     // its dates in the plan
  int working_days = 0;      // how much earlier it starts (points)
  bool for_capacity = false; // its own department had no room later; false: it follows a successor that moved
};

// A week where the plan puts more stages on a department than its capacity.
struct PlanOverload {
  std::string dept;
  calendar::Date week;             // the Monday
  int capacity = 0;
  int committed = 0;               // the other orders' stages that week
  std::vector<std::size_t> stages; // the order's stages counted that week (Project::stages indices)
  [[nodiscard]] int load() const { return committed + static_cast<int>(stages.size()); }
};

struct CapacityPlan {
  std::vector<std::string> departments;   // the order's departments with a declared capacity, in stage order
  std::vector<ShiftedStage> shifted;      // in the plan's display order
  std::vector<PlanOverload> overloads;    // by department (settings order), then week
  std::optional<calendar::Date> earliest_energization; // within capacity; nullopt when none is found in the calendar
  bool forward_plan = false;              // the plan is the forward placement moved late (docs/capacity.md)
  // What the load was read from (filled in by the caller, for the report).
  calendar::Date as_of;                   // the load as of this day
  std::size_t orders = 0;                 // the other orders counted
  [[nodiscard]] bool within_capacity() const { return overloads.empty(); }
};

// The departments of the order's stages (not the customer's, not milestones) that have a declared
// capacity, in stage order, each once.
[[nodiscard]] std::vector<std::string> constrained_departments(const model::Project& project,
                                                               const model::Capacities& capacities);

// Places the order's stages against the load of the other orders (`load`: its window must hold
// every week they load, from the week of the order's acceptance; its capacities are the
// organization's) and makes the placed dates the plan's deadlines: PlanOutcome::stages[i].latest,
// working_days and total_float, and the schedule's ls, lf and total_float. Feasibility, the
// shortfall and the compression proposal (the time model) are left as they are. `plan` must be
// make_plan(project, cal) (or against --target).
[[nodiscard]] CapacityPlan plan_within_capacity(const model::Project& project, schedule::PlanOutcome& plan,
                                                const calendar::WorkingCalendar& cal, const LoadTable& load);

// The weeks a load table for planning must cover: from the week of `first` (the plan's first day:
// its acceptance, or an earlier latest start when the target is infeasible) through the week of
// `last` (the latest day any other order loads those departments, or the plan's own last day).
[[nodiscard]] WeekWindow plan_load_window(calendar::Date first, calendar::Date last);

} // namespace yekuo::track
