// yekuo remind: the daily reminder list (催办): stages due on the next working day and overdue
// ones, grouped by responsible department.
#include "command.hpp"
#include "output_options.hpp"
#include "portfolio_run.hpp"

#include <yekuo/report/remind_calendar.hpp>
#include <yekuo/report/remind_json.hpp>
#include <yekuo/report/remind_report.hpp>

#include <memory>

namespace yekuo::cli {

namespace {

struct RemindOptions {
  PortfolioOptions portfolio;
  bool fail_on_overdue = false;
  OutputOptions output;
};

// The report keeps only what its list shows, so memory follows the size of the list, not the
// number of orders.
int run_remind(const RemindOptions& o, const Context& ctx) {
  PortfolioRun run(o.portfolio, ctx);
  const calendar::Date as_of = run.as_of();
  track::EvaluateOptions eval;
  eval.as_of = as_of;
  eval.forecast = false; // the list needs no forecast
  eval.escalation = run.escalation();
  bool any_overdue = false; // in an order on the weekly table (--fail-on-overdue)
  write_streamed_report(
      o.output, ctx, [&](auto write) { return report::RemindJsonStream(as_of, write); },
      [&](report::CalendarSink& sink) { return report::RemindCalendar(as_of, o.output.lang, sink); },
      [&](report::DocumentSink& sink) { return report::RemindReport(as_of, o.output.lang, sink); },
      [&](auto&& add) { any_overdue = evaluate_each(run, eval, add); });
  return run.exit_code(o.fail_on_overdue && any_overdue);
}

} // namespace

Command setup_remind(CLI::App& parent) {
  auto opts = std::make_shared<RemindOptions>();
  auto* app = parent.add_subcommand(
      "remind", "daily reminder list: stages due on the next working day and overdue ones, by department");
  add_portfolio_options(app, opts->portfolio, "evaluate as of this date (default: today in Asia/Shanghai)");
  app->add_flag("--fail-on-overdue", opts->fail_on_overdue, "exit with 4 when any stage is overdue (for cron)");
  add_output_options(app, opts->output, {.ics = true});
  return {app, [opts](const Context& ctx) { return run_remind(*opts, ctx); }};
}

} // namespace yekuo::cli
