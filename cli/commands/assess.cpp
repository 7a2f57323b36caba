// yekuo assess: after energization, the actual cycle, the net handling days of every stage, the
// assessment suggestions (考核建议), the department summary and the 95598 revisits
// (docs/assessment.md). Files go through the portfolio pipeline (portfolio_run.hpp): assessed in
// parallel, in the sorted order of the paths whatever the threads do.
#include <yekuo/track/assess.hpp>

#include "command.hpp"
#include "output_options.hpp"
#include "portfolio_run.hpp"

#include <yekuo/report/assessment_report.hpp>
#include <yekuo/util/error.hpp>

#include <fmt/format.h>
#include <memory>
#include <set>
#include <vector>

namespace yekuo::cli {

namespace {

struct AssessOptions {
  PortfolioOptions portfolio;
  std::string from;
  std::string to;
  OutputOptions output;
};

int run_assess(const AssessOptions& o, const Context& ctx) {
  check_output_destination(o.output, ctx); // before the work
  track::Period period;
  if (!o.from.empty()) period.from = parse_date_option(o.from, "--from");
  if (!o.to.empty()) period.to = parse_date_option(o.to, "--to");
  if (period.from && period.to && *period.to < *period.from)
    throw InputError(fmt::format("--to {} is before --from {}", period.to->iso(), period.from->iso()));

  PortfolioRun run(o.portfolio, ctx);
  const calendar::Date as_of = run.as_of();
  std::vector<track::ProjectAssessment> all;
  std::vector<Diagnostic> errors;
  std::vector<Diagnostic> warnings;
  run.for_each(
      [&](track::TrackedProject&& order) {
        return track::assess_project(order.project, order.reference, *order.calendar, as_of);
      },
      [&](track::PortfolioItem<track::ProjectAssessment>&& item) {
        errors.insert(errors.end(), item.errors.begin(), item.errors.end());
        warnings.insert(warnings.end(), item.warnings.begin(), item.warnings.end());
        if (item.result) all.push_back(std::move(*item.result));
      });

  auto assessment = track::make_assessment(std::move(all), period, as_of);
  assessment.errors = std::move(errors);
  // Warnings (a provisional calendar year …) only about the orders this report assesses: those
  // energized in the period, not every file that was read.
  std::set<std::string> in_report;
  for (const auto& p : assessment.projects) in_report.insert(p.file);
  std::erase_if(warnings, [&](const Diagnostic& w) { return !in_report.contains(w.loc.file); });
  assessment.warnings = std::move(warnings);

  write_report(
      o.output, ctx, [&] { return report::assessment_json(assessment); },
      [&] { return report::build_assessment_document(assessment, o.output.lang); });
  return run.exit_code();
}

} // namespace

Command setup_assess(CLI::App& parent) {
  auto opts = std::make_shared<AssessOptions>();
  auto* app = parent.add_subcommand(
      "assess", "after energization: net handling days per stage, overruns with assessment suggestions (考核建议), "
                "95598 revisits, summary by department");
  add_portfolio_options(app, opts->portfolio,
                        "the day of the report, for revisits due (default: today, Asia/Shanghai)");
  add_date_option(app, "--from", opts->from, "only orders energized on or after DATE");
  add_date_option(app, "--to", opts->to, "only orders energized on or before DATE");
  add_output_options(app, opts->output, {.xlsx = true});
  return {app, [opts](const Context& ctx) { return run_assess(*opts, ctx); }};
}

} // namespace yekuo::cli
