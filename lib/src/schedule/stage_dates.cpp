#include <yekuo/schedule/stage_dates.hpp>

#include "point_math.hpp"

#include <yekuo/util/error.hpp>

#include <fmt/format.h>

namespace yekuo::schedule {

DateSpan stage_dates(const Activity& a, WorkPoint start, WorkPoint finish, const calendar::WorkingCalendar& cal) {
  if (finish < start)
    throw InternalError(fmt::format("stage \"{}\": finish point {} before start point {}", a.id, finish, start));
  if (finish == start) {
    // A milestone (or an actual that took no working day): the working day at whose end it happens.
    const calendar::Date d = cal.date_of(start);
    return {d, d};
  }
  const calendar::Date first = cal.date_of(start + 1);
  if (detail::counts_calendar_days(a)) {
    // The calendar day the stage ends on, which may be a weekend or holiday. When the finish
    // point is not the stage's own finish (a recorded or released finish), show that point's day.
    const calendar::Date last = first.plus_days(a.duration - 1);
    if (cal.in_range(last) && cal.point(last) == finish) return {first, last};
  }
  return {first, cal.date_of(finish)};
}

DateSpan earliest_dates(const Activity& a, WorkPoint start, WorkPoint finish, const calendar::WorkingCalendar& cal) {
  if (!detail::counts_calendar_days(a) || !a.fixed_start_date || !a.fixed_start || a.fixed_finish ||
      *a.fixed_start != start)
    return stage_dates(a, start, finish, cal);
  if (finish < start)
    throw InternalError(fmt::format("stage \"{}\": finish point {} before start point {}", a.id, finish, start));
  const calendar::Date first = *a.fixed_start_date;
  const calendar::Date last = first.plus_days(a.duration - 1);
  if (cal.in_range(last) && cal.point(last) == finish) return {first, last};
  return {first, cal.date_of(finish)};
}

calendar::Date point_date(WorkPoint p, const calendar::WorkingCalendar& cal) { return cal.date_of(p); }

} // namespace yekuo::schedule
