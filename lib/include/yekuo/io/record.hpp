#pragma once
// `yekuo record`: what a customer manager records in an order file — the progress of a stage, a
// customer-caused delay, the 95598 revisit — written as TOML without touching any byte already in the
// file (comments, order, formatting), and only when the file with the record still passes every check
// of `yekuo check` (docs/tracking.md#recording-progress-yekuo-record).
//
// The edit is an insertion: a new [[progress]] / [[delay]] / [revisit] table appended at the end, or
// the keys missing from the stage's existing [[progress]] (or from the [revisit]) inserted after its
// last line, so that a start recorded on Monday can be completed by its finish on Friday. A value
// already recorded is never changed: a different one is refused (record-conflict), the same one
// leaves the file as it is.
#include <yekuo/calendar/date.hpp>
#include <yekuo/io/validate.hpp>
#include <yekuo/util/diagnostic.hpp>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace yekuo::io {

// [[progress]]: the actual start and/or finish of a stage.
struct ProgressRecord {
  std::string stage;
  std::optional<calendar::Date> started;
  std::optional<calendar::Date> finished;
  std::string note; // "" = none
};

// [[delay]]: a customer-caused delay (客户原因) of a stage.
struct DelayRecord {
  std::string stage;
  calendar::Date from;
  calendar::Date to; // inclusive; may be after today (a delay announced to last until then)
  std::string reason;
  std::optional<calendar::Date> reported; // none: not reported, so never excluded
  std::string note;
};

// [revisit]: the 95598 revisit after energization.
struct RevisitRecord {
  calendar::Date date;
  bool satisfied = true;
  std::vector<std::string> issues;
};

using Record = std::variant<ProgressRecord, DelayRecord, RevisitRecord>;

struct RecordOptions {
  // No fact may be dated after it (Asia/Shanghai today, decided by the CLI); only a delay's `to` may.
  calendar::Date today;
  LoadOptions load; // as for `check`: the organization's calendar years
};

// What recording did to a text: the new text is the old one with `length` bytes inserted at `offset`
// (every other byte as it was); the record is on lines first_line..last_line (1-based) of the new text.
struct RecordEdit {
  std::string text;
  std::size_t offset = 0;
  std::size_t length = 0;
  int first_line = 0;
  int last_line = 0;
  bool appended = false; // a new table at the end; false: keys added to the existing record
};

enum class RecordStatus {
  recorded,  // `edit` holds the new text, which passes every check
  unchanged, // everything asked is already recorded, with the same values: nothing to write
  refused,   // the reasons are in the diagnostics; nothing to write
};

struct RecordResult {
  RecordStatus status = RecordStatus::refused;
  RecordEdit edit;        // when recorded; when refused for what the text with the record shows, that text
  std::string source;     // the text the diagnostics about the order file point into
  SourceLoc existing;     // when unchanged: the table that already records it
  std::string project_id; // the order's [project] id, when the file could be read
};

// The record as a TOML block: its table header, then one `key = value` line per value given, every
// line ending in `newline`. Strings are TOML basic strings (quotes, backslashes and control characters
// escaped); throws InputError for text that is not valid UTF-8.
[[nodiscard]] std::string render_record(const Record& record, std::string_view newline = "\n");

// Records into the text of an order file (`path` names it in diagnostics). Refused, with diagnostics:
// a file that has errors already (record-invalid-file, after its own diagnostics); a date after
// options.today (record-future); a value that differs from the one recorded (record-conflict); a record
// that cannot be completed without rewriting it (record-not-editable: an inline table); a revisit of
// an order not energized yet (record-not-energized); and everything `yekuo check` finds in the text
// with the record (unknown-stage with "did you mean", finish-before-start, date-before-applied,
// delay-outside-stage, ...), at its line in that text. Warnings are those the record adds. Pure.
[[nodiscard]] RecordResult record_in_text(std::string_view text, const std::string& path, const Record& record,
                                          const RecordOptions& options, Diagnostics& diags);

// Records into the order file at `path`: read it, record_in_text, check its baseline as `check` does,
// then replace it atomically (keeping its permissions; replace_file_atomically). Throws InputError when
// it cannot be written (a read-only file or directory), leaving it as it was.
[[nodiscard]] RecordResult record_in_file(const std::string& path, const Record& record, const RecordOptions& options,
                                          Diagnostics& diags);

} // namespace yekuo::io
