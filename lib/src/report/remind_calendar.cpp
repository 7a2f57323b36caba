#include <yekuo/report/remind_calendar.hpp>

#include <yekuo/report/evaluation_report.hpp>
#include <yekuo/report/remind_report.hpp>
#include <yekuo/report/stage_notice.hpp>
#include <yekuo/track/remind.hpp>
#include <yekuo/util/error.hpp>

#include <fmt/format.h>

namespace yekuo::report {

RemindCalendar::RemindCalendar(calendar::Date as_of, Lang lang, CalendarSink& sink)
    : m_as_of(as_of), m_lang(lang), m_sink(sink) {}

void RemindCalendar::add(const track::FileResult& file) {
  if (!file.evaluation || !file.evaluation->active()) return; // the daily list's orders only
  const track::ProjectEvaluation& p = *file.evaluation;
  if (!p.calendar) throw InternalError("remind calendar: an evaluation without its working calendar");
  for (const auto& s : p.stages) {
    if (!track::is_reminder(s)) continue;
    const StageNotice n = make_notice(p, s);
    CalendarEvent e;
    e.uid = event_uid(n.project, n.id);
    e.day = n.effective_deadline;
    e.alarm = track::reminder_day(n.effective_deadline, *p.calendar);
    e.stamp = m_as_of;
    e.summary = fmt::format("{} {}", n.project, n.name);
    e.description = stage_event_people(m_lang, n.dept, n.owner, n.customer_manager);
    const std::string late = days_late_text(m_lang, n);
    e.description += m_lang == Lang::zh
                         ? fmt::format("\n状态：{}{}{}", status_label(m_lang, n.status), late.empty() ? "" : "，", late)
                         : fmt::format("\nStatus: {}{}{}", status_label(m_lang, n.status), late.empty() ? "" : ", ", late);
    m_sink.event(e);
  }
}

} // namespace yekuo::report
