#pragma once
// The rolling forecast (滚动调整): re-schedule what is left from the actuals as of a date and
// compare the forecast energization with the reference's planned energization. The forecast
// never changes the baseline (re-confirming is `yekuo plan --confirm --reason ...`).
#include <yekuo/calendar/calendar.hpp>
#include <yekuo/model/project.hpp>
#include <yekuo/schedule/cpm.hpp>
#include <yekuo/schedule/network.hpp>
#include <yekuo/schedule/stage_dates.hpp>
#include <yekuo/track/plan_reference.hpp>
#include <yekuo/track/status.hpp>

#include <vector>

namespace yekuo::track {

struct Forecast {
  WorkPoint target_point = 0;                // point(planned energization of the reference)
  WorkPoint finish_point = 0;                // the latest forecast finish
  calendar::Date forecast_energization;      // date_of(finish_point)
  int slip_days = 0;                         // max(0, finish_point - target_point), working days
  schedule::Schedule schedule;               // forecast timings per stage (es/ef: the forecast)
  std::vector<schedule::DateSpan> dates;     // forecast start/finish dates per stage
  // Per stage: working days its forecast finish may move without delaying the planned
  // energization (lf - ef). For a stage in progress the start is fixed in the past, so the
  // finish float, not ls - es, says whether it is on the critical path.
  std::vector<int> finish_float;
  int min_float = 0;
  std::vector<bool> critical;                // finish_float == min_float
  std::vector<std::size_t> drivers;          // critical stages that are unfinished or done late, by forecast start
};

// The network of the forecast, from the project's planning network `base` (same activities):
//  - finished stages are fixed: fixed_start = start_point_of(started) when the start is known,
//    fixed_finish = point(finished);
//  - stages in progress: fixed_start = start_point_of(started), finish_release = a + 1 (they
//    cannot finish before the next working day);
//  - stages not started: release = a (they start on the next working day at the earliest) and
//    finish_release = a + 1 (so a pending milestone cannot happen in the past), on top of their
//    dependencies;
//  - target = point(reference.planned_energization).
[[nodiscard]] schedule::Network forecast_network(const model::Project& project, const schedule::Network& base,
                                                 const PlanReference& reference, const std::vector<StageState>& states,
                                                 const calendar::WorkingCalendar& cal, calendar::Date as_of);

[[nodiscard]] Forecast rolling_forecast(const model::Project& project, const schedule::Network& base,
                                        const PlanReference& reference, const std::vector<StageState>& states,
                                        const calendar::WorkingCalendar& cal, calendar::Date as_of);

} // namespace yekuo::track
