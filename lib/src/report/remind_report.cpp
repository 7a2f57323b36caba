#include <yekuo/report/remind_report.hpp>

#include <yekuo/report/evaluation_json.hpp>
#include <yekuo/report/evaluation_report.hpp>
#include <yekuo/report/labels.hpp>
#include <yekuo/util/json_writer.hpp>

#include <algorithm>
#include <fmt/format.h>

namespace yekuo::report {

namespace {

std::string days_text(Lang lang, const track::StageEvaluation& s) {
  if (s.state.status != track::StageStatus::overdue) return "";
  const int n = s.state.days_late;
  if (s.calendar_days)
    return lang == Lang::zh ? fmt::format("超期 {} 个日历日", n)
                            : fmt::format("{} calendar day{} late", n, n == 1 ? "" : "s");
  return lang == Lang::zh ? fmt::format("超期 {} 个工作日", n)
                          : fmt::format("{} working day{} late", n, n == 1 ? "" : "s");
}

// Years without official holiday data that the listed orders' plans touch: their deadlines are
// provisional (Mon-Fri), and the list says so like every other report.
std::vector<int> provisional_years(const std::vector<track::ReminderGroup>& groups) {
  std::vector<int> years;
  for (const auto& g : groups)
    for (const auto& item : g.items)
      for (int y : item.project->provisional_years)
        if (std::find(years.begin(), years.end(), y) == years.end()) years.push_back(y);
  std::sort(years.begin(), years.end());
  return years;
}

std::string provisional_text(Lang lang, int year) {
  return lang == Lang::zh ? calendar::WorkingCalendar::provisional_warning_zh(year)
                          : calendar::WorkingCalendar::provisional_warning(year);
}

} // namespace

Document build_remind_document(const track::PortfolioEvaluation& portfolio, const std::vector<track::ReminderGroup>& groups,
                               Lang lang) {
  Document doc;
  doc.title = tr(lang, "业扩工程催办清单", "Connection orders: daily reminders");
  doc.subtitle = lang == Lang::zh ? fmt::format("截至 {}", date_with_weekday(lang, portfolio.as_of))
                                  : fmt::format("as of {}", date_with_weekday(lang, portfolio.as_of));
  const int bad = portfolio.error_count();
  if (bad > 0)
    doc.warnings.push_back(lang == Lang::zh ? fmt::format("{} 个工程文件有误，未纳入本清单", bad)
                                            : fmt::format("{} order files have errors and are not in this list", bad));
  for (int y : provisional_years(groups)) doc.warnings.push_back(provisional_text(lang, y));
  if (groups.empty())
    doc.blocks.emplace_back(Paragraph{
        Cell{tr(lang, "今日无需催办：没有明日到期或已超期的工作阶段。", "Nothing to chase today: no stage is due on the next "
                                                                       "working day or overdue."),
             Style::ok}});
  for (const auto& g : groups) {
    Table t;
    t.title = g.customer ? tr(lang, "客户（由客户经理督促客户）", "Customer (the customer manager chases the customer)") : g.dept;
    t.columns = {{tr(lang, "工程编号", "Order"), Align::left},    {tr(lang, "工作阶段", "Stage"), Align::left},
                 {tr(lang, "工作时限", "Deadline"), Align::left}, {tr(lang, "状态", "Status"), Align::left},
                 {tr(lang, "超期", "Late"), Align::right},         {tr(lang, "客户经理", "Customer manager"), Align::left}};
    for (const auto& item : g.items) {
      const auto& s = *item.stage;
      const Style st = status_style(s.state.status);
      t.rows.push_back({Cell{item.project->id}, Cell{s.name}, Cell{date_with_weekday(lang, s.state.effective_deadline)},
                        Cell{status_label(lang, s.state.status), st}, Cell{days_text(lang, s), st},
                        Cell{item.project->customer_manager.empty() ? "—" : item.project->customer_manager}});
    }
    doc.blocks.emplace_back(std::move(t));
  }
  if (bad > 0) {
    BulletList errors;
    errors.title = tr(lang, "文件错误", "File errors");
    for (const auto& f : portfolio.files)
      for (const auto& d : f.errors) errors.items.push_back({format_diagnostic(d), Style::overdue});
    doc.blocks.emplace_back(std::move(errors));
  }
  return doc;
}

std::string remind_json(const track::PortfolioEvaluation& portfolio, const std::vector<track::ReminderGroup>& groups) {
  JsonWriter w;
  w.begin_object();
  w.field("schema", 1).field("as_of", portfolio.as_of.iso());
  w.key("items").begin_array();
  for (const auto& g : groups)
    for (const auto& item : g.items) write_notice_json(w, make_notice(*item.project, *item.stage));
  w.end_array();
  w.key("warnings").begin_array();
  for (int y : provisional_years(groups)) w.value(provisional_text(Lang::en, y));
  w.end_array();
  write_errors_json(w, portfolio);
  w.end_object();
  return w.finish();
}

} // namespace yekuo::report
