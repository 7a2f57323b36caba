#pragma once
// `yekuo export --format sqlite`: one SQLite database with the tables of report/export_tables.hpp
// (columns typed: INTEGER, REAL, TEXT for ISO dates, booleans INTEGER 0/1; primary keys), and a
// `meta` table (format = yekuo-export, version, as_of) that marks it as an export. Rows are inserted
// in one transaction into a temporary file beside the destination, renamed over it when complete.
#include <yekuo/calendar/date.hpp>
#include <yekuo/report/export_writer.hpp>

#include <filesystem>
#include <memory>
#include <string_view>

namespace yekuo::report {

inline constexpr std::string_view k_export_format = "yekuo-export"; // meta.format
inline constexpr int k_export_version = 1;                          // meta.version

// Checks `file` first: InputError when its directory does not exist, or when it exists and is not
// a yekuo export database (a symbolic link, a directory, another file or another database: it
// would be replaced).
[[nodiscard]] std::unique_ptr<ExportWriter> open_sqlite_export(const std::filesystem::path& file,
                                                               calendar::Date as_of);

} // namespace yekuo::report
