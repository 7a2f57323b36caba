#include "doctest_printers.hpp"
#include "test_dates.hpp"

#include <yekuo/io/calendar_config.hpp>

using namespace yekuo;
using calendar::Date;

TEST_SUITE("io::calendar_config") {

TEST_CASE("an organization calendar file gives its holidays, working days and years") {
  Diagnostics d;
  const auto ov = io::load_calendar_overrides_text(
      "[calendar]\nholidays = [2027-01-01, \"2027-02-08\"]\nworkdays = [2027-02-06]\nyears = [2027]\n", "org.toml", d);
  REQUIRE(ov.has_value());
  CHECK(d.empty());
  CHECK(ov->holidays == std::vector<Date>{D("2027-01-01"), D("2027-02-08")});
  CHECK(ov->workdays == std::vector<Date>{D("2027-02-06")});
  CHECK(ov->covered_years == std::vector<int>{2027});
  // The overrides do what they say in a working calendar.
  const calendar::WorkingCalendar cal(*ov);
  CHECK(cal.has_official_data(2027));
  CHECK_FALSE(cal.is_working_day(D("2027-02-08"))); // a Monday made a holiday
  CHECK(cal.is_working_day(D("2027-02-06")));       // a Saturday made a working day
}

TEST_CASE("the organization file's [escalation] table sets the ladder's thresholds; the calendar keeps working") {
  Diagnostics d;
  auto s = io::load_org_settings_text("[calendar]\nholidays = [2027-01-04]\n[escalation]\ndirector_days = 3\ndeputy_days = 7\n",
                                      "org.toml", d);
  REQUIRE(s.has_value());
  CHECK(d.empty());
  CHECK(s->escalation.director_days == 3);
  CHECK(s->escalation.deputy_days == 7);
  CHECK(s->calendar.holidays == std::vector<Date>{D("2027-01-04")});
  // Without [escalation]: the defaults 5 and 10. Only [escalation]: no calendar changes, no error.
  s = io::load_org_settings_text("[calendar]\nyears = [2027]\n", "org.toml", d);
  REQUIRE(s.has_value());
  CHECK(s->escalation.director_days == 5);
  CHECK(s->escalation.deputy_days == 10);
  s = io::load_org_settings_text("[escalation]\ndeputy_days = 12\n", "org.toml", d);
  REQUIRE(s.has_value());
  CHECK(d.empty());
  CHECK(s->escalation.director_days == 5);
  CHECK(s->escalation.deputy_days == 12);
  CHECK(s->calendar.holidays.empty());
  // deputy before director, an unknown key (did you mean), a value out of range: each at its position.
  Diagnostics bad;
  CHECK_FALSE(io::load_org_settings_text("[escalation]\ndirector_days = 6\ndeputy_days = 4\n", "org.toml", bad));
  REQUIRE(bad.items().size() == 1);
  CHECK(bad.items()[0].code == "bad-escalation");
  CHECK(bad.items()[0].loc.line == 3);
  Diagnostics typo;
  CHECK_FALSE(io::load_org_settings_text("[escalation]\ndirector_day = 6\n", "org.toml", typo));
  REQUIRE_FALSE(typo.items().empty());
  CHECK(typo.items()[0].code == "unknown-key");
  CHECK(typo.items()[0].message.find("did you mean \"director_days\"") != std::string::npos);
  Diagnostics zero;
  CHECK_FALSE(io::load_org_settings_text("[escalation]\ndirector_days = 0\n", "org.toml", zero));
  CHECK(zero.items()[0].code == "bad-escalation");
  // Neither table: the calendar table is missing, as before.
  Diagnostics none;
  CHECK_FALSE(io::load_org_settings_text("schema = 1\n", "org.toml", none));
  CHECK(none.items()[0].code == "missing-key");
}

TEST_CASE("problems in a calendar file are reported with positions") {
  Diagnostics d;
  const auto ov = io::load_calendar_overrides_text(
      "schema = 1\n[calendar]\nholidays = [2027-01-01, 1999-01-01]\nworkdays = [\"2027-01-01\"]\nyears = [\"2027\"]\nholyday = []\n",
      "org.toml", d);
  CHECK_FALSE(ov.has_value());
  auto has = [&](const char* code, int line, int col) {
    for (const auto& x : d.items())
      if (x.code == code && x.loc.line == line && x.loc.column == col) return true;
    return false;
  };
  CHECK(has("date-out-of-range", 3, 25));
  CHECK(has("calendar-conflict", 4, 13));
  CHECK(has("wrong-type", 5, 10));
  CHECK(has("unknown-key", 6, 1));
  CHECK(d.error_count() == 4);
}

TEST_CASE("a calendar file needs the [calendar] table") {
  Diagnostics d;
  CHECK_FALSE(io::load_calendar_overrides_text("years = [2027]\n", "org.toml", d).has_value());
  CHECK(d.items().size() == 2); // unknown key years, missing [calendar]
  Diagnostics d2;
  CHECK_FALSE(io::load_calendar_overrides("/nonexistent/org.toml", d2).has_value());
  CHECK(d2.items().at(0).code == "unreadable-file");
}

TEST_CASE("merging keeps both sets and lets the project's own table win") {
  calendar::CalendarOverrides org;
  org.holidays = {D("2027-01-01"), D("2027-02-08")};
  org.workdays = {D("2027-02-06")};
  org.covered_years = {2027};
  calendar::CalendarOverrides local;
  local.workdays = {D("2027-02-08")};
  local.holidays = {D("2027-02-06")};
  local.covered_years = {2028, 2027};
  const auto m = io::merge_overrides(org, local);
  CHECK(m.holidays == std::vector<Date>{D("2027-01-01"), D("2027-02-06")});
  CHECK(m.workdays == std::vector<Date>{D("2027-02-08")});
  CHECK(m.covered_years == std::vector<int>{2027, 2028});
}

}
