// Portfolio figures of `assess` (issue 15, docs/assessment.md#portfolio-figures), counted by hand.
#include "doctest_printers.hpp"
#include "test_dates.hpp"

#include <yekuo/track/assess.hpp>

#include <cmath>

using yekuo::calendar::Date;
using yekuo::track::OrderState;
using yekuo::track::ProjectAssessment;
using yekuo::track::RevisitResult;
using yekuo::track::RevisitStatus;

namespace {

ProjectAssessment order(double kv, const char* energized, const char* target, int working, int calendar,
                        std::optional<RevisitResult> revisit) {
  ProjectAssessment p;
  p.state = OrderState::assessed;
  p.voltage_kv = kv;
  p.energized = D(energized);
  p.target = D(target);
  p.total_working_days = working;
  p.total_calendar_days = calendar;
  p.revisit = revisit;
  return p;
}

RevisitResult revisit(RevisitStatus status, bool late, std::optional<bool> satisfied, bool done = true) {
  RevisitResult r;
  r.status = status;
  r.late = late;
  r.satisfied = satisfied;
  if (done) r.date = D("2010-04-01");
  return r;
}

} // namespace

TEST_SUITE("track::summarize_portfolio") {

TEST_CASE("three orders: averages, on-target and revisit rates, by voltage") {
  // Applied Mon 2010-03-01: A energized 03-12 (9 wd, 11 cd, target 03-15: on target, revisit on time,
  // satisfied); B 03-19 (14 wd, 18 cd, target 03-15: late; revisit late, dissatisfied); C 110 kV 03-31
  // (22 wd, 30 cd, on target, revisit missing); D incomplete-like, no voltage, 5 wd 7 cd, revisit not due.
  std::vector<ProjectAssessment> ps{
      order(10, "2010-03-12", "2010-03-15", 9, 11, revisit(RevisitStatus::ok, false, true)),
      order(10, "2010-03-19", "2010-03-15", 14, 18, revisit(RevisitStatus::dissatisfied, true, false)),
      order(110, "2010-03-31", "2010-04-30", 22, 30, revisit(RevisitStatus::missing, false, std::nullopt, false)),
      order(0, "2010-03-08", "2010-03-08", 5, 7, revisit(RevisitStatus::not_due, false, std::nullopt, false)),
  };
  const auto s = yekuo::track::summarize_portfolio(ps);
  CHECK(s.energized == 4);
  CHECK(*s.average_working_days() == doctest::Approx(12.5));      // (9 + 14 + 22 + 5) / 4
  CHECK(*s.average_calendar_days() == doctest::Approx(16.5));     // (11 + 18 + 30 + 7) / 4
  CHECK(s.on_target == 3);                                        // A, C, D (on the target day itself)
  CHECK(*s.on_target_rate() == doctest::Approx(0.75));
  CHECK(s.revisit_done == 2);                                     // A, B
  CHECK(s.revisit_due == 3);                                      // A, B done; C missing; D not due yet
  CHECK(*s.revisit_on_time_rate() == doctest::Approx(1.0 / 3.0)); // A only
  CHECK(*s.satisfied_rate() == doctest::Approx(0.5));             // A of A, B
  REQUIRE(s.by_voltage.size() == 3);
  CHECK(s.by_voltage[0].voltage_kv == 10);
  CHECK(s.by_voltage[0].energized == 2);
  CHECK(s.by_voltage[0].average_working_days() == doctest::Approx(11.5));
  CHECK(s.by_voltage[1].voltage_kv == 110);
  CHECK(s.by_voltage[2].voltage_kv == 0); // not given: last
}

TEST_CASE("no order: counts 0, averages and rates absent (JSON null)") {
  const auto s = yekuo::track::summarize_portfolio({});
  CHECK(s.energized == 0);
  CHECK_FALSE(s.average_working_days());
  CHECK_FALSE(s.average_calendar_days());
  CHECK_FALSE(s.on_target_rate());
  CHECK_FALSE(s.revisit_on_time_rate());
  CHECK_FALSE(s.satisfied_rate());
  CHECK(s.by_voltage.empty());
}

}
