#pragma once
// What every command over a directory of orders shares (evaluate, remind, assess, publish): the
// FILE|DIR arguments, --as-of, --calendar and --jobs; the organization settings; discovery; and
// the run itself, track::for_each_order with each bad file or path printed to stderr as it is
// handed over and counted for the exit code. A new portfolio command composes this with its
// per-file work and its report (ARCHITECTURE.md, "Portfolios").
#include "context.hpp"
#include "exit_codes.hpp"

#include <yekuo/calendar/calendar_cache.hpp>
#include <yekuo/io/calendar_config.hpp>
#include <yekuo/track/evaluate.hpp>
#include <yekuo/track/portfolio.hpp>

#include <CLI/CLI.hpp>
#include <cstddef>
#include <string>
#include <utility>
#include <vector>

namespace yekuo::cli {

struct PortfolioOptions {
  std::vector<std::string> paths;
  std::string as_of;    // empty: today (Asia/Shanghai)
  std::string calendar; // empty: $YEKUO_CALENDAR, else none
  unsigned jobs = 0;    // 0: all cores
};

// The FILE|DIR... arguments, --as-of (with its help text), --calendar and -j/--jobs.
void add_portfolio_options(CLI::App* app, PortfolioOptions& opts, const std::string& as_of_help);

// Prints an item's errors (file:line:col) to stderr and counts the bad inputs.
class BadInputs {
public:
  void report(const std::vector<Diagnostic>& errors);
  [[nodiscard]] std::size_t count() const { return m_count; }

private:
  std::size_t m_count = 0;
};

class PortfolioRun {
public:
  // Reads the organization settings (an invalid file stops here: every date could be wrong) and
  // discovers the files (skipped baselines and "no project files" are warned about).
  PortfolioRun(const PortfolioOptions& opts, const Context& ctx);
  // The same with organization settings the command has already read (opts.calendar is not read).
  PortfolioRun(const PortfolioOptions& opts, const Context& ctx, io::OrgSettings&& org);
  PortfolioRun(const PortfolioRun&) = delete; // the load points at the calendars
  PortfolioRun& operator=(const PortfolioRun&) = delete;

  [[nodiscard]] calendar::Date as_of() const { return m_load.as_of; }
  [[nodiscard]] const model::EscalationThresholds& escalation() const { return m_escalation; }
  // The organization's declared department capacity ([[department]]; empty when none).
  [[nodiscard]] const model::Capacities& capacities() const { return m_capacities; }

  // track::for_each_order over the inputs; bad items are reported before `consume` sees them.
  template <class Work, class Consume>
  void for_each(Work&& work, Consume&& consume) {
    track::for_each_order(m_inputs, m_load, std::forward<Work>(work), [&](auto&& item) {
      m_bad.report(item.errors);
      consume(std::move(item));
    });
  }

  // An input the command itself finds unusable once its turn comes (an order id already exported):
  // printed and counted like the others.
  void reject(const std::vector<Diagnostic>& errors) { m_bad.report(errors); }

  // Files or paths that could not be used (so far).
  [[nodiscard]] std::size_t bad_inputs() const { return m_bad.count(); }
  // 2 if any file or path was bad, else 4 if `overdue_fails`, else 0.
  [[nodiscard]] int exit_code(bool overdue_fails = false) const;

private:

  calendar::CalendarCache m_calendars;
  model::EscalationThresholds m_escalation;
  model::Capacities m_capacities;
  track::PortfolioInputs m_inputs;
  track::PortfolioLoad m_load;
  BadInputs m_bad;
};

// The weekly evaluation of every order (evaluate, remind): each file's track::FileResult handed to
// `add` in input order. Returns whether a stage is overdue in an order not energized yet (for
// --fail-on-overdue).
template <class Add>
bool evaluate_each(PortfolioRun& run, const track::EvaluateOptions& eval, Add&& add) {
  bool any_overdue = false;
  run.for_each([&](track::TrackedProject&& order) { return track::evaluate_project(order, eval); },
               [&](track::PortfolioItem<track::ProjectEvaluation>&& item) {
                 const auto r = track::evaluated_file(std::move(item));
                 if (r.evaluation && !r.evaluation->energized && r.evaluation->any_overdue()) any_overdue = true;
                 add(r);
               });
  return any_overdue;
}

} // namespace yekuo::cli
