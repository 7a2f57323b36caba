#include <yekuo/track/tracked_project.hpp>

#include <yekuo/io/baseline_file.hpp>
#include <yekuo/io/validate.hpp>
#include <yekuo/track/known_on.hpp>
#include <yekuo/util/error.hpp>

#include <fmt/format.h>

namespace yekuo::track {

TrackedProject make_tracked_project(model::Project project, std::optional<model::Baseline> baseline,
                                   const calendar::WorkingCalendar& cal, calendar::Date as_of) {
  TrackedProject out;
  out.project = std::move(project);
  forget_after(out.project, as_of);
  out.calendar = &cal;
  out.plan = schedule::make_plan(out.project, cal, std::nullopt, schedule::CompressionAdvice::skip);
  if (baseline) out.baseline = baseline_known_on(std::move(*baseline), as_of);
  out.reference = out.baseline ? reference_from_baseline(out.project, *out.baseline, out.plan, cal)
                               : reference_from_plan(out.project, out.plan, cal);
  return out;
}

std::optional<TrackedProject> load_tracked_project(const std::string& path, calendar::CalendarCache& calendars,
                                                   Diagnostics& diags, calendar::Date as_of) {
  io::LoadOptions options;
  options.org_calendar = calendars.organization();
  auto project = io::load_project(path, diags, options);
  if (!project) return std::nullopt;
  const calendar::WorkingCalendar& cal = calendars.get(project->calendar);

  // A baseline of another order is an error here as in plan and check (io::load_order_baseline).
  auto baseline = io::load_order_baseline(path, project->info.id, diags);
  if (baseline.status == io::BaselineStatus::invalid) return std::nullopt;
  const SourceLoc where{path, project->info.loc.line, project->info.loc.column};
  std::optional<model::Baseline> confirmed;
  if (baseline.status == io::BaselineStatus::loaded) confirmed = std::move(baseline.baseline);
  try {
    return make_tracked_project(std::move(*project), std::move(confirmed), cal, as_of);
  } catch (const InputError& e) {
    // A schedule that runs off the calendar (absurd durations or lags): the file is the problem.
    diags.error("schedule-out-of-range", where, e.what(), "check the durations, lags and dates of the stages");
    return std::nullopt;
  }
}

} // namespace yekuo::track
