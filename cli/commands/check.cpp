// yekuo check FILE|DIR...: validate project files and list every problem with file:line:col,
// a stable code, a hint and the source line with a caret.
#include "command.hpp"
#include "inputs.hpp"

#include <yekuo/io/baseline_file.hpp>
#include <yekuo/io/calendar_config.hpp>
#include <yekuo/io/discover.hpp>
#include <yekuo/io/toml_loader.hpp>
#include <yekuo/io/validate.hpp>
#include <yekuo/util/source_excerpt.hpp>

#include <cstdio>
#include <cstdlib>
#include <fmt/format.h>
#include <memory>
#include <set>

namespace yekuo::cli {

namespace {

struct CheckOptions {
  std::vector<std::string> paths;
  std::string calendar; // empty: YEKUO_CALENDAR, else none
  bool quiet = false;
};

struct Counts {
  std::size_t files = 0;
  std::size_t ok = 0;
  std::size_t with_errors = 0;
  std::size_t warnings = 0;
  std::size_t other_errors = 0; // paths and calendar files, not project files
};

std::size_t warnings_in(const Diagnostics& diags) { return diags.items().size() - diags.error_count(); }

std::string plural(std::size_t n, const char* one, const char* many) {
  return fmt::format("{} {}", n, n == 1 ? one : many);
}

int run_check(const CheckOptions& o) {
  Counts c;
  io::LoadOptions load;

  const std::string calendar_path = org_settings_path(o.calendar);
  if (!calendar_path.empty()) {
    Diagnostics diags;
    const auto text = io::read_text_file(calendar_path, diags);
    if (text) {
      if (auto ov = io::load_org_settings_text(*text, calendar_path, diags)) load.org_calendar = std::move(ov->calendar);
    }
    print_with_source(diags, SourceText(text ? *text : std::string{}));
    if (diags.has_errors()) ++c.other_errors;
  }

  const auto inputs = io::discover_project_files(o.paths);
  for (const auto& d : inputs.problems.items()) fmt::print(stderr, "yekuo: error: {}: {}\n", d.loc.file, d.message);
  c.other_errors += inputs.problems.error_count();
  if (inputs.files.empty() && inputs.baselines.empty() && inputs.settings.empty() && inputs.problems.empty())
    fmt::print(stderr, "yekuo: warning: no project files (*.toml) found\n");

  auto report = [&](const std::string& file, const Diagnostics& diags, const std::string& what) {
    ++c.files;
    const std::size_t w = warnings_in(diags);
    c.warnings += w;
    if (diags.has_errors()) {
      ++c.with_errors;
      return;
    }
    ++c.ok;
    if (!o.quiet)
      fmt::print("{}: ok{}{}\n", file, what, w ? fmt::format(" ({})", plural(w, "warning", "warnings")) : "");
  };

  // Baselines named as arguments (a glob names them next to their orders) are checked as
  // baselines: the file itself and that it belongs to its order. The others are checked with
  // their order. One pass over all paths in sorted order, each file's messages together.
  std::set<std::string> named_baselines;
  for (const auto& b : inputs.baselines) named_baselines.insert(b.path);
  auto check_baseline = [&](const io::NamedBaseline& b) {
    Diagnostics diags;
    const auto loaded = io::load_baseline(b.path, diags);
    if (loaded.status == io::BaselineStatus::loaded) {
      if (b.order.empty())
        diags.warning("baseline-name", loaded.baseline.project_loc,
                      "a baseline file under another name: tracking reads a baseline only as NAME.baseline.toml "
                      "next to its order NAME.toml",
                      "rename it after its order, or remove it if it is an old copy");
      else if (!b.order_exists)
        diags.warning("baseline-orphan", loaded.baseline.project_loc,
                      fmt::format("no order file {} next to this baseline", b.order),
                      "restore the order file, or remove the baseline of an order that no longer exists");
      else if (const auto id = io::peek_project_id(b.order))
        (void)io::check_baseline_owner(loaded.baseline, *id, b.order, diags);
    }
    print_with_source(diags);
    report(b.path, diags,
           fmt::format(" (baseline of order '{}', {})", loaded.baseline.project_id,
                       plural(loaded.baseline.revisions.size(), "revision", "revisions")));
  };
  auto check_project = [&](const std::string& file) {
    Diagnostics diags;
    auto loaded = io::load_project_file(file, diags, load);
    print_with_source(diags, SourceText(std::move(loaded.text)));
    // Its baseline, unless it is named itself (then checked as a baseline): sound and its own.
    Diagnostics baseline_diags;
    if (loaded.project && !named_baselines.contains(io::baseline_path_for(file)))
      (void)io::load_order_baseline(file, loaded.project->info.id, baseline_diags);
    print_with_source(baseline_diags);
    diags.append(baseline_diags);
    report(file, diags, "");
  };
  std::size_t f = 0;
  std::size_t b = 0;
  while (f < inputs.files.size() || b < inputs.baselines.size()) {
    if (b < inputs.baselines.size() && (f == inputs.files.size() || inputs.baselines[b].path < inputs.files[f]))
      check_baseline(inputs.baselines[b++]);
    else
      check_project(inputs.files[f++]);
  }
  // Organization settings files kept with the orders are checked as such (what --org reads).
  for (const auto& file : inputs.settings) {
    Diagnostics diags;
    const auto text = io::read_text_file(file, diags);
    if (text) (void)io::load_org_settings_text(*text, file, diags);
    print_with_source(diags, SourceText(text ? *text : std::string{}));
    report(file, diags, " (organization settings)");
  }

  const bool failed = c.with_errors > 0 || c.other_errors > 0;
  if (!o.quiet) {
    std::string summary = fmt::format("{} checked: {} ok, {} with errors, {}", plural(c.files, "file", "files"), c.ok,
                                      c.with_errors, plural(c.warnings, "warning", "warnings"));
    if (c.other_errors) summary += fmt::format(", {} could not be checked", plural(c.other_errors, "path", "paths"));
    fmt::print("{}\n", summary);
  }
  std::fflush(stdout);
  return code(failed ? ExitCode::bad_input : ExitCode::ok);
}

} // namespace

Command setup_check(CLI::App& parent) {
  auto opts = std::make_shared<CheckOptions>();
  auto* app = parent.add_subcommand(
      "check", "validate project files: keys, types, dates, stage references, dependency cycles, calendar coverage");
  app->add_option("paths", opts->paths,
                  "project files (baseline and organization files among them are checked as such), or "
                  "directories searched for *.toml")
      ->required()
      ->option_text("FILE|DIR...");
  add_calendar_option(app, opts->calendar);
  app->add_flag("-q,--quiet", opts->quiet, "print only problems (no per-file ok lines, no summary)");
  return {app, [opts](const Context&) { return run_check(*opts); }};
}

} // namespace yekuo::cli
