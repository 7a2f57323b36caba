// yekuo evaluate: the weekly evaluation table (《"订单式"服务工作考评表》) over a directory of
// active orders, as of a date (default today in Asia/Shanghai).
#include "command.hpp"
#include "output_options.hpp"
#include "portfolio_run.hpp"

#include <yekuo/report/evaluation_json.hpp>
#include <yekuo/report/evaluation_report.hpp>

#include <memory>

namespace yekuo::cli {

namespace {

struct EvaluateOptions {
  PortfolioOptions portfolio;
  bool fail_on_overdue = false;
  OutputOptions output;
};

// Every format is written while the files are evaluated (the report keeps only what its end
// needs), so memory stays flat however many orders there are (docs/performance.md).
int run_evaluate(const EvaluateOptions& o, const Context& ctx) {
  check_output_destination(o.output, ctx); // before the work
  PortfolioRun run(o.portfolio, ctx);
  const calendar::Date as_of = run.as_of();
  track::EvaluateOptions eval;
  eval.as_of = as_of;
  eval.escalation = run.escalation();
  bool any_overdue = false; // in an order on the weekly table (--fail-on-overdue)
  write_streamed_report(
      o.output, ctx, [&](auto write) { return report::EvaluationJsonStream(as_of, write, &run.capacities()); },
      [&](report::DocumentSink& sink) {
        // A Gantt where it can be drawn; in a workbook a sheet per department, not per order.
        return report::EvaluationReport(as_of, o.output.lang,
                                        {.gantt = o.output.format == render::Format::html,
                                         .by_department = o.output.format == render::Format::xlsx,
                                         .capacities = &run.capacities()},
                                        sink);
      },
      [&](auto&& add) { any_overdue = evaluate_each(run, eval, add); });
  return run.exit_code(o.fail_on_overdue && any_overdue);
}

} // namespace

Command setup_evaluate(CLI::App& parent) {
  auto opts = std::make_shared<EvaluateOptions>();
  auto* app = parent.add_subcommand(
      "evaluate", "weekly evaluation table of active orders as of a date: stage status, forecast, escalations");
  add_portfolio_options(app, opts->portfolio, "evaluate as of this date (default: today in Asia/Shanghai)");
  app->add_flag("--fail-on-overdue", opts->fail_on_overdue, "exit with 4 when any stage is overdue (for cron)");
  add_output_options(app, opts->output, {.xlsx = true});
  return {app, [opts](const Context& ctx) { return run_evaluate(*opts, ctx); }};
}

} // namespace yekuo::cli
