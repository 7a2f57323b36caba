// Compression advice: hand-checked cases and optimality against brute-force enumeration.
#include <yekuo/schedule/compress.hpp>
#include <yekuo/schedule/network.hpp>

#include "doctest_printers.hpp"
#include "reference_scheduler.hpp"

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
  WorkPoint best_finish = std::numeric_limits<WorkPoint>::max();
};

// Tries every combination of durations in [min_days, days].
Brute brute_force(const sch::Network& n, const WorkingCalendar& cal) {
  Brute b;
  sch::Network trial = n;
  std::vector<std::size_t> vary;
  for (std::size_t i = 0; i < n.activities.size(); ++i)
    if (n.activities[i].min_duration && *n.activities[i].min_duration < n.activities[i].duration) vary.push_back(i);
  for (std::size_t i : vary) trial.activities[i].duration = *n.activities[i].min_duration;
  for (;;) {
    const sch::Schedule s = sch::compute_schedule(trial, cal);
    b.best_finish = std::min(b.best_finish, s.earliest_finish);
    if (s.feasible) {
      int total = 0;
      for (std::size_t i : vary) total += n.activities[i].duration - trial.activities[i].duration;
      b.least_compression = std::min(b.least_compression, total);
    }
    std::size_t k = 0;
    while (k < vary.size() && trial.activities[vary[k]].duration == n.activities[vary[k]].duration) {
      trial.activities[vary[k]].duration = *n.activities[vary[k]].min_duration;
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
      CHECK(plan.schedule.feasible);
    } else {
      ++checked_unreachable;
      CHECK(plan.schedule.earliest_finish == brute.best_finish);
      // The least compression that reaches the best date: brute force against that target.
      sch::Network at_best = net;
      at_best.target = brute.best_finish;
      CHECK(plan.total_compression == brute_force(at_best, cal).least_compression);
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

TEST_CASE("networks with calendar-day stages get a sound proposal") {
  // Calendar-day stages are not compressed; the proposal must still meet the target whenever
  // compressing the working-day stages can.
  const auto& cal = WorkingCalendar::china();
  const auto n = network_of(ProjectBuilder("2010-02-08", "2010-03-05")
                                .stage("design", 10, 5)
                                .calendar_stage("civil", 14, 7).after("design")
                                .stage("inspect", 3, 1).after("civil")
                                .project());
  const auto plan = sch::plan_compression(n, cal);
  CHECK_FALSE(plan.optimal);
  CHECK(plan.meets_target == plan.schedule.feasible);
  for (const auto& ch : plan.changes) CHECK(ch.activity != 1);
  if (plan.meets_target) CHECK(plan.schedule.earliest_finish <= n.target);
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
