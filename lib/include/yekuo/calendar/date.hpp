#pragma once
// A civil date (proleptic Gregorian), stored as days since 1970-01-01 so that
// comparisons and day arithmetic are plain integer operations.
#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace yekuo::calendar {

class Date {
public:
  constexpr Date() = default;
  static constexpr Date from_days(std::int32_t days_since_epoch) { return Date(days_since_epoch); }
  // Returns nullopt for an impossible date (2010-02-30) or a year outside 1..9999.
  static std::optional<Date> from_ymd(int year, int month, int day);
  // Strict ISO "YYYY-MM-DD"; nullopt otherwise.
  static std::optional<Date> parse_iso(std::string_view text);

  [[nodiscard]] constexpr std::int32_t days() const { return m_days; }
  [[nodiscard]] int year() const;
  [[nodiscard]] int month() const;
  [[nodiscard]] int day() const;
  // 0 = Monday ... 6 = Sunday.
  [[nodiscard]] constexpr int weekday() const {
    // 1970-01-01 was a Thursday (3).
    const int w = static_cast<int>((static_cast<std::int64_t>(m_days) + 3) % 7);
    return w < 0 ? w + 7 : w;
  }
  [[nodiscard]] constexpr bool is_weekend() const { return weekday() >= 5; }
  [[nodiscard]] std::string iso() const; // "YYYY-MM-DD"

  [[nodiscard]] constexpr Date plus_days(std::int32_t n) const { return Date(m_days + n); }
  friend constexpr std::int32_t operator-(Date a, Date b) { return a.m_days - b.m_days; }
  friend constexpr auto operator<=>(Date, Date) = default;

private:
  constexpr explicit Date(std::int32_t d) : m_days(d) {}
  std::int32_t m_days = 0;
};

// Adds calendar months, clamping the day to the end of the target month
// (2010-01-31 + 1 month = 2010-02-28).
[[nodiscard]] Date add_months(Date d, int months);

} // namespace yekuo::calendar
