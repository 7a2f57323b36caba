#pragma once
// Planning one new order against the load other orders already put on the departments (承载力):
// `yekuo plan FILE --portfolio DIR` (docs/capacity.md, "Planning against the load").
//
// A pure function over the order's network and its schedule (compute_schedule), on working-day
// points like the rest of the engine. Each activity may use one resource (a department with a
// declared capacity; customer stages, milestones and departments without a declared capacity use
// none and are never limited). A stage of a resource occupies the weeks (Monday to Sunday) in which
// at least one working day of the order's calendar falls between its first and last day
// (calendar::for_each_working_week, the load rule of track/load.hpp); a week has room for it when
// capacity - load of the other orders - this order's stages already placed there >= 1.
//
// The heuristic is a serial schedule generation, latest first:
//   1. Visit the activities in reverse topological order (ready = every successor placed; among the
//      ready ones the later back-scheduled latest start first, then the later latest finish, then
//      the later index). An activity may start no later than `hi` = its back-scheduled latest start,
//      further limited by the positions of its successors already placed (FS / SS / FF with lags,
//      SPEC §2), and no earlier than `lo` = its forward-pass earliest start. Try `hi`, then earlier
//      positions one point at a time (skipping at once every position that still occupies a week
//      found full), until every week the stage occupies has room; place it there and take the room.
//      If no position in [lo, hi] has room it stays at `hi` and the weeks where it does not fit are
//      overloads. So a stage only moves when its own week is full, or when a successor moved.
//   2. The earliest energization within capacity: a forward serial placement (topological order;
//      earlier forward-pass start first) puts every activity at the first position from its earliest
//      start, given its predecessors as placed, where every week it occupies has room; its
//      energization point is the latest `done` (Timing::done semantics). nullopt when a stage finds
//      no room before the calendar ends.
//   3. When step 1 leaves an overload but the forward placement of step 2 meets the target (every
//      activity no later than its back-scheduled latest start), that placement is a plan within
//      capacity: it is taken instead, after moving every activity (reverse topological order) as late
//      as its successors, the target and the room allow. Otherwise step 1's plan stands, with its
//      overloads; the target cannot be met within capacity.
// Dependencies and the target (and `finish_by`) are never broken by a plan without overloads; a plan
// whose time model is infeasible (negative float) keeps such stages at their latest allowed position.
#include <yekuo/calendar/calendar.hpp>
#include <yekuo/calendar/date.hpp>
#include <yekuo/schedule/cpm.hpp>
#include <yekuo/schedule/network.hpp>

#include <cstddef>
#include <optional>
#include <vector>

namespace yekuo::schedule {

// What the other orders already hold: a resource's capacity in the week starting `monday` and the
// number of their stages counted there (the room is capacity - load; negative when overloaded).
struct WeekLoad {
  int capacity = 0;
  int load = 0;
};

class CommittedLoad {
public:
  virtual ~CommittedLoad() = default;
  [[nodiscard]] virtual WeekLoad week(std::size_t resource, calendar::Date monday) const = 0;
};

struct PlacedActivity {
  WorkPoint start = 0;          // the placed start point (the plan's new latest start)
  WorkPoint finish = 0;         // its finish point (finish_after(start))
  WorkPoint latest_allowed = 0; // `hi` when it was placed: the latest start its successors and the target allowed
  bool shifted = false;         // start != the back-scheduled latest start (Timing::ls)
  bool for_capacity = false;    // start < latest_allowed: its own department had no room later
  bool overloaded = false;      // no position in its range had room: left at latest_allowed
};

// A week where the plan puts more stages on a resource than its capacity allows.
struct WeekOverload {
  std::size_t resource = 0;
  calendar::Date week; // the Monday
  int capacity = 0;
  int load = 0;                        // the other orders' stages there
  std::vector<std::size_t> activities; // this order's activities counted there, ascending index
};

struct CapacityPlacement {
  std::vector<PlacedActivity> activities; // per activity
  std::vector<WeekOverload> overloads;    // by resource, then week; empty: the plan is within capacity
  bool forward_plan = false;              // step 3: the forward placement moved late was taken
  // The forward placement of step 2 (start points per activity; empty when it found no room before
  // the calendar ended) and the earliest energization point within capacity: the earlier of its
  // latest `done` and, when the plan is within capacity, the plan's own latest `done`.
  std::vector<WorkPoint> forward_starts;
  std::optional<WorkPoint> earliest_finish;

  [[nodiscard]] bool within_capacity() const { return overloads.empty(); }
};

// `resources[i]`: the resource of activity i (nullopt: unlimited); activities of no duration never
// use one. The schedule must be compute_schedule(network, cal) of a plan (no recorded actuals:
// InternalError otherwise).
[[nodiscard]] CapacityPlacement place_within_capacity(const Network& network, const Schedule& schedule,
                                                      const calendar::WorkingCalendar& cal,
                                                      const std::vector<std::optional<std::size_t>>& resources,
                                                      const CommittedLoad& committed);

// The weeks (Mondays) an activity started after point `s` occupies on `cal` (none for a milestone).
[[nodiscard]] std::vector<calendar::Date> occupied_weeks(const Activity& a, WorkPoint s,
                                                         const calendar::WorkingCalendar& cal);

} // namespace yekuo::schedule
