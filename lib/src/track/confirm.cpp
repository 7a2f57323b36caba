#include <yekuo/track/confirm.hpp>

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
  return change;
}

} // namespace yekuo::track
