// yekuo export DIR|FILE… --format csv|sqlite|xlsx --out PATH: the portfolio as flat tables for
// filtering and pivoting (docs/output-formats.md#export-tables). Each order is evaluated and
// assessed as its per-file work in the portfolio pipeline (portfolio_run.hpp) and turned into rows
// there (report/export_tables.hpp); the rows go to the writer as the results arrive, so memory does
// not grow with the number of orders.
#include "command.hpp"
#include "portfolio_run.hpp"

#include <yekuo/report/export_csv.hpp>
#include <yekuo/report/export_sqlite.hpp>
#include <yekuo/report/export_tables.hpp>
#include <yekuo/report/export_xlsx.hpp>
#include <yekuo/track/assess.hpp>
#include <yekuo/track/evaluate.hpp>

#include <fmt/format.h>
#include <map>
#include <memory>
#include <optional>
#include <unordered_map>

namespace yekuo::cli {

namespace {

enum class ExportFormat { csv, sqlite, xlsx };

struct ExportOptions {
  PortfolioOptions portfolio;
  ExportFormat format = ExportFormat::csv;
  std::string out;
};

report::OrderRows export_one(const track::TrackedProject& t, calendar::Date as_of,
                             const model::EscalationThresholds& escalation) {
  const auto evaluation = track::evaluate_project(t, {as_of, true, escalation});
  const auto assessment = track::assess_project(t.project, t.reference, *t.calendar, as_of);
  return report::export_rows(t.project, evaluation, assessment);
}

int run_export(const ExportOptions& o, const Context& ctx) {
  PortfolioRun run(o.portfolio, ctx);
  const calendar::Date as_of = run.as_of();
  // Opened before anything is loaded: a destination that may not be replaced costs nothing.
  const auto writer = [&] {
    switch (o.format) {
    case ExportFormat::sqlite: return report::open_sqlite_export(o.out, as_of);
    case ExportFormat::xlsx: return report::open_xlsx_export(o.out, as_of);
    case ExportFormat::csv: break;
    }
    return report::open_csv_export(o.out, as_of);
  }();
  std::unordered_map<std::string, std::string> exported; // order id -> its file: the orders' key
  std::size_t stages = 0;
  run.for_each(
      [&](track::TrackedProject&& order) -> std::optional<report::OrderRows> {
        // An order applied after the as-of date did not exist that day (SPEC §3).
        if (order.project.info.applied > as_of) return std::nullopt;
        return export_one(order, as_of, run.escalation());
      },
      [&](track::PortfolioItem<std::optional<report::OrderRows>>&& item) {
        if (!item.result || !*item.result) return;
        const auto& rows = **item.result;
        const auto& id = std::get<std::string>(rows.order.front());
        if (const auto [first, fresh] = exported.try_emplace(id, item.file); !fresh) {
          // Field by field: GCC 12 warns (-Wmaybe-uninitialized, a false positive) on a braced temporary.
          std::vector<Diagnostic> duplicate(1);
          duplicate[0].code = "duplicate-id";
          duplicate[0].loc.file = item.file;
          duplicate[0].message = fmt::format("the order id \"{}\" is also that of {}; not exported", id, first->second);
          duplicate[0].hint = "give every order its own id";
          run.reject(duplicate);
          return;
        }
        writer->add(rows);
        stages += rows.stages.size();
      });
  writer->commit();
  fmt::print(stderr, "yekuo: exported {} orders ({} stages) as of {} to {}\n", exported.size(), stages, as_of.iso(),
             o.out);
  return run.exit_code();
}

} // namespace

Command setup_export(CLI::App& parent) {
  auto opts = std::make_shared<ExportOptions>();
  auto* app = parent.add_subcommand(
      "export", "the portfolio as flat tables (orders, stages, delays, revisits) for filtering and pivoting: "
                "a CSV folder, a SQLite database or an Excel workbook");
  add_portfolio_options(app, opts->portfolio, "export as of this date (default: today in Asia/Shanghai)");
  app->add_option("-f,--format", opts->format,
                  "csv: a folder of CSV files; sqlite: one database file; xlsx: one workbook, a sheet per table")
      ->required()
      ->transform(CLI::CheckedTransformer(std::map<std::string, ExportFormat>{{"csv", ExportFormat::csv},
                                                                              {"sqlite", ExportFormat::sqlite},
                                                                              {"xlsx", ExportFormat::xlsx}},
                                          CLI::ignore_case))
      ->option_text("csv|sqlite|xlsx");
  app->add_option("--out", opts->out,
                  "the folder (csv), database file (sqlite) or workbook (xlsx); a folder or database is replaced only if "
                  "an earlier export wrote it")
      ->required()
      ->option_text("PATH");
  return {app, [opts](const Context& ctx) { return run_export(*opts, ctx); }};
}

} // namespace yekuo::cli
