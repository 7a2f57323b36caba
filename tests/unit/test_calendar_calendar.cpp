#include "doctest_printers.hpp"
#include "test_dates.hpp"

#include <yekuo/calendar/calendar.hpp>
#include <yekuo/calendar/cn_holidays.hpp>
#include <yekuo/util/error.hpp>

#include <algorithm>
#include <fstream>
#include <map>
#include <string>

using yekuo::calendar::Date;
using yekuo::calendar::WorkingCalendar;

namespace {

// The reference table shipped in the repository (data/cn-calendar.csv, the official dates; their
// sources and checks are in data/cn-calendar-SOURCES.md): date -> "holiday" | "workday".
std::map<std::int32_t, std::string> load_reference(std::string& used_path) {
  used_path = std::string(YEKUO_SOURCE_DIR) + "/data/cn-calendar.csv";
  std::ifstream in(used_path);
  REQUIRE(in.good());
  std::map<std::int32_t, std::string> out;
  std::string line;
  std::getline(in, line);
  CHECK(line == "date,kind,name");
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    const auto c1 = line.find(',');
    const auto c2 = line.find(',', c1 + 1);
    REQUIRE(c1 != std::string::npos);
    REQUIRE(c2 != std::string::npos);
    const auto d = Date::parse_iso(line.substr(0, c1));
    REQUIRE(d.has_value());
    out[d->days()] = line.substr(c1 + 1, c2 - c1 - 1);
  }
  return out;
}
} // namespace

TEST_SUITE("calendar::WorkingCalendar") {

TEST_CASE("every day of 2004-2026 agrees with the reference table") {
  std::string path;
  const auto ref = load_reference(path);
  MESSAGE("reference: " << path);
  CHECK(ref.size() >= 768);
  const auto& cal = WorkingCalendar::china();
  int checked = 0;
  for (Date d = D("2004-01-01"); d <= D("2026-12-31"); d = d.plus_days(1)) {
    bool expected = !d.is_weekend();
    if (auto it = ref.find(d.days()); it != ref.end()) expected = it->second == "workday";
    INFO(d.iso());
    CHECK(cal.is_working_day(d) == expected);
    ++checked;
  }
  CHECK(checked == 8401);
}

TEST_CASE("every adjusted working day is a weekend day and every listed holiday is off") {
  std::string path;
  const auto ref = load_reference(path);
  const auto& cal = WorkingCalendar::china();
  for (const auto& [days, kind] : ref) {
    const Date d = Date::from_days(days);
    INFO(d.iso());
    if (kind == "workday") {
      CHECK(d.is_weekend());
      CHECK(cal.is_working_day(d));
    } else {
      CHECK(kind == "holiday");
      CHECK_FALSE(cal.is_working_day(d));
    }
  }
}

TEST_CASE("working days per year match the published counts") {
  // From data/cn-calendar-SOURCES.md, "Working days per year", where they are cross-checked
  // against the counts of two other data sets (LKI, holiday-cn).
  const std::map<int, int> expected{{2004, 252}, {2005, 251}, {2006, 251}, {2007, 249}, {2008, 251}, {2009, 250},
                                    {2010, 250}, {2011, 250}, {2012, 249}, {2013, 250}, {2014, 250}, {2015, 249},
                                    {2016, 250}, {2017, 249}, {2018, 250}, {2019, 250}, {2020, 249}, {2021, 250},
                                    {2022, 249}, {2023, 249}, {2024, 251}, {2025, 248}, {2026, 248}};
  const auto& cal = WorkingCalendar::china();
  for (const auto& [year, count] : expected) {
    INFO(year);
    const Date last_of_prev = *Date::from_ymd(year - 1, 12, 31);
    const Date last = *Date::from_ymd(year, 12, 31);
    CHECK(cal.working_days_between(last_of_prev, last) == count);
    CHECK(cal.has_official_data(year));
  }
}

TEST_CASE("the SPEC §2 counting example: 5 working days after Mon 2010-01-11") {
  const auto& cal = WorkingCalendar::china();
  const auto start = cal.point(D("2010-01-11"));
  CHECK(cal.date_of(start + 1) == D("2010-01-12"));
  CHECK(cal.date_of(start + 5) == D("2010-01-18"));
  CHECK(cal.add_working_days(D("2010-01-11"), 5) == D("2010-01-18"));
}

TEST_CASE("point and date_of are inverse on working days") {
  const auto& cal = WorkingCalendar::china();
  for (Date d = D("2009-12-01"); d <= D("2011-02-01"); d = d.plus_days(1)) {
    if (!cal.is_working_day(d)) continue;
    CHECK(cal.date_of(cal.point(d)) == d);
  }
  // A non-working day shares the point of the last working day before it.
  CHECK(cal.point(D("2010-02-14")) == cal.point(D("2010-02-12")));
}

TEST_CASE("Spring Festival 2010 and its adjusted weekend working days") {
  const auto& cal = WorkingCalendar::china();
  // Holiday 13-19 Feb 2010; Sat 20 and Sun 21 Feb were working days.
  CHECK_FALSE(cal.is_working_day(D("2010-02-15")));
  CHECK_FALSE(cal.is_working_day(D("2010-02-19")));
  CHECK(cal.is_working_day(D("2010-02-20")));
  CHECK(cal.is_working_day(D("2010-02-21")));
  CHECK(cal.next_working_day(D("2010-02-12")) == D("2010-02-20"));
  CHECK(cal.previous_working_day(D("2010-02-20")) == D("2010-02-12"));
  CHECK(cal.working_days_between(D("2010-02-12"), D("2010-02-22")) == 3);
}

TEST_CASE("adding working days in both directions") {
  const auto& cal = WorkingCalendar::china();
  CHECK(cal.add_working_days(D("2010-01-15"), 1) == D("2010-01-18"));  // Fri -> Mon
  CHECK(cal.add_working_days(D("2010-01-16"), 1) == D("2010-01-18"));  // Sat -> Mon
  CHECK(cal.add_working_days(D("2010-01-18"), -1) == D("2010-01-15")); // Mon -> Fri
  CHECK(cal.add_working_days(D("2010-01-17"), -1) == D("2010-01-15")); // Sun -> Fri
  CHECK(cal.add_working_days(D("2010-01-17"), -2) == D("2010-01-14"));
  CHECK(cal.add_working_days(D("2010-01-17"), 0) == D("2010-01-17"));
  CHECK(cal.add_working_days(D("2026-09-30"), 1).iso() == "2026-10-08"); // National Day 2026: 10-01..07 off
  CHECK(cal.add_working_days(D("2026-10-09"), 1).iso() == "2026-10-10"); // Sat 10-10 is a working day
}

TEST_CASE("a year without published data is Mon-Fri and flagged provisional") {
  const auto& cal = WorkingCalendar::china();
  CHECK_FALSE(cal.has_official_data(2027));
  CHECK(cal.provisional_years(D("2026-12-01"), D("2027-03-01")) == std::vector<int>{2027});
  // 2027-02-08 would be near Spring Festival but there is no data: an ordinary Monday.
  CHECK(cal.is_working_day(D("2027-02-08")));
  CHECK(WorkingCalendar::provisional_warning(2027).find("2027 holiday schedule not published yet") == 0);
}

TEST_CASE("organization overrides add holidays, working days and covered years") {
  yekuo::calendar::CalendarOverrides o;
  o.holidays.push_back(D("2010-01-12"));  // a local holiday on a Tuesday
  o.workdays.push_back(D("2010-01-16"));  // a Saturday made a working day
  o.covered_years.push_back(2027);
  const WorkingCalendar cal(o);
  CHECK_FALSE(cal.is_working_day(D("2010-01-12")));
  CHECK(cal.is_working_day(D("2010-01-16")));
  CHECK(cal.add_working_days(D("2010-01-11"), 1) == D("2010-01-13"));
  CHECK(cal.has_official_data(2027));
  const auto entries = cal.entries(2010);
  CHECK(std::count_if(entries.begin(), entries.end(), [](const auto& e) { return e.name == "local"; }) == 2);
}

TEST_CASE("dates and points outside the index are input errors, not crashes") {
  const auto& cal = WorkingCalendar::china();
  CHECK_THROWS_AS((void)cal.point(D("1900-01-01")), yekuo::InputError);
  CHECK_THROWS_AS((void)cal.point(D("9999-12-31")), yekuo::InputError);
  CHECK_THROWS_AS((void)cal.date_of(0), yekuo::InputError);
  CHECK_THROWS_AS((void)cal.date_of(-5), yekuo::InputError);
  CHECK_THROWS_AS((void)cal.date_of(100000000), yekuo::InputError);
  CHECK_THROWS_AS((void)cal.add_working_days(D("2199-12-30"), 10), yekuo::InputError);
}

}

TEST_SUITE("calendar::Date") {
TEST_CASE("ISO parsing is strict") {
  CHECK(Date::parse_iso("2010-02-28").has_value());
  CHECK_FALSE(Date::parse_iso("2010-02-30").has_value());
  CHECK_FALSE(Date::parse_iso("2010-2-28").has_value());
  CHECK_FALSE(Date::parse_iso("2010-02-28x").has_value());
  CHECK_FALSE(Date::parse_iso("0000-01-01").has_value());
  CHECK(D("2012-02-29").iso() == "2012-02-29");
  CHECK(D("2010-01-11").weekday() == 0);
  CHECK(D("2010-01-17").weekday() == 6);
}
TEST_CASE("adding months clamps to the end of the month") {
  CHECK(yekuo::calendar::add_months(D("2010-01-31"), 1) == D("2010-02-28"));
  CHECK(yekuo::calendar::add_months(D("2012-01-31"), 1) == D("2012-02-29"));
  CHECK(yekuo::calendar::add_months(D("2010-12-15"), 1) == D("2011-01-15"));
}
}

TEST_CASE("iso() writes YYYY-MM-DD and parse_iso reads it back, for every day 1900-2200") {
  const Date first = *Date::from_ymd(1900, 1, 1);
  const Date last = *Date::from_ymd(2200, 12, 31);
  int year = 1900, month = 1, day = 1;
  for (Date d = first; d <= last; d = d.plus_days(1)) {
    const std::string text = d.iso();
    REQUIRE(text.size() == 10);
    REQUIRE(std::stoi(text.substr(0, 4)) == year);
    REQUIRE(std::stoi(text.substr(5, 2)) == month);
    REQUIRE(std::stoi(text.substr(8, 2)) == day);
    REQUIRE(Date::parse_iso(text) == d);
    // the next calendar day, counted independently of the library
    static constexpr int k_days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    const int in_month = month == 2 && leap ? 29 : k_days[month - 1];
    if (++day > in_month) {
      day = 1;
      if (++month > 12) {
        month = 1;
        ++year;
      }
    }
  }
}
