#include <yekuo/track/tracked_project.hpp>

#include <yekuo/io/baseline_file.hpp>
#include <yekuo/io/validate.hpp>
#include <yekuo/util/error.hpp>

#include <fmt/format.h>

namespace yekuo::track {

std::optional<TrackedProject> load_tracked_project(const std::string& path, calendar::CalendarCache& calendars,
                                                   Diagnostics& diags) {
  io::LoadOptions options;
  options.org_calendar = calendars.organization();
  auto project = io::load_project(path, diags, options);
  if (!project) return std::nullopt;

  TrackedProject out;
  out.project = std::move(*project);
  out.calendar = &calendars.get(out.project.calendar);

  // A baseline of another order is an error here as in plan and check (io::load_order_baseline).
  auto baseline = io::load_order_baseline(path, out.project.info.id, diags);
  if (baseline.status == io::BaselineStatus::invalid) return std::nullopt;

  try {
    out.plan = schedule::make_plan(out.project, *out.calendar, std::nullopt, schedule::CompressionAdvice::skip);
    if (baseline.status == io::BaselineStatus::loaded) {
      out.baseline = std::move(baseline.baseline);
      out.reference = reference_from_baseline(out.project, *out.baseline, out.plan, *out.calendar);
    } else {
      out.reference = reference_from_plan(out.project, out.plan, *out.calendar);
    }
  } catch (const InputError& e) {
    // A schedule that runs off the calendar (absurd durations or lags): the file is the problem.
    diags.error("schedule-out-of-range", SourceLoc{path, out.project.info.loc.line, out.project.info.loc.column},
                e.what(), "check the durations, lags and dates of the stages");
    return std::nullopt;
  }
  return out;
}

} // namespace yekuo::track
