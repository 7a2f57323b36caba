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

// Energized orders whose revisit or inspection is due on the next working day or overdue.
std::vector<std::pair<const track::ProjectEvaluation*, const track::FollowUp*>>
follow_up_reminders(const track::PortfolioEvaluation& portfolio) {
  std::vector<std::pair<const track::ProjectEvaluation*, const track::FollowUp*>> out;
  for (const auto& f : portfolio.files)
    if (f.evaluation && f.evaluation->energized)
      for (const auto& fu : f.evaluation->follow_up)
        if (fu.status != track::FollowUpStatus::open) out.emplace_back(&*f.evaluation, &fu);
  return out;
}

std::string follow_up_label(Lang lang, track::FollowUpKind k) {
  return k == track::FollowUpKind::revisit ? tr(lang, "95598 回访", "95598 revisit")
                                           : tr(lang, "回头看", "follow-up inspection");
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
  const auto follow = follow_up_reminders(portfolio);
  if (groups.empty() && follow.empty())
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
    // The responsible person's column appears when a listed stage names one (`owner`).
    const bool owners =
        std::any_of(g.items.begin(), g.items.end(), [](const auto& item) { return !item.stage->owner.empty(); });
    if (owners) t.columns.insert(t.columns.begin() + 2, Column{tr(lang, "责任人", "Owner"), Align::left});
    for (const auto& item : g.items) {
      const auto& s = *item.stage;
      const Style st = status_style(s.state.status);
      std::vector<Cell> row{Cell{item.project->id}, Cell{s.name}, Cell{date_with_weekday(lang, s.state.effective_deadline)},
              Cell{status_label(lang, s.state.status), st}, Cell{days_text(lang, s), st},
              Cell{item.project->customer_manager.empty() ? "—" : item.project->customer_manager}};
      if (owners) row.insert(row.begin() + 2, Cell{s.owner.empty() ? "—" : s.owner});
      t.rows.push_back(std::move(row));
    }
    doc.blocks.emplace_back(std::move(t));
  }
  if (!follow.empty()) {
    Table t;
    t.title = tr(lang, "送电后回访及回头看", "Follow-up after energization");
    t.columns = {{tr(lang, "工程编号", "Order"), Align::left},    {tr(lang, "事项", "Follow-up"), Align::left},
                 {tr(lang, "送电日期", "Energized"), Align::left}, {tr(lang, "期限", "Deadline"), Align::left},
                 {tr(lang, "状态", "Status"), Align::left},       {tr(lang, "客户经理", "Customer manager"), Align::left}};
    for (const auto& [p, f] : follow) {
      const bool over = f->status == track::FollowUpStatus::overdue;
      t.rows.push_back({Cell{p->id}, Cell{follow_up_label(lang, f->kind)}, Cell{f->energized.iso()},
                        Cell{date_with_weekday(lang, f->deadline)},
                        Cell{over ? tr(lang, "已超期", "overdue") : tr(lang, "即将到期", "due soon"),
                             over ? Style::overdue : Style::due_soon},
                        Cell{p->customer_manager.empty() ? "—" : p->customer_manager}});
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
  // Follow-ups after energization (kind revisit | inspection), in the stage items' shape: id is the
  // kind, days_late the calendar days after the deadline.
  for (const auto& [p, f] : follow_up_reminders(portfolio)) {
    w.begin_object();
    w.field("project", p->id).field("project_name", p->name).field("file", p->file);
    w.field("customer_manager", p->customer_manager);
    w.field("kind", track::follow_up_kind_word(f->kind));
    w.field("id", track::follow_up_kind_word(f->kind)).field("name", follow_up_label(Lang::zh, f->kind));
    w.field("dept", "客户服务中心").field("customer", false).field("owner", "");
    w.field("energized", f->energized.iso());
    w.field("deadline", f->deadline.iso()).field("effective_deadline", f->deadline.iso());
    w.field("status", track::follow_up_status_word(f->status));
    w.field("days_late", f->status == track::FollowUpStatus::overdue ? portfolio.as_of - f->deadline : 0);
    w.field("unit", "calendar_days");
    w.key("blocks").begin_array().end_array();
    w.end_object();
  }
  w.end_array();
  w.key("warnings").begin_array();
  for (int y : provisional_years(groups)) w.value(provisional_text(Lang::en, y));
  w.end_array();
  write_errors_json(w, portfolio);
  w.end_object();
  return w.finish();
}

} // namespace yekuo::report
