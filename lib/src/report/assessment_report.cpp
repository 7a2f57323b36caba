#include <yekuo/report/assessment_report.hpp>

#include <yekuo/report/labels.hpp>
#include <yekuo/util/json_writer.hpp>

#include <algorithm>
#include <cmath>
#include <fmt/format.h>

namespace yekuo::report {

namespace {

using track::OrderState;
using track::ProjectAssessment;
using track::StageAssessment;

std::string pred_name_of(const ProjectAssessment& p, const StageAssessment& s) {
  if (s.clock.reason != track::ClockReason::predecessor) return {};
  for (const auto& o : p.stages)
    if (o.index == s.clock.pred) return o.name;
  return {};
}

std::string pred_id_of(const ProjectAssessment& p, const StageAssessment& s) {
  if (s.clock.reason != track::ClockReason::predecessor) return {};
  for (const auto& o : p.stages)
    if (o.index == s.clock.pred) return o.id;
  return {};
}

const char* clock_reason_name(track::ClockReason r) {
  switch (r) {
  case track::ClockReason::applied: return "applied";
  case track::ClockReason::planned_start: return "planned_start";
  case track::ClockReason::predecessor: return "predecessor";
  }
  return "applied";
}

std::string delay_text(const track::DelayEvidence& d, Lang lang) {
  const std::string reason = d.reason.empty() ? tr(lang, "客户原因", "customer reason") : d.reason;
  std::string verdict;
  if (!d.reported)
    verdict = tr(lang, "未报告客户原因，不予扣除", "never reported: not excluded");
  else if (d.in_time())
    verdict = lang == Lang::zh ? fmt::format("{} 报告，在时限内，扣除", d.reported->iso())
                               : fmt::format("reported {}, within the deadline: excluded", d.reported->iso());
  else
    verdict = lang == Lang::zh ? fmt::format("{} 报告，超过时限，不予扣除", d.reported->iso())
                               : fmt::format("reported {}, after the deadline: not excluded", d.reported->iso());
  return lang == Lang::zh
             ? fmt::format("客户原因 {} 至 {}（{}）：计时区间内 {} 个工作日；{}", d.from.iso(), d.to.iso(), reason,
                           d.days, verdict)
             : fmt::format("customer delay {} to {} ({}): {} working days inside the counted interval; {}", d.from.iso(),
                           d.to.iso(), reason, d.days, verdict);
}

// The marketing department's decision (核实, 申诉) as words.
std::string decision_text(track::Decision d, Lang lang) {
  switch (d) {
  case track::Decision::pending: return tr(lang, "待核实", "pending verification");
  case track::Decision::upheld: return tr(lang, "已核实，维持考核", "upheld");
  case track::Decision::waived: return tr(lang, "免于考核", "waived");
  case track::Decision::appealed: return tr(lang, "申诉中", "under appeal");
  }
  return {};
}

std::string ruling_text(const StageAssessment& s, Lang lang) {
  std::string out = decision_text(s.decision, lang);
  if (!s.decision_date) return out;
  std::string who = s.decision_by.empty() ? "" : (lang == Lang::zh ? "，" : ", ") + s.decision_by;
  std::string why = s.decision_reason.empty() ? "" : (lang == Lang::zh ? "：" : ": ") + s.decision_reason;
  return lang == Lang::zh ? fmt::format("{}（{}{}）{}", out, s.decision_date->iso(), who, why)
                          : fmt::format("{} ({}{}){}", out, s.decision_date->iso(), who, why);
}

std::string evidence_text(const ProjectAssessment& p, const StageAssessment& s, Lang lang) {
  const std::string why = clock_reason_text(s, pred_name_of(p, s), lang);
  std::string head;
  if (s.suggested())
    head = lang == Lang::zh ? fmt::format("{}（{}）：建议考核，超期 {} 个工作日。", s.name, s.dept, s.overrun_days)
                            : fmt::format("{} ({}): assessment proposed, {} working days over. ", s.name, s.dept,
                                          s.overrun_days);
  else
    head = lang == Lang::zh ? fmt::format("{}（{}）：", s.name, s.dept) : fmt::format("{} ({}): ", s.name, s.dept);
  std::string body =
      lang == Lang::zh
          ? fmt::format("时限 {} 个工作日，计划 {} 至 {}；计时自 {} 起（{}），实际完成 {}，有效时限 {}；"
                        "办理 {} 个工作日，扣除客户原因 {} 个工作日，净 {} 个工作日。",
                        s.limit_days, s.planned_start.iso(), s.planned_deadline.iso(), s.clock_start.iso(), why,
                        s.actual_finish.iso(), s.effective_deadline.iso(), s.handling_days, s.customer_days_excluded,
                        s.net_days)
          : fmt::format("limit {} working days, planned {} to {}; counted from {} ({}), finished {}, effective "
                        "deadline {}; {} handling days, {} customer days excluded, {} net.",
                        s.limit_days, s.planned_start.iso(), s.planned_deadline.iso(), s.clock_start.iso(), why,
                        s.actual_finish.iso(), s.effective_deadline.iso(), s.handling_days, s.customer_days_excluded,
                        s.net_days);
  std::string out = head + body;
  if (s.suggested() || s.decision != track::Decision::pending)
    out += (lang == Lang::zh ? "核实：" : " Decision: ") + ruling_text(s, lang) + (lang == Lang::zh ? "。" : ".");
  for (const auto& d : s.delays) {
    out += ' ';
    out += delay_text(d, lang);
    out += lang == Lang::zh ? "。" : ".";
  }
  return out;
}

std::string total_text(int working, int calendar_days, Lang lang) {
  return lang == Lang::zh ? fmt::format("{} 个工作日（{} 个日历日）", working, calendar_days)
                          : fmt::format("{} working days ({} calendar days)", working, calendar_days);
}

std::string vs_text(int days, Lang lang) {
  if (days == 0) return tr(lang, "当日", "on the day");
  if (days < 0)
    return lang == Lang::zh ? fmt::format("提前 {} 个工作日", -days) : fmt::format("{} working days early", -days);
  return lang == Lang::zh ? fmt::format("推迟 {} 个工作日", days) : fmt::format("{} working days late", days);
}

Style revisit_style(const track::RevisitResult& r) {
  switch (r.status) {
  case track::RevisitStatus::ok: return Style::ok;
  case track::RevisitStatus::not_due: return Style::muted;
  case track::RevisitStatus::late: return Style::warning;
  case track::RevisitStatus::missing:
  case track::RevisitStatus::dissatisfied: return Style::overdue;
  }
  return Style::normal;
}

Style inspection_style(const track::InspectionResult& r) {
  switch (r.status) {
  case track::InspectionStatus::ok: return Style::ok;
  case track::InspectionStatus::not_due: return Style::muted;
  case track::InspectionStatus::late: return Style::warning;
  case track::InspectionStatus::missing:
  case track::InspectionStatus::issues: return Style::overdue;
  }
  return Style::normal;
}

KeyValues order_header(const ProjectAssessment& p, Lang lang) {
  KeyValues kv;
  kv.title = fmt::format("{} {}", p.id, p.name);
  auto add = [&](std::string_view zh, std::string_view en, std::string value, Style style = Style::normal) {
    kv.items.emplace_back(tr(lang, zh, en), Cell{std::move(value), style});
  };
  add("工程编号", "Order", p.id);
  add("工程名称", "Project", p.name);
  add("客户", "Customer", p.customer);
  add("客户经理", "Customer manager", p.customer_manager.empty() ? "—" : p.customer_manager);
  add("文件", "File", p.file, Style::muted);
  add("受理日期", "Applied", date_with_weekday(lang, p.applied));
  add("接电日期", "Energized", date_with_weekday(lang, *p.energized), Style::strong);
  add("计划接电日期", "Planned energization",
      fmt::format(fmt::runtime(lang == Lang::zh ? "{}（{}）" : "{} ({})"), date_with_weekday(lang, p.planned_energization), vs_text(p.vs_planned_working_days, lang)),
      p.vs_planned_working_days > 0 ? Style::overdue : Style::normal);
  add("客户期望接电日期", "Customer's target",
      fmt::format(fmt::runtime(lang == Lang::zh ? "{}（{}）" : "{} ({})"), date_with_weekday(lang, p.target), vs_text(p.vs_target_working_days, lang)),
      p.vs_target_working_days > 0 ? Style::overdue : Style::normal);
  add("实际总周期", "Actual total cycle", total_text(p.total_working_days, p.total_calendar_days, lang), Style::strong);
  if (p.has_baseline)
    add("考核依据", "Measured against",
        lang == Lang::zh ? fmt::format("确认基线第 {} 版", p.baseline_revision)
                         : fmt::format("confirmed baseline, revision {}", p.baseline_revision));
  else
    add("考核依据", "Measured against", tr(lang, "当前计划（尚未确认基线）", "the current plan (no confirmed baseline)"),
        Style::warning);
  if (p.has_baseline && !p.stages_not_in_baseline.empty()) {
    std::string ids;
    for (const auto& id : p.stages_not_in_baseline) ids += (ids.empty() ? "" : (lang == Lang::zh ? "、" : ", ")) + id;
    add("提示", "Warning",
        lang == Lang::zh ? fmt::format("以下阶段不在基线中，按当前计划考核：{}", ids)
                         : fmt::format("not in the baseline, measured against the current plan: {}", ids),
        Style::warning);
  }
  if (p.revisit) {
    std::string text = revisit_status_text(*p.revisit, lang);
    text += lang == Lang::zh ? fmt::format("（时限 {}）", p.revisit->deadline.iso())
                             : fmt::format(" (due by {})", p.revisit->deadline.iso());
    add("95598 回访", "95598 revisit", text, revisit_style(*p.revisit));
  }
  if (p.inspection) {
    std::string text = inspection_status_text(*p.inspection, lang);
    text += lang == Lang::zh ? fmt::format("（时限 {}）", p.inspection->deadline.iso())
                             : fmt::format(" (due by {})", p.inspection->deadline.iso());
    add("回头看", "Inspection", text, inspection_style(*p.inspection));
  }
  return kv;
}

Table stage_table(const ProjectAssessment& p, Lang lang) {
  Table t;
  t.title = tr(lang, "各阶段办理情况", "Stages");
  t.columns = {{tr(lang, "工作阶段", "Stage"), Align::left},
               {tr(lang, "责任部门", "Department"), Align::left},
               {tr(lang, "时限", "Limit"), Align::right},
               {tr(lang, "计时起点", "Clock start"), Align::left},
               {tr(lang, "实际完成", "Finished"), Align::left},
               {tr(lang, "办理", "Handling"), Align::right},
               {tr(lang, "扣除客户原因", "Customer excl."), Align::right},
               {tr(lang, "净", "Net"), Align::right},
               {tr(lang, "超期", "Overrun"), Align::right},
               {tr(lang, "考核建议", "Suggestion"), Align::left}};
  // The responsible person's column appears when a stage names one (`owner`).
  const bool owners = std::any_of(p.stages.begin(), p.stages.end(), [](const auto& s) { return !s.owner.empty(); });
  if (owners) t.columns.insert(t.columns.begin() + 2, Column{tr(lang, "责任人", "Owner"), Align::left});
  for (const auto& s : p.stages) {
    std::string suggestion;
    Style sstyle = Style::ok;
    if (s.suggested()) {
      suggestion = lang == Lang::zh ? fmt::format("建议考核 {}：超期 {} 个{}", s.dept, s.overrun_days,
                                                  s.calendar_days ? "日历日" : "工作日")
                                    : fmt::format("assess {}: {} {} days over", s.dept, s.overrun_days,
                                                  s.calendar_days ? "calendar" : "working");
      sstyle = Style::overdue;
    } else if (s.customer && s.overrun_days > 0) {
      suggestion = tr(lang, "客户方超期，不考核", "customer side over: not assessed");
      sstyle = Style::customer;
    } else {
      suggestion = tr(lang, "按期", "on time");
    }
    if (s.suggested() || s.decision != track::Decision::pending)
      suggestion += lang == Lang::zh ? fmt::format("（{}）", decision_text(s.decision, lang))
                                     : fmt::format(" ({})", decision_text(s.decision, lang));
    if (!s.from_baseline) suggestion += tr(lang, "（不在基线中：按当前计划）", " (not in the baseline: current plan)");
    if (s.held != track::HoldReason::none)
      suggestion += lang == Lang::zh ? fmt::format("（第 {} 版基线未能调整其时限）", s.held_by_revision)
                                     : fmt::format(" (revision {} could not move its deadline)", s.held_by_revision);
    const Style over = s.overrun_days > 0 ? (s.customer ? Style::customer : Style::overdue) : Style::normal;
    std::vector<Cell> row{Cell{s.name, s.customer ? Style::customer : Style::normal},
                      Cell{s.dept, s.customer ? Style::customer : Style::normal},
                      Cell{s.calendar_days ? fmt::format("{}{}", s.limit_days, tr(lang, "（日历日）", " (calendar)"))
                                           : fmt::format("{}", s.limit_days)},
                      Cell{s.clock_start.iso()},
                      Cell{s.actual_finish.iso()},
                      Cell{fmt::format("{}", s.handling_days)},
                      Cell{fmt::format("{}", s.customer_days_excluded), s.customer_days_excluded > 0 ? Style::customer : Style::normal},
                      Cell{fmt::format("{}", s.net_days)},
                      Cell{fmt::format("{}", s.overrun_days), over},
                      Cell{suggestion, sstyle}};
    if (owners) row.insert(row.begin() + 2, Cell{s.owner.empty() ? "—" : s.owner});
    t.rows.push_back(std::move(row));
  }
  return t;
}

BulletList evidence_list(const ProjectAssessment& p, Lang lang) {
  BulletList b;
  b.title = tr(lang, "考核建议及依据", "Assessment suggestions and evidence");
  for (const auto& s : p.stages)
    if (s.suggested() || !s.delays.empty())
      b.items.push_back({evidence_text(p, s, lang), s.suggested() ? Style::overdue : Style::normal});
  if (b.items.empty()) b.items.push_back({tr(lang, "各阶段均在时限内完成，无考核建议", "every stage within its limit: no suggestion"), Style::ok});
  return b;
}

Gantt order_gantt(const ProjectAssessment& p, Lang lang) {
  Gantt g;
  g.title = tr(lang, "计划与实际对比", "Plan vs actual");
  g.from = p.applied;
  g.to = std::max({*p.energized, p.planned_energization, p.target});
  for (const auto& s : p.stages) {
    GanttRow row;
    row.label = s.name;
    row.group = s.dept;
    row.customer = s.customer;
    row.bars.push_back({s.planned_start, s.planned_deadline, BarKind::baseline, Style::muted,
                        fmt::format("{} {}: {} – {}", s.name, tr(lang, "计划", "planned"), s.planned_start.iso(),
                                    s.planned_deadline.iso())});
    const auto a0 = std::min(s.clock_start, s.actual_finish);
    const auto a1 = std::max(s.clock_start, s.actual_finish);
    const Style st = s.overrun_days > 0 ? (s.customer ? Style::customer : Style::overdue) : Style::ok;
    row.bars.push_back(
        {a0, a1, BarKind::actual, st,
         lang == Lang::zh
             ? fmt::format("{} 实际计时：{} – {}，净 {} 个工作日，超期 {}", s.name, a0.iso(), a1.iso(), s.net_days,
                           s.overrun_days)
             : fmt::format("{} counted: {} – {}, {} net working days, {} over", s.name, a0.iso(), a1.iso(), s.net_days,
                           s.overrun_days)});
    for (const auto& [from, to] : s.excluded_spans)
      row.bars.push_back({from, to, BarKind::excluded, Style::customer,
                          lang == Lang::zh ? fmt::format("扣除客户原因：{} – {}", from.iso(), to.iso())
                                           : fmt::format("customer delay excluded: {} – {}", from.iso(), to.iso())});
    g.from = std::min({g.from, s.planned_start, a0});
    g.to = std::max({g.to, s.planned_deadline, a1});
    g.rows.push_back(std::move(row));
  }
  g.markers.push_back({p.applied, tr(lang, "受理", "applied"), Style::muted});
  g.markers.push_back({p.target, tr(lang, "客户目标接电日期", "customer's target"), Style::strong});
  g.markers.push_back({*p.energized, tr(lang, "实际接电", "energized"), Style::ok});
  if (p.calendar != nullptr && g.to - g.from <= 3 * 366)
    for (calendar::Date d = g.from; d <= g.to; d = d.plus_days(1))
      if (p.calendar->in_range(d) && !p.calendar->is_working_day(d)) g.non_working_days.push_back(d);
  return g;
}

std::string percent(double rate) { return fmt::format("{:.1f}%", rate * 100.0); }

Table department_table(const track::Assessment& a, Lang lang) {
  Table t;
  t.title = tr(lang, "按部门汇总（超期多者在前）", "By department (worst first)");
  t.columns = {{tr(lang, "部门", "Department"), Align::left},
               {tr(lang, "考核阶段数", "Assessed"), Align::right},
               {tr(lang, "按期", "On time"), Align::right},
               {tr(lang, "超期", "Overran"), Align::right},
               {tr(lang, "超期工作日合计", "Overrun days"), Align::right},
               {tr(lang, "按期率", "On-time rate"), Align::right},
               {tr(lang, "超期最多", "Worst cases"), Align::left}};
  // Rulings (核实, 申诉): the waived and appealed columns appear when a department has one.
  const bool ruled = std::any_of(a.departments.begin(), a.departments.end(),
                                 [](const auto& d) { return d.waived > 0 || d.appealed > 0; });
  if (ruled) {
    t.columns.insert(t.columns.begin() + 5, {{tr(lang, "免于考核", "Waived"), Align::right},
                                             {tr(lang, "申诉中（超期工作日）", "Appealed (days)"), Align::right}});
  }
  for (const auto& d : a.departments) {
    std::string worst;
    for (std::size_t k = 0; k < d.worst.size(); ++k) {
      const auto& w = d.worst[k];
      worst += (k ? (lang == Lang::zh ? "；" : "; ") : "") +
               (lang == Lang::zh ? fmt::format("{} {} 超期 {}", w.project_id, w.stage_name, w.overrun_days)
                                 : fmt::format("{} {} +{}", w.project_id, w.stage_name, w.overrun_days));
    }
    std::vector<Cell> row{Cell{d.dept, d.overran > 0 ? Style::strong : Style::normal},
                          Cell{fmt::format("{}", d.assessed)},
                          Cell{fmt::format("{}", d.on_time)},
                          Cell{fmt::format("{}", d.overran), d.overran > 0 ? Style::overdue : Style::normal},
                          Cell{fmt::format("{}", d.overrun_days), d.overrun_days > 0 ? Style::overdue : Style::normal},
                          Cell{percent(d.on_time_rate()), d.overran > 0 ? Style::warning : Style::ok},
                          Cell{worst.empty() ? "—" : worst}};
    if (ruled) {
      row.insert(row.begin() + 5, {Cell{fmt::format("{}", d.waived)},
                                   Cell{fmt::format("{} ({})", d.appealed, d.appealed_days),
                                        d.appealed > 0 ? Style::warning : Style::normal}});
    }
    t.rows.push_back(std::move(row));
  }
  return t;
}

Table revisit_table(const track::Assessment& a, Lang lang) {
  Table t;
  t.title = tr(lang, "95598 回访问题清单（报营销部）", "95598 revisits needing attention (for the marketing department)");
  t.columns = {{tr(lang, "工程编号", "Order"), Align::left},
               {tr(lang, "客户", "Customer"), Align::left},
               {tr(lang, "客户经理", "Customer manager"), Align::left},
               {tr(lang, "接电日期", "Energized"), Align::left},
               {tr(lang, "回访时限", "Due by"), Align::left},
               {tr(lang, "回访日期", "Revisited"), Align::left},
               {tr(lang, "情况", "Status"), Align::left},
               {tr(lang, "客户反映问题", "Issues raised"), Align::left}};
  for (const auto& p : a.projects) {
    if (!p.revisit || !p.revisit->needs_attention()) continue;
    const auto& r = *p.revisit;
    std::string issues;
    for (std::size_t k = 0; k < r.issues.size(); ++k) issues += (k ? (lang == Lang::zh ? "；" : "; ") : "") + r.issues[k];
    t.rows.push_back({Cell{p.id}, Cell{p.customer}, Cell{p.customer_manager.empty() ? "—" : p.customer_manager},
                      Cell{p.energized->iso()}, Cell{r.deadline.iso()}, Cell{r.date ? r.date->iso() : "—"},
                      Cell{revisit_status_text(r, lang), revisit_style(r)}, Cell{issues.empty() ? "—" : issues}});
  }
  return t;
}

Table inspection_table(const track::Assessment& a, Lang lang) {
  Table t;
  t.title = tr(lang, "回头看问题清单（报营销部）", "Inspections needing attention (for the marketing department)");
  t.columns = {{tr(lang, "工程编号", "Order"), Align::left},
               {tr(lang, "客户", "Customer"), Align::left},
               {tr(lang, "客户经理", "Customer manager"), Align::left},
               {tr(lang, "接电日期", "Energized"), Align::left},
               {tr(lang, "回头看时限", "Due by"), Align::left},
               {tr(lang, "回头看日期", "Inspected"), Align::left},
               {tr(lang, "情况", "Status"), Align::left},
               {tr(lang, "说明", "Note"), Align::left}};
  for (const auto& p : a.projects) {
    if (!p.inspection || !p.inspection->needs_attention()) continue;
    const auto& r = *p.inspection;
    t.rows.push_back({Cell{p.id}, Cell{p.customer}, Cell{p.customer_manager.empty() ? "—" : p.customer_manager},
                      Cell{p.energized->iso()}, Cell{r.deadline.iso()}, Cell{r.date ? r.date->iso() : "—"},
                      Cell{inspection_status_text(r, lang), inspection_style(r)}, Cell{r.note.empty() ? "—" : r.note}});
  }
  return t;
}

Table incomplete_table(const track::Assessment& a, Lang lang) {
  Table t;
  t.title = tr(lang, "实绩不完整、未考核的工程", "Energized orders with missing actuals (not assessed)");
  t.columns = {{tr(lang, "工程编号", "Order"), Align::left},
               {tr(lang, "文件", "File"), Align::left},
               {tr(lang, "接电日期", "Energized"), Align::left},
               {tr(lang, "缺少完成日期的阶段", "Stages without a finish date"), Align::left}};
  for (const auto& p : a.projects) {
    if (p.state != OrderState::incomplete) continue;
    const std::string list = join(lang, p.missing_finish_names, Separator::list); // names, not ids
    t.rows.push_back({Cell{p.id}, Cell{p.file, Style::muted}, Cell{p.energized->iso()}, Cell{list, Style::warning}});
  }
  return t;
}

std::string period_text(const track::Period& period, Lang lang) {
  const std::string from = period.from ? period.from->iso() : tr(lang, "不限", "any");
  const std::string to = period.to ? period.to->iso() : tr(lang, "不限", "any");
  return lang == Lang::zh ? fmt::format("接电日期 {} 至 {}", from, to) : fmt::format("energized {} to {}", from, to);
}

void write_date_or_null(JsonWriter& w, std::string_view key, const std::optional<calendar::Date>& d) {
  if (d)
    w.field(key, d->iso());
  else
    w.null_field(key);
}

} // namespace

std::string clock_reason_text(const StageAssessment& s, const std::string& pred_name, Lang lang) {
  switch (s.clock.reason) {
  case track::ClockReason::applied: return tr(lang, "自受理起", "from the application");
  case track::ClockReason::planned_start: return tr(lang, "按计划开始时间（计划窗口）", "its planned window");
  case track::ClockReason::predecessor:
    switch (s.clock.type) {
    case model::DepType::fs:
      return lang == Lang::zh ? fmt::format("等待前序「{}」完成", pred_name)
                              : fmt::format("waiting for '{}' to finish", pred_name);
    case model::DepType::ss:
      return lang == Lang::zh ? fmt::format("前序「{}」开始后（开始-开始）", pred_name)
                              : fmt::format("after '{}' started (start-to-start)", pred_name);
    case model::DepType::ff:
      return lang == Lang::zh ? fmt::format("前序「{}」完成时间倒推（完成-完成）", pred_name)
                              : fmt::format("back from '{}' finishing (finish-to-finish)", pred_name);
    }
  }
  return {};
}

std::string inspection_status_text(const track::InspectionResult& r, Lang lang) {
  switch (r.status) {
  case track::InspectionStatus::ok: return tr(lang, "已按时回头看，无问题", "done in time, no issues");
  case track::InspectionStatus::not_due: return tr(lang, "未到回头看时限", "not due yet");
  case track::InspectionStatus::missing: return tr(lang, "超过一个月未回头看", "missing (over one month)");
  case track::InspectionStatus::late: return tr(lang, "回头看超期（超过一个月）", "late (after one month)");
  case track::InspectionStatus::issues:
    return r.late ? tr(lang, "发现问题（且回头看超期）", "issues found (and late)") : tr(lang, "发现问题", "issues found");
  }
  return {};
}

std::string revisit_status_text(const track::RevisitResult& r, Lang lang) {
  switch (r.status) {
  case track::RevisitStatus::ok: return tr(lang, "已按时回访，满意", "done in time, satisfied");
  case track::RevisitStatus::not_due: return tr(lang, "未到回访时限", "not due yet");
  case track::RevisitStatus::missing: return tr(lang, "超过一个月未回访", "missing (over one month)");
  case track::RevisitStatus::late: return tr(lang, "回访超期（超过一个月）", "late (after one month)");
  case track::RevisitStatus::dissatisfied:
    return r.late ? tr(lang, "客户不满意（且回访超期）", "dissatisfied (and late)")
                  : tr(lang, "客户不满意", "dissatisfied");
  }
  return {};
}

namespace {

// Averages and rates rounded to 4 decimals (rates are fractions 0..1); null when the denominator is 0.
void write_figure(JsonWriter& w, std::string_view key, const std::optional<double>& v) {
  if (v)
    w.field(key, std::round(*v * 10000.0) / 10000.0);
  else
    w.null_field(key);
}

void write_summary_json(JsonWriter& w, const track::PortfolioSummary& s) {
  w.key("summary").begin_object();
  w.field("energized", s.energized);
  write_figure(w, "average_working_days", s.average_working_days());
  write_figure(w, "average_calendar_days", s.average_calendar_days());
  w.field("on_target", s.on_target);
  write_figure(w, "on_target_rate", s.on_target_rate());
  w.field("revisit_done", s.revisit_done);
  w.field("revisit_due", s.revisit_due);
  write_figure(w, "revisit_on_time_rate", s.revisit_on_time_rate());
  write_figure(w, "satisfied_rate", s.satisfied_rate());
  w.key("by_voltage").begin_array();
  for (const auto& v : s.by_voltage) {
    w.begin_object();
    if (v.voltage_kv > 0)
      w.field("voltage_kv", v.voltage_kv);
    else
      w.null_field("voltage_kv");
    w.field("energized", v.energized);
    write_figure(w, "average_working_days", v.average_working_days());
    w.end_object();
  }
  w.end_array();
  w.end_object();
}

std::string figure_text(const std::optional<double>& v) { return v ? fmt::format("{:.1f}", *v) : "—"; }
std::string rate_text(const std::optional<double>& v) { return v ? fmt::format("{:.1f}%", *v * 100.0) : "—"; }

// The portfolio figures (本期汇总): a key-value block and, when there are orders, a table by voltage.
void add_summary_blocks(Document& doc, const track::PortfolioSummary& s, Lang lang) {
  KeyValues kv;
  kv.title = tr(lang, "本期汇总", "Portfolio summary");
  auto add = [&](std::string_view zh, std::string_view en, std::string value) {
    kv.items.emplace_back(tr(lang, zh, en), Cell{std::move(value)});
  };
  add("接电工程数", "Orders energized", fmt::format("{}", s.energized));
  add("平均接电周期（工作日）", "Average cycle (working days)", figure_text(s.average_working_days()));
  add("平均接电周期（日历日）", "Average cycle (calendar days)", figure_text(s.average_calendar_days()));
  add("按客户期望日期接电", "Energized by the customer's target",
      lang == Lang::zh ? fmt::format("{} / {}（{}）", s.on_target, s.energized, rate_text(s.on_target_rate()))
                       : fmt::format("{} / {} ({})", s.on_target, s.energized, rate_text(s.on_target_rate())));
  add("95598 已回访", "95598 revisits done", fmt::format("{}", s.revisit_done));
  add("回访及时率", "Revisits on time", rate_text(s.revisit_on_time_rate()));
  add("客户满意率", "Customers satisfied", rate_text(s.satisfied_rate()));
  doc.blocks.emplace_back(std::move(kv));
  if (s.by_voltage.empty()) return;
  Table t;
  t.title = tr(lang, "按电压等级", "By voltage");
  t.columns = {{tr(lang, "电压等级", "Voltage"), Align::left},
               {tr(lang, "接电工程数", "Orders energized"), Align::right},
               {tr(lang, "平均接电周期（工作日）", "Average cycle (working days)"), Align::right}};
  for (const auto& v : s.by_voltage)
    t.rows.push_back({Cell{v.voltage_kv > 0 ? format_quantity(v.voltage_kv, "kV") : tr(lang, "未填", "not given")},
                      Cell{fmt::format("{}", v.energized)}, Cell{figure_text(v.average_working_days())}});
  doc.blocks.emplace_back(std::move(t));
}

} // namespace

Document build_assessment_document(const track::Assessment& a, Lang lang) {
  Document doc;
  doc.title = tr(lang, "业扩工程“订单式”服务考核报告", "Order-style connection service: assessment report");
  doc.subtitle = period_text(a.period, lang) + (lang == Lang::zh ? fmt::format(" · 统计日 {}", a.as_of.iso())
                                                                 : fmt::format(" · as of {}", a.as_of.iso()));
  for (const auto& w : a.warnings) doc.warnings.push_back(format_diagnostic(w));
  for (const auto& e : a.errors)
    doc.warnings.push_back((lang == Lang::zh ? "未能考核：" : "not assessed: ") + format_diagnostic(e));

  std::size_t assessed = 0;
  std::size_t incomplete = 0;
  for (const auto& p : a.projects) {
    if (p.state == OrderState::incomplete) {
      ++incomplete;
      continue;
    }
    ++assessed;
    doc.blocks.emplace_back(order_header(p, lang));
    doc.blocks.emplace_back(stage_table(p, lang));
    doc.blocks.emplace_back(evidence_list(p, lang));
    doc.blocks.emplace_back(order_gantt(p, lang));
  }
  if (assessed == 0)
    doc.blocks.emplace_back(Paragraph{Cell{tr(lang, "本期没有可考核的已接电工程。", "No energized order to assess in this period."), Style::muted}});
  doc.blocks.emplace_back(department_table(a, lang));
  add_summary_blocks(doc, a.summary, lang);
  const Table rv = revisit_table(a, lang);
  if (rv.rows.empty())
    doc.blocks.emplace_back(Paragraph{Cell{tr(lang, "95598 回访：无缺失、超期或不满意。", "95598 revisits: none missing, late or dissatisfied."), Style::ok}});
  else
    doc.blocks.emplace_back(rv);
  const Table in = inspection_table(a, lang);
  if (in.rows.empty())
    doc.blocks.emplace_back(Paragraph{Cell{tr(lang, "回头看：无缺失、超期或发现问题。", "Inspections: none missing, late or with issues."), Style::ok}});
  else
    doc.blocks.emplace_back(in);
  if (incomplete > 0) doc.blocks.emplace_back(incomplete_table(a, lang));
  std::string counts =
      lang == Lang::zh
          ? fmt::format("本期考核 {} 个工程；实绩不完整未考核 {} 个；尚未接电跳过 {} 个；接电日期不在本期 {} 个；无法读取的文件 {} 个。",
                        assessed, incomplete, a.skipped_not_energized, a.outside_period, count_files(a.errors))
          : fmt::format("Assessed {} orders; {} incomplete (not assessed); {} not energized yet (skipped); {} energized "
                        "outside the period; {} files could not be read.",
                        assessed, incomplete, a.skipped_not_energized, a.outside_period, count_files(a.errors));
  doc.blocks.emplace_back(Paragraph{Cell{counts, Style::muted}});
  return doc;
}

std::string assessment_json(const track::Assessment& a) {
  JsonWriter w;
  w.begin_object();
  w.field("schema", 1);
  write_date_or_null(w, "from", a.period.from);
  write_date_or_null(w, "to", a.period.to);
  w.field("as_of", a.as_of.iso());
  w.key("projects").begin_array();
  for (const auto& p : a.projects) {
    if (p.state != OrderState::assessed) continue;
    w.begin_object();
    w.field("id", p.id).field("name", p.name).field("file", p.file).field("customer", p.customer);
    w.field("customer_manager", p.customer_manager);
    w.field("applied", p.applied.iso()).field("target", p.target.iso());
    w.field("planned_energization", p.planned_energization.iso());
    w.field("energized", p.energized->iso());
    w.field("total_working_days", p.total_working_days).field("total_calendar_days", p.total_calendar_days);
    w.field("vs_planned_days", p.vs_planned_working_days).field("vs_target_days", p.vs_target_working_days);
    if (p.has_baseline)
      w.field("baseline_revision", p.baseline_revision);
    else
      w.null_field("baseline_revision");
    w.key("stages_not_in_baseline").begin_array();
    for (const auto& id : p.stages_not_in_baseline) w.value(id);
    w.end_array();
    const auto& r = *p.revisit;
    w.field("revisit", track::revisit_status_name(r.status));
    w.field("revisit_late", r.late);
    w.field("revisit_deadline", r.deadline.iso());
    write_date_or_null(w, "revisit_date", r.date);
    w.field("revisit_satisfied", r.satisfied);
    w.key("revisit_issues").begin_array();
    for (const auto& i : r.issues) w.value(i);
    w.end_array();
    const auto& in = *p.inspection;
    w.field("inspection", track::inspection_status_name(in.status));
    w.field("inspection_late", in.late);
    w.field("inspection_deadline", in.deadline.iso());
    write_date_or_null(w, "inspection_date", in.date);
    if (in.result.empty())
      w.null_field("inspection_result");
    else
      w.field("inspection_result", in.result);
    w.field("inspection_note", in.note);
    w.key("stages").begin_array();
    for (const auto& s : p.stages) {
      w.begin_object();
      w.field("id", s.id).field("name", s.name).field("dept", s.dept).field("customer", s.customer);
      w.field("owner", s.owner);
      w.field("limit_days", s.limit_days);
      w.field("unit", s.calendar_days ? "calendar_days" : "working_days");
      w.field("from_baseline", s.from_baseline).field("revision", s.revision);
      if (s.held != track::HoldReason::none) {
        w.key("held").begin_object();
        w.field("by_revision", s.held_by_revision).field("reason", track::hold_reason_word(s.held));
        w.end_object();
      } else {
        w.null_field("held");
      }
      w.field("planned_start", s.planned_start.iso()).field("planned_deadline", s.planned_deadline.iso());
      w.field("clock_start", s.clock_start.iso());
      w.field("clock_reason", clock_reason_name(s.clock.reason));
      const std::string pred = pred_id_of(p, s);
      if (pred.empty())
        w.null_field("waiting_for");
      else
        w.field("waiting_for", pred);
      write_date_or_null(w, "actual_start", s.actual_start);
      w.field("actual_finish", s.actual_finish.iso());
      w.field("effective_deadline", s.effective_deadline.iso());
      w.field("due", s.due.iso());
      w.field("handling_days", s.handling_days).field("customer_days_excluded", s.customer_days_excluded);
      w.field("net_days", s.net_days).field("overrun_days", s.overrun_days);
      if (s.suggested()) {
        w.key("suggestion").begin_object();
        w.field("dept", s.dept).field("overrun_days", s.overrun_days);
        w.field("customer_days_excluded", s.customer_days_excluded);
        w.end_object();
      } else {
        w.null_field("suggestion");
      }
      w.field("decision", track::decision_name(s.decision));
      if (s.decision_date) {
        w.key("ruling").begin_object();
        w.field("date", s.decision_date->iso()).field("by", s.decision_by).field("reason", s.decision_reason);
        w.end_object();
      } else {
        w.null_field("ruling");
      }
      w.key("delays").begin_array();
      for (const auto& d : s.delays) {
        w.begin_object();
        w.field("from", d.from.iso()).field("to", d.to.iso()).field("reason", d.reason);
        write_date_or_null(w, "reported", d.reported);
        w.field("excluded", d.in_time()).field("working_days", d.days);
        w.end_object();
      }
      w.end_array();
      w.end_object();
    }
    w.end_array();
    w.end_object();
  }
  w.end_array();

  w.key("incomplete").begin_array();
  for (const auto& p : a.projects) {
    if (p.state != OrderState::incomplete) continue;
    w.begin_object();
    w.field("id", p.id).field("file", p.file).field("energized", p.energized->iso());
    w.field("revisit", track::revisit_status_name(p.revisit->status));
    w.field("inspection", track::inspection_status_name(p.inspection->status));
    w.key("missing_finish").begin_array();
    for (const auto& m : p.missing_finish) w.value(m);
    w.end_array();
    w.end_object();
  }
  w.end_array();
  w.field("skipped", a.skipped_not_energized);
  w.field("outside_period", a.outside_period);

  write_summary_json(w, a.summary);

  w.key("departments").begin_array();
  for (const auto& d : a.departments) {
    w.begin_object();
    w.field("dept", d.dept).field("assessed", d.assessed).field("on_time", d.on_time);
    w.field("overran", d.overran).field("overrun_days", d.overrun_days);
    w.field("waived", d.waived).field("appealed", d.appealed).field("appealed_days", d.appealed_days);
    w.field("on_time_rate", std::round(d.on_time_rate() * 10000.0) / 10000.0);
    w.key("worst").begin_array();
    for (const auto& c : d.worst) {
      w.begin_object();
      w.field("project", c.project_id).field("stage", c.stage_id).field("overrun_days", c.overrun_days);
      w.end_object();
    }
    w.end_array();
    w.end_object();
  }
  w.end_array();

  w.key("revisits").begin_array();
  for (const auto& p : a.projects) {
    if (!p.revisit || !p.revisit->needs_attention()) continue;
    const auto& r = *p.revisit;
    w.begin_object();
    w.field("project", p.id).field("status", track::revisit_status_name(r.status)).field("late", r.late);
    w.field("deadline", r.deadline.iso());
    write_date_or_null(w, "date", r.date);
    w.key("issues").begin_array();
    for (const auto& i : r.issues) w.value(i);
    w.end_array();
    w.end_object();
  }
  w.end_array();

  w.key("inspections").begin_array();
  for (const auto& p : a.projects) {
    if (!p.inspection || !p.inspection->needs_attention()) continue;
    const auto& r = *p.inspection;
    w.begin_object();
    w.field("project", p.id).field("status", track::inspection_status_name(r.status)).field("late", r.late);
    w.field("deadline", r.deadline.iso());
    write_date_or_null(w, "date", r.date);
    w.field("note", r.note);
    w.end_object();
  }
  w.end_array();

  auto positions = [&w](std::string_view key, const std::vector<Diagnostic>& items) {
    w.key(key).begin_array();
    for (const auto& e : items) {
      w.begin_object();
      w.field("file", e.loc.file).field("line", e.loc.line).field("column", e.loc.column);
      w.field("message", e.message).field("code", e.code);
      w.end_object();
    }
    w.end_array();
  };
  positions("errors", a.errors);
  positions("warnings", a.warnings);
  w.end_object();
  return w.finish();
}

} // namespace yekuo::report
