#include "xlsx_sheet_names.hpp"

#include "common.hpp"

#include <algorithm>
#include <cctype>
#include <fmt/format.h>

namespace yekuo::render::detail {

namespace {

constexpr std::size_t k_max_units = 31;

std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

std::string trimmed(std::string s) {
  const auto blank = [](char c) { return c == ' ' || c == '\''; }; // a name may not start or end with '
  while (!s.empty() && blank(s.back())) s.pop_back();
  const auto first = std::find_if_not(s.begin(), s.end(), blank);
  s.erase(s.begin(), first);
  return s;
}

} // namespace

std::string xlsx_sheet_name(std::string_view title, std::size_t max_units) {
  const std::string text = one_line(title);
  std::string out;
  std::size_t units = 0;
  for (std::size_t pos = 0; pos < text.size();) {
    const Utf8Char c = decode_utf8(text, pos);
    const std::size_t width = c.code_point > 0xFFFF ? 2 : 1; // Excel counts UTF-16 units
    if (units + width > max_units) break;
    units += width;
    if (c.code_point < 0x80 && std::string_view("[]:*?/\\").find(static_cast<char>(c.code_point)) != std::string_view::npos)
      out += ' ';
    else if (c.code_point != 0xFFFE && c.code_point != 0xFFFF) // not characters in XML
      out.append(text, pos, c.length);
    pos += c.length;
  }
  return trimmed(std::move(out));
}

std::string XlsxSheetNames::unique(std::string_view title) {
  std::string base = xlsx_sheet_name(title);
  if (base.empty() || lower(base) == "history") base = fmt::format("{} {}", m_fallback, ++m_untitled);
  std::string name = base;
  for (int n = 2; m_taken.contains(lower(name)); ++n) {
    const std::string suffix = fmt::format(" ({})", n);
    name = xlsx_sheet_name(base, k_max_units - suffix.size()) + suffix;
  }
  m_taken.insert(lower(name));
  return name;
}

} // namespace yekuo::render::detail
