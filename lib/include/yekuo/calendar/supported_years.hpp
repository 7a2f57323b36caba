#pragma once
// The years a user may write: every date in a project, baseline or organization-calendar file,
// every `years = [...]` entry of an organization calendar and `plan --target` lie in
// k_first_supported_year-01-01 .. k_last_supported_year-12-31 (docs/file-format.md,
// `date-out-of-range`). schemas/*.schema.json spell the same range as a date pattern.
//
// The working-day index (WorkingCalendar::k_first_year..k_last_year) is wider on purpose: a plan
// counts working days back from a target and forward from a date near either end of this range,
// and must not run off the index while doing so.
namespace yekuo::calendar {

inline constexpr int k_first_supported_year = 2000;
inline constexpr int k_last_supported_year = 2100;

[[nodiscard]] constexpr bool is_supported_year(int year) {
  return year >= k_first_supported_year && year <= k_last_supported_year;
}

} // namespace yekuo::calendar
