#pragma once
// The daily reminder list (催办) as a Document (the JSON contract is report/remind_json.hpp).
#include <yekuo/report/document.hpp>
#include <yekuo/report/document_sink.hpp>
#include <yekuo/report/lang.hpp>
#include <yekuo/report/reminder_list.hpp>
#include <yekuo/track/evaluate.hpp>

namespace yekuo::report {

// The list streamed into `sink`: add() collects each result (a ReminderList), finish() writes
// the whole list, since its groups are sorted and their columns depend on every item.
class RemindReport {
public:
  RemindReport(calendar::Date as_of, Lang lang, DocumentSink& sink);

  void add(const track::FileResult& file) { m_list.add(file); } // in input order
  void finish();

private:
  Lang m_lang;
  DocumentSink& m_sink;
  ReminderList m_list;
};

// "超期 3 个工作日" / "3 working days late" (calendar days for a calendar-day stage); "" unless
// the stage is overdue.
[[nodiscard]] std::string days_late_text(Lang lang, const StageNotice& s);

// The whole list as one Document (a RemindReport over the portfolio's files).
[[nodiscard]] Document build_remind_document(const track::PortfolioEvaluation& portfolio, Lang lang);

} // namespace yekuo::report
