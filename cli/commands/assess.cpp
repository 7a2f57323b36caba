// yekuo assess: after energization, the actual cycle, the net handling days of every stage, the
// assessment suggestions (考核建议), the department summary and the 95598 revisits
// (docs/assessment.md). Files are independent: they are loaded and assessed in parallel, and the
// output order is the sorted order of the paths whatever the threads do.
#include "command.hpp"
#include "inputs.hpp"
#include "output_options.hpp"

#include <yekuo/calendar/calendar_cache.hpp>
#include <yekuo/io/calendar_config.hpp>
#include <yekuo/io/discover.hpp>
#include <yekuo/render/render.hpp>
#include <yekuo/report/assessment_report.hpp>
#include <yekuo/track/assess.hpp>
#include <yekuo/track/tracked_project.hpp>
#include <yekuo/util/error.hpp>

#include <algorithm>
#include <fmt/format.h>
#include <memory>
#include <optional>
#include <set>
#include <yekuo/util/parallel_for.hpp>
#include <vector>

namespace yekuo::cli {

namespace {

struct AssessOptions {
  std::vector<std::string> inputs;
  std::string from;
  std::string to;
  std::string as_of;
  std::string calendar_file;
  OutputOptions output;
};

// What one worker produces for one file.
struct FileResult {
  std::optional<track::ProjectAssessment> assessment;
  Diagnostics diags;
};

FileResult assess_file(const std::string& path, calendar::CalendarCache& calendars, calendar::Date as_of) {
  FileResult r;
  try {
    auto tracked = track::load_tracked_project(path, calendars, r.diags, as_of);
    if (tracked && !r.diags.has_errors())
      r.assessment = track::assess_project(tracked->project, tracked->reference, *tracked->calendar, as_of);
  } catch (const InputError& e) {
    // A date outside the calendar and the like: this file is bad, the others still count.
    r.diags.error("assess-failed", {path, 0, 0}, e.what());
  }
  if (!r.assessment && !r.diags.has_errors()) r.diags.error("assess-failed", {path, 0, 0}, "could not be assessed");
  return r;
}

std::vector<FileResult> assess_files(const std::vector<std::string>& files, calendar::CalendarCache& calendars,
                                     calendar::Date as_of) {
  std::vector<FileResult> results(files.size());
  parallel_for(files.size(), [&](std::size_t i) { results[i] = assess_file(files[i], calendars, as_of); });
  return results;
}

int run_assess(const AssessOptions& o, const Context& ctx) {
  track::Period period;
  if (!o.from.empty()) period.from = parse_date_option(o.from, "--from");
  if (!o.to.empty()) period.to = parse_date_option(o.to, "--to");
  if (period.from && period.to && *period.to < *period.from)
    throw InputError(fmt::format("--to {} is before --from {}", period.to->iso(), period.from->iso()));
  const calendar::Date as_of = o.as_of.empty() ? ctx.today : parse_date_option(o.as_of, "--as-of");

  calendar::CalendarCache calendars(load_org_calendar(o.calendar_file));

  const auto inputs = discover_orders(o.inputs);
  Diagnostics input_problems;
  for (const auto& problem : inputs.problems) {
    // "path: why"
    const auto colon = problem.find(": ");
    if (colon == std::string::npos)
      input_problems.error("unreadable-input", SourceLoc{problem, 0, 0}, "cannot be read");
    else
      input_problems.error("unreadable-input", SourceLoc{problem.substr(0, colon), 0, 0}, problem.substr(colon + 2));
  }
  std::vector<Diagnostic> errors = input_problems.items();

  auto results = assess_files(inputs.files, calendars, as_of);
  std::vector<track::ProjectAssessment> all;
  std::vector<Diagnostic> warnings;
  for (auto& r : results) {
    for (const auto& d : r.diags.items()) {
      if (d.severity == Severity::error)
        errors.push_back(d);
      else if (d.severity == Severity::warning)
        warnings.push_back(d);
    }
    if (r.assessment) all.push_back(std::move(*r.assessment));
  }
  for (const auto& e : errors) fmt::print(stderr, "{}\n", format_diagnostic(e));

  auto assessment = track::make_assessment(std::move(all), period, as_of);
  assessment.errors = std::move(errors);
  // Warnings (a provisional calendar year …) only about the orders this report assesses: those
  // energized in the period, not every file that was read.
  std::set<std::string> in_report;
  for (const auto& p : assessment.projects) in_report.insert(p.file);
  std::erase_if(warnings, [&](const Diagnostic& w) { return !in_report.contains(w.loc.file); });
  assessment.warnings = std::move(warnings);

  if (o.output.format == render::Format::json) {
    emit(report::assessment_json(assessment), o.output);
  } else {
    const auto doc = report::build_assessment_document(assessment, o.output.lang);
    render::RenderOptions ropts;
    ropts.lang = o.output.lang;
    ropts.color = ctx.color && o.output.out.empty() && o.output.format == render::Format::table;
    emit(render::render(doc, o.output.format, ropts), o.output);
  }
  return assessment.errors.empty() ? code(ExitCode::ok) : code(ExitCode::bad_input);
}

} // namespace

Command setup_assess(CLI::App& parent) {
  auto opts = std::make_shared<AssessOptions>();
  auto* app = parent.add_subcommand(
      "assess", "after energization: net handling days per stage, overruns with assessment suggestions (考核建议), "
                "95598 revisits, summary by department");
  app->add_option("inputs", opts->inputs, "project files or directories (searched for *.toml)")
      ->required()
      ->option_text("DIR|FILE...");
  add_date_option(app, "--from", opts->from, "only orders energized on or after DATE");
  add_date_option(app, "--to", opts->to, "only orders energized on or before DATE");
  add_date_option(app, "--as-of", opts->as_of, "the day of the report, for revisits due (default: today, Asia/Shanghai)");
  add_calendar_option(app, opts->calendar_file);
  add_output_options(app, opts->output);
  return {app, [opts](const Context& ctx) { return run_assess(*opts, ctx); }};
}

} // namespace yekuo::cli
