// yekuo evaluate: the weekly evaluation table (《"订单式"服务工作考评表》) over a directory of
// active orders, as of a date (default today in Asia/Shanghai).
#include "command.hpp"
#include "output_options.hpp"
#include "portfolio_run.hpp"

#include <yekuo/render/render.hpp>
#include <yekuo/report/evaluation_json.hpp>
#include <yekuo/report/evaluation_report.hpp>

#include <memory>

namespace yekuo::cli {

namespace {

// JSON is for other systems and cron over a whole province: it is written while the files are
// evaluated, so memory stays flat however many orders there are (docs/performance.md).
int run_evaluate_json(const PortfolioOptions& o, const Context& ctx) {
  ReportOutput out(o.output);
  report::EvaluationJsonStream json(portfolio_as_of(o, ctx), [&](std::string_view text) { out.write(text); });
  const auto tally = stream_portfolio(o, ctx, /*forecast=*/true, [&](track::FileResult&& r) { json.add(r); });
  json.finish();
  out.commit();
  return portfolio_exit_code(tally, o);
}

int run_evaluate(const PortfolioOptions& o, const Context& ctx) {
  if (o.output.format == render::Format::json) return run_evaluate_json(o, ctx);
  report::EvaluationDocumentOptions doc_options;
  doc_options.gantt = o.output.format == render::Format::html;
  // The HTML page draws every stage in its Gantt; the other formats show only the week's rows,
  // so the department summary is tallied as results arrive and the other stages are dropped.
  track::DepartmentTally tally;
  const auto [portfolio, outcome] = run_portfolio(o, ctx, /*forecast=*/true, [&](track::FileResult& r) {
    if (r.evaluation && !doc_options.gantt) {
      tally.add(*r.evaluation);
      track::keep_stages_of_the_week(*r.evaluation);
    }
    return true;
  });
  const auto departments = tally.summaries();
  if (!doc_options.gantt) doc_options.departments = &departments;
  const auto doc = report::build_evaluation_document(portfolio, o.output.lang, doc_options);
  emit(render::render(doc, o.output.format, {ctx.color && o.output.out.empty(), o.output.lang}), o.output);
  return portfolio_exit_code(outcome, o);
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
