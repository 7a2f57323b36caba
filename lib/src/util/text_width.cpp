#include <yekuo/util/text_width.hpp>

#include <algorithm>
#include <array>
#include <iterator>

namespace yekuo {

namespace {

struct Range {
  char32_t first;
  char32_t last;
};

// Zero-width: combining marks (general-category Mn/Me in common scripts), variation selectors,
// zero-width spaces/joiners, bidi and other format characters, Hangul medial/final jamo.
constexpr std::array k_zero_width{
    Range{0x0300, 0x036F}, Range{0x0483, 0x0489}, Range{0x0591, 0x05BD}, Range{0x05BF, 0x05BF},
    Range{0x05C1, 0x05C2}, Range{0x05C4, 0x05C5}, Range{0x05C7, 0x05C7}, Range{0x0610, 0x061A},
    Range{0x061C, 0x061C}, Range{0x064B, 0x065F}, Range{0x0670, 0x0670}, Range{0x06D6, 0x06DC},
    Range{0x06DF, 0x06E4}, Range{0x06E7, 0x06E8}, Range{0x06EA, 0x06ED}, Range{0x0E31, 0x0E31},
    Range{0x0E34, 0x0E3A}, Range{0x0E47, 0x0E4E}, Range{0x1160, 0x11FF}, Range{0x180B, 0x180F},
    Range{0x1AB0, 0x1AFF}, Range{0x1DC0, 0x1DFF}, Range{0x200B, 0x200F}, Range{0x2028, 0x202E},
    Range{0x2060, 0x206F}, Range{0x20D0, 0x20FF}, Range{0x302A, 0x302D}, Range{0x3099, 0x309A},
    Range{0xD7B0, 0xD7FF}, Range{0xFE00, 0xFE0F}, Range{0xFE20, 0xFE2F}, Range{0xFEFF, 0xFEFF},
    Range{0xFFF9, 0xFFFB}, Range{0x1F3FB, 0x1F3FF}, Range{0xE0000, 0xE0FFF},
};

// East Asian Width W or F (Unicode 15), including emoji with default emoji presentation.
// Sorted, non-overlapping; checked after the zero-width table.
constexpr std::array k_wide{
    Range{0x1100, 0x115F},   Range{0x231A, 0x231B},   Range{0x2329, 0x232A},   Range{0x23E9, 0x23EC},
    Range{0x23F0, 0x23F0},   Range{0x23F3, 0x23F3},   Range{0x25FD, 0x25FE},   Range{0x2614, 0x2615},
    Range{0x2648, 0x2653},   Range{0x267F, 0x267F},   Range{0x2693, 0x2693},   Range{0x26A1, 0x26A1},
    Range{0x26AA, 0x26AB},   Range{0x26BD, 0x26BE},   Range{0x26C4, 0x26C5},   Range{0x26CE, 0x26CE},
    Range{0x26D4, 0x26D4},   Range{0x26EA, 0x26EA},   Range{0x26F2, 0x26F3},   Range{0x26F5, 0x26F5},
    Range{0x26FA, 0x26FA},   Range{0x26FD, 0x26FD},   Range{0x2705, 0x2705},   Range{0x270A, 0x270B},
    Range{0x2728, 0x2728},   Range{0x274C, 0x274C},   Range{0x274E, 0x274E},   Range{0x2753, 0x2755},
    Range{0x2757, 0x2757},   Range{0x2795, 0x2797},   Range{0x27B0, 0x27B0},   Range{0x27BF, 0x27BF},
    Range{0x2B1B, 0x2B1C},   Range{0x2B50, 0x2B50},   Range{0x2B55, 0x2B55},   Range{0x2E80, 0x303E},
    Range{0x3041, 0x33FF},   Range{0x3400, 0x4DBF},   Range{0x4DC0, 0x4DFF},   Range{0x4E00, 0x9FFF},
    Range{0xA000, 0xA4CF},   Range{0xA960, 0xA97F},   Range{0xAC00, 0xD7A3},   Range{0xF900, 0xFAFF},
    Range{0xFE10, 0xFE19},   Range{0xFE30, 0xFE6F},   Range{0xFF00, 0xFF60},   Range{0xFFE0, 0xFFE6},
    Range{0x16FE0, 0x16FE4}, Range{0x17000, 0x18CFF}, Range{0x1B000, 0x1B2FF}, Range{0x1F004, 0x1F004},
    Range{0x1F0CF, 0x1F0CF}, Range{0x1F18E, 0x1F18E}, Range{0x1F191, 0x1F19A}, Range{0x1F200, 0x1F202},
    Range{0x1F210, 0x1F23B}, Range{0x1F240, 0x1F248}, Range{0x1F250, 0x1F251}, Range{0x1F260, 0x1F265},
    Range{0x1F300, 0x1F320}, Range{0x1F32D, 0x1F335}, Range{0x1F337, 0x1F37C}, Range{0x1F37E, 0x1F393},
    Range{0x1F3A0, 0x1F3CA}, Range{0x1F3CF, 0x1F3D3}, Range{0x1F3E0, 0x1F3F0}, Range{0x1F3F4, 0x1F3F4},
    Range{0x1F3F8, 0x1F3FA}, Range{0x1F400, 0x1F43E}, Range{0x1F440, 0x1F440}, Range{0x1F442, 0x1F4FC},
    Range{0x1F4FF, 0x1F53D}, Range{0x1F54B, 0x1F54E}, Range{0x1F550, 0x1F567}, Range{0x1F57A, 0x1F57A},
    Range{0x1F595, 0x1F596}, Range{0x1F5A4, 0x1F5A4}, Range{0x1F5FB, 0x1F64F}, Range{0x1F680, 0x1F6C5},
    Range{0x1F6CC, 0x1F6CC}, Range{0x1F6D0, 0x1F6D2}, Range{0x1F6D5, 0x1F6D7}, Range{0x1F6DC, 0x1F6DF},
    Range{0x1F6EB, 0x1F6EC}, Range{0x1F6F4, 0x1F6FC}, Range{0x1F7E0, 0x1F7EB}, Range{0x1F7F0, 0x1F7F0},
    Range{0x1F90C, 0x1F93A}, Range{0x1F93C, 0x1F945}, Range{0x1F947, 0x1F9FF}, Range{0x1FA70, 0x1FA7C},
    Range{0x1FA80, 0x1FA88}, Range{0x1FA90, 0x1FABD}, Range{0x1FABF, 0x1FAC5}, Range{0x1FACE, 0x1FADB},
    Range{0x1FAE0, 0x1FAE8}, Range{0x1FAF0, 0x1FAF8}, Range{0x20000, 0x2FFFD}, Range{0x30000, 0x3FFFD},
};

template <std::size_t N> constexpr bool sorted_disjoint(const std::array<Range, N>& table) {
  for (std::size_t i = 0; i < N; ++i) {
    if (table[i].first > table[i].last) return false;
    if (i > 0 && table[i - 1].last >= table[i].first) return false;
  }
  return true;
}
static_assert(sorted_disjoint(k_zero_width));
static_assert(sorted_disjoint(k_wide));

template <std::size_t N> bool in_table(const std::array<Range, N>& table, char32_t cp) {
  // First range whose last >= cp; binary search keeps this O(log n) per character.
  const auto it = std::lower_bound(table.begin(), table.end(), cp,
                                   [](const Range& r, char32_t c) { return r.last < c; });
  return it != table.end() && it->first <= cp;
}

constexpr char32_t k_replacement = 0xFFFD;

bool is_continuation(unsigned char b) { return (b & 0xC0U) == 0x80U; }

} // namespace

Utf8Char decode_utf8(std::string_view text, std::size_t pos) {
  if (pos >= text.size()) return {k_replacement, 0, false};
  const auto b0 = static_cast<unsigned char>(text[pos]);
  if (b0 < 0x80U) return {char32_t{b0}, 1, true};
  const Utf8Char bad{k_replacement, 1, false};

  std::size_t len = 0;
  char32_t cp = 0;
  char32_t min = 0;
  if ((b0 & 0xE0U) == 0xC0U) {
    len = 2;
    cp = b0 & 0x1FU;
    min = 0x80;
  } else if ((b0 & 0xF0U) == 0xE0U) {
    len = 3;
    cp = b0 & 0x0FU;
    min = 0x800;
  } else if ((b0 & 0xF8U) == 0xF0U) {
    len = 4;
    cp = b0 & 0x07U;
    min = 0x10000;
  } else {
    return bad; // stray continuation byte or 0xF8..0xFF
  }
  if (text.size() - pos < len) return bad;
  for (std::size_t i = 1; i < len; ++i) {
    const auto b = static_cast<unsigned char>(text[pos + i]);
    if (!is_continuation(b)) return bad;
    cp = (cp << 6U) | (b & 0x3FU);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return bad;
  return {cp, len, true};
}

int code_point_width(char32_t cp) {
  if (cp < 0x20 || (cp >= 0x7F && cp < 0xA0)) return 0; // C0/C1 control characters, DEL
  if (cp < 0x300) return 1;                              // fast path: Latin
  if (in_table(k_zero_width, cp)) return 0;
  if (in_table(k_wide, cp)) return 2;
  return 1;
}

std::size_t text_width(std::string_view text) {
  std::size_t width = 0;
  std::size_t pos = 0;
  while (pos < text.size()) {
    const Utf8Char c = decode_utf8(text, pos);
    width += static_cast<std::size_t>(code_point_width(c.code_point));
    pos += c.length;
  }
  return width;
}

bool is_valid_utf8(std::string_view text) {
  std::size_t pos = 0;
  while (pos < text.size()) {
    const Utf8Char c = decode_utf8(text, pos);
    if (!c.valid) return false;
    pos += c.length;
  }
  return true;
}

void append_utf8(std::string& out, char32_t cp) {
  if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = k_replacement;
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0U | (cp >> 6U)));
    out.push_back(static_cast<char>(0x80U | (cp & 0x3FU)));
  } else if (cp < 0x10000) {
    out.push_back(static_cast<char>(0xE0U | (cp >> 12U)));
    out.push_back(static_cast<char>(0x80U | ((cp >> 6U) & 0x3FU)));
    out.push_back(static_cast<char>(0x80U | (cp & 0x3FU)));
  } else {
    out.push_back(static_cast<char>(0xF0U | (cp >> 18U)));
    out.push_back(static_cast<char>(0x80U | ((cp >> 12U) & 0x3FU)));
    out.push_back(static_cast<char>(0x80U | ((cp >> 6U) & 0x3FU)));
    out.push_back(static_cast<char>(0x80U | (cp & 0x3FU)));
  }
}

std::size_t first_invalid_utf8(std::string_view text) {
  std::size_t pos = 0;
  while (pos < text.size()) {
    if (static_cast<unsigned char>(text[pos]) < 0x80U) { // ASCII, most of a project file
      ++pos;
      continue;
    }
    const Utf8Char c = decode_utf8(text, pos);
    if (!c.valid) return pos;
    pos += c.length;
  }
  return text.size();
}

LineColumn line_column_at(std::string_view text, std::size_t offset) {
  LineColumn at;
  const std::size_t end = offset < text.size() ? offset : text.size();
  for (std::size_t k = 0; k < end; ++k) {
    const auto b = static_cast<unsigned char>(text[k]);
    if (b == '\n') {
      ++at.line;
      at.column = 1;
    } else if (!is_continuation(b)) {
      ++at.column;
    }
  }
  return at;
}

std::string sanitize_utf8(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  std::size_t pos = 0;
  while (pos < text.size()) {
    const Utf8Char c = decode_utf8(text, pos);
    if (c.valid) {
      out.append(text.substr(pos, c.length));
    } else {
      append_utf8(out, k_replacement);
    }
    pos += c.length;
  }
  return out;
}

std::string pad_to_width(std::string_view text, std::size_t width, TextAlign align) {
  std::string clean = sanitize_utf8(text);
  const std::size_t have = text_width(clean);
  if (have >= width) return clean;
  const std::size_t missing = width - have;
  std::size_t before = 0;
  switch (align) {
  case TextAlign::left: before = 0; break;
  case TextAlign::right: before = missing; break;
  case TextAlign::center: before = missing / 2; break;
  }
  std::string out(before, ' ');
  out += clean;
  out.append(missing - before, ' ');
  return out;
}

std::string truncate_to_width(std::string_view text, std::size_t width, std::string_view ellipsis) {
  std::string clean = sanitize_utf8(text);
  if (text_width(clean) <= width) return clean;
  const std::string ell = sanitize_utf8(ellipsis);
  const std::size_t ell_width = text_width(ell);
  if (ell_width > width) return std::string(width, '.'); // no room for the ellipsis itself
  const std::size_t budget = width - ell_width;
  std::size_t used = 0;
  std::size_t pos = 0;
  while (pos < clean.size()) {
    const Utf8Char c = decode_utf8(clean, pos);
    const auto w = static_cast<std::size_t>(code_point_width(c.code_point));
    if (used + w > budget) break;
    used += w;
    pos += c.length;
  }
  // Keep combining marks that belong to the last kept character.
  while (pos < clean.size()) {
    const Utf8Char c = decode_utf8(clean, pos);
    if (code_point_width(c.code_point) != 0) break;
    pos += c.length;
  }
  return clean.substr(0, pos) + ell;
}

} // namespace yekuo
