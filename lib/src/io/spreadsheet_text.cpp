#include <yekuo/io/spreadsheet_text.hpp>

#include <yekuo/io/toml_loader.hpp>

#include <cerrno>
#include <fmt/format.h>
#include <iconv.h>

namespace yekuo::io {

namespace {

constexpr std::string_view k_encoding = "ledger-encoding";
constexpr std::string_view k_save_as_utf8 =
    "in Excel: File > Save As > \"CSV UTF-8 (逗号分隔)(*.csv)\"; or convert it: iconv -f GB18030 -t UTF-8";

bool starts_with(std::string_view bytes, std::string_view prefix) { return bytes.substr(0, prefix.size()) == prefix; }

} // namespace

std::optional<std::string> gb18030_to_utf8(std::string_view bytes) {
  const iconv_t cd = ::iconv_open("UTF-8", "GB18030");
  if (cd == reinterpret_cast<iconv_t>(-1)) return std::nullopt;
  std::string out(bytes.size() * 2 + 16, '\0'); // a GB18030 character never needs more than twice its bytes
  // iconv's interface is not const-correct; it only reads the input.
  char* in = const_cast<char*>(bytes.data());
  std::size_t in_left = bytes.size();
  char* dst = out.data();
  std::size_t out_left = out.size();
  bool ok = true;
  while (in_left > 0 && ok) {
    if (::iconv(cd, &in, &in_left, &dst, &out_left) != static_cast<std::size_t>(-1)) continue;
    if (errno == E2BIG) {
      const std::size_t used = out.size() - out_left;
      out.resize(out.size() * 2);
      dst = out.data() + used;
      out_left = out.size() - used;
    } else {
      ok = false; // EILSEQ: not GB18030; EINVAL: a truncated last character
    }
  }
  ::iconv_close(cd);
  if (!ok) return std::nullopt;
  out.resize(out.size() - out_left);
  return out;
}

std::optional<DecodedText> decode_spreadsheet_text(std::string_view bytes, const std::string& path,
                                                   Diagnostics& diags) {
  const SourceLoc at{path, 0, 0};
  if (starts_with(bytes, "PK\x03\x04") || starts_with(bytes, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1")) {
    diags.error("ledger-workbook", at, "this is an Excel workbook (.xlsx or .xls), not a CSV file",
                "in Excel: File > Save As > \"CSV UTF-8 (逗号分隔)(*.csv)\"; or convert it: xlsx2csv LEDGER.xlsx "
                "LEDGER.csv (Debian package xlsx2csv)");
    return std::nullopt;
  }
  if (starts_with(bytes, "\xFF\xFE") || starts_with(bytes, "\xFE\xFF") || bytes.find('\0') != std::string_view::npos) {
    diags.error(std::string(k_encoding), at, "the file is UTF-16 text (Excel's \"Unicode text\") or binary data",
                std::string(k_save_as_utf8));
    return std::nullopt;
  }
  DecodedText out;
  if (starts_with(bytes, "\xEF\xBB\xBF")) {
    bytes.remove_prefix(3);
    out.encoding = TextEncoding::utf8_bom;
  }
  const auto invalid = find_invalid_utf8(bytes);
  if (!invalid) {
    out.text = std::string(bytes);
    return out;
  }
  // A BOM says UTF-8: a bad byte after it is damage, not another encoding.
  if (out.encoding == TextEncoding::utf8) {
    if (auto decoded = gb18030_to_utf8(bytes)) {
      diags.note(std::string(k_encoding), at,
                 "the file is not UTF-8; read as GB18030 (GBK), the encoding of Excel's \"CSV\" on Chinese Windows");
      out.text = std::move(*decoded);
      out.encoding = TextEncoding::gb18030;
      return out;
    }
  }
  diags.error(std::string(k_encoding), {path, invalid->line, invalid->column},
              out.encoding == TextEncoding::utf8_bom ? "the file starts as UTF-8 but is not valid UTF-8 here"
                                                     : "the file is neither UTF-8 nor GB18030 (GBK) text",
              std::string(k_save_as_utf8));
  return std::nullopt;
}

} // namespace yekuo::io
