#include <yekuo/report/export_csv.hpp>

#include <yekuo/util/atomic_directory.hpp>
#include <yekuo/util/csv_cell.hpp>
#include <yekuo/util/error.hpp>

#include <array>
#include <cstdio>
#include <fmt/format.h>
#include <string>
#include <unistd.h>

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
  CsvTableFile(const fs::path& path, const ExportTable& table) : m_path(path) {
    m_file = std::fopen(path.c_str(), "wb");
    if (m_file == nullptr) throw InternalError(fmt::format("cannot create {}", path.string()));
    std::string header = "\xEF\xBB\xBF";
    for (const auto& column : table.columns) {
      if (&column != table.columns.data()) header += ',';
      header += csv_field(column.name);
    }
    put(header + "\r\n");
  }
  CsvTableFile(const CsvTableFile&) = delete;
  CsvTableFile& operator=(const CsvTableFile&) = delete;
  ~CsvTableFile() {
    if (m_file != nullptr) std::fclose(m_file);
  }

  void add(const ExportRow& row) {
    m_line.clear();
    for (std::size_t i = 0; i < row.size(); ++i) {
      if (i > 0) m_line += ',';
      m_line += csv_field(export_text(row[i]));
    }
    m_line += "\r\n";
    put(m_line);
  }

  // Flushed and synced: the directory swap must not expose a file still in the page cache only.
  void close() {
    const bool ok = std::fflush(m_file) == 0 && ::fsync(fileno(m_file)) == 0;
    const bool closed = std::fclose(m_file) == 0;
    m_file = nullptr;
    if (!ok || !closed) throw InternalError(fmt::format("cannot write {}", m_path.string()));
  }

private:
  void put(const std::string& text) {
    if (std::fwrite(text.data(), 1, text.size(), m_file) != text.size())
      throw InternalError(fmt::format("cannot write {}", m_path.string()));
  }

  fs::path m_path;
  std::FILE* m_file = nullptr;
  std::string m_line; // reused for every row
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
    FILE* marker = std::fopen(m_dir.file_path(std::string(k_export_marker)).c_str(), "wb");
    if (marker == nullptr) throw InternalError("cannot write the export's marker file");
    fmt::print(marker, "Written by `yekuo export` as of {}; the folder is replaced as a whole.\n", m_as_of.iso());
    if (std::fclose(marker) != 0) throw InternalError("cannot write the export's marker file");
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
