// yekuo load: the stages of every department per week across the portfolio, against the capacity
// the organization declared ([[department]] in --org FILE), and the overloaded weeks with the orders
// and stages in them (docs/capacity.md). Files go through the portfolio pipeline (portfolio_run.hpp).
#include <yekuo/track/load.hpp>

#include "command.hpp"
#include "output_options.hpp"
#include "portfolio_run.hpp"

#include <yekuo/report/load_report.hpp>

#include <memory>

namespace yekuo::cli {

namespace {

struct LoadOptions {
  PortfolioOptions portfolio;
  int weeks = 8;
  OutputOptions output;
};

int run_load(const LoadOptions& o, const Context& ctx) {
  check_output_destination(o.output, ctx); // before the work
  PortfolioRun run(o.portfolio, ctx);
  track::EvaluateOptions eval;
  eval.as_of = run.as_of();
  eval.escalation = run.escalation();
  track::LoadTable table(track::weeks_from(run.as_of(), o.weeks), run.capacities());
  report::LoadReport load;
  load.as_of = run.as_of();
  load.table = &table;
  run.for_each(
      [&](track::TrackedProject&& order) { return track::order_load(track::evaluate_project(order, eval), *order.calendar); },
      [&](track::PortfolioItem<track::OrderLoad>&& item) {
        load.errors.insert(load.errors.end(), item.errors.begin(), item.errors.end());
        if (item.result) load.add(*item.result);
      });
  write_report(
      o.output, ctx, [&] { return report::load_json(load); },
      [&] { return report::build_load_document(load, o.output.lang); });
  return run.exit_code();
}

} // namespace

Command setup_load(CLI::App& parent) {
  auto opts = std::make_shared<LoadOptions>();
  auto* app = parent.add_subcommand(
      "load", "department load (承载力): stages per department and week across all orders against the declared "
              "capacity, and the overloaded weeks");
  add_portfolio_options(app, opts->portfolio, "the first week is this date's (default: today, Asia/Shanghai)");
  app->add_option("--weeks", opts->weeks, "weeks to show, from the week of --as-of (default 8)")
      ->check(CLI::Range(1, 104))
      ->option_text("N");
  add_output_options(app, opts->output, {.xlsx = true});
  return {app, [opts](const Context& ctx) { return run_load(*opts, ctx); }};
}

} // namespace yekuo::cli
