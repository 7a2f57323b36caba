#pragma once
// The names of a workbook's sheets (private to lib/src/render). Excel refuses a workbook whose
// sheet names are longer than 31 characters, contain [ ] : * ? / \, start or end with an
// apostrophe, are "History", or repeat one another (case-insensitively).
#include <cstddef>
#include <set>
#include <string>
#include <string_view>

namespace yekuo::render::detail {

class XlsxSheetNames {
public:
  // `fallback` names an untitled sheet ("表" gives "表 1", "表 2", …).
  explicit XlsxSheetNames(std::string_view fallback) : m_fallback(fallback) {}
  // A valid name like `title`, different from every name given before; " (2)", " (3)" … tell
  // repeated titles apart.
  [[nodiscard]] std::string unique(std::string_view title);

private:
  std::string m_fallback;
  std::set<std::string> m_taken; // lower-cased
  std::size_t m_untitled = 0;
};

// `title` made valid (one line, forbidden characters replaced by spaces, cut to `max_units` UTF-16
// units at a character boundary); may be empty.
[[nodiscard]] std::string xlsx_sheet_name(std::string_view title, std::size_t max_units = 31);

} // namespace yekuo::render::detail
