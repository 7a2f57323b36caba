#include <yekuo/report/evaluation_report.hpp>

#include <yekuo/report/document_builder.hpp>
#include <yekuo/report/labels.hpp>

#include <algorithm>
#include <fmt/format.h>
#include <numeric>

namespace yekuo::report {

using track::ProjectEvaluation;
using track::ProjectState;
using track::StageEvaluation;
using track::StageStatus;

std::string status_label(Lang lang, StageStatus s) {
  switch (s) {
  case StageStatus::not_started: return tr(lang, "未开始", "not started");
  case StageStatus::waiting: return tr(lang, "等待前序", "waiting");
  case StageStatus::in_progress: return tr(lang, "进行中", "in progress");
  case StageStatus::due_soon: return tr(lang, "即将到期", "due soon");
  case StageStatus::overdue: return tr(lang, "已超期", "overdue");
  case StageStatus::done_on_time: return tr(lang, "按期完成", "done on time");
  case StageStatus::done_late: return tr(lang, "超期完成", "done late");
  }
  return "";
}

std::string state_label(Lang lang, ProjectState s) {
  switch (s) {
  case ProjectState::on_track: return tr(lang, "正常", "on track");
  case ProjectState::at_risk: return tr(lang, "有风险", "at risk");
  case ProjectState::late: return tr(lang, "滞后", "late");
  }
  return "";
}

Style status_style(StageStatus s) {
  switch (s) {
  case StageStatus::not_started:
  case StageStatus::waiting: return Style::muted;
  case StageStatus::in_progress: return Style::normal;
  case StageStatus::due_soon: return Style::due_soon;
  case StageStatus::overdue: return Style::overdue;
  case StageStatus::done_on_time: return Style::ok;
  case StageStatus::done_late: return Style::warning;
  }
  return Style::normal;
}

Style state_style(ProjectState s) {
  switch (s) {
  case ProjectState::on_track: return Style::ok;
  case ProjectState::at_risk: return Style::due_soon;
  case ProjectState::late: return Style::overdue;
  }
  return Style::normal;
}

namespace {

std::string join_ids(const std::vector<std::string>& ids, std::string_view sep) {
  std::string out;
  for (std::size_t k = 0; k < ids.size(); ++k) out += (k ? std::string(sep) : "") + ids[k];
  return out;
}

std::string short_date(calendar::Date d) { return fmt::format("{:02}-{:02}", d.month(), d.day()); }

std::string delay_text(Lang lang, const track::DelayView& d) {
  const std::string span = d.from == d.to ? short_date(d.from) : fmt::format("{}–{}", short_date(d.from), short_date(d.to));
  const std::string reason = d.reason.empty() ? "" : (lang == Lang::zh ? "（" + d.reason + "）" : " (" + d.reason + ")");
  switch (d.verdict) {
  case track::DelayVerdict::excluded:
    return lang == Lang::zh ? fmt::format("客户原因 {}{}：{} 报备，扣除 {} 个工作日", span, reason, short_date(*d.reported), d.days)
                            : fmt::format("customer delay {}{}: reported {}, {} working days excluded", span, reason,
                                          short_date(*d.reported), d.days);
  case track::DelayVerdict::reported_late:
    return lang == Lang::zh ? fmt::format("客户原因 {}{}：超过时限才报备（{}），不予扣除", span, reason, short_date(*d.reported))
                            : fmt::format("customer delay {}{}: reported after the deadline ({}): not excluded", span,
                                          reason, short_date(*d.reported));
  case track::DelayVerdict::not_reported:
    return lang == Lang::zh ? fmt::format("客户原因 {}{}：未报备，不予扣除", span, reason)
                            : fmt::format("customer delay {}{}: not reported: not excluded", span, reason);
  }
  return "";
}

// The planned deadline, and the effective one when the rule moved it (a late predecessor, customer
// days excluded).
std::string deadline_text(const StageEvaluation& s) {
  if (s.state.effective_deadline == s.state.deadline) return s.state.deadline.iso();
  return fmt::format("{} → {}", s.state.deadline.iso(), s.state.effective_deadline.iso());
}

std::string days_late_text(Lang lang, int days_late, bool calendar_days) {
  if (days_late <= 0) return "";
  if (!calendar_days) return fmt::format("{}", days_late);
  return lang == Lang::zh ? fmt::format("{}（日历日）", days_late) : fmt::format("{} (calendar)", days_late);
}

std::string stage_notes(Lang lang, const StageEvaluation& s) {
  std::vector<std::string> notes;
  if (s.driver) notes.push_back(tr(lang, "关键路径", "critical path"));
  if (!s.from_baseline) notes.push_back(tr(lang, "不在基线中：按当前计划", "not in the baseline: current plan"));
  if (!s.blocked_by.empty())
    notes.push_back(lang == Lang::zh ? fmt::format("等待前序：{}（{}）", s.blocked_by_name, s.blocked_by_dept)
                                     : fmt::format("waiting for {} ({})", s.blocked_by_name, s.blocked_by_dept));
  if (!s.blocks.empty())
    notes.push_back(lang == Lang::zh ? fmt::format("阻塞：{}", join_ids(s.blocks_names, "、"))
                                     : fmt::format("holding up {}", join_ids(s.blocks_names, ", ")));
  if (s.held != track::HoldReason::none)
    notes.push_back(s.held == track::HoldReason::finished
                        ? (lang == Lang::zh ? fmt::format("第 {} 版基线确认时已完成：时限不变", s.held_by_revision)
                                            : fmt::format("finished before revision {}: its deadline stands", s.held_by_revision))
                        : (lang == Lang::zh ? fmt::format("第 {} 版基线确认时已过时限：时限不变", s.held_by_revision)
                                            : fmt::format("past its deadline at revision {}: its deadline stands",
                                                          s.held_by_revision)));
  for (const auto& d : s.delays) notes.push_back(delay_text(lang, d));
  std::string out;
  for (std::size_t k = 0; k < notes.size(); ++k) out += (k ? (lang == Lang::zh ? "；" : "; ") : "") + notes[k];
  return out;
}

std::string baseline_text(Lang lang, const ProjectEvaluation& p) {
  if (!p.has_baseline) return tr(lang, "未确认基线：按当前计划考评", "no confirmed baseline: measured against the current plan");
  return lang == Lang::zh ? fmt::format("第 {} 版（{} 确认）", p.baseline_revision, p.baseline_confirmed.iso())
                          : fmt::format("revision {} (confirmed {})", p.baseline_revision, p.baseline_confirmed.iso());
}

KeyValues project_header(Lang lang, const ProjectEvaluation& p, calendar::Date as_of) {
  KeyValues kv;
  kv.title = fmt::format("{} · {}", p.id, p.name);
  auto add = [&](std::string_view zh, std::string_view en, std::string value, Style style = Style::normal) {
    kv.items.emplace_back(tr(lang, zh, en), Cell{std::move(value), style});
  };
  add("客户经理", "Customer manager", p.customer_manager.empty() ? "—" : p.customer_manager);
  add("计划接电日期", "Planned energization", date_with_weekday(lang, p.planned_energization), Style::strong);
  if (p.has_forecast) {
    std::string fc = date_with_weekday(lang, p.forecast_energization);
    if (p.slip_days > 0)
      fc += lang == Lang::zh ? fmt::format("（滞后 {} 个工作日）", p.slip_days)
                             : fmt::format(" ({} working day{} late)", p.slip_days, p.slip_days == 1 ? "" : "s");
    add("预测接电日期", "Forecast energization", fc, p.slip_days > 0 ? Style::overdue : Style::normal);
  }
  add("状态", "State", state_label(lang, p.state), state_style(p.state));
  add("考评基准", "Measured against", baseline_text(lang, p), p.has_baseline ? Style::normal : Style::warning);
  if (p.state == ProjectState::late) {
    std::vector<std::string> names;
    for (const auto& s : p.stages)
      if (s.driver) names.push_back(s.name);
    if (!names.empty()) add("滞后主因", "Driving the slip", join_ids(names, lang == Lang::zh ? "、" : ", "), Style::critical);
  }
  for (const auto& w : project_warnings(p, lang))
    if (p.has_baseline || w != baseline_text(lang, p)) add("提示", "Warning", w, Style::warning);
  (void)as_of;
  return kv;
}

// The columns of the week's table of an order: the stage, its department, its dates and status.
std::vector<Column> stage_columns(Lang lang) {
  return {{tr(lang, "工作阶段", "Stage"), Align::left},        {tr(lang, "责任部门", "Department"), Align::left},
          {tr(lang, "工作时限", "Deadline"), Align::left},      {tr(lang, "实际开始", "Started"), Align::left},
          {tr(lang, "实际完成", "Finished"), Align::left},      {tr(lang, "状态", "Status"), Align::left},
          {tr(lang, "超期工作日", "Days late"), Align::right}, {tr(lang, "预测完成", "Forecast finish"), Align::left},
          {tr(lang, "说明", "Notes"), Align::left}};
}

// A stage's row of the week's table (stage_columns); `out` gets its cells appended.
void append_stage_row(Lang lang, const StageEvaluation& s, std::vector<Cell>& out) {
  const Style st = status_style(s.state.status);
  std::string forecast;
  if (s.forecast && !s.state.finished) forecast = s.forecast->finish.iso();
  out.push_back(Cell{s.name, s.driver ? Style::critical : Style::normal});
  out.push_back(Cell{s.dept, s.customer ? Style::customer : Style::normal});
  out.push_back(Cell{deadline_text(s), Style::strong});
  out.push_back(Cell{s.state.started ? s.state.started->iso() : "—"});
  out.push_back(Cell{s.state.finished ? s.state.finished->iso() : "—"});
  out.push_back(Cell{status_label(lang, s.state.status), st});
  out.push_back(Cell{days_late_text(lang, s.state.days_late, s.calendar_days), st});
  out.push_back(Cell{forecast});
  out.push_back(Cell{stage_notes(lang, s)});
}

Table stage_table(Lang lang, const ProjectEvaluation& p) {
  Table t;
  t.title = tr(lang, "本周关注的工作阶段", "Stages that matter this week");
  t.columns = stage_columns(lang);
  for (const auto& s : p.stages) {
    if (!s.matters_this_week()) continue;
    append_stage_row(lang, s, t.rows.emplace_back());
  }
  return t;
}

// The week's table of one department (EvaluationDocumentOptions::by_department): titled with the
// department, each row the order's id and name, then the stage's columns.
Table department_week_header(Lang lang, const std::string& dept) {
  Table t;
  t.title = dept;
  t.columns = {{tr(lang, "工程编号", "Order"), Align::left}, {tr(lang, "工程名称", "Name"), Align::left}};
  for (auto& c : stage_columns(lang)) t.columns.push_back(std::move(c));
  return t;
}

// The active orders, one row each (EvaluationDocumentOptions::by_department): what project_header
// says of an order, as columns, since the week's rows are grouped by department there.
Table active_orders_header(Lang lang) {
  Table t;
  t.title = tr(lang, "在办工程", "Active orders");
  t.columns = {{tr(lang, "工程编号", "Order"), Align::left},
               {tr(lang, "工程名称", "Name"), Align::left},
               {tr(lang, "客户经理", "Customer manager"), Align::left},
               {tr(lang, "计划接电日期", "Planned energization"), Align::left},
               {tr(lang, "预测接电日期", "Forecast energization"), Align::left},
               {tr(lang, "滞后工作日", "Working days late"), Align::right},
               {tr(lang, "状态", "State"), Align::left},
               {tr(lang, "考评基准", "Measured against"), Align::left},
               {tr(lang, "提示", "Warnings"), Align::left}};
  return t;
}

std::vector<Cell> active_order_row(Lang lang, const ProjectEvaluation& p) {
  std::vector<Cell> row;
  row.push_back(Cell{p.id});
  row.push_back(Cell{p.name});
  row.push_back(Cell{p.customer_manager.empty() ? "—" : p.customer_manager});
  Cell planned{p.planned_energization.iso(), Style::strong};
  planned.date = p.planned_energization;
  row.push_back(std::move(planned));
  Cell forecast{p.has_forecast ? p.forecast_energization.iso() : std::string("—"),
                p.slip_days > 0 ? Style::overdue : Style::normal};
  if (p.has_forecast) forecast.date = p.forecast_energization;
  row.push_back(std::move(forecast));
  Cell slip{std::to_string(p.slip_days), p.slip_days > 0 ? Style::overdue : Style::normal};
  slip.number = p.slip_days;
  row.push_back(std::move(slip));
  row.push_back(Cell{state_label(lang, p.state), state_style(p.state)});
  row.push_back(Cell{baseline_text(lang, p), p.has_baseline ? Style::normal : Style::warning});
  std::vector<std::string> warnings;
  for (const auto& w : project_warnings(p, lang))
    if (p.has_baseline || w != baseline_text(lang, p)) warnings.push_back(w);
  row.push_back(Cell{join(lang, warnings, Separator::clauses), warnings.empty() ? Style::normal : Style::warning});
  return row;
}

Paragraph nothing_this_week(Lang lang) {
  return Paragraph{Cell{tr(lang, "本周没有需要关注的工作阶段。", "No stage needs attention this week."), Style::muted}};
}

Gantt project_gantt(Lang lang, const ProjectEvaluation& p, calendar::Date as_of) {
  Gantt g;
  g.title = tr(lang, "计划与实际", "Plan vs actual");
  g.from = p.applied;
  g.to = std::max(p.planned_energization, as_of);
  if (p.has_forecast) g.to = std::max(g.to, p.forecast_energization);
  for (const auto& s : p.stages) {
    g.from = std::min(g.from, s.planned_start);
    g.to = std::max(g.to, s.state.effective_deadline);
    if (s.forecast) g.to = std::max(g.to, s.forecast->finish);
  }
  for (const auto& s : p.stages) {
    GanttRow row;
    row.label = s.name;
    row.group = s.dept;
    row.customer = s.customer;
    row.critical = s.driver;
    row.bars.push_back({s.planned_start, s.state.deadline, BarKind::baseline, Style::muted,
                        fmt::format("{}: {} – {}", tr(lang, "基线", "baseline"), s.planned_start.iso(), s.state.deadline.iso())});
    for (const auto& d : s.delays)
      if (d.verdict == track::DelayVerdict::excluded)
        row.bars.push_back({d.from, std::min(d.to, as_of), BarKind::excluded, Style::customer,
                            tr(lang, "客户原因（已扣除）", "customer delay (excluded)")});
    const auto status = s.state.status;
    const Style actual_style = status == StageStatus::overdue || status == StageStatus::done_late ? Style::overdue
                               : status == StageStatus::done_on_time                              ? Style::ok
                                                                                                  : Style::normal;
    if (s.state.started || s.state.finished) {
      const calendar::Date from = s.state.started ? *s.state.started : *s.state.finished;
      const calendar::Date to = s.state.finished ? *s.state.finished : as_of;
      row.bars.push_back({from, std::max(from, to), BarKind::actual, actual_style,
                          fmt::format("{}: {}", tr(lang, "实际", "actual"), status_label(lang, status))});
    }
    if (s.forecast && !s.state.finished)
      row.bars.push_back({s.state.started ? as_of.plus_days(1) : s.forecast->start, s.forecast->finish, BarKind::planned,
                          status == StageStatus::overdue ? Style::overdue : Style::muted,
                          fmt::format("{}: {}", tr(lang, "预测", "forecast"), s.forecast->finish.iso())});
    g.rows.push_back(std::move(row));
  }
  g.markers.push_back({as_of, tr(lang, "今天", "as of"), Style::strong});
  g.markers.push_back({p.planned_energization, tr(lang, "计划接电", "planned energization"), Style::normal});
  if (p.has_forecast && p.forecast_energization != p.planned_energization)
    g.markers.push_back({p.forecast_energization, tr(lang, "预测接电", "forecast energization"),
                         p.slip_days > 0 ? Style::overdue : Style::ok});
  if (p.calendar != nullptr && g.to - g.from <= 3 * 366)
    for (calendar::Date d = g.from; d <= g.to; d = d.plus_days(1))
      if (p.calendar->in_range(d) && !p.calendar->is_working_day(d)) g.non_working_days.push_back(d);
  return g;
}

std::string rate_text(const track::DepartmentSummary& d) {
  const auto r = d.on_time_rate();
  if (!r) return "—";
  return fmt::format("{:.0f}% ({}/{})", *r * 100.0, d.done_on_time, d.done_on_time + d.done_late);
}

Table department_table(Lang lang, const std::vector<track::DepartmentSummary>& depts, bool customer) {
  Table t;
  t.title = customer ? tr(lang, "客户方环节（不计入部门考评）", "Customer-side stages (not a department's record)")
                     : tr(lang, "各部门汇总", "Summary by department");
  t.columns = {{tr(lang, "责任部门", "Department"), Align::left},    {tr(lang, "未完成", "Open"), Align::right},
               {tr(lang, "已超期", "Overdue"), Align::right},        {tr(lang, "本周到期", "Due this week"), Align::right},
               {tr(lang, "按期完成率", "On-time rate"), Align::right}};
  for (const auto& d : depts) {
    if (d.customer != customer) continue;
    t.rows.push_back({Cell{d.dept, customer ? Style::customer : Style::normal}, Cell{fmt::format("{}", d.open)},
                      Cell{fmt::format("{}", d.overdue), d.overdue > 0 ? Style::overdue : Style::normal},
                      Cell{fmt::format("{}", d.due_this_week), d.due_this_week > 0 ? Style::due_soon : Style::normal},
                      Cell{rate_text(d)}});
  }
  return t;
}

// One table per escalation level, level 3 first (docs/tracking.md#the-escalation-ladder); within a
// level worst first, as track::escalations orders them.
std::string level_title(Lang lang, int level) {
  switch (level) {
  case 3: return tr(lang, "第 3 级：报请分管副总经理决策", "Level 3: to the deputy general manager for a decision");
  case 2: return tr(lang, "第 2 级：向客户服务中心主任汇报协调", "Level 2: to the customer service centre's director");
  default: return tr(lang, "第 1 级：客户经理协调", "Level 1: the customer manager coordinates");
  }
}

// The escalation table's title and columns; `owners`: a listed stage names its responsible person.
Table escalation_header(Lang lang, int level, bool owners) {
  Table t;
  t.title = level_title(lang, level);
  t.columns = {{tr(lang, "序号", "No."), Align::right},          {tr(lang, "工程编号", "Order"), Align::left},
               {tr(lang, "工作阶段", "Stage"), Align::left},      {tr(lang, "责任部门", "Department"), Align::left},
               {tr(lang, "工作时限", "Deadline"), Align::left},   {tr(lang, "超期工作日", "Days late"), Align::right},
               {tr(lang, "协调未果", "Unresolved"), Align::right},
               {tr(lang, "阻塞后续", "Holding up"), Align::left},
               {tr(lang, "客户经理", "Customer manager"), Align::left}};
  if (owners) t.columns.insert(t.columns.begin() + 4, Column{tr(lang, "责任人", "Owner"), Align::left});
  return t;
}

// Row `no` (from 1) of an escalation table.
std::vector<Cell> escalation_row(Lang lang, std::size_t no, const StageNotice& e, bool owners) {
  std::vector<Cell> row{Cell{fmt::format("{}", no)}, Cell{e.project}, Cell{e.name}, Cell{e.dept},
                        Cell{e.effective_deadline.iso()},
                        Cell{days_late_text(lang, e.days_late, e.calendar_days), Style::overdue},
                        Cell{fmt::format("{}", e.unresolved_coordinations)},
                        Cell{e.blocks_names.empty() ? "—" : join_ids(e.blocks_names, lang == Lang::zh ? "、" : ", ")},
                        Cell{e.customer_manager.empty() ? "—" : e.customer_manager}};
  if (owners) row.insert(row.begin() + 4, Cell{e.owner.empty() ? "—" : e.owner});
  return row;
}

// The follow-up list (docs/tracking.md#follow-up-after-energization): energized orders whose revisit or
// inspection is not recorded yet, in file order (revisit first), every status.
Table follow_up_header(Lang lang) {
  Table t;
  t.title = tr(lang, "送电后回访及回头看（待办）", "Follow-up after energization (open)");
  t.columns = {{tr(lang, "工程编号", "Order"), Align::left},    {tr(lang, "事项", "Follow-up"), Align::left},
               {tr(lang, "送电日期", "Energized"), Align::left}, {tr(lang, "期限", "Deadline"), Align::left},
               {tr(lang, "状态", "Status"), Align::left},       {tr(lang, "客户经理", "Customer manager"), Align::left}};
  return t;
}

std::vector<Cell> follow_up_row(Lang lang, calendar::Date as_of, const std::string& project,
                                const std::string& customer_manager, const track::FollowUp& fu) {
  std::string status;
  Style style = Style::normal;
  switch (fu.status) {
  case track::FollowUpStatus::open: status = tr(lang, "未到期", "open"); break;
  case track::FollowUpStatus::due_soon:
    status = tr(lang, "即将到期", "due soon");
    style = Style::due_soon;
    break;
  case track::FollowUpStatus::overdue:
    status = lang == Lang::zh ? fmt::format("已超期 {} 天", as_of - fu.deadline)
                              : fmt::format("overdue {} days", as_of - fu.deadline);
    style = Style::overdue;
    break;
  }
  return {Cell{project},
          Cell{follow_up_label(lang, fu.kind)},
          Cell{fu.energized.iso()}, Cell{date_with_weekday(lang, fu.deadline)}, Cell{status, style},
          Cell{customer_manager.empty() ? "—" : customer_manager}};
}

} // namespace

std::vector<std::string> project_warnings(const ProjectEvaluation& p, Lang lang) {
  std::vector<std::string> out;
  auto add = [&](std::string w) {
    if (std::find(out.begin(), out.end(), w) == out.end()) out.push_back(std::move(w));
  };
  if (!p.has_baseline) add(tr(lang, "未确认基线：按当前计划考评", "no confirmed baseline: measured against the current plan"));
  if (!p.stages_not_in_baseline.empty())
    add(lang == Lang::zh ? fmt::format("以下阶段不在基线中，按当前计划考评：{}", join_ids(p.stages_not_in_baseline, "、"))
                         : fmt::format("not in the baseline, measured against the current plan: {}",
                                       join_ids(p.stages_not_in_baseline, ", ")));
  for (int y : p.provisional_years)
    add(lang == Lang::zh ? calendar::WorkingCalendar::provisional_warning_zh(y)
                         : calendar::WorkingCalendar::provisional_warning(y));
  if (lang == Lang::en)
    for (const auto& n : p.notes) add(n);
  return out;
}

EvaluationReport::EvaluationReport(calendar::Date as_of, Lang lang, const EvaluationDocumentOptions& options,
                                   DocumentSink& sink)
    : m_as_of(as_of), m_lang(lang), m_options(options), m_sink(sink) {
  if (options.capacities && !options.capacities->empty()) m_capacity.emplace(as_of, *options.capacities);
  DocumentHead head;
  head.title = tr(lang, "“订单式”服务工作考评表", "Order-style service: weekly evaluation");
  head.subtitle = lang == Lang::zh ? fmt::format("截至 {}", date_with_weekday(lang, as_of))
                                   : fmt::format("as of {}", date_with_weekday(lang, as_of));
  head.warnings_at_finish = true; // a bad file may be the last one
  m_sink.begin(head);
}

void EvaluationReport::add(const track::FileResult& file) {
  for (const auto& d : file.errors) m_errors.push_back(format_diagnostic(d));
  if (!file.evaluation) {
    ++m_bad;
    return;
  }
  const ProjectEvaluation& p = *file.evaluation;
  if (m_capacity && p.calendar) m_capacity->add(p, *p.calendar);
  for (const auto& fu : p.follow_up) m_follow_up.push_back({p.id, p.customer_manager, fu});
  if (p.energized) ++m_energized;
  if (!p.active()) return;
  ++m_active;
  m_departments.add(p);
  m_escalations.add(p);
  if (m_options.by_department) {
    add_week_rows(p);
    return;
  }
  m_sink.block(project_header(m_lang, p, m_as_of));
  if (Table t = stage_table(m_lang, p); t.rows.empty())
    m_sink.block(nothing_this_week(m_lang));
  else
    m_sink.block(std::move(t));
  if (m_options.gantt) m_sink.block(project_gantt(m_lang, p, m_as_of));
}

void EvaluationReport::add_week_rows(const ProjectEvaluation& p) {
  m_order_rows.add(0, active_order_row(m_lang, p));
  std::vector<Cell> row;
  for (const auto& s : p.stages) {
    if (!s.matters_this_week()) continue;
    auto [at, added] = m_week_dept_index.try_emplace({s.customer, s.dept}, m_week_depts.size());
    if (added) m_week_depts.emplace_back(s.customer, s.dept);
    row.clear();
    row.push_back(Cell{p.id});
    row.push_back(Cell{p.name});
    append_stage_row(m_lang, s, row);
    m_week_rows.add(at->second, row);
  }
}

void EvaluationReport::write_week_by_department() {
  m_sink.table(active_orders_header(m_lang), m_order_rows.rows(0), [&](std::size_t i) { return m_order_rows.row(0, i); });
  if (m_week_depts.empty()) {
    m_sink.block(nothing_this_week(m_lang));
    return;
  }
  std::vector<std::size_t> order(m_week_depts.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::sort(order.begin(), order.end(), [&](std::size_t x, std::size_t y) {
    return track::department_listed_before(m_week_depts[x].first, m_week_depts[x].second, m_week_depts[y].first,
                                           m_week_depts[y].second);
  });
  for (const std::size_t g : order)
    m_sink.table(department_week_header(m_lang, m_week_depts[g].second), m_week_rows.rows(g),
                 [&](std::size_t i) { return m_week_rows.row(g, i); });
}

void EvaluationReport::finish() {
  const Lang lang = m_lang;
  if (m_active == 0)
    m_sink.block(Paragraph{Cell{tr(lang, "没有在办的工程。", "No active orders."), Style::muted}});
  else if (m_options.by_department)
    write_week_by_department();
  const auto depts = m_departments.summaries();
  if (!depts.empty()) {
    m_sink.block(department_table(lang, depts, false));
    if (std::any_of(depts.begin(), depts.end(), [](const auto& d) { return d.customer; }))
      m_sink.block(department_table(lang, depts, true));
  }
  if (m_capacity) m_sink.block(m_capacity->block(lang));
  write_escalations();
  write_follow_up();
  if (m_energized > 0)
    m_sink.block(Paragraph{Cell{lang == Lang::zh ? fmt::format("另有 {} 个已送电工程未列入：见 yekuo assess", m_energized)
                                                 : fmt::format("{} energized orders omitted: see yekuo assess", m_energized),
                                Style::muted}});
  std::vector<std::string> warnings;
  if (m_bad > 0) {
    BulletList errors;
    errors.title = tr(lang, "文件错误", "File errors");
    for (const auto& e : m_errors) errors.items.push_back({e, Style::overdue});
    m_sink.block(std::move(errors));
    warnings.push_back(lang == Lang::zh ? fmt::format("{} 个工程文件有误，未纳入本表（见文末“文件错误”）", m_bad)
                                        : fmt::format("{} order files have errors and are not in this table "
                                                      "(see \"File errors\" at the end)",
                                                      m_bad));
  }
  m_sink.finish(warnings);
}

void EvaluationReport::write_escalations() {
  const Lang lang = m_lang;
  if (m_escalations.empty()) {
    m_sink.block(Paragraph{Cell{tr(lang, "无需提请主任协调的超期事项。", "Nothing to escalate to the director."), Style::ok}});
    return;
  }
  m_sink.block(Paragraph{Cell{tr(lang, "提请主任协调（超期未完成），按升级层级分组：",
                                 "Escalate to the centre's director (overdue), grouped by level:"),
                              Style::strong}});
  // One table per level, level 3 first; each row is read back from the spool when it is written.
  for (int level = 3; level >= 1; --level) {
    const auto order = m_escalations.worst_first(level);
    if (order.empty()) continue;
    const bool owners = m_escalations.any_owner(level);
    m_sink.table(escalation_header(lang, level, owners), order.size(), [&](std::size_t i) {
      return escalation_row(lang, i + 1, m_escalations[order[i]], owners);
    });
  }
}

void EvaluationReport::write_follow_up() {
  if (m_follow_up.empty()) return;
  m_sink.table(follow_up_header(m_lang), m_follow_up.size(), [&](std::size_t i) {
    const FollowUpRow& f = m_follow_up[i];
    return follow_up_row(m_lang, m_as_of, f.project, f.customer_manager, f.follow_up);
  });
}

Document build_evaluation_document(const track::PortfolioEvaluation& portfolio, Lang lang,
                                   const EvaluationDocumentOptions& options) {
  DocumentBuilder builder;
  EvaluationReport report(portfolio.as_of, lang, options, builder);
  for (const auto& f : portfolio.files) report.add(f);
  report.finish();
  return builder.take();
}

} // namespace yekuo::report
