#include <yekuo/track/plan_reference.hpp>

namespace yekuo::track {

const char* hold_reason_word(HoldReason r) {
  switch (r) {
  case HoldReason::none: return "none";
  case HoldReason::finished: return "finished";
  case HoldReason::deadline_passed: return "deadline_passed";
  }
  return "none";
}

std::vector<std::size_t> PlanReference::held_stages() const {
  std::vector<std::size_t> out;
  for (std::size_t i = 0; i < stages.size(); ++i)
    if (stages[i].held != HoldReason::none) out.push_back(i);
  return out;
}

WorkPoint start_point_of(Date start, bool milestone, const calendar::WorkingCalendar& cal) {
  const WorkPoint p = cal.point(start);
  // A displayed start is the first working day occupied; on a non-working day (a hand-edited
  // baseline, a recorded start on a Saturday) point() already counts only the days before it.
  if (milestone || !cal.is_working_day(start)) return p;
  return p - 1;
}

namespace {

bool counts_calendar_days(model::DurationUnit unit, int duration) {
  return unit == model::DurationUnit::calendar_days && duration > 0;
}

StageReference from_current(const model::Stage& st, const schedule::PlanOutcome& current, std::size_t i) {
  StageReference r;
  const auto& t = current.schedule.timings[i];
  r.start = current.stages[i].latest.start;
  r.deadline = current.stages[i].latest.finish;
  r.start_point = t.ls;
  r.deadline_point = t.lf;
  r.calendar_days = counts_calendar_days(st.unit, st.duration);
  r.limit_days = r.calendar_days ? st.duration : t.lf - t.ls;
  return r;
}

StageReference from_revision(const model::BaselineStage& bs, int revision, const calendar::WorkingCalendar& cal) {
  StageReference r;
  r.from_baseline = true;
  r.start = bs.start;
  r.deadline = bs.deadline;
  r.start_point = start_point_of(bs.start, bs.duration == 0, cal);
  r.deadline_point = cal.point(bs.deadline);
  r.calendar_days = counts_calendar_days(bs.unit, bs.duration);
  r.limit_days = r.calendar_days ? bs.duration : bs.limit_days;
  r.revision = revision;
  return r;
}

// Why `rev` cannot move a stage now under `in_force`, given its recorded finish.
HoldReason hold_reason(const StageReference& in_force, const model::Progress* progress,
                       const model::BaselineRevision& rev) {
  if (progress != nullptr && progress->finished && *progress->finished <= rev.confirmed) return HoldReason::finished;
  if (in_force.deadline < rev.confirmed) return HoldReason::deadline_passed;
  return HoldReason::none;
}

} // namespace

PlanReference reference_from_plan(const model::Project& project, const schedule::PlanOutcome& current,
                                  const calendar::WorkingCalendar& cal) {
  PlanReference ref;
  ref.planned_energization = current.planned_energization;
  ref.start_point = cal.point(project.info.applied);
  ref.stages.reserve(project.stages.size());
  for (std::size_t i = 0; i < project.stages.size(); ++i)
    ref.stages.push_back(from_current(project.stages[i], current, i));
  return ref;
}

PlanReference reference_from_baseline(const model::Project& project, const model::Baseline& baseline,
                                      const schedule::PlanOutcome& current, const calendar::WorkingCalendar& cal) {
  PlanReference ref = reference_from_plan(project, current, cal);
  if (baseline.revisions.empty()) return ref;
  const auto& newest = baseline.current();
  ref.has_baseline = true;
  ref.revision = newest.number;
  ref.confirmed = newest.confirmed;
  ref.planned_energization = newest.planned_energization;
  for (std::size_t i = 0; i < project.stages.size(); ++i) {
    StageReference& r = ref.stages[i];
    const model::Progress* progress = project.progress_of(i);
    for (const model::BaselineRevision& rev : baseline.revisions) {
      const std::size_t b = rev.find_stage(project.stages[i].id);
      if (b == model::k_no_index) continue; // a revision without the stage leaves its window alone
      if (r.from_baseline) {
        const HoldReason why = hold_reason(r, progress, rev);
        if (why != HoldReason::none) {
          r.held = why;
          r.held_by = rev.number;
          continue;
        }
      }
      r = from_revision(rev.stages[b], rev.number, cal);
    }
    if (!r.from_baseline) ref.stages_not_in_baseline.push_back(project.stages[i].id);
  }
  return ref;
}

} // namespace yekuo::track
