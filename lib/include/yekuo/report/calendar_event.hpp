#pragma once
// One stage deadline as an entry of the user's own calendar (`plan` and `remind --format ics`):
// what the entry holds, already in the report's language. render/ics.hpp writes it as iCalendar
// (RFC 5545), a contract of its own like the JSON reports (docs/output-formats.md).
#include <yekuo/calendar/date.hpp>
#include <yekuo/report/lang.hpp>

#include <string>
#include <string_view>

namespace yekuo::report {

struct CalendarEvent {
  std::string uid;         // event_uid(): the same on every run, so a re-import updates the entry
  calendar::Date day;      // the deadline: an all-day event on it
  calendar::Date alarm;    // the reminder day (track::reminder_day), alarmed at 09:00 Asia/Shanghai
  calendar::Date stamp;    // when the information was made: the as-of day (plan: today)
  std::string summary;     // the order id and the stage name
  std::string description; // department, owner, customer manager; how late an overdue stage is
};

// "<order id>/<stage id>@yekuo": an order id is unique in an organization and a stage id within
// its order, so the pair names a deadline across plan and remind, runs and revisions.
[[nodiscard]] std::string event_uid(std::string_view order, std::string_view stage);

// The description lines every stage event starts with: department, owner (when given) and
// customer manager.
[[nodiscard]] std::string stage_event_people(Lang lang, std::string_view dept, std::string_view owner,
                                             std::string_view customer_manager);

} // namespace yekuo::report
