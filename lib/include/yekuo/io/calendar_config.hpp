#pragma once
// The organization settings file (`--org FILE`, env YEKUO_ORG; also taken as `--calendar FILE`, env
// YEKUO_CALENDAR, its first name):
//
//   [calendar]
//   holidays = [2027-01-01, "2027-02-05"]   # extra non-working days (local holidays)
//   workdays = [2027-02-20]                 # extra working days
//   years = [2027]                          # years the organization vouches for
//
//   [escalation]                            # the escalation ladder's thresholds (optional)
//   director_days = 5                       # working days overdue -> level 2 (centre director)
//   deputy_days = 10                        # working days overdue -> level 3 (deputy general manager)
//
//   [[department]]                          # department capacity (docs/capacity.md; optional)
//   name = "基建部"
//   concurrent = 3                          # stages it can have running in one week
//
// Any of the tables may be left out, not all. A project file may carry the same optional [calendar]
// table (Project::calendar); the thresholds are the organization's only.
#include <yekuo/calendar/calendar.hpp>
#include <yekuo/model/capacity.hpp>
#include <yekuo/model/project.hpp>
#include <yekuo/util/diagnostic.hpp>

#include <optional>
#include <string>
#include <string_view>

namespace yekuo::io {

// The organization settings file: its calendar overrides and escalation thresholds (defaults when a
// table is absent). nullopt when there is any error (reported to diags with file:line:col).
struct OrgSettings {
  calendar::CalendarOverrides calendar;
  model::EscalationThresholds escalation;
  model::Capacities capacities; // [[department]] (docs/capacity.md)
};
[[nodiscard]] std::optional<OrgSettings> load_org_settings(const std::string& path, Diagnostics& diags);
[[nodiscard]] std::optional<OrgSettings> load_org_settings_text(std::string_view text, const std::string& path,
                                                                Diagnostics& diags);

// Its calendar part only. nullopt when there is any error (reported to diags with file:line:col).
[[nodiscard]] std::optional<calendar::CalendarOverrides> load_calendar_overrides(const std::string& path,
                                                                                 Diagnostics& diags);
[[nodiscard]] std::optional<calendar::CalendarOverrides>
load_calendar_overrides_text(std::string_view text, const std::string& path, Diagnostics& diags);

// Both sets of additions; for a date both marks, `local` (the project file's) wins over `org`.
[[nodiscard]] calendar::CalendarOverrides merge_overrides(const calendar::CalendarOverrides& org,
                                                          const calendar::CalendarOverrides& local);

} // namespace yekuo::io
