// What changed between a confirmed revision and the current plan (track::compare_revision): the
// report must name the true cause (issue 13: a calendar added after the confirmation is not a
// change of the project file).
//
// The project is sample_project() (sample_project.hpp): x (5) before y (5) and z (3), both before
// e (2); back-scheduled from Fri 2010-03-26: e 03-25..03-26; y 03-18..03-24; z 03-22..03-24; x 03-11..03-17.
#include "doctest_printers.hpp"
#include "sample_project.hpp"
#include "test_dates.hpp"

#include <yekuo/track/confirm.hpp>

using yekuo::calendar::Date;
using yekuo::calendar::WorkingCalendar;
using yekuo::track::compare_revision;

TEST_SUITE("track::compare_revision") {

TEST_CASE("the cause of a difference is named: file, calendar, both, or only the dependencies") {
  const auto& official = WorkingCalendar::china();
  const auto project = sample_project();
  const auto confirmed_plan = yekuo::schedule::make_plan(project, official);
  const auto rev = yekuo::track::make_revision(project, confirmed_plan, D("2010-03-02"), "初次确认", 1);
  CHECK(rev.stages[1].start == D("2010-03-18"));
  CHECK(rev.stages[1].deadline == D("2010-03-24"));

  SUBCASE("nothing changed") {
    const auto c = compare_revision(rev, project, confirmed_plan, official);
    CHECK_FALSE(c.any());
    CHECK(std::string(c.word()).empty());
  }
  // The organization's calendar makes Fri 03-19 a holiday: y (03-18..03-24) now has 4 working days
  // between its recorded dates, not the 5 it was confirmed with. The file is untouched.
  yekuo::calendar::CalendarOverrides local;
  local.holidays.push_back(D("2010-03-19"));
  const WorkingCalendar with_holiday(local);
  SUBCASE("the calendar changed, not the file") {
    const auto plan = yekuo::schedule::make_plan(project, with_holiday);
    const auto c = compare_revision(rev, project, plan, with_holiday);
    CHECK(c.calendar);
    CHECK_FALSE(c.file);
    CHECK_FALSE(c.dependencies);
    CHECK(std::string(c.word()) == "calendar");
  }
  SUBCASE("a duration changed: the file") {
    auto changed = project;
    changed.stages[1].duration = 6;
    const auto plan = yekuo::schedule::make_plan(changed, official);
    const auto c = compare_revision(rev, changed, plan, official);
    CHECK(c.file);
    CHECK_FALSE(c.calendar);
    CHECK(std::string(c.word()) == "file");
    const auto both = compare_revision(rev, changed, yekuo::schedule::make_plan(changed, with_holiday), with_holiday);
    CHECK(std::string(both.word()) == "file_and_calendar");
  }
  SUBCASE("the confirmed plan starts a stage earlier, keeping every dependency: earlier") {
    // y confirmed a week early (Thu 03-11 .. Wed 03-17, as plan --portfolio may place it): it no
    // longer waits for x (03-11..03-17) to finish: a dependency is broken, so that is not it.
    auto moved = rev;
    moved.stages[1].start = D("2010-03-11");
    moved.stages[1].deadline = D("2010-03-17");
    CHECK(std::string(compare_revision(moved, project, confirmed_plan, official).word()) == "dependencies");
    // x and y both a week early (x Thu 03-04 .. Wed 03-10, y 03-11 .. 03-17): a schedule of the file.
    moved.stages[0].start = D("2010-03-04");
    moved.stages[0].deadline = D("2010-03-10");
    const auto c = compare_revision(moved, project, confirmed_plan, official);
    CHECK(c.earlier);
    CHECK_FALSE(c.dependencies);
    CHECK(std::string(c.word()) == "earlier");
  }
  SUBCASE("only a lag changed: the dependencies") {
    auto changed = project;
    changed.stages[3].after[1].lag = 1; // e waits one working day after z: z 03-19..03-23
    const auto plan = yekuo::schedule::make_plan(changed, official);
    const auto c = compare_revision(rev, changed, plan, official);
    CHECK(c.dependencies);
    CHECK_FALSE(c.file);
    CHECK_FALSE(c.calendar);
    CHECK(std::string(c.word()) == "dependencies");
  }
}
}
