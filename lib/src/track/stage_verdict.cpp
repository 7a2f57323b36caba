#include <yekuo/track/stage_verdict.hpp>

#include <yekuo/graph/stage_graph.hpp>
#include <yekuo/schedule/cpm.hpp>
#include <yekuo/util/error.hpp>

#include <algorithm>

namespace yekuo::track {

using calendar::WorkingCalendar;

const char* delay_verdict_word(DelayVerdict v) {
  switch (v) {
  case DelayVerdict::excluded: return "excluded";
  case DelayVerdict::reported_late: return "reported_late";
  case DelayVerdict::not_reported: return "not_reported";
  }
  return "not_reported";
}

namespace {

std::optional<Date> known_by(const std::optional<Date>& d, Date as_of) {
  if (d && *d <= as_of) return d;
  return std::nullopt;
}

// Counting in the stage's unit: working-day points, or day numbers for a calendar-day stage.
// A unit value u stands for the end of a day; the counted days of a stage are c+1 .. end.
class Units {
public:
  Units(const WorkingCalendar& cal, bool calendar_days) : m_cal(cal), m_calendar(calendar_days) {}

  // The clock start point c in this unit: a calendar-day stage starts counting on the first
  // working day after c (planned calendar-day stages start on working days: docs/time-model.md).
  [[nodiscard]] long clock(WorkPoint c) const {
    if (!m_calendar) return c;
    return static_cast<long>(m_cal.date_of(c + 1).days()) - 1;
  }
  // The end of day d.
  [[nodiscard]] long end_of(Date d) const { return m_calendar ? d.days() : m_cal.point(d); }
  // The first unit a day occupies (a non-working day occupies none: the next working day's).
  [[nodiscard]] long first_of(Date d) const {
    if (m_calendar) return d.days();
    return m_cal.point(d) - (m_cal.is_working_day(d) ? 1 : 0) + 1;
  }
  // The day at whose end u is.
  [[nodiscard]] Date date(long u) const {
    if (m_calendar) return Date::from_days(static_cast<std::int32_t>(u));
    return m_cal.date_of(static_cast<WorkPoint>(std::max<long>(1, u)));
  }

private:
  const WorkingCalendar& m_cal;
  bool m_calendar;
};

// The smallest start point from which a stage of `limit` (in its unit) finishes at `g` or later.
WorkPoint start_finishing_at_least(bool calendar_days, int limit, WorkPoint g, const WorkingCalendar& cal) {
  if (!calendar_days) return g - limit;
  schedule::Activity a;
  a.duration = limit;
  a.unit = model::DurationUnit::calendar_days;
  return schedule::earliest_start_finishing_at_least(a, g, cal);
}

struct Facts {
  std::optional<Date> started;
  std::optional<Date> finished;
};

// The clock start of stage i and whether a predecessor still blocks it (SPEC §4).
void set_clock(const model::Project& p, std::size_t i, const StageReference& ref, const std::vector<Facts>& facts,
               const std::vector<StageVerdict>& done, WorkPoint applied, WorkPoint a, const WorkingCalendar& cal,
               StageVerdict& v) {
  ClockStart c;
  c.point = applied;
  // Ties go to the more specific explanation: the planned window over the application date,
  // a predecessor over both (a department waiting on another is the fact worth showing).
  if (ref.start_point >= c.point) {
    c.point = ref.start_point;
    c.reason = ClockReason::planned_start;
  }
  for (const model::Dependency& d : p.stages[i].after) {
    if (d.pred >= p.stages.size()) continue;
    const Facts& pf = facts[d.pred];
    const bool pred_milestone = p.stages[d.pred].is_milestone();
    WorkPoint term = 0;
    bool blocks = false;
    switch (d.type) {
    case model::DepType::fs:
      blocks = !pf.finished;
      term = (blocks ? a + 1 : cal.point(*pf.finished)) + d.lag; // a blocker finishes on day a+1 at the earliest
      break;
    case model::DepType::ss:
      blocks = !pf.started && !pf.finished;
      if (pf.started)
        term = start_point_of(*pf.started, pred_milestone, cal) + d.lag;
      else if (pf.finished)
        term = done[d.pred].clock.point + d.lag; // finished without a recorded start: its own clock
      else
        term = std::max(a, done[d.pred].clock.point) + d.lag; // starts after point a at the earliest
      break;
    case model::DepType::ff: {
      blocks = !pf.finished;
      const WorkPoint g = (blocks ? a + 1 : cal.point(*pf.finished)) + d.lag;
      term = start_finishing_at_least(v.calendar_days, v.limit, g, cal);
      break;
    }
    }
    if (blocks && v.available) {
      v.available = false;
      v.waiting_for = d.pred;
      v.blocked_by = done[d.pred].available ? d.pred : done[d.pred].blocked_by;
    }
    if (term > c.point || (term == c.point && c.reason != ClockReason::predecessor)) {
      c.point = term;
      c.reason = ClockReason::predecessor;
      c.pred = d.pred;
      c.type = d.type;
      c.lag = d.lag;
    }
  }
  v.clock = c;
}

// Counted days, customer days excluded, due date and lateness of stage i (its clock is set).
void judge(const model::Project& p, std::size_t i, const StageReference& ref, WorkPoint a, Date as_of,
           const WorkingCalendar& cal, StageVerdict& v) {
  const Units u(cal, v.calendar_days);
  const bool milestone = p.stages[i].is_milestone();
  const long c = u.clock(v.clock.point);
  v.clock_start = v.calendar_days ? u.date(c + 1) : cal.date_of(std::max<WorkPoint>(1, milestone ? v.clock.point : v.clock.point + 1));
  const long end = v.finished ? u.end_of(*v.finished) : u.end_of(as_of);
  v.handling_days = static_cast<int>(std::max<long>(0, end - c));

  const long planned_deadline = v.calendar_days ? ref.deadline.days() : ref.deadline_point;
  v.report_by = u.date(std::max(planned_deadline, c + v.limit));
  if (!v.calendar_days && v.report_by < ref.deadline) v.report_by = ref.deadline; // a deadline on a rest day

  std::vector<std::pair<long, long>> spans;
  for (std::size_t k = 0; k < p.delays.size(); ++k) {
    const model::Delay& d = p.delays[k];
    if (d.index != i || d.from > as_of) continue;
    DelayEvidence e;
    e.delay = k;
    e.from = d.from;
    e.to = d.to;
    e.reason = d.reason;
    e.reported = known_by(d.reported, as_of);
    e.loc = d.loc;
    if (!e.reported)
      e.verdict = DelayVerdict::not_reported;
    else if (*e.reported > v.report_by)
      e.verdict = DelayVerdict::reported_late;
    else
      e.verdict = DelayVerdict::excluded;
    const long lo = std::max(u.first_of(d.from), c + 1);
    const long hi = std::min(u.end_of(d.to), end);
    e.days = static_cast<int>(std::max<long>(0, hi - lo + 1));
    if (e.in_time() && hi >= lo) spans.emplace_back(lo, hi);
    v.delays.push_back(std::move(e));
  }
  std::sort(spans.begin(), spans.end());
  std::vector<std::pair<long, long>> merged;
  for (const auto& sp : spans) {
    if (!merged.empty() && sp.first <= merged.back().second + 1)
      merged.back().second = std::max(merged.back().second, sp.second);
    else
      merged.push_back(sp);
  }
  for (const auto& [lo, hi] : merged) {
    v.excluded_days += static_cast<int>(hi - lo + 1);
    v.excluded_spans.emplace_back(u.date(lo), u.date(hi));
  }

  const long due = c + v.limit + v.excluded_days;
  v.due = u.date(due);
  if (v.finished) {
    v.days_late = static_cast<int>(std::max<long>(0, u.end_of(*v.finished) - due));
    return;
  }
  if (!v.available) return; // blocked: the lateness belongs to the stage that holds the work
  const long now = u.end_of(as_of);
  if (now > due) {
    v.overdue = true;
    v.days_late = static_cast<int>(now - due);
  } else if (as_of < v.due && v.due <= cal.date_of(a + 1)) {
    v.due_next = true; // the deadline is the next working day (or a rest day before it): remind today
  }
}

} // namespace

std::vector<StageVerdict> stage_verdicts(const model::Project& project, const PlanReference& reference,
                                         const WorkingCalendar& cal, Date as_of, const std::vector<std::size_t>* order) {
  const std::size_t n = project.stages.size();
  if (reference.stages.size() != n) throw InternalError("stage_verdicts: the plan reference does not match the project");
  std::optional<std::vector<std::size_t>> computed;
  if (order == nullptr || order->size() != n) {
    computed = graph::topological_order(project);
    if (!computed) throw InternalError("stage_verdicts: the stage graph has a cycle (the project was not validated)");
    order = &*computed;
  }
  const WorkPoint a = cal.point(as_of);
  const WorkPoint applied = cal.point(project.info.applied);

  std::vector<Facts> facts(n);
  for (std::size_t i = 0; i < n; ++i)
    if (const auto* pr = project.progress_of(i)) facts[i] = {known_by(pr->started, as_of), known_by(pr->finished, as_of)};

  std::vector<StageVerdict> out(n);
  for (std::size_t i : *order) {
    StageVerdict& v = out[i];
    const StageReference& ref = reference.stages[i];
    v.started = facts[i].started;
    v.finished = facts[i].finished;
    v.calendar_days = ref.calendar_days;
    v.limit = ref.limit_days;
    set_clock(project, i, ref, facts, out, applied, a, cal, v);
    judge(project, i, ref, a, as_of, cal, v);
  }
  return out;
}

} // namespace yekuo::track
