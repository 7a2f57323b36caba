#pragma once
// `plan --format ics`: one event per stage deadline of the order, the deadlines it is held to.
#include <yekuo/calendar/calendar.hpp>
#include <yekuo/model/project.hpp>
#include <yekuo/report/calendar_event.hpp>
#include <yekuo/report/lang.hpp>
#include <yekuo/schedule/plan_outcome.hpp>
#include <yekuo/track/plan_reference.hpp>

#include <vector>

namespace yekuo::report {

// Every stage in the plan's display order, on the deadline `reference` holds it to: the
// confirmed baseline's (track::reference_from_baseline, revisions that could not move a stage
// included) or, before any confirmation, the plan's (track::reference_from_plan). `stamp` is the
// day the calendar is made.
[[nodiscard]] std::vector<CalendarEvent> plan_calendar_events(const model::Project& project,
                                                              const schedule::PlanOutcome& plan,
                                                              const track::PlanReference& reference,
                                                              const calendar::WorkingCalendar& cal,
                                                              calendar::Date stamp, Lang lang);

} // namespace yekuo::report
