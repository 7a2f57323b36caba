#include <yekuo/schedule/compress.hpp>

#include "point_math.hpp"

#include <yekuo/util/error.hpp>

#include <algorithm>
#include <cstdint>
#include <limits>

// The least total compression is a linear program over difference constraints:
//   maximise sum(F_i - S_i)  subject to  lo_i <= F_i - S_i <= hi_i, the SPEC §2 dependencies,
//   S_i >= start (and release), F_i >= finish_release, F_i <= target.
// Its dual is a min-cost flow (one unit from every S_i to its F_i; each constraint
// pi_a - pi_b <= w is an uncapacitated arc b -> a of cost w). We start from the flow that sends
// every unit along its own stage arc (cost hi_i) and cancel negative cycles of the residual
// network until none is left; the shortest distances from the zero node in the final residual
// network are then an optimal, integral schedule (complementary slackness).
namespace yekuo::schedule {

namespace {

using I64 = std::int64_t;
constexpr I64 k_infinite = std::numeric_limits<I64>::max() / 4;
// Bellman-Ford relaxations allowed before giving up on proving optimality (a hostile network
// of tens of thousands of stages); the fallback proposal is still feasible.
constexpr I64 k_work_budget = 200'000'000;

struct Arc {
  std::size_t from = 0;
  std::size_t to = 0;
  I64 cost = 0;
  I64 flow = 0;
};

class FlowModel {
public:
  explicit FlowModel(std::size_t nodes) : m_nodes(nodes) {}
  // pi[a] - pi[b] <= w
  void constrain(std::size_t a, std::size_t b, I64 w) { m_arcs.push_back({b, a, w, 0}); }
  void set_flow_on_last(I64 f) { m_arcs.back().flow = f; }

  // Cancels negative cycles; false when the work budget ran out or the constraints have no
  // solution (an unbounded negative cycle: with calendar-day stages modelled at a fixed length the
  // goal can be out of reach). The caller then uses its sound fallback.
  bool optimise(I64& work) {
    for (;;) {
      std::vector<std::pair<std::size_t, bool>> cycle;
      if (!find_negative_cycle(cycle, work)) return false;
      if (cycle.empty()) return true;
      I64 delta = k_infinite;
      for (auto [e, forward] : cycle)
        if (!forward) delta = std::min(delta, m_arcs[e].flow);
      if (delta == k_infinite) return false;
      for (auto [e, forward] : cycle) m_arcs[e].flow += forward ? delta : -delta;
    }
  }

  // Shortest distances from `root` in the residual network (no negative cycle left).
  std::vector<I64> potentials(std::size_t root) const {
    std::vector<I64> dist(m_nodes, k_infinite);
    if (root >= dist.size()) throw InternalError("compression: potentials from a node outside the network");
    dist[root] = 0;
    for (std::size_t pass = 0; pass < m_nodes; ++pass) {
      bool changed = false;
      for (const Arc& a : m_arcs) {
        if (dist[a.from] != k_infinite && dist[a.from] + a.cost < dist[a.to]) {
          dist[a.to] = dist[a.from] + a.cost;
          changed = true;
        }
        if (a.flow > 0 && dist[a.to] != k_infinite && dist[a.to] - a.cost < dist[a.from]) {
          dist[a.from] = dist[a.to] - a.cost;
          changed = true;
        }
      }
      if (!changed) break;
    }
    return dist;
  }

private:
  // Bellman-Ford from a virtual source at distance 0 to every node. `cycle` is left empty when
  // there is no negative cycle. Each entry: (arc, true = along the arc, false = against its flow).
  bool find_negative_cycle(std::vector<std::pair<std::size_t, bool>>& cycle, I64& work) const {
    std::vector<I64> dist(m_nodes, 0);
    std::vector<std::pair<std::size_t, bool>> parent(m_nodes, {m_arcs.size(), true});
    std::size_t last = m_nodes;
    for (std::size_t pass = 0; pass < m_nodes; ++pass) {
      last = m_nodes;
      work += static_cast<I64>(m_arcs.size());
      if (work > k_work_budget) return false;
      for (std::size_t e = 0; e < m_arcs.size(); ++e) {
        const Arc& a = m_arcs[e];
        if (dist[a.from] + a.cost < dist[a.to]) {
          dist[a.to] = dist[a.from] + a.cost;
          parent[a.to] = {e, true};
          last = a.to;
        }
        if (a.flow > 0 && dist[a.to] - a.cost < dist[a.from]) {
          dist[a.from] = dist[a.to] - a.cost;
          parent[a.from] = {e, false};
          last = a.from;
        }
      }
      if (last == m_nodes) return true; // converged: no negative cycle
    }
    // Still relaxing after |V| passes: walking back |V| parents lands on the cycle.
    auto tail = [&](std::size_t v) {
      const auto [e, forward] = parent[v];
      return forward ? m_arcs[e].from : m_arcs[e].to;
    };
    std::size_t v = last;
    for (std::size_t k = 0; k < m_nodes; ++k) v = tail(v);
    const std::size_t start = v;
    do {
      cycle.push_back(parent[v]);
      v = tail(v);
    } while (v != start);
    return true;
  }

  std::size_t m_nodes;
  std::vector<Arc> m_arcs;
};

struct Bounds {
  std::vector<I64> lo, hi; // length in points of every activity in the model
};

// The earliest solution when every working-day stage may take any length in [lo, hi]: the
// least fixpoint of the constraints, so its latest finish is the best reachable finish.
std::vector<std::pair<I64, I64>> earliest_flexible(const Network& n, const Bounds& b, const detail::PointMath& pm) {
  std::vector<std::pair<I64, I64>> sf(n.activities.size());
  for (std::size_t i : n.order) {
    const Activity& a = n.activities[i];
    I64 s = n.start;
    if (a.release) s = std::max<I64>(s, *a.release);
    // The finish must reach g (n.start when nothing asks more: every finish is >= the start).
    I64 g = a.finish_release ? std::max<I64>(*a.finish_release, n.start) : I64{n.start};
    for (const Link& l : a.preds) {
      const auto [ps, pf] = sf[l.pred];
      switch (l.type) {
      case model::DepType::fs: s = std::max(s, pf + l.lag); break;
      case model::DepType::ss: s = std::max(s, ps + l.lag); break;
      case model::DepType::ff: g = std::max(g, pf + l.lag); break;
      }
    }
    I64 f = 0;
    if (detail::counts_calendar_days(a)) {
      static_cast<void>(pm.checked(s, a, i, "earliest start"));
      if (pm.fin(a, i, s) < g) s = pm.earliest_start_at_least(a, g);
      static_cast<void>(pm.checked(s, a, i, "earliest start"));
      f = pm.fin(a, i, s);
    } else {
      s = std::max(s, g - b.hi[i]);
      f = std::max(s + b.lo[i], g);
    }
    sf[i] = {pm.checked(s, a, i, "earliest start"), pm.checked(f, a, i, "earliest finish")};
  }
  return sf;
}

// Solves the LP for the given target; lengths of calendar-day stages are taken from `at`
// (their start points). Returns the lengths in points, or nothing when the budget ran out.
std::optional<std::vector<I64>> least_compression(const Network& n, Bounds b, I64 target,
                                                  const std::vector<I64>& calendar_start, const detail::PointMath& pm,
                                                  I64& work) {
  const std::size_t count = n.activities.size();
  for (std::size_t i = 0; i < count; ++i)
    if (detail::counts_calendar_days(n.activities[i])) {
      const I64 len = pm.fin(n.activities[i], i, calendar_start[i]) - calendar_start[i];
      b.lo[i] = b.hi[i] = len;
    }
  const auto S = [](std::size_t i) { return 1 + 2 * i; };
  const auto F = [](std::size_t i) { return 2 + 2 * i; };
  constexpr std::size_t Z = 0;
  FlowModel m(1 + 2 * count);
  for (std::size_t i = 0; i < count; ++i) {
    const Activity& a = n.activities[i];
    m.constrain(F(i), S(i), b.hi[i]);
    m.set_flow_on_last(1); // the initial flow: every unit along its own stage
    m.constrain(S(i), F(i), -b.lo[i]);
    I64 low = n.start;
    if (a.release) low = std::max<I64>(low, *a.release);
    m.constrain(Z, S(i), -low);
    if (a.finish_release) m.constrain(Z, F(i), -I64{*a.finish_release});
    m.constrain(F(i), Z, target);
    for (const Link& l : a.preds) {
      switch (l.type) {
      case model::DepType::fs: m.constrain(F(l.pred), S(i), -I64{l.lag}); break;
      case model::DepType::ss: m.constrain(S(l.pred), S(i), -I64{l.lag}); break;
      case model::DepType::ff: m.constrain(F(l.pred), F(i), -I64{l.lag}); break;
      }
    }
  }
  if (!m.optimise(work)) return std::nullopt;
  const std::vector<I64> pi = m.potentials(Z);
  std::vector<I64> len(count);
  for (std::size_t i = 0; i < count; ++i) {
    len[i] = pi[F(i)] - pi[S(i)];
    if (len[i] < b.lo[i] || len[i] > b.hi[i]) throw InternalError("compression: the optimum breaks a duration bound");
  }
  return len;
}

} // namespace

CompressionPlan plan_compression(const Network& network, const calendar::WorkingCalendar& cal) {
  for (const Activity& a : network.activities)
    if (a.fixed_start || a.fixed_finish)
      throw InternalError("plan_compression: networks with recorded actuals are not supported");
  const detail::PointMath pm(cal);
  CompressionPlan plan;
  const Schedule base = compute_schedule(network, cal); // also validates the network
  const std::size_t count = network.activities.size();

  Bounds b;
  b.lo.assign(count, 0);
  b.hi.assign(count, 0);
  bool has_calendar_days = false;
  for (std::size_t i = 0; i < count; ++i) {
    const Activity& a = network.activities[i];
    b.hi[i] = a.duration;
    b.lo[i] = a.duration;
    if (detail::counts_calendar_days(a)) has_calendar_days = true;
    else if (a.min_duration) b.lo[i] = std::clamp<I64>(*a.min_duration, 0, a.duration);
  }
  const auto flexible = earliest_flexible(network, b, pm);
  I64 best = network.start;
  for (const auto& [s, f] : flexible) best = std::max(best, f);
  plan.best_finish = static_cast<WorkPoint>(std::min<I64>(best, base.earliest_finish));

  if (base.feasible) {
    plan.meets_target = true;
    plan.compressed = network;
    plan.schedule = base;
    return plan;
  }

  const I64 goal = std::max<I64>(network.target, plan.best_finish);
  I64 work = 0;
  // Calendar-day stages keep their length in points at the position of the previous solution;
  // a few rounds let them settle where the optimum puts them.
  std::vector<I64> at(count);
  for (std::size_t i = 0; i < count; ++i) at[i] = flexible[i].first;
  std::optional<std::vector<I64>> len;
  Network candidate;
  Schedule sched;
  bool verified = false;
  for (int round = 0; round < 3 && !verified; ++round) {
    len = least_compression(network, b, goal, at, pm, work);
    if (!len) break;
    candidate = network;
    for (std::size_t i = 0; i < count; ++i)
      if (!detail::counts_calendar_days(network.activities[i])) candidate.activities[i].duration = static_cast<int>((*len)[i]);
    sched = compute_schedule(candidate, cal);
    verified = sched.earliest_finish <= goal && (goal > network.target || sched.feasible);
    if (!has_calendar_days) break;
    for (std::size_t i = 0; i < count; ++i) at[i] = sched.timings[i].es;
  }
  plan.optimal = verified && !has_calendar_days;
  if (!verified) {
    // Sound fallback: the lengths of the earliest flexible solution, which reaches the best finish.
    candidate = network;
    for (std::size_t i = 0; i < count; ++i)
      if (!detail::counts_calendar_days(network.activities[i]))
        candidate.activities[i].duration = static_cast<int>(flexible[i].second - flexible[i].first);
    sched = compute_schedule(candidate, cal);
  }
  plan.compressed = std::move(candidate);
  plan.schedule = std::move(sched);
  plan.meets_target = plan.schedule.feasible && plan.schedule.earliest_finish <= network.target;
  plan.total_compression = 0;
  for (std::size_t i = 0; i < count; ++i) {
    const int from = network.activities[i].duration;
    const int to = plan.compressed.activities[i].duration;
    if (from != to) {
      plan.changes.push_back({i, from, to});
      plan.total_compression += from - to;
    }
  }
  return plan;
}

} // namespace yekuo::schedule
