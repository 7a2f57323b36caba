#include <yekuo/calendar/date.hpp>

#include <chrono>
#include <fmt/format.h>

namespace yekuo::calendar {

namespace {
std::chrono::year_month_day to_ymd(Date d) {
  return std::chrono::year_month_day{std::chrono::sys_days{std::chrono::days{d.days()}}};
}
} // namespace

std::optional<Date> Date::from_ymd(int year, int month, int day) {
  if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1 || day > 31) return std::nullopt;
  const std::chrono::year_month_day ymd{std::chrono::year{year}, std::chrono::month{static_cast<unsigned>(month)},
                                        std::chrono::day{static_cast<unsigned>(day)}};
  if (!ymd.ok()) return std::nullopt;
  return Date(static_cast<std::int32_t>(std::chrono::sys_days{ymd}.time_since_epoch().count()));
}

std::optional<Date> Date::parse_iso(std::string_view t) {
  if (t.size() != 10 || t[4] != '-' || t[7] != '-') return std::nullopt;
  auto digits = [&](std::size_t from, std::size_t n) -> int {
    int v = 0;
    for (std::size_t i = from; i < from + n; ++i) {
      if (t[i] < '0' || t[i] > '9') return -1;
      v = v * 10 + (t[i] - '0');
    }
    return v;
  };
  const int y = digits(0, 4), m = digits(5, 2), d = digits(8, 2);
  if (y < 0 || m < 0 || d < 0) return std::nullopt;
  return from_ymd(y, m, d);
}

int Date::year() const { return static_cast<int>(to_ymd(*this).year()); }
int Date::month() const { return static_cast<int>(static_cast<unsigned>(to_ymd(*this).month())); }
int Date::day() const { return static_cast<int>(static_cast<unsigned>(to_ymd(*this).day())); }

std::string Date::iso() const {
  const auto ymd = to_ymd(*this);
  const int year = static_cast<int>(ymd.year());
  if (year < 0 || year > 9999) return fmt::format("{:04}-{:02}-{:02}", year, static_cast<unsigned>(ymd.month()),
                                                  static_cast<unsigned>(ymd.day()));
  // Reports write millions of dates: the digits by hand instead of a format string.
  const auto m = static_cast<unsigned>(ymd.month());
  const auto d = static_cast<unsigned>(ymd.day());
  const auto y = static_cast<unsigned>(year);
  const char text[10] = {static_cast<char>('0' + y / 1000), static_cast<char>('0' + y / 100 % 10),
                         static_cast<char>('0' + y / 10 % 10), static_cast<char>('0' + y % 10), '-',
                         static_cast<char>('0' + m / 10), static_cast<char>('0' + m % 10), '-',
                         static_cast<char>('0' + d / 10), static_cast<char>('0' + d % 10)};
  return std::string(text, sizeof text);
}

Date add_months(Date d, int months) {
  const auto ymd = to_ymd(d);
  const auto shifted = std::chrono::year_month{ymd.year(), ymd.month()} + std::chrono::months{months};
  const auto last = std::chrono::year_month_day_last{shifted.year(), std::chrono::month_day_last{shifted.month()}};
  const auto day = std::min(ymd.day(), last.day());
  const std::chrono::year_month_day out{shifted.year(), shifted.month(), day};
  return Date::from_days(static_cast<std::int32_t>(std::chrono::sys_days{out}.time_since_epoch().count()));
}

} // namespace yekuo::calendar
