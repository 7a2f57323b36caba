// yekuo evaluate: the weekly evaluation table (《"订单式"服务工作考评表》) over a directory of
// active orders, as of a date (default today in Asia/Shanghai).
#include "command.hpp"
#include "output_options.hpp"
#include "portfolio_run.hpp"

#include <yekuo/render/document_writer.hpp>
#include <yekuo/report/evaluation_json.hpp>
#include <yekuo/report/evaluation_report.hpp>

#include <memory>

namespace yekuo::cli {

namespace {

// Every format is written while the files are evaluated (the report keeps only what its end
// needs), so memory stays flat however many orders there are (docs/performance.md).
int run_evaluate(const PortfolioOptions& o, const Context& ctx) {
  const calendar::Date as_of = portfolio_as_of(o, ctx);
  ReportOutput out(o.output);
  auto write = [&](std::string_view text) { out.write(text); };
  PortfolioTally tally;
  if (o.output.format == render::Format::json) {
    report::EvaluationJsonStream json(as_of, write);
    tally = stream_portfolio(o, ctx, /*forecast=*/true, [&](track::FileResult&& r) { json.add(r); });
    json.finish();
  } else {
    render::DocumentWriter doc(o.output.format, {ctx.color && o.output.out.empty(), o.output.lang}, write);
    report::EvaluationReport report(as_of, o.output.lang, {o.output.format == render::Format::html}, doc);
    tally = stream_portfolio(o, ctx, /*forecast=*/true, [&](track::FileResult&& r) { report.add(r); });
    report.finish();
  }
  out.commit();
  return portfolio_exit_code(tally, o);
}

} // namespace

Command setup_evaluate(CLI::App& parent) {
  auto opts = std::make_shared<PortfolioOptions>();
  auto* app = parent.add_subcommand(
      "evaluate", "weekly evaluation table of active orders as of a date: stage status, forecast, escalations");
  add_portfolio_options(app, *opts);
  return {app, [opts](const Context& ctx) { return run_evaluate(*opts, ctx); }};
}

} // namespace yekuo::cli
