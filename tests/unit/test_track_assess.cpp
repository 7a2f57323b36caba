// The assessment rules of docs/assessment.md, on hand-built orders. Every expected figure is
// counted by hand on the 2010 official calendar in the comments (points = working days on or
// before a date; handling days are the working days after the clock start up to the finish).
#include "assessed_order.hpp"
#include "doctest_printers.hpp"

#include <yekuo/track/assess.hpp>

#include <string>
#include <vector>

namespace model = yekuo::model;
namespace track = yekuo::track;
using assess_test::dep;
using assess_test::Order;

namespace {

const track::StageAssessment& stage_of(const track::ProjectAssessment& a, const char* id) {
  for (const auto& s : a.stages)
    if (s.id == id) return s;
  FAIL("no stage " << id);
  return a.stages.front();
}

} // namespace

TEST_SUITE("track::assess") {

TEST_CASE("a successor waiting for a late predecessor is not charged for the wait") {
  // Applied Mon 2010-01-11. A: 5 days planned Tue 01-12 .. Mon 01-18. B: 10 days after A,
  // planned Tue 01-19 .. Mon 02-01.
  Order o("2010-01-11");
  o.stage("a", "客户服务中心", "2010-01-12", "2010-01-18", 5);
  o.stage("b", "发展策划部", "2010-01-19", "2010-02-01", 10, {dep("a")});
  // A finishes Fri 01-22: 01-12..15 (4) + 01-18..22 (5) = 9 working days, 4 over.
  o.actual("a", "2010-01-12", "2010-01-22");
  // B counts from A's finish: 01-25..29 (5) + 02-01..05 (5) = 10, on time. Counted from its planned
  // start it would have been 14 and 4 over.
  o.actual("b", "2010-01-25", "2010-02-05");
  const auto a = o.assess();
  REQUIRE(a.state == track::OrderState::assessed);
  const auto& sa = stage_of(a, "a");
  CHECK(sa.handling_days == 9);
  CHECK(sa.overrun_days == 4);
  CHECK(sa.suggested());
  const auto& sb = stage_of(a, "b");
  CHECK(sb.clock.reason == track::ClockReason::predecessor);
  CHECK(sb.clock.pred == 0);
  CHECK(sb.clock_start == D("2010-01-25"));
  CHECK(sb.handling_days == 10);
  CHECK(sb.overrun_days == 0);
  CHECK_FALSE(sb.suggested());
  // Effective deadline: later of the planned 02-01 and clock start + 10 = 02-05.
  CHECK(sb.effective_deadline == D("2010-02-05"));
}

TEST_CASE("starting before the planned window is not charged and the recorded start is never used") {
  Order o("2010-01-11");
  o.stage("a", "客户服务中心", "2010-01-12", "2010-01-18", 5);
  // B has float: planned Mon 01-25 .. Fri 01-29 (5 days).
  o.stage("b", "生产技术部", "2010-01-25", "2010-01-29", 5, {dep("a")});
  o.actual("a", "2010-01-12", "2010-01-18");
  SUBCASE("an early start that finishes by the planned deadline is on time") {
    // Recorded 01-19 .. 01-29 would be 9 days; the clock starts at the planned window: 01-25..29 = 5.
    o.actual("b", "2010-01-19", "2010-01-29");
    const auto res = o.assess();
    const auto& s = stage_of(res, "b");
    CHECK(s.clock.reason == track::ClockReason::planned_start);
    CHECK(s.clock_start == D("2010-01-25"));
    CHECK(s.handling_days == 5);
    CHECK(s.overrun_days == 0);
  }
  SUBCASE("a late recorded start does not shorten the count either") {
    // Recorded start Wed 01-27, finish Tue 02-02: still counted from the window: 01-25..29 (5) + 02-01, 02 = 7.
    o.actual("b", "2010-01-27", "2010-02-02");
    const auto res = o.assess();
    const auto& s = stage_of(res, "b");
    CHECK(s.handling_days == 7);
    CHECK(s.overrun_days == 2);
  }
}

TEST_CASE("a start-to-start predecessor starts the clock at its actual start plus the lag") {
  // A: 5 days planned 01-12..01-18. B: SS +2 after A, 10 days planned Thu 01-14 .. Wed 01-27.
  Order o("2010-01-11");
  o.stage("a", "客户服务中心", "2010-01-12", "2010-01-18", 5);
  o.stage("b", "客户服务中心", "2010-01-14", "2010-01-27", 10, {dep("a", model::DepType::ss, 2)});
  SUBCASE("with A's recorded start") {
    // A actually started Mon 01-18: its start point is Fri 01-15; + 2 = Tue 01-19, so B counts from
    // Wed 01-20: 01-20..22 (3) + 01-25..29 (5) + 02-01, 02 (2) = 10, on time.
    o.actual("a", "2010-01-18", "2010-01-22");
    o.actual("b", "2010-01-18", "2010-02-02");
    const auto res = o.assess();
    const auto& s = stage_of(res, "b");
    CHECK(s.clock.reason == track::ClockReason::predecessor);
    CHECK(s.clock.type == model::DepType::ss);
    CHECK(s.clock_start == D("2010-01-20"));
    CHECK(s.handling_days == 10);
    CHECK(s.overrun_days == 0);
    CHECK(s.effective_deadline == D("2010-02-02"));
  }
  SUBCASE("without A's recorded start, A's own clock start stands in") {
    // A's clock is the application point (Mon 01-11); + 2 = Wed 01-13, so B counts from Thu 01-14:
    // 01-14, 15 (2) + 01-18..22 (5) + 01-25..29 (5) + 02-01, 02 (2) = 14, 4 over.
    o.actual("a", nullptr, "2010-01-22");
    o.actual("b", nullptr, "2010-02-02");
    const auto res = o.assess();
    const auto& s = stage_of(res, "b");
    CHECK(s.clock_start == D("2010-01-14"));
    CHECK(s.handling_days == 14);
    CHECK(s.overrun_days == 4);
  }
}

TEST_CASE("a finish-to-finish predecessor starts the clock at its finish plus the lag minus the limit") {
  // A: 5 days planned 01-12..01-18. B: FF +2 after A, 3 days planned Mon 01-18 .. Wed 01-20.
  Order o("2010-01-11");
  o.stage("a", "客户服务中心", "2010-01-12", "2010-01-18", 5);
  o.stage("b", "电力调度中心", "2010-01-18", "2010-01-20", 3, {dep("a", model::DepType::ff, 2)});
  // A finishes Fri 01-22; B may finish 2 days later (Tue 01-26), so its 3 days count from Fri 01-22:
  // 01-22, 25, 26 = 3, on time although it finished 4 working days after its planned deadline.
  o.actual("a", "2010-01-12", "2010-01-22");
  o.actual("b", "2010-01-18", "2010-01-26");
  const auto res = o.assess();
    const auto& s = stage_of(res, "b");
  CHECK(s.clock.reason == track::ClockReason::predecessor);
  CHECK(s.clock.type == model::DepType::ff);
  CHECK(s.clock_start == D("2010-01-22"));
  CHECK(s.handling_days == 3);
  CHECK(s.overrun_days == 0);
}

TEST_CASE("the latest predecessor sets the clock") {
  Order o("2010-01-11");
  o.stage("a", "客户服务中心", "2010-01-12", "2010-01-18", 5);
  o.stage("b", "客户", "2010-01-12", "2010-01-18", 5);
  o.stage("c", "营销部", "2010-01-19", "2010-01-20", 2, {dep("a"), dep("b")});
  o.actual("a", nullptr, "2010-01-18");
  o.actual("b", nullptr, "2010-01-21"); // the customer is 3 days late
  o.actual("c", nullptr, "2010-01-25");  // 01-22, 01-25 after b: 2 days, on time
  const auto a = o.assess();
  const auto& s = stage_of(a, "c");
  CHECK(s.clock.pred == 1);
  CHECK(s.handling_days == 2);
  CHECK(s.overrun_days == 0);
  // The customer's own overrun is shown but never suggested for assessment.
  const auto& b = stage_of(a, "b");
  CHECK(b.overrun_days == 3);
  CHECK(b.customer);
  CHECK_FALSE(b.suggested());
}

TEST_CASE("a customer delay is excluded only when reported by the effective deadline") {
  // X: 5 days planned Tue 01-12 .. Mon 01-18 (effective deadline 01-18: the clock starts at the
  // application). Finished Mon 01-25: 01-12..15 (4) + 01-18..22 (5) + 01-25 (1) = 10 days.
  // The customer held it up Wed 01-13 .. Fri 01-15: 3 working days.
  Order o("2010-01-11");
  o.stage("x", "客户服务中心", "2010-01-12", "2010-01-18", 5);
  o.actual("x", "2010-01-12", "2010-01-25");
  SUBCASE("reported on the deadline: excluded") {
    o.delay("x", "2010-01-13", "2010-01-15", "2010-01-18");
    const auto res = o.assess();
    const auto& s = stage_of(res, "x");
    CHECK(s.effective_deadline == D("2010-01-18"));
    CHECK(s.handling_days == 10);
    CHECK(s.customer_days_excluded == 3);
    CHECK(s.net_days == 7);
    CHECK(s.overrun_days == 2);
    REQUIRE(s.delays.size() == 1);
    CHECK(s.delays[0].in_time());
    REQUIRE(s.excluded_spans.size() == 1);
    CHECK(s.excluded_spans[0].first == D("2010-01-13"));
    CHECK(s.excluded_spans[0].second == D("2010-01-15"));
  }
  SUBCASE("reported one working day after the deadline: shown, not excluded") {
    o.delay("x", "2010-01-13", "2010-01-15", "2010-01-19");
    const auto res = o.assess();
    const auto& s = stage_of(res, "x");
    CHECK(s.customer_days_excluded == 0);
    CHECK(s.net_days == 10);
    CHECK(s.overrun_days == 5);
    REQUIRE(s.delays.size() == 1);
    CHECK_FALSE(s.delays[0].in_time());
    CHECK(s.delays[0].days == 3);
  }
  SUBCASE("never reported: not excluded") {
    o.delay("x", "2010-01-13", "2010-01-15", nullptr);
    CHECK(stage_of(o.assess(), "x").customer_days_excluded == 0);
  }
  SUBCASE("the effective deadline moves with a late clock start") {
    // With a predecessor finishing Wed 01-20, X's clock starts there and its effective deadline is
    // 01-20 + 5 = Wed 01-27: a report on Tue 01-26 is in time.
    Order q("2010-01-11");
    q.stage("w", "客户", "2010-01-11", "2010-01-11", 0);
    q.stage("x", "客户服务中心", "2010-01-12", "2010-01-18", 5, {dep("w")});
    q.actual("w", nullptr, "2010-01-20");
    q.actual("x", nullptr, "2010-01-29"); // 01-21, 22, 25..29 = 7 days
    q.delay("x", "2010-01-21", "2010-01-22", "2010-01-26");
    const auto res = q.assess();
    const auto& s = stage_of(res, "x");
    CHECK(s.effective_deadline == D("2010-01-27"));
    CHECK(s.handling_days == 7);
    CHECK(s.customer_days_excluded == 2);
    CHECK(s.overrun_days == 0);
  }
}

TEST_CASE("overlapping delays count once and only inside the handling interval") {
  Order o("2010-01-11");
  o.stage("x", "客户服务中心", "2010-01-12", "2010-01-18", 5);
  o.actual("x", "2010-01-12", "2010-01-25"); // 10 handling days (see above)
  o.delay("x", "2010-01-13", "2010-01-15", "2010-01-13"); // Wed..Fri: 3
  o.delay("x", "2010-01-14", "2010-01-19", "2010-01-14"); // Thu, Fri, (weekend), Mon, Tue: 4
  o.delay("x", "2010-01-25", "2010-01-29", "2010-01-15"); // only Mon 01-25 is inside: 1
  const auto res = o.assess();
    const auto& s = stage_of(res, "x");
  // Union: 01-13, 14, 15, 18, 19 (5) + 01-25 (1) = 6.
  CHECK(s.customer_days_excluded == 6);
  CHECK(s.net_days == 4);
  CHECK(s.overrun_days == 0);
  REQUIRE(s.delays.size() == 3);
  CHECK(s.delays[0].days == 3);
  CHECK(s.delays[1].days == 4);
  CHECK(s.delays[2].days == 1);
  REQUIRE(s.excluded_spans.size() == 2);
  CHECK(s.excluded_spans[0].first == D("2010-01-13"));
  CHECK(s.excluded_spans[0].second == D("2010-01-19"));
  CHECK(s.excluded_spans[1].first == D("2010-01-25"));
}

TEST_CASE("an overrun across the 2010 Spring Festival counts working days only") {
  // Applied Mon 2010-02-01. 10 days planned Tue 02-02 .. Sat 02-20: 02-02..05 (4), 02-08..12 (5),
  // holiday 02-13..19, Sat 02-20 is an adjusted working day (10).
  Order o("2010-02-01");
  o.stage("reply", "发展策划部", "2010-02-02", "2010-02-20", 10);
  // Finished Wed 02-24: + Sun 02-21 (11), 02-22, 23, 24 (14). Mon–Fri counting would give 17.
  o.actual("reply", "2010-02-02", "2010-02-24");
  const auto res = o.assess();
    const auto& s = stage_of(res, "reply");
  CHECK(s.handling_days == 14);
  CHECK(s.overrun_days == 4);
  CHECK(s.effective_deadline == D("2010-02-20"));
}

TEST_CASE("energization, totals and the comparison with the plan") {
  Order o("2010-01-11", "2010-05-31");
  o.stage("a", "客户服务中心", "2010-01-12", "2010-01-18", 5);
  o.stage("b", "客户", "2010-01-12", "2010-05-28", 94);
  o.stage("c", "营销部", "2010-01-19", "2010-05-31", 90, {dep("a")});
  o.actual("a", nullptr, "2010-01-18");
  SUBCASE("a final stage without a finish: not energized") {
    o.actual("b", nullptr, "2010-05-20");
    const auto a = o.assess();
    CHECK(a.state == track::OrderState::not_energized);
    CHECK_FALSE(a.energized.has_value());
  }
  SUBCASE("the latest finish of the final stages") {
    o.actual("b", nullptr, "2010-05-28");
    o.actual("c", nullptr, "2010-05-20");
    const auto a = o.assess();
    REQUIRE(a.energized.has_value());
    CHECK(*a.energized == D("2010-05-28"));
    // 94 working days (yekuo calendar --between 2010-01-11 2010-05-28); 20 + 28 + 31 + 30 + 28 = 137 days.
    CHECK(a.total_working_days == 94);
    CHECK(a.total_calendar_days == 137);
    CHECK(a.vs_planned_working_days == -1); // Fri before the planned Mon 05-31
    CHECK(a.vs_target_working_days == -1);
  }
}

TEST_CASE("an energized order with a stage without a finish is incomplete, not guessed") {
  Order o("2010-01-11");
  o.stage("a", "客户服务中心", "2010-01-12", "2010-01-18", 5);
  o.stage("b", "发展策划部", "2010-01-19", "2010-01-25", 5, {dep("a")});
  o.stage("c", "营销部", "2010-01-26", "2010-01-26", 1, {dep("b")});
  o.actual("a", "2010-01-12", nullptr);
  o.actual("c", nullptr, "2010-01-26");
  const auto a = o.assess();
  CHECK(a.state == track::OrderState::incomplete);
  CHECK(a.energized == D("2010-01-26"));
  CHECK(a.missing_finish == std::vector<std::string>{"a", "b"});
  CHECK(a.stages.empty());
  CHECK(a.revisit.has_value());
}

TEST_CASE("a milestone is measured from its clock start point") {
  Order o("2010-01-11");
  o.stage("a", "客户服务中心", "2010-01-12", "2010-01-18", 5);
  o.stage("m", "营销部", "2010-01-18", "2010-01-18", 0, {dep("a")});
  o.actual("a", nullptr, "2010-01-18");
  o.actual("m", nullptr, "2010-01-20"); // two working days after it was possible
  const auto res = o.assess();
    const auto& s = stage_of(res, "m");
  CHECK(s.clock_start == D("2010-01-18"));
  CHECK(s.handling_days == 2);
  CHECK(s.overrun_days == 2);
}

TEST_CASE("the department summary counts non-customer stages of assessed orders, worst first") {
  auto stage = [](const char* id, const char* dept, int overrun) {
    track::StageAssessment s;
    s.id = id;
    s.name = id;
    s.dept = dept;
    s.customer = std::string(dept) == "客户";
    s.overrun_days = overrun;
    return s;
  };
  track::ProjectAssessment p1;
  p1.id = "P1";
  p1.state = track::OrderState::assessed;
  p1.stages = {stage("a", "发展策划部", 3), stage("b", "客户服务中心", 0), stage("c", "客户", 9),
               stage("d", "客户服务中心", 1)};
  track::ProjectAssessment p2;
  p2.id = "P2";
  p2.state = track::OrderState::assessed;
  p2.stages = {stage("a", "发展策划部", 0), stage("b", "客户服务中心", 2), stage("e", "运维检修部", 0)};
  track::ProjectAssessment p3; // incomplete: not counted
  p3.id = "P3";
  p3.state = track::OrderState::incomplete;
  p3.stages = {stage("a", "发展策划部", 7)};
  const auto d = track::assess_departments({p1, p2, p3});
  REQUIRE(d.size() == 3);
  // 客户服务中心: 3 assessed, 2 overran, 3 days; 发展策划部: 2 assessed, 1 overran, 3 days; tie on
  // days broken by overran. 运维检修部 last. The customer is not a department here.
  CHECK(d[0].dept == "客户服务中心");
  CHECK(d[0].assessed == 3);
  CHECK(d[0].on_time == 1);
  CHECK(d[0].overran == 2);
  CHECK(d[0].overrun_days == 3);
  REQUIRE(d[0].worst.size() == 2);
  CHECK(d[0].worst[0].project_id == "P2");
  CHECK(d[0].worst[0].overrun_days == 2);
  CHECK(d[1].dept == "发展策划部");
  CHECK(d[1].assessed == 2);
  CHECK(d[1].overrun_days == 3);
  CHECK(d[1].on_time_rate() == doctest::Approx(0.5));
  CHECK(d[2].dept == "运维检修部");
  CHECK(d[2].overran == 0);
  CHECK(d[2].on_time_rate() == doctest::Approx(1.0));
}

TEST_CASE("the period keeps orders energized within it and counts the rest") {
  auto order = [](const char* id, track::OrderState st, const char* energized) {
    track::ProjectAssessment p;
    p.id = id;
    p.state = st;
    if (energized) p.energized = D(energized);
    return p;
  };
  std::vector<track::ProjectAssessment> all{order("A", track::OrderState::assessed, "2010-05-31"),
                                            order("B", track::OrderState::assessed, "2010-06-01"),
                                            order("C", track::OrderState::not_energized, nullptr),
                                            order("D", track::OrderState::incomplete, "2010-05-01"),
                                            order("E", track::OrderState::assessed, "2010-04-30")};
  const auto a = track::make_assessment(all, {D("2010-05-01"), D("2010-05-31")}, D("2010-07-01"));
  REQUIRE(a.projects.size() == 2); // both ends inclusive
  CHECK(a.projects[0].id == "A");
  CHECK(a.projects[1].id == "D");
  CHECK(a.skipped_not_energized == 1);
  CHECK(a.outside_period == 2);
}

} // TEST_SUITE
