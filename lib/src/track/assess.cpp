#include <yekuo/track/assess.hpp>

#include <yekuo/util/error.hpp>

#include <algorithm>
#include <fmt/format.h>
#include <map>

namespace yekuo::track {

using calendar::WorkingCalendar;

namespace {

std::optional<Date> finished_by(const model::Progress* pr, Date as_of) {
  if (pr != nullptr && pr->finished && *pr->finished <= as_of) return pr->finished;
  return std::nullopt;
}

// The ruling in force for stage `index` on `as_of`: the latest by date, ties to the later one in the file.
const model::Ruling* ruling_of(const model::Project& p, std::size_t index, Date as_of) {
  const model::Ruling* best = nullptr;
  for (const auto& r : p.rulings)
    if (r.index == index && r.date <= as_of && (best == nullptr || r.date >= best->date)) best = &r;
  return best;
}

Decision decision_of(model::RulingDecision d) {
  switch (d) {
  case model::RulingDecision::upheld: return Decision::upheld;
  case model::RulingDecision::waived: return Decision::waived;
  case model::RulingDecision::appealed: return Decision::appealed;
  }
  return Decision::pending;
}

} // namespace

const char* decision_name(Decision d) {
  switch (d) {
  case Decision::pending: return "pending";
  case Decision::upheld: return "upheld";
  case Decision::waived: return "waived";
  case Decision::appealed: return "appealed";
  }
  return "pending";
}

std::optional<Date> energization_date(const model::Project& project, Date as_of) {
  return project.energization_date(as_of);
}

ProjectAssessment assess_project(const model::Project& project, const PlanReference& ref, const WorkingCalendar& cal,
                                 Date as_of) {
  ProjectAssessment a;
  a.file = project.file;
  a.id = project.info.id;
  a.name = project.info.name;
  a.customer = project.info.customer;
  a.customer_manager = project.info.customer_manager;
  a.voltage_kv = project.info.voltage_kv;
  a.applied = project.info.applied;
  a.target = project.info.target;
  a.planned_energization = ref.planned_energization;
  a.has_baseline = ref.has_baseline;
  a.baseline_revision = ref.revision;
  a.stages_not_in_baseline = ref.stages_not_in_baseline;
  a.calendar = &cal;

  a.energized = energization_date(project, as_of);
  if (!a.energized) return a;
  const Date energized = *a.energized;
  a.total_working_days = cal.point(energized) - cal.point(a.applied);
  a.total_calendar_days = energized - a.applied;
  a.vs_planned_working_days = cal.point(energized) - cal.point(a.planned_energization);
  a.vs_target_working_days = cal.point(energized) - cal.point(a.target);
  std::optional<model::Revisit> revisit = project.revisit;
  if (revisit && revisit->date && *revisit->date > as_of) revisit.reset(); // not revisited yet on as_of
  a.revisit = assess_revisit(revisit, energized, as_of);
  std::optional<model::Inspection> inspection = project.inspection;
  if (inspection && inspection->date && *inspection->date > as_of) inspection.reset(); // not inspected yet on as_of
  a.inspection = assess_inspection(inspection, energized, as_of);

  for (std::size_t i = 0; i < project.stages.size(); ++i) {
    if (finished_by(project.progress_of(i), as_of)) continue;
    a.missing_finish.push_back(project.stages[i].id);
    a.missing_finish_names.push_back(project.stages[i].name);
  }
  if (!a.missing_finish.empty()) {
    a.state = OrderState::incomplete; // no guessing: the figures would be wrong for someone
    return a;
  }
  a.state = OrderState::assessed;

  auto verdicts = stage_verdicts(project, ref, cal, as_of);
  a.stages.reserve(project.stages.size());
  for (std::size_t i = 0; i < project.stages.size(); ++i) {
    const auto& st = project.stages[i];
    const auto& r = ref.stages[i];
    StageVerdict& v = verdicts[i];
    StageAssessment s;
    s.index = i;
    s.id = st.id;
    s.name = st.name;
    s.dept = st.dept;
    s.owner = st.owner;
    s.customer = st.customer || st.dept == model::k_customer_dept;
    s.milestone = st.is_milestone();
    s.limit_days = v.limit;
    s.calendar_days = v.calendar_days;
    s.planned_start = r.start;
    s.planned_deadline = r.deadline;
    s.from_baseline = r.from_baseline;
    s.revision = r.revision;
    s.held = r.held;
    s.held_by_revision = r.held_by;
    s.clock = v.clock;
    s.clock_start = v.clock_start;
    s.actual_start = v.started;
    s.actual_finish = *v.finished;
    s.effective_deadline = v.report_by;
    s.due = v.due;
    s.handling_days = v.handling_days;
    s.customer_days_excluded = v.excluded_days;
    s.net_days = v.net_days();
    s.overrun_days = v.days_late; // == max(0, net_days - limit_days)
    s.delays = std::move(v.delays);
    s.excluded_spans = std::move(v.excluded_spans);
    if (const model::Ruling* ruling = ruling_of(project, i, as_of)) {
      s.decision = decision_of(ruling->decision);
      s.decision_date = ruling->date;
      s.decision_by = ruling->by;
      s.decision_reason = ruling->reason;
    }
    a.stages.push_back(std::move(s));
  }
  return a;
}

std::vector<DepartmentAssessment> assess_departments(const std::vector<ProjectAssessment>& projects) {
  std::map<std::string, DepartmentAssessment> by_dept;
  std::map<std::string, std::vector<WorstCase>> cases;
  for (const auto& p : projects) {
    if (p.state != OrderState::assessed) continue;
    for (const auto& s : p.stages) {
      if (s.customer) continue; // customer stages are never assessed against a department
      auto& d = by_dept[s.dept];
      d.dept = s.dept;
      ++d.assessed;
      if (s.overrun_days > 0 && s.decision == Decision::waived) {
        ++d.waived; // the marketing department waived it: out of the totals
      } else if (s.overrun_days > 0 && s.decision == Decision::appealed) {
        ++d.appealed; // shown apart until upheld
        d.appealed_days += s.overrun_days;
      } else if (s.overrun_days > 0) {
        ++d.overran;
        d.overrun_days += s.overrun_days;
        cases[s.dept].push_back({p.id, s.id, s.name, s.overrun_days});
      } else {
        ++d.on_time;
      }
    }
  }
  std::vector<DepartmentAssessment> out;
  for (auto& [name, d] : by_dept) {
    auto& w = cases[name];
    std::sort(w.begin(), w.end(), [](const WorstCase& x, const WorstCase& y) {
      if (x.overrun_days != y.overrun_days) return x.overrun_days > y.overrun_days;
      if (x.project_id != y.project_id) return x.project_id < y.project_id;
      return x.stage_id < y.stage_id;
    });
    if (w.size() > k_worst_cases) w.resize(k_worst_cases);
    d.worst = std::move(w);
    out.push_back(std::move(d));
  }
  std::sort(out.begin(), out.end(), [](const DepartmentAssessment& x, const DepartmentAssessment& y) {
    if (x.overrun_days != y.overrun_days) return x.overrun_days > y.overrun_days;
    if (x.overran != y.overran) return x.overran > y.overran;
    return x.dept < y.dept;
  });
  return out;
}

Assessment make_assessment(std::vector<ProjectAssessment> all, Period period, Date as_of) {
  Assessment out;
  out.period = period;
  out.as_of = as_of;
  for (auto& p : all) {
    if (p.state == OrderState::not_energized) {
      // An order applied after the as-of date did not exist then: a past period is reproduced as it was.
      if (p.applied <= as_of) ++out.skipped_not_energized;
    } else if (!period.contains(*p.energized)) {
      ++out.outside_period;
    } else {
      out.projects.push_back(std::move(p));
    }
  }
  out.departments = assess_departments(out.projects);
  out.summary = summarize_portfolio(out.projects);
  return out;
}

namespace {
std::optional<double> ratio(long num, long den) {
  if (den <= 0) return std::nullopt;
  return static_cast<double>(num) / static_cast<double>(den);
}
} // namespace

std::optional<double> PortfolioSummary::average_working_days() const { return ratio(total_working_days, energized); }
std::optional<double> PortfolioSummary::average_calendar_days() const { return ratio(total_calendar_days, energized); }
std::optional<double> PortfolioSummary::on_target_rate() const { return ratio(on_target, energized); }
std::optional<double> PortfolioSummary::revisit_on_time_rate() const { return ratio(revisit_on_time, revisit_due); }
std::optional<double> PortfolioSummary::satisfied_rate() const { return ratio(satisfied, satisfaction_known); }

PortfolioSummary summarize_portfolio(const std::vector<ProjectAssessment>& projects) {
  PortfolioSummary s;
  for (const auto& p : projects) {
    if (!p.energized) continue;
    ++s.energized;
    s.total_working_days += p.total_working_days;
    s.total_calendar_days += p.total_calendar_days;
    if (*p.energized <= p.target) ++s.on_target;
    if (p.revisit) {
      const RevisitResult& r = *p.revisit;
      if (r.date) {
        ++s.revisit_done;
        ++s.revisit_due;
        if (!r.late) ++s.revisit_on_time;
        if (r.satisfied) {
          ++s.satisfaction_known;
          if (*r.satisfied) ++s.satisfied;
        }
      } else if (r.status == RevisitStatus::missing) {
        ++s.revisit_due;
      }
    }
    auto it = std::find_if(s.by_voltage.begin(), s.by_voltage.end(),
                           [&](const VoltageFigures& v) { return v.voltage_kv == p.voltage_kv; });
    if (it == s.by_voltage.end()) {
      s.by_voltage.push_back({p.voltage_kv, 0, 0});
      it = s.by_voltage.end() - 1;
    }
    ++it->energized;
    it->total_working_days += p.total_working_days;
  }
  std::sort(s.by_voltage.begin(), s.by_voltage.end(), [](const VoltageFigures& x, const VoltageFigures& y) {
    if ((x.voltage_kv > 0) != (y.voltage_kv > 0)) return x.voltage_kv > 0; // not given: last
    return x.voltage_kv < y.voltage_kv;
  });
  return s;
}

} // namespace yekuo::track
