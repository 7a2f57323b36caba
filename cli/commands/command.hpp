#pragma once
// Each subcommand lives in its own file: an Options struct, setup_x() that binds the
// options to a CLI11 subcommand, and run_x() that does the work after parsing and returns
// an exit code. setup_x returns the subcommand and a closure over its options.
#include "context.hpp"
#include "exit_codes.hpp"

#include <CLI/CLI.hpp>
#include <functional>

namespace yekuo::cli {

struct Command {
  CLI::App* app = nullptr;
  std::function<int(const Context&)> run;
};

Command setup_new(CLI::App& parent);
Command setup_check(CLI::App& parent);
Command setup_plan(CLI::App& parent);
Command setup_evaluate(CLI::App& parent);
Command setup_remind(CLI::App& parent);
Command setup_assess(CLI::App& parent);
Command setup_calendar(CLI::App& parent);
Command setup_publish(CLI::App& parent);
Command setup_import(CLI::App& parent);
Command setup_record(CLI::App& parent);
Command setup_export(CLI::App& parent);
Command setup_load(CLI::App& parent);

} // namespace yekuo::cli
