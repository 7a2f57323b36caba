#pragma once
// `yekuo export --format xlsx`: one workbook with a sheet per table of report/export_tables.hpp
// (orders, stages, delays, revisits) for filtering and pivoting in Excel: typed cells (numbers as
// numbers, dates as dates, booleans as TRUE/FALSE, empty for none), a bold frozen header row with an
// autofilter. Rows are written as the orders arrive (libxlsxwriter's constant-memory mode), into
// a temporary file beside the destination that replaces it when complete.
#include <yekuo/calendar/date.hpp>
#include <yekuo/report/export_writer.hpp>

#include <filesystem>
#include <memory>

namespace yekuo::report {

// Checks `file` first: InputError when its directory does not exist, or when it exists and is not
// a regular file (a directory or a symbolic link is never replaced). A workbook has at most
// 1,048,576 rows a sheet: a larger table is an InputError (export csv or sqlite instead).
[[nodiscard]] std::unique_ptr<ExportWriter> open_xlsx_export(const std::filesystem::path& file, calendar::Date as_of);

} // namespace yekuo::report
