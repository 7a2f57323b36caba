#include <yekuo/report/remind_report.hpp>

#include <yekuo/report/document_builder.hpp>
#include <yekuo/report/evaluation_report.hpp>
#include <yekuo/report/labels.hpp>

#include <fmt/format.h>

namespace yekuo::report {

namespace {

std::string provisional_text(Lang lang, int year) {
  return lang == Lang::zh ? calendar::WorkingCalendar::provisional_warning_zh(year)
                          : calendar::WorkingCalendar::provisional_warning(year);
}

Table group_header(Lang lang, const ReminderList::Group& g) {
  Table t;
  t.title = g.customer ? tr(lang, "客户（由客户经理督促客户）", "Customer (the customer manager chases the customer)") : g.dept;
  t.columns = {{tr(lang, "工程编号", "Order"), Align::left},    {tr(lang, "工作阶段", "Stage"), Align::left},
               {tr(lang, "工作时限", "Deadline"), Align::left}, {tr(lang, "状态", "Status"), Align::left},
               {tr(lang, "超期", "Late"), Align::right},         {tr(lang, "客户经理", "Customer manager"), Align::left}};
  // The responsible person's column appears when a listed stage names one (`owner`).
  if (g.owners) t.columns.insert(t.columns.begin() + 2, Column{tr(lang, "责任人", "Owner"), Align::left});
  return t;
}

std::vector<Cell> group_row(Lang lang, const StageNotice& s, bool owners) {
  const Style st = status_style(s.status);
  std::vector<Cell> row{Cell{s.project}, Cell{s.name}, Cell{date_with_weekday(lang, s.effective_deadline)},
                        Cell{status_label(lang, s.status), st}, Cell{days_late_text(lang, s), st},
                        Cell{s.customer_manager.empty() ? "—" : s.customer_manager}};
  if (owners) row.insert(row.begin() + 2, Cell{s.owner.empty() ? "—" : s.owner});
  return row;
}

Table follow_up_header(Lang lang) {
  Table t;
  t.title = tr(lang, "送电后回访及回头看", "Follow-up after energization");
  t.columns = {{tr(lang, "工程编号", "Order"), Align::left},    {tr(lang, "事项", "Follow-up"), Align::left},
               {tr(lang, "送电日期", "Energized"), Align::left}, {tr(lang, "期限", "Deadline"), Align::left},
               {tr(lang, "状态", "Status"), Align::left},       {tr(lang, "客户经理", "Customer manager"), Align::left}};
  return t;
}

std::vector<Cell> follow_up_row(Lang lang, const ReminderList::FollowUpItem& item) {
  const track::FollowUp& f = item.follow_up;
  const bool over = f.status == track::FollowUpStatus::overdue;
  return {Cell{item.project}, Cell{follow_up_label(lang, f.kind)}, Cell{f.energized.iso()},
          Cell{date_with_weekday(lang, f.deadline)},
          Cell{over ? tr(lang, "已超期", "overdue") : tr(lang, "即将到期", "due soon"), over ? Style::overdue : Style::due_soon},
          Cell{item.customer_manager.empty() ? "—" : item.customer_manager}};
}

} // namespace

std::string days_late_text(Lang lang, const StageNotice& s) {
  if (s.status != track::StageStatus::overdue) return "";
  const int n = s.days_late;
  if (s.calendar_days)
    return lang == Lang::zh ? fmt::format("超期 {} 个日历日", n)
                            : fmt::format("{} calendar day{} late", n, n == 1 ? "" : "s");
  return lang == Lang::zh ? fmt::format("超期 {} 个工作日", n)
                          : fmt::format("{} working day{} late", n, n == 1 ? "" : "s");
}

RemindReport::RemindReport(calendar::Date as_of, Lang lang, DocumentSink& sink)
    : m_lang(lang), m_sink(sink), m_list(as_of) {}

void RemindReport::finish() {
  const Lang lang = m_lang;
  DocumentHead head;
  head.title = tr(lang, "业扩工程催办清单", "Connection orders: daily reminders");
  head.subtitle = lang == Lang::zh ? fmt::format("截至 {}", date_with_weekday(lang, m_list.as_of()))
                                   : fmt::format("as of {}", date_with_weekday(lang, m_list.as_of()));
  const int bad = m_list.bad_files();
  if (bad > 0)
    head.warnings.push_back(lang == Lang::zh ? fmt::format("{} 个工程文件有误，未纳入本清单", bad)
                                             : fmt::format("{} order files have errors and are not in this list", bad));
  for (int y : m_list.provisional_years()) head.warnings.push_back(provisional_text(lang, y));
  m_sink.begin(head);

  const auto groups = m_list.groups();
  const auto& follow = m_list.follow_ups();
  if (groups.empty() && follow.empty())
    m_sink.block(Paragraph{
        Cell{tr(lang, "今日无需催办：没有明日到期或已超期的工作阶段。", "Nothing to chase today: no stage is due on the next "
                                                                       "working day or overdue."),
             Style::ok}});
  // Each row is read back from the spool when it is written.
  for (const auto& g : groups)
    m_sink.table(group_header(lang, g), g.items.size(),
                 [&](std::size_t i) { return group_row(lang, m_list[g.items[i]], g.owners); });
  if (!follow.empty())
    m_sink.table(follow_up_header(lang), follow.size(), [&](std::size_t i) { return follow_up_row(lang, follow[i]); });
  if (bad > 0) {
    BulletList errors;
    errors.title = tr(lang, "文件错误", "File errors");
    for (const auto& [file, d] : m_list.errors()) errors.items.push_back({format_diagnostic(d), Style::overdue});
    m_sink.block(std::move(errors));
  }
  m_sink.finish();
}

Document build_remind_document(const track::PortfolioEvaluation& portfolio, Lang lang) {
  DocumentBuilder builder;
  RemindReport report(portfolio.as_of, lang, builder);
  for (const auto& f : portfolio.files) report.add(f);
  report.finish();
  return builder.take();
}

} // namespace yekuo::report
