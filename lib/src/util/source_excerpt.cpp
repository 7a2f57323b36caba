#include <yekuo/util/source_excerpt.hpp>

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

// East Asian wide and fullwidth ranges (the common ones: CJK, Hangul, fullwidth forms).
bool is_wide(char32_t c) {
  return (c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0x303E) || (c >= 0x3041 && c <= 0x33FF) ||
         (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0xA000 && c <= 0xA4CF) ||
         (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFE30 && c <= 0xFE4F) ||
         (c >= 0xFF00 && c <= 0xFF60) || (c >= 0xFFE0 && c <= 0xFFE6) || (c >= 0x1F300 && c <= 0x1F64F) ||
         (c >= 0x1F900 && c <= 0x1F9FF) || (c >= 0x20000 && c <= 0x3FFFD);
}

// Decodes one code point at s[i]; returns its length in bytes (0 for an invalid sequence).
std::size_t decode(std::string_view s, std::size_t i, char32_t& cp) {
  const auto b = static_cast<unsigned char>(s[i]);
  if (b < 0x80) {
    cp = b;
    return 1;
  }
  std::size_t len = 0;
  char32_t min = 0;
  if (b >= 0xC2 && b <= 0xDF) {
    len = 2;
    cp = b & 0x1Fu;
    min = 0x80;
  } else if (b >= 0xE0 && b <= 0xEF) {
    len = 3;
    cp = b & 0x0Fu;
    min = 0x800;
  } else if (b >= 0xF0 && b <= 0xF4) {
    len = 4;
    cp = b & 0x07u;
    min = 0x10000;
  } else {
    return 0;
  }
  if (i + len > s.size()) return 0;
  for (std::size_t k = 1; k < len; ++k) {
    const auto c = static_cast<unsigned char>(s[i + k]);
    if ((c & 0xC0u) != 0x80u) return 0;
    cp = (cp << 6) | (c & 0x3Fu);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
  return len;
}

std::vector<CodePoint> split(std::string_view s) {
  std::vector<CodePoint> out;
  for (std::size_t i = 0; i < s.size();) {
    char32_t cp = 0;
    const std::size_t len = decode(s, i, cp);
    if (len == 0) {
      out.push_back({"\xEF\xBF\xBD", 1, false}); // U+FFFD for a byte that is not UTF-8
      ++i;
      continue;
    }
    if (cp == '\t')
      out.push_back({"\t", 1, true});
    else if (cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0))
      out.push_back({"\xEF\xBF\xBD", 1, false}); // never send control characters to the terminal
    else
      out.push_back({std::string(s.substr(i, len)), is_wide(cp) ? 2 : 1, false});
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
  auto cps = split(line_text);
  std::size_t caret = column > 0 ? static_cast<std::size_t>(column - 1) : 0;
  if (caret > cps.size()) caret = cps.size();

  // Cut a long line to a window around the caret.
  std::size_t first = caret > k_context_before ? caret - k_context_before : 0;
  std::size_t last = std::min(cps.size(), first + k_max_shown);
  std::string shown;
  std::string marks;
  if (first > 0) {
    shown += "...";
    marks += "   ";
  }
  for (std::size_t i = first; i < last; ++i) {
    shown += cps[i].text;
    if (i < caret) marks += cps[i].tab ? std::string("\t") : std::string(static_cast<std::size_t>(cps[i].width), ' ');
  }
  if (last < cps.size()) shown += "...";
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
