#include "point_math.hpp"

#include <yekuo/util/error.hpp>

#include <fmt/format.h>

namespace yekuo::schedule::detail {

PointMath::PointMath(const calendar::WorkingCalendar& cal)
    : m_cal(cal),
      m_last_point(cal.point(cal.last_date())),
      m_first_day(cal.first_date().days()),
      m_last_day(cal.last_date().days()) {}

namespace {
std::string stage_name(const Activity& a, std::size_t index) {
  return a.id.empty() ? fmt::format("#{}", index + 1) : a.id;
}
} // namespace

WorkPoint PointMath::checked(std::int64_t p, const Activity& a, std::size_t index, std::string_view what) const {
  if (p < lowest() || p > highest())
    throw InputError(fmt::format("stage \"{}\": its {} falls outside the calendar ({}..{}); "
                                 "check its days, its lags and the project's applied and target dates",
                                 stage_name(a, index), what, m_cal.first_date().iso(), m_cal.last_date().iso()));
  return static_cast<WorkPoint>(p);
}

WorkPoint PointMath::checked_project(std::int64_t p, std::string_view what) const {
  if (p < lowest() || p > highest())
    throw InputError(fmt::format("the project's {} falls outside the calendar ({}..{}); check the applied and "
                                 "target dates",
                                 what, m_cal.first_date().iso(), m_cal.last_date().iso()));
  return static_cast<WorkPoint>(p);
}

std::int64_t PointMath::last_day(const Activity& a, std::size_t index, std::int64_t s) const {
  if (s < 0 || s + 1 > m_last_point) static_cast<void>(checked(s, a, index, "start"));
  const std::int64_t first = m_cal.date_of(static_cast<WorkPoint>(s + 1)).days();
  const std::int64_t last = first + a.duration - 1;
  if (last > m_last_day) static_cast<void>(checked(m_last_point, a, index, "finish"));
  return last;
}

std::int64_t PointMath::last_day_from(const Activity& a, std::size_t index, calendar::Date first) const {
  const std::int64_t last = std::int64_t{first.days()} + a.duration - 1;
  if (first.days() < m_first_day || last > m_last_day)
    static_cast<void>(checked(m_last_point, a, index, "recorded start"));
  return last;
}

std::int64_t PointMath::point_of_day(std::int64_t day) const {
  return m_cal.point(calendar::Date::from_days(static_cast<std::int32_t>(day)));
}

std::int64_t PointMath::done_point_of_day(std::int64_t day) const {
  const calendar::Date d = calendar::Date::from_days(static_cast<std::int32_t>(day));
  return std::int64_t{m_cal.point(d)} + (m_cal.is_working_day(d) ? 0 : 1);
}

std::int64_t PointMath::fin(const Activity& a, std::size_t index, std::int64_t s) const {
  if (!counts_calendar_days(a)) return s + a.duration;
  return point_of_day(last_day(a, index, s));
}

// date_of(s+1) + c - 1 <= date_of(t)  <=>  date_of(s+1) <= date_of(t) - (c-1)  <=>  s + 1 <= point(date_of(t) - c + 1)
std::int64_t PointMath::latest_start_done_by(const Activity& a, std::int64_t t) const {
  if (!counts_calendar_days(a)) return t - a.duration;
  if (t < 1) return t - 1;
  if (t >= m_last_point) return highest();
  const std::int64_t day = m_cal.date_of(static_cast<WorkPoint>(t)).days() - a.duration + 1;
  if (day < m_first_day) return -1;
  return point_of_day(day) - 1;
}

// fin(s) <= f  <=>  date_of(s+1) + c - 1 < date_of(f+1)  <=>  date_of(s+1) <= date_of(f+1) - c
//              <=>  s + 1 <= point(date_of(f+1) - c)
std::int64_t PointMath::latest_start_by(const Activity& a, std::int64_t f) const {
  if (!counts_calendar_days(a)) return f - a.duration;
  if (f < 1) return f - 1;                       // fin(s) > s, so any answer is below the range
  if (f + 1 > m_last_point) return highest();    // every valid start finishes by f
  const std::int64_t day = m_cal.date_of(static_cast<WorkPoint>(f + 1)).days() - a.duration;
  if (day < m_first_day) return -1;
  return std::int64_t{m_cal.point(calendar::Date::from_days(static_cast<std::int32_t>(day)))} - 1;
}

// fin(s) >= g  <=>  not fin(s) <= g - 1  <=>  s + 1 > point(date_of(g) - c)  <=>  s >= point(date_of(g) - c)
std::int64_t PointMath::earliest_start_at_least(const Activity& a, std::int64_t g) const {
  if (!counts_calendar_days(a)) return g - a.duration;
  if (g < 1) return 0;                            // fin(0) >= 1 > g
  if (g > m_last_point) return m_last_point;      // no valid start reaches it: above the range
  const std::int64_t day = m_cal.date_of(static_cast<WorkPoint>(g)).days() - a.duration;
  if (day < m_first_day) return 0;
  return m_cal.point(calendar::Date::from_days(static_cast<std::int32_t>(day)));
}

} // namespace yekuo::schedule::detail
