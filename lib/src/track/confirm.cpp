#include <yekuo/track/confirm.hpp>

#include <yekuo/schedule/cpm.hpp>
#include <yekuo/schedule/stage_dates.hpp>
#include <yekuo/track/plan_reference.hpp>

namespace yekuo::track {

model::BaselineRevision make_revision(const model::Project& project, const schedule::PlanOutcome& plan,
                                      calendar::Date confirmed, std::string reason, int number) {
  model::BaselineRevision rev;
  rev.number = number;
  rev.confirmed = confirmed;
  rev.reason = std::move(reason);
  rev.applied = project.info.applied;
  rev.target = plan.target;
  rev.planned_energization = plan.planned_energization;
  for (std::size_t i = 0; i < project.stages.size(); ++i) {
    const auto& st = project.stages[i];
    const auto& sp = plan.stages[i];
    rev.stages.push_back({st.id, st.name, st.dept, st.customer, st.unit, st.duration, sp.working_days, sp.latest.start,
                          sp.latest.finish});
  }
  return rev;
}

bool revision_matches_plan(const model::BaselineRevision& rev, const model::Project& project,
                           const schedule::PlanOutcome& plan) {
  if (rev.stages.size() != project.stages.size() || rev.planned_energization != plan.planned_energization) return false;
  for (std::size_t i = 0; i < project.stages.size(); ++i) {
    const auto& b = rev.stages[i];
    const auto& sp = plan.stages[i];
    if (b.id != project.stages[i].id || b.start != sp.latest.start || b.deadline != sp.latest.finish ||
        b.limit_days != sp.working_days)
      return false;
  }
  return true;
}

const char* PlanChange::word() const {
  if (file && calendar) return "file_and_calendar";
  if (file) return "file";
  if (calendar) return "calendar";
  if (dependencies) return "dependencies";
  if (earlier) return "earlier";
  return "";
}

namespace {

// The revision's dates read on `cal`: each stage's recorded limit is its working days on this
// calendar (finish point - start point, SPEC §2), and every working-day stage starts and ends on a
// working day; the planned energization is a working day.
bool revision_fits_calendar(const model::BaselineRevision& rev, const calendar::WorkingCalendar& cal) {
  const auto in = [&](calendar::Date d) { return cal.in_range(d); };
  if (in(rev.planned_energization) && !cal.is_working_day(rev.planned_energization)) return false;
  for (const auto& b : rev.stages) {
    if (!in(b.start) || !in(b.deadline)) continue;
    const bool working_start = cal.is_working_day(b.start);
    if (b.unit == model::DurationUnit::working_days && b.duration > 0 &&
        (!working_start || !cal.is_working_day(b.deadline)))
      return false;
    if (b.duration > 0 && cal.point(b.deadline) - cal.point(b.start) + (working_start ? 1 : 0) != b.limit_days)
      return false;
  }
  return true;
}

// The revision's windows, read as start points on `cal`, are a schedule of the current plan's
// network: each window is what its stage gives from that start, no stage starts after its
// back-scheduled latest start (so the target and finish_within hold), and every dependency holds.
bool revision_within_float(const model::BaselineRevision& rev, const schedule::PlanOutcome& plan,
                           const calendar::WorkingCalendar& cal) {
  const auto& acts = plan.network.activities;
  if (rev.stages.size() != acts.size()) return false;
  std::vector<calendar::WorkPoint> start(acts.size()), finish(acts.size());
  for (std::size_t i = 0; i < acts.size(); ++i) {
    const auto& b = rev.stages[i];
    if (!cal.in_range(b.start) || !cal.in_range(b.deadline)) return false;
    const auto s = start_point_of(b.start, acts[i].duration == 0, cal);
    if (s < 1 || s > plan.schedule.timings[i].ls) return false;
    const auto f = schedule::finish_after(acts[i], s, cal);
    const auto dates = schedule::stage_dates(acts[i], s, f, cal);
    if (dates.start != b.start || dates.finish != b.deadline) return false;
    start[i] = s;
    finish[i] = f;
  }
  for (std::size_t i = 0; i < acts.size(); ++i)
    for (const auto& l : acts[i].preds) {
      const bool ok = l.type == model::DepType::fs   ? start[i] >= finish[l.pred] + l.lag
                      : l.type == model::DepType::ss ? start[i] >= start[l.pred] + l.lag
                                                     : finish[i] >= finish[l.pred] + l.lag;
      if (!ok) return false;
    }
  return true;
}

} // namespace

PlanChange compare_revision(const model::BaselineRevision& rev, const model::Project& project,
                            const schedule::PlanOutcome& plan, const calendar::WorkingCalendar& cal) {
  PlanChange change;
  if (revision_matches_plan(rev, project, plan)) return change;
  change.file = rev.applied != project.info.applied || rev.target != plan.target ||
                rev.stages.size() != project.stages.size();
  for (std::size_t i = 0; !change.file && i < project.stages.size(); ++i) {
    const auto& b = rev.stages[i];
    const auto& st = project.stages[i];
    change.file = b.id != st.id || b.unit != st.unit || b.duration != st.duration;
  }
  change.calendar = !revision_fits_calendar(rev, cal);
  change.dependencies = !change.file && !change.calendar;
  if (change.dependencies && revision_within_float(rev, plan, cal)) {
    change.dependencies = false;
    change.earlier = true;
  }
  return change;
}

} // namespace yekuo::track
