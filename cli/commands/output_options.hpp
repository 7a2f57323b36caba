#pragma once
// Options shared by the report commands: --format, --lang, --out; and the one way a report
// leaves the program (write_report).
#include "context.hpp"

#include <yekuo/calendar/date.hpp>
#include <yekuo/render/document_writer.hpp>
#include <yekuo/render/format.hpp>
#include <yekuo/render/ics.hpp>
#include <yekuo/render/render.hpp>
#include <yekuo/report/lang.hpp>
#include <yekuo/util/atomic_file.hpp>

#include <CLI/CLI.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace yekuo::cli {

struct OutputOptions {
  bool json = false;                             // --format json: the report's JSON contract
  bool ics = false;                              // --format ics: the report's calendar (plan, remind)
  render::Format format = render::Format::table; // otherwise: the Document in this format
  report::Lang lang = report::Lang::zh;
  std::string out;                               // empty = stdout
};

// The formats a command offers besides table, md, csv, html and json.
struct ExtraFormats {
  bool xlsx = false; // a workbook: for the reports one files or prints (plan, evaluate, assess)
  bool ics = false;  // calendar events of stage deadlines (plan, remind)
};

// --format (table, md, csv, html, json and the extras), --lang and --out, parsed by the library's
// parsers.
void add_output_options(CLI::App* app, OutputOptions& opts, ExtraFormats extra = {});

// Refuses (InputError, exit 2) to write a binary format to a terminal: it would only garble the
// screen. Called before any work that has effects (plan --confirm), and again by the writers below.
void check_output_destination(const OutputOptions& opts, const Context& ctx);
// --lang zh|en (report::parse_lang).
CLI::Option* add_lang_option(CLI::App* app, report::Lang& lang);

// Colour only for a table on a terminal, never in a file.
[[nodiscard]] render::RenderOptions render_options(const OutputOptions& opts, const Context& ctx);

// Binds a YYYY-MM-DD option with a validator; the value is parsed once more by parse_date_option.
CLI::Option* add_date_option(CLI::App* app, const std::string& name, std::string& target, const std::string& help);
[[nodiscard]] calendar::Date parse_date_option(const std::string& text, const char* option_name);

// Writes the report to --out (atomically) or stdout.
void emit(const std::string& text, const OutputOptions& opts);

// A Document rendered in the chosen (non-JSON) format, written like emit().
void write_document(const OutputOptions& opts, const Context& ctx, const report::Document& doc);

// The report in the chosen output: its JSON contract (json() -> std::string) or its Document
// (document() -> report::Document) rendered; only the one asked for is built.
template <class Json, class MakeDocument>
void write_report(const OutputOptions& opts, const Context& ctx, Json&& json, MakeDocument&& document) {
  check_output_destination(opts, ctx);
  if (opts.json)
    emit(json(), opts);
  else
    write_document(opts, ctx, document());
}

// write_report for a report with a calendar: --format ics writes render::ics_calendar(events()).
template <class Json, class Events, class MakeDocument>
void write_report(const OutputOptions& opts, const Context& ctx, Json&& json, Events&& events,
                  MakeDocument&& document) {
  if (opts.ics)
    emit(render::ics_calendar(events()), opts);
  else
    write_report(opts, ctx, std::forward<Json>(json), std::forward<MakeDocument>(document));
}

// A report written piece by piece as it is computed: to stdout as it comes, or to --out through
// a temporary file that replaces the target only at commit() (an error before leaves the
// previous file untouched).
class ReportOutput {
public:
  explicit ReportOutput(const OutputOptions& opts);
  void write(std::string_view text);
  void commit();

private:
  std::optional<AtomicFileWriter> m_file;
};

// A report written while its results are computed (evaluate, remind): --format json makes
// make_json(write) (a JSON stream), any other format make_document(sink) (a report rendered block
// by block, render::DocumentWriter); both have add(item) and finish(). feed(add) runs the
// computation, handing each item to add. Written to --out through a temporary file committed at
// the end, or to stdout as it comes.
template <class MakeJson, class MakeDocument, class Feed>
void write_streamed_report(const OutputOptions& opts, const Context& ctx, MakeJson&& make_json,
                           MakeDocument&& make_document, Feed&& feed) {
  check_output_destination(opts, ctx);
  ReportOutput out(opts);
  const auto write = [&out](std::string_view text) { out.write(text); };
  if (opts.json) {
    auto report = make_json(write);
    feed([&report](const auto& item) { report.add(item); });
    report.finish();
  } else {
    render::DocumentWriter sink(opts.format, render_options(opts, ctx), write);
    auto report = make_document(static_cast<report::DocumentSink&>(sink));
    feed([&report](const auto& item) { report.add(item); });
    report.finish();
  }
  out.commit();
}

// write_streamed_report for a report with a calendar: --format ics makes make_calendar(sink), a
// report handing its events to a render::IcsWriter as they come.
template <class MakeJson, class MakeCalendar, class MakeDocument, class Feed>
void write_streamed_report(const OutputOptions& opts, const Context& ctx, MakeJson&& make_json,
                           MakeCalendar&& make_calendar, MakeDocument&& make_document, Feed&& feed) {
  if (!opts.ics)
    return write_streamed_report(opts, ctx, std::forward<MakeJson>(make_json),
                                 std::forward<MakeDocument>(make_document), std::forward<Feed>(feed));
  ReportOutput out(opts);
  render::IcsWriter sink([&out](std::string_view text) { out.write(text); });
  auto report = make_calendar(static_cast<report::CalendarSink&>(sink));
  feed([&report](const auto& item) { report.add(item); });
  report.finish();
  out.commit();
}

// Prints "yekuo: warning: ..." to stderr.
void warn(const std::string& message);

} // namespace yekuo::cli
