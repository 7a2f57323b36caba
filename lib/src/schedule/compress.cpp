#include <yekuo/schedule/compress.hpp>

#include "point_math.hpp"

#include <yekuo/util/error.hpp>

#include <algorithm>
#include <cstdint>
#include <functional>
#include <limits>
#include <optional>
#include <string>

// The least compression, exactly (docs/time-model.md, "Compression advice"):
//
// Minimise sum(w_i * r_i) over the days r_i removed from each stage, w_i = K + tie_i (K larger
// than any sum of tie_i * r_i, so the total comes first and the tie rule second), such that some
// schedule meets the goal. Every constraint of that problem has the form x_b >= h(x_a) with h
// non-decreasing (difference constraints, and a calendar-day stage's last day as a monotone
// function of its start point and back), so the feasible schedules form a lattice and the
// problem is a maximum-weight closure over threshold variables [x >= k] (one node per variable
// and value in its propagated domain): a minimum cut (ClosureModel below). This is exact for
// calendar-day stages, whose length in points depends on where they fall.
//
// Fallbacks, both reported with optimal = false unless exact: a network whose closure graph is
// too large uses the linear program over difference constraints (working-day networks only):
//   maximise sum(w_i (F_i - S_i))  subject to  lo_i <= F_i - S_i <= hi_i, the SPEC §2 dependencies,
//   S_i >= start (and release), F_i >= finish_release, F_i <= target,
// whose dual is a min-cost flow (w_i units from every S_i to its F_i; each constraint
// pi_a - pi_b <= w is an uncapacitated arc b -> a of cost w), solved by cancelling negative
// cycles from the flow along every stage's own arc; the shortest distances from the zero node in
// the final residual network are an optimal integral schedule (complementary slackness). When
// that runs out of budget too, the least schedule with every duration free (the best finish).
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
  std::vector<I64> lo, hi; // every activity's duration bounds in its own unit (calendar days too)
  std::vector<I64> weight; // cost of one removed day (0 for a stage that cannot be compressed)
};

// ---- The exact optimiser: maximum-weight closure by minimum cut ------------------------------

// Dinic's maximum flow, iterative (no recursion: level paths can be long).
class MaxFlow {
public:
  explicit MaxFlow(std::size_t nodes) : m_adj(nodes) {}
  void add(std::size_t u, std::size_t v, I64 cap) {
    m_adj[u].push_back(m_to.size());
    m_to.push_back(v);
    m_cap.push_back(cap);
    m_adj[v].push_back(m_to.size());
    m_to.push_back(u);
    m_cap.push_back(0);
  }
  [[nodiscard]] std::size_t arcs() const { return m_to.size(); }

  void run(std::size_t s, std::size_t t) {
    const std::size_t n = m_adj.size();
    std::vector<std::size_t> it(n);
    std::vector<std::size_t> path;
    for (;;) {
      m_level.assign(n, -1);
      std::vector<std::size_t> queue{s};
      m_level[s] = 0;
      for (std::size_t q = 0; q < queue.size(); ++q)
        for (std::size_t e : m_adj[queue[q]])
          if (m_cap[e] > 0 && m_level[m_to[e]] < 0) {
            m_level[m_to[e]] = m_level[queue[q]] + 1;
            queue.push_back(m_to[e]);
          }
      if (m_level[t] < 0) return;
      std::fill(it.begin(), it.end(), 0);
      path.clear();
      std::size_t u = s;
      for (;;) {
        if (u == t) {
          I64 f = k_infinite;
          for (std::size_t e : path) f = std::min(f, m_cap[e]);
          for (std::size_t e : path) {
            m_cap[e] -= f;
            m_cap[e ^ 1] += f;
          }
          path.clear();
          u = s;
          continue;
        }
        auto& k = it[u];
        while (k < m_adj[u].size() &&
               (m_cap[m_adj[u][k]] <= 0 || m_level[m_to[m_adj[u][k]]] != m_level[u] + 1))
          ++k;
        if (k == m_adj[u].size()) {
          if (u == s) break;
          m_level[u] = -1; // a dead end for this phase
          const std::size_t e = path.back();
          path.pop_back();
          u = m_to[e ^ 1];
          continue;
        }
        const std::size_t e = m_adj[u][k];
        path.push_back(e);
        u = m_to[e];
      }
    }
  }

  // The nodes reachable from s in the residual network (the source side of a minimum cut).
  [[nodiscard]] std::vector<bool> source_side(std::size_t s) const {
    std::vector<bool> seen(m_adj.size(), false);
    std::vector<std::size_t> stack{s};
    seen[s] = true;
    while (!stack.empty()) {
      const std::size_t u = stack.back();
      stack.pop_back();
      for (std::size_t e : m_adj[u])
        if (m_cap[e] > 0 && !seen[m_to[e]]) {
          seen[m_to[e]] = true;
          stack.push_back(m_to[e]);
        }
    }
    return seen;
  }

private:
  std::vector<std::vector<std::size_t>> m_adj;
  std::vector<std::size_t> m_to;
  std::vector<I64> m_cap;
  std::vector<int> m_level;
};

// Integer variables with domains, monotone constraints x_b >= h(x_a), and a separable objective
// (maximised). Constraints are kept in the order they were added (a topological order of the
// stages) so that propagation converges in a few passes.
class ClosureModel {
public:
  using Fn = std::function<I64(I64)>;
  // Budget of the closure graph (threshold nodes and arcs); above it solve() gives up.
  static constexpr std::size_t k_max_nodes = 300'000;
  static constexpr std::size_t k_max_arcs = 6'000'000;

  std::size_t add_var(I64 lo, I64 hi) {
    m_lo.push_back(lo);
    m_hi.push_back(hi);
    m_obj.emplace_back();
    return m_lo.size() - 1;
  }
  void at_least(std::size_t v, I64 x) { m_lo[v] = std::max(m_lo[v], x); }
  void require(std::size_t a, std::size_t b, Fn h) { m_cons.push_back({a, b, std::move(h)}); }
  void objective(std::size_t v, Fn f) { m_obj[v] = std::move(f); }
  [[nodiscard]] I64 lo(std::size_t v) const { return m_lo[v]; }

  // Raises the lower bounds to the least solution (a work list: a variable whose bound rose has
  // its outgoing constraints re-evaluated); false when a domain becomes empty or the work budget
  // runs out.
  bool propagate_lower() {
    index();
    std::vector<std::size_t> queue(m_lo.size());
    std::vector<bool> queued(m_lo.size(), true);
    for (std::size_t v = 0; v < queue.size(); ++v) queue[v] = v;
    I64 work = 0;
    for (std::size_t q = 0; q < queue.size(); ++q) {
      const std::size_t v = queue[q];
      queued[v] = false;
      for (std::size_t c : m_out[v]) {
        if (++work > k_propagation_budget) return false;
        const Con& con = m_cons[c];
        const I64 need = con.h(m_lo[v]);
        if (need <= m_lo[con.b]) continue;
        m_lo[con.b] = need;
        if (need > m_hi[con.b]) return false;
        if (!queued[con.b]) {
          queued[con.b] = true;
          queue.push_back(con.b);
        }
      }
    }
    return true;
  }
  // Lowers the upper bounds to the greatest solution (a work list over incoming constraints);
  // false when a domain becomes empty or the work budget runs out.
  bool propagate_upper() {
    index();
    std::vector<std::size_t> queue(m_hi.size());
    std::vector<bool> queued(m_hi.size(), true);
    for (std::size_t v = 0; v < queue.size(); ++v) queue[v] = queue.size() - 1 - v;
    I64 work = 0;
    for (std::size_t q = 0; q < queue.size(); ++q) {
      const std::size_t v = queue[q];
      queued[v] = false;
      for (std::size_t c : m_in[v]) {
        const Con& con = m_cons[c];
        // The largest x in [lo_a, hi_a] with h(x) <= hi_b (h is non-decreasing).
        if (con.h(m_hi[con.a]) <= m_hi[v]) continue;
        if (con.h(m_lo[con.a]) > m_hi[v]) return false;
        I64 good = m_lo[con.a], bad = m_hi[con.a];
        while (bad - good > 1) {
          if (++work > k_propagation_budget) return false;
          const I64 mid = good + (bad - good) / 2;
          (con.h(mid) <= m_hi[v] ? good : bad) = mid;
        }
        m_hi[con.a] = good;
        if (!queued[con.a]) {
          queued[con.a] = true;
          queue.push_back(con.a);
        }
      }
    }
    return true;
  }

  // The values maximising the objective, or nothing when the graph is over budget.
  std::optional<std::vector<I64>> solve() const {
    const std::size_t vars = m_lo.size();
    std::vector<std::size_t> offset(vars + 1, 0);
    for (std::size_t v = 0; v < vars; ++v) {
      offset[v + 1] = offset[v] + static_cast<std::size_t>(m_hi[v] - m_lo[v]);
      if (offset[v + 1] > k_max_nodes) return std::nullopt;
    }
    std::size_t arcs = offset[vars] * 2;
    for (const Con& c : m_cons) arcs += static_cast<std::size_t>(m_hi[c.a] - m_lo[c.a]);
    if (arcs > k_max_arcs) return std::nullopt;
    // Node offset[v] + (k - lo_v - 1) stands for x_v >= k, k in (lo_v, hi_v].
    const std::size_t nodes = offset[vars];
    const std::size_t src = nodes, sink = nodes + 1;
    MaxFlow g(nodes + 2);
    const auto node = [&](std::size_t v, I64 k) { return offset[v] + static_cast<std::size_t>(k - m_lo[v] - 1); };
    for (std::size_t v = 0; v < vars; ++v)
      for (I64 k = m_lo[v] + 1; k <= m_hi[v]; ++k) {
        if (k > m_lo[v] + 1) g.add(node(v, k), node(v, k - 1), k_infinite); // x >= k implies x >= k-1
        if (!m_obj[v]) continue;
        const I64 w = m_obj[v](k) - m_obj[v](k - 1);
        if (w > 0) g.add(src, node(v, k), w);
        if (w < 0) g.add(node(v, k), sink, -w);
      }
    for (const Con& c : m_cons)
      for (I64 k = m_lo[c.a] + 1; k <= m_hi[c.a]; ++k) {
        const I64 need = c.h(k);
        if (need <= m_lo[c.b]) continue;
        if (need > m_hi[c.b]) throw InternalError("compression: propagation left an infeasible value");
        g.add(node(c.a, k), node(c.b, need), k_infinite);
      }
    g.run(src, sink);
    const std::vector<bool> side = g.source_side(src);
    std::vector<I64> x(vars);
    for (std::size_t v = 0; v < vars; ++v) {
      x[v] = m_lo[v];
      for (I64 k = m_lo[v] + 1; k <= m_hi[v] && side[node(v, k)]; ++k) x[v] = k;
    }
    return x;
  }

private:
  static constexpr I64 k_propagation_budget = 50'000'000;
  struct Con {
    std::size_t a = 0, b = 0;
    Fn h;
  };
  void index() {
    m_out.assign(m_lo.size(), {});
    m_in.assign(m_lo.size(), {});
    for (std::size_t c = 0; c < m_cons.size(); ++c) {
      m_out[m_cons[c].a].push_back(c);
      m_in[m_cons[c].b].push_back(c);
    }
  }
  std::vector<I64> m_lo, m_hi;
  std::vector<Fn> m_obj;
  std::vector<Con> m_cons;
  std::vector<std::vector<std::size_t>> m_out, m_in;
};

// The schedule model of a network with free durations: per activity a start point S and a finish
// variable F (a point for working-day stages, the last calendar day's number for calendar-day
// stages, whose finish point is point(F)). With `goal`, every stage is done by it (by date).
struct ScheduleModel {
  ClosureModel m;
  std::vector<std::size_t> S, F;
  std::vector<bool> calendar;
};

ScheduleModel build_model(const Network& n, const Bounds& b, std::optional<I64> goal, const detail::PointMath& pm) {
  // The lambdas outlive this function (they are the model's constraints): they hold pointers
  // to the calendar and the point arithmetic, which outlive the model.
  const calendar::WorkingCalendar* cal = &pm.calendar();
  const detail::PointMath* math = &pm;
  const std::size_t count = n.activities.size();
  const I64 top = pm.highest();
  const I64 first_day = cal->first_date().days(), last_day = cal->last_date().days();
  const auto first_of = [cal](I64 s) { return I64{cal->date_of(static_cast<WorkPoint>(s + 1)).days()}; };
  const auto point_of_day = [math, first_day, last_day](I64 d) -> I64 {
    if (d < first_day) return 0;
    return math->point_of_day(std::min(d, last_day));
  };
  const auto day_of_point = [cal, top](I64 p) -> I64 { // the first day whose point is >= p
    if (p < 1) return std::numeric_limits<I64>::min() / 4;
    return cal->date_of(static_cast<WorkPoint>(std::min(p, top + 1))).days();
  };
  ScheduleModel sm;
  sm.S.resize(count);
  sm.F.resize(count);
  sm.calendar.resize(count);
  const I64 g = goal.value_or(top);
  const I64 g_day = goal ? I64{cal->date_of(static_cast<WorkPoint>(*goal)).days()} : last_day;
  // Variables first (all of them: links may point either way in index order).
  for (std::size_t i = 0; i < count; ++i) {
    const Activity& a = n.activities[i];
    sm.calendar[i] = detail::counts_calendar_days(a);
    I64 low = n.start;
    if (a.release) low = std::max<I64>(low, *a.release);
    sm.S[i] = sm.m.add_var(low, g);
    // A promised time limit (finish_by) bounds the finish like the goal does, when there is a goal.
    const I64 fg = goal && a.finish_by ? std::min<I64>(g, *a.finish_by) : g;
    if (sm.calendar[i]) {
      const I64 fg_day = goal && a.finish_by ? std::min<I64>(g_day, cal->date_of(*a.finish_by).days()) : g_day;
      sm.F[i] = sm.m.add_var(first_of(low), fg_day);
      if (a.finish_release) sm.m.at_least(sm.F[i], day_of_point(*a.finish_release));
    } else {
      sm.F[i] = sm.m.add_var(low, fg);
      if (a.finish_release) sm.m.at_least(sm.F[i], *a.finish_release);
    }
  }
  for (std::size_t i : n.order) {
    const Activity& a = n.activities[i];
    // Predecessors, in SPEC §2 form: the finish of a calendar-day stage is point(last day).
    for (const Link& l : a.preds) {
      const std::size_t p = l.pred;
      const I64 lag = l.lag;
      const bool pc = sm.calendar[p];
      const auto finish_point = [pc, point_of_day](I64 x) { return pc ? point_of_day(x) : x; };
      switch (l.type) {
      case model::DepType::fs:
        sm.m.require(sm.F[p], sm.S[i], [finish_point, lag](I64 x) { return finish_point(x) + lag; });
        break;
      case model::DepType::ss: sm.m.require(sm.S[p], sm.S[i], [lag](I64 x) { return x + lag; }); break;
      case model::DepType::ff:
        if (sm.calendar[i])
          sm.m.require(sm.F[p], sm.F[i],
                       [finish_point, lag, day_of_point](I64 x) { return day_of_point(finish_point(x) + lag); });
        else
          sm.m.require(sm.F[p], sm.F[i], [finish_point, lag](I64 x) { return finish_point(x) + lag; });
        break;
      }
    }
    const I64 lo = b.lo[i], hi = b.hi[i];
    if (sm.calendar[i]) {
      // lo <= F - date_of(S+1) + 1 <= hi: F >= date_of(S+1) + lo - 1 and S >= point(F - hi).
      sm.m.require(sm.S[i], sm.F[i], [first_of, lo](I64 s) { return first_of(s) + lo - 1; });
      sm.m.require(sm.F[i], sm.S[i], [point_of_day, hi](I64 f) { return point_of_day(f - hi); });
    } else {
      sm.m.require(sm.S[i], sm.F[i], [lo](I64 s) { return s + lo; });
      sm.m.require(sm.F[i], sm.S[i], [hi](I64 f) { return f - hi; });
    }
    if (b.weight[i] > 0) {
      const I64 w = b.weight[i];
      sm.m.objective(sm.F[i], [w](I64 f) { return w * f; });
      if (sm.calendar[i]) sm.m.objective(sm.S[i], [w, first_of](I64 s) { return -w * first_of(s); });
      else sm.m.objective(sm.S[i], [w](I64 s) { return -w * s; });
    }
  }
  return sm;
}

// The point from which the project can be energized after a stage finishing at F.
I64 done_point(const ScheduleModel& sm, std::size_t i, I64 f, const detail::PointMath& pm) {
  return sm.calendar[i] ? pm.done_point_of_day(f) : f;
}

// Durations (each stage's unit) of a solution of the model.
std::vector<I64> durations_of(const ScheduleModel& sm, const std::vector<I64>& s, const std::vector<I64>& f,
                              const detail::PointMath& pm) {
  std::vector<I64> d(sm.S.size());
  for (std::size_t i = 0; i < d.size(); ++i)
    d[i] = sm.calendar[i] ? f[i] - pm.calendar().date_of(static_cast<WorkPoint>(s[i] + 1)).days() + 1 : f[i] - s[i];
  return d;
}

// ---- The linear-program fallback (working-day networks) ----------------------------------------

std::optional<std::vector<I64>> least_compression_lp(const Network& n, const Bounds& b, I64 target, I64& work) {
  const std::size_t count = n.activities.size();
  const auto S = [](std::size_t i) { return 1 + 2 * i; };
  const auto F = [](std::size_t i) { return 2 + 2 * i; };
  constexpr std::size_t Z = 0;
  FlowModel m(1 + 2 * count);
  for (std::size_t i = 0; i < count; ++i) {
    const Activity& a = n.activities[i];
    m.constrain(F(i), S(i), b.hi[i]);
    m.set_flow_on_last(b.weight[i]); // the initial flow: each stage's weight along its own arc
    m.constrain(S(i), F(i), -b.lo[i]);
    I64 low = n.start;
    if (a.release) low = std::max<I64>(low, *a.release);
    m.constrain(Z, S(i), -low);
    if (a.finish_release) m.constrain(Z, F(i), -I64{*a.finish_release});
    m.constrain(F(i), Z, a.finish_by ? std::min<I64>(target, *a.finish_by) : target);
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

  // Bounds and weights. Compressible stages, in file (activity) order, get tie ranks m-1 .. 0:
  // a day removed from an earlier stage costs more, so among proposals with the least total the
  // days come from the stages listed last (docs/time-model.md).
  Bounds b;
  b.lo.assign(count, 0);
  b.hi.assign(count, 0);
  b.weight.assign(count, 0);
  bool has_calendar_days = false;
  I64 range = 0, compressible = 0;
  for (std::size_t i = 0; i < count; ++i) {
    const Activity& a = network.activities[i];
    const bool calendar_days = detail::counts_calendar_days(a);
    has_calendar_days = has_calendar_days || calendar_days;
    b.hi[i] = b.lo[i] = a.duration;
    if (a.min_duration) b.lo[i] = std::clamp<I64>(*a.min_duration, calendar_days ? 1 : 0, a.duration);
    if (b.lo[i] < b.hi[i]) {
      range += b.hi[i] - b.lo[i];
      ++compressible;
    }
  }
  const I64 k_total = std::max<I64>(compressible - 1, 0) * range + 1;
  for (I64 rank = compressible, i = 0; i < static_cast<I64>(count); ++i)
    if (b.lo[static_cast<std::size_t>(i)] < b.hi[static_cast<std::size_t>(i)])
      b.weight[static_cast<std::size_t>(i)] = k_total + --rank;

  // Best reachable finish: the least solution with every duration free in its bounds.
  ScheduleModel free_model = build_model(network, b, std::nullopt, pm);
  const bool have_least = free_model.m.propagate_lower();
  I64 best = network.start;
  if (have_least)
    for (std::size_t i = 0; i < count; ++i)
      best = std::max(best, done_point(free_model, i, free_model.m.lo(free_model.F[i]), pm));
  else
    best = base.earliest_finish; // out of budget: no better date is claimed
  plan.best_finish = pm.checked_project(std::min<I64>(best, base.earliest_finish), "best finish");

  if (base.feasible || !have_least) {
    if (!base.feasible) {
      plan.optimal = false;
      plan.reason = "the network is too large to compute a compression within the time budget";
    }
    plan.meets_target = base.feasible;
    plan.compressed = network;
    plan.schedule = base;
    return plan;
  }

  const I64 goal = std::max<I64>(network.target, plan.best_finish);
  std::optional<std::vector<I64>> len;
  ScheduleModel sm = build_model(network, b, goal, pm);
  const bool bounded = sm.m.propagate_lower() && sm.m.propagate_upper();
  if (const auto x = bounded ? sm.m.solve() : std::nullopt) {
    std::vector<I64> s(count), f(count);
    for (std::size_t i = 0; i < count; ++i) {
      s[i] = (*x)[sm.S[i]];
      f[i] = (*x)[sm.F[i]];
    }
    len = durations_of(sm, s, f, pm);
  } else if (!has_calendar_days) {
    I64 work = 0;
    len = least_compression_lp(network, b, goal, work);
    if (!len) plan.reason = "the network is too large to prove the least compression within the time budget";
  } else {
    plan.reason = "the network is too large to prove the least compression within the time budget";
  }
  plan.optimal = len.has_value();
  if (!len) {
    // Sound fallback: the durations of the least solution, which reaches the best finish.
    std::vector<I64> s(count), f(count);
    for (std::size_t i = 0; i < count; ++i) {
      s[i] = free_model.m.lo(free_model.S[i]);
      f[i] = free_model.m.lo(free_model.F[i]);
    }
    len = durations_of(free_model, s, f, pm);
  }
  Network candidate = network;
  for (std::size_t i = 0; i < count; ++i) {
    if ((*len)[i] < b.lo[i] || (*len)[i] > b.hi[i]) throw InternalError("compression: a duration outside its bounds");
    candidate.activities[i].duration = static_cast<int>((*len)[i]);
  }
  Schedule sched = compute_schedule(candidate, cal);
  if (sched.earliest_finish > goal) throw InternalError("compression: the proposal does not reach its goal");
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
