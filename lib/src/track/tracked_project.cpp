#include <yekuo/track/tracked_project.hpp>

#include <yekuo/io/baseline_file.hpp>
#include <yekuo/io/validate.hpp>
#include <yekuo/track/known_on.hpp>
#include <yekuo/util/error.hpp>

#include <fmt/format.h>

namespace yekuo::track {

std::optional<TrackedProject> load_tracked_project(const std::string& path, calendar::CalendarCache& calendars,
                                                   Diagnostics& diags, calendar::Date as_of) {
  io::LoadOptions options;
  options.org_calendar = calendars.organization();
  auto project = io::load_project(path, diags, options);
  if (!project) return std::nullopt;

  TrackedProject out;
  out.project = std::move(*project);
  forget_after(out.project, as_of);
  out.calendar = &calendars.get(out.project.calendar);

  const std::string baseline_path = io::baseline_path_for(path);
  auto baseline = io::load_baseline(baseline_path, diags);
  if (baseline.status == io::BaselineStatus::invalid) return std::nullopt;
  if (baseline.status == io::BaselineStatus::loaded && baseline.baseline.project_id != out.project.info.id) {
    diags.error("baseline-mismatch", {baseline_path, 1, 1},
                fmt::format("this baseline belongs to order '{}', not '{}'", baseline.baseline.project_id,
                            out.project.info.id),
                fmt::format("remove it or confirm the plan of {} again with `yekuo plan {} --confirm`", path, path));
    return std::nullopt;
  }

  try {
    out.plan = schedule::make_plan(out.project, *out.calendar, std::nullopt, schedule::CompressionAdvice::skip);
    if (baseline.status == io::BaselineStatus::loaded)
      out.baseline = baseline_known_on(std::move(baseline.baseline), as_of);
    if (out.baseline) {
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
