// yekuo new: scaffold a project file from a shipped template (customer managers start here).
#include "command.hpp"
#include "inputs.hpp"
#include "output_options.hpp"

#include <yekuo/calendar/calendar.hpp>
#include <yekuo/model/templates.hpp>
#include <yekuo/util/atomic_file.hpp>
#include <yekuo/util/error.hpp>

#include <charconv>
#include <filesystem>
#include <fmt/format.h>
#include <memory>
#include <optional>

namespace yekuo::cli {

namespace {

struct NewOptions {
  std::string file;
  std::string template_name;
  std::string id;
  std::string name;
  std::string customer;
  std::string manager;
  std::string applied;
  std::string target;
  std::string capacity;
  std::string voltage;
  bool force = false;
  bool list = false;
  bool english = false;
  std::string calendar; // empty: $YEKUO_CALENDAR, else none
};

std::optional<double> parse_number(const std::string& text, const char* option) {
  if (text.empty()) return std::nullopt;
  double v = 0;
  const auto* end = text.data() + text.size();
  const auto [ptr, ec] = std::from_chars(text.data(), end, v);
  if (ec != std::errc{} || ptr != end)
    throw InputError(fmt::format("{}: expected a number, got '{}'", option, text));
  return v;
}

int list_templates(const NewOptions& o) {
  std::string out;
  for (const auto& t : model::list_templates()) {
    if (o.english)
      out += fmt::format("{:<14} {}\n{:<14} default {} kV, {} kVA; default target = applied + {} working days\n",
                         t.name, t.description_en, "", t.voltage_kv, t.capacity_kva, t.typical_working_days);
    else
      out += fmt::format("{:<14} {}\n{:<14} 默认 {} 千伏、{} 千伏安；未给期望接电日期时取受理后 {} 个工作日\n", t.name,
                         t.description_zh, "", t.voltage_kv, t.capacity_kva, t.typical_working_days);
  }
  out += o.english ? "\nusage: yekuo new FILE --template NAME [--customer C] [--applied DATE] [--target DATE] ...\n"
                   : "\n用法：yekuo new 文件 --template 模板名 [--customer 客户] [--applied 受理日期] [--target 期望接电日期] ...\n";
  fmt::print("{}", out);
  return code(ExitCode::ok);
}

int run_new(const NewOptions& o, const Context& ctx) {
  if (o.list) return list_templates(o);
  if (o.file.empty()) throw InputError("new: give the FILE to write (see yekuo new --help), or --list");
  if (o.template_name.empty())
    throw InputError("new: choose a template with --template NAME (yekuo new --list shows them)");
  const model::TemplateInfo* info = model::find_template(o.template_name);
  if (info == nullptr) (void)model::template_source(o.template_name); // throws the "unknown template" error

  namespace fs = std::filesystem;
  const fs::path path(o.file);
  std::error_code ec;
  if (fs::is_directory(path, ec)) throw InputError(fmt::format("{}: is a directory; give a file name", o.file));
  if (!o.force && fs::exists(fs::symlink_status(path, ec)))
    throw InputError(fmt::format("{} already exists; not overwriting it (use --force to replace it)", o.file));

  // The default target counts working days on the organization's calendar, as `plan` will.
  const auto overrides = load_org_calendar(o.calendar);
  const calendar::WorkingCalendar org(overrides);
  const auto& cal = overrides.empty() ? calendar::WorkingCalendar::china() : org;
  model::OrderRequest request;
  request.applied = o.applied.empty() ? ctx.today : parse_date_option(o.applied, "--applied");
  const bool default_target = o.target.empty();
  if (!default_target) request.target = parse_date_option(o.target, "--target");
  request.voltage_kv = parse_number(o.voltage, "--voltage");
  if (request.voltage_kv)
    if (const auto note = model::voltage_mismatch(*info, *request.voltage_kv)) warn(*note);
  request.capacity_kva = parse_number(o.capacity, "--capacity");
  request.id = o.id.empty() ? path.stem().string() : o.id;
  request.customer = o.customer;
  request.customer_manager = o.manager;
  request.name = o.name;
  const model::TemplateValues v = model::complete_values(*info, request, cal);

  const std::string text = model::instantiate_template(info->name, v);
  write_file_atomically(path, text);

  for (int y : cal.provisional_years(v.applied, v.target)) warn(calendar::WorkingCalendar::provisional_warning(y));
  int stages = 0;
  for (std::size_t at = text.find("\n[[stage]]"); at != std::string::npos; at = text.find("\n[[stage]]", at + 1)) ++stages;
  if (o.english) {
    fmt::print("wrote {} from template {}: {} stages, applied {}, target {}{}\n", o.file, info->name, stages,
               v.applied.iso(), v.target.iso(),
               default_target ? fmt::format(" (default: {} working days after acceptance)", info->typical_working_days)
                              : "");
    fmt::print("next: adjust the stages to the site survey, then run: yekuo plan {}\n", o.file);
  } else {
    fmt::print("已写入 {}（模板 {}，{} 个环节，受理 {}，期望接电 {}{}）\n", o.file, info->name, stages, v.applied.iso(),
               v.target.iso(), default_target ? fmt::format("，默认为受理后 {} 个工作日", info->typical_working_days) : "");
    fmt::print("下一步：按现场勘查结果修改工期和客户事项，然后运行 yekuo plan {}\n", o.file);
  }
  return code(ExitCode::ok);
}

} // namespace

Command setup_new(CLI::App& parent) {
  auto opts = std::make_shared<NewOptions>();
  auto* app = parent.add_subcommand("new", "write a new project file from a shipped template (yekuo new --list)");
  app->add_option("file", opts->file, "the project file to write (never overwritten without --force)")
      ->option_text("FILE");
  app->add_option("-t,--template", opts->template_name, "template name: 10kv, 10kv-ordinary, 35kv, 110kv")
      ->option_text("NAME");
  app->add_flag("-l,--list", opts->list, "list the shipped templates");
  app->add_option("--id", opts->id, "order id (default: the file name without extension)");
  app->add_option("--name", opts->name, "project name (default: CUSTOMER + voltage + 千伏新装)");
  app->add_option("--customer", opts->customer, "customer name");
  app->add_option("--manager", opts->manager, "customer manager (客户经理)");
  add_date_option(app, "--applied", opts->applied, "acceptance date (受理日期), default today (Asia/Shanghai)");
  add_date_option(app, "--target", opts->target,
                  "customer's target energization date (default: applied + the template's typical cycle)");
  app->add_option("--capacity", opts->capacity, "capacity in kVA (default: the template's)")->option_text("KVA");
  app->add_option("--voltage", opts->voltage, "supply voltage in kV (default: the template's)")->option_text("KV");
  app->add_flag("-f,--force", opts->force, "replace FILE if it exists");
  app->add_option("--lang", opts->english, "zh (default) or en")
      ->transform(CLI::CheckedTransformer(std::map<std::string, bool>{{"zh", false}, {"en", true}}))
      ->option_text("zh|en");
  add_calendar_option(app, opts->calendar);
  return {app, [opts](const Context& ctx) { return run_new(*opts, ctx); }};
}

} // namespace yekuo::cli
