// yekuo publish DIR… --out SITEDIR: the static website of a portfolio (docs/publishing.md).
// This file loads, evaluates and assesses the orders (in parallel), lets report::build_site make
// the pages, renders them to HTML and swaps the site directory in as a whole
// (util/atomic_directory.hpp): a web server never sees a half-written site, and the previous site
// stays until the new one is complete.
#include "command.hpp"
#include "inputs.hpp"
#include "output_options.hpp"

#include <yekuo/calendar/calendar_cache.hpp>
#include <yekuo/io/discover.hpp>
#include <yekuo/render/render.hpp>
#include <yekuo/report/site.hpp>
#include <yekuo/track/assess.hpp>
#include <yekuo/track/evaluate.hpp>
#include <yekuo/track/tracked_project.hpp>
#include <yekuo/util/atomic_directory.hpp>
#include <yekuo/util/error.hpp>
#include <yekuo/util/parallel_for.hpp>

#include <filesystem>
#include <fmt/format.h>
#include <memory>
#include <optional>

namespace yekuo::cli {

namespace {

namespace fs = std::filesystem;

struct PublishOptions {
  std::vector<std::string> paths;
  std::string out;
  std::string as_of;
  std::string calendar;
  report::Lang lang = report::Lang::zh;
  std::string lang_name = "zh";
};

// Everything the site needs of one loaded order, in one function so that a shared portfolio
// loader can call it per file: the evaluation and the assessment as of the site's day, or why
// they could not be made (a date outside the calendar and the like: this order is listed with the
// bad files, the others are published).
report::PublishedOrder publish_one(track::TrackedProject&& tracked, calendar::Date as_of,
                                   const model::EscalationThresholds& escalation) {
  report::PublishedOrder order{std::move(tracked), {}, {}, std::nullopt};
  try {
    order.evaluation = track::evaluate_project(order.tracked, {as_of, true, escalation});
    const auto& t = order.tracked;
    order.assessment = track::assess_project(t.project, t.reference, *t.calendar, as_of);
  } catch (const InputError& e) {
    order.error = e.what();
  }
  return order;
}

struct Loaded {
  std::optional<report::PublishedOrder> order; // nullopt: bad file, or not applied yet on the as-of day
  Diagnostics diags;
};

Loaded load_one(const std::string& path, calendar::CalendarCache& calendars, calendar::Date as_of,
                const model::EscalationThresholds& escalation) {
  Loaded r;
  std::optional<track::TrackedProject> tracked;
  try {
    tracked = track::load_tracked_project(path, calendars, r.diags, as_of);
    if (r.diags.has_errors()) tracked.reset();
  } catch (const InputError& e) {
    // A date outside the calendar and the like: this order is bad, the others are published.
    r.diags.error("publish-failed", {path, 0, 0}, e.what());
  }
  if (!tracked) {
    if (!r.diags.has_errors()) r.diags.error("publish-failed", {path, 0, 0}, "could not be loaded");
    return r;
  }
  // An order applied after the as-of date did not exist that week (SPEC §3).
  if (tracked->project.info.applied <= as_of) r.order = publish_one(std::move(*tracked), as_of, escalation);
  return r;
}

// Files are independent: loaded in parallel, results kept in the order of the (sorted) paths.
std::vector<Loaded> load_all(const std::vector<std::string>& files, calendar::CalendarCache& calendars,
                             calendar::Date as_of, const model::EscalationThresholds& escalation) {
  std::vector<Loaded> results(files.size());
  parallel_for(files.size(), [&](std::size_t i) { results[i] = load_one(files[i], calendars, as_of, escalation); });
  return results;
}

// The site directory as given, without a trailing slash; its parent must exist. Checked before
// anything is loaded, so that a bad --out costs nothing.
fs::path site_path(const std::string& out) {
  fs::path site = fs::path(out).lexically_normal();
  if (!site.has_filename()) site = site.parent_path();
  if (site.empty() || site == "." || site == ".." || site == "/")
    throw InputError(fmt::format("--out {}: give the site's own directory (for example public/orders)", out));
  std::error_code ec;
  const auto status = fs::symlink_status(site, ec);
  if (fs::is_symlink(status))
    throw InputError(fmt::format("--out {}: is a symbolic link; give the directory itself", out));
  if (fs::exists(status)) {
    if (!fs::is_directory(status)) throw InputError(fmt::format("--out {}: exists and is not a directory", out));
    // Never replace a directory that is not a site published by yekuo (it would be deleted).
    const bool empty = fs::is_empty(site, ec);
    if (!empty && !fs::exists(site / std::string(report::k_site_marker), ec))
      throw InputError(fmt::format("--out {}: the directory exists and was not written by yekuo publish (no {} "
                                   "file); refusing to replace it. Give a new or empty directory",
                                   out, report::k_site_marker));
  }
  const fs::path parent = site.has_parent_path() ? site.parent_path() : fs::path(".");
  if (!fs::is_directory(parent, ec))
    throw InputError(fmt::format("--out {}: the directory {} does not exist", out, parent.string()));
  return site;
}

// The pages as HTML files, and the marker that lets the next run replace the directory.
std::vector<DirectoryFile> site_files(const report::Site& site, report::Lang lang) {
  const render::RenderOptions options{false, lang};
  std::vector<DirectoryFile> files;
  files.reserve(site.pages.size() + 1);
  for (const auto& page : site.pages) files.push_back({page.path, render::render_html(page.document, options)});
  files.push_back({std::string(report::k_site_marker),
                   "This directory is written by `yekuo publish`; it is replaced as a whole.\n"});
  return files;
}

int run_publish(const PublishOptions& o, const Context& ctx) {
  const calendar::Date as_of = o.as_of.empty() ? ctx.today : parse_date_option(o.as_of, "--as-of");
  const fs::path site_dir = site_path(o.out);
  io::OrgSettings org = load_org_settings(o.calendar);
  calendar::CalendarCache calendars(std::move(org.calendar));

  const auto inputs = discover_orders(o.paths);

  report::SiteInput in;
  in.as_of = as_of;
  for (const auto& p : inputs.problems) {
    const auto colon = p.find(": ");
    in.errors.push_back({Severity::error, "unreadable-path", SourceLoc{p.substr(0, colon), 0, 0},
                         colon == std::string::npos ? std::string("cannot be read") : p.substr(colon + 2), {}});
  }
  auto loaded = load_all(inputs.files, calendars, as_of, org.escalation);
  for (auto& l : loaded) {
    for (const auto& d : l.diags.items())
      if (d.severity == Severity::error) in.errors.push_back(d);
    if (l.order) in.orders.push_back(std::move(*l.order));
  }
  for (const auto& d : in.errors) fmt::print(stderr, "{}\n", format_diagnostic(d));

  const report::Site site = report::build_site(in, o.lang);
  // Orders that could not be evaluated are listed with the bad files (index.html, first page).
  if (site.failed > 0) warn(fmt::format("{} orders could not be evaluated (see the index page)", site.failed));
  replace_directory_atomically(site_dir, site_files(site, o.lang));
  fmt::print(stderr, "yekuo: published {} orders ({} pages) to {}{}\n", site.published, site.pages.size(),
             site_dir.string(),
             site.bad_files == 0 ? "" : fmt::format("; {} bad files listed on the index page", site.bad_files));
  return site.bad_files == 0 ? code(ExitCode::ok) : code(ExitCode::bad_input);
}

} // namespace

Command setup_publish(CLI::App& parent) {
  auto opts = std::make_shared<PublishOptions>();
  auto* app = parent.add_subcommand(
      "publish", "write the portfolio's static website: index, one page per order (plan + Gantt, weekly evaluation), "
                 "evaluation and assessment pages");
  app->add_option("paths", opts->paths, "project files or directories (searched for *.toml)")
      ->required()
      ->option_text("DIR|FILE...");
  app->add_option("--out", opts->out, "the site directory (replaced as a whole, atomically)")
      ->required()
      ->option_text("SITEDIR");
  add_date_option(app, "--as-of", opts->as_of, "publish as of this date (default: today in Asia/Shanghai)");
  add_calendar_option(app, opts->calendar);
  app->add_option("--lang", opts->lang_name, "label language")
      ->check(CLI::IsMember({"zh", "en"}))
      ->default_str("zh")
      ->option_text("zh|en");
  app->callback([opts] { opts->lang = opts->lang_name == "en" ? report::Lang::en : report::Lang::zh; });
  return {app, [opts](const Context& ctx) { return run_publish(*opts, ctx); }};
}

} // namespace yekuo::cli
