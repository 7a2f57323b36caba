#include "command.hpp"

#include <fmt/format.h>

namespace yekuo::cli {

// Placeholder until the command is built (see the open issues).
Command setup_assess(CLI::App& parent) {
  auto* app = parent.add_subcommand("assess", "(not built yet)");
  app->allow_extras();
  return {app, [](const Context&) {
            fmt::print(stderr, "yekuo: 'assess' is not built yet\n");
            return code(ExitCode::internal);
          }};
}

} // namespace yekuo::cli
