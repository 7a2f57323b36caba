#include <yekuo/report/plan_report.hpp>

#include <yekuo/report/labels.hpp>
#include <yekuo/track/confirm.hpp>

#include <algorithm>
#include <fmt/format.h>

namespace yekuo::report {

namespace {

std::string critical_path_text(const model::Project& p, const schedule::Schedule& s) {
  std::string out;
  for (std::size_t i = 0; i < s.critical_path.size(); ++i) {
    if (i) out += " → ";
    out += p.stages[s.critical_path[i]].name;
  }
  return out;
}

std::string unit_days(Lang lang, const model::Stage& st, int duration) {
  if (st.unit == model::DurationUnit::calendar_days) return fmt::format("{}{}", duration, tr(lang, " 日历日", " cal. days"));
  return fmt::format("{}", duration);
}

// "1 stage", "3 stages".
std::string stages_en(std::size_t n) { return fmt::format("{} stage{}", n, n == 1 ? "" : "s"); }

KeyValues header(const model::Project& p, const schedule::PlanOutcome& plan, const std::optional<BaselineNote>& baseline,
                 Lang lang, const track::CapacityPlan* capacity) {
  const auto& i = p.info;
  KeyValues kv;
  kv.title = tr(lang, "工程概况", "Project");
  auto add = [&](std::string_view zh, std::string_view en, std::string value, Style style = Style::normal) {
    kv.items.emplace_back(tr(lang, zh, en), Cell{std::move(value), style});
  };
  add("工程编号", "Order", i.id);
  add("工程名称", "Project", i.name);
  add("客户", "Customer", i.customer);
  add("电压等级", "Voltage", i.voltage_kv > 0 ? format_quantity(i.voltage_kv, "kV") : "—");
  add("报装容量", "Capacity", i.capacity_kva > 0 ? format_quantity(i.capacity_kva, "kVA") : "—");
  add("政府重点项目", "Government key project", yes_no(lang, i.key_project));
  add("客户经理", "Customer manager", i.customer_manager.empty() ? "—" : i.customer_manager);
  add("受理日期", "Applied", date_with_weekday(lang, i.applied));
  add("客户期望接电日期", "Customer's target date", date_with_weekday(lang, i.target));
  if (plan.target != i.target) add("本次计划目标日期", "Target used for this plan", date_with_weekday(lang, plan.target), Style::strong);
  add("计划接电日期", "Planned energization", date_with_weekday(lang, plan.planned_energization), Style::strong);
  add("最早可行接电日期", "Earliest feasible energization", date_with_weekday(lang, plan.earliest_energization));
  add("总周期", "Total cycle",
      lang == Lang::zh ? fmt::format("{} 个工作日（{} 个日历日）", plan.total_working_days, plan.total_calendar_days)
                       : fmt::format("{} working days ({} calendar days)", plan.total_working_days, plan.total_calendar_days));
  if (plan.schedule.feasible)
    add("目标可行性", "Target", tr(lang, "可行", "feasible"), Style::ok);
  else if (plan.schedule.earliest_finish <= plan.schedule.target && !plan.promise_breaches.empty())
    add("目标可行性", "Target",
        tr(lang, "不可行：承诺时限无法满足", "infeasible: a promised time limit cannot be met"), Style::overdue);
  else
    add("目标可行性", "Target",
        lang == Lang::zh ? fmt::format("不可行：差 {} 个工作日", plan.schedule.shortfall)
                         : fmt::format("infeasible: {} working days short", plan.schedule.shortfall),
        Style::overdue);
  if (capacity) {
    if (capacity->within_capacity())
      add("部门承载力", "Department capacity",
          capacity->shifted.empty()
              ? tr(lang, "在承载力内", "within capacity")
              : (lang == Lang::zh ? fmt::format("在承载力内（{} 个阶段提前）", capacity->shifted.size())
                                  : fmt::format("within capacity ({} moved earlier)", stages_en(capacity->shifted.size()))),
          Style::ok);
    else
      add("部门承载力", "Department capacity",
          lang == Lang::zh ? fmt::format("超出承载力：{} 个部门周", capacity->overloads.size())
                           : fmt::format("over capacity: {} department week{}", capacity->overloads.size(),
                                         capacity->overloads.size() == 1 ? "" : "s"),
          Style::overdue);
    add("承载力内最早接电日期", "Earliest energization within capacity",
        capacity->earliest_energization ? date_with_weekday(lang, *capacity->earliest_energization)
                                        : tr(lang, "日历范围内无", "none within the calendar"),
        capacity->within_capacity() ? Style::normal : Style::strong);
  }
  add("接入工程需带电作业", "Live-line work needed", yes_no(lang, i.live_line_work));
  if (baseline)
    add("生效基线", "Baseline in force",
        lang == Lang::zh ? fmt::format("第 {} 版（{} 确认{}）", baseline->revision, baseline->confirmed.iso(),
                                       baseline->reason.empty() ? "" : "：" + baseline->reason)
                         : fmt::format("revision {} (confirmed {}{})", baseline->revision, baseline->confirmed.iso(),
                                       baseline->reason.empty() ? "" : ": " + baseline->reason),
        baseline->matches_current_plan ? Style::normal : Style::warning);
  else
    add("生效基线", "Baseline in force", tr(lang, "尚未确认", "not confirmed yet"), Style::muted);
  return kv;
}

// The notes of a stage the capacity moved or could not keep within capacity.
void capacity_notes(const track::CapacityPlan& c, std::size_t idx, Lang lang,
                    std::vector<std::string>& notes) {
  for (const auto& s : c.shifted) {
    if (s.stage != idx) continue;
    if (s.for_capacity)
      notes.push_back(lang == Lang::zh ? fmt::format("容量调整：提前 {} 个工作日（原定 {} 开始）", s.working_days,
                                                     s.from.start.iso())
                                       : fmt::format("moved for capacity: {} working days earlier (was to start {})",
                                                     s.working_days, s.from.start.iso()));
    else
      notes.push_back(lang == Lang::zh ? fmt::format("随后续阶段提前 {} 个工作日（原定 {} 开始）", s.working_days,
                                                     s.from.start.iso())
                                       : fmt::format("moved with a later stage: {} working days earlier (was to start {})",
                                                     s.working_days, s.from.start.iso()));
  }
  std::vector<std::string> weeks;
  for (const auto& o : c.overloads)
    if (std::find(o.stages.begin(), o.stages.end(), idx) != o.stages.end())
      weeks.push_back(lang == Lang::zh ? fmt::format("{} 起一周 {}/{}", o.week.iso(), o.load(), o.capacity)
                                       : fmt::format("week of {} {}/{}", o.week.iso(), o.load(), o.capacity));
  if (!weeks.empty())
    notes.push_back(fmt::format("{}{}{}", tr(lang, "超出承载力（", "over capacity ("), join(lang, weeks, Separator::list),
                                tr(lang, "）", ")")));
}

Table stage_table(const model::Project& p, const schedule::PlanOutcome& plan, Lang lang, bool proposal,
                  const track::CapacityPlan* capacity) {
  Table t;
  t.title = proposal ? tr(lang, "各阶段工作时限（按压缩方案）", "Stage deadlines (with the proposed compression)")
                     : tr(lang, "各阶段工作时限", "Stage deadlines");
  t.columns = {{tr(lang, "序号", "No."), Align::right},       {tr(lang, "工作阶段", "Stage"), Align::left},
               {tr(lang, "责任部门", "Department"), Align::left}, {tr(lang, "计划开始", "Planned start"), Align::left},
               {tr(lang, "工作时限", "Deadline"), Align::left},   {tr(lang, "工作日", "Working days"), Align::right},
               {tr(lang, "客户方", "Customer"), Align::center},   {tr(lang, "机动", "Float"), Align::right},
               {tr(lang, "备注", "Note"), Align::left}};
  const auto& stages = proposal ? plan.proposal_stages : plan.stages;
  const auto& net = proposal ? plan.compression->compressed : plan.network;
  std::size_t no = 0;
  for (std::size_t idx : plan.display_order) {
    const auto& st = p.stages[idx];
    const auto& sp = stages[idx];
    std::vector<std::string> notes;
    if (sp.critical) notes.push_back(tr(lang, "关键路径", "critical path"));
    if (proposal) {
      for (const auto& c : plan.compression->changes)
        if (c.activity == idx)
          notes.push_back(lang == Lang::zh ? fmt::format("压缩 {}→{}", c.from_days, c.to_days)
                                           : fmt::format("compressed {}→{}", c.from_days, c.to_days));
    }
    if (capacity && !proposal) capacity_notes(*capacity, idx, lang, notes);
    if (st.finish_within)
      notes.push_back(lang == Lang::zh ? fmt::format("承诺时限：受理后 {} 个工作日", *st.finish_within)
                                       : fmt::format("promised: within {} working days of acceptance", *st.finish_within));
    if (st.is_milestone()) notes.push_back(tr(lang, "里程碑", "milestone"));
    if (!st.note.empty()) notes.push_back(st.note);
    const std::string note = join(lang, notes, Separator::clauses);
    const Style row_style = sp.total_float < 0 ? Style::overdue : (sp.critical ? Style::critical : Style::normal);
    t.rows.push_back({
        Cell{fmt::format("{}", ++no)},
        Cell{st.name, sp.critical ? Style::critical : Style::normal},
        Cell{st.dept, st.customer ? Style::customer : Style::normal},
        Cell{date_with_weekday(lang, sp.latest.start)},
        Cell{date_with_weekday(lang, sp.latest.finish), Style::strong},
        Cell{unit_days(lang, st, net.activities[idx].duration)},
        Cell{st.customer ? tr(lang, "是", "yes") : "", st.customer ? Style::customer : Style::normal},
        Cell{fmt::format("{}", sp.total_float), row_style},
        Cell{note},
    });
  }
  return t;
}

Gantt gantt(const model::Project& p, const schedule::PlanOutcome& plan, Lang lang, const calendar::WorkingCalendar& cal,
            bool proposal) {
  Gantt g;
  g.title = tr(lang, "计划横道图", "Plan (Gantt)");
  const auto& stages = proposal ? plan.proposal_stages : plan.stages;
  g.from = p.info.applied;
  g.to = plan.planned_energization;
  for (const auto& sp : stages) {
    g.from = std::min(g.from, sp.latest.start);
    g.to = std::max(g.to, sp.latest.finish);
  }
  for (std::size_t idx : plan.display_order) {
    const auto& st = p.stages[idx];
    const auto& sp = stages[idx];
    GanttRow row;
    row.label = st.name;
    row.group = st.dept;
    row.customer = st.customer;
    row.critical = sp.critical;
    row.bars.push_back({sp.latest.start, sp.latest.finish, BarKind::planned,
                        sp.total_float < 0 ? Style::overdue : (sp.critical ? Style::critical : Style::normal),
                        fmt::format("{}: {} – {}", st.name, sp.latest.start.iso(), sp.latest.finish.iso())});
    g.rows.push_back(std::move(row));
  }
  g.markers.push_back({p.info.applied, tr(lang, "受理", "applied"), Style::muted});
  g.markers.push_back({plan.target, tr(lang, "客户目标接电日期", "customer's target"), Style::strong});
  if (g.to - g.from <= 3 * 366)
    for (calendar::Date d = g.from; d <= g.to; d = d.plus_days(1))
      if (cal.in_range(d) && !cal.is_working_day(d)) g.non_working_days.push_back(d);
  return g;
}

BulletList list(std::string title, const std::vector<std::string>& items, Lang lang) {
  BulletList b;
  b.title = std::move(title);
  for (const auto& s : items) b.items.push_back({s});
  if (items.empty()) b.items.push_back({tr(lang, "（无）", "(none)"), Style::muted});
  return b;
}

} // namespace

std::string plan_change_warning(const track::PlanChange& change, Lang lang) {
  // Name the true cause: a calendar added after the confirmation is not a change of the file.
  if (change.file && change.calendar)
    return tr(lang, "工程文件和工作日历在基线确认后都有变动：本表为当前计划，与生效基线不一致",
              "the project file and the working-day calendar both changed since the baseline was confirmed: this is "
              "the current plan, not the confirmed one");
  if (change.calendar)
    return tr(lang, "工作日历在基线确认后有变动（法定节假日或本单位日历），工程文件未变：本表按当前日历计算，与生效基线不一致",
              "the working-day calendar changed since the baseline was confirmed (official holidays or the "
              "organization's calendar), not the project file: this is the current plan, not the confirmed one");
  if (change.earlier)
    return tr(lang,
              "生效基线满足全部依赖关系和目标日期，但有阶段早于本表的倒排日期（按部门承载力排定的计划 plan --portfolio "
              "即如此；也可能是删去了某个依赖）：本表为不考虑部门负荷的倒排计划，考核仍按生效基线",
              "the confirmed plan keeps every dependency and the target but starts some stages earlier than this "
              "back-scheduled plan (as a plan confirmed against department capacity, plan --portfolio, does; or a "
              "dependency was removed): this table is the plan without the load; tracking follows the confirmed one");
  if (change.dependencies)
    return tr(lang, "工程文件的阶段依赖关系在基线确认后有变动：本表为当前计划，与生效基线不一致",
              "the stage dependencies of the project file changed since the baseline was confirmed: this is the "
              "current plan, not the confirmed one");
  return tr(lang, "工程文件在基线确认后有变动：本表为当前计划，与生效基线不一致",
            "the project file changed since the baseline was confirmed: this is the current plan, not the confirmed one");
}

BaselineNote baseline_note(const model::Project& project, const model::Baseline& baseline,
                           const schedule::PlanOutcome& plan, const track::PlanReference& reference,
                           const calendar::WorkingCalendar& cal) {
  const auto& rev = baseline.current();
  BaselineNote note;
  note.revision = rev.number;
  note.confirmed = rev.confirmed;
  note.reason = rev.reason;
  note.change = track::compare_revision(rev, project, plan, cal);
  note.matches_current_plan = !note.change.any();
  for (std::size_t i : reference.held_stages()) {
    const auto& r = reference.stages[i];
    note.held.push_back({project.stages[i].id, project.stages[i].name, r.deadline, r.revision, r.held_by,
                         r.held == track::HoldReason::finished});
  }
  return note;
}

std::string capacity_blocking_text(const model::Project& p, const track::CapacityPlan& c, Lang lang) {
  if (c.within_capacity()) return {};
  constexpr std::size_t k_shown = 5;
  std::vector<std::string> weeks;
  for (std::size_t k = 0; k < c.overloads.size() && k < k_shown; ++k) {
    const auto& o = c.overloads[k];
    std::vector<std::string> names;
    for (std::size_t i : o.stages)
      names.push_back(lang == Lang::zh ? fmt::format("“{}”", p.stages[i].name) : fmt::format("\"{}\"", p.stages[i].name));
    weeks.push_back(lang == Lang::zh
                        ? fmt::format("{} {} 起一周已有其他工程 {} 个阶段（承载力 {}），加上本工程{}共 {} 个", o.dept,
                                      o.week.iso(), o.committed, o.capacity, join(lang, names, Separator::list),
                                      o.load())
                        : fmt::format("{}, week of {}: {} stages of other orders (capacity {}), {} with this order's {}",
                                      o.dept, o.week.iso(), o.committed, o.capacity, o.load(),
                                      join(lang, names, Separator::list)));
  }
  std::string text = lang == Lang::zh ? "目标日期在部门承载力内无法满足：" : "The target cannot be met within department capacity: ";
  text += join(lang, weeks, Separator::clauses);
  if (c.overloads.size() > k_shown)
    text += lang == Lang::zh ? fmt::format("，另有 {} 个部门周", c.overloads.size() - k_shown)
                             : fmt::format("; {} more department weeks", c.overloads.size() - k_shown) /* > 1 */;
  if (c.earliest_energization)
    text += lang == Lang::zh ? fmt::format("。承载力内最早接电日期 {}。", c.earliest_energization->iso())
                             : fmt::format(". Earliest energization within capacity: {}.", c.earliest_energization->iso());
  else
    text += tr(lang, "。日历范围内找不到承载力内的接电日期。", ". No energization within capacity was found in the calendar.");
  return text;
}

Document build_plan_document(const model::Project& p, const schedule::PlanOutcome& plan,
                             const std::optional<BaselineNote>& baseline, Lang lang,
                             const calendar::WorkingCalendar& cal, const track::CapacityPlan* capacity) {
  Document doc;
  doc.title = tr(lang, "业扩工程计划安排确认表", "Connection project plan confirmation");
  doc.subtitle = fmt::format("{} · {}", p.info.id, p.info.name);

  for (int y : plan.provisional_years)
    doc.warnings.push_back(lang == Lang::zh ? calendar::WorkingCalendar::provisional_warning_zh(y) + "，仅供参考"
                                            : calendar::WorkingCalendar::provisional_warning(y));
  if (!plan.eligible)
    doc.warnings.push_back(tr(lang, "容量低于 4000 kVA 且非政府重点/重要项目：订单式服务通常不适用",
                              "under 4,000 kVA and neither a key nor an important project: the order-style method "
                              "is meant for larger or key projects"));
  if (baseline && !baseline->matches_current_plan) doc.warnings.push_back(plan_change_warning(baseline->change, lang));
  if (baseline)
    for (const auto& h : baseline->held)
      doc.warnings.push_back(
          lang == Lang::zh
              ? fmt::format("基线第 {} 版未能调整“{}”：确认时{}，仍按第 {} 版时限 {} 考核", h.by_revision, h.name,
                            h.finished ? "已完成" : "已过时限", h.revision, h.deadline.iso())
              : fmt::format("revision {} could not move \"{}\": it had {} when confirmed; revision {}'s deadline {} stands",
                            h.by_revision, h.name, h.finished ? "finished" : "passed its deadline", h.revision,
                            h.deadline.iso()));
  for (const auto& b : plan.promise_breaches)
    doc.blocks.emplace_back(Paragraph{Cell{
        lang == Lang::zh
            ? fmt::format("承诺时限无法满足：“{}”须在受理后 {} 个工作日内（{} 前）完成，最早 {} 完成，超出 {} 个工作日。",
                          p.stages[b.stage].name, b.finish_within, b.limit.iso(), b.earliest_finish.iso(), b.days_over)
            : fmt::format("A promised time limit cannot be met: \"{}\" must finish within {} working days of acceptance "
                          "(by {}); its earliest finish is {}, {} working days over.",
                          p.stages[b.stage].name, b.finish_within, b.limit.iso(), b.earliest_finish.iso(), b.days_over),
        Style::overdue}});
  if (capacity && !capacity->within_capacity()) doc.warnings.push_back(capacity_blocking_text(p, *capacity, lang));
  if (capacity) {
    const auto& c = *capacity;
    std::string msg;
    if (c.departments.empty())
      msg = tr(lang, "本工程各阶段的责任部门都没有声明承载力：计划未作调整。",
               "None of this order's departments has a declared capacity: the plan is unchanged.");
    else {
      std::string moved;
      if (lang == Lang::zh) {
        moved = c.shifted.empty() ? (c.within_capacity() ? "各阶段均无需提前" : "没有阶段能避开已满的周")
                                  : fmt::format("{} 个阶段提前，以避开已满的周", c.shifted.size());
        if (!c.within_capacity()) moved += "；仍超出承载力的周见上";
      } else {
        moved = c.shifted.empty() ? std::string(c.within_capacity() ? "no stage had to move"
                                                                    : "no stage could avoid the full weeks")
                                  : fmt::format("{} {} earlier to avoid full weeks", stages_en(c.shifted.size()),
                                                c.shifted.size() == 1 ? "starts" : "start");
        if (!c.within_capacity()) moved += "; the weeks still over capacity are above";
      }
      msg = lang == Lang::zh
                ? fmt::format("已按 {} 的部门负荷排定（其他工程 {} 个；有承载力的部门：{}）：{}。", c.as_of.iso(),
                              c.orders, join(lang, c.departments, Separator::list), moved)
                : fmt::format("Planned against the department load as of {} ({} other orders; departments with a "
                              "capacity: {}): {}.",
                              c.as_of.iso(), c.orders, join(lang, c.departments, Separator::list), moved);
    }
    doc.blocks.emplace_back(Paragraph{Cell{msg, c.within_capacity() ? Style::normal : Style::overdue}});
  }
  const bool proposal = plan.compression.has_value();
  if (proposal) {
    const auto& c = *plan.compression;
    const auto& s = plan.schedule;
    const bool target_ok = s.earliest_finish <= s.target; // infeasible only through a promised time limit
    std::string msg =
        target_ok ? tr(lang, "目标日期可满足，但承诺时限无法满足（见上）。", "The target can be met, but a promised time limit cannot (above).")
        : lang == Lang::zh
            ? fmt::format("目标日期不可行：差 {} 个工作日；最早可行接电日期 {}；关键路径：{}。", s.shortfall,
                          plan.earliest_energization.iso(), critical_path_text(p, s))
            : fmt::format("The target cannot be met: {} working days short; earliest feasible energization {}; "
                          "critical path: {}.",
                          s.shortfall, plan.earliest_energization.iso(), critical_path_text(p, s));
    if (c.meets_target) {
      std::string list_text;
      int working = 0, calendar_days = 0;
      for (std::size_t k = 0; k < c.changes.size(); ++k) {
        const auto& ch = c.changes[k];
        const bool cd = plan.network.activities[ch.activity].unit == model::DurationUnit::calendar_days;
        (cd ? calendar_days : working) += ch.from_days - ch.to_days;
        list_text += (k ? (lang == Lang::zh ? "、" : ", ") : "") +
                     fmt::format("{} {}→{}{}", p.stages[ch.activity].name, ch.from_days, ch.to_days,
                                 cd ? tr(lang, "（日历日）", " (calendar days)") : std::string());
      }
      // A calendar-day stage's min_days is in calendar days: the total says both units.
      std::string total = lang == Lang::zh ? fmt::format("{} 个工作日", working) : fmt::format("{} working days", working);
      if (calendar_days > 0)
        total += lang == Lang::zh ? fmt::format(" + {} 个日历日", calendar_days) : fmt::format(" + {} calendar days", calendar_days);
      msg += lang == Lang::zh ? fmt::format("建议压缩（合计 {}）：{}。下表按压缩方案排列。", total, list_text)
                              : fmt::format(" Proposed compression ({} in all): {}. The table below "
                                            "uses the proposal.",
                                            total, list_text);
      if (!c.optimal)
        msg += tr(lang, "（该方案可行，但未证明为最少压缩：工程过大。）",
                  " (The proposal is feasible but not proven to be the least: the network is too large.)");
    } else {
      msg += lang == Lang::zh
                 ? fmt::format("即使各阶段全部压缩到最短工期也无法满足，最好可达 {}。下表按最大压缩排列，"
                               "机动为负的阶段已落后于计划。",
                               plan.proposal_energization.iso())
                 : fmt::format(" Even with every stage at its shortest the target cannot be met; the best reachable "
                               "date is {}. The table below uses full compression; negative float means behind.",
                               plan.proposal_energization.iso());
    }
    doc.blocks.emplace_back(Paragraph{Cell{msg, Style::overdue}});
  }
  doc.blocks.emplace_back(header(p, plan, baseline, lang, capacity));
  doc.blocks.emplace_back(stage_table(p, plan, lang, proposal, capacity));
  doc.blocks.emplace_back(gantt(p, plan, lang, cal, proposal));
  doc.blocks.emplace_back(list(tr(lang, "客户需办理事项", "What the customer must do"), p.info.customer_items, lang));
  doc.blocks.emplace_back(list(tr(lang, "客户需缴纳费用", "What the customer must pay"), p.info.customer_payments, lang));
  doc.blocks.emplace_back(list(tr(lang, "其他说明", "Notes"), p.info.notes, lang));
  doc.blocks.emplace_back(SignatureLines{{tr(lang, "客户确认（签字/盖章）", "Customer (signature/seal)"),
                                          tr(lang, "客户服务中心确认", "Customer service centre")},
                                         tr(lang, "日期", "Date")});
  return doc;
}

} // namespace yekuo::report
