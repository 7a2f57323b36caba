#pragma once
// Calendar weeks (Monday to Sunday), the unit in which departments declare their capacity
// (承载力, reported weekly) and in which `yekuo load` counts their stages.
#include <yekuo/calendar/calendar.hpp>
#include <yekuo/calendar/date.hpp>

#include <algorithm>

namespace yekuo::calendar {

// The Monday on or before `d`.
[[nodiscard]] constexpr Date week_start(Date d) { return d.plus_days(-d.weekday()); }

// True when the days first..last (inclusive) hold at least one working day of `cal`; O(1).
// Days outside the calendar's index hold none.
[[nodiscard]] inline bool has_working_day(Date first, Date last, const WorkingCalendar& cal) {
  first = std::max(first, cal.first_date().plus_days(1));
  last = std::min(last, cal.last_date());
  if (last < first) return false;
  return cal.working_days_between(first.plus_days(-1), last) > 0;
}

// Calls f(monday) for every week, in order, in which the days first..last hold a working day of
// `cal` (a stage "occupies" those weeks). O(weeks).
template <class F>
void for_each_working_week(Date first, Date last, const WorkingCalendar& cal, F&& f) {
  for (Date monday = week_start(first); monday <= last; monday = monday.plus_days(7))
    if (has_working_day(std::max(first, monday), std::min(last, monday.plus_days(6)), cal)) f(monday);
}

} // namespace yekuo::calendar
