// The one rule of track/stage_verdict.hpp, on hand-built orders: the weekly table (evaluate), the
// daily list and the assessment give the same verdict; baselines cannot rewrite the past; --as-of
// sees only what was known then; calendar-day stages are judged in calendar days. Every figure is
// counted by hand in the comments on the official calendar (March 2010 has no holiday; the 2010
// Spring Festival ran Sat 02-13 .. Fri 02-19 with Sat 02-20 and Sun 02-21 worked; National Day
// 2010 ran Fri 10-01 .. Thu 10-07 with Sun 09-26 and Sat 10-09 worked).
#include "doctest_printers.hpp"
#include "test_dates.hpp"

#include <yekuo/track/assess.hpp>
#include <yekuo/track/confirm.hpp>
#include <yekuo/track/evaluate.hpp>
#include <yekuo/track/known_on.hpp>
#include <yekuo/track/tracked_project.hpp>

#include <random>
#include <string>
#include <vector>

using yekuo::calendar::Date;
using yekuo::calendar::WorkingCalendar;
using yekuo::track::StageStatus;
namespace model = yekuo::model;
namespace track = yekuo::track;

namespace {

const WorkingCalendar& cal() { return WorkingCalendar::china(); }

// An order whose confirmed baseline (revision 1, confirmed on the application day) is written
// stage by stage; later revisions can be added.
struct Order {
  model::Project p;
  model::Baseline baseline;

  explicit Order(const char* applied, const char* target = "2010-05-31") {
    p.file = "order.toml";
    p.info.id = "T-1";
    p.info.name = "order";
    p.info.applied = D(applied);
    p.info.target = D(target);
    baseline.project_id = "T-1";
    model::BaselineRevision r;
    r.number = 1;
    r.confirmed = D(applied);
    r.reason = "初次确认";
    r.applied = D(applied);
    r.target = D(target);
    r.planned_energization = D(target);
    baseline.revisions.push_back(r);
  }

  // A stage planned start..deadline in revision 1: `days` working days, or calendar days.
  void stage(const char* id, const char* dept, const char* start, const char* deadline, int days,
             std::vector<const char*> after = {}, bool calendar_days = false) {
    model::Stage s;
    s.id = id;
    s.name = std::string("阶段") + id;
    s.dept = dept;
    s.customer = std::string(dept) == model::k_customer_dept;
    s.duration = days;
    s.unit = calendar_days ? model::DurationUnit::calendar_days : model::DurationUnit::working_days;
    for (const char* a : after) s.after.push_back({a, p.find_stage(a), model::DepType::fs, 0, {}});
    p.stages.push_back(s);
    baseline.revisions[0].stages.push_back(
        {id, s.name, dept, s.customer, s.unit, days, calendar_days ? cal().working_days_between(D(start), D(deadline)) : days,
         D(start), D(deadline)});
  }
  // A new revision confirmed on `confirmed` that moves every stage `shift` working days later.
  void reconfirm(const char* confirmed, int shift) {
    model::BaselineRevision r = baseline.revisions.back();
    r.number = static_cast<int>(baseline.revisions.size()) + 1;
    r.confirmed = D(confirmed);
    r.reason = "客户要求调整";
    for (auto& s : r.stages) {
      s.start = cal().date_of(cal().point(s.start) + shift);
      s.deadline = cal().date_of(cal().point(s.deadline) + shift);
    }
    baseline.revisions.push_back(r);
  }
  void actual(const char* id, const char* started, const char* finished) {
    model::Progress pr;
    pr.stage = id;
    pr.index = p.find_stage(id);
    if (started) pr.started = D(started);
    if (finished) pr.finished = D(finished);
    p.progress.push_back(pr);
  }
  void clear_actual(const char* id) {
    std::erase_if(p.progress, [&](const model::Progress& pr) { return pr.stage == id; });
  }
  void delay(const char* id, const char* from, const char* to, const char* reported) {
    model::Delay d;
    d.stage = id;
    d.index = p.find_stage(id);
    d.from = D(from);
    d.to = D(to);
    d.reason = "客户原因";
    if (reported) d.reported = D(reported);
    p.delays.push_back(d);
  }

  [[nodiscard]] track::TrackedProject known_on(const char* as_of) const {
    return track::make_tracked_project(p, baseline, cal(), D(as_of));
  }
  [[nodiscard]] track::ProjectEvaluation evaluate(const char* as_of) const {
    return track::evaluate_project(known_on(as_of), {D(as_of), true, {}});
  }
  [[nodiscard]] track::ProjectAssessment assess(const char* as_of = "2010-12-31") const {
    const auto t = known_on(as_of);
    return track::assess_project(t.project, t.reference, cal(), D(as_of));
  }
};

const track::StageEvaluation& stage(const track::ProjectEvaluation& e, const char* id) {
  const auto* s = e.find_stage(id);
  REQUIRE(s != nullptr);
  return *s;
}

const track::StageAssessment& stage(const track::ProjectAssessment& a, const char* id) {
  for (const auto& s : a.stages)
    if (s.id == id) return s;
  FAIL("no stage " << id);
  return a.stages.front();
}

// The worked example of docs/tracking.md and docs/assessment.md. Applied Mon 2010-03-01.
//   a 现场勘查 (客户服务中心) 5 days, planned Tue 03-02 .. Mon 03-08;
//   b 供电方案答复 (发展策划部) 10 days after a, planned Tue 03-09 .. Mon 03-22;
//   c 配套工程 (运维检修部) 5 days after b, planned Tue 03-23 .. Mon 03-29.
Order worked_example() {
  Order o("2010-03-01", "2010-03-29");
  o.stage("a", "客户服务中心", "2010-03-02", "2010-03-08", 5);
  o.stage("b", "发展策划部", "2010-03-09", "2010-03-22", 10, {"a"});
  o.stage("c", "运维检修部", "2010-03-23", "2010-03-29", 5, {"b"});
  // a finishes Wed 03-10: 2 working days late (03-09, 03-10).
  o.actual("a", "2010-03-02", "2010-03-10");
  // The customer changes its load list Mon 03-08 .. Fri 03-12, reported Thu 03-11: the delay
  // straddles b's clock start.
  o.delay("b", "2010-03-08", "2010-03-12", "2010-03-11");
  o.actual("b", "2010-03-11", "2010-03-30");
  // c waits for b and is energized on Wed 04-07: 03-31, 04-01, 04-02, 04-06, 04-07 (Mon 04-05 is
  // the Qingming holiday) = 5 days, on time.
  o.actual("c", "2010-03-31", "2010-04-07");
  return o;
}

} // namespace

TEST_SUITE("track::stage_verdicts") {

TEST_CASE("worked example: a late predecessor and a customer delay straddling the stage's start") {
  const Order o = worked_example();
  // b's clock starts at a's finish (point of Wed 03-10), not at its planned Tue 03-09: it counts
  // from Thu 03-11. Its 10 days would end Wed 03-24 (11,12,15,16,17,18,19,22,23,24), later than
  // the planned 03-22, so reports up to 03-24 count: the one of 03-11 is in time. Of the delay
  // 03-08..03-12 only 03-11 and 03-12 lie inside b's counted days: 2 excluded (03-08..03-10 were
  // a's time, not b's). Due: 03-24 + 2 working days = Fri 03-26. Finished Tue 03-30: 2 days late
  // (03-29, 03-30). Handling 03-11..03-30 = 14 working days, net 12, limit 10: 2 over.
  const auto a = o.assess();
  REQUIRE(a.state == track::OrderState::assessed);
  const auto& sb = stage(a, "b");
  CHECK(sb.clock.reason == track::ClockReason::predecessor);
  CHECK(sb.clock_start == D("2010-03-11"));
  CHECK(sb.effective_deadline == D("2010-03-24"));
  CHECK(sb.handling_days == 14);
  CHECK(sb.customer_days_excluded == 2);
  CHECK(sb.net_days == 12);
  CHECK(sb.due == D("2010-03-26"));
  CHECK(sb.overrun_days == 2);
  CHECK(stage(a, "a").overrun_days == 2);

  // The weekly table says the same on every day from b's finish to the energization and after,
  // and never counts the delay's days before b's clock.
  for (const char* as_of : {"2010-03-30", "2010-03-31", "2010-04-06", "2010-04-07", "2010-05-20"}) {
    CAPTURE(as_of);
    const auto e = o.evaluate(as_of);
    const auto& b = stage(e, "b");
    CHECK(b.state.status == StageStatus::done_late);
    CHECK(b.state.days_late == 2);
    CHECK(b.state.excluded_days == 2);
    CHECK(b.state.effective_deadline == D("2010-03-26"));
    CHECK(stage(e, "a").state.days_late == 2);
  }
}

TEST_CASE("a stage waiting for an overdue predecessor is not escalated: the predecessor is, naming what it holds") {
  Order o = worked_example();
  o.clear_actual("b"); // b started, not finished; c not started
  o.clear_actual("c");
  o.actual("b", "2010-03-11", nullptr);
  // Thu 04-01 (Qingming is Mon 04-05): b is due Fri 03-26, overdue 03-29..04-01 = 4 days. c's
  // planned deadline Mon 03-29 has passed, but c cannot start before b finishes.
  const auto e = o.evaluate("2010-04-01");
  const auto& b = stage(e, "b");
  const auto& c = stage(e, "c");
  CHECK(b.state.status == StageStatus::overdue);
  CHECK(b.state.days_late == 4);
  CHECK(c.state.status == StageStatus::waiting);
  CHECK(c.state.days_late == 0);
  CHECK(c.blocked_by == "b");
  CHECK(c.blocked_by_dept == "发展策划部");
  CHECK(b.blocks == std::vector<std::string>{"c"});
  // Its deadline is the earliest it can be: b finishes Fri 04-02 at the earliest; c's 5 days then
  // run 04-06, 07, 08, 09, 12 (Mon 04-05 is the Qingming holiday): Mon 04-12.
  CHECK(c.state.effective_deadline == D("2010-04-12"));
  const std::vector<const track::ProjectEvaluation*> active{&e};
  const auto esc = track::escalations(active);
  REQUIRE(esc.size() == 1);
  CHECK(esc[0].stage->id == "b");
}

TEST_CASE("re-confirming after a stage finished does not erase its overrun") {
  Order o = worked_example();
  // Revision 2, confirmed Mon 03-15, moves every window 5 working days later. a had finished on
  // 03-10: it keeps revision 1's window (deadline 03-08) and its 2 days over. b's deadline
  // (03-22) had not passed: revision 2 moves it to 03-16 .. 03-29.
  o.reconfirm("2010-03-15", 5);
  const auto t = o.known_on("2010-12-31");
  CHECK(t.reference.stages[0].held == track::HoldReason::finished);
  CHECK(t.reference.stages[0].revision == 1);
  CHECK(t.reference.stages[0].held_by == 2);
  CHECK(t.reference.stages[1].held == track::HoldReason::none);
  CHECK(t.reference.stages[1].revision == 2);
  CHECK(t.reference.stages[1].deadline == D("2010-03-29"));
  const auto a = o.assess();
  CHECK(stage(a, "a").overrun_days == 2);
  CHECK(stage(a, "a").held == track::HoldReason::finished);
  // b's clock is now its new planned start (revision 2: Tue 03-16): it counts 03-16 .. 03-30 =
  // 11 working days; the delay 03-08..03-12 lies before its counted days: 0 excluded; 1 over.
  CHECK(stage(a, "b").clock_start == D("2010-03-16"));
  CHECK(stage(a, "b").overrun_days == 1);

  // Revision 3, confirmed Thu 04-08: b (finished 03-30) and c (finished 04-07) had finished: it
  // moves neither, and no figure changes.
  o.reconfirm("2010-04-08", 3);
  const auto t3 = o.known_on("2010-12-31");
  CHECK(t3.reference.stages[1].held == track::HoldReason::finished);
  CHECK(t3.reference.stages[2].held == track::HoldReason::finished);
  const auto a3 = o.assess();
  CHECK(stage(a3, "a").overrun_days == 2);
  CHECK(stage(a3, "b").overrun_days == 1);
}

TEST_CASE("a revision cannot move a stage whose deadline had passed, finished or not") {
  Order o = worked_example();
  o.clear_actual("b"); // b open
  o.clear_actual("c");
  // Revision 2 confirmed Thu 03-25: b's deadline Mon 03-22 had passed; c's (03-29) had not.
  o.reconfirm("2010-03-25", 10);
  const auto t = o.known_on("2010-04-01");
  CHECK(t.reference.stages[1].held == track::HoldReason::deadline_passed);
  CHECK(t.reference.stages[1].deadline == D("2010-03-22"));
  CHECK(t.reference.stages[2].held == track::HoldReason::none);
  CHECK(t.reference.stages[2].revision == 2);
  // b is judged against revision 1: due Fri 03-26 as in the worked example, overdue on 04-01.
  CHECK(stage(o.evaluate("2010-04-01"), "b").state.days_late == 4);
}

TEST_CASE("--as-of in the past sees only what was known then") {
  Order o = worked_example();
  o.reconfirm("2010-03-15", 5); // moves a's deadline to Mon 03-15
  // Tue 03-09: revision 2 is not confirmed yet, a's finish (03-10) is not known: under revision 1
  // a (deadline 03-08) is 1 day overdue, not "in progress" against the later window.
  const auto e = o.evaluate("2010-03-09");
  CHECK(e.has_baseline);
  CHECK(e.baseline_revision == 1);
  CHECK(stage(e, "a").state.status == StageStatus::overdue);
  CHECK(stage(e, "a").state.days_late == 1);
  // The report of b's delay (03-11) is not known on 03-10.
  const auto e10 = o.evaluate("2010-03-10");
  CHECK(e10.stages.size() == 3);
  const auto& b = stage(e10, "b");
  REQUIRE(b.delays.size() == 1);
  CHECK(b.delays[0].verdict == track::DelayVerdict::not_reported);
  // A delay that had not begun on the as-of date is not a fact yet.
  CHECK(stage(o.evaluate("2010-03-05"), "b").delays.empty());
}

TEST_CASE("an order applied after the as-of date is not active then; a revisit after it is not done") {
  Order o("2010-03-01", "2010-03-29");
  o.stage("a", "客户服务中心", "2010-03-02", "2010-03-29", 20);
  const auto before = o.evaluate("2010-02-26");
  CHECK(before.not_yet_applied);
  CHECK_FALSE(before.active());
  CHECK(o.evaluate("2010-03-01").active());

  o.actual("a", "2010-03-02", "2010-03-26");
  o.p.revisit = model::Revisit{D("2010-04-20"), true, {}, {}};
  // Energized Fri 03-26; the revisit deadline is Mon 04-26. On 04-10 the revisit of 04-20 had not
  // happened: not due yet, not "ok".
  CHECK(o.assess("2010-04-10").revisit->status == track::RevisitStatus::not_due);
  CHECK(o.assess("2010-04-20").revisit->status == track::RevisitStatus::ok);
  // An assessment as of a day before the energization sees no energized order.
  CHECK(o.assess("2010-03-25").state == track::OrderState::not_energized);
}

TEST_CASE("a calendar-day stage is limited, counted and judged in calendar days") {
  // 土建 (客户) of 42 calendar days planned Mon 2010-09-27 .. Sun 11-07, across National Day (its
  // planned window holds 25 working days). Its predecessor finished late on Fri 10-15, so its
  // clock starts on the next working day, Mon 10-18; 42 calendar days end Sun 11-28.
  Order o("2010-09-01", "2010-12-31");
  o.stage("reply", "发展策划部", "2010-09-02", "2010-09-24", 15);
  o.stage("civil", "客户", "2010-09-27", "2010-11-07", 42, {"reply"}, true);
  o.stage("check", "客户服务中心", "2010-11-08", "2010-11-12", 5, {"civil"});
  o.actual("reply", "2010-09-02", "2010-10-15");
  o.actual("civil", "2010-10-18", "2010-11-28");
  o.actual("check", "2010-11-29", "2010-12-03");
  const auto a = o.assess();
  const auto& civil = stage(a, "civil");
  CHECK(civil.calendar_days);
  CHECK(civil.limit_days == 42);
  CHECK(civil.clock_start == D("2010-10-18"));
  CHECK(civil.handling_days == 42);
  CHECK(civil.overrun_days == 0);
  // The weekly table as of the finish says the same: done on time.
  const auto e = o.evaluate("2010-11-29");
  CHECK(stage(e, "civil").state.status == StageStatus::done_on_time);
  // One day more is one calendar day over, and a customer delay of 3 calendar days reported in
  // time (by Sun 11-28, the later of the planned 11-07 and 10-18 + 41) excludes 3 calendar days.
  Order late = o;
  late.p.progress[1].finished = D("2010-11-29");
  late.p.progress[2] = {"check", 2, D("2010-11-30"), D("2010-12-06"), "", {}, {}, {}};
  CHECK(stage(late.assess(), "civil").overrun_days == 1);
  late.delay("civil", "2010-11-05", "2010-11-07", "2010-11-08");
  const auto excused_order = late.assess();
  const auto& excused = stage(excused_order, "civil");
  CHECK(excused.customer_days_excluded == 3);
  CHECK(excused.overrun_days == 0);
}

TEST_CASE("a calendar-day utility stage planned across Spring Festival is not penalised for the holiday") {
  // 10 calendar days planned Wed 2010-02-10 .. Fri 02-19 (only 3 working days: 02-10, 11, 12).
  // Its predecessor finishes Fri 02-12, so the clock starts Sat 02-20 (an adjusted working day);
  // 10 calendar days end Mon 03-01; done then: on time, no suggestion.
  Order o("2010-02-01", "2010-03-31");
  o.stage("design", "基建部", "2010-02-02", "2010-02-09", 6);
  o.stage("build", "配电工区", "2010-02-10", "2010-02-19", 10, {"design"}, true);
  o.actual("design", "2010-02-02", "2010-02-12");
  o.actual("build", "2010-02-20", "2010-03-01");
  const auto assessed = o.assess();
  const auto& s = stage(assessed, "build");
  CHECK(s.clock_start == D("2010-02-20"));
  CHECK(s.limit_days == 10);
  CHECK(s.handling_days == 10);
  CHECK(s.overrun_days == 0);
  CHECK_FALSE(s.suggested());
  // Open on Tue 03-02, due Mon 03-01: 1 calendar day overdue.
  Order open = o;
  open.p.progress[1].finished.reset();
  const auto e = open.evaluate("2010-03-02");
  CHECK(stage(e, "build").state.status == StageStatus::overdue);
  CHECK(stage(e, "build").state.days_late == 1);
  CHECK(stage(e, "build").calendar_days);
}

} // TEST_SUITE

// --- Properties over many generated orders ------------------------------------------------------

namespace {

const char* const k_depts[] = {"客户服务中心", "发展策划部", "运维检修部", "客户"};

// A random order with actuals that respect its dependencies (FS: starts after the predecessor's
// finish + lag; SS: not before its start + lag; FF: finishes no earlier than its finish + lag),
// customer delays reported early, late or never, and a first baseline confirmed on the
// application day.
Order random_order(std::mt19937& rng) {
  auto between = [&](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); };
  const Date applied = D("2014-01-01").plus_days(between(0, 3500));
  Order o(applied.iso().c_str(), applied.plus_days(between(60, 400)).iso().c_str());
  const std::size_t n = static_cast<std::size_t>(between(2, 8));
  for (std::size_t i = 0; i < n; ++i) {
    model::Stage s;
    s.id = "s" + std::to_string(i);
    s.name = s.id;
    s.dept = k_depts[between(0, 3)];
    s.customer = s.dept == model::k_customer_dept;
    const bool cal_days = between(0, 4) == 0;
    s.unit = cal_days ? model::DurationUnit::calendar_days : model::DurationUnit::working_days;
    s.duration = cal_days ? between(2, 30) : between(0, 9);
    for (std::size_t j = 0; j < i; ++j) {
      if (between(0, 99) >= 40) continue;
      const int t = between(0, 9);
      const auto type = t < 7 ? model::DepType::fs : t < 9 ? model::DepType::ss : model::DepType::ff;
      s.after.push_back({"s" + std::to_string(j), j, type, between(0, 3), {}});
    }
    o.p.stages.push_back(std::move(s));
  }
  const auto plan = yekuo::schedule::make_plan(o.p, cal(), std::nullopt, yekuo::schedule::CompressionAdvice::skip);
  o.baseline.revisions[0] = track::make_revision(o.p, plan, applied, "初次确认", 1);

  auto wd_after = [&](Date d, int k) { return cal().date_of(cal().point(d) + k); }; // k-th working day after d
  std::vector<Date> start(n), finish(n);
  for (std::size_t i = 0; i < n; ++i) {
    const model::Stage& s = o.p.stages[i];
    Date st = applied.plus_days(1);
    Date min_finish = st;
    for (const auto& d : s.after) {
      if (d.type == model::DepType::fs) st = std::max(st, wd_after(finish[d.pred], d.lag + 1));
      if (d.type == model::DepType::ss) st = std::max(st, wd_after(start[d.pred], d.lag));
      if (d.type == model::DepType::ff) min_finish = std::max(min_finish, wd_after(finish[d.pred], d.lag));
    }
    st = st.plus_days(between(0, 6));
    Date fin = st.plus_days(between(0, s.duration * 2 + 4));
    fin = std::max(fin, min_finish);
    start[i] = st;
    finish[i] = fin;
    o.actual(s.id.c_str(), st.iso().c_str(), fin.iso().c_str());
    for (int k = between(0, 2); k > 0; --k) {
      const Date from = st.plus_days(between(-8, 12));
      const Date to = from.plus_days(between(0, 7));
      const int r = between(0, 9);
      const std::string reported = from.plus_days(between(0, 25)).iso();
      o.delay(s.id.c_str(), from.iso().c_str(), to.iso().c_str(), r < 7 ? reported.c_str() : nullptr);
    }
  }
  return o;
}

// A rolling adjustment confirmed on `confirmed`: the plan against a target moved by `days`.
void reconfirm_to_target(Order& o, Date confirmed, int days) {
  model::Project moved = o.p;
  moved.info.target = o.p.info.target.plus_days(days);
  const auto plan = yekuo::schedule::make_plan(moved, cal(), std::nullopt, yekuo::schedule::CompressionAdvice::skip);
  o.baseline.revisions.push_back(track::make_revision(moved, plan, confirmed, "滚动调整",
                                                      static_cast<int>(o.baseline.revisions.size()) + 1));
}

} // namespace

TEST_SUITE("track::stage_verdicts properties") {

TEST_CASE("on generated orders the weekly verdict of a finished stage equals its assessment, never changes later, "
          "and survives re-confirmation") {
  std::mt19937 rng(20261129);
  int orders = 0, compared = 0, held = 0;
  for (int k = 0; k < 1500; ++k) {
    Order o = random_order(rng);
    auto between = [&](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); };
    const Date energized = *track::energization_date(o.p, D("2100-01-01"));
    const Date late = energized.plus_days(60);
    const auto before = o.assess(late.iso().c_str());
    REQUIRE(before.state == track::OrderState::assessed);

    // Re-confirm at a random day between the application and the energization.
    const Date confirmed = o.p.info.applied.plus_days(between(1, std::max(1, energized - o.p.info.applied)));
    reconfirm_to_target(o, confirmed, between(-20, 60));
    const auto after = o.assess(late.iso().c_str());
    REQUIRE(after.state == track::OrderState::assessed);
    ++orders;

    for (std::size_t i = 0; i < o.p.stages.size(); ++i) {
      const auto& sa = after.stages[i];
      CAPTURE(k);
      CAPTURE(sa.id);
      // Re-confirming never changes the verdict of a stage finished by the confirmation day.
      if (sa.actual_finish <= confirmed) {
        CHECK(sa.overrun_days == before.stages[i].overrun_days);
        CHECK(sa.handling_days == before.stages[i].handling_days);
        CHECK(sa.held == track::HoldReason::finished);
        ++held;
      }
      CHECK(sa.overrun_days == std::max(0, sa.net_days - sa.limit_days));
      if (sa.customer) continue;
      // The weekly table on any day from the stage's finish to the energization (and after)
      // gives the same days late as the assessment.
      const int room = std::max(0, energized - sa.actual_finish); // an SS-only predecessor may finish last
      for (const Date as_of : {sa.actual_finish, sa.actual_finish.plus_days(room), sa.actual_finish.plus_days(between(0, room))}) {
        CAPTURE(as_of);
        const auto e = o.evaluate(as_of.iso().c_str());
        const auto* s = e.find_stage(sa.id);
        REQUIRE(s != nullptr);
        CHECK(s->state.days_late == sa.overrun_days);
        CHECK(s->state.status == (sa.overrun_days > 0 ? StageStatus::done_late : StageStatus::done_on_time));
        ++compared;
      }
    }
    // On any day, a stage that cannot start yet is never overdue or due soon.
    const Date any = o.p.info.applied.plus_days(between(0, energized - o.p.info.applied));
    const auto t = o.known_on(any.iso().c_str());
    const auto verdicts = track::stage_verdicts(t.project, t.reference, cal(), any);
    for (const auto& v : verdicts)
      if (!v.available && !v.finished) {
        CHECK_FALSE(v.overdue);
        CHECK_FALSE(v.due_next);
        CHECK(v.days_late == 0);
      }
  }
  MESSAGE(orders << " orders, " << compared << " weekly verdicts compared with the assessment, " << held
                 << " finished stages checked across a re-confirmation");
  CHECK(compared > 5000);
  CHECK(held > 500);
}

} // TEST_SUITE
