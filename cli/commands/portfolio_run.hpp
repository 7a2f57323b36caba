#pragma once
// What `evaluate` and `remind` share: the options over a directory of orders, loading and
// evaluating the files in parallel, reporting bad files on stderr, and the exit code.
#include "context.hpp"
#include "exit_codes.hpp"
#include "output_options.hpp"

#include <yekuo/track/evaluate.hpp>

#include <CLI/CLI.hpp>
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

// Discovers the files, loads and evaluates them; bad files and unreadable paths are printed to
// stderr as file:line:col and recorded in the result.
[[nodiscard]] track::PortfolioEvaluation run_portfolio(const PortfolioOptions& opts, const Context& ctx, bool forecast);

// 2 if any file or path was bad, else 4 if --fail-on-overdue and anything is overdue, else 0.
[[nodiscard]] int portfolio_exit_code(const track::PortfolioEvaluation& portfolio, const PortfolioOptions& opts);

} // namespace yekuo::cli
