#pragma once
// iCalendar (RFC 5545) text of calendar events: `plan` and `remind --format ics`. Like JSON, a
// contract of its own rather than a rendering of a Document (docs/output-formats.md).
//
// Written here, not with libical: libical 3 links ICU (three more shared libraries, ~3.5 ms
// added to the start of every command, where `ldd yekuo` shows only libc and libm,
// docs/performance.md), for a few lines of text whose only subtleties are below.
#include <yekuo/report/calendar_event.hpp>
#include <yekuo/report/calendar_sink.hpp>

#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace yekuo::render {

// A report::CalendarSink writing one VCALENDAR: the head at once, each VEVENT as it comes, the
// end at finish().
class IcsWriter final : public report::CalendarSink {
public:
  using Sink = std::function<void(std::string_view)>;
  explicit IcsWriter(Sink sink);
  void event(const report::CalendarEvent& event) override;
  void finish() override;

private:
  Sink m_sink;
};

// The whole VCALENDAR in one string.
[[nodiscard]] std::string ics_calendar(const std::vector<report::CalendarEvent>& events);

// A TEXT value (RFC 5545 §3.3.11): the user's text made valid UTF-8 without control characters,
// then `\` `;` `,` escaped and line breaks written `\n`.
[[nodiscard]] std::string ics_text(std::string_view text);
// One content line `NAME:value` folded (§3.1): at most 75 octets per line, continuation lines
// starting with a space, never splitting a UTF-8 sequence; each line ends with CRLF.
[[nodiscard]] std::string ics_line(std::string_view name, std::string_view value);

} // namespace yekuo::render
