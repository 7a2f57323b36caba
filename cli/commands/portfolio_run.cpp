#include "portfolio_run.hpp"

#include "inputs.hpp"

#include <yekuo/calendar/calendar_cache.hpp>
#include <yekuo/io/calendar_config.hpp>
#include <yekuo/io/discover.hpp>
#include <yekuo/track/tracked_project.hpp>
#include <yekuo/util/error.hpp>

#include <cstdlib>
#include <fmt/format.h>

namespace yekuo::cli {

void add_portfolio_options(CLI::App* app, PortfolioOptions& opts) {
  app->add_option("paths", opts.paths, "project files or directories (searched for *.toml)")->required();
  add_date_option(app, "--as-of", opts.as_of, "evaluate as of this date (default: today in Asia/Shanghai)");
  add_calendar_option(app, opts.calendar);
  app->add_flag("--fail-on-overdue", opts.fail_on_overdue, "exit with 4 when any stage is overdue (for cron)");
  app->add_option("-j,--jobs", opts.jobs, "worker threads (default: all cores)")->option_text("N");
  add_output_options(app, opts.output);
}

calendar::Date portfolio_as_of(const PortfolioOptions& opts, const Context& ctx) {
  return opts.as_of.empty() ? ctx.today : parse_date_option(opts.as_of, "--as-of");
}

void PortfolioTally::add(const track::FileResult& result) {
  if (!result.evaluation) ++bad_files;
  else if (!result.evaluation->energized && result.evaluation->any_overdue()) any_overdue = true;
}

PortfolioTally stream_portfolio(const PortfolioOptions& opts, const Context& ctx, bool forecast,
                                const std::function<void(track::FileResult&&)>& consume) {
  track::EvaluateOptions eval;
  eval.as_of = portfolio_as_of(opts, ctx);
  eval.forecast = forecast;

  // Without the organization's calendar every date could be wrong: a bad one stops the run.
  io::OrgSettings org = load_org_settings(opts.calendar);
  eval.escalation = org.escalation;

  const auto inputs = discover_orders(opts.paths);

  PortfolioTally tally;
  auto hand_over = [&](track::FileResult&& r) {
    for (const auto& d : r.errors) fmt::print(stderr, "{}\n", format_diagnostic(d));
    tally.add(r);
    consume(std::move(r));
  };
  calendar::CalendarCache calendars(std::move(org.calendar));
  track::evaluate_files(inputs.files, eval, calendars, &track::load_tracked_project, opts.jobs, hand_over);
  // Discovery problems count as bad inputs too (exit 2), with no line or column.
  for (const auto& p : inputs.problems) {
    track::FileResult r;
    r.file = p.substr(0, p.find(": "));
    r.errors.push_back({Severity::error, "unreadable-path", SourceLoc{r.file, 0, 0},
                        p.find(": ") == std::string::npos ? p : p.substr(p.find(": ") + 2), {}});
    hand_over(std::move(r));
  }
  return tally;
}

PortfolioRun run_portfolio(const PortfolioOptions& opts, const Context& ctx, bool forecast,
                           const std::function<bool(track::FileResult&)>& keep) {
  PortfolioRun run;
  run.portfolio.as_of = portfolio_as_of(opts, ctx);
  run.tally = stream_portfolio(opts, ctx, forecast, [&](track::FileResult&& r) {
    if (!keep || keep(r)) run.portfolio.files.push_back(std::move(r));
  });
  return run;
}

int portfolio_exit_code(const PortfolioTally& tally, const PortfolioOptions& opts) {
  if (tally.bad_files > 0) return code(ExitCode::bad_input);
  if (opts.fail_on_overdue && tally.any_overdue) return code(ExitCode::overdue);
  return code(ExitCode::ok);
}

} // namespace yekuo::cli
