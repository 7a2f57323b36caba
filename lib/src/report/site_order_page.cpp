// The page of one published order (see site_order_page.hpp). It is made of the blocks of the
// existing reports (plan, evaluation, assessment) of this one order.
#include "site_order_page.hpp"

#include <yekuo/report/assessment_report.hpp>
#include <yekuo/report/evaluation_report.hpp>
#include <yekuo/report/labels.hpp>
#include <yekuo/report/plan_report.hpp>
#include <yekuo/track/confirm.hpp>

#include <algorithm>
#include <fmt/format.h>
#include <optional>

namespace yekuo::report::detail {

namespace {

// The blocks of a one-order report that are about the order: everything up to its Gantt (then
// come the portfolio summaries), the first one (the order's header) retitled.
std::vector<Block> order_blocks(const Document& whole, const std::string& title) {
  std::vector<Block> part;
  for (const auto& b : whole.blocks) {
    part.push_back(b);
    if (std::holds_alternative<Gantt>(b)) break;
  }
  if (!part.empty())
    if (auto* kv = std::get_if<KeyValues>(&part.front())) kv->title = title;
  return part;
}

std::vector<Block> weekly_blocks(const track::ProjectEvaluation& evaluation, calendar::Date as_of, Lang lang) {
  track::PortfolioEvaluation one;
  one.as_of = as_of;
  one.files.push_back(track::FileResult{evaluation.file, evaluation, {}, {}});
  EvaluationDocumentOptions options;
  options.gantt = true;
  return order_blocks(build_evaluation_document(one, lang, options),
                      tr(lang, "本周考评", "Weekly evaluation") + " · " + site_as_of_text(lang, as_of));
}

std::vector<Block> assessment_blocks(const track::ProjectAssessment& assessment, calendar::Date as_of, Lang lang) {
  return order_blocks(build_assessment_document(track::make_assessment({assessment}, {}, as_of), lang),
                      tr(lang, "考核（已送电）", "Assessment (energized)"));
}

// Energized, but a stage has no finish date: not assessed yet.
Paragraph not_assessed(const track::ProjectAssessment& assessment, Lang lang) {
  const std::string missing = join(lang, assessment.missing_finish_names, Separator::list);
  return Paragraph{Cell{lang == Lang::zh ? fmt::format("已送电；实绩不完整，暂不考核{}",
                                                       missing.empty() ? "" : "（缺少完成日期：" + missing + "）")
                                         : fmt::format("Energized; the actuals are incomplete, not assessed{}",
                                                       missing.empty() ? "" : " (no finish date: " + missing + ")"),
                        Style::warning}};
}

} // namespace

std::string site_as_of_text(Lang lang, calendar::Date as_of) {
  return lang == Lang::zh ? fmt::format("截至 {}", date_with_weekday(lang, as_of))
                          : fmt::format("as of {}", date_with_weekday(lang, as_of));
}

Document order_page_document(const PublishedOrder& order, calendar::Date as_of, Lang lang) {
  const auto& t = order.tracked;
  std::optional<BaselineNote> note;
  if (t.baseline && !t.baseline->revisions.empty())
    note = baseline_note(t.project, *t.baseline, t.plan, t.reference, *t.calendar);
  Document plan = build_plan_document(t.project, t.plan, note, lang, *t.calendar);

  Document doc;
  doc.title = fmt::format("{} · {}", t.project.info.id, t.project.info.name);
  doc.subtitle = plan.title + " · " + site_as_of_text(lang, as_of);
  doc.warnings = plan.warnings;
  for (auto& w : project_warnings(order.evaluation, lang))
    if (std::find(doc.warnings.begin(), doc.warnings.end(), w) == doc.warnings.end()) doc.warnings.push_back(std::move(w));
  for (auto& b : plan.blocks)
    if (!std::holds_alternative<SignatureLines>(b)) doc.blocks.push_back(std::move(b)); // signed on paper, not online

  std::vector<Block> tail;
  if (!order.evaluation.energized)
    tail = weekly_blocks(order.evaluation, as_of, lang);
  else if (order.assessment.state == track::OrderState::assessed)
    tail = assessment_blocks(order.assessment, as_of, lang);
  else
    tail.emplace_back(not_assessed(order.assessment, lang));
  for (auto& b : tail) doc.blocks.push_back(std::move(b));
  return doc;
}

} // namespace yekuo::report::detail
