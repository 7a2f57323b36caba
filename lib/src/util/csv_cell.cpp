#include <yekuo/util/csv_cell.hpp>

#include <yekuo/util/text_width.hpp>

#include <initializer_list>

namespace yekuo {

namespace {

bool starts_with_any(std::string_view text, std::size_t at, std::initializer_list<std::string_view> prefixes) {
  for (const auto p : prefixes)
    if (text.substr(at).starts_with(p)) return true;
  return false;
}

} // namespace

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

} // namespace yekuo
