#include <yekuo/schedule/network.hpp>

#include <yekuo/graph/stage_graph.hpp>
#include <yekuo/util/error.hpp>

#include <algorithm>
#include <fmt/format.h>

namespace yekuo::schedule {

namespace {
WorkPoint project_point(const calendar::WorkingCalendar& cal, calendar::Date d, const char* what) {
  if (!cal.in_range(d))
    throw InputError(fmt::format("the project's {} {} is outside the calendar ({}..{})", what, d.iso(),
                                 cal.first_date().iso(), cal.last_date().iso()));
  const WorkPoint p = cal.point(d);
  // The engine keeps every point in [1, N-1]: a date before the first working day of the
  // index, or in its last days, cannot be scheduled.
  if (p < 1 || p >= cal.point(cal.last_date()))
    throw InputError(fmt::format("the project's {} {} is too close to the edge of the calendar ({}..{})", what, d.iso(),
                                 cal.first_date().iso(), cal.last_date().iso()));
  return p;
}
} // namespace

Network make_network(const model::Project& project, const calendar::WorkingCalendar& cal,
                     std::optional<calendar::Date> target) {
  Network n;
  n.activities.reserve(project.stages.size());
  for (const model::Stage& st : project.stages) {
    Activity a;
    a.id = st.id;
    a.duration = st.duration;
    a.unit = st.unit;
    a.min_duration = st.min_duration;
    if (st.finish_within) a.finish_by = *st.finish_within; // made absolute below, once the start is known
    for (const model::Dependency& dep : st.after) {
      if (dep.pred >= project.stages.size())
        throw InternalError(fmt::format("stage \"{}\": dependency on \"{}\" was not resolved by validation", st.id,
                                        dep.stage));
      a.preds.push_back({dep.pred, dep.type, dep.lag});
    }
    n.activities.push_back(std::move(a));
  }
  auto order = graph::topological_order(project);
  if (!order) throw InternalError("make_network: the stage graph has a cycle (validation should have rejected it)");
  n.order = std::move(*order);
  n.start = project_point(cal, project.info.applied, "applied date");
  n.target = project_point(cal, target.value_or(project.info.target), "target date");
  // finish_within counts working days after the application day: point(applied) + N. Beyond the
  // target it changes nothing (every stage finishes by the target anyway).
  for (Activity& a : n.activities)
    if (a.finish_by) a.finish_by = std::min<WorkPoint>(n.start + *a.finish_by, n.target);
  return n;
}

} // namespace yekuo::schedule
