#pragma once
// The file name of an order written from its id (`yekuo import`, docs/import.md).
//
// The stem keeps ASCII letters and digits, '-', '_', Chinese characters and full-width
// punctuation (U+3001-U+303F, U+3400-U+9FFF, U+F900-U+FAFF, U+FF01-U+FF5E); any other character
// ('/', '\\', '.', spaces, control characters …) becomes '-', runs of '-' are collapsed and
// trimmed, and the stem is cut to 80 bytes. When that changed the id, 8 hex digits of a hash of
// the id are appended ("WX/2010/1" -> "WX-2010-1-1a2b3c4d"), so different ids get different
// names. So a name has no path separator, no "..", no leading dot, is never empty, and never
// ends in ".baseline.toml".
#include <string>
#include <string_view>

namespace yekuo::io {

// "<stem>.toml". `id` must be valid UTF-8.
[[nodiscard]] std::string order_file_name(std::string_view id);

} // namespace yekuo::io
