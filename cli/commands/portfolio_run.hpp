#pragma once
// What `evaluate` and `remind` share: the options over a directory of orders, loading and
// evaluating the files in parallel, reporting bad files on stderr, and the exit code.
#include "context.hpp"
#include "exit_codes.hpp"
#include "output_options.hpp"

#include <yekuo/track/evaluate.hpp>

#include <CLI/CLI.hpp>
#include <functional>
#include <string>
#include <vector>

namespace yekuo::cli {

struct PortfolioOptions {
  std::vector<std::string> paths;
  std::string as_of;    // empty: today (Asia/Shanghai)
  std::string calendar; // empty: $YEKUO_CALENDAR, else none
  bool fail_on_overdue = false;
  unsigned jobs = 0;    // 0: all cores
  OutputOptions output;
};

void add_portfolio_options(CLI::App* app, PortfolioOptions& opts);

// --as-of, or today (Asia/Shanghai).
[[nodiscard]] calendar::Date portfolio_as_of(const PortfolioOptions& opts, const Context& ctx);

// What the exit code depends on.
struct PortfolioTally {
  int bad_files = 0;        // files or paths with errors
  bool any_overdue = false; // a stage overdue in an active project
  void add(const track::FileResult& result);
};

// Discovers the files, loads and evaluates them in parallel and hands each result to `consume`
// in input order as soon as it is ready (then the unreadable paths, as results with an error);
// every error is printed to stderr as file:line:col when its result is handed over.
PortfolioTally stream_portfolio(const PortfolioOptions& opts, const Context& ctx, bool forecast,
                                const std::function<void(track::FileResult&&)>& consume);

// stream_portfolio, the results kept in input order. `keep`, if given, may drop what the report
// does not need from a result, or the whole result (by returning false); the tally is taken
// before, from the whole results.
struct PortfolioRun {
  track::PortfolioEvaluation portfolio;
  PortfolioTally tally;
};
[[nodiscard]] PortfolioRun run_portfolio(const PortfolioOptions& opts, const Context& ctx, bool forecast,
                                         const std::function<bool(track::FileResult&)>& keep = {});

// 2 if any file or path was bad, else 4 if --fail-on-overdue and anything is overdue, else 0.
[[nodiscard]] int portfolio_exit_code(const PortfolioTally& tally, const PortfolioOptions& opts);

} // namespace yekuo::cli
