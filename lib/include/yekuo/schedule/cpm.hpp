#pragma once
// Forward and backward passes on working-day points (SPEC §2).
//
//   FS: succ.start  >= pred.finish + lag
//   SS: succ.start  >= pred.start  + lag
//   FF: succ.finish >= pred.finish + lag
// Forward pass from the start point (no stage starts before it) -> earliest start/finish.
// Backward pass from the target point (every stage finishes by it; a stage with no successor
// finishes at it) -> latest start/finish = the deadlines. float = latest start - earliest start.
// The target is compared by date: a calendar-day stage's last day must be on or before the
// target's working day (a Sunday after a Friday target is late), while an FS successor may still
// start on the first working day after a rest-day end.
#include <yekuo/schedule/network.hpp>

#include <vector>

namespace yekuo::schedule {

struct Timing {
  WorkPoint es = 0, ef = 0; // earliest start / finish points
  WorkPoint ls = 0, lf = 0; // latest start / finish points (deadline = lf)
  // The earliest point on whose working day the project could be energized after this stage
  // (forward pass): ef, or ef + 1 when a calendar-day stage ends on a rest day (its last day is
  // after date_of(ef); energization is possible the next working day).
  WorkPoint done = 0;
  int total_float = 0;      // ls - es, working days
  bool critical = false;    // on the critical path (Schedule::critical_path)
};

struct Schedule {
  WorkPoint start = 0;
  WorkPoint target = 0;
  std::vector<Timing> timings;            // per activity
  WorkPoint earliest_finish = 0;          // the latest Timing::done = earliest feasible energization point
  int min_float = 0;
  bool feasible = true;                   // no float is negative
  int shortfall = 0;                      // max(0, earliest_finish - target) working days
  // The chain of driving dependencies from a first stage to the final stage (the longest path):
  // from the final stage (the latest `done`; ties: the later ef, then a stage without successors,
  // then the later in the topological order), step to the first predecessor in `after` order
  // whose link determines the stage's earliest start, until none does (the project start, a
  // release or a recorded actual determines it). In order, first stage first.
  std::vector<std::size_t> critical_path;
};

[[nodiscard]] Schedule compute_schedule(const Network& network, const calendar::WorkingCalendar& cal);

// The finish point of an activity that starts after point `s` (calendar-day stages depend on
// where they fall; working-day stages are s + duration).
// fin(s) is non-decreasing in s. A calendar-day stage of c >= 1 days started after s occupies the
// calendar days date_of(s+1) .. date_of(s+1) + (c-1), so fin(s) = point(date_of(s+1) + c - 1).
[[nodiscard]] WorkPoint finish_after(const Activity& a, WorkPoint s, const calendar::WorkingCalendar& cal);
// The inverses of finish_after, in O(1): the largest start point s with fin(s) <= f, and the
// smallest start point s with fin(s) >= g.
[[nodiscard]] WorkPoint latest_start_finishing_by(const Activity& a, WorkPoint f, const calendar::WorkingCalendar& cal);
[[nodiscard]] WorkPoint earliest_start_finishing_at_least(const Activity& a, WorkPoint g,
                                                          const calendar::WorkingCalendar& cal);

} // namespace yekuo::schedule
