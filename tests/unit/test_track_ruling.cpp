// Assessment decisions (核实, 申诉; issue 15, docs/assessment.md#decisions-核实-申诉), counted by hand on the
// 2010 official calendar (March 2010 has no holiday; points p0+k = the k-th working day after Mon 03-01:
// 03-08 = 5, 03-17 = 12, 03-29 = 20, 04-01 = 23).
#include <yekuo/track/assess.hpp>

#include "doctest_printers.hpp"
#include "test_dates.hpp"

#include <string>
#include <vector>

using yekuo::calendar::Date;
using yekuo::calendar::WorkingCalendar;
namespace model = yekuo::model;
namespace track = yekuo::track;

namespace {

struct Order {
  model::Project p;
  track::PlanReference ref;
  const WorkingCalendar& cal = WorkingCalendar::china();

  Order() {
    p.file = "order.toml";
    p.info.id = "R-1";
    p.info.applied = D("2010-03-01");
    p.info.target = D("2010-03-23");
    ref.has_baseline = true;
    ref.revision = 1;
    ref.planned_energization = D("2010-03-23");
    ref.start_point = cal.point(p.info.applied);
  }

  void stage(const char* id, const char* dept, const char* start, const char* deadline, int limit, const char* after,
             const char* finished) {
    model::Stage s;
    s.id = id;
    s.name = id;
    s.dept = dept;
    s.duration = limit;
    if (after != nullptr) {
      model::Dependency d;
      d.stage = after;
      d.pred = p.find_stage(after);
      s.after.push_back(d);
    }
    p.stages.push_back(s);
    track::StageReference r;
    r.from_baseline = true;
    r.start = D(start);
    r.deadline = D(deadline);
    r.start_point = track::start_point_of(r.start, false, cal);
    r.deadline_point = cal.point(r.deadline);
    r.limit_days = limit;
    ref.stages.push_back(r);
    model::Progress pr;
    pr.stage = id;
    pr.index = p.stages.size() - 1;
    pr.finished = D(finished);
    p.progress.push_back(pr);
  }

  void ruling(const char* stage, model::RulingDecision d, const char* date, const char* by = "营销部") {
    model::Ruling r;
    r.stage = stage;
    r.index = p.find_stage(stage);
    r.decision = d;
    r.date = D(date);
    r.by = by;
    r.reason = "reason";
    p.rulings.push_back(r);
  }

  std::vector<track::DepartmentAssessment> departments(const char* as_of) const {
    return track::assess_departments({track::assess_project(p, ref, cal, D(as_of))});
  }
};

// s1 (A) 3 days: p0 -> 03-08 (5): 2 over. s2 (A) 5 days after s1: clock p0+5 -> 03-17 (12): 7, 2 over.
// s3 (B) 5 days after s2: clock p0+12 -> 03-29 (20): 8, 3 over. s4 (B) 3 days after s3: p0+20 -> 04-01 (23): on time.
Order make_order() {
  using model::RulingDecision;
  Order o;
  o.stage("s1", "A", "2010-03-02", "2010-03-04", 3, nullptr, "2010-03-08");
  o.stage("s2", "A", "2010-03-05", "2010-03-11", 5, "s1", "2010-03-17");
  o.stage("s3", "B", "2010-03-12", "2010-03-18", 5, "s2", "2010-03-29");
  o.stage("s4", "B", "2010-03-19", "2010-03-23", 3, "s3", "2010-04-01");
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
  const auto a = track::assess_project(o.p, o.ref, o.cal, D("2010-04-15"));
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

  const auto before = track::assess_project(o.p, o.ref, o.cal, D("2010-04-09"));
  for (const auto& s : before.stages) {
    CHECK(s.decision == track::Decision::pending);
    CHECK(!s.decision_date);
  }
  CHECK(std::string(track::decision_name(track::Decision::pending)) == "pending");
  // 04-10: s3's upheld ruling is the only one known.
  const auto on10 = track::assess_project(o.p, o.ref, o.cal, D("2010-04-10"));
  CHECK(on10.stages[2].decision == track::Decision::upheld);
}

TEST_CASE("a waived suggestion leaves its department's totals; an appealed one is shown apart") {
  const Order o = make_order();
  // 04-09, all pending: A 2 overran, 2 + 2 = 4 days; B 1 overran (3 days), 1 on time.
  auto d = o.departments("2010-04-09");
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
  d = o.departments("2010-04-15");
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
  d = o.departments("2010-04-20");
  CHECK(d[0].dept == "A");
  CHECK(d[0].waived == 2);
  CHECK(d[0].appealed == 0);
  CHECK(d[0].appealed_days == 0);
  CHECK(d[0].overrun_days == 0);
}

} // TEST_SUITE
