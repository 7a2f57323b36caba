// yekuo remind: the daily reminder list (催办): stages due on the next working day and overdue
// ones, grouped by responsible department.
#include "command.hpp"
#include "output_options.hpp"
#include "portfolio_run.hpp"

#include <yekuo/render/render.hpp>
#include <yekuo/report/remind_report.hpp>
#include <yekuo/track/remind.hpp>

#include <memory>

namespace yekuo::cli {

namespace {

struct RemindOptions {
  PortfolioOptions portfolio;
  bool fail_on_overdue = false;
  OutputOptions output;
};

int run_remind(const RemindOptions& o, const Context& ctx) {
  PortfolioRun run(o.portfolio, ctx);
  track::EvaluateOptions eval;
  eval.as_of = run.as_of();
  eval.forecast = false; // the list needs no forecast
  eval.escalation = run.escalation();
  // The list needs only the due_soon and overdue stages and the bad files: keeping just those
  // makes memory follow the size of the list, not the number of orders.
  track::PortfolioEvaluation portfolio;
  portfolio.as_of = run.as_of();
  bool any_overdue = false;
  run.for_each([&](track::TrackedProject&& order) { return track::evaluate_project(order, eval); },
               [&](track::PortfolioItem<track::ProjectEvaluation>&& item) {
                 auto r = track::evaluated_file(std::move(item));
                 if (r.evaluation) {
                   if (!r.evaluation->energized && r.evaluation->any_overdue()) any_overdue = true;
                   track::keep_reminder_stages(*r.evaluation);
                   if (r.evaluation->stages.empty() && r.evaluation->follow_up.empty()) return;
                 }
                 portfolio.files.push_back(std::move(r)); // a bad file: listed, and the exit code
               });
  const auto groups = track::reminders(portfolio.active());
  write_report(
      o.output, ctx, [&] { return report::remind_json(portfolio, groups); },
      [&] { return report::build_remind_document(portfolio, groups, o.output.lang); });
  return run.exit_code(o.fail_on_overdue && any_overdue);
}

} // namespace

Command setup_remind(CLI::App& parent) {
  auto opts = std::make_shared<RemindOptions>();
  auto* app = parent.add_subcommand(
      "remind", "daily reminder list: stages due on the next working day and overdue ones, by department");
  add_portfolio_options(app, opts->portfolio, "evaluate as of this date (default: today in Asia/Shanghai)");
  app->add_flag("--fail-on-overdue", opts->fail_on_overdue, "exit with 4 when any stage is overdue (for cron)");
  add_output_options(app, opts->output);
  return {app, [opts](const Context& ctx) { return run_remind(*opts, ctx); }};
}

} // namespace yekuo::cli
