#pragma once
// Everything tracking and assessment need about one order file: the validated project, its
// calendar, the current plan, the confirmed baseline (if any) and the reference built from them.
#include <yekuo/calendar/calendar_cache.hpp>
#include <yekuo/model/baseline.hpp>
#include <yekuo/model/project.hpp>
#include <yekuo/schedule/plan_outcome.hpp>
#include <yekuo/track/plan_reference.hpp>
#include <yekuo/util/diagnostic.hpp>

#include <optional>
#include <string>

namespace yekuo::track {

struct TrackedProject {
  model::Project project;
  const calendar::WorkingCalendar* calendar = nullptr; // owned by the CalendarCache
  schedule::PlanOutcome plan;                          // current plan against the file's target
  std::optional<model::Baseline> baseline;             // NAME.baseline.toml, when confirmed
  PlanReference reference;                             // baseline, else current plan
};

// The order as known on `as_of` (track/known_on.hpp): facts dated after it and baseline revisions
// confirmed after it are dropped, the current plan is made, and the reference is built from what
// is left. The one composition every command uses (through load_tracked_project). Throws
// InputError when the plan runs off the calendar.
[[nodiscard]] TrackedProject make_tracked_project(model::Project project, std::optional<model::Baseline> baseline,
                                                  const calendar::WorkingCalendar& cal, calendar::Date as_of);

// Loads FILE and FILE's baseline as known on `as_of` (track/known_on.hpp: facts dated after it
// and revisions confirmed after it are left out, so a past week is reproduced exactly). Returns
// nullopt (with diagnostics: file:line:col) when the file or its baseline is invalid, or when
// planning it fails (a date outside the calendar). Warnings (provisional calendar years, no
// baseline) are added to `diags` too.
[[nodiscard]] std::optional<TrackedProject> load_tracked_project(const std::string& path,
                                                                 calendar::CalendarCache& calendars,
                                                                 Diagnostics& diags, calendar::Date as_of);

} // namespace yekuo::track
