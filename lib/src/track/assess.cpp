#include <yekuo/track/assess.hpp>

#include <yekuo/graph/stage_graph.hpp>
#include <yekuo/util/error.hpp>

#include <algorithm>
#include <fmt/format.h>
#include <map>

namespace yekuo::track {

namespace {

using calendar::WorkingCalendar;

// The point before a recorded start's first working day: the stage's actual start point.
// A milestone happens at the end of its day, so its point is the day's own.
WorkPoint actual_start_point(Date started, bool milestone, const WorkingCalendar& cal) {
  return start_point_of(started, milestone, cal);
}

// Working-day points (first, last) of the days from..to, inclusive; empty when last < first.
std::pair<WorkPoint, WorkPoint> points_of_days(Date from, Date to, const WorkingCalendar& cal) {
  const WorkPoint first = cal.point(from) - (cal.is_working_day(from) ? 1 : 0) + 1;
  return {first, cal.point(to)};
}

std::vector<bool> has_successor(const model::Project& p) {
  std::vector<bool> out(p.stages.size(), false);
  for (const auto& st : p.stages)
    for (const auto& d : st.after)
      if (d.pred < out.size()) out[d.pred] = true;
  return out;
}

} // namespace

std::vector<ClockStart> clock_starts(const model::Project& project, const PlanReference& ref,
                                     const WorkingCalendar& cal) {
  const auto order = graph::topological_order(project);
  if (!order) throw InternalError("assess: the stage graph has a cycle (the project was not validated)");
  if (ref.stages.size() != project.stages.size()) throw InternalError("assess: plan reference does not match the project");
  std::vector<ClockStart> out(project.stages.size());
  const WorkPoint applied = cal.point(project.info.applied);
  for (std::size_t i : *order) {
    const auto& st = project.stages[i];
    const auto& r = ref.stages[i];
    ClockStart c;
    c.point = applied;
    c.reason = ClockReason::applied;
    // Ties go to the more specific explanation: the planned window over the application date,
    // a predecessor over both (a department waiting on another is the fact worth showing).
    if (r.start_point >= c.point) {
      c.point = r.start_point;
      c.reason = ClockReason::planned_start;
    }
    for (const auto& d : st.after) {
      if (d.pred >= project.stages.size()) continue;
      const auto* pp = project.progress_of(d.pred);
      std::optional<WorkPoint> term;
      switch (d.type) {
      case model::DepType::fs:
        if (pp && pp->finished) term = cal.point(*pp->finished) + d.lag;
        break;
      case model::DepType::ss: {
        const WorkPoint sp = (pp && pp->started)
                                 ? actual_start_point(*pp->started, project.stages[d.pred].is_milestone(), cal)
                                 : out[d.pred].point;
        term = sp + d.lag;
        break;
      }
      case model::DepType::ff:
        if (pp && pp->finished) term = cal.point(*pp->finished) + d.lag - r.limit_days;
        break;
      }
      if (!term) continue;
      if (*term > c.point || (*term == c.point && c.reason != ClockReason::predecessor)) {
        c.point = *term;
        c.reason = ClockReason::predecessor;
        c.pred = d.pred;
        c.type = d.type;
        c.lag = d.lag;
      }
    }
    out[i] = c;
  }
  return out;
}

std::optional<Date> energization_date(const model::Project& project) {
  const auto succ = has_successor(project);
  std::optional<Date> out;
  for (std::size_t i = 0; i < project.stages.size(); ++i) {
    if (succ[i]) continue;
    const auto* pr = project.progress_of(i);
    if (pr == nullptr || !pr->finished) return std::nullopt;
    if (!out || *pr->finished > *out) out = pr->finished;
  }
  return out;
}

ProjectAssessment assess_project(const model::Project& project, const PlanReference& ref, const WorkingCalendar& cal,
                                 Date as_of) {
  ProjectAssessment a;
  a.file = project.file;
  a.id = project.info.id;
  a.name = project.info.name;
  a.customer = project.info.customer;
  a.customer_manager = project.info.customer_manager;
  a.applied = project.info.applied;
  a.target = project.info.target;
  a.planned_energization = ref.planned_energization;
  a.has_baseline = ref.has_baseline;
  a.baseline_revision = ref.revision;
  a.calendar = &cal;

  a.energized = energization_date(project);
  if (!a.energized) return a;
  const Date energized = *a.energized;
  a.total_working_days = cal.point(energized) - cal.point(a.applied);
  a.total_calendar_days = energized - a.applied;
  a.vs_planned_working_days = cal.point(energized) - cal.point(a.planned_energization);
  a.vs_target_working_days = cal.point(energized) - cal.point(a.target);
  a.revisit = assess_revisit(project.revisit, energized, as_of);

  for (std::size_t i = 0; i < project.stages.size(); ++i) {
    const auto* pr = project.progress_of(i);
    if (pr == nullptr || !pr->finished) {
      a.missing_finish.push_back(project.stages[i].id);
      a.missing_finish_names.push_back(project.stages[i].name);
    }
  }
  if (!a.missing_finish.empty()) {
    a.state = OrderState::incomplete; // no guessing: the figures would be wrong for someone
    return a;
  }
  a.state = OrderState::assessed;

  const auto clocks = clock_starts(project, ref, cal);
  a.stages.reserve(project.stages.size());
  for (std::size_t i = 0; i < project.stages.size(); ++i) {
    const auto& st = project.stages[i];
    const auto& r = ref.stages[i];
    const auto* pr = project.progress_of(i);
    StageAssessment s;
    s.index = i;
    s.id = st.id;
    s.name = st.name;
    s.dept = st.dept;
    s.customer = st.customer || st.dept == model::k_customer_dept;
    s.milestone = st.is_milestone();
    s.limit_days = r.limit_days;
    s.planned_start = r.start;
    s.planned_deadline = r.deadline;
    s.from_baseline = r.from_baseline;
    s.clock = clocks[i];
    s.actual_start = pr->started;
    s.actual_finish = *pr->finished;

    const WorkPoint c = s.clock.point;
    const WorkPoint fin = cal.point(s.actual_finish);
    s.clock_start = cal.date_of(std::max<WorkPoint>(1, s.milestone ? c : c + 1));
    s.effective_deadline = std::max(r.deadline, cal.date_of(std::max<WorkPoint>(1, c + r.limit_days)));
    s.handling_days = std::max(0, fin - c);

    // Customer-caused working days inside the handling interval c+1..fin, counted once.
    std::vector<std::pair<WorkPoint, WorkPoint>> spans;
    for (const auto& d : project.delays) {
      if (d.index != i) continue;
      DelayEvidence e;
      e.from = d.from;
      e.to = d.to;
      e.reason = d.reason;
      e.reported = d.reported;
      e.loc = d.loc;
      e.in_time = d.reported.has_value() && *d.reported <= s.effective_deadline;
      auto [lo, hi] = points_of_days(d.from, d.to, cal);
      lo = std::max(lo, c + 1);
      hi = std::min(hi, fin);
      e.working_days = std::max(0, hi - lo + 1);
      if (e.in_time && hi >= lo) spans.emplace_back(lo, hi);
      s.delays.push_back(std::move(e));
    }
    std::sort(spans.begin(), spans.end());
    std::vector<std::pair<WorkPoint, WorkPoint>> merged;
    for (const auto& sp : spans) {
      if (!merged.empty() && sp.first <= merged.back().second + 1)
        merged.back().second = std::max(merged.back().second, sp.second);
      else
        merged.push_back(sp);
    }
    for (const auto& [lo, hi] : merged) {
      s.customer_days_excluded += hi - lo + 1;
      s.excluded_spans.emplace_back(cal.date_of(lo), cal.date_of(hi));
    }
    s.net_days = s.handling_days - s.customer_days_excluded;
    s.overrun_days = std::max(0, s.net_days - s.limit_days);
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
      if (s.overrun_days > 0) {
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
      ++out.skipped_not_energized;
    } else if (!period.contains(*p.energized)) {
      ++out.outside_period;
    } else {
      out.projects.push_back(std::move(p));
    }
  }
  out.departments = assess_departments(out.projects);
  return out;
}

} // namespace yekuo::track
