// Compression advice: hand-checked cases and optimality against brute-force enumeration.
#include "doctest_printers.hpp"
#include "reference_scheduler.hpp"
#include "test_dates.hpp"

#include <yekuo/schedule/compress.hpp>
#include <yekuo/schedule/network.hpp>

#include <algorithm>
#include <limits>
#include <random>

using reference::ProjectBuilder;
using yekuo::calendar::Date;
using yekuo::calendar::WorkingCalendar;
using yekuo::calendar::WorkPoint;
using yekuo::model::DepType;
namespace sch = yekuo::schedule;

namespace {

sch::Network network_of(const yekuo::model::Project& p) { return sch::make_network(p, WorkingCalendar::china()); }

struct Brute {
  int least_compression = std::numeric_limits<int>::max(); // to meet the target; max if impossible
  long tie_key = std::numeric_limits<long>::max();         // the tie rule's key of the least proposal
  WorkPoint best_finish = std::numeric_limits<WorkPoint>::max();
};

// The compressible stages (min_days below days; at least 1 for a calendar-day stage), in index order.
std::vector<std::size_t> compressible(const sch::Network& n) {
  std::vector<std::size_t> vary;
  for (std::size_t i = 0; i < n.activities.size(); ++i) {
    const auto& a = n.activities[i];
    const bool cd = a.unit == yekuo::model::DurationUnit::calendar_days && a.duration > 0;
    if (a.min_duration && std::max(*a.min_duration, cd ? 1 : 0) < a.duration) vary.push_back(i);
  }
  return vary;
}
int lowest(const sch::Activity& a) {
  const bool cd = a.unit == yekuo::model::DurationUnit::calendar_days && a.duration > 0;
  return std::max(*a.min_duration, cd ? 1 : 0);
}

// The documented tie rule (docs/time-model.md): among the least totals, the least
// sum of removed_k * (m - 1 - k), k = position among the m compressible stages in file order.
long tie_key(const sch::Network& n, const sch::Network& proposal) {
  const auto vary = compressible(n);
  long key = 0;
  for (std::size_t k = 0; k < vary.size(); ++k)
    key += static_cast<long>(n.activities[vary[k]].duration - proposal.activities[vary[k]].duration) *
           static_cast<long>(vary.size() - 1 - k);
  return key;
}

// Tries every combination of durations in [min_days, days], in each stage's unit.
Brute brute_force(const sch::Network& n, const WorkingCalendar& cal) {
  Brute b;
  sch::Network trial = n;
  const auto vary = compressible(n);
  for (std::size_t i : vary) trial.activities[i].duration = lowest(n.activities[i]);
  for (;;) {
    const sch::Schedule s = sch::compute_schedule(trial, cal);
    b.best_finish = std::min(b.best_finish, s.earliest_finish);
    if (s.feasible) {
      int total = 0;
      for (std::size_t i : vary) total += n.activities[i].duration - trial.activities[i].duration;
      const long key = tie_key(n, trial);
      if (total < b.least_compression || (total == b.least_compression && key < b.tie_key)) {
        b.least_compression = total;
        b.tie_key = key;
      }
    }
    std::size_t k = 0;
    while (k < vary.size() && trial.activities[vary[k]].duration == n.activities[vary[k]].duration) {
      trial.activities[vary[k]].duration = lowest(n.activities[vary[k]]);
      ++k;
    }
    if (k == vary.size()) break;
    ++trial.activities[vary[k]].duration;
  }
  return b;
}

int uniform(std::mt19937& rng, int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); }

} // namespace

TEST_SUITE("schedule::plan_compression") {

TEST_CASE("a chain 4 days too long is compressed by exactly 4 days") {
  // a (10, min 6) -> b (10, min 8); c (5) in parallel. Applied Mon 11 Jan; 16 working days
  // after it is Mon 1 Feb (Jan 12..15: 4, 18..22: 9, 25..29: 14, Feb 1: 15, Feb 2: 16 -> Tue 2 Feb).
  const auto& cal = WorkingCalendar::china();
  const auto n = network_of(ProjectBuilder("2010-01-11", "2010-02-02")
                                .stage("a", 10, 6)
                                .stage("b", 10, 8).after("a")
                                .stage("c", 5, 5)
                                .project());
  REQUIRE(n.target - n.start == 16);
  const auto plan = sch::plan_compression(n, cal);
  CHECK(plan.meets_target);
  CHECK(plan.optimal);
  CHECK(plan.total_compression == 4);
  CHECK(plan.schedule.feasible);
  CHECK(plan.best_finish == n.start + 14); // a at 6 and b at 8
  for (const auto& ch : plan.changes) CHECK(ch.activity != 2);
}

TEST_CASE("when even full compression cannot meet the target it says the best date") {
  // Same chain, target 12 working days after applied: the best is 6 + 8 = 14.
  const auto& cal = WorkingCalendar::china();
  const auto n = network_of(ProjectBuilder("2010-01-11", "2010-01-27")
                                .stage("a", 10, 6)
                                .stage("b", 10, 8).after("a")
                                .project());
  REQUIRE(n.target - n.start == 12);
  const auto plan = sch::plan_compression(n, cal);
  CHECK_FALSE(plan.meets_target);
  CHECK(plan.best_finish == n.start + 14);
  CHECK(plan.total_compression == 6);
  CHECK(plan.schedule.earliest_finish == plan.best_finish);
  CHECK_FALSE(plan.schedule.feasible);
}

TEST_CASE("with FF and SS links shortening a stage can make things later; it is not proposed") {
  // a 10 (min 6); b FF+0 after a, 4 (min 1); c SS+0 after b, 10.
  // Planned: a 0..10, b must finish >= 10 so starts 6, c 6..16.
  // Shortening b only delays it (b 1 day starts at 9 -> c ends 19). Shortening a by 4 gives
  // a 0..6, b 2..6, c 2..12. Full compression (a 6, b 1) gives b 5..6, c 5..15.
  const auto& cal = WorkingCalendar::china();
  const auto n = network_of(ProjectBuilder("2010-01-11", "2010-02-26")
                                .stage("a", 10, 6)
                                .stage("b", 4, 1).after("a", DepType::ff, 0)
                                .stage("c", 10).after("b", DepType::ss, 0)
                                .project());
  sch::Network tight = n;
  tight.target = n.start + 12;
  const auto plan = sch::plan_compression(tight, cal);
  CHECK(plan.meets_target);
  CHECK(plan.best_finish == n.start + 12);
  CHECK(plan.total_compression == 4);
  REQUIRE(plan.changes.size() == 1);
  CHECK(plan.changes[0].activity == 0);
  CHECK(plan.changes[0].to_days == 6);
}

TEST_CASE("a feasible network needs no compression") {
  const auto& cal = WorkingCalendar::china();
  const auto n = network_of(ProjectBuilder("2010-01-11", "2010-03-31").stage("a", 10, 6).project());
  const auto plan = sch::plan_compression(n, cal);
  CHECK(plan.meets_target);
  CHECK(plan.changes.empty());
  CHECK(plan.total_compression == 0);
}

TEST_CASE("least total compression equals brute force on random small networks") {
  const auto& cal = WorkingCalendar::china();
  std::mt19937 rng(48000);
  int checked_infeasible = 0, checked_unreachable = 0;
  for (int k = 0; k < 400; ++k) {
    CAPTURE(k);
    ProjectBuilder b("2010-01-11", "2010-01-11");
    const int n = uniform(rng, 2, 8);
    int compressible = 0;
    std::vector<std::string> ids;
    for (int i = 0; i < n; ++i) ids.push_back(std::string(1, static_cast<char>('a' + i)));
    for (int i = 0; i < n; ++i) {
      const int d = uniform(rng, 0, 9);
      std::optional<int> m;
      if (compressible < 6 && d > 0 && uniform(rng, 0, 2) > 0) {
        m = std::max(0, d - uniform(rng, 1, 4));
        ++compressible;
      }
      b.stage(ids[static_cast<std::size_t>(i)].c_str(), d, m);
      for (int q = 0; q < i; ++q) {
        if (uniform(rng, 0, 99) >= 40) continue;
        const int t = uniform(rng, 0, 5);
        const DepType type = t <= 2 ? DepType::fs : (t <= 3 ? DepType::ss : DepType::ff);
        b.after_index(static_cast<std::size_t>(q), type, uniform(rng, 0, 2) == 0 ? uniform(rng, -4, 5) : 0);
      }
    }
    sch::Network net = network_of(b.project());
    const auto planned = sch::compute_schedule(net, cal);
    // A target between "hopeless" and "just short".
    net.target = std::max(net.start + 1, planned.earliest_finish - uniform(rng, 1, 12));
    const auto s = sch::compute_schedule(net, cal);
    if (s.feasible) continue;
    ++checked_infeasible;
    const Brute brute = brute_force(net, cal);
    const auto plan = sch::plan_compression(net, cal);
    CHECK(plan.optimal);
    CHECK(plan.best_finish == brute.best_finish);
    CHECK(plan.meets_target == (brute.least_compression != std::numeric_limits<int>::max()));
    if (plan.meets_target) {
      CHECK(plan.total_compression == brute.least_compression);
      CHECK(tie_key(net, plan.compressed) == brute.tie_key);
      CHECK(plan.schedule.feasible);
    } else {
      ++checked_unreachable;
      CHECK(plan.schedule.earliest_finish == brute.best_finish);
      // The least compression that reaches the best date: brute force against that target.
      sch::Network at_best = net;
      at_best.target = brute.best_finish;
      const Brute again = brute_force(at_best, cal);
      CHECK(plan.total_compression == again.least_compression);
      CHECK(tie_key(net, plan.compressed) == again.tie_key);
    }
    // The proposal only shortens, within min_days, and its schedule is the one reported.
    for (const auto& ch : plan.changes) {
      const auto& a = net.activities[ch.activity];
      CHECK(ch.from_days == a.duration);
      CHECK(ch.to_days < ch.from_days);
      REQUIRE(a.min_duration.has_value());
      CHECK(ch.to_days >= *a.min_duration);
      CHECK(plan.compressed.activities[ch.activity].duration == ch.to_days);
    }
    const auto again = sch::compute_schedule(plan.compressed, cal);
    CHECK(again.earliest_finish == plan.schedule.earliest_finish);
  }
  CHECK(checked_infeasible > 200);
  CHECK(checked_unreachable > 20);
}

TEST_CASE("networks with calendar-day stages get the least proposal, min_days in calendar days") {
  // design 10 (min 5) -> civil 14 calendar days (min 7) -> inspect 3 (min 1). Applied Mon
  // 2010-02-08, target Fri 2010-03-05 (Spring Festival 13..19 Feb off, Sat 20 and Sun 21 work).
  // Planned: design Tue 9, Wed 10, Thu 11, Fri 12, Sat 20, Sun 21, Mon 22, Tue 23, Wed 24, Thu 25
  // Feb; civil Fri 26 Feb .. Thu 11 Mar; inspect Fri 12, Mon 15, Tue 16 Mar: 7 working days late
  // (Mar 8..12: 5, Mar 15, 16: 7).
  // Least: civil to 7 calendar days and design to 9? Brute force decides; the test compares.
  const auto& cal = WorkingCalendar::china();
  const auto n = network_of(ProjectBuilder("2010-02-08", "2010-03-05")
                                .stage("design", 10, 5)
                                .calendar_stage("civil", 14, 7).after("design")
                                .stage("inspect", 3, 1).after("civil")
                                .project());
  REQUIRE(sch::compute_schedule(n, cal).shortfall == 7);
  const auto plan = sch::plan_compression(n, cal);
  const Brute brute = brute_force(n, cal);
  CHECK(plan.optimal);
  CHECK(plan.reason.empty());
  CHECK(plan.meets_target);
  CHECK(plan.schedule.feasible);
  CHECK(plan.total_compression == brute.least_compression);
  CHECK(tie_key(n, plan.compressed) == brute.tie_key);
}

TEST_CASE("regression: 6 working days short, the proposal removes 6, not 7") {
  // The case: 现场勘查 2 -> 土建 42 calendar days -> 竣工检验 5 (min 2) -> 装表接电 5 (min 1),
  // target 6 working days before the earliest energization. The old optimiser modelled the
  // calendar-day stage at a fixed position and proposed 7 (竣工检验 5->2, 装表接电 5->1).
  // Applied Mon 2010-03-01: survey Tue 2, Wed 3; civil Thu 4 Mar .. Wed 14 Apr (42 calendar days,
  // Qingming Mon 5 Apr off); inspect Thu 15 .. Wed 21 Apr; energize Thu 22 .. Wed 28 Apr.
  // Target 6 working days earlier: Tue 20 Apr (21, 22, 23, 26, 27, 28 are the 6 days).
  // Removing 6: inspect 5->2 (Thu 15 .. Mon 19) and energize 5->... any 6 days out of the 7
  // removable reach Tue 20 Apr; the tie rule takes them from the later stage first:
  // energize 5->1 (4 days) and inspect 5->3 (2 days): inspect Thu 15 .. Mon 19, energize Tue 20.
  const auto& cal = WorkingCalendar::china();
  const auto n = network_of(ProjectBuilder("2010-03-01", "2010-04-20")
                                .stage("survey", 2)
                                .calendar_stage("civil", 42).after("survey")
                                .stage("inspect", 5, 2).after("civil")
                                .stage("energize", 5, 1).after("inspect")
                                .project());
  const auto base = sch::compute_schedule(n, cal);
  CHECK(cal.date_of(base.earliest_finish) == D("2010-04-28"));
  REQUIRE(base.shortfall == 6);
  const auto plan = sch::plan_compression(n, cal);
  CHECK(plan.optimal);
  CHECK(plan.meets_target);
  CHECK(plan.total_compression == 6);
  CHECK(plan.compressed.activities[2].duration == 3);
  CHECK(plan.compressed.activities[3].duration == 1);
  CHECK(cal.date_of(plan.schedule.earliest_finish) == D("2010-04-20"));
}

TEST_CASE("least compression equals brute force on random networks with calendar-day stages, SS/FF and lags") {
  const auto& cal = WorkingCalendar::china();
  std::mt19937 rng(20100528);
  int checked_infeasible = 0, checked_unreachable = 0, with_calendar = 0;
  const Date base = D("2009-12-20");
  for (int k = 0; k < 500; ++k) {
    CAPTURE(k);
    const Date applied = base.plus_days(uniform(rng, 0, 700));
    ProjectBuilder b(applied.iso().c_str(), applied.iso().c_str());
    const int n = uniform(rng, 2, 7);
    int vary = 0;
    bool any_calendar = false;
    std::vector<std::string> ids;
    for (int i = 0; i < n; ++i) ids.push_back(std::string(1, static_cast<char>('a' + i)));
    for (int i = 0; i < n; ++i) {
      const bool cd = uniform(rng, 0, 2) == 0;
      const int d = cd ? uniform(rng, 1, 20) : uniform(rng, 0, 9);
      std::optional<int> m;
      if (vary < 5 && d > 1 && uniform(rng, 0, 2) > 0) {
        m = std::max(cd ? 1 : 0, d - uniform(rng, 1, 4));
        ++vary;
      }
      if (cd) {
        b.calendar_stage(ids[static_cast<std::size_t>(i)].c_str(), d, m);
        any_calendar = true;
      } else {
        b.stage(ids[static_cast<std::size_t>(i)].c_str(), d, m);
      }
      for (int q = 0; q < i; ++q) {
        if (uniform(rng, 0, 99) >= 45) continue;
        const int t = uniform(rng, 0, 5);
        const DepType type = t <= 2 ? DepType::fs : (t <= 3 ? DepType::ss : DepType::ff);
        b.after_index(static_cast<std::size_t>(q), type, uniform(rng, 0, 2) == 0 ? uniform(rng, -4, 5) : 0);
      }
    }
    sch::Network net = network_of(b.project());
    const auto planned = sch::compute_schedule(net, cal);
    net.target = std::max(net.start + 1, planned.earliest_finish - uniform(rng, 1, 10));
    const auto s = sch::compute_schedule(net, cal);
    if (s.feasible) continue;
    ++checked_infeasible;
    if (any_calendar) ++with_calendar;
    const Brute brute = brute_force(net, cal);
    const auto plan = sch::plan_compression(net, cal);
    CHECK(plan.optimal);
    CHECK(plan.best_finish == brute.best_finish);
    CHECK(plan.meets_target == (brute.least_compression != std::numeric_limits<int>::max()));
    if (plan.meets_target) {
      CHECK(plan.total_compression == brute.least_compression);
      CHECK(tie_key(net, plan.compressed) == brute.tie_key);
      CHECK(plan.schedule.feasible);
    } else {
      ++checked_unreachable;
      CHECK(plan.schedule.earliest_finish == brute.best_finish);
      sch::Network at_best = net;
      at_best.target = brute.best_finish;
      const Brute again = brute_force(at_best, cal);
      CHECK(plan.total_compression == again.least_compression);
      CHECK(tie_key(net, plan.compressed) == again.tie_key);
    }
    for (const auto& ch : plan.changes) {
      const auto& a = net.activities[ch.activity];
      CHECK(ch.from_days == a.duration);
      CHECK(ch.to_days < ch.from_days);
      REQUIRE(a.min_duration.has_value());
      CHECK(ch.to_days >= lowest(a));
    }
  }
  CHECK(checked_infeasible > 250);
  CHECK(with_calendar > 150);
  CHECK(checked_unreachable > 20);
}

} // TEST_SUITE

TEST_SUITE("schedule::plan_compression") {
TEST_CASE("a large hostile network gets an answer quickly (exact or the sound fallback)") {
  const auto& cal = WorkingCalendar::china();
  std::mt19937 rng(110);
  // Provisional years (Mon-Fri) far from 1970 so that the long chain stays inside the calendar.
  ProjectBuilder b("2060-01-12", "2060-01-13");
  std::vector<std::string> ids;
  for (int i = 0; i < 3000; ++i) ids.push_back(std::to_string(i));
  for (int i = 0; i < 3000; ++i) {
    b.stage(ids[static_cast<std::size_t>(i)].c_str(), 6, 2);
    if (i > 0) b.after_index(static_cast<std::size_t>(uniform(rng, std::max(0, i - 5), i - 1)));
    if (i > 1) b.after_index(static_cast<std::size_t>(uniform(rng, 0, i - 1)), DepType::ss, 3);
  }
  const auto net = network_of(b.project());
  const auto plan = sch::plan_compression(net, cal);
  CHECK_FALSE(plan.meets_target);
  CHECK(plan.schedule.earliest_finish == plan.best_finish);
}
} // TEST_SUITE
