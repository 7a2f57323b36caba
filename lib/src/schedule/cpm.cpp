#include <yekuo/schedule/cpm.hpp>

#include "point_math.hpp"

#include <yekuo/util/error.hpp>

#include <algorithm>
#include <cstdint>
#include <fmt/format.h>
#include <limits>
#include <tuple>

namespace yekuo::schedule {

namespace {

using detail::PointMath;
using I64 = std::int64_t;

using detail::SuccLink;

void check_network(const Network& n) {
  const std::size_t count = n.activities.size();
  if (n.order.size() != count) throw InternalError("schedule: the topological order does not cover every activity");
  std::vector<std::size_t> position(count, count);
  for (std::size_t k = 0; k < count; ++k) {
    const std::size_t i = n.order[k];
    if (i >= count || position[i] != count) throw InternalError("schedule: the topological order is not a permutation");
    position[i] = k;
  }
  for (std::size_t i = 0; i < count; ++i) {
    const Activity& a = n.activities[i];
    if (a.duration < 0)
      throw InputError(fmt::format("stage \"{}\": its duration is negative ({}); days must be >= 0", a.id, a.duration));
    for (const Link& l : a.preds)
      if (l.pred >= count || position[l.pred] >= position[i])
        throw InternalError(fmt::format("schedule: stage \"{}\" has a predecessor that is not before it", a.id));
  }
}

// The forward pass of one activity (SPEC §2 plus the tracking inputs of Activity).
void forward(const Network& n, std::size_t i, const PointMath& pm, std::vector<Timing>& t) {
  const Activity& a = n.activities[i];
  Timing& me = t[i];
  if (a.fixed_start) {
    me.es = pm.checked(*a.fixed_start, a, i, "recorded start");
    if (a.fixed_finish) {
      me.ef = pm.checked(*a.fixed_finish, a, i, "recorded finish");
      me.done = me.ef;
    } else {
      // A calendar-day stage with a recorded first day counts from that day (a rest day too).
      const bool from_day = detail::counts_calendar_days(a) && a.fixed_start_date;
      const I64 last = !detail::counts_calendar_days(a) ? 0
                       : from_day                       ? pm.last_day_from(a, i, *a.fixed_start_date)
                                                        : pm.last_day(a, i, me.es);
      const I64 own = detail::counts_calendar_days(a) ? pm.point_of_day(last) : pm.fin(a, i, me.es);
      I64 f = own;
      if (a.finish_release) f = std::max<I64>(f, *a.finish_release);
      me.ef = pm.checked(f, a, i, "earliest finish");
      const I64 done = detail::counts_calendar_days(a) && f == own ? pm.done_point_of_day(last) : f;
      me.done = pm.checked(done, a, i, "earliest finish");
    }
    return;
  }
  I64 s = n.start;
  if (a.release) s = std::max<I64>(s, *a.release);
  I64 g = std::numeric_limits<I64>::min(); // the finish must reach at least g
  bool has_g = false;
  if (a.finish_release) {
    g = *a.finish_release;
    has_g = true;
  }
  for (const Link& l : a.preds) {
    const Timing& p = t[l.pred];
    switch (l.type) {
    case model::DepType::fs: s = std::max<I64>(s, I64{p.ef} + l.lag); break;
    case model::DepType::ss: s = std::max<I64>(s, I64{p.es} + l.lag); break;
    case model::DepType::ff:
      g = std::max<I64>(g, I64{p.ef} + l.lag);
      has_g = true;
      break;
    }
  }
  // s is checked before fin() so that a calendar-day stage never looks outside the calendar.
  static_cast<void>(pm.checked(s, a, i, "earliest start"));
  if (has_g && pm.fin(a, i, s) < g) s = pm.earliest_start_at_least(a, g);
  if (a.fixed_finish) {
    me.ef = pm.checked(*a.fixed_finish, a, i, "recorded finish");
    me.es = pm.checked(std::min<I64>(s, me.ef), a, i, "earliest start");
    me.done = me.ef;
  } else {
    me.es = pm.checked(s, a, i, "earliest start");
    me.ef = pm.checked(pm.fin(a, i, me.es), a, i, "earliest finish");
    me.done = detail::counts_calendar_days(a) ? pm.checked(pm.done_point_of_day(pm.last_day(a, i, me.es)), a, i,
                                                           "earliest finish")
                                              : me.ef;
  }
}

// The backward pass of one activity: ignores release and fixed actuals (they describe the
// forecast, not the deadlines).
void backward(const Network& n, std::size_t i, const std::vector<std::vector<SuccLink>>& succs, const PointMath& pm,
              std::vector<Timing>& t) {
  const Activity& a = n.activities[i];
  // The target is compared by date (latest_start_done_by): a calendar-day stage must end on or
  // before the target's working day. Successors are compared by points: an FS successor can
  // start on the first working day after a rest-day end.
  I64 s = pm.latest_start_done_by(a, n.target);    // the start must be <= s
  if (a.finish_by) s = std::min(s, pm.latest_start_by(a, *a.finish_by)); // finish_within: fin(s) <= cap
  s = detail::latest_start_for_successors(
      pm, a, succs[i], s, [&](std::size_t k) { return t[k].ls; }, [&](std::size_t k) { return t[k].lf; });
  Timing& me = t[i];
  me.ls = pm.checked(s, a, i, "latest start");
  me.lf = pm.checked(pm.fin(a, i, me.ls), a, i, "latest finish");
}

// Whether the link from `l.pred` alone would put `succ`'s earliest start where it is.
bool drives(const Network& n, std::size_t succ, const Link& l, const std::vector<Timing>& t, const PointMath& pm) {
  const Timing& p = t[l.pred];
  const Timing& q = t[succ];
  switch (l.type) {
  case model::DepType::fs: return I64{q.es} == I64{p.ef} + l.lag;
  case model::DepType::ss: return I64{q.es} == I64{p.es} + l.lag;
  case model::DepType::ff: {
    const Activity& a = n.activities[succ];
    const I64 g = I64{p.ef} + l.lag;
    if (pm.fin(a, succ, q.es) < g) return false;
    return q.es == 0 || pm.fin(a, succ, I64{q.es} - 1) < g;
  }
  }
  return false;
}

std::vector<std::size_t> find_critical_path(const Network& n, const Schedule& sch,
                                            const std::vector<std::vector<SuccLink>>& succs, const PointMath& pm) {
  std::vector<std::size_t> path;
  const auto& t = sch.timings;
  std::size_t cur = t.size();
  // The final stage: the latest `done`; ties go to the later ef, then to a stage without
  // successors, then to the later activity in topological order (so a chain ends on a closing
  // milestone rather than on the stage it follows).
  const auto key = [&](std::size_t i) { return std::tuple(t[i].done, t[i].ef, succs[i].empty()); };
  for (std::size_t i : n.order)
    if (cur == t.size() || key(i) >= key(cur)) cur = i;
  while (cur < t.size()) {
    path.push_back(cur);
    const Activity& a = n.activities[cur];
    std::size_t next = t.size();
    // A recorded actual is a fact: nothing before it drives it.
    if (!a.fixed_start && !a.fixed_finish)
      for (const Link& l : a.preds) {
        if (!drives(n, cur, l, t, pm)) continue;
        next = l.pred;
        break;
      }
    cur = next;
  }
  std::reverse(path.begin(), path.end());
  return path;
}

// Every stage on a driving chain into a stage that is done last: the critical path and every chain
// that ties with it. In a network of working-day stages linked FS with lags >= 0 these are exactly
// the stages of least float (SPEC §2); with calendar-day stages, SS/FF links or actuals, the
// least float no longer finds the chain, this does.
std::vector<bool> on_driving_chains(const Network& n, const Schedule& sch, const PointMath& pm) {
  const auto& t = sch.timings;
  std::vector<bool> on(t.size(), false);
  std::vector<std::size_t> todo;
  for (std::size_t i = 0; i < t.size(); ++i)
    if (t[i].done == sch.earliest_finish) {
      on[i] = true;
      todo.push_back(i);
    }
  while (!todo.empty()) {
    const std::size_t cur = todo.back();
    todo.pop_back();
    const Activity& a = n.activities[cur];
    if (a.fixed_start || a.fixed_finish) continue; // a recorded actual is a fact: nothing before it drives it
    for (const Link& l : a.preds)
      if (!on[l.pred] && drives(n, cur, l, t, pm)) {
        on[l.pred] = true;
        todo.push_back(l.pred);
      }
  }
  return on;
}

} // namespace

WorkPoint finish_after(const Activity& a, WorkPoint s, const calendar::WorkingCalendar& cal) {
  const PointMath pm(cal);
  return pm.checked(pm.fin(a, 0, s), a, 0, "finish");
}

WorkPoint latest_start_finishing_by(const Activity& a, WorkPoint f, const calendar::WorkingCalendar& cal) {
  const PointMath pm(cal);
  return pm.checked(pm.latest_start_by(a, f), a, 0, "latest start");
}

WorkPoint earliest_start_finishing_at_least(const Activity& a, WorkPoint g, const calendar::WorkingCalendar& cal) {
  const PointMath pm(cal);
  return pm.checked(pm.earliest_start_at_least(a, g), a, 0, "earliest start");
}

Schedule compute_schedule(const Network& network, const calendar::WorkingCalendar& cal) {
  check_network(network);
  const PointMath pm(cal);
  Schedule sch;
  sch.start = pm.checked_project(network.start, "start point (applied date)");
  sch.target = pm.checked_project(network.target, "target point (target date)");
  const std::size_t count = network.activities.size();
  sch.timings.assign(count, Timing{});

  for (std::size_t i : network.order) forward(network, i, pm, sch.timings);

  const auto succs = detail::successor_links(network);
  for (auto it = network.order.rbegin(); it != network.order.rend(); ++it) backward(network, *it, succs, pm, sch.timings);

  if (count == 0) {
    // An empty project: its "float" is the room between the start and the target.
    sch.earliest_finish = sch.start;
    sch.min_float = sch.target - sch.start;
  } else {
    sch.earliest_finish = sch.timings.front().done;
    sch.min_float = std::numeric_limits<int>::max();
    for (Timing& t : sch.timings) {
      t.total_float = t.ls - t.es; // both in [1, N-1]: no overflow
      sch.min_float = std::min(sch.min_float, t.total_float);
      sch.earliest_finish = std::max(sch.earliest_finish, t.done);
    }
  }
  sch.feasible = sch.min_float >= 0;
  sch.shortfall = std::max(0, sch.earliest_finish - sch.target);
  // Without recorded actuals the forward pass is the least schedule and the backward pass the
  // latest one, so "no float negative" and "every stage done by the target" (done <= target) are
  // the same statement. With recorded actuals (the forecast) a fixed stage can break that; an
  // infeasible target then still never comes with a shortfall of 0.
  if (!sch.feasible && sch.shortfall == 0) sch.shortfall = std::max(1, -sch.min_float);
  sch.critical_path = find_critical_path(network, sch, succs, pm);
  const auto on = on_driving_chains(network, sch, pm);
  for (std::size_t i = 0; i < count; ++i) sch.timings[i].critical = on[i];
  return sch;
}

} // namespace yekuo::schedule
