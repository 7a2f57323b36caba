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

struct EvaluateOptions {
  PortfolioOptions portfolio;
  bool fail_on_overdue = false;
  OutputOptions output;
};

// A stage overdue in an order on the weekly table (for --fail-on-overdue).
struct OverdueSeen {
  bool any = false;
  void add(const track::FileResult& r) {
    if (r.evaluation && !r.evaluation->energized && r.evaluation->any_overdue()) any = true;
  }
};

// Runs the evaluation and hands each file's result to `consume`, in input order.
template <class Consume>
OverdueSeen evaluate_each(PortfolioRun& run, Consume&& consume) {
  track::EvaluateOptions eval;
  eval.as_of = run.as_of();
  eval.escalation = run.escalation();
  OverdueSeen overdue;
  run.for_each([&](track::TrackedProject&& order) { return track::evaluate_project(order, eval); },
               [&](track::PortfolioItem<track::ProjectEvaluation>&& item) {
                 auto r = track::evaluated_file(std::move(item));
                 overdue.add(r);
                 consume(std::move(r));
               });
  return overdue;
}

// JSON is for other systems and cron over a whole province: it is written while the files are
// evaluated, so memory stays flat however many orders there are (docs/performance.md).
int run_evaluate_json(const EvaluateOptions& o, PortfolioRun& run) {
  ReportOutput out(o.output);
  report::EvaluationJsonStream json(run.as_of(), [&](std::string_view text) { out.write(text); });
  const auto overdue = evaluate_each(run, [&](track::FileResult&& r) { json.add(r); });
  json.finish();
  out.commit();
  return run.exit_code(o.fail_on_overdue && overdue.any);
}

int run_evaluate(const EvaluateOptions& o, const Context& ctx) {
  PortfolioRun run(o.portfolio, ctx);
  if (o.output.json) return run_evaluate_json(o, run);
  report::EvaluationDocumentOptions doc_options;
  doc_options.gantt = o.output.format == render::Format::html;
  // The HTML page draws every stage in its Gantt; the other formats show only the week's rows,
  // so the department summary is tallied as results arrive and the other stages are dropped.
  track::DepartmentTally tally;
  track::PortfolioEvaluation portfolio;
  portfolio.as_of = run.as_of();
  const auto overdue = evaluate_each(run, [&](track::FileResult&& r) {
    if (r.evaluation && !doc_options.gantt) {
      tally.add(*r.evaluation);
      track::keep_stages_of_the_week(*r.evaluation);
    }
    portfolio.files.push_back(std::move(r));
  });
  const auto departments = tally.summaries();
  if (!doc_options.gantt) doc_options.departments = &departments;
  write_document(o.output, ctx, report::build_evaluation_document(portfolio, o.output.lang, doc_options));
  return run.exit_code(o.fail_on_overdue && overdue.any);
}

} // namespace

Command setup_evaluate(CLI::App& parent) {
  auto opts = std::make_shared<EvaluateOptions>();
  auto* app = parent.add_subcommand(
      "evaluate", "weekly evaluation table of active orders as of a date: stage status, forecast, escalations");
  add_portfolio_options(app, opts->portfolio, "evaluate as of this date (default: today in Asia/Shanghai)");
  app->add_flag("--fail-on-overdue", opts->fail_on_overdue, "exit with 4 when any stage is overdue (for cron)");
  add_output_options(app, opts->output);
  return {app, [opts](const Context& ctx) { return run_evaluate(*opts, ctx); }};
}

} // namespace yekuo::cli
