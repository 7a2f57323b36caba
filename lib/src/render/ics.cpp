#include <yekuo/render/ics.hpp>

#include "common.hpp"

#include <fmt/format.h>

namespace yekuo::render {

namespace {

constexpr std::size_t k_line_octets = 75; // without the CRLF (RFC 5545 §3.1)

bool utf8_continuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

// YYYYMMDD (DATE, §3.3.4).
std::string ics_date(calendar::Date d) { return fmt::format("{:04}{:02}{:02}", d.year(), d.month(), d.day()); }

// The event's text, in the order of RFC 5545's examples.
std::string vevent(const report::CalendarEvent& e) {
  const std::string summary = ics_text(e.summary);
  std::string out = "BEGIN:VEVENT\r\n";
  out += ics_line("UID", ics_text(e.uid));
  // The as-of day at midnight UTC: the same input gives the same bytes (tests, diffs).
  out += ics_line("DTSTAMP", ics_date(e.stamp) + "T000000Z");
  out += ics_line("DTSTART;VALUE=DATE", ics_date(e.day));
  out += ics_line("DTEND;VALUE=DATE", ics_date(e.day.plus_days(1))); // exclusive: one whole day
  out += ics_line("SUMMARY", summary);
  out += ics_line("DESCRIPTION", ics_text(e.description));
  out += ics_line("TRANSP", "TRANSPARENT"); // a deadline is not a meeting: free/busy stays free
  out += "BEGIN:VALARM\r\n";
  out += ics_line("ACTION", "DISPLAY");
  // An absolute time, not a relative TRIGGER: the day before in working days (weekends,
  // holidays) is not a fixed duration. 09:00 in Asia/Shanghai (UTC+8, no summer time) is 01:00Z.
  out += ics_line("TRIGGER;VALUE=DATE-TIME", ics_date(e.alarm) + "T010000Z");
  out += ics_line("DESCRIPTION", summary);
  out += "END:VALARM\r\n";
  out += "END:VEVENT\r\n";
  return out;
}

} // namespace

std::string ics_text(std::string_view text) {
  const std::string clean = detail::clean_text(text);
  std::string out;
  out.reserve(clean.size());
  for (const char c : clean) {
    switch (c) {
    case '\\': out += "\\\\"; break;
    case ';': out += "\\;"; break;
    case ',': out += "\\,"; break;
    case '\n': out += "\\n"; break;
    default: out += c;
    }
  }
  return out;
}

std::string ics_line(std::string_view name, std::string_view value) {
  std::string line;
  line.reserve(name.size() + value.size() + 1);
  line.append(name).append(":").append(value);
  std::string out;
  std::size_t at = 0;
  std::size_t room = k_line_octets;
  while (line.size() - at > room) {
    std::size_t cut = at + room;
    while (cut > at + 1 && utf8_continuation(line[cut])) --cut; // a character stays whole
    out.append(line, at, cut - at).append("\r\n ");
    at = cut;
    room = k_line_octets - 1; // the leading space counts
  }
  out.append(line, at, std::string::npos).append("\r\n");
  return out;
}

IcsWriter::IcsWriter(Sink sink) : m_sink(std::move(sink)) {
  m_sink("BEGIN:VCALENDAR\r\n"
         "VERSION:2.0\r\n"
         "PRODID:-//yekuo//yekuo//ZH\r\n"
         "CALSCALE:GREGORIAN\r\n"
         "METHOD:PUBLISH\r\n");
}

void IcsWriter::event(const report::CalendarEvent& event) { m_sink(vevent(event)); }

void IcsWriter::finish() { m_sink("END:VCALENDAR\r\n"); }

std::string ics_calendar(const std::vector<report::CalendarEvent>& events) {
  std::string out;
  IcsWriter writer([&out](std::string_view text) { out += text; });
  for (const auto& e : events) writer.event(e);
  writer.finish();
  return out;
}

} // namespace yekuo::render
