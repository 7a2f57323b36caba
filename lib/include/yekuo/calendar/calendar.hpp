#pragma once
// The working-day calendar and the SPEC §2 point arithmetic.
//
// Working days are numbered consecutively. point(date) is the number of working days on or
// before `date` (counted from the first day of the index), so a stage of d working days that
// may start after an event on day X occupies the working days numbered point(X)+1 .. point(X)+d.
// Both directions are O(1) array look-ups, built once per calendar.
#include <yekuo/calendar/date.hpp>
#include <yekuo/calendar/supported_years.hpp>

#include <cstdint>
#include <string>
#include <vector>

namespace yekuo::calendar {

using WorkPoint = std::int32_t;

// Local additions an organization makes on top of the official calendar.
struct CalendarOverrides {
  std::vector<Date> holidays;     // extra non-working days (e.g. a local holiday)
  std::vector<Date> workdays;     // extra working days (e.g. a weekend made a working day)
  std::vector<int> covered_years; // years the organization vouches for (e.g. a newly published year)

  [[nodiscard]] bool empty() const { return holidays.empty() && workdays.empty() && covered_years.empty(); }
  friend bool operator==(const CalendarOverrides&, const CalendarOverrides&) = default;
};

// One line of `yekuo calendar YEAR`.
struct CalendarEntry {
  Date date;
  bool working = false; // true for an adjusted working day on a weekend
  std::string name;     // English name of the holiday it belongs to; "local" for overrides
};

class WorkingCalendar {
public:
  // Years the index covers: the calendar's own implementation detail, not the years a file may
  // use (supported_years.hpp). The margin on both sides lets a plan count working days past a
  // date near the ends of the supported range without leaving the index.
  static constexpr int k_first_year = 1970;
  static constexpr int k_last_year = 2199;
  static_assert(k_first_year <= k_first_supported_year && k_last_supported_year <= k_last_year,
                "every supported year must lie inside the working-day index");

  explicit WorkingCalendar(const CalendarOverrides& overrides = {});

  // The official calendar with no overrides, built once and shared (thread-safe).
  static const WorkingCalendar& china();

  [[nodiscard]] Date first_date() const { return m_first; }
  [[nodiscard]] Date last_date() const { return m_last; }
  [[nodiscard]] bool in_range(Date d) const { return d >= m_first && d <= m_last; }
  [[nodiscard]] bool point_in_range(WorkPoint p) const {
    return p >= 1 && p <= static_cast<WorkPoint>(m_date_of_point.size()) - 1;
  }

  // All of these throw InputError for a date or point outside the index.
  [[nodiscard]] bool is_working_day(Date d) const;
  [[nodiscard]] WorkPoint point(Date d) const;
  // The working day numbered p (so point(date_of(p)) == p and date_of(p) is a working day).
  [[nodiscard]] Date date_of(WorkPoint p) const;
  // Working days after `from` up to and including `to`: point(to) - point(from). Negative if to < from.
  [[nodiscard]] int working_days_between(Date from, Date to) const;
  // n > 0: the n-th working day after d; n < 0: the |n|-th working day before d; n == 0: d itself.
  [[nodiscard]] Date add_working_days(Date d, int n) const;
  [[nodiscard]] Date next_working_day(Date d) const;     // first working day strictly after d
  [[nodiscard]] Date previous_working_day(Date d) const; // last working day strictly before d

  // True when the year's holidays are known (official table or an override's covered_years).
  [[nodiscard]] bool has_official_data(int year) const;
  // Years in [from, to] without official data, ascending.
  [[nodiscard]] std::vector<int> provisional_years(Date from, Date to) const;
  // "2027 holiday schedule not published yet: dates are provisional (Mon–Fri working days assumed)";
  // for a year before the official data (2003): that it is outside the data, not "not published yet".
  [[nodiscard]] static std::string provisional_warning(int year);
  // The same in Chinese: "2027 年节假日安排尚未公布：日期按周一至周五工作日暂排".
  [[nodiscard]] static std::string provisional_warning_zh(int year);

  // Holidays and adjusted working days of a year, including local overrides, by date.
  [[nodiscard]] std::vector<CalendarEntry> entries(int year) const;

  [[nodiscard]] const CalendarOverrides& overrides() const { return m_overrides; }

private:
  [[nodiscard]] std::size_t index_of(Date d) const;

  Date m_first;
  Date m_last;
  CalendarOverrides m_overrides;
  using PointOfDay = std::uint16_t;            // 1970-2199 has ~60,000 working days
  std::vector<PointOfDay> m_point_of_day;      // per day: working days on or before it
  std::vector<std::int32_t> m_date_of_point;   // per point p >= 1: days since epoch; [0] unused
  std::vector<bool> m_year_covered;            // per year of the index
};

} // namespace yekuo::calendar
