#include <yekuo/graph/stage_graph.hpp>

#include <doctest/doctest.h>
#include <fmt/format.h>

using namespace yekuo;
using model::Project;

namespace {

// Stages named by `ids`; edges as (pred, succ) index pairs, in the order of the succ's `after`.
Project make(const std::vector<std::string>& ids, const std::vector<std::pair<std::size_t, std::size_t>>& edges) {
  Project p;
  for (const auto& id : ids) {
    model::Stage s;
    s.id = id;
    p.stages.push_back(s);
  }
  for (const auto& [pred, succ] : edges) {
    model::Dependency d;
    d.stage = ids[pred];
    d.pred = pred;
    p.stages[succ].after.push_back(d);
  }
  return p;
}

std::size_t position(const std::vector<std::size_t>& order, std::size_t v) {
  for (std::size_t i = 0; i < order.size(); ++i)
    if (order[i] == v) return i;
  return order.size();
}

} // namespace

TEST_SUITE("graph::StageGraph") {

TEST_CASE("a topological order puts every predecessor before its successors") {
  // d after b and c; b after a; c after a; e alone.
  const auto p = make({"d", "b", "c", "a", "e"}, {{1, 0}, {2, 0}, {3, 1}, {3, 2}});
  const auto order = graph::topological_order(p);
  REQUIRE(order.has_value());
  REQUIRE(order->size() == 5);
  for (const auto& s : p.stages)
    for (const auto& d : s.after) CHECK(position(*order, d.pred) < position(*order, p.find_stage(s.id)));
  CHECK(position(*order, 4) < 5);
}

TEST_CASE("there is no order and a cycle is named when the stages wait for each other") {
  const auto p = make({"plan_reply", "design_review"}, {{0, 1}, {1, 0}});
  CHECK_FALSE(graph::topological_order(p).has_value());
  const auto c = graph::find_cycle(p);
  REQUIRE(c.has_value());
  CHECK(graph::describe_cycle(p, *c) == "plan_reply -> design_review -> plan_reply");
  // The DFS starts at stage 0 and closes the loop at its own `after` entry.
  CHECK(c->closing_stage == 0);
  CHECK(c->closing_dep == 0);
}

TEST_CASE("a cycle that is reached through other stages names only the cycle") {
  // start -> a -> b -> c -> a, and c -> end.
  const auto p = make({"start", "a", "b", "c", "end"}, {{0, 1}, {1, 2}, {2, 3}, {3, 1}, {3, 4}});
  const auto c = graph::find_cycle(p);
  REQUIRE(c.has_value());
  CHECK(graph::describe_cycle(p, *c) == "a -> b -> c -> a");
  CHECK(c->closing_stage == 1);
  // a's after is [start, c]: the second entry closes the loop.
  CHECK(c->closing_dep == 1);
}

TEST_CASE("an acyclic graph has no cycle, and unresolved dependencies are ignored") {
  auto p = make({"a", "b"}, {{0, 1}});
  model::Dependency unresolved;
  unresolved.stage = "nowhere";
  p.stages[0].after.push_back(unresolved);
  CHECK_FALSE(graph::find_cycle(p).has_value());
  CHECK(graph::topological_order(p).has_value());
}

TEST_CASE("a 10,000-stage cycle is found without running out of stack") {
  const std::size_t n = 10000;
  std::vector<std::string> ids;
  std::vector<std::pair<std::size_t, std::size_t>> edges;
  for (std::size_t i = 0; i < n; ++i) {
    ids.push_back(fmt::format("s{}", i));
    edges.emplace_back(i, (i + 1) % n);
  }
  const auto p = make(ids, edges);
  const auto c = graph::find_cycle(p);
  REQUIRE(c.has_value());
  CHECK(c->stages.size() == n + 1);
  CHECK(c->stages.front() == c->stages.back());
  const auto text = graph::describe_cycle(p, *c);
  CHECK(text.rfind("s0 -> s1 -> s2 -> ", 0) == 0);
  // Every id once, s0 again at the end, and n arrows.
  std::size_t expected = std::string("s0").size() + 4 * n;
  for (const auto& id : ids) expected += id.size();
  CHECK(text.size() == expected);
  CHECK(text.substr(text.size() - 11) == "s9999 -> s0");
}

TEST_CASE("a 100,000-stage chain is ordered") {
  const std::size_t n = 100000;
  std::vector<std::string> ids;
  std::vector<std::pair<std::size_t, std::size_t>> edges;
  // Stage i waits for stage i+1, so file order is the reverse of the topological order.
  for (std::size_t i = 0; i < n; ++i) ids.push_back(fmt::format("s{}", i));
  for (std::size_t i = 0; i + 1 < n; ++i) edges.emplace_back(i + 1, i);
  const auto p = make(ids, edges);
  const auto order = graph::topological_order(p);
  REQUIRE(order.has_value());
  CHECK(order->front() == n - 1);
  CHECK(order->back() == 0);
  CHECK_FALSE(graph::find_cycle(p).has_value());
}

}
