#pragma once
// The official mainland-China holiday and adjusted-workday (调休) table, 2004 onwards,
// compiled in from data/cn-calendar.csv (facts from the State Council notices).
#include <span>

namespace yekuo::calendar {

enum class OfficialDayKind { holiday, workday };

struct OfficialDay {
  int year;
  int month;
  int day;
  OfficialDayKind kind;
  const char* name; // English holiday name, e.g. "Spring Festival"
};

// Sorted by date.
[[nodiscard]] std::span<const OfficialDay> official_days();
[[nodiscard]] int first_official_year();
[[nodiscard]] int last_official_year();
// Chinese name of a holiday ("Spring Festival" -> "春节"); the input when unknown.
[[nodiscard]] const char* holiday_name_zh(const char* english);

} // namespace yekuo::calendar
