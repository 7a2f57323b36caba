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

int run_remind(const PortfolioOptions& o, const Context& ctx) {
  // The list needs only the due_soon and overdue stages and the bad files: keeping just those
  // makes memory follow the size of the list, not the number of orders.
  const auto [portfolio, outcome] = run_portfolio(o, ctx, /*forecast=*/false, [](track::FileResult& r) {
    if (!r.evaluation) return true; // a bad file: listed, and the exit code
    track::keep_reminder_stages(*r.evaluation);
    return !r.evaluation->stages.empty() || !r.evaluation->follow_up.empty();
  });
  const auto groups = track::reminders(portfolio.active());
  std::string text;
  if (o.output.format == render::Format::json)
    text = report::remind_json(portfolio, groups);
  else
    text = render::render(report::build_remind_document(portfolio, groups, o.output.lang), o.output.format,
                          {ctx.color && o.output.out.empty(), o.output.lang});
  emit(text, o.output);
  return portfolio_exit_code(outcome, o);
}

} // namespace

Command setup_remind(CLI::App& parent) {
  auto opts = std::make_shared<PortfolioOptions>();
  auto* app = parent.add_subcommand(
      "remind", "daily reminder list: stages due on the next working day and overdue ones, by department");
  add_portfolio_options(app, *opts);
  return {app, [opts](const Context& ctx) { return run_remind(*opts, ctx); }};
}

} // namespace yekuo::cli
