#pragma once
// The tables of `yekuo export` (docs/output-formats.md#export-tables): the portfolio as flat rows
// for filtering and pivoting. Each table's columns, their types and keys are stated here once, and
// every writer (CSV folder, SQLite database) takes them from here. A row holds the verdicts that
// track::evaluate_project and track::assess_project gave: nothing is re-derived.
#include <yekuo/calendar/date.hpp>
#include <yekuo/model/project.hpp>
#include <yekuo/track/assess.hpp>
#include <yekuo/track/evaluate.hpp>

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace yekuo::report {

// date: ISO text (YYYY-MM-DD); boolean: 0/1. Every column may be null (empty in CSV).
enum class ColumnType { integer, real, text, date, boolean };

struct ExportColumn {
  std::string_view name;
  ColumnType type;
};

struct ExportTable {
  std::string_view name;                 // the CSV file's stem, the SQLite table
  std::span<const ExportColumn> columns;
  std::span<const std::string_view> key; // primary key columns
};

// The tables, in this order: orders, stages, delays, revisits.
enum class TableId : std::size_t { orders, stages, delays, revisits };
inline constexpr std::size_t k_export_table_count = 4;
[[nodiscard]] std::span<const ExportTable> export_tables();
[[nodiscard]] const ExportTable& export_table(TableId id);

// A cell: null, an integer (dates are text, booleans integers), a real or text.
using ExportValue = std::variant<std::monostate, std::int64_t, double, std::string>;
using ExportRow = std::vector<ExportValue>; // one value per column, in the table's order

// Everything one order contributes.
struct OrderRows {
  ExportRow order;
  std::vector<ExportRow> stages;   // display order of the plan
  std::vector<ExportRow> delays;   // by stage, then file order
  std::vector<ExportRow> revisits; // energized orders: at most one
  [[nodiscard]] const std::vector<ExportRow>& rows(TableId id) const; // not for orders
};

// The rows of one order from its evaluation and its assessment as of the same day (the project
// supplies voltage and capacity; the assessment overrun_days, the energization date and the revisit).
[[nodiscard]] OrderRows export_rows(const model::Project& project, const track::ProjectEvaluation& evaluation,
                                    const track::ProjectAssessment& assessment);

// The text of a value as the CSV shows it (null: empty; a real without trailing zeros).
[[nodiscard]] std::string export_text(const ExportValue& value);

} // namespace yekuo::report
