#pragma once
// Points -> the dates people see (SPEC §2): a stage occupying points s+1..f shows
// start = date_of(s+1), finish (deadline) = date_of(f); a milestone shows date_of(s) for both.
// A calendar-day stage starts on the first working day after its start point and runs that
// many calendar days, so its finish date may be a weekend day (see docs/time-model.md).
#include <yekuo/schedule/network.hpp>

namespace yekuo::schedule {

struct DateSpan {
  calendar::Date start;
  calendar::Date finish;
};

[[nodiscard]] DateSpan stage_dates(const Activity& a, WorkPoint start, WorkPoint finish,
                                   const calendar::WorkingCalendar& cal);
// The forward (earliest / forecast) dates of an activity: as stage_dates, except that a
// calendar-day stage in progress with a recorded first day (Activity::fixed_start_date, possibly
// a rest day; no recorded finish) shows that day as its start and counts its calendar days from it.
[[nodiscard]] DateSpan earliest_dates(const Activity& a, WorkPoint start, WorkPoint finish,
                                      const calendar::WorkingCalendar& cal);

// The date on which a point's event happens (the working day at whose end it is).
[[nodiscard]] calendar::Date point_date(WorkPoint p, const calendar::WorkingCalendar& cal);

} // namespace yekuo::schedule
