#pragma once
// Which stages to shorten (down to their min_days) so that an infeasible target is met with
// the least total compression in working days.
#include <yekuo/schedule/cpm.hpp>

#include <string>
#include <vector>

namespace yekuo::schedule {

struct Compression {
  std::size_t activity = 0;
  int from_days = 0; // planned duration (stage's unit)
  int to_days = 0;   // proposed duration (stage's unit)
};

struct CompressionPlan {
  bool meets_target = false;          // the proposal meets the target
  // sum of (from - to) in each stage's unit: working days, and calendar days for a calendar-day
  // stage (its min_days is in calendar days too).
  int total_compression = 0;
  std::vector<Compression> changes;   // only the stages that change, by activity index
  Network compressed;                 // the network with the proposed durations
  Schedule schedule;                  // its schedule (against the same target)
  // The earliest energization point reachable by compressing (SPEC: "what the best date then
  // is"). When it is after the target, the proposal is the least compression that reaches it.
  WorkPoint best_finish = 0;
  // True when the proposal is proven to be the least total compression, ties broken by the rule
  // of docs/time-model.md (days come from the stages listed last). False only when the network is
  // too large to optimise exactly; `reason` then says so.
  bool optimal = true;
  std::string reason;                 // why the proposal is not proven optimal ("" when it is)
};

// Every stage is compressed down to its min_duration, in its own unit (calendar days for a
// calendar-day stage, at least 1). Fixed actuals are not supported (InternalError): compression
// is planning advice.
// On a feasible network it returns the network unchanged with meets_target = true.
[[nodiscard]] CompressionPlan plan_compression(const Network& network, const calendar::WorkingCalendar& cal);

} // namespace yekuo::schedule
