// iCalendar output (render/ics.hpp) and the events behind it (report/plan_calendar.hpp,
// report/remind_calendar.hpp): folding, escaping, stable UIDs, the alarm on the reminder day.
#include "sample_project.hpp"
#include "test_dates.hpp"

#include <yekuo/calendar/calendar.hpp>
#include <yekuo/render/ics.hpp>
#include <yekuo/report/plan_calendar.hpp>
#include <yekuo/report/remind_calendar.hpp>
#include <yekuo/schedule/plan_outcome.hpp>
#include <yekuo/track/plan_reference.hpp>
#include <yekuo/track/remind.hpp>

#include <algorithm>
#include <doctest/doctest.h>
#include <string>
#include <vector>

using namespace yekuo;

namespace {

// The physical lines of an iCalendar text, every one ended by CRLF.
std::vector<std::string> physical_lines(const std::string& text) {
  std::vector<std::string> lines;
  std::size_t at = 0;
  while (at < text.size()) {
    const std::size_t end = text.find("\r\n", at);
    REQUIRE(end != std::string::npos);
    lines.push_back(text.substr(at, end - at));
    at = end + 2;
  }
  return lines;
}

// Whether `s` is whole UTF-8 sequences only (a fold that split a character would leave a part).
bool whole_utf8(const std::string& s) {
  for (std::size_t i = 0; i < s.size();) {
    const auto b = static_cast<unsigned char>(s[i]);
    const std::size_t n = b < 0x80 ? 1 : (b >> 5) == 0x6 ? 2 : (b >> 4) == 0xE ? 3 : (b >> 3) == 0x1E ? 4 : 0;
    if (n == 0 || i + n > s.size()) return false;
    for (std::size_t k = 1; k < n; ++k)
      if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return false;
    i += n;
  }
  return true;
}

// Unfolds (RFC 5545 §3.1: CRLF followed by one space is removed).
std::vector<std::string> unfold(const std::string& text) {
  std::vector<std::string> out;
  for (const auto& l : physical_lines(text)) {
    if (!l.empty() && l[0] == ' ') {
      REQUIRE(!out.empty());
      out.back() += l.substr(1);
    } else {
      out.push_back(l);
    }
  }
  return out;
}

struct Collect final : report::CalendarSink {
  std::vector<report::CalendarEvent> events;
  bool finished = false;
  void event(const report::CalendarEvent& e) override { events.push_back(e); }
  void finish() override { finished = true; }
};

report::CalendarEvent sample_event() {
  report::CalendarEvent e;
  e.uid = report::event_uid("SZ-2026-0163", "reply");
  e.day = D("2026-10-08");
  e.alarm = track::reminder_day(e.day, calendar::WorkingCalendar::china());
  e.stamp = D("2026-09-28");
  e.summary = "SZ-2026-0163 供电方案答复";
  e.description = "责任部门：发展策划部\n客户经理：李四";
  return e;
}

} // namespace

TEST_SUITE("render::ics") {

TEST_CASE("a long Chinese line folds at 75 octets without splitting a character") {
  std::string summary = "SZ-2026-0163 ";
  for (int i = 0; i < 40; ++i) summary += "配套工程设计及施工";
  for (const std::string prefix : {"", "a", "ab"}) { // every offset of the 3-byte characters
    const std::string text = render::ics_line("SUMMARY", render::ics_text(prefix + summary));
    const auto lines = physical_lines(text);
    CHECK(lines.size() > 10);
    for (std::size_t i = 0; i < lines.size(); ++i) {
      CHECK(lines[i].size() <= 75);
      if (i + 1 < lines.size()) CHECK(lines[i].size() >= 72); // full but for the last: at most one character short
      if (i > 0) CHECK(lines[i][0] == ' ');
      CHECK(whole_utf8(i > 0 ? lines[i].substr(1) : lines[i]));
    }
    CHECK(unfold(text) == std::vector<std::string>{"SUMMARY:" + prefix + summary});
  }
}

TEST_CASE("a short line is not folded") {
  CHECK(render::ics_line("VERSION", "2.0") == "VERSION:2.0\r\n");
  const std::string exactly(75 - 8, 'x');
  CHECK(render::ics_line("SUMMARY", exactly) == "SUMMARY:" + exactly + "\r\n");
  CHECK(render::ics_line("SUMMARY", exactly + "y") == "SUMMARY:" + exactly + "\r\n y\r\n");
}

TEST_CASE("TEXT escaping: backslash, semicolon, comma, line breaks; control characters and bad bytes") {
  CHECK(render::ics_text("a,b;c\\d\ne") == "a\\,b\\;c\\\\d\\ne");
  CHECK(render::ics_text("x\r\ny") == "x\\ny");
  CHECK(render::ics_text("a\x1b[31mb\tc") == "a[31mb c");
  CHECK(render::ics_text("bad\xff") == "bad\xEF\xBF\xBD");
  CHECK(render::ics_text("供电：方案") == "供电：方案");
}

TEST_CASE("an event: all-day on the deadline, the alarm at 09:00 Shanghai on the working day before") {
  // 2026: National Day 10-01..10-07 (holidays), Sun 09-27 Mid-Autumn; 10-08 is a working Thursday.
  CHECK(track::reminder_day(D("2026-10-08"), calendar::WorkingCalendar::china()) == D("2026-09-30"));
  CHECK(track::reminder_day(D("2026-10-12"), calendar::WorkingCalendar::china()) == D("2026-10-10")); // a working Saturday
  CHECK(track::reminder_day(D("2026-06-22"), calendar::WorkingCalendar::china()) == D("2026-06-18")); // Dragon Boat 06-19
  const auto lines = unfold(render::ics_calendar({sample_event()}));
  const std::vector<std::string> want = {
      "BEGIN:VCALENDAR",
      "VERSION:2.0",
      "PRODID:-//yekuo//yekuo//ZH",
      "CALSCALE:GREGORIAN",
      "METHOD:PUBLISH",
      "BEGIN:VEVENT",
      "UID:SZ-2026-0163/reply@yekuo",
      "DTSTAMP:20260928T000000Z",
      "DTSTART;VALUE=DATE:20261008",
      "DTEND;VALUE=DATE:20261009",
      "SUMMARY:SZ-2026-0163 供电方案答复",
      "DESCRIPTION:责任部门：发展策划部\\n客户经理：李四",
      "TRANSP:TRANSPARENT",
      "BEGIN:VALARM",
      "ACTION:DISPLAY",
      "TRIGGER;VALUE=DATE-TIME:20260930T010000Z",
      "DESCRIPTION:SZ-2026-0163 供电方案答复",
      "END:VALARM",
      "END:VEVENT",
      "END:VCALENDAR"};
  CHECK(lines == want);
}

TEST_CASE("the UID is escaped like any TEXT and is the same on every run") {
  auto e = sample_event();
  e.uid = report::event_uid("A,1", "s;2\\x");
  const auto lines = unfold(render::ics_calendar({e}));
  CHECK(std::find(lines.begin(), lines.end(), "UID:A\\,1/s\\;2\\\\x@yekuo") != lines.end());

  const auto project = sample_project();
  const auto& cal = calendar::WorkingCalendar::china();
  const auto plan = schedule::make_plan(project, cal);
  const auto reference = track::reference_from_plan(project, plan, cal);
  const auto a = render::ics_calendar(report::plan_calendar_events(project, plan, reference, cal, D("2010-03-01"), report::Lang::zh));
  const auto b = render::ics_calendar(report::plan_calendar_events(project, schedule::make_plan(project, cal), reference, cal,
                                                                   D("2010-03-01"), report::Lang::zh));
  CHECK(a == b);
}

TEST_CASE("plan events: every stage on the deadline the reference holds it to") {
  const auto project = sample_project();
  const auto& cal = calendar::WorkingCalendar::china();
  const auto plan = schedule::make_plan(project, cal);
  const auto reference = track::reference_from_plan(project, plan, cal);
  const auto events = report::plan_calendar_events(project, plan, reference, cal, D("2010-03-01"), report::Lang::en);
  REQUIRE(events.size() == 4);
  for (std::size_t k = 0; k < events.size(); ++k) {
    const std::size_t i = plan.display_order[k];
    CHECK(events[k].uid == "T-1/" + project.stages[i].id + "@yekuo");
    CHECK(events[k].day == plan.stages[i].latest.finish);
    CHECK(events[k].alarm == cal.previous_working_day(plan.stages[i].latest.finish));
    CHECK(events[k].summary == "T-1 " + project.stages[i].name);
    CHECK(events[k].description.find("Customer manager: 王工") != std::string::npos);
  }
  CHECK(events.back().day == D("2010-03-26")); // e, the last stage
  CHECK(events.back().alarm == D("2010-03-25"));
}

TEST_CASE("remind events: the listed stages of active orders, an overdue one with its days late") {
  const auto& cal = calendar::WorkingCalendar::china();
  track::ProjectEvaluation p;
  p.id = "SZ-1";
  p.customer_manager = "张三";
  p.calendar = &cal;
  auto stage = [](const char* id, track::StageStatus status, const char* deadline, int late) {
    track::StageEvaluation s;
    s.id = id;
    s.name = std::string("阶段") + id;
    s.dept = "营销部";
    s.state.status = status;
    s.state.deadline = s.state.effective_deadline = D(deadline);
    s.state.days_late = late;
    return s;
  };
  p.stages = {stage("a", track::StageStatus::overdue, "2026-09-30", 3),
              stage("b", track::StageStatus::in_progress, "2026-10-20", 0),
              stage("c", track::StageStatus::due_soon, "2026-10-08", 0)};
  p.stages[2].owner = "李工";
  track::FileResult file{"sz-1.toml", p, {}, {}};
  track::FileResult energized = file;
  energized.evaluation->energized = true;
  track::FileResult bad{"bad.toml", std::nullopt, {}, {}};

  Collect sink;
  report::RemindCalendar calendar_report(D("2026-10-09"), report::Lang::zh, sink);
  calendar_report.add(file);
  calendar_report.add(energized);
  calendar_report.add(bad);
  calendar_report.finish();
  CHECK(sink.finished);
  REQUIRE(sink.events.size() == 2);
  CHECK(sink.events[0].uid == "SZ-1/a@yekuo");
  CHECK(sink.events[0].day == D("2026-09-30"));
  CHECK(sink.events[0].alarm == D("2026-09-29"));
  CHECK(sink.events[0].stamp == D("2026-10-09"));
  CHECK(sink.events[0].description.find("超期 3 个工作日") != std::string::npos);
  CHECK(sink.events[1].uid == "SZ-1/c@yekuo");
  CHECK(sink.events[1].alarm == D("2026-09-30"));
  CHECK(sink.events[1].description == "责任部门：营销部\n责任人：李工\n客户经理：张三\n状态：即将到期");
}

} // TEST_SUITE
