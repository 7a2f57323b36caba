#pragma once
// `yekuo plan FILE --portfolio DIR`: a new order planned against the load the other orders already
// put on the departments (docs/capacity.md, "Planning against the load"). The engine is
// schedule::place_within_capacity; this applies it to a plan with the load counted by
// DepartmentWeeks (or held by a LoadTable).
#include <yekuo/calendar/calendar.hpp>
#include <yekuo/calendar/date.hpp>
#include <yekuo/model/capacity.hpp>
#include <yekuo/model/project.hpp>
#include <yekuo/schedule/plan_outcome.hpp>
#include <yekuo/schedule/stage_dates.hpp>
#include <yekuo/track/load.hpp>

#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
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
  calendar::Date week; // the Monday
  int capacity = 0;
  int committed = 0;               // the other orders' stages that week
  std::vector<std::size_t> stages; // the order's stages counted that week (Project::stages indices)
  [[nodiscard]] int load() const { return committed + static_cast<int>(stages.size()); }
};

struct CapacityPlan {
  std::vector<std::string> departments; // the order's departments with a declared capacity, in stage order
  std::vector<ShiftedStage> shifted;    // in the plan's display order
  std::vector<PlanOverload> overloads;  // by department (settings order), then week
  std::optional<calendar::Date> earliest_energization; // within capacity; nullopt when none is found in the calendar
  bool forward_plan = false; // the plan is the forward placement moved late (docs/capacity.md)
  // What the load was read from (filled in by the caller, for the report).
  calendar::Date as_of;   // the load as of this day
  std::size_t orders = 0; // the other orders counted
  [[nodiscard]] bool within_capacity() const { return overloads.empty(); }
};

// The departments of the order's stages (not the customer's, not milestones) that have a declared
// capacity, in stage order, each once.
[[nodiscard]] std::vector<std::string> constrained_departments(const model::Project& project,
                                                               const model::Capacities& capacities);

// The other orders' stages per week on the departments with a declared capacity, counted as the
// orders arrive by the load rule of track/load.hpp (the weeks LoadTable::add counts, without a
// window: every week is kept) and without keeping the stages: memory is one counter per department
// and week, whatever the number of orders.
class DepartmentWeeks {
public:
  explicit DepartmentWeeks(const model::Capacities& capacities) : m_capacities(&capacities) {}

  // Counts the stages of one order (its calendar decides which weeks hold a working day of theirs);
  // stages of undeclared departments are not counted.
  void add(const std::vector<StageLoad>& stages, const calendar::WorkingCalendar& cal);
  // Stages of `dept` counted in the week starting `monday`.
  [[nodiscard]] int load(std::string_view dept, calendar::Date monday) const;
  [[nodiscard]] const model::Capacities& capacities() const { return *m_capacities; }

private:
  const model::Capacities* m_capacities;
  std::map<std::string, std::map<std::int32_t, int>, std::less<>> m_counts; // dept -> Monday (days) -> stages
};

// Places the order's stages against the load of the other orders and makes the placed dates the
// plan's deadlines: PlanOutcome::stages[i].latest, working_days and total_float, and the schedule's
// ls, lf and total_float. Feasibility, the shortfall and the compression proposal (the time model)
// are left as they are. `plan` must be make_plan(project, cal) (or against --target).
[[nodiscard]] CapacityPlan plan_within_capacity(const model::Project& project, schedule::PlanOutcome& plan,
                                                const calendar::WorkingCalendar& cal, const DepartmentWeeks& load);
// The same with the load of a LoadTable, whose window must hold every week the other orders load
// from the week of the plan's first day (it counts nothing outside its window).
[[nodiscard]] CapacityPlan plan_within_capacity(const model::Project& project, schedule::PlanOutcome& plan,
                                                const calendar::WorkingCalendar& cal, const LoadTable& load);

} // namespace yekuo::track
