#include <yekuo/schedule/capacity_placement.hpp>

#include "point_math.hpp"

#include <yekuo/calendar/week.hpp>
#include <yekuo/util/error.hpp>

#include <algorithm>
#include <cstdint>
#include <fmt/format.h>
#include <map>
#include <queue>
#include <tuple>
#include <utility>

namespace yekuo::schedule {

namespace {

using calendar::Date;
using detail::PointMath;
using I64 = std::int64_t;

using detail::SuccLink;

// The first and last calendar day of an activity started after `s` (SPEC §2; a calendar-day stage
// runs c calendar days from the first working day after s).
std::pair<Date, Date> span_of(const Activity& a, std::size_t i, I64 s, const PointMath& pm) {
  const auto& cal = pm.calendar();
  const Date first = cal.date_of(pm.checked(s + 1, a, i, "start"));
  if (detail::counts_calendar_days(a)) return {first, Date::from_days(static_cast<std::int32_t>(pm.last_day(a, i, s)))};
  return {first, cal.date_of(pm.checked(pm.fin(a, i, s), a, i, "finish"))};
}

class Placer {
public:
  Placer(const Network& n, const Schedule& sch, const calendar::WorkingCalendar& cal,
         const std::vector<std::optional<std::size_t>>& resources, const CommittedLoad& committed)
      : m_n(n), m_sch(sch), m_pm(cal), m_resources(resources), m_committed(committed), m_succs(detail::successor_links(n)) {}

  // Step 1: latest first. Returns the placement; the cells hold its takes.
  std::vector<PlacedActivity> latest_first() {
    std::vector<PlacedActivity> placed(m_n.activities.size());
    for (std::size_t i : reverse_order()) {
      const WorkPoint hi = latest_allowed(i, placed);
      const WorkPoint lo = m_sch.timings[i].es;
      place_late(i, hi, lo, placed[i]);
    }
    return placed;
  }

  // Step 2: the forward placement, each activity as early as its placed predecessors and the room
  // allow. nullopt when one finds no room before the calendar ends. Uses its own cells.
  std::optional<std::vector<WorkPoint>> forward() {
    std::vector<WorkPoint> starts(m_n.activities.size(), 0);
    for (std::size_t i : forward_order()) {
      const Activity& a = m_n.activities[i];
      I64 s = m_n.start;
      if (a.release) s = std::max<I64>(s, *a.release);
      I64 g = 0;
      bool has_g = false;
      if (a.finish_release) {
        g = *a.finish_release;
        has_g = true;
      }
      for (const Link& l : a.preds) {
        const I64 ps = starts[l.pred];
        const I64 pf = m_pm.fin(m_n.activities[l.pred], l.pred, ps);
        switch (l.type) {
        case model::DepType::fs: s = std::max<I64>(s, pf + l.lag); break;
        case model::DepType::ss: s = std::max<I64>(s, ps + l.lag); break;
        case model::DepType::ff:
          g = has_g ? std::max<I64>(g, pf + l.lag) : pf + l.lag;
          has_g = true;
          break;
        }
      }
      static_cast<void>(m_pm.checked(s, a, i, "earliest start"));
      if (has_g && m_pm.fin(a, i, s) < g) s = m_pm.earliest_start_at_least(a, g);
      // The last start whose finish the calendar still holds.
      const I64 last_start = m_pm.latest_start_by(a, m_pm.highest());
      if (s > last_start) return std::nullopt;
      if (uses_resource(i)) {
        while (true) {
          const auto full = full_week(i, s, /*earliest=*/false);
          if (!full) break;
          // Every later position that starts by the full week's Sunday still occupies it (its
          // first day is a working day, its last day no earlier than this one's): start after it.
          if (full->plus_days(6) > cal().last_date()) return std::nullopt;
          s = cal().point(full->plus_days(6));
          if (s > last_start) return std::nullopt;
        }
        take(i, s, +1);
      }
      starts[i] = m_pm.checked(s, a, i, "earliest start");
    }
    return starts;
  }

  // Step 3: the forward placement (taken in the cells, which must hold nothing else) moved as late
  // as successors, the target and the room allow.
  std::vector<PlacedActivity> right_justify(const std::vector<WorkPoint>& starts) {
    std::vector<PlacedActivity> placed(m_n.activities.size());
    for (std::size_t i = 0; i < starts.size(); ++i)
      if (uses_resource(i)) take(i, starts[i], +1);
    for (std::size_t i : reverse_order()) {
      const WorkPoint hi = latest_allowed(i, placed);
      if (uses_resource(i)) take(i, starts[i], -1);
      place_late(i, hi, starts[i], placed[i]);
      if (placed[i].overloaded)
        throw InternalError(fmt::format("capacity placement: stage \"{}\" lost its room", m_n.activities[i].id));
    }
    return placed;
  }

  void clear() { m_cells.clear(); }

  [[nodiscard]] std::vector<WeekOverload> overloads() const {
    std::vector<WeekOverload> out;
    for (const auto& [key, cell] : m_cells) {
      if (cell.activities.empty()) continue;
      const Date monday = Date::from_days(key.second);
      const WeekLoad w = m_committed.week(key.first, monday);
      if (w.load + static_cast<int>(cell.activities.size()) <= w.capacity) continue;
      WeekOverload o{key.first, monday, w.capacity, w.load, cell.activities};
      std::sort(o.activities.begin(), o.activities.end());
      out.push_back(std::move(o));
    }
    return out;
  }

  // The latest `done` of a placement (the energization point it allows).
  [[nodiscard]] WorkPoint energization(const std::vector<WorkPoint>& starts) const {
    I64 e = m_n.start;
    for (std::size_t i = 0; i < starts.size(); ++i) {
      const Activity& a = m_n.activities[i];
      const I64 done = detail::counts_calendar_days(a) ? m_pm.done_point_of_day(m_pm.last_day(a, i, starts[i]))
                                                       : m_pm.fin(a, i, starts[i]);
      e = std::max(e, done);
    }
    return m_pm.checked_project(e, "energization within capacity");
  }

private:
  struct Cell {
    std::vector<std::size_t> activities; // this order's activities counted in the week
  };

  [[nodiscard]] const calendar::WorkingCalendar& cal() const { return m_pm.calendar(); }

  [[nodiscard]] bool uses_resource(std::size_t i) const {
    return m_resources[i].has_value() && m_n.activities[i].duration > 0;
  }

  // Reverse topological order: ready once every successor is placed; the later latest start first,
  // then the later latest finish, then the later index.
  [[nodiscard]] std::vector<std::size_t> reverse_order() const {
    return ordered(Direction::backward,
                   [&](std::size_t i) { return OrderKey{m_sch.timings[i].ls, m_sch.timings[i].lf, i}; });
  }

  // Topological order: ready once every predecessor is placed; the earlier earliest start first,
  // then the earlier latest start, then the earlier index.
  [[nodiscard]] std::vector<std::size_t> forward_order() const {
    return ordered(Direction::forward,
                   [&](std::size_t i) { return OrderKey{m_sch.timings[i].es, m_sch.timings[i].ls, i}; });
  }

  enum class Direction { forward, backward };
  using OrderKey = std::tuple<WorkPoint, WorkPoint, std::size_t>;

  // Kahn's algorithm in either direction (forward: predecessors first; backward: successors first);
  // among the ready activities the least key first going forward, the greatest going backward.
  template <class KeyOf>
  [[nodiscard]] std::vector<std::size_t> ordered(Direction d, KeyOf&& key) const {
    const std::size_t count = m_n.activities.size();
    const bool backward = d == Direction::backward;
    std::vector<std::size_t> remaining(count, 0);
    for (std::size_t i = 0; i < count; ++i) remaining[i] = backward ? m_succs[i].size() : m_n.activities[i].preds.size();
    const auto pops_later = [backward](const OrderKey& a, const OrderKey& b) { return backward ? a < b : b < a; };
    std::priority_queue<OrderKey, std::vector<OrderKey>, decltype(pops_later)> ready(pops_later);
    for (std::size_t i = 0; i < count; ++i)
      if (remaining[i] == 0) ready.push(key(i));
    std::vector<std::size_t> out;
    out.reserve(count);
    auto release = [&](std::size_t j) {
      if (--remaining[j] == 0) ready.push(key(j));
    };
    while (!ready.empty()) {
      const std::size_t i = std::get<2>(ready.top());
      ready.pop();
      out.push_back(i);
      if (backward)
        for (const Link& l : m_n.activities[i].preds) release(l.pred);
      else
        for (const SuccLink& l : m_succs[i]) release(l.succ);
    }
    if (out.size() != count) throw InternalError("capacity placement: the stage graph has a cycle");
    return out;
  }

  // The latest start the target (the back-scheduled latest start already holds it, and finish_by)
  // and the successors as placed allow.
  [[nodiscard]] WorkPoint latest_allowed(std::size_t i, const std::vector<PlacedActivity>& placed) const {
    const Activity& a = m_n.activities[i];
    const I64 s = detail::latest_start_for_successors(
        m_pm, a, m_succs[i], I64{m_sch.timings[i].ls}, [&](std::size_t k) { return placed[k].start; },
        [&](std::size_t k) { return placed[k].finish; });
    return m_pm.checked(s, a, i, "latest start");
  }

  // Places activity i at the latest position in [lo, hi] where every week it occupies has room, or
  // at hi (overloaded) when none has; takes the room.
  void place_late(std::size_t i, WorkPoint hi, WorkPoint lo, PlacedActivity& out) {
    const Activity& a = m_n.activities[i];
    out.latest_allowed = hi;
    out.start = hi;
    if (uses_resource(i)) {
      I64 s = hi;
      // No float (the target cannot be met in time): hi is the only position; it is overloaded
      // only if a week it occupies is full.
      bool found = hi < lo && !full_week(i, s, /*earliest=*/true);
      while (!found && s >= lo) {
        const auto full = full_week(i, s, /*earliest=*/true);
        if (!full) {
          found = true;
          break;
        }
        // Every earlier position that ends in or after the full week still occupies it (its first
        // day is no later than this one's): end before the week's Monday.
        s = m_pm.latest_start_by(a, I64{cal().point(full->plus_days(-1))});
      }
      if (found)
        out.start = m_pm.checked(s, a, i, "latest start");
      else
        out.overloaded = true;
      take(i, out.start, +1);
    }
    out.finish = m_pm.checked(m_pm.fin(a, i, out.start), a, i, "latest finish");
    out.shifted = out.start != m_sch.timings[i].ls;
    out.for_capacity = out.start < hi;
  }

  // A week the activity started after s occupies that has no room for it (the earliest such week,
  // or the latest); nullopt when it fits.
  [[nodiscard]] std::optional<Date> full_week(std::size_t i, I64 s, bool earliest) const {
    const std::size_t r = *m_resources[i];
    const auto [first, last] = span_of(m_n.activities[i], i, s, m_pm);
    std::optional<Date> found;
    calendar::for_each_working_week(first, last, cal(), [&](Date monday) {
      if (found && earliest) return;
      const WeekLoad w = m_committed.week(r, monday);
      const auto it = m_cells.find({r, monday.days()});
      const int mine = it == m_cells.end() ? 0 : static_cast<int>(it->second.activities.size());
      if (w.capacity - w.load - mine < 1) found = monday;
    });
    return found;
  }

  void take(std::size_t i, I64 s, int delta) {
    const std::size_t r = *m_resources[i];
    const auto [first, last] = span_of(m_n.activities[i], i, s, m_pm);
    calendar::for_each_working_week(first, last, cal(), [&](Date monday) {
      auto& acts = m_cells[{r, monday.days()}].activities;
      if (delta > 0)
        acts.push_back(i);
      else
        acts.erase(std::find(acts.begin(), acts.end(), i));
    });
  }

  const Network& m_n;
  const Schedule& m_sch;
  PointMath m_pm;
  const std::vector<std::optional<std::size_t>>& m_resources;
  const CommittedLoad& m_committed;
  std::vector<std::vector<SuccLink>> m_succs;
  std::map<std::pair<std::size_t, std::int32_t>, Cell> m_cells; // (resource, Monday) -> this order's stages
};

std::vector<WorkPoint> starts_of(const std::vector<PlacedActivity>& placed) {
  std::vector<WorkPoint> out;
  out.reserve(placed.size());
  for (const auto& p : placed) out.push_back(p.start);
  return out;
}

} // namespace

std::vector<calendar::Date> occupied_weeks(const Activity& a, WorkPoint s, const calendar::WorkingCalendar& cal) {
  std::vector<calendar::Date> out;
  if (a.duration <= 0) return out;
  const PointMath pm(cal);
  const auto [first, last] = span_of(a, 0, s, pm);
  calendar::for_each_working_week(first, last, cal, [&](calendar::Date monday) { out.push_back(monday); });
  return out;
}

CapacityPlacement place_within_capacity(const Network& network, const Schedule& schedule,
                                        const calendar::WorkingCalendar& cal,
                                        const std::vector<std::optional<std::size_t>>& resources,
                                        const CommittedLoad& committed) {
  const std::size_t count = network.activities.size();
  if (resources.size() != count || schedule.timings.size() != count)
    throw InternalError("capacity placement: one resource and one timing per activity");
  for (const Activity& a : network.activities)
    if (a.fixed_start || a.fixed_finish)
      throw InternalError(fmt::format("capacity placement: stage \"{}\" has a recorded actual; plans only", a.id));

  CapacityPlacement out;
  Placer placer(network, schedule, cal, resources, committed);
  out.activities = placer.latest_first();
  out.overloads = placer.overloads();

  placer.clear();
  std::optional<std::vector<WorkPoint>> forward;
  try {
    forward = placer.forward();
  } catch (const InputError&) {
    forward.reset(); // a calendar-day stage would run past the calendar's end first: none found
    placer.clear();
  }
  std::optional<WorkPoint> forward_finish;
  if (forward) {
    out.forward_starts = *forward;
    forward_finish = placer.energization(*forward);
  }

  if (!out.overloads.empty() && forward) {
    bool meets_target = true;
    for (std::size_t i = 0; i < count; ++i) meets_target = meets_target && (*forward)[i] <= schedule.timings[i].ls;
    if (meets_target) {
      placer.clear();
      out.activities = placer.right_justify(*forward);
      out.overloads = placer.overloads();
      if (!out.overloads.empty()) throw InternalError("capacity placement: the forward plan overloads a week");
      out.forward_plan = true;
    }
  }

  // The plan's own end is an energization within capacity only when the plan keeps the time model
  // (no stage before its earliest start); otherwise only the forward placement is.
  if (out.within_capacity() && schedule.feasible) {
    const WorkPoint own = placer.energization(starts_of(out.activities));
    out.earliest_finish = forward_finish ? std::min(*forward_finish, own) : own;
  } else {
    out.earliest_finish = forward_finish;
  }
  return out;
}

} // namespace yekuo::schedule
