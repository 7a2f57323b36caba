#pragma once
// A customer manager's ledger (台账) of orders, one order per row, turned into project files
// (`yekuo import`, docs/import.md):
//
//   CSV text ──parse_csv──▶ records ──read_ledger_header──▶ columns
//     ──read_ledger_row──▶ model::OrderRequest + template (per row)
//     ──model::complete_values, model::instantiate_template──▶ the order's file text
//     ──load_project_text (what `yekuo check` runs)──▶ LedgerOrder
//
// Every problem is a Diagnostic at LEDGER:LINE, the physical line where its row starts; a bad row
// gets no order and the others are still made. Nothing here reads or writes files.
#include <yekuo/calendar/calendar.hpp>
#include <yekuo/calendar/date.hpp>
#include <yekuo/io/csv.hpp>
#include <yekuo/model/templates.hpp>
#include <yekuo/util/diagnostic.hpp>

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace yekuo::io {

// The columns read, named like the keys of [project] (docs/file-format.md).
enum class LedgerColumn { id, name, customer, voltage_kv, capacity_kva, applied, target, customer_manager };
inline constexpr std::size_t k_ledger_columns = 8;

// "voltage_kv" and "电压等级": the two headers of a column.
[[nodiscard]] std::string_view ledger_header_en(LedgerColumn column);
[[nodiscard]] std::string_view ledger_header_zh(LedgerColumn column);

// The column a header cell names, in either language. Surrounding spaces, ASCII case, ' ' or '-'
// for '_', and a unit in parentheses ("报装容量(kVA)", "电压等级（千伏）") do not matter.
[[nodiscard]] std::optional<LedgerColumn> ledger_column(std::string_view header);

struct LedgerHeader {
  int line = 0;
  std::size_t fields = 0;                                           // fields of the header row
  std::array<std::optional<std::size_t>, k_ledger_columns> field{}; // each column's field index
  std::array<std::string, k_ledger_columns> written{};              // each column's header as written
  std::vector<std::string> ignored;                                 // other non-empty headers
};

struct LedgerOptions {
  std::string template_name;            // empty: each row's by its voltage (model::template_for_voltage)
  calendar::CalendarOverrides calendar; // the organization's: default targets, years it vouches for
};

// What one row says about its order.
struct LedgerRow {
  int line = 0;
  std::string template_name;
  model::OrderRequest request;
};

// An order made from a row: its file name and text, which passes io::load_project_text.
struct LedgerOrder {
  int line = 0;
  std::string id;
  std::string template_name;
  std::string file_name; // io::order_file_name(id)
  calendar::Date applied;
  calendar::Date target;
  bool default_target = false; // the row had no target: the template's typical cycle
  std::string text;
};

struct LedgerImport {
  std::vector<LedgerOrder> orders; // in ledger order
  std::size_t rows = 0;            // data rows (blank rows are not counted)
  std::size_t bad_rows = 0;        // rows with an error; the header's errors count none
};

// The columns of the header row. Diagnostics: no-header (no cell names a column), duplicate-column,
// missing-column (id and applied always; voltage_kv when `need_voltage`: no --template), and one
// ignored-column warning listing the other headers (with "did you mean"). nullopt on an error.
[[nodiscard]] std::optional<LedgerHeader> read_ledger_header(const CsvRecord& record, const std::string& path,
                                                             bool need_voltage, Diagnostics& diags);

// True when every field of the record is blank (Excel writes ",,,," for formatted empty rows).
[[nodiscard]] bool is_blank_record(const CsvRecord& record);

// One data row. Diagnostics at the row's line: extra-fields, missing-value, bad-value, bad-date,
// date-out-of-range, target-before-applied, no-template; a template-voltage warning when
// options.template_name is not for the row's voltage. nullopt on an error.
[[nodiscard]] std::optional<LedgerRow> read_ledger_row(const CsvRecord& record, const LedgerHeader& header,
                                                       const std::string& path, const LedgerOptions& options,
                                                       Diagnostics& diags);

// The whole ledger (UTF-8 text: io::decode_spreadsheet_text). Besides the diagnostics above:
// csv-syntax, empty-ledger (a warning: a header and no rows), duplicate-id (a later row with the id,
// or the file name, of an earlier one), and, should a made file not pass `yekuo check`, that
// check's own code. A warning that would repeat (template-voltage, provisional-calendar) is given
// once, at the first row it concerns. Throws InputError for an unknown options.template_name.
[[nodiscard]] LedgerImport read_ledger(std::string_view text, const std::string& path, const LedgerOptions& options,
                                       Diagnostics& diags);

} // namespace yekuo::io
