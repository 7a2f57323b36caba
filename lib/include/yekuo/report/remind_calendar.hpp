#pragma once
// `remind --format ics`: the stages of the daily list (due on the next working day, overdue) as
// calendar events, handed to the sink as each file comes, so nothing waits in memory.
#include <yekuo/report/calendar_sink.hpp>
#include <yekuo/report/lang.hpp>
#include <yekuo/track/evaluate.hpp>

namespace yekuo::report {

class RemindCalendar {
public:
  RemindCalendar(calendar::Date as_of, Lang lang, CalendarSink& sink);

  // The listed stages of an active order, in its display order, each on its effective deadline
  // (an overdue one on the deadline it missed). Bad files add nothing: remind names them on
  // standard error.
  void add(const track::FileResult& file);
  void finish() { m_sink.finish(); }

private:
  calendar::Date m_as_of;
  Lang m_lang;
  CalendarSink& m_sink;
};

} // namespace yekuo::report
