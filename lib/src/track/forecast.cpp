#include <yekuo/track/forecast.hpp>

#include <yekuo/util/error.hpp>

#include <algorithm>

namespace yekuo::track {

schedule::Network forecast_network(const model::Project& project, const schedule::Network& base,
                                   const PlanReference& reference, const std::vector<StageState>& states,
                                   const calendar::WorkingCalendar& cal, calendar::Date as_of) {
  const std::size_t n = project.stages.size();
  if (base.activities.size() != n || states.size() != n)
    throw InternalError("rolling_forecast: the network or the states do not match the project's stages");
  schedule::Network net = base;
  const WorkPoint a = cal.point(as_of);
  net.target = cal.point(reference.planned_energization);
  for (std::size_t i = 0; i < n; ++i) {
    schedule::Activity& act = net.activities[i];
    const StageState& s = states[i];
    const bool milestone = project.stages[i].is_milestone();
    act.release.reset();
    act.finish_release.reset();
    act.fixed_start.reset();
    act.fixed_finish.reset();
    act.fixed_start_date.reset();
    if (s.finished) {
      act.fixed_finish = cal.point(*s.finished);
      if (s.started) act.fixed_start = std::min(start_point_of(*s.started, milestone, cal), *act.fixed_finish);
    } else if (s.started) {
      act.fixed_start = start_point_of(*s.started, milestone, cal);
      // A calendar-day stage counts its calendar days from the recorded first day, even a rest
      // day (10 calendar days from Sat 2010-03-06 end Mon 03-15, not from Mon 03-08).
      if (act.unit == model::DurationUnit::calendar_days) act.fixed_start_date = *s.started;
      act.finish_release = a + 1;
    } else {
      act.release = a;
      act.finish_release = a + 1;
    }
  }
  return net;
}

Forecast rolling_forecast(const model::Project& project, const schedule::Network& base, const PlanReference& reference,
                          const std::vector<StageState>& states, const calendar::WorkingCalendar& cal,
                          calendar::Date as_of) {
  Forecast f;
  const schedule::Network net = forecast_network(project, base, reference, states, cal, as_of);
  f.schedule = schedule::compute_schedule(net, cal);
  f.target_point = net.target;
  f.finish_point = f.schedule.earliest_finish;
  f.forecast_energization = schedule::point_date(f.finish_point, cal);
  f.slip_days = std::max(0, f.finish_point - f.target_point);
  const std::size_t n = net.activities.size();
  f.dates.reserve(n);
  f.finish_float.reserve(n);
  for (std::size_t i = 0; i < n; ++i) {
    const auto& t = f.schedule.timings[i];
    f.dates.push_back(schedule::earliest_dates(net.activities[i], t.es, t.ef, cal));
    f.finish_float.push_back(t.lf - t.ef);
  }
  f.min_float = n == 0 ? 0 : *std::min_element(f.finish_float.begin(), f.finish_float.end());
  f.critical.assign(n, false);
  for (std::size_t i = 0; i < n; ++i) {
    f.critical[i] = f.finish_float[i] == f.min_float;
    const bool open = !states[i].finished;
    if (f.critical[i] && (open || states[i].status == StageStatus::done_late)) f.drivers.push_back(i);
  }
  std::stable_sort(f.drivers.begin(), f.drivers.end(), [&](std::size_t x, std::size_t y) {
    return f.schedule.timings[x].es < f.schedule.timings[y].es;
  });
  return f;
}

} // namespace yekuo::track
