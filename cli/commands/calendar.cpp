// yekuo calendar: the working-day helper for customer managers and for checking dates by hand.
#include <yekuo/calendar/calendar.hpp>

#include "command.hpp"
#include "inputs.hpp"
#include "output_options.hpp"

#include <yekuo/calendar/cn_holidays.hpp>
#include <yekuo/report/labels.hpp>
#include <yekuo/util/error.hpp>

#include <fmt/format.h>
#include <memory>

namespace yekuo::cli {

namespace {

struct CalendarOptions {
  int year = 0;
  std::vector<std::string> between;
  std::vector<std::string> add;
  bool quiet = false;
  report::Lang lang = report::Lang::zh;
  std::string calendar; // empty: $YEKUO_CALENDAR, else the official calendar alone
};

bool english(const CalendarOptions& o) { return o.lang == report::Lang::en; }

std::string day_label(calendar::Date d, const CalendarOptions& o) { return report::date_with_weekday(o.lang, d); }

void warn_if_provisional(const calendar::WorkingCalendar& cal, calendar::Date a, calendar::Date b) {
  for (int y : cal.provisional_years(a, b)) warn(calendar::WorkingCalendar::provisional_warning(y));
}

int list_year(const CalendarOptions& o, const calendar::WorkingCalendar& cal) {
  if (o.year < calendar::WorkingCalendar::k_first_year || o.year > calendar::WorkingCalendar::k_last_year)
    throw InputError(fmt::format("year {} is outside the calendar's range {}..{}", o.year,
                                 calendar::WorkingCalendar::k_first_year, calendar::WorkingCalendar::k_last_year));
  const auto first = *calendar::Date::from_ymd(o.year, 1, 1);
  const auto last = *calendar::Date::from_ymd(o.year, 12, 31);
  const int working = cal.point(last) - cal.point(first) + (cal.is_working_day(first) ? 1 : 0);
  if (!cal.has_official_data(o.year)) warn(calendar::WorkingCalendar::provisional_warning(o.year));
  std::string out = english(o) ? fmt::format("{}: {} working days\n", o.year, working)
                              : fmt::format("{} 年：{} 个工作日\n", o.year, working);
  for (const auto& e : cal.entries(o.year)) {
    const char* kind = e.working ? (english(o) ? "working day (adjusted)" : "调休上班")
                                 : (english(o) ? "holiday" : "放假");
    const std::string name = english(o) ? e.name : calendar::holiday_name_zh(e.name.c_str());
    out += fmt::format("{}  {}  {}\n", day_label(e.date, o), kind, name == "local" && !english(o) ? "本地调整" : name);
  }
  fmt::print("{}", out);
  return code(ExitCode::ok);
}

int count_between(const CalendarOptions& o, const calendar::WorkingCalendar& cal) {
  const auto a = parse_date_option(o.between.at(0), "--between");
  const auto b = parse_date_option(o.between.at(1), "--between");
  const int n = cal.working_days_between(a, b);
  warn_if_provisional(cal, a, b);
  if (o.quiet)
    fmt::print("{}\n", n);
  else if (english(o))
    fmt::print("{} working days after {} up to and including {}\n", n, day_label(a, o), day_label(b, o));
  else
    fmt::print("{} 之后至 {}（含）共 {} 个工作日\n", day_label(a, o), day_label(b, o), n);
  return code(ExitCode::ok);
}

int add_days(const CalendarOptions& o, const calendar::WorkingCalendar& cal) {
  const auto a = parse_date_option(o.add.at(0), "--add");
  int n = 0;
  try {
    std::size_t used = 0;
    n = std::stoi(o.add.at(1), &used);
    if (used != o.add.at(1).size()) throw std::invalid_argument("trailing");
  } catch (const std::exception&) {
    throw InputError(fmt::format("--add: expected a whole number of working days, got '{}'", o.add.at(1)));
  }
  if (n > 100000 || n < -100000) throw InputError("--add: at most 100000 working days either way");
  const auto r = cal.add_working_days(a, n);
  warn_if_provisional(cal, a, r);
  if (o.quiet)
    fmt::print("{}\n", r.iso());
  else if (english(o))
    fmt::print("{} {:+} working days = {}\n", day_label(a, o), n, day_label(r, o));
  else
    fmt::print("{} {:+} 个工作日 = {}\n", day_label(a, o), n, day_label(r, o));
  return code(ExitCode::ok);
}

} // namespace

Command setup_calendar(CLI::App& parent) {
  auto opts = std::make_shared<CalendarOptions>();
  auto* app = parent.add_subcommand("calendar", "working-day helper: list a year's holidays, count or add working days");
  app->add_option("year", opts->year, "list this year's holidays and adjusted working days");
  auto* between = app->add_option("--between", opts->between, "count working days after A up to and including B")
                      ->expected(2)
                      ->option_text("A B");
  auto* add = app->add_option("--add", opts->add, "add N working days to DATE (N may be negative)")
                  ->expected(2)
                  ->option_text("DATE N");
  between->excludes(add);
  app->add_flag("-q,--quiet", opts->quiet, "print only the number or the date");
  add_lang_option(app, opts->lang);
  add_calendar_option(app, opts->calendar);
  return {app, [opts, app](const Context&) {
            // The same working days as every other command: the official calendar plus the
            // organization's overrides (--calendar FILE or $YEKUO_CALENDAR).
            const auto overrides = load_org_calendar(opts->calendar);
            const calendar::WorkingCalendar org(overrides);
            const auto& cal = overrides.empty() ? calendar::WorkingCalendar::china() : org;
            if (!opts->between.empty()) return count_between(*opts, cal);
            if (!opts->add.empty()) return add_days(*opts, cal);
            if (opts->year != 0) return list_year(*opts, cal);
            throw InputError("calendar: give a YEAR, --between A B or --add DATE N (see yekuo calendar --help)");
            (void)app;
          }};
}

} // namespace yekuo::cli
