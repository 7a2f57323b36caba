#pragma once
// Comma-separated values as RFC 4180 writes them, and as Excel saves them (docs/import.md):
// fields separated by ',', records by CRLF, LF or a lone CR (older Excel for Mac); a field in
// double quotes may hold commas, line breaks and quotes written twice (""). Two leniencies that
// Excel shares: a quote inside an unquoted field is an ordinary character, and a line with nothing
// on it is no record at all.
#include <yekuo/util/diagnostic.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace yekuo::io {

struct CsvRecord {
  int line = 0;                    // the physical line (1-based) where the record starts
  std::vector<std::string> fields; // as written, quotes removed; line breaks inside a field as "\n"
};

// The records of `text` (UTF-8, without a BOM). Diagnostics: csv-syntax, at the record's line, for
// text after a closing quote (that record is left out, the others are read) and for a quoted field
// that is never closed (everything from it on is lost; the hint says where it started).
[[nodiscard]] std::vector<CsvRecord> parse_csv(std::string_view text, const std::string& path, Diagnostics& diags);

} // namespace yekuo::io
