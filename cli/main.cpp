// The only catch-all: parse the command line, run the chosen subcommand, map errors to
// exit codes (SPEC §5).
#include "commands/command.hpp"
#include "context.hpp"
#include "exit_codes.hpp"

#include <yekuo/util/error.hpp>

#include <CLI/CLI.hpp>
#include <exception>
#include <fmt/format.h>
#include <vector>

int main(int argc, char** argv) {
  using namespace yekuo::cli;
  CLI::App app{"yekuo (业扩): back-schedule electricity-connection orders from the customer's target date, "
               "track them weekly, assess overruns"};
  app.name("yekuo");
  app.set_version_flag("--version", "yekuo " YEKUO_VERSION);
  app.require_subcommand(1);
  app.fallthrough(false);

  std::vector<Command> commands{setup_new(app),      setup_import(app), setup_check(app),    setup_plan(app),
                                setup_record(app),   setup_evaluate(app), setup_remind(app), setup_assess(app),
                                setup_calendar(app), setup_publish(app), setup_export(app), setup_load(app)};
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int rc = app.exit(e);
    return rc == 0 ? 0 : code(ExitCode::bad_input);
  }

  try {
    const Context ctx = make_context();
    for (const auto& c : commands)
      if (c.app->parsed()) return c.run(ctx);
    return code(ExitCode::bad_input);
  } catch (const yekuo::InputError& e) {
    fmt::print(stderr, "yekuo: error: {}\n", e.what());
    return code(ExitCode::bad_input);
  } catch (const yekuo::InternalError& e) {
    fmt::print(stderr, "yekuo: internal error: {}\n", e.what());
    return code(ExitCode::internal);
  } catch (const std::bad_alloc&) {
    fmt::print(stderr, "yekuo: internal error: out of memory\n");
    return code(ExitCode::internal);
  } catch (const std::exception& e) {
    fmt::print(stderr, "yekuo: internal error: {}\n", e.what());
    return code(ExitCode::internal);
  }
}
