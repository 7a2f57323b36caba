#include <yekuo/io/csv.hpp>

#include <fmt/format.h>

namespace yekuo::io {

namespace {

// Reads one record at a time; `line` follows the physical lines, so that a record knows the
// line it starts on even after quoted fields that span several.
class CsvReader {
public:
  CsvReader(std::string_view text, const std::string& path, Diagnostics& diags)
      : m_text(text), m_path(path), m_diags(diags) {}

  std::vector<CsvRecord> read_all() {
    std::vector<CsvRecord> out;
    while (m_pos < m_text.size()) {
      if (at_line_break()) { // an empty line: no record
        skip_line_break();
        continue;
      }
      CsvRecord record{m_line, {}};
      if (read_record(record.fields)) out.push_back(std::move(record));
      if (m_unterminated) break;
    }
    return out;
  }

private:
  [[nodiscard]] bool at_line_break() const { return m_text[m_pos] == '\n' || m_text[m_pos] == '\r'; }

  void skip_line_break() {
    if (m_text[m_pos] == '\r' && m_pos + 1 < m_text.size() && m_text[m_pos + 1] == '\n') ++m_pos;
    ++m_pos;
    ++m_line;
  }

  // Fields up to the end of the record (its line break consumed). False when the record is
  // malformed: it was reported, and the reader has moved to the next line.
  bool read_record(std::vector<std::string>& fields) {
    const int start_line = m_line;
    while (true) {
      std::string field;
      if (m_pos < m_text.size() && m_text[m_pos] == '"') {
        if (!read_quoted(field, start_line)) return false;
      } else {
        while (m_pos < m_text.size() && m_text[m_pos] != ',' && !at_line_break()) field += m_text[m_pos++];
      }
      fields.push_back(std::move(field));
      if (m_pos >= m_text.size()) return true;
      if (m_text[m_pos] == ',') {
        ++m_pos;
        continue;
      }
      if (at_line_break()) {
        skip_line_break();
        return true;
      }
      // Text after a closing quote: what the writer meant cannot be known.
      m_diags.error("csv-syntax", {m_path, start_line, 0},
                    fmt::format("text after the closing quote of field {} (a quote inside a quoted field is "
                                "written twice: \"\")",
                                fields.size()),
                    "write the field as \"…\"\"…\" or without quotes; saving the sheet from Excel as CSV does this");
      while (m_pos < m_text.size() && !at_line_break()) ++m_pos;
      if (m_pos < m_text.size()) skip_line_break();
      return false;
    }
  }

  // A quoted field from its opening quote to its closing one.
  bool read_quoted(std::string& field, int start_line) {
    const int quote_line = m_line;
    ++m_pos;
    while (m_pos < m_text.size()) {
      const char c = m_text[m_pos];
      if (c == '"') {
        if (m_pos + 1 < m_text.size() && m_text[m_pos + 1] == '"') {
          field += '"';
          m_pos += 2;
          continue;
        }
        ++m_pos;
        return true;
      }
      if (c == '\r' || c == '\n') {
        skip_line_break();
        field += '\n';
        continue;
      }
      field += c;
      ++m_pos;
    }
    m_unterminated = true;
    m_diags.error("csv-syntax", {m_path, start_line, 0},
                  fmt::format("a quoted field opened on line {} is never closed; the rest of the file cannot be read",
                              quote_line),
                  "add the closing \" (a quote inside a quoted field is written twice: \"\")");
    return false;
  }

  std::string_view m_text;
  const std::string& m_path;
  Diagnostics& m_diags;
  std::size_t m_pos = 0;
  int m_line = 1;
  bool m_unterminated = false;
};

} // namespace

std::vector<CsvRecord> parse_csv(std::string_view text, const std::string& path, Diagnostics& diags) {
  return CsvReader(text, path, diags).read_all();
}

} // namespace yekuo::io
