#pragma once
// The stage graph: an edge pred -> succ for every `after` entry (Boost.Graph).
#include <yekuo/model/project.hpp>

#include <cstddef>
#include <optional>
#include <vector>

namespace yekuo::graph {

// A dependency cycle as stage indices, first stage repeated at the end: a -> b -> a.
struct Cycle {
  std::vector<std::size_t> stages;
  // The `after` entry that closes the loop: stage `stages[stages.size()-2]`'s... see closing_dep.
  std::size_t closing_stage = model::k_no_index; // the stage whose `after` entry closes the loop
  std::size_t closing_dep = model::k_no_index;   // index into that stage's `after`
};

// Dependencies whose `pred` is unresolved (k_no_index) are ignored.
// Returns the stages in a topological order (predecessors first), or nullopt when there is a cycle.
[[nodiscard]] std::optional<std::vector<std::size_t>> topological_order(const model::Project& project);

// One cycle of the graph, or nullopt when it is acyclic.
[[nodiscard]] std::optional<Cycle> find_cycle(const model::Project& project);

// "plan_reply -> design_review -> plan_reply"
[[nodiscard]] std::string describe_cycle(const model::Project& project, const Cycle& cycle);

} // namespace yekuo::graph
