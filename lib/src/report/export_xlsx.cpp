#include <yekuo/report/export_xlsx.hpp>

#include <yekuo/util/atomic_file.hpp>
#include <yekuo/util/error.hpp>

#include <array>
#include <fmt/format.h>
#include <string>
#include <xlsxwriter.h>

namespace yekuo::report {

namespace {

namespace fs = std::filesystem;

constexpr lxw_row_t k_max_rows = 1048576; // Excel's limit, header included

void check_destination(const fs::path& file) {
  if (!file.has_filename()) throw InputError(fmt::format("--out {}: give the workbook's file name", file.string()));
  std::error_code ec;
  const fs::path dir = file.has_parent_path() ? file.parent_path() : fs::path(".");
  if (!fs::is_directory(dir, ec))
    throw InputError(fmt::format("--out {}: the directory {} does not exist", file.string(), dir.string()));
  const auto status = fs::symlink_status(file, ec);
  if (fs::exists(status) && !fs::is_regular_file(status))
    throw InputError(fmt::format("--out {}: exists and is not a regular file; refusing to replace it", file.string()));
}

class XlsxExport final : public ExportWriter {
public:
  XlsxExport(const fs::path& file, calendar::Date as_of) : m_file((check_destination(file), file)) {
    lxw_workbook_options options{};
    options.constant_memory = LXW_TRUE; // each row goes to disk once the next one starts
    const std::string tmpdir = (file.has_parent_path() ? file.parent_path() : fs::path(".")).string();
    options.tmpdir = const_cast<char*>(tmpdir.c_str()); // copied by workbook_new_opt
    m_book = workbook_new_opt(m_file.temp_path().c_str(), &options);
    if (m_book == nullptr) throw InputError(fmt::format("--out {}: cannot create the workbook", file.string()));
    lxw_doc_properties properties{};
    const std::string comments = fmt::format("yekuo export as of {}", as_of.iso());
    properties.comments = const_cast<char*>(comments.c_str());
    workbook_set_properties(m_book, &properties);
    m_header = workbook_add_format(m_book);
    format_set_bold(m_header);
    format_set_bottom(m_header, LXW_BORDER_THIN);
    m_date = workbook_add_format(m_book);
    format_set_num_format(m_date, "yyyy-mm-dd");
    for (std::size_t t = 0; t < k_export_table_count; ++t) {
      const ExportTable& table = export_tables()[t];
      lxw_worksheet* sheet = workbook_add_worksheet(m_book, std::string(table.name).c_str());
      m_sheets[t] = sheet;
      for (std::size_t c = 0; c < table.columns.size(); ++c) {
        const auto col = static_cast<lxw_col_t>(c);
        const auto& column = table.columns[c];
        // Wide enough for the header and an ISO date; text columns a little wider.
        const double width = column.type == ColumnType::text ? 18 : std::max(12.0, static_cast<double>(column.name.size() + 2));
        worksheet_set_column(sheet, col, col, width, nullptr);
        worksheet_write_string(sheet, 0, col, std::string(column.name).c_str(), m_header);
      }
      worksheet_freeze_panes(sheet, 1, 0);
      m_rows[t] = 1;
    }
  }

  ~XlsxExport() override {
    if (m_book != nullptr) workbook_close(m_book); // frees it; the temporary file is then discarded
  }

  void add(const OrderRows& rows) override {
    write(TableId::orders, rows.order);
    for (const TableId id : {TableId::stages, TableId::delays, TableId::revisits})
      for (const auto& row : rows.rows(id)) write(id, row);
  }

  void commit() override {
    for (std::size_t t = 0; t < k_export_table_count; ++t) {
      const auto columns = static_cast<lxw_col_t>(export_tables()[t].columns.size());
      worksheet_autofilter(m_sheets[t], 0, 0, m_rows[t] - 1, columns - 1);
    }
    lxw_workbook* book = m_book;
    m_book = nullptr;
    if (const lxw_error rc = workbook_close(book); rc != LXW_NO_ERROR)
      throw InputError(fmt::format("cannot write the workbook: {}", lxw_strerror(rc)));
    m_file.commit();
  }

private:
  void write(TableId id, const ExportRow& row) {
    const auto t = static_cast<std::size_t>(id);
    if (m_rows[t] >= k_max_rows)
      throw InputError(fmt::format("the {} table has more rows than a worksheet holds ({}); export csv or sqlite",
                                   export_tables()[t].name, k_max_rows - 1));
    lxw_worksheet* sheet = m_sheets[t];
    const lxw_row_t r = m_rows[t]++;
    const auto& columns = export_tables()[t].columns;
    for (std::size_t c = 0; c < row.size() && c < columns.size(); ++c) {
      const auto col = static_cast<lxw_col_t>(c);
      const ExportValue& v = row[c];
      if (const auto* n = std::get_if<std::int64_t>(&v)) {
        if (columns[c].type == ColumnType::boolean)
          worksheet_write_boolean(sheet, r, col, *n != 0, nullptr);
        else
          worksheet_write_number(sheet, r, col, static_cast<double>(*n), nullptr);
      } else if (const auto* x = std::get_if<double>(&v)) {
        worksheet_write_number(sheet, r, col, *x, nullptr);
      } else if (const auto* s = std::get_if<std::string>(&v)) {
        const auto date = columns[c].type == ColumnType::date ? calendar::Date::parse_iso(*s) : std::nullopt;
        if (date) {
          lxw_datetime dt{date->year(), static_cast<int>(date->month()), static_cast<int>(date->day()), 0, 0, 0};
          worksheet_write_datetime(sheet, r, col, &dt, m_date);
        } else {
          worksheet_write_string(sheet, r, col, s->c_str(), nullptr);
        }
      }
      // std::monostate: no value, an empty cell.
    }
  }

  AtomicFileWriter m_file;
  lxw_workbook* m_book = nullptr;
  lxw_format* m_header = nullptr;
  lxw_format* m_date = nullptr;
  std::array<lxw_worksheet*, k_export_table_count> m_sheets{};
  std::array<lxw_row_t, k_export_table_count> m_rows{};
};

} // namespace

std::unique_ptr<ExportWriter> open_xlsx_export(const fs::path& file, calendar::Date as_of) {
  return std::make_unique<XlsxExport>(file, as_of);
}

} // namespace yekuo::report
