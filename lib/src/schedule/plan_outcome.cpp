#include <yekuo/schedule/plan_outcome.hpp>

#include <algorithm>
#include <queue>
#include <tuple>

namespace yekuo::schedule {

namespace {

std::vector<StagePlan> stage_plans(const Network& net, const Schedule& s, const calendar::WorkingCalendar& cal) {
  std::vector<StagePlan> out(net.activities.size());
  for (std::size_t i = 0; i < net.activities.size(); ++i) {
    const auto& a = net.activities[i];
    const auto& t = s.timings[i];
    out[i].earliest = stage_dates(a, t.es, t.ef, cal);
    out[i].latest = stage_dates(a, t.ls, t.lf, cal);
    out[i].total_float = t.total_float;
    out[i].critical = t.critical;
    out[i].working_days = t.lf - t.ls;
  }
  return out;
}

// Kahn's algorithm that always takes the ready stage with the earliest planned dates, so the
// table reads top to bottom in time and never lists a stage before its predecessors.
std::vector<std::size_t> natural_order(const Network& net, const Schedule& s) {
  const std::size_t n = net.activities.size();
  std::vector<std::vector<std::size_t>> succs(n);
  std::vector<std::size_t> indegree(n, 0);
  for (std::size_t i = 0; i < n; ++i)
    for (const auto& l : net.activities[i].preds) {
      succs[l.pred].push_back(i);
      ++indegree[i];
    }
  using Key = std::tuple<WorkPoint, WorkPoint, std::size_t>;
  std::priority_queue<Key, std::vector<Key>, std::greater<>> ready;
  auto key = [&](std::size_t i) { return Key{s.timings[i].ls, s.timings[i].es, i}; };
  for (std::size_t i = 0; i < n; ++i)
    if (indegree[i] == 0) ready.push(key(i));
  std::vector<std::size_t> order;
  order.reserve(n);
  while (!ready.empty()) {
    const std::size_t i = std::get<2>(ready.top());
    ready.pop();
    order.push_back(i);
    for (std::size_t j : succs[i])
      if (--indegree[j] == 0) ready.push(key(j));
  }
  return order;
}

} // namespace

PlanOutcome make_plan(const model::Project& project, const calendar::WorkingCalendar& cal,
                      std::optional<calendar::Date> target_override, CompressionAdvice advice) {
  PlanOutcome out;
  out.target = target_override.value_or(project.info.target);
  out.network = make_network(project, cal, out.target);
  out.schedule = compute_schedule(out.network, cal);
  out.stages = stage_plans(out.network, out.schedule, cal);
  out.display_order = natural_order(out.network, out.schedule);
  out.planned_energization = point_date(out.schedule.target, cal);
  out.earliest_energization = point_date(out.schedule.earliest_finish, cal);
  out.total_working_days = out.schedule.target - out.schedule.start;
  out.total_calendar_days = out.planned_energization - project.info.applied;
  for (std::size_t i = 0; i < project.stages.size(); ++i) {
    const auto& within = project.stages[i].finish_within;
    if (!within) continue;
    const WorkPoint cap = out.schedule.start + *within;
    const auto& t = out.schedule.timings[i];
    if (t.ef > cap) out.promise_breaches.push_back({i, *within, point_date(cap, cal), out.stages[i].earliest.finish, t.ef - cap});
  }

  if (!out.schedule.feasible && advice == CompressionAdvice::propose) {
    out.compression = plan_compression(out.network, cal);
    out.proposal_stages = stage_plans(out.compression->compressed, out.compression->schedule, cal);
    out.proposal_energization = point_date(
        out.compression->meets_target ? out.compression->schedule.earliest_finish : out.compression->best_finish, cal);
  }

  // Years the plan touches: from the earliest date shown to the latest.
  calendar::Date lo = project.info.applied;
  calendar::Date hi = std::max(out.planned_energization, out.earliest_energization);
  for (const auto& sp : out.stages) {
    lo = std::min({lo, sp.latest.start, sp.earliest.start});
    hi = std::max({hi, sp.latest.finish, sp.earliest.finish});
  }
  out.provisional_years = cal.provisional_years(lo, hi);

  const auto& info = project.info;
  out.eligible = info.capacity_kva >= k_min_capacity_kva || info.key_project || info.important;
  return out;
}

} // namespace yekuo::schedule
