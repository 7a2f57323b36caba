// Assessment decisions (核实, 申诉; issue 15, docs/assessment.md#decisions-核实-申诉), counted by hand on the
// 2010 official calendar (March 2010 has no holiday; points p0+k = the k-th working day after Mon 03-01:
// 03-08 = 5, 03-17 = 12, 03-29 = 20, 04-01 = 23).
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

// s1 (A) 3 days: p0 -> 03-08 (5): 2 over. s2 (A) 5 days after s1: clock p0+5 -> 03-17 (12): 7, 2 over.
// s3 (B) 5 days after s2: clock p0+12 -> 03-29 (20): 8, 3 over. s4 (B) 3 days after s3: p0+20 -> 04-01 (23): on time.
Order make_order() {
  using model::RulingDecision;
  Order o("2010-03-01", "2010-03-23");
  o.stage("s1", "A", "2010-03-02", "2010-03-04", 3);
  o.actual("s1", nullptr, "2010-03-08");
  o.stage("s2", "A", "2010-03-05", "2010-03-11", 5, {dep("s1")});
  o.actual("s2", nullptr, "2010-03-17");
  o.stage("s3", "B", "2010-03-12", "2010-03-18", 5, {dep("s2")});
  o.actual("s3", nullptr, "2010-03-29");
  o.stage("s4", "B", "2010-03-19", "2010-03-23", 3, {dep("s3")});
  o.actual("s4", nullptr, "2010-04-01");
  o.ruling("s1", RulingDecision::waived, "2010-04-12", "营销部 李工");
  o.ruling("s2", RulingDecision::upheld, "2010-04-12");
  o.ruling("s2", RulingDecision::appealed, "2010-04-12", "A"); // same date, later in the file: in force
  o.ruling("s2", RulingDecision::waived, "2010-04-20");         // after 04-15: not known yet
  o.ruling("s3", RulingDecision::appealed, "2010-04-13", "B");
  o.ruling("s3", RulingDecision::upheld, "2010-04-10");         // earlier by date, later in the file: superseded
  o.ruling("s4", RulingDecision::waived, "2010-04-12");         // no overrun: changes no total
  return o;
}

} // namespace

TEST_SUITE("track::assess decisions") {

TEST_CASE("each stage's decision: latest by date on or before the as-of date, ties to the later in the file") {
  const Order o = make_order();
  const auto a = o.assess("2010-04-15");
  REQUIRE(a.stages.size() == 4);
  CHECK(a.stages[0].overrun_days == 2);
  CHECK(a.stages[1].overrun_days == 2);
  CHECK(a.stages[2].overrun_days == 3);
  CHECK(a.stages[3].overrun_days == 0);
  CHECK(a.stages[0].decision == track::Decision::waived);
  CHECK(a.stages[0].decision_by == "营销部 李工");
  CHECK(a.stages[1].decision == track::Decision::appealed);
  CHECK(a.stages[1].decision_by == "A");
  CHECK(a.stages[2].decision == track::Decision::appealed);
  CHECK(*a.stages[2].decision_date == D("2010-04-13"));
  CHECK(a.stages[3].decision == track::Decision::waived);
  CHECK(std::string(track::decision_name(a.stages[1].decision)) == "appealed");

  const auto before = o.assess("2010-04-09");
  for (const auto& s : before.stages) {
    CHECK(s.decision == track::Decision::pending);
    CHECK(!s.decision_date);
  }
  CHECK(std::string(track::decision_name(track::Decision::pending)) == "pending");
  // 04-10: s3's upheld ruling is the only one known.
  const auto on10 = o.assess("2010-04-10");
  CHECK(on10.stages[2].decision == track::Decision::upheld);
}

TEST_CASE("a waived suggestion leaves its department's totals; an appealed one is shown apart") {
  const Order o = make_order();
  // 04-09, all pending: A 2 overran, 2 + 2 = 4 days; B 1 overran (3 days), 1 on time.
  auto d = track::assess_departments({o.assess("2010-04-09")});
  REQUIRE(d.size() == 2);
  CHECK(d[0].dept == "A");
  CHECK(d[0].assessed == 2);
  CHECK(d[0].overran == 2);
  CHECK(d[0].overrun_days == 4);
  CHECK(d[0].worst.size() == 2);
  CHECK(d[0].waived == 0);
  CHECK(d[0].appealed == 0);
  CHECK(d[1].dept == "B");
  CHECK(d[1].overran == 1);
  CHECK(d[1].overrun_days == 3);
  CHECK(d[1].on_time == 1);

  // 04-15: s1 waived, s2 appealed (2 days), s3 appealed (3 days), s4 on time (its waiver changes nothing).
  d = track::assess_departments({o.assess("2010-04-15")});
  REQUIRE(d.size() == 2);
  CHECK(d[0].dept == "A"); // 0 overrun days each: by name
  CHECK(d[0].assessed == 2);
  CHECK(d[0].on_time == 0);
  CHECK(d[0].overran == 0);
  CHECK(d[0].overrun_days == 0);
  CHECK(d[0].waived == 1);
  CHECK(d[0].appealed == 1);
  CHECK(d[0].appealed_days == 2);
  CHECK(d[0].worst.empty());
  CHECK(d[0].on_time_rate() == doctest::Approx(0.0)); // a decision does not make a late stage on time
  CHECK(d[1].dept == "B");
  CHECK(d[1].assessed == 2);
  CHECK(d[1].on_time == 1);
  CHECK(d[1].overran == 0);
  CHECK(d[1].overrun_days == 0);
  CHECK(d[1].waived == 0);
  CHECK(d[1].appealed == 1);
  CHECK(d[1].appealed_days == 3);

  // 04-20: s2's appeal ends in a waiver: A waived 2, appealed 0.
  d = track::assess_departments({o.assess("2010-04-20")});
  CHECK(d[0].dept == "A");
  CHECK(d[0].waived == 2);
  CHECK(d[0].appealed == 0);
  CHECK(d[0].appealed_days == 0);
  CHECK(d[0].overrun_days == 0);
}

} // TEST_SUITE
