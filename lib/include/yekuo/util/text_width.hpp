#pragma once
// Display width of UTF-8 text in terminal cells: East Asian Wide/Fullwidth characters (CJK
// ideographs and punctuation, fullwidth forms, Hangul, most emoji) take 2 cells, combining marks,
// zero-width characters and control characters 0, everything else 1. This is the only width
// function in the code base: every column alignment goes through it.
//
// Invalid UTF-8 never crashes and is never read past the end: each byte that does not start a
// complete, shortest-form sequence counts as one U+FFFD REPLACEMENT CHARACTER (width 1).
#include <yekuo/util/text_align.hpp>

#include <cstddef>
#include <string>
#include <string_view>

namespace yekuo {

struct Utf8Char {
  char32_t code_point = 0; // U+FFFD for an invalid byte
  std::size_t length = 0;  // bytes consumed, >= 1 unless at the end of the text
  bool valid = false;      // false: one invalid byte was consumed
};

// Decodes the character starting at byte `pos` (pos < text.size()). Rejects overlong forms,
// surrogates and code points above U+10FFFF; an invalid sequence consumes exactly one byte.
[[nodiscard]] Utf8Char decode_utf8(std::string_view text, std::size_t pos);

// Cells one code point takes (0, 1 or 2). Ambiguous-width characters (…, ─, ①) count as 1.
[[nodiscard]] int code_point_width(char32_t cp);

// Sum of code_point_width over the text.
[[nodiscard]] std::size_t text_width(std::string_view text);

[[nodiscard]] bool is_valid_utf8(std::string_view text);

// Replaces every invalid byte with U+FFFD (EF BF BD); valid text comes back unchanged.
[[nodiscard]] std::string sanitize_utf8(std::string_view text);

// Byte offset of the first invalid UTF-8 sequence, or text.size() when the text is valid.
[[nodiscard]] std::size_t first_invalid_utf8(std::string_view text);

// 1-based line and column of byte `offset`, the column counted in code points (toml++'s
// convention: continuation bytes add nothing). Scans from the start: for reporting one position.
struct LineColumn {
  int line = 1;
  int column = 1;
};
[[nodiscard]] LineColumn line_column_at(std::string_view text, std::size_t offset);

// Pads with spaces to `width` cells (left: text then spaces; right: spaces then text; center:
// extra space on the right). Text already as wide or wider comes back unchanged (sanitized).
[[nodiscard]] std::string pad_to_width(std::string_view text, std::size_t width, TextAlign align = TextAlign::left);

// Cuts the text so that it fits in `width` cells, ending with `ellipsis` when something was cut.
// Never splits a character; a wide character that would straddle the limit is dropped.
[[nodiscard]] std::string truncate_to_width(std::string_view text, std::size_t width, std::string_view ellipsis = "…");

// Appends the UTF-8 encoding of a valid code point to out.
void append_utf8(std::string& out, char32_t cp);

} // namespace yekuo
