// CSV renderer for Excel: UTF-8 with a byte-order mark (Excel otherwise guesses the ANSI code
// page and garbles Chinese), CRLF record ends, RFC 4180 quoting, and formula neutralization.
//
// Neutralization rule (docs/output-formats.md): a cell is prefixed with a single quote ' when it
// starts with TAB or CR, or when its first character other than space, TAB, CR, LF is one of
// = + - @ (ASCII) or their fullwidth forms ＝ ＋ － ＠. Negative numbers ("-3") are neutralized too:
// the rule never guesses what is "just a number", and JSON is the format for machine readers.
//
// CSV holds data only: the site navigation is left out and a linked cell is its text.
#include "common.hpp"

#include <yekuo/render/render.hpp>

namespace yekuo::render {

namespace {
using namespace detail;

bool starts_with_any(std::string_view text, std::size_t at, std::initializer_list<std::string_view> prefixes) {
  for (const auto p : prefixes)
    if (text.substr(at).starts_with(p)) return true;
  return false;
}

} // namespace

namespace detail {
bool csv_needs_neutralizing(std::string_view text) {
  if (text.empty()) return false;
  if (text.front() == '\t' || text.front() == '\r') return true;
  std::size_t i = 0;
  while (i < text.size() && (text[i] == ' ' || text[i] == '\t' || text[i] == '\r' || text[i] == '\n')) ++i;
  if (i == text.size()) return false;
  return starts_with_any(text, i, {"=", "+", "-", "@", "＝", "＋", "－", "＠"});
}

std::string csv_field(std::string_view raw) {
  const std::string valid = sanitize_utf8(raw);
  std::string text = csv_needs_neutralizing(valid) ? "'" : "";
  // Line breaks become LF inside the quoted field (Excel shows them as line breaks in the cell);
  // other control characters except TAB are dropped.
  for (std::size_t i = 0; i < valid.size(); ++i) {
    const auto c = static_cast<unsigned char>(valid[i]);
    if (c == '\r') {
      text += '\n';
      if (i + 1 < valid.size() && valid[i + 1] == '\n') ++i;
    } else if (c == '\n' || c == '\t' || c >= 0x20) {
      if (c != 0x7F) text += static_cast<char>(c);
    }
  }
  if (text.find_first_of(",\"\n") == std::string::npos) return text;
  std::string quoted = "\"";
  for (const char ch : text) {
    if (ch == '"') quoted += '"';
    quoted += ch;
  }
  return quoted + "\"";
}
} // namespace detail

namespace {

class CsvWriter {
public:
  explicit CsvWriter(const RenderOptions& options) : m_options(options), m_labels(labels(options.lang)) {}

  std::string run(const report::Document& doc) {
    m_out = "\xEF\xBB\xBF";
    bool header = false;
    if (!doc.title.empty()) header = true, record({doc.title});
    if (!doc.subtitle.empty()) header = true, record({doc.subtitle});
    for (const auto& w : doc.warnings) header = true, record({std::string(m_labels.warning), w});
    m_need_gap = header;
    for (const auto& block : doc.blocks) std::visit([this](const auto& b) { write(b); }, block);
    return m_out;
  }

private:
  void record(const std::vector<std::string>& fields) {
    for (std::size_t i = 0; i < fields.size(); ++i) {
      if (i > 0) m_out += ',';
      m_out += csv_field(fields[i]);
    }
    m_out += "\r\n";
  }

  // Blocks are separated by one blank record and start with their title row.
  void begin_block(const std::string& title) {
    if (m_need_gap) m_out += "\r\n";
    m_need_gap = true;
    if (!title.empty()) record({one_line(title)});
  }

  void write(const report::KeyValues& kv) {
    begin_block(kv.title);
    for (const auto& [key, value] : kv.items) record({key, value.text});
  }

  void write(const report::Table& table) {
    begin_block(table.title);
    const std::size_t ncols = column_count(table);
    if (ncols == 0) return;
    std::vector<std::string> fields(ncols);
    for (std::size_t c = 0; c < ncols; ++c) fields[c] = header_at(table, c);
    record(fields);
    for (const auto& row : table.rows) {
      for (std::size_t c = 0; c < ncols; ++c) fields[c] = cell_at(row, c).text;
      record(fields);
    }
  }

  void write(const report::BulletList& list) {
    begin_block(list.title);
    for (const auto& item : list.items) record({item.text});
  }

  void write(const report::Paragraph& p) {
    begin_block({});
    record({p.text.text});
  }

  void write(const report::SignatureLines& s) {
    begin_block({});
    for (const auto& label : s.labels) {
      std::vector<std::string> fields{with_colon(label, m_options.lang), ""};
      if (!s.date_label.empty()) {
        fields.push_back(with_colon(s.date_label, m_options.lang));
        fields.emplace_back();
      }
      record(fields);
    }
  }

  // The Gantt picture has no CSV form; its data is in the tables.
  void write(const report::Gantt&) {}

  const RenderOptions& m_options;
  const Labels& m_labels;
  std::string m_out;
  bool m_need_gap = false;
};

} // namespace

std::string render_csv(const report::Document& doc, const RenderOptions& options) {
  return CsvWriter(options).run(doc);
}

} // namespace yekuo::render
