// yekuo remind: the daily reminder list (催办): stages due on the next working day and overdue
// ones, grouped by responsible department.
#include "command.hpp"
#include "output_options.hpp"
#include "portfolio_run.hpp"

#include <yekuo/render/document_writer.hpp>
#include <yekuo/report/remind_json.hpp>
#include <yekuo/report/remind_report.hpp>

#include <memory>

namespace yekuo::cli {

namespace {

// The report keeps only what its list shows, so memory follows the size of the list, not the
// number of orders.
int run_remind(const PortfolioOptions& o, const Context& ctx) {
  const calendar::Date as_of = portfolio_as_of(o, ctx);
  ReportOutput out(o.output);
  auto write = [&](std::string_view text) { out.write(text); };
  PortfolioTally tally;
  if (o.output.format == render::Format::json) {
    report::RemindJsonStream json(as_of, write);
    tally = stream_portfolio(o, ctx, /*forecast=*/false, [&](track::FileResult&& r) { json.add(r); });
    json.finish();
  } else {
    render::DocumentWriter doc(o.output.format, {ctx.color && o.output.out.empty(), o.output.lang}, write);
    report::RemindReport report(as_of, o.output.lang, doc);
    tally = stream_portfolio(o, ctx, /*forecast=*/false, [&](track::FileResult&& r) { report.add(r); });
    report.finish();
  }
  out.commit();
  return portfolio_exit_code(tally, o);
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
