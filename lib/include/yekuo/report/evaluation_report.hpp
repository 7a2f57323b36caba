#pragma once
// The weekly evaluation table (《"订单式"服务工作考评表》) as a Document (the JSON contract is
// report/evaluation_json.hpp).
#include <yekuo/report/document.hpp>
#include <yekuo/report/lang.hpp>
#include <yekuo/track/evaluate.hpp>

#include <string>
#include <vector>

namespace yekuo::report {

// 未开始 / 等待前序 / 进行中 / 即将到期 / 已超期 / 按期完成 / 超期完成 (en: not started, ...)
[[nodiscard]] std::string status_label(Lang lang, track::StageStatus s);
// 正常 / 有风险 / 滞后 (en: on track / at risk / late)
[[nodiscard]] std::string state_label(Lang lang, track::ProjectState s);
// The semantic style a status is shown in.
[[nodiscard]] Style status_style(track::StageStatus s);
// The semantic style a project state is shown in (ok, due_soon, overdue).
[[nodiscard]] Style state_style(track::ProjectState s);

struct EvaluationDocumentOptions {
  bool gantt = false; // a Gantt per project (only the HTML renderer draws it)
  // The department summary, when it was tallied before the projects' stages were trimmed to
  // the week's (track::keep_stages_of_the_week); nullptr: summarized from the stages.
  const std::vector<track::DepartmentSummary>* departments = nullptr;
};

[[nodiscard]] Document build_evaluation_document(const track::PortfolioEvaluation& portfolio, Lang lang,
                                                 const EvaluationDocumentOptions& options = {});


// English warnings of a project (no baseline, stages not in the baseline, provisional years,
// loader notes), without duplicates; shared with the remind report.
[[nodiscard]] std::vector<std::string> project_warnings(const track::ProjectEvaluation& p, Lang lang);

} // namespace yekuo::report
