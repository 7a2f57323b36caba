#pragma once
// A libxlsxwriter workbook written to a temporary file and read back as bytes (private to
// lib/src/render): libxlsxwriter 1.1 writes only to a path, and the renderers return text, so
// write_report and the atomic --out stay as they are. The workbook is in constant_memory mode:
// each row goes to a temporary file as soon as the next row of its sheet starts, so memory stays
// flat for a province's report; rows must therefore be written in order within each sheet.
#include "xlsx_value.hpp"

#include <yekuo/report/document.hpp>
#include <yekuo/report/lang.hpp>

#include <compare>
#include <map>
#include <string>
#include <string_view>
#include <xlsxwriter.h>

namespace yekuo::render::detail {

// What a cell is on the sheet, besides its Style.
enum class XlsxRole {
  text,        // a paragraph, a bullet item: no border
  cell,        // a table cell or a key/value value: thin border
  header,      // a table's column header
  label,       // a key/value label, a signature label
  title,       // the document title
  subtitle,
  block_title, // a table's or a list's title
  warning,     // a warning of the head
  sign_here,   // the blank to sign on: a bottom border
};

struct XlsxFormatKey {
  XlsxRole role = XlsxRole::text;
  report::Style style = report::Style::normal;
  XlsxValue::Kind kind = XlsxValue::Kind::text;
  report::Align align = report::Align::left;
  bool wrap = false;
  auto operator<=>(const XlsxFormatKey&) const = default;
};

class XlsxWorkbook {
public:
  // The workbook file and libxlsxwriter's row files go in `temp_dir` ("" = $TMPDIR, else /tmp).
  // Throws InputError when no file can be made there.
  XlsxWorkbook(const std::string& temp_dir, report::Lang lang);
  XlsxWorkbook(const XlsxWorkbook&) = delete;
  XlsxWorkbook& operator=(const XlsxWorkbook&) = delete;
  ~XlsxWorkbook(); // an unfinished workbook is dropped; the temporary file is always removed

  // Sheets appear in the order they are added. `name` must be valid (XlsxSheetNames).
  // InputError past k_max_xlsx_sheets (250): in constant-memory mode every sheet holds an open
  // temporary file and its buffers, so a report with a sheet per order of a large portfolio would
  // run out of file handles (evaluate has a sheet per department instead).
  [[nodiscard]] lxw_worksheet* add_sheet(const std::string& name);
  // One format per key, made on first use and owned by the workbook.
  [[nodiscard]] lxw_format* format(const XlsxFormatKey& key);
  // Writes the file and returns its bytes; nothing may be added afterwards.
  [[nodiscard]] std::string close();

private:
  void make_temp_file(const std::string& temp_dir);

  report::Lang m_lang;
  std::string m_dir;               // where the temporary files go
  std::string m_path;              // the workbook's temporary file
  std::size_t m_sheets = 0;
  lxw_workbook* m_book = nullptr;  // null once closed
  std::map<XlsxFormatKey, lxw_format*> m_formats;
};

// Throws InternalError naming `what` when a libxlsxwriter call failed.
void xlsx_check(lxw_error error, std::string_view what);

} // namespace yekuo::render::detail
