#include "toml_depth.hpp"

#include <yekuo/util/text_width.hpp>

#include <algorithm>
#include <array>
#include <vector>

namespace yekuo::io::detail {

namespace {

class DepthScanner {
public:
  DepthScanner(std::string_view text, int max_depth) : m_s(text), m_max(max_depth) {}

  std::optional<SourceLoc> run() {
    while (m_i < m_s.size()) {
      const char c = m_s[m_i];
      if (!k_special[static_cast<unsigned char>(c)]) { // most bytes: one look-up instead of the chain below
        if (m_key && c != ' ' && c != '\t' && c != '\r') m_seen_key_part = true;
        advance();
      } else if (c == '#') {
        skip_until_newline();
      } else if (c == '"' || c == '\'') {
        skip_string(c);
        if (m_key) m_seen_key_part = true;
      } else if (c == '\n') {
        if (m_stack.empty()) start_line();
        advance();
      } else if (m_key && c == '.') {
        ++m_dots;
        if (depth_of_key() > m_max) return here();
        advance();
      } else if (m_key && c == '[' && m_stack.empty() && !m_seen_key_part) {
        m_header = true; // [table] or [[array of tables]]
        advance();
      } else if (m_key && c == ']' && m_header) {
        m_header_depth = m_dots + 1;
        m_header = false;
        m_key = false; // the rest of the line is a comment or nothing
        advance();
      } else if (m_key && c == '=') {
        m_value_depth = depth_of_key();
        if (m_value_depth > m_max) return here(); // deep through inline tables
        m_key = false;
        advance();
      } else if (!m_key && c == '{') {
        m_stack.push_back({true, value_base()});
        begin_key();
        advance();
      } else if (!m_key && c == '[') {
        m_stack.push_back({false, value_base()});
        advance();
      } else if (c == '}' || c == ']') {
        if (!m_stack.empty()) m_stack.pop_back();
        m_key = false;
        advance();
      } else if (c == ',') {
        if (!m_stack.empty() && m_stack.back().inline_table) begin_key();
        advance();
      } else {
        if (m_key && c != ' ' && c != '\t' && c != '\r') m_seen_key_part = true;
        advance();
      }
    }
    return std::nullopt;
  }

private:
  // The bytes the scan acts on; every other byte only marks a key as begun.
  static constexpr std::array<bool, 256> k_special = [] {
    std::array<bool, 256> t{};
    for (const char c : std::string_view("#\"'\n.[]={},")) t[static_cast<unsigned char>(c)] = true;
    return t;
  }();

  struct Open {
    bool inline_table = false;
    int depth = 0; // depth of the table (or array) that opened
  };

  // The depth a key reaches: its table (header or enclosing inline table) plus its segments.
  [[nodiscard]] int depth_of_key() const {
    const int base = m_stack.empty() ? (m_header ? 0 : m_header_depth) : m_stack.back().depth;
    return base + m_dots + 1;
  }

  // An element of an array sits at the array's depth; any other value at its key's.
  [[nodiscard]] int value_base() const {
    return !m_stack.empty() && !m_stack.back().inline_table ? m_stack.back().depth : m_value_depth;
  }

  void start_line() {
    begin_key();
    m_header = false;
  }
  void begin_key() {
    m_key = true;
    m_dots = 0;
    m_seen_key_part = false;
  }

  // Line and column are worked out only for the one position reported (here()), so the scan
  // itself is a plain walk over bytes: it runs in front of every file evaluate reads.
  void advance() { ++m_i; }

  void skip_until_newline() {
    const auto nl = m_s.find('\n', m_i);
    m_i = nl == std::string_view::npos ? m_s.size() : nl;
  }

  [[nodiscard]] bool at_triple(char q) const {
    return m_i + 2 < m_s.size() && m_s[m_i] == q && m_s[m_i + 1] == q && m_s[m_i + 2] == q;
  }

  void skip_string(char q) {
    if (at_triple(q)) {
      for (int k = 0; k < 3; ++k) advance();
      while (m_i < m_s.size()) {
        if (q == '"' && m_s[m_i] == '\\') {
          advance();
          if (m_i < m_s.size()) advance();
        } else if (at_triple(q)) {
          while (m_i < m_s.size() && m_s[m_i] == q) advance(); // """"" closes with quotes inside
          return;
        } else {
          advance();
        }
      }
      return;
    }
    advance();
    while (m_i < m_s.size() && m_s[m_i] != '\n') {
      const char c = m_s[m_i];
      advance();
      if (c == q) return;
      if (q == '"' && c == '\\' && m_i < m_s.size() && m_s[m_i] != '\n') advance();
    }
  }

  [[nodiscard]] SourceLoc here() const {
    const auto at = line_column_at(m_s, m_i);
    return SourceLoc{{}, at.line, at.column};
  }

  std::string_view m_s;
  int m_max;
  std::size_t m_i = 0;
  bool m_key = true;           // reading a key (or a table header), not a value
  bool m_header = false;       // inside [ ... ] of a table header
  bool m_seen_key_part = false;
  int m_dots = 0;              // dots of the key read so far
  int m_header_depth = 0;      // depth of the table the last header opened
  int m_value_depth = 0;       // depth of the key whose value is being read
  std::vector<Open> m_stack;   // open inline tables and arrays of the current value
};

} // namespace

std::optional<SourceLoc> find_too_deep_key(std::string_view text, int max_depth) {
  // A cheap bound first: beyond the first segment of a table header and of a key, every level
  // costs a '.' or a '{' somewhere in the text, so a text with few of them needs no scan
  // (nearly every project file: a handful of inline tables in `after`).
  const auto levels = std::count(text.begin(), text.end(), '.') + std::count(text.begin(), text.end(), '{');
  if (levels + 2 <= max_depth) return std::nullopt;
  return DepthScanner(text, max_depth).run();
}

} // namespace yekuo::io::detail
