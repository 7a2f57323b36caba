#pragma once
// Things decided once, at the edge: the date today in Asia/Shanghai, whether stdout is a
// terminal and whether to colour. The library receives these as plain parameters.
#include <yekuo/calendar/date.hpp>

#include <string>

namespace yekuo::cli {

struct Context {
  calendar::Date today;      // Asia/Shanghai (UTC+8, no DST); YEKUO_TODAY=YYYY-MM-DD overrides it for tests
  bool stdout_is_tty = false;
  bool color = false;        // tty and no NO_COLOR, or CLICOLOR_FORCE set
};

Context make_context();

} // namespace yekuo::cli
