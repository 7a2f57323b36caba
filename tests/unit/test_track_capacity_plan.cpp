// track::plan_within_capacity: the engine applied to a plan with the load of a LoadTable (plan
// --portfolio). The project is sample_project() (sample_project.hpp), applied Mon 2010-03-01, target
// Fri 2010-03-26 (March 2010 has no holiday): x (客户服务中心, 5) -> y (发展策划部, 5) and z (客户, 3)
// -> e (客户服务中心, 2); back-scheduled: x 03-11..03-17, y 03-18..03-24, z 03-22..03-24, e 03-25..03-26.
#include "doctest_printers.hpp"
#include "sample_project.hpp"
#include "test_dates.hpp"

#include <yekuo/model/capacity.hpp>
#include <yekuo/schedule/plan_outcome.hpp>
#include <yekuo/track/capacity_plan.hpp>
#include <yekuo/track/load.hpp>

using yekuo::calendar::WorkingCalendar;
namespace track = yekuo::track;

TEST_CASE("track::plan_within_capacity: the placed dates become the plan's deadlines") {
  const auto& cal = WorkingCalendar::china();
  const auto project = sample_project();
  yekuo::model::Capacities caps;
  caps.departments.push_back({"客户服务中心", 1, {}, {}});
  caps.departments.push_back({"基建部", 2, {}, {}}); // declared, not used by the order
  CHECK(track::constrained_departments(project, caps) == std::vector<std::string>{"客户服务中心"});

  const auto window = track::weeks_from(project.info.applied, 4);
  track::LoadTable load(window, caps);
  // Another order's stage of 客户服务中心 on Mon 03-22 .. Tue 03-23: the week of 03-22 is full.
  load.add("OTHER", {{"s", "", "客户服务中心", D("2010-03-22"), D("2010-03-23")}}, cal);

  auto plan = yekuo::schedule::make_plan(project, cal);
  const auto c = track::plan_within_capacity(project, plan, cal, load);
  CHECK(c.within_capacity());
  // e (2) must end by Sun 03-21: Thu 03-18 .. Fri 03-19; y and z then finish by Wed 03-17: y 03-11 ..
  // 03-17, z 03-15 .. 03-17; x by Wed 03-10: Thu 03-04 .. Wed 03-10 (the weeks of 03-01 and 03-08:
  // room, e is in the week of 03-15).
  const auto at = [&](std::size_t i) { return std::pair(plan.stages[i].latest.start, plan.stages[i].latest.finish); };
  CHECK(at(3) == std::pair(D("2010-03-18"), D("2010-03-19")));
  CHECK(at(1) == std::pair(D("2010-03-11"), D("2010-03-17")));
  CHECK(at(2) == std::pair(D("2010-03-15"), D("2010-03-17")));
  CHECK(at(0) == std::pair(D("2010-03-04"), D("2010-03-10")));
  CHECK(plan.stages[3].total_float == 0 + (plan.schedule.timings[3].ls - plan.schedule.timings[3].es));
  CHECK(plan.schedule.timings[3].lf - plan.schedule.timings[3].ls == 2);
  // Shifted, in the table's order (x, y, z, e), with the cause.
  REQUIRE(c.shifted.size() == 4);
  CHECK(c.shifted[0].stage == 0);
  CHECK(c.shifted[0].from.start == D("2010-03-11"));
  CHECK(c.shifted[0].to.start == D("2010-03-04"));
  CHECK(c.shifted[0].working_days == 5);
  CHECK_FALSE(c.shifted[0].for_capacity);
  CHECK(c.shifted[3].stage == 3);
  CHECK(c.shifted[3].for_capacity);
  REQUIRE(c.earliest_energization);
  // Forward: x Tue 03-02 .. Mon 03-08, y 03-09..03-15, e Tue 03-16 .. Wed 03-17 (week of 03-15: x is
  // in the weeks of 03-01 and 03-08).
  CHECK(*c.earliest_energization == D("2010-03-17"));

  // Capacity 1 everywhere from the week of 03-08 to that of 03-22: e (which must end by 03-26 and
  // start after 03-10) has no room; the overload names the department and the week.
  track::LoadTable full(window, caps);
  full.add("OTHER", {{"s", "", "客户服务中心", D("2010-03-08"), D("2010-03-26")}}, cal);
  auto plan2 = yekuo::schedule::make_plan(project, cal);
  const auto d = track::plan_within_capacity(project, plan2, cal, full);
  CHECK_FALSE(d.within_capacity());
  REQUIRE_FALSE(d.overloads.empty());
  CHECK(d.overloads.front().dept == "客户服务中心");
  CHECK(d.overloads.front().committed == 1);
  CHECK(d.overloads.front().capacity == 1);
  CHECK(plan2.stages[3].latest.finish == D("2010-03-26")); // the target is kept
}

TEST_CASE("track::DepartmentWeeks counts what LoadTable counts, and plans alike") {
  // Stages across the 2010 Spring Festival (Sat 02-13 .. Fri 02-19 off, Sat 02-20 and Sun 02-21
  // worked): a stage on Mon 02-15 .. Fri 02-19 holds no working day, so it occupies no week.
  const auto& cal = WorkingCalendar::china();
  yekuo::model::Capacities caps;
  caps.departments.push_back({"客户服务中心", 2, {}, {}});
  caps.departments.push_back({"基建部", 1, {}, {}});
  const std::vector<track::StageLoad> stages{
      {"a", "", "客户服务中心", D("2010-02-10"), D("2010-02-22")}, // weeks 02-08, 02-15 (02-20, 02-21), 02-22
      {"b", "", "客户服务中心", D("2010-02-15"), D("2010-02-19")}, // holidays only: none
      {"c", "", "基建部", D("2010-02-26"), D("2010-03-09")},       // weeks 02-22, 03-01, 03-08
      {"d", "", "发展策划部", D("2010-02-01"), D("2010-03-31")},   // undeclared: not counted by DepartmentWeeks
  };
  track::DepartmentWeeks weeks(caps);
  weeks.add(stages, cal);
  track::LoadTable table(track::weeks_from(D("2010-01-25"), 12), caps);
  table.add("P", stages, cal);
  for (int w = 0; w < 12; ++w) {
    const auto monday = table.window().monday(w);
    CAPTURE(monday);
    for (const char* dept : {"客户服务中心", "基建部"}) CHECK(weeks.load(dept, monday) == table.load(dept, monday));
    CHECK(weeks.load("发展策划部", monday) == 0);
  }
  CHECK(weeks.load("客户服务中心", D("2010-02-08")) == 1);
  CHECK(weeks.load("客户服务中心", D("2010-02-15")) == 1); // a, not b
  CHECK(weeks.load("客户服务中心", D("2010-02-24")) == 1); // any day of the week
  CHECK(weeks.load("基建部", D("2010-03-08")) == 1);

  const auto project = sample_project();
  auto a = yekuo::schedule::make_plan(project, cal);
  auto b = a;
  track::DepartmentWeeks w2(caps);
  track::LoadTable t2(track::weeks_from(D("2010-03-01"), 6), caps);
  const std::vector<track::StageLoad> other{{"s", "", "客户服务中心", D("2010-03-15"), D("2010-03-23")}};
  w2.add(other, cal);
  w2.add(other, cal);
  t2.add("O1", other, cal);
  t2.add("O2", other, cal);
  const auto x = track::plan_within_capacity(project, a, cal, w2);
  const auto y = track::plan_within_capacity(project, b, cal, t2);
  REQUIRE(x.shifted.size() == y.shifted.size());
  CHECK_FALSE(x.shifted.empty());
  for (std::size_t i = 0; i < project.stages.size(); ++i) CHECK(a.stages[i].latest.start == b.stages[i].latest.start);
}
