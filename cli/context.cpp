#include "context.hpp"

#include <yekuo/util/error.hpp>

#include <chrono>
#include <cstdlib>
#include <unistd.h>

namespace yekuo::cli {

namespace {
calendar::Date shanghai_today() {
  using namespace std::chrono;
  // China Standard Time is UTC+8 all year round.
  const auto now = floor<days>(system_clock::now() + hours{8});
  return calendar::Date::from_days(static_cast<std::int32_t>(now.time_since_epoch().count()));
}

bool env_set(const char* name) {
  const char* v = std::getenv(name);
  return v != nullptr && *v != '\0';
}
} // namespace

Context make_context() {
  Context ctx;
  ctx.today = shanghai_today();
  if (const char* forced = std::getenv("YEKUO_TODAY"); forced != nullptr && *forced != '\0') {
    const auto d = calendar::Date::parse_iso(forced);
    if (!d) throw InputError("YEKUO_TODAY must be a date like 2010-03-01");
    ctx.today = *d;
  }
  ctx.stdout_is_tty = ::isatty(STDOUT_FILENO) != 0;
  ctx.color = env_set("CLICOLOR_FORCE") || (ctx.stdout_is_tty && !env_set("NO_COLOR") &&
                                            std::getenv("TERM") != nullptr && std::string(std::getenv("TERM")) != "dumb");
  return ctx;
}

} // namespace yekuo::cli
