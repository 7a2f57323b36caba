#include "inputs.hpp"

#include "output_options.hpp"

#include <yekuo/io/calendar_config.hpp>
#include <yekuo/io/toml_loader.hpp>
#include <yekuo/util/error.hpp>
#include <yekuo/util/source_excerpt.hpp>

#include <cstdio>
#include <cstdlib>
#include <fmt/format.h>
#include <map>

namespace yekuo::cli {

void add_calendar_option(CLI::App* app, std::string& path) {
  auto* org = app->add_option("--org", path,
                              "organization settings: calendar overrides, escalation, department capacity; "
                              "default $YEKUO_ORG, else $YEKUO_CALENDAR")
                  ->option_text("FILE");
  app->add_option("--calendar", path, "the same file under its first name (--org)")
      ->option_text("FILE")
      ->excludes(org);
}

std::string org_settings_path(const std::string& path) {
  std::string file = path;
  for (const char* name : {"YEKUO_ORG", "YEKUO_CALENDAR"})
    if (const char* env = std::getenv(name); file.empty() && env != nullptr) file = env;
  return file;
}

io::OrgSettings load_org_settings(const std::string& path) {
  const std::string file = org_settings_path(path);
  if (file.empty()) return {};
  Diagnostics diags;
  auto settings = io::load_org_settings(file, diags);
  print_with_source(diags);
  if (!settings) throw InputError(fmt::format("the organization file {} is invalid (see above)", file));
  return *settings;
}

calendar::CalendarOverrides load_org_calendar(const std::string& path) { return load_org_settings(path).calendar; }

io::DiscoveredInputs discover_orders(const std::vector<std::string>& paths) {
  auto inputs = io::discover_project_files(paths);
  for (const auto& b : inputs.baselines)
    if (auto note = io::skipped_baseline_note(b)) warn(*note);
  for (const auto& f : inputs.settings)
    warn(fmt::format("{}: an organization settings file, not an order: skipped (give it as --org {})", f, f));
  if (inputs.files.empty() && inputs.problems.empty()) warn("no project files (*.toml) found");
  return inputs;
}

namespace {

// Each file is read once, only when one of its diagnostics has a line; `sources` may hold some already.
void print_quoting(const Diagnostics& diags, std::map<std::string, SourceText> sources) {
  for (const auto& d : diags.items()) {
    if (d.loc.line > 0 && !d.loc.file.empty() && !sources.contains(d.loc.file)) {
      // The same bounded reader as the loader: no hang on a FIFO, no unbounded read.
      Diagnostics ignored;
      sources.emplace(d.loc.file, SourceText(io::read_text_file(d.loc.file, ignored).value_or(std::string{})));
    }
    const auto it = sources.find(d.loc.file);
    const std::string text = it != sources.end() ? format_diagnostic_with_source(d, it->second) : format_diagnostic(d);
    fmt::print(stderr, "{}\n", text);
  }
}

} // namespace

void print_with_source(const Diagnostics& diags) { print_quoting(diags, {}); }

void print_with_source(const Diagnostics& diags, const std::string& file, const SourceText& source) {
  std::map<std::string, SourceText> sources;
  sources.emplace(file, source);
  print_quoting(diags, std::move(sources));
}

void print_with_source(const Diagnostics& diags, const SourceText& source) {
  std::string out;
  for (const auto& d : diags.items()) out += format_diagnostic_with_source(d, source);
  std::fwrite(out.data(), 1, out.size(), stderr);
}

} // namespace yekuo::cli
