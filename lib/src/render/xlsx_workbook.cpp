#include "xlsx_workbook.hpp"

#include <yekuo/util/error.hpp>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fmt/format.h>
#include <fstream>
#include <iterator>
#include <unistd.h>

namespace yekuo::render::detail {

namespace {

// The colours of the HTML stylesheet (html.cpp: --muted, --ok, --warn, --bad, --cust, --head,
// --line and the s-due_soon / s-overdue / warnings backgrounds), so that a printed sheet reads
// like the printed page.
constexpr lxw_color_t k_muted = 0x656D76;
constexpr lxw_color_t k_ok = 0x1A7F37;
constexpr lxw_color_t k_warn = 0x9A6700;
constexpr lxw_color_t k_bad = 0xCF222E;
constexpr lxw_color_t k_customer = 0x0969DA;
constexpr lxw_color_t k_head = 0xF3F4F6;
constexpr lxw_color_t k_line = 0xD0D7DE;
constexpr lxw_color_t k_due_soon_fill = 0xFFF8C5;
constexpr lxw_color_t k_overdue_fill = 0xFFEBE9;

void apply_style(lxw_format* f, report::Style style) {
  using report::Style;
  switch (style) {
  case Style::normal: break;
  case Style::muted: format_set_font_color(f, k_muted); break;
  case Style::strong: format_set_bold(f); break;
  case Style::ok: format_set_font_color(f, k_ok); break;
  case Style::warning: format_set_font_color(f, k_warn); break;
  case Style::due_soon:
    format_set_font_color(f, k_warn);
    format_set_bg_color(f, k_due_soon_fill);
    break;
  case Style::overdue:
    format_set_font_color(f, k_bad);
    format_set_bg_color(f, k_overdue_fill);
    format_set_bold(f);
    break;
  case Style::critical:
    format_set_font_color(f, k_bad);
    format_set_bold(f);
    break;
  case Style::customer: format_set_font_color(f, k_customer); break;
  }
}

void apply_role(lxw_format* f, XlsxRole role) {
  switch (role) {
  case XlsxRole::text: break;
  case XlsxRole::cell:
    format_set_border(f, LXW_BORDER_THIN);
    format_set_border_color(f, k_line);
    break;
  case XlsxRole::header:
    format_set_bold(f);
    format_set_bg_color(f, k_head);
    format_set_border(f, LXW_BORDER_THIN);
    format_set_border_color(f, k_line);
    break;
  case XlsxRole::label: format_set_bold(f); break;
  case XlsxRole::title:
    format_set_bold(f);
    format_set_font_size(f, 16);
    break;
  case XlsxRole::subtitle: format_set_font_color(f, k_muted); break;
  case XlsxRole::block_title:
    format_set_bold(f);
    format_set_font_size(f, 12);
    break;
  case XlsxRole::warning:
    format_set_font_color(f, k_warn);
    format_set_bg_color(f, k_due_soon_fill);
    format_set_bold(f);
    break;
  case XlsxRole::sign_here: format_set_bottom(f, LXW_BORDER_THIN); break;
  }
}

// Dates show as they read in the other formats; with the weekday when the text had it.
const char* number_format(XlsxValue::Kind kind, report::Lang lang) {
  switch (kind) {
  case XlsxValue::Kind::date: return "yyyy-mm-dd";
  case XlsxValue::Kind::date_weekday: return lang == report::Lang::zh ? "yyyy-mm-dd \"周\"aaa" : "yyyy-mm-dd ddd";
  case XlsxValue::Kind::text:
  case XlsxValue::Kind::number: break;
  }
  return nullptr;
}

uint8_t alignment(report::Align align) {
  switch (align) {
  case report::Align::left: return LXW_ALIGN_LEFT;
  case report::Align::right: return LXW_ALIGN_RIGHT;
  case report::Align::center: return LXW_ALIGN_CENTER;
  }
  return LXW_ALIGN_LEFT;
}

} // namespace

void xlsx_check(lxw_error error, std::string_view what) {
  if (error != LXW_NO_ERROR) throw InternalError(fmt::format("xlsx: {}: {}", what, lxw_strerror(error)));
}

XlsxWorkbook::XlsxWorkbook(const std::string& temp_dir, report::Lang lang) : m_lang(lang) {
  make_temp_file(temp_dir);
  lxw_workbook_options options{};
  options.constant_memory = LXW_TRUE;
  options.tmpdir = m_dir.data();
  m_book = workbook_new_opt(m_path.c_str(), &options);
  if (m_book == nullptr) throw InternalError("xlsx: cannot create a workbook");
}

XlsxWorkbook::~XlsxWorkbook() {
  if (m_book != nullptr) lxw_workbook_free(m_book);
  if (!m_path.empty()) ::unlink(m_path.c_str());
}

void XlsxWorkbook::make_temp_file(const std::string& temp_dir) {
  m_dir = temp_dir;
  if (m_dir.empty()) {
    const char* env = std::getenv("TMPDIR");
    m_dir = env != nullptr && *env != '\0' ? env : "/tmp";
  }
  std::string path = m_dir + "/.yekuo-xlsx-XXXXXX";
  const int fd = ::mkstemp(path.data());
  if (fd < 0) throw InputError(fmt::format("cannot write a temporary file in {}: {}", m_dir, std::strerror(errno)));
  ::close(fd); // libxlsxwriter opens it again by its name when it writes the workbook
  m_path = std::move(path);
}

namespace {

// Well under the usual limit of 1,024 open files (each sheet keeps one open until the end).
constexpr std::size_t k_max_xlsx_sheets = 250;

} // namespace

lxw_worksheet* XlsxWorkbook::add_sheet(const std::string& name) {
  if (++m_sheets > k_max_xlsx_sheets)
    throw InputError(fmt::format("--format xlsx: this report needs more than {} sheets (a sheet per table), more "
                                 "than one workbook holds; use `yekuo export --format xlsx` (a sheet per kind of "
                                 "row, for any portfolio) or another format",
                                 k_max_xlsx_sheets));
  lxw_worksheet* sheet = workbook_add_worksheet(m_book, name.c_str());
  if (sheet == nullptr)
    throw InputError(fmt::format("--format xlsx: cannot add the sheet '{}' (out of memory or of open files?)", name));
  return sheet;
}

lxw_format* XlsxWorkbook::format(const XlsxFormatKey& key) {
  if (const auto it = m_formats.find(key); it != m_formats.end()) return it->second;
  lxw_format* f = workbook_add_format(m_book);
  apply_role(f, key.role);
  apply_style(f, key.style);
  if (const char* nf = number_format(key.kind, m_lang)) format_set_num_format(f, nf);
  format_set_align(f, alignment(key.align));
  format_set_align(f, LXW_ALIGN_VERTICAL_TOP); // a multi-line neighbour makes the row tall
  if (key.wrap) format_set_text_wrap(f);
  m_formats.emplace(key, f);
  return f;
}

std::string XlsxWorkbook::close() {
  lxw_workbook* book = m_book;
  m_book = nullptr; // workbook_close frees it, whatever it returns
  xlsx_check(workbook_close(book), "cannot write the workbook");
  std::ifstream in(m_path, std::ios::binary);
  std::string bytes{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  if (!in.good() && !in.eof()) throw InternalError(fmt::format("xlsx: cannot read back {}", m_path));
  return bytes;
}

} // namespace yekuo::render::detail
