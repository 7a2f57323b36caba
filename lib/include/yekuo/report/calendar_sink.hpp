#pragma once
// Where a report puts its calendar events one at a time (render::IcsWriter writes each at once),
// so that a reminder calendar over a whole province is never held whole.
#include <yekuo/report/calendar_event.hpp>

namespace yekuo::report {

class CalendarSink {
public:
  virtual ~CalendarSink() = default;
  virtual void event(const CalendarEvent& event) = 0;
  virtual void finish() = 0; // once, after the last event
};

} // namespace yekuo::report
