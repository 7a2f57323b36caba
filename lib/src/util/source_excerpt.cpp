#include <yekuo/util/source_excerpt.hpp>

#include <yekuo/util/text_width.hpp>

#include <algorithm>
#include <fmt/format.h>

namespace yekuo {

namespace {

constexpr std::size_t k_context_before = 60; // code points kept before the caret on a long line
constexpr std::size_t k_max_shown = 120;     // code points shown at most

struct CodePoint {
  std::string text; // what to print (the original bytes, or a replacement)
  int width = 1;    // terminal columns
  bool tab = false;
};

// Code points in s, counted as split() counts them (an invalid byte counts one).
std::size_t count_code_points(std::string_view s) {
  std::size_t n = 0;
  for (std::size_t i = 0; i < s.size(); ++n) {
    const Utf8Char ch = decode_utf8(s, i);
    i += ch.valid ? ch.length : 1;
  }
  return n;
}

// Code points [first, first + count) of s. Only that window is stored: a diagnostic on a 50 MB
// line must not cost gigabytes.
std::vector<CodePoint> split(std::string_view s, std::size_t first, std::size_t count) {
  std::vector<CodePoint> out;
  std::size_t k = 0;
  for (std::size_t i = 0; i < s.size() && out.size() < count; ++k) {
    const Utf8Char ch = decode_utf8(s, i);
    const char32_t cp = ch.code_point;
    const std::size_t len = ch.valid ? ch.length : 1;
    if (k < first) {
      i += len;
      continue;
    }
    if (!ch.valid)
      out.push_back({"\xEF\xBF\xBD", 1, false}); // U+FFFD for a byte that is not UTF-8
    else if (cp == '\t')
      out.push_back({"\t", 1, true});
    else if (cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0))
      out.push_back({"\xEF\xBF\xBD", 1, false}); // never send control characters to the terminal
    else
      out.push_back({std::string(s.substr(i, len)), code_point_width(cp), false});
    i += len;
  }
  return out;
}

} // namespace

void SourceText::index() const {
  if (!m_line_starts.empty()) return;
  m_line_starts.push_back(0);
  for (std::size_t i = 0; i < m_text.size(); ++i)
    if (m_text[i] == '\n') m_line_starts.push_back(i + 1);
  // A final line break does not start another line.
  if (m_line_starts.size() > 1 && m_line_starts.back() == m_text.size()) m_line_starts.pop_back();
}

int SourceText::line_count() const {
  index();
  return static_cast<int>(m_line_starts.size());
}

std::string_view SourceText::line(int line) const {
  if (line < 1 || line > line_count()) return {};
  const auto n = static_cast<std::size_t>(line);
  const std::size_t begin = m_line_starts[n - 1];
  std::size_t end = n < m_line_starts.size() ? m_line_starts[n] : m_text.size();
  if (end > begin && m_text[end - 1] == '\n') --end;
  if (end > begin && m_text[end - 1] == '\r') --end;
  return std::string_view(m_text).substr(begin, end - begin);
}

std::string source_excerpt(std::string_view line_text, int line, int column) {
  if (line < 1) return {};
  const std::size_t total = count_code_points(line_text);
  std::size_t caret = column > 0 ? static_cast<std::size_t>(column - 1) : 0;
  if (caret > total) caret = total;

  // Cut a long line to a window around the caret.
  std::size_t first = caret > k_context_before ? caret - k_context_before : 0;
  std::size_t last = std::min(total, first + k_max_shown);
  const auto cps = split(line_text, first, last - first);
  std::string shown;
  std::string marks;
  if (first > 0) {
    shown += "...";
    marks += "   ";
  }
  for (std::size_t i = first; i < last; ++i) {
    const CodePoint& c = cps[i - first];
    shown += c.text;
    if (i < caret) marks += c.tab ? std::string("\t") : std::string(static_cast<std::size_t>(c.width), ' ');
  }
  if (last < total) shown += "...";
  const std::string number = fmt::format("{}", line);
  const std::string gutter(number.size(), ' ');
  std::string out = fmt::format("  {} | {}\n", number, shown);
  if (column > 0) out += fmt::format("  {} | {}^\n", gutter, marks);
  return out;
}

std::string format_diagnostic_with_source(const Diagnostic& d, const SourceText& source) {
  std::string out = format_diagnostic(d) + "\n";
  if (d.loc.line > 0 && d.loc.line <= source.line_count())
    out += source_excerpt(source.line(d.loc.line), d.loc.line, d.loc.column);
  return out;
}

} // namespace yekuo
