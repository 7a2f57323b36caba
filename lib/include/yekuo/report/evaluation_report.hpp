#pragma once
// The weekly evaluation table (《"订单式"服务工作考评表》) as a Document (the JSON contract is
// report/evaluation_json.hpp).
#include <yekuo/report/document.hpp>
#include <yekuo/report/document_sink.hpp>
#include <yekuo/report/escalation_list.hpp>
#include <yekuo/report/lang.hpp>
#include <yekuo/report/load_report.hpp>
#include <yekuo/report/row_spool.hpp>
#include <yekuo/track/evaluate.hpp>

#include <map>
#include <optional>
#include <string>
#include <utility>
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
  // The week's rows of every order in one table per responsible department instead of a header
  // and a table per order (a workbook sheet per department: `evaluate --format xlsx`). Each row
  // starts with its order's id and name; the rows are in input order of the orders, then each
  // order's stage order; the tables are titled with the department, in the department summary's
  // order (the customer's stages last), and are written at finish(), before the summary. No block
  // is written per order (no header, no Gantt).
  bool by_department = false;
  // The organization's declared capacity: departments overloaded in the coming weeks are noted
  // after the department summary (CapacityOutlook). nullptr or empty: no note.
  const model::Capacities* capacities = nullptr;
};

// The evaluation table streamed into `sink`: the head at construction, each active project's
// blocks as add() receives its result (or, by_department, its week's rows into a RowSpool, written
// as a table per department at finish()), then at finish() the department summary, the
// escalations, the follow-ups, the energized count and the file errors; the warning about bad
// files is shown above the projects (DocumentHead::warnings_at_finish). Only the department
// tally, the escalations (in a NoticeSpool), the week's rows by department (in a RowSpool), the
// follow-ups and the errors are kept, so memory does not grow with the number of projects or of
// their stages beyond a few bytes per listed stage.
class EvaluationReport {
public:
  EvaluationReport(calendar::Date as_of, Lang lang, const EvaluationDocumentOptions& options, DocumentSink& sink);

  void add(const track::FileResult& file); // in input order
  void finish();

private:
  struct FollowUpRow {
    std::string project; // id
    std::string customer_manager;
    track::FollowUp follow_up;
  };

  void add_week_rows(const track::ProjectEvaluation& p); // by_department
  void write_week_by_department();
  void write_escalations();
  void write_follow_up();

  calendar::Date m_as_of;
  Lang m_lang;
  EvaluationDocumentOptions m_options;
  DocumentSink& m_sink;
  int m_active = 0;
  int m_energized = 0;
  int m_bad = 0;
  track::DepartmentTally m_departments;
  EscalationList m_escalations;
  // by_department: the week's rows, a group per (customer, dept) in order of first appearance.
  RowSpool m_week_rows;
  RowSpool m_order_rows; // by_department: one row per active order (its header as a table row)
  std::vector<std::pair<bool, std::string>> m_week_depts;
  std::map<std::pair<bool, std::string>, std::size_t> m_week_dept_index; // into m_week_depts
  std::vector<FollowUpRow> m_follow_up; // file order, revisit first
  std::vector<std::string> m_errors;    // every file's errors, file:line:col
  std::optional<CapacityOutlook> m_capacity;
};

// The whole table as one Document (an EvaluationReport over the portfolio's files).
[[nodiscard]] Document build_evaluation_document(const track::PortfolioEvaluation& portfolio, Lang lang,
                                                 const EvaluationDocumentOptions& options = {});


// English warnings of a project (no baseline, stages not in the baseline, provisional years,
// loader notes), without duplicates; shared with the remind report.
[[nodiscard]] std::vector<std::string> project_warnings(const track::ProjectEvaluation& p, Lang lang);

} // namespace yekuo::report
