// The load rule's counting (track/load.hpp, calendar/week.hpp) on hand-counted weeks, and the
// [[department]] tables of the organization file.
#include "doctest_printers.hpp"
#include "test_dates.hpp"

#include <yekuo/calendar/week.hpp>
#include <yekuo/io/calendar_config.hpp>
#include <yekuo/report/load_report.hpp>
#include <yekuo/track/load.hpp>

#include <doctest/doctest.h>

using namespace yekuo;

TEST_SUITE("track::load") {

TEST_CASE("a week starts on Monday; a span occupies the weeks with one of its working days") {
  CHECK(calendar::week_start(D("2026-06-21")) == D("2026-06-15")); // a Sunday
  CHECK(calendar::week_start(D("2026-06-15")) == D("2026-06-15"));
  const auto& cal = calendar::WorkingCalendar::china();
  std::vector<calendar::Date> weeks;
  auto collect = [&](calendar::Date a, calendar::Date b) {
    weeks.clear();
    calendar::for_each_working_week(a, b, cal, [&](calendar::Date m) { weeks.push_back(m); });
    return weeks;
  };
  // Sat 2026-06-13 .. Sun 06-14: no working day, no week.
  CHECK(collect(D("2026-06-13"), D("2026-06-14")).empty());
  // Fri 06-12 .. Mon 06-15: two weeks.
  CHECK(collect(D("2026-06-12"), D("2026-06-15")) == std::vector<calendar::Date>{D("2026-06-08"), D("2026-06-15")});
  // National Day 2026: Thu 10-01 .. Wed 10-07 are holidays (working Sat 10-10): a stage inside them
  // occupies no week; one reaching Sat 10-10 occupies that week.
  CHECK(collect(D("2026-10-01"), D("2026-10-07")).empty());
  CHECK(collect(D("2026-10-01"), D("2026-10-10")) == std::vector<calendar::Date>{D("2026-10-05")});
}

TEST_CASE("the table counts each stage once per occupied week, against capacity and its exceptions") {
  model::Capacities caps;
  model::DepartmentCapacity dept{"基建部", 1, {{D("2026-06-22"), 0, {}}}, {}};
  caps.departments.push_back(dept);
  track::LoadTable table(track::weeks_from(D("2026-06-17"), 3), caps); // weeks of 06-15, 06-22, 06-29
  CHECK(table.window().first == D("2026-06-15"));
  const auto& cal = calendar::WorkingCalendar::china();
  table.add("A", {{"line", "线路施工", "基建部", D("2026-06-10"), D("2026-06-16")},  // before the window too
                  {"survey", "勘查", "客户服务中心", D("2026-06-27"), D("2026-06-28")}}, // a weekend only
            cal);
  table.add("B", {{"line", "线路施工", "基建部", D("2026-06-18"), D("2026-06-23")}}, cal);
  CHECK(table.load("基建部", D("2026-06-15")) == 2);
  CHECK(table.load("基建部", D("2026-06-24")) == 1);
  CHECK(table.load("基建部", D("2026-06-29")) == 0);
  CHECK(table.load("客户服务中心", D("2026-06-22")) == 0);
  CHECK(table.load("基建部", D("2026-07-06")) == 0); // outside the window

  const auto departments = table.departments();
  REQUIRE(departments.size() == 1); // the weekend-only stage loads nobody: no row for its department
  CHECK(departments[0].load == std::vector<int>{2, 1, 0});
  CHECK(departments[0].capacity_in == std::vector<std::optional<int>>{1, 0, 1});
  CHECK(departments[0].overloaded == std::vector<calendar::Date>{D("2026-06-15"), D("2026-06-22")});
  const auto overloads = table.overloads();
  REQUIRE(overloads.size() == 2);
  CHECK(overloads[0].stages.size() == 2);
  CHECK(overloads[0].stages[0].project == "A");
  CHECK(overloads[1].capacity == 0);
  CHECK(overloads[1].stages[0].project == "B");
}

TEST_CASE("undeclared departments have no limit and come after the declared ones, by name") {
  model::Capacities caps;
  caps.departments.push_back({"配电工区", 2, {}, {}});
  track::LoadTable table(track::weeks_from(D("2026-06-15"), 1), caps);
  const auto& cal = calendar::WorkingCalendar::china();
  table.add("A", {{"a", "", "发展策划部", D("2026-06-15"), D("2026-06-15")}, {"b", "", "基建部", D("2026-06-15"), D("2026-06-16")}},
            cal);
  table.add("B", {{"a", "", "基建部", D("2026-06-15"), D("2026-06-15")}}, cal);
  const auto d = table.departments();
  REQUIRE(d.size() == 3);
  CHECK(d[0].dept == "配电工区");
  CHECK(d[0].load == std::vector<int>{0});
  CHECK(d[1].dept < d[2].dept);
  CHECK_FALSE(d[2].capacity.has_value());
  CHECK(d[2].overloaded.empty());
  CHECK(table.overloads().empty());
}

TEST_CASE("heat levels: quarters of the capacity, 5 over it") {
  CHECK(report::load_heat(0, 3) == 0);
  CHECK(report::load_heat(1, 4) == 1);
  CHECK(report::load_heat(2, 4) == 2);
  CHECK(report::load_heat(3, 4) == 3);
  CHECK(report::load_heat(4, 4) == 4);
  CHECK(report::load_heat(5, 4) == 5);
  CHECK(report::load_heat(1, 0) == 5);
  CHECK_FALSE(report::load_heat(3, std::nullopt).has_value());
}

TEST_CASE("[[department]] tables: capacity, exceptions by Monday, errors with positions") {
  Diagnostics d;
  const auto s = io::load_org_settings_text(
      "[[department]]\nname = \"基建部\"\nconcurrent = 3\n[[department.week]]\nstart = 2027-02-15\nconcurrent = 0\n"
      "[[department.week]]\nstart = 2027-02-08\nconcurrent = 1\n",
      "org.toml", d);
  REQUIRE(s.has_value());
  CHECK(d.empty());
  REQUIRE(s->capacities.departments.size() == 1);
  const auto& dept = s->capacities.departments[0];
  CHECK(dept.capacity_in(D("2027-02-01")) == 3);
  CHECK(dept.capacity_in(D("2027-02-08")) == 1);
  CHECK(dept.capacity_in(D("2027-02-15")) == 0);
  CHECK(s->capacities.capacity("基建部", D("2027-03-01")) == 3);
  CHECK_FALSE(s->capacities.capacity("营销部", D("2027-03-01")).has_value());

  Diagnostics bad;
  CHECK_FALSE(io::load_org_settings_text("[[department]]\nname = \"基建部\"\nconcurrent = 3\n[[department.week]]\n"
                                         "start = 2027-02-10\nconcurrent = 1\n",
                                         "org.toml", bad)
                  .has_value());
  REQUIRE(bad.items().size() == 1);
  CHECK(bad.items()[0].loc.line == 5);
  CHECK(bad.items()[0].hint.find("2027-02-08") != std::string::npos);
}

} // TEST_SUITE
