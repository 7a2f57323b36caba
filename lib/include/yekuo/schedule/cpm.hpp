#pragma once
// Forward and backward passes on working-day points (SPEC §2).
//
//   FS: succ.start  >= pred.finish + lag
//   SS: succ.start  >= pred.start  + lag
//   FF: succ.finish >= pred.finish + lag
// Forward pass from the start point (no stage starts before it) -> earliest start/finish.
// Backward pass from the target point (every stage finishes by it; a stage with no successor
// finishes at it) -> latest start/finish = the deadlines. float = latest start - earliest start.
#include <yekuo/schedule/network.hpp>

#include <vector>

namespace yekuo::schedule {

struct Timing {
  WorkPoint es = 0, ef = 0; // earliest start / finish points
  WorkPoint ls = 0, lf = 0; // latest start / finish points (deadline = lf)
  int total_float = 0;      // ls - es, working days
  bool critical = false;    // total_float == the least float of the network
};

struct Schedule {
  WorkPoint start = 0;
  WorkPoint target = 0;
  std::vector<Timing> timings;            // per activity
  WorkPoint earliest_finish = 0;          // the latest earliest finish = earliest feasible energization point
  int min_float = 0;
  bool feasible = true;                   // no float is negative
  int shortfall = 0;                      // max(0, earliest_finish - target) working days
  std::vector<std::size_t> critical_path; // a chain of least-float activities, in order
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
