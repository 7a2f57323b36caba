// `finish_within = N` (承诺时限, issue 15): the latest finish of a stage is capped at
// point(applied) + N in the backward pass; the cap propagates to predecessors; a forward pass
// that cannot meet it makes the plan infeasible and names the stage. Dates counted by hand:
// 2010-01: Mon 11, Tue 12 … (no holiday); Spring Festival 2010: Sat 13 .. Fri 19 Feb off,
// Sat 20 and Sun 21 Feb are working days.
#include "doctest_printers.hpp"
#include "reference_scheduler.hpp"
#include "test_dates.hpp"

#include <yekuo/schedule/plan_outcome.hpp>
#include <yekuo/track/plan_reference.hpp>
#include <yekuo/track/stage_verdict.hpp>

using reference::ProjectBuilder;
using yekuo::calendar::Date;
using yekuo::calendar::WorkingCalendar;
namespace sch = yekuo::schedule;

namespace {

const WorkingCalendar& cal() { return WorkingCalendar::china(); }

yekuo::model::Project within(yekuo::model::Project p, const char* id, int n) {
  p.stages.at(p.find_stage(id)).finish_within = n;
  return p;
}

} // namespace

TEST_SUITE("schedule::finish_within") {

TEST_CASE("negotiation within 5 working days: its deadline is the 5th working day after acceptance") {
  // Without the cap negotiate (5) -> plan_reply (15) against 2010-06-30 would put negotiate's
  // deadline 15 working days before the target. With it: Tue 01-12 .. Mon 01-18.
  const auto p = within(ProjectBuilder("2010-01-11", "2010-06-30").stage("negotiate", 5).stage("plan_reply", 15).after("negotiate").project(),
                        "negotiate", 5);
  const auto plan = sch::make_plan(p, cal());
  CHECK(plan.schedule.feasible);
  CHECK(plan.promise_breaches.empty());
  CHECK(plan.stages[0].latest.start == D("2010-01-12"));
  CHECK(plan.stages[0].latest.finish == D("2010-01-18"));
  CHECK(plan.stages[0].working_days == 5); // the limit is the stage's days: the window moved, not shrank
  CHECK(plan.stages[0].total_float == 0);
  CHECK(plan.stages[1].latest.finish == D("2010-06-30")); // the successor keeps its back-scheduled deadline
}

TEST_CASE("the cap propagates to the predecessors like any deadline") {
  // a (3) -> b (5, within 10). 10 working days after Mon 01-11: 12 13 14 15 18 19 20 21 22 25 ->
  // b due Mon 01-25, window Tue 01-19 .. Mon 01-25; a must finish by b's start: Mon 01-18,
  // window Thu 01-14 .. Mon 01-18 (14 15 18). Float of both: 10 - 8 = 2.
  const auto p = within(ProjectBuilder("2010-01-11", "2010-06-30").stage("a", 3).stage("b", 5).after("a").project(), "b", 10);
  const auto plan = sch::make_plan(p, cal());
  CHECK(plan.schedule.feasible);
  CHECK(plan.stages[1].latest.start == D("2010-01-19"));
  CHECK(plan.stages[1].latest.finish == D("2010-01-25"));
  CHECK(plan.stages[0].latest.start == D("2010-01-14"));
  CHECK(plan.stages[0].latest.finish == D("2010-01-18"));
  CHECK(plan.stages[0].total_float == 2);
  CHECK(plan.stages[1].total_float == 2);
}

TEST_CASE("an earliest finish after the cap is infeasible and names the stage") {
  // a (3) -> b (9, within 10): b finishes at the 12th working day at the earliest
  // (… 25, 26, 27): Wed 01-27, 2 working days after the promised Mon 01-25.
  const auto p = within(ProjectBuilder("2010-01-11", "2010-06-30").stage("a", 3).stage("b", 9).after("a").project(), "b", 10);
  const auto plan = sch::make_plan(p, cal());
  CHECK_FALSE(plan.schedule.feasible);
  CHECK(plan.schedule.shortfall >= 1);
  REQUIRE(plan.promise_breaches.size() == 1);
  const auto& b = plan.promise_breaches[0];
  CHECK(b.stage == 1);
  CHECK(b.finish_within == 10);
  CHECK(b.limit == D("2010-01-25"));
  CHECK(b.earliest_finish == D("2010-01-27"));
  CHECK(b.days_over == 2);
  CHECK(plan.stages[0].total_float == -2);
}

TEST_CASE("a cap after the target changes nothing") {
  const auto p = within(ProjectBuilder("2010-01-11", "2010-01-18").stage("negotiate", 5).project(), "negotiate", 200);
  const auto plan = sch::make_plan(p, cal());
  CHECK(plan.schedule.feasible);
  CHECK(plan.stages[0].latest.finish == D("2010-01-18"));
}

TEST_CASE("counted across a holiday: accepted Thu 2010-02-11, within 5 -> Tue 02-23") {
  // Fri 02-12, (13..19 off), Sat 02-20, Sun 02-21, Mon 02-22, Tue 02-23.
  const auto p = within(ProjectBuilder("2010-02-11", "2010-06-30").stage("negotiate", 5).project(), "negotiate", 5);
  const auto plan = sch::make_plan(p, cal());
  CHECK(plan.stages[0].latest.start == D("2010-02-12"));
  CHECK(plan.stages[0].latest.finish == D("2010-02-23"));
}

TEST_CASE("the verdict rule uses the capped deadline with no special case") {
  // negotiate within 5 from Mon 2010-01-11: due Mon 01-18. Open on Tue 01-19: 1 day overdue;
  // finished Wed 01-20: done 2 days late. Its limit stays 5.
  auto p = within(ProjectBuilder("2010-01-11", "2010-06-30").stage("negotiate", 5).stage("plan_reply", 15).after("negotiate").project(),
                  "negotiate", 5);
  const auto plan = sch::make_plan(p, cal());
  const auto ref = yekuo::track::reference_from_plan(p, plan, cal());
  CHECK(ref.stages[0].deadline == D("2010-01-18"));
  CHECK(ref.stages[0].limit_days == 5);
  auto open = yekuo::track::stage_verdicts(p, ref, cal(), D("2010-01-19"));
  CHECK(open[0].due == D("2010-01-18"));
  CHECK(open[0].overdue);
  CHECK(open[0].days_late == 1);
  auto on_friday = yekuo::track::stage_verdicts(p, ref, cal(), D("2010-01-15"));
  CHECK(on_friday[0].due_next); // Monday's deadline is reminded on the Friday before

  yekuo::model::Progress pr;
  pr.stage = "negotiate";
  pr.index = 0;
  pr.finished = D("2010-01-20");
  p.progress.push_back(pr);
  auto done = yekuo::track::stage_verdicts(p, ref, cal(), D("2010-01-25"));
  CHECK(done[0].days_late == 2);
  CHECK(done[0].net_days() - done[0].limit == 2); // assess's overrun_days
}

TEST_CASE("compression advice respects the cap") {
  // a (3, min 1) -> b (9, within 10): removing 2 days from a lets b finish on 01-25.
  auto p = ProjectBuilder("2010-01-11", "2010-06-30").stage("a", 3, 1).stage("b", 9).after("a").project();
  p = within(p, "b", 10);
  const auto plan = sch::make_plan(p, cal());
  REQUIRE(plan.compression.has_value());
  CHECK(plan.compression->meets_target);
  REQUIRE(plan.compression->changes.size() == 1);
  CHECK(plan.compression->changes[0].activity == 0);
  CHECK(plan.compression->changes[0].to_days == 1);
}

}
