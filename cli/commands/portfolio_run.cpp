#include "portfolio_run.hpp"

#include "inputs.hpp"
#include "output_options.hpp"

#include <fmt/format.h>

namespace yekuo::cli {

void add_portfolio_options(CLI::App* app, PortfolioOptions& opts, const std::string& as_of_help) {
  app->add_option("paths", opts.paths, "project files or directories (searched for *.toml)")
      ->required()
      ->option_text("DIR|FILE...");
  add_date_option(app, "--as-of", opts.as_of, as_of_help);
  add_calendar_option(app, opts.calendar);
  app->add_option("-j,--jobs", opts.jobs, "worker threads (default: all cores)")->option_text("N");
}

void BadInputs::report(const std::vector<Diagnostic>& errors) {
  if (errors.empty()) return;
  ++m_count;
  for (const auto& d : errors) fmt::print(stderr, "{}\n", format_diagnostic(d));
}

namespace {

io::OrgSettings org_settings(const PortfolioOptions& opts) { return load_org_settings(opts.calendar); }

} // namespace

PortfolioRun::PortfolioRun(const PortfolioOptions& opts, const Context& ctx)
    : PortfolioRun(opts, ctx, org_settings(opts)) {}

PortfolioRun::PortfolioRun(const PortfolioOptions& opts, const Context& ctx, io::OrgSettings&& org)
    : m_calendars(std::move(org.calendar)), m_escalation(org.escalation),
      m_capacities(std::move(org.capacities)),
      m_inputs(track::portfolio_inputs(discover_orders(opts.paths))) {
  m_load.as_of = opts.as_of.empty() ? ctx.today : parse_date_option(opts.as_of, "--as-of");
  m_load.threads = opts.jobs;
  m_load.calendars = &m_calendars;
}

int PortfolioRun::exit_code(bool overdue_fails) const {
  if (m_bad.count() > 0) return code(ExitCode::bad_input);
  if (overdue_fails) return code(ExitCode::overdue);
  return code(ExitCode::ok);
}

} // namespace yekuo::cli
