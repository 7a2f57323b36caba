#include <yekuo/report/export_csv.hpp>

#include <yekuo/util/atomic_directory.hpp>
#include <yekuo/util/atomic_file.hpp>
#include <yekuo/util/csv_cell.hpp>
#include <yekuo/util/error.hpp>

#include <array>
#include <fmt/format.h>
#include <string>

namespace yekuo::report {

namespace {

namespace fs = std::filesystem;

// Never replace a folder the user keeps something else in (it would be deleted).
void check_destination(const fs::path& dir) {
  std::error_code ec;
  const auto status = fs::symlink_status(dir, ec);
  if (!fs::exists(status)) return; // the parent is checked by AtomicDirectoryWriter
  if (fs::is_symlink(status)) throw InputError(fmt::format("--out {}: is a symbolic link; give the folder itself", dir.string()));
  if (!fs::is_directory(status)) throw InputError(fmt::format("--out {}: exists and is not a folder", dir.string()));
  if (!fs::is_empty(dir, ec) && !fs::exists(dir / std::string(k_export_marker), ec))
    throw InputError(fmt::format("--out {}: the folder exists and was not written by yekuo export (no {} file); "
                                 "refusing to replace it. Give a new or empty folder",
                                 dir.string(), k_export_marker));
}

// One table's file, written as rows arrive.
class CsvTableFile {
public:
  CsvTableFile(const fs::path& path, const ExportTable& table) : m_file(path) {
    m_pending = "\xEF\xBB\xBF";
    for (const auto& column : table.columns) {
      if (&column != table.columns.data()) m_pending += ',';
      m_pending += csv_field(column.name);
    }
    m_pending += "\r\n";
  }

  void add(const ExportRow& row) {
    for (std::size_t i = 0; i < row.size(); ++i) {
      if (i > 0) m_pending += ',';
      m_pending += csv_field(export_text(row[i]));
    }
    m_pending += "\r\n";
    // Written in pieces of about 64 KiB: one system call per row would be slow.
    if (m_pending.size() > k_piece) {
      m_file.write(m_pending);
      m_pending.clear();
    }
  }

  void close() {
    m_file.write(m_pending);
    m_file.commit();
  }

private:
  static constexpr std::size_t k_piece = std::size_t{64} << 10;

  AtomicFileWriter m_file;
  std::string m_pending; // the rows not written yet
};

class CsvExport final : public ExportWriter {
public:
  CsvExport(const fs::path& dir, calendar::Date as_of) : m_dir((check_destination(dir), dir)), m_as_of(as_of) {
    for (std::size_t t = 0; t < k_export_table_count; ++t) {
      const ExportTable& table = export_tables()[t];
      m_files[t] = std::make_unique<CsvTableFile>(m_dir.file_path(std::string(table.name) + ".csv"), table);
    }
  }

  void add(const OrderRows& rows) override {
    file(TableId::orders).add(rows.order);
    for (const TableId id : {TableId::stages, TableId::delays, TableId::revisits})
      for (const auto& row : rows.rows(id)) file(id).add(row);
  }

  void commit() override {
    for (auto& f : m_files) f->close();
    write_file_atomically(m_dir.file_path(std::string(k_export_marker)),
                          fmt::format("Written by `yekuo export` as of {}; the folder is replaced as a whole.\n",
                                      m_as_of.iso()));
    m_dir.commit();
  }

private:
  CsvTableFile& file(TableId id) { return *m_files[static_cast<std::size_t>(id)]; }

  AtomicDirectoryWriter m_dir;
  calendar::Date m_as_of;
  std::array<std::unique_ptr<CsvTableFile>, k_export_table_count> m_files;
};

} // namespace

std::unique_ptr<ExportWriter> open_csv_export(const fs::path& dir, calendar::Date as_of) {
  return std::make_unique<CsvExport>(dir, as_of);
}

} // namespace yekuo::report
