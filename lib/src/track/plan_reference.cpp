#include <yekuo/track/plan_reference.hpp>

namespace yekuo::track {

WorkPoint start_point_of(Date start, bool milestone, const calendar::WorkingCalendar& cal) {
  const WorkPoint p = cal.point(start);
  // A displayed start is the first working day occupied; on a non-working day (a calendar-day
  // stage never starts on one, but a hand-edited baseline might) point() already counts only
  // the days before it.
  if (milestone || !cal.is_working_day(start)) return p;
  return p - 1;
}

namespace {
StageReference from_current(const schedule::PlanOutcome& current, std::size_t i) {
  StageReference r;
  const auto& t = current.schedule.timings[i];
  r.start = current.stages[i].latest.start;
  r.deadline = current.stages[i].latest.finish;
  r.start_point = t.ls;
  r.deadline_point = t.lf;
  r.limit_days = t.lf - t.ls;
  return r;
}
} // namespace

PlanReference reference_from_plan(const model::Project& project, const schedule::PlanOutcome& current,
                                  const calendar::WorkingCalendar& cal) {
  PlanReference ref;
  ref.planned_energization = current.planned_energization;
  ref.start_point = cal.point(project.info.applied);
  ref.stages.reserve(project.stages.size());
  for (std::size_t i = 0; i < project.stages.size(); ++i) ref.stages.push_back(from_current(current, i));
  return ref;
}

PlanReference reference_from_baseline(const model::Project& project, const model::Baseline& baseline,
                                      const schedule::PlanOutcome& current, const calendar::WorkingCalendar& cal) {
  PlanReference ref = reference_from_plan(project, current, cal);
  const auto& rev = baseline.current();
  ref.has_baseline = true;
  ref.revision = rev.number;
  ref.confirmed = rev.confirmed;
  ref.planned_energization = rev.planned_energization;
  for (std::size_t i = 0; i < project.stages.size(); ++i) {
    const std::size_t b = rev.find_stage(project.stages[i].id);
    if (b == model::k_no_index) {
      ref.stages_not_in_baseline.push_back(project.stages[i].id);
      continue;
    }
    const auto& bs = rev.stages[b];
    StageReference r;
    r.from_baseline = true;
    r.start = bs.start;
    r.deadline = bs.deadline;
    r.start_point = start_point_of(bs.start, bs.duration == 0, cal);
    r.deadline_point = cal.point(bs.deadline);
    r.limit_days = bs.limit_days;
    ref.stages[i] = r;
  }
  return ref;
}

} // namespace yekuo::track
