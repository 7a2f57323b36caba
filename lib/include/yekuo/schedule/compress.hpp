#pragma once
// Which stages to shorten (down to their min_days) so that an infeasible target is met with
// the least total compression in working days.
#include <yekuo/schedule/cpm.hpp>

#include <vector>

namespace yekuo::schedule {

struct Compression {
  std::size_t activity = 0;
  int from_days = 0; // planned duration (stage's unit)
  int to_days = 0;   // proposed duration (stage's unit)
};

struct CompressionPlan {
  bool meets_target = false;          // the proposal meets the target
  int total_compression = 0;          // sum of (from - to), working days
  std::vector<Compression> changes;   // only the stages that change, by activity index
  Network compressed;                 // the network with the proposed durations
  Schedule schedule;                  // its schedule (against the same target)
  // The earliest energization point reachable by compressing (SPEC: "what the best date then
  // is"). When it is after the target, the proposal is the least compression that reaches it.
  WorkPoint best_finish = 0;
  // True when the proposal is proven to be the least total compression (always, unless the
  // network has calendar-day stages or is too large to optimise exactly; see docs/time-model.md).
  bool optimal = true;
};

// Working-day stages are compressed down to min_duration; calendar-day stages are never
// compressed. Fixed actuals are not supported (InternalError): compression is planning advice.
// On a feasible network it returns the network unchanged with meets_target = true.
[[nodiscard]] CompressionPlan plan_compression(const Network& network, const calendar::WorkingCalendar& cal);

} // namespace yekuo::schedule
