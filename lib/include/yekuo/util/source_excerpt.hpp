#pragma once
// Quoting the offending source line under a diagnostic, with a caret under the column
// (as ninja and gcc do):
//
//   orders/a.toml:7:10: error: unknown stage "negotate" in after (did you mean "negotiate"?) [unknown-stage]
//     hint: ...
//       7 | after = ["negotate"]
//         |          ^
#include <yekuo/util/diagnostic.hpp>

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace yekuo {

// A file's text with a line index built on first use, so quoting many lines of a large
// file stays linear.
class SourceText {
public:
  SourceText() = default;
  explicit SourceText(std::string text) : m_text(std::move(text)) {}

  [[nodiscard]] const std::string& text() const { return m_text; }
  // Line `line` (1-based) without its line break ("\n" or "\r\n"); empty when out of range.
  [[nodiscard]] std::string_view line(int line) const;
  // Lines in the text (an empty text has one empty line; a final line break adds none).
  [[nodiscard]] int line_count() const;

private:
  void index() const;
  std::string m_text;
  mutable std::vector<std::size_t> m_line_starts;
};

// Two lines "   7 | text\n     |    ^\n" for a 1-based line and column counted in code points
// (toml++'s convention). Wide (CJK) characters count two terminal columns, control characters
// and invalid UTF-8 are shown as U+FFFD, very long lines are cut around the column.
// Empty when the line is unknown (0) or out of range.
[[nodiscard]] std::string source_excerpt(std::string_view line_text, int line, int column);

// format_diagnostic(d) followed by the excerpt of d.loc in `source` (when it has that line).
[[nodiscard]] std::string format_diagnostic_with_source(const Diagnostic& d, const SourceText& source);

} // namespace yekuo
