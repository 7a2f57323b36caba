// yekuo import LEDGER.csv --out DIR: one order file per row of a customer manager's ledger (台账),
// from the template of the row's voltage (docs/import.md). Reading the ledger and making each
// file's text is io::read_ledger's work; this writes the files, never over an existing one.
#include "command.hpp"
#include "inputs.hpp"
#include "output_options.hpp"

#include <yekuo/io/ledger.hpp>
#include <yekuo/io/spreadsheet_text.hpp>
#include <yekuo/io/toml_loader.hpp>
#include <yekuo/model/templates.hpp>
#include <yekuo/util/atomic_file.hpp>
#include <yekuo/util/error.hpp>
#include <yekuo/util/source_excerpt.hpp>

#include <algorithm>
#include <filesystem>
#include <fmt/format.h>
#include <memory>

namespace yekuo::cli {

namespace {

struct ImportOptions {
  std::string ledger;
  std::string out;
  std::string template_name; // empty: by each row's voltage
  std::string calendar;      // empty: $YEKUO_CALENDAR, else none
  report::Lang lang = report::Lang::zh;
};

// The ledger's messages in the order of its rows (those about writing come last otherwise).
void print_by_line(const Diagnostics& diags, const SourceText& source) {
  std::vector<Diagnostic> items = diags.items();
  std::stable_sort(items.begin(), items.end(), [](const auto& a, const auto& b) { return a.loc.line < b.loc.line; });
  Diagnostics sorted;
  for (auto& d : items) sorted.add(std::move(d));
  print_with_source(sorted, source);
}

std::string count(std::size_t n, const char* one, const char* many) {
  return fmt::format("{} {}", n, n == 1 ? one : many);
}

std::string written_line(const io::LedgerOrder& order, const std::string& file, bool english) {
  const int days = model::find_template(order.template_name)->typical_working_days;
  if (english)
    return fmt::format("wrote {} (line {}, template {}, applied {}, target {}{})\n", file, order.line,
                       order.template_name, order.applied.iso(), order.target.iso(),
                       order.default_target ? fmt::format(": the default, {} working days after acceptance", days)
                                            : "");
  return fmt::format("已写入 {}（第 {} 行，模板 {}，受理 {}，期望接电 {}{}）\n", file, order.line, order.template_name,
                     order.applied.iso(), order.target.iso(),
                     order.default_target ? fmt::format("，默认为受理后 {} 个工作日", days) : "");
}

int run_import(const ImportOptions& o) {
  namespace fs = std::filesystem;
  const bool english = o.lang == report::Lang::en;
  Diagnostics diags;
  const auto bytes = io::read_text_file(o.ledger, diags);
  const auto decoded = bytes ? io::decode_spreadsheet_text(*bytes, o.ledger, diags) : std::nullopt;
  if (!decoded) {
    print_with_source(diags, SourceText{});
    return code(ExitCode::bad_input);
  }
  const io::LedgerOptions options{o.template_name, load_org_calendar(o.calendar)};
  const io::LedgerImport ledger = io::read_ledger(decoded->text, o.ledger, options, diags);

  const fs::path dir(o.out);
  std::error_code ec;
  if (!ledger.orders.empty() && !fs::is_directory(dir, ec)) {
    fs::create_directories(dir, ec);
    if (ec) throw InputError(fmt::format("--out {}: cannot create the directory: {}", o.out, ec.message()));
  }
  std::string out;
  std::size_t written = 0;
  std::size_t existing = 0;
  for (const auto& order : ledger.orders) {
    const std::string file = (dir / order.file_name).string();
    bool created = false;
    try {
      created = write_new_file_atomically(file, order.text);
    } catch (const InputError& e) { // this one path (a directory of that name); the others may do
      diags.error("cannot-write", {o.ledger, order.line, 0}, e.what(), "check the --out directory");
      continue;
    }
    if (!created) {
      diags.warning("file-exists", {o.ledger, order.line, 0}, fmt::format("{} already exists; not overwritten", file),
                    "the order file is the record of this order now: change it there (remove it to import the "
                    "row again)");
      ++existing;
      continue;
    }
    ++written;
    out += written_line(order, file, english);
  }
  print_by_line(diags, SourceText(decoded->text));

  if (english) {
    out +=
        fmt::format("{}: {}: {} written to {}, {} not imported, {} kept\n", o.ledger, count(ledger.rows, "row", "rows"),
                    count(written, "order", "orders"), o.out, count(ledger.bad_rows, "bad row", "bad rows"),
                    count(existing, "existing file", "existing files"));
    if (written > 0)
      out += fmt::format("next: yekuo check {}; adjust each order to its site survey, then yekuo plan FILE\n", o.out);
  } else {
    out += fmt::format("台账 {}：{} 行，{} 个订单已写入 {}，{} 行有错误未导入，{} 个订单文件已存在未覆盖\n", o.ledger,
                       ledger.rows, written, o.out, ledger.bad_rows, existing);
    if (written > 0)
      out += fmt::format("下一步：yekuo check {}；按现场勘查结果修改各订单的环节和工期，然后运行 yekuo plan 文件\n",
                         o.out);
  }
  fmt::print("{}", out);
  return code(diags.has_errors() ? ExitCode::bad_input : ExitCode::ok);
}

} // namespace

Command setup_import(CLI::App& parent) {
  auto opts = std::make_shared<ImportOptions>();
  auto* app = parent.add_subcommand(
      "import", "write one order file per row of a ledger (台账, CSV), from the template of each row's voltage");
  app->add_option("ledger", opts->ledger,
                  "the ledger: CSV (UTF-8 or GBK) with a header row; columns id,name,customer,voltage_kv,"
                  "capacity_kva,applied,target,customer_manager or 工程编号,工程名称,客户名称,电压等级,报装容量,"
                  "受理日期,期望接电日期,客户经理")
      ->required()
      ->option_text("LEDGER.csv");
  app->add_option("-o,--out", opts->out, "the directory the order files go to (made if missing; no file is replaced)")
      ->required()
      ->option_text("DIR");
  app->add_option("-t,--template", opts->template_name,
                  "write every row from this template (10kv, 10kv-ordinary, 35kv, 110kv) instead of by voltage")
      ->option_text("NAME");
  add_lang_option(app, opts->lang);
  add_calendar_option(app, opts->calendar);
  return {app, [opts](const Context&) { return run_import(*opts); }};
}

} // namespace yekuo::cli
