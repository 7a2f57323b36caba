// yekuo evaluate: the weekly evaluation table (《"订单式"服务工作考评表》) over a directory of
// active orders, as of a date (default today in Asia/Shanghai).
#include "command.hpp"
#include "output_options.hpp"
#include "portfolio_run.hpp"

#include <yekuo/render/render.hpp>
#include <yekuo/report/evaluation_report.hpp>

#include <memory>

namespace yekuo::cli {

namespace {

int run_evaluate(const PortfolioOptions& o, const Context& ctx) {
  const auto portfolio = run_portfolio(o, ctx, /*forecast=*/true);
  std::string text;
  if (o.output.format == render::Format::json) {
    text = report::evaluation_json(portfolio);
  } else {
    report::EvaluationDocumentOptions doc_options;
    doc_options.gantt = o.output.format == render::Format::html;
    const auto doc = report::build_evaluation_document(portfolio, o.output.lang, doc_options);
    text = render::render(doc, o.output.format, {ctx.color && o.output.out.empty(), o.output.lang});
  }
  emit(text, o.output);
  return portfolio_exit_code(portfolio, o);
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
