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

// What one order contributes: its stages' days, on its own calendar.
struct OrderLoad {
  std::string id;
  std::vector<track::StageLoad> stages;
  const calendar::WorkingCalendar* calendar = nullptr;
  std::vector<int> provisional_years;
  bool counted = false; // applied by the as-of date
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
      [&](track::TrackedProject&& order) {
        const auto evaluation = track::evaluate_project(order, eval);
        return OrderLoad{evaluation.id, track::stage_loads(evaluation), order.calendar, evaluation.provisional_years,
                         !evaluation.not_yet_applied};
      },
      [&](track::PortfolioItem<OrderLoad>&& item) {
        load.errors.insert(load.errors.end(), item.errors.begin(), item.errors.end());
        if (!item.result || !item.result->counted) return;
        table.add(item.result->id, item.result->stages, *item.result->calendar);
        load.provisional_years.insert(item.result->provisional_years.begin(), item.result->provisional_years.end());
        ++load.orders;
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
