#include <yekuo/calendar/calendar.hpp>

#include <yekuo/calendar/cn_holidays.hpp>
#include <yekuo/util/error.hpp>

#include <algorithm>
#include <fmt/format.h>
#include <limits>

namespace yekuo::calendar {

WorkingCalendar::WorkingCalendar(const CalendarOverrides& overrides)
    : m_first(*Date::from_ymd(k_first_year, 1, 1)),
      m_last(*Date::from_ymd(k_last_year, 12, 31)),
      m_overrides(overrides) {
  const auto n = static_cast<std::size_t>(m_last - m_first + 1);
  // Every command builds this index at start-up, so it is kept small (2 bytes a day, 4 a working
  // day: ~400 KB, fewer pages to touch) and built in two passes: m_point_of_day first holds each
  // day's working flag, then the running count of working days. The weekday is stepped rather
  // than divided out per day.
  m_point_of_day.resize(n);
  for (std::size_t i = 0, wd = static_cast<std::size_t>(m_first.weekday()); i < n; ++i, wd = wd == 6 ? 0 : wd + 1)
    m_point_of_day[i] = wd < 5 ? 1 : 0;

  m_year_covered.assign(static_cast<std::size_t>(k_last_year - k_first_year + 1), false);
  for (const auto& od : official_days()) {
    const auto d = Date::from_ymd(od.year, od.month, od.day);
    if (!d || !in_range(*d)) continue;
    m_point_of_day[index_of(*d)] = od.kind == OfficialDayKind::workday ? 1 : 0;
  }
  for (int y = first_official_year(); y <= last_official_year(); ++y)
    if (y >= k_first_year && y <= k_last_year) m_year_covered[static_cast<std::size_t>(y - k_first_year)] = true;

  // Local overrides win over the official table.
  for (Date d : m_overrides.holidays)
    if (in_range(d)) m_point_of_day[index_of(d)] = 0;
  for (Date d : m_overrides.workdays)
    if (in_range(d)) m_point_of_day[index_of(d)] = 1;
  for (int y : m_overrides.covered_years)
    if (y >= k_first_year && y <= k_last_year) m_year_covered[static_cast<std::size_t>(y - k_first_year)] = true;

  // Exact sizes first, then plain stores (no capacity checks in the loop).
  std::size_t working = 0;
  for (const PointOfDay w : m_point_of_day) working += w;
  if (working > std::numeric_limits<PointOfDay>::max())
    throw InternalError("the working-day index does not fit its 16-bit points");
  m_date_of_point.resize(working + 1);
  m_date_of_point[0] = 0; // point 0 has no day: it is the moment before the index starts
  PointOfDay p = 0;
  const std::int32_t first = m_first.days();
  for (std::size_t i = 0; i < n; ++i) {
    if (m_point_of_day[i] != 0) {
      ++p;
      m_date_of_point[p] = first + static_cast<std::int32_t>(i);
    }
    m_point_of_day[i] = p;
  }
}

const WorkingCalendar& WorkingCalendar::china() {
  static const WorkingCalendar k_china;
  return k_china;
}

std::size_t WorkingCalendar::index_of(Date d) const {
  if (!in_range(d))
    throw InputError(fmt::format("date {} is outside the calendar's range {}..{}", d.iso(), m_first.iso(), m_last.iso()));
  return static_cast<std::size_t>(d - m_first);
}

bool WorkingCalendar::is_working_day(Date d) const {
  // A working day is one that advances the count.
  const std::size_t i = index_of(d);
  return i == 0 ? m_point_of_day[0] == 1 : m_point_of_day[i] != m_point_of_day[i - 1];
}

WorkPoint WorkingCalendar::point(Date d) const { return m_point_of_day[index_of(d)]; }

Date WorkingCalendar::date_of(WorkPoint p) const {
  if (!point_in_range(p))
    throw InputError(fmt::format("a computed date falls outside the calendar's range {}..{}; "
                                 "check the durations, lags and dates",
                                 m_first.iso(), m_last.iso()));
  return Date::from_days(m_date_of_point[static_cast<std::size_t>(p)]);
}

int WorkingCalendar::working_days_between(Date from, Date to) const { return point(to) - point(from); }

Date WorkingCalendar::add_working_days(Date d, int n) const {
  if (n == 0) return d;
  const WorkPoint base = point(d);
  if (n > 0) return date_of(base + n);
  const WorkPoint own = is_working_day(d) ? 1 : 0;
  return date_of(base - own + n + 1);
}

Date WorkingCalendar::next_working_day(Date d) const { return add_working_days(d, 1); }
Date WorkingCalendar::previous_working_day(Date d) const { return add_working_days(d, -1); }

bool WorkingCalendar::has_official_data(int year) const {
  if (year < k_first_year || year > k_last_year) return false;
  return m_year_covered[static_cast<std::size_t>(year - k_first_year)];
}

std::vector<int> WorkingCalendar::provisional_years(Date from, Date to) const {
  std::vector<int> out;
  if (to < from) std::swap(from, to);
  for (int y = from.year(); y <= to.year(); ++y)
    if (!has_official_data(y)) out.push_back(y);
  return out;
}

std::string WorkingCalendar::provisional_warning(int year) {
  if (year < first_official_year())
    return fmt::format("{} is before the official holiday data (which starts in {}): dates are provisional (Mon–Fri "
                       "working days assumed)",
                       year, first_official_year());
  return fmt::format("{} holiday schedule not published yet: dates are provisional (Mon–Fri working days assumed)",
                     year);
}

std::string WorkingCalendar::provisional_warning_zh(int year) {
  if (year < first_official_year())
    return fmt::format("{} 年早于内置的法定节假日数据（{} 年起）：日期按周一至周五工作日暂排", year, first_official_year());
  return fmt::format("{} 年节假日安排尚未公布：日期按周一至周五工作日暂排", year);
}

std::vector<CalendarEntry> WorkingCalendar::entries(int year) const {
  std::vector<CalendarEntry> out;
  for (const auto& od : official_days()) {
    if (od.year != year) continue;
    const Date d = *Date::from_ymd(od.year, od.month, od.day);
    out.push_back({d, od.kind == OfficialDayKind::workday, od.name});
  }
  auto add_local = [&](Date d, bool working) {
    if (d.year() != year) return;
    std::erase_if(out, [&](const CalendarEntry& e) { return e.date == d; });
    out.push_back({d, working, "local"});
  };
  for (Date d : m_overrides.holidays) add_local(d, false);
  for (Date d : m_overrides.workdays) add_local(d, true);
  std::sort(out.begin(), out.end(), [](const CalendarEntry& a, const CalendarEntry& b) { return a.date < b.date; });
  return out;
}

} // namespace yekuo::calendar
