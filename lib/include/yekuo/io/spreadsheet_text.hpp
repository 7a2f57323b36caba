#pragma once
// The text of a file a spreadsheet program saved as CSV, as UTF-8 (docs/import.md).
//
// Excel writes "CSV UTF-8" with a byte-order mark, and plain "CSV" in the ANSI code page of the
// machine: GBK on Chinese Windows. Both are accepted: a BOM is dropped, text that is not valid
// UTF-8 is decoded as GB18030 (a superset of GBK and GB2312) with glibc's iconv. Workbooks
// (.xlsx, .xls) and UTF-16 text ("Unicode text") are refused with what to do instead.
#include <yekuo/util/diagnostic.hpp>

#include <optional>
#include <string>
#include <string_view>

namespace yekuo::io {

enum class TextEncoding { utf8, utf8_bom, gb18030 };

struct DecodedText {
  std::string text; // UTF-8, without a BOM
  TextEncoding encoding = TextEncoding::utf8;
};

// Diagnostics (at `path`, no line): ledger-encoding (a note when the text was read as GB18030;
// an error for UTF-16/32 or bytes that are neither UTF-8 nor GB18030), ledger-workbook (an error
// for an .xlsx or .xls file). nullopt on an error.
[[nodiscard]] std::optional<DecodedText> decode_spreadsheet_text(std::string_view bytes, const std::string& path,
                                                                 Diagnostics& diags);

// GB18030 bytes as UTF-8; nullopt when they are not valid GB18030 (or iconv cannot convert).
[[nodiscard]] std::optional<std::string> gb18030_to_utf8(std::string_view bytes);

} // namespace yekuo::io
