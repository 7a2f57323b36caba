#pragma once
// `yekuo export --format csv`: a folder with one file per table (orders.csv, stages.csv,
// delays.csv, revisits.csv) for Excel: UTF-8 with a byte-order mark, CRLF record ends, every cell
// escaped and neutralized as by the CSV renderer (util/csv_cell.hpp). The folder is written beside
// the destination and swapped in as a whole (util/atomic_directory.hpp).
#include <yekuo/calendar/date.hpp>
#include <yekuo/report/export_writer.hpp>

#include <filesystem>
#include <memory>
#include <string_view>

namespace yekuo::report {

// The file that marks a folder written by `yekuo export`: only such a folder (or an empty one) is
// ever replaced, because replacing deletes everything in it.
inline constexpr std::string_view k_export_marker = ".yekuo-export";

// Checks `dir` first: InputError when it exists and is not a directory, or is a non-empty
// directory without the marker, or when its parent does not exist.
[[nodiscard]] std::unique_ptr<ExportWriter> open_csv_export(const std::filesystem::path& dir, calendar::Date as_of);

} // namespace yekuo::report
