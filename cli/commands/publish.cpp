// yekuo publish DIR… --out SITEDIR: the static website of a portfolio (docs/publishing.md).
// This file evaluates and assesses the orders through the portfolio pipeline (portfolio_run.hpp),
// lets report::build_site make
// the pages, renders them to HTML and swaps the site directory in as a whole
// (util/atomic_directory.hpp): a web server never sees a half-written site, and the previous site
// stays until the new one is complete.
#include "command.hpp"
#include "output_options.hpp"
#include "portfolio_run.hpp"

#include <yekuo/render/render.hpp>
#include <yekuo/report/site.hpp>
#include <yekuo/track/assess.hpp>
#include <yekuo/track/evaluate.hpp>
#include <yekuo/util/atomic_directory.hpp>
#include <yekuo/util/error.hpp>

#include <filesystem>
#include <fmt/format.h>
#include <memory>
#include <optional>

namespace yekuo::cli {

namespace {

namespace fs = std::filesystem;

struct PublishOptions {
  PortfolioOptions portfolio;
  std::string out;
  report::Lang lang = report::Lang::zh;
};

// The per-file work: everything the site needs of one order, its evaluation and its assessment as
// of the site's day. An InputError (a date outside the calendar …) makes the file unusable: it is
// listed with the bad files and the others are published.
report::PublishedOrder publish_one(track::TrackedProject&& tracked, calendar::Date as_of,
                                   const model::EscalationThresholds& escalation) {
  report::PublishedOrder order{std::move(tracked), {}, {}};
  const auto& t = order.tracked;
  order.evaluation = track::evaluate_project(t, {as_of, true, escalation});
  order.assessment = track::assess_project(t.project, t.reference, *t.calendar, as_of);
  return order;
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
  const fs::path site_dir = site_path(o.out); // before anything is loaded: a bad --out costs nothing
  PortfolioRun run(o.portfolio, ctx);
  const calendar::Date as_of = run.as_of();

  report::SiteInput in;
  in.as_of = as_of;
  in.capacities = run.capacities();
  run.for_each(
      [&](track::TrackedProject&& order) -> std::optional<report::PublishedOrder> {
        // An order applied after the as-of date did not exist that week (SPEC §3).
        if (order.project.info.applied > as_of) return std::nullopt;
        return publish_one(std::move(order), as_of, run.escalation());
      },
      [&](track::PortfolioItem<std::optional<report::PublishedOrder>>&& item) {
        in.errors.insert(in.errors.end(), item.errors.begin(), item.errors.end());
        if (item.result && *item.result) in.orders.push_back(std::move(**item.result));
      });

  const report::Site site = report::build_site(in, o.lang);
  replace_directory_atomically(site_dir, site_files(site, o.lang));
  fmt::print(stderr, "yekuo: published {} orders ({} pages) to {}{}\n", site.published, site.pages.size(),
             site_dir.string(),
             site.bad_files == 0 ? "" : fmt::format("; {} bad files listed on the index page", site.bad_files));
  return run.exit_code();
}

} // namespace

Command setup_publish(CLI::App& parent) {
  auto opts = std::make_shared<PublishOptions>();
  auto* app = parent.add_subcommand(
      "publish", "write the portfolio's static website: index, one page per order (plan + Gantt, weekly evaluation), "
                 "evaluation and assessment pages");
  add_portfolio_options(app, opts->portfolio, "publish as of this date (default: today in Asia/Shanghai)");
  app->add_option("--out", opts->out, "the site directory (replaced as a whole, atomically)")
      ->required()
      ->option_text("SITEDIR");
  add_lang_option(app, opts->lang);
  return {app, [opts](const Context& ctx) { return run_publish(*opts, ctx); }};
}

} // namespace yekuo::cli
