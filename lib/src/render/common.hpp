#pragma once
// Helpers shared by the Document renderers (private to lib/src/render). Include it first.

// g++ 12 reports a false -Wrestrict inside libstdc++ for `"literal" + std::string` once inlined
// (GCC bug 105329, fixed in g++ 13). The renderers build text that way on purpose, so the
// warning is silenced for them only; this must come before <string> is first included.
#if defined(__GNUC__) && !defined(__clang__) && __GNUC__ == 12
#pragma GCC diagnostic ignored "-Wrestrict"
#endif
#include <yekuo/report/document.hpp>
#include <yekuo/report/lang.hpp>
#include <yekuo/util/csv_cell.hpp>
#include <yekuo/util/text_width.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace yekuo::render::detail {

// Valid UTF-8 (bad bytes -> U+FFFD), line breaks normalized to \n, tab -> space, every other
// control character (ESC, NUL, DEL, C1) removed so user text cannot inject terminal escapes.
[[nodiscard]] std::string clean_text(std::string_view text);
// clean_text with line breaks turned into spaces (titles, labels).
[[nodiscard]] std::string one_line(std::string_view text);
// Splits on \n; an empty text is one empty line.
[[nodiscard]] std::vector<std::string> split_lines(std::string_view text);

// "normal", "muted", "strong", "ok", "warning", "due_soon", "overdue", "critical", "customer".
[[nodiscard]] std::string_view style_name(report::Style style);
[[nodiscard]] TextAlign text_align(report::Align align);

// Number of columns to lay out: the header count, or more if a row is longer (never drop data).
[[nodiscard]] std::size_t column_count(const report::Table& table);
// The cell at (row, col), or an empty cell.
[[nodiscard]] const report::Cell& cell_at(const std::vector<report::Cell>& row, std::size_t col);
[[nodiscard]] std::string header_at(const report::Table& table, std::size_t col);
[[nodiscard]] report::Align align_at(const report::Table& table, std::size_t col);

// Whether a Cell/NavLink href may become a link: a relative reference within the output (no
// scheme such as javascript: or https:, no leading '/', no backslash (browsers read it as '/'), no
// blank or control character, which browsers strip).
[[nodiscard]] bool linkable(std::string_view href);

// Fixed labels of the renderers themselves (the report builders translate their own text).
struct Labels {
  std::string_view warning;    // "警告" / "Warning"
  std::string_view colon;      // "：" / ": "
  std::string_view item;       // key/value header "项目" / "Item"
  std::string_view value;      // "内容" / "Value"
  std::string_view gantt_note; // text renderers skip the Gantt picture
  std::string_view critical;
  std::string_view customer;
  std::string_view planned;
  std::string_view baseline;
  std::string_view actual;
  std::string_view excluded;
  std::string_view non_working;
  std::string_view gantt;      // "甘特图" / "Gantt chart"
  std::string_view actual_over; // an actual bar over its limit
  std::string_view summary;     // xlsx: the sheet of a head that comes after the blocks
  std::string_view sheet;       // xlsx: an untitled sheet ("表 2")
};
[[nodiscard]] const Labels& labels(report::Lang lang);

// "label：" with one trailing colon whatever the label already ends with.
[[nodiscard]] std::string with_colon(std::string_view label, report::Lang lang);

} // namespace yekuo::render::detail

namespace yekuo::render::detail {
// CSV cells (csv.cpp), shared with `yekuo export`.
using ::yekuo::csv_field;
using ::yekuo::csv_needs_neutralizing;
} // namespace yekuo::render::detail
