// The rows of `yekuo export` (report/export_tables.hpp) on the example portfolio as of Thu
// 2026-06-18, whose facts are hand-checked in tests/cli/evaluate_checks.py: SZ-2026-0157's
// grid_design (deadline Mon 06-15 in its baseline) is 3 working days overdue and its customer delay,
// reported on 06-16, is not excluded; SZ-2026-0101 was energized on 05-14 without a revisit since.
#include "test_dates.hpp"

#include <yekuo/report/export_tables.hpp>
#include <yekuo/track/tracked_project.hpp>

#include <doctest/doctest.h>
#include <string>

using namespace yekuo;
using report::ExportValue;
using report::TableId;

namespace {

const calendar::Date k_as_of = D("2026-06-18");

report::OrderRows rows_of(const std::string& name) {
  calendar::CalendarCache calendars;
  Diagnostics diags;
  auto t = track::load_tracked_project(std::string(YEKUO_SOURCE_DIR) + "/examples/portfolio/" + name, calendars, diags,
                                       k_as_of);
  REQUIRE(t);
  // What cli/commands/export.cpp does per order.
  const auto evaluation = track::evaluate_project(*t, {k_as_of, true, {}});
  const auto assessment = track::assess_project(t->project, t->reference, *t->calendar, k_as_of);
  return report::export_rows(t->project, evaluation, assessment);
}

// The value of `column` in a row of table `id`.
const ExportValue& cell(TableId id, const report::ExportRow& row, std::string_view column) {
  const auto& columns = report::export_table(id).columns;
  for (std::size_t i = 0; i < columns.size(); ++i)
    if (columns[i].name == column) return row.at(i);
  FAIL("no column ", column);
  throw; // unreachable
}

ExportValue text(const char* s) { return std::string(s); }
ExportValue integer(std::int64_t n) { return n; }

const report::ExportRow& stage_row(const report::OrderRows& rows, const char* id) {
  for (const auto& row : rows.stages)
    if (cell(TableId::stages, row, "id") == text(id)) return row;
  FAIL("no stage ", id);
  throw;
}

} // namespace

TEST_SUITE("report::export_rows") {

TEST_CASE("every row has one value per column of its table") {
  const auto rows = rows_of("sz-2026-0157.toml");
  CHECK(rows.order.size() == report::export_table(TableId::orders).columns.size());
  for (const TableId id : {TableId::stages, TableId::delays, TableId::revisits})
    for (const auto& row : rows.rows(id)) CHECK(row.size() == report::export_table(id).columns.size());
  CHECK(rows.stages.size() == 12);
}

TEST_CASE("an overdue stage carries its evaluation's deadline, status and days late") {
  const auto rows = rows_of("sz-2026-0157.toml");
  CHECK(cell(TableId::orders, rows.order, "id") == text("SZ-2026-0157"));
  CHECK(cell(TableId::orders, rows.order, "state") == text("late"));
  CHECK(cell(TableId::orders, rows.order, "voltage_kv") == ExportValue(10.0));
  CHECK(cell(TableId::orders, rows.order, "capacity_kva") == ExportValue(5000.0));
  CHECK(cell(TableId::orders, rows.order, "forecast_energization") == text("2026-07-16"));
  CHECK(cell(TableId::orders, rows.order, "energized") == ExportValue());

  const auto& grid = stage_row(rows, "grid_design");
  CHECK(cell(TableId::stages, grid, "project") == text("SZ-2026-0157"));
  CHECK(cell(TableId::stages, grid, "dept") == text("基建部"));
  CHECK(cell(TableId::stages, grid, "deadline") == text("2026-06-15"));
  CHECK(cell(TableId::stages, grid, "status") == text("overdue"));
  CHECK(cell(TableId::stages, grid, "days_late") == integer(3));
  CHECK(cell(TableId::stages, grid, "finished") == ExportValue());
  CHECK(cell(TableId::stages, grid, "customer") == integer(0));
  CHECK(cell(TableId::stages, grid, "calendar_days") == ExportValue());
  // Not energized: nothing is assessed yet.
  CHECK(cell(TableId::stages, grid, "overrun_days") == ExportValue());

  REQUIRE(rows.delays.size() == 1);
  const auto& delay = rows.delays.front();
  CHECK(cell(TableId::delays, delay, "stage") == text("grid_design"));
  CHECK(cell(TableId::delays, delay, "from") == text("2026-06-01"));
  CHECK(cell(TableId::delays, delay, "reported") == text("2026-06-16"));
  CHECK(cell(TableId::delays, delay, "verdict") == text("reported_late"));
  CHECK(rows.revisits.empty());
}

TEST_CASE("an energized order: its date, the assessment's overruns and the missing revisit") {
  const auto rows = rows_of("sz-2026-0101.toml");
  CHECK(cell(TableId::orders, rows.order, "state") == text("energized"));
  CHECK(cell(TableId::orders, rows.order, "energized") == text("2026-05-14"));
  CHECK(cell(TableId::orders, rows.order, "forecast_energization") == ExportValue());
  for (const auto& row : rows.stages) {
    // A finished stage's overrun is its days late (track/stage_verdict.hpp).
    CHECK(std::holds_alternative<std::int64_t>(cell(TableId::stages, row, "overrun_days")));
    CHECK(cell(TableId::stages, row, "overrun_days") == cell(TableId::stages, row, "days_late"));
  }
  REQUIRE(rows.revisits.size() == 1);
  const auto& revisit = rows.revisits.front();
  CHECK(cell(TableId::revisits, revisit, "deadline") == text("2026-06-14"));
  CHECK(cell(TableId::revisits, revisit, "date") == ExportValue());
  CHECK(cell(TableId::revisits, revisit, "status") == text("missing"));
}

TEST_CASE("the CSV text of a value") {
  CHECK(report::export_text(ExportValue()).empty());
  CHECK(report::export_text(integer(-3)) == "-3");
  CHECK(report::export_text(ExportValue(10.0)) == "10");
  CHECK(report::export_text(ExportValue(0.4)) == "0.4");
  CHECK(report::export_text(text("2026-06-15")) == "2026-06-15");
}

}
