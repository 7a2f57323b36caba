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
  // When even full compression cannot meet the target: the best energization point reachable.
  WorkPoint best_finish = 0;
};

// Precondition: the network's schedule is infeasible.
[[nodiscard]] CompressionPlan plan_compression(const Network& network, const calendar::WorkingCalendar& cal);

} // namespace yekuo::schedule
