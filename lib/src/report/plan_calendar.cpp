#include <yekuo/report/plan_calendar.hpp>

#include <yekuo/report/labels.hpp>
#include <yekuo/track/remind.hpp>

#include <fmt/format.h>

namespace yekuo::report {

std::vector<CalendarEvent> plan_calendar_events(const model::Project& project, const schedule::PlanOutcome& plan,
                                                const track::PlanReference& reference,
                                                const calendar::WorkingCalendar& cal, calendar::Date stamp, Lang lang) {
  const std::string basis =
      reference.has_baseline
          ? (lang == Lang::zh ? fmt::format("基线第 {} 版", reference.revision)
                              : fmt::format("baseline revision {}", reference.revision))
          : tr(lang, "当前计划（基线未确认）", "current plan (no baseline confirmed)");
  std::vector<CalendarEvent> events;
  events.reserve(plan.display_order.size());
  for (const std::size_t i : plan.display_order) {
    const auto& st = project.stages[i];
    const auto& ref = reference.stages[i];
    // A stage added after the confirmation is held to the current plan (docs/baseline.md).
    const std::string source = ref.from_baseline || !reference.has_baseline
                                   ? basis
                                   : tr(lang, "当前计划（不在基线中）", "current plan (not in the baseline)");
    CalendarEvent e;
    e.uid = event_uid(project.info.id, st.id);
    e.day = ref.deadline;
    e.alarm = track::reminder_day(ref.deadline, cal);
    e.stamp = stamp;
    e.summary = fmt::format("{} {}", project.info.id, st.name);
    e.description = stage_event_people(lang, st.dept, st.owner, project.info.customer_manager);
    e.description += lang == Lang::zh ? fmt::format("\n工作时限：{}（{}）", date_with_weekday(lang, ref.deadline), source)
                                      : fmt::format("\nDeadline: {} ({})", date_with_weekday(lang, ref.deadline), source);
    events.push_back(std::move(e));
  }
  return events;
}

} // namespace yekuo::report
