// schedule::place_within_capacity (plan --portfolio): hand-checked placements and a property test
// on random networks and loads. The dates are reasoned from the 2010 calendar in the comments:
// March 2010 has no holiday (Mon 03-01, 03-08, 03-15, 03-22, 03-29 are Mondays); Qingming 2010 is
// Sat 04-03 .. Mon 04-05. "R" is the resource (a department) of the stages that use one.
#include "doctest_printers.hpp"
#include "reference_scheduler.hpp"
#include "test_dates.hpp"

#include <yekuo/calendar/week.hpp>
#include <yekuo/schedule/capacity_placement.hpp>
#include <yekuo/schedule/cpm.hpp>
#include <yekuo/schedule/network.hpp>
#include <yekuo/schedule/stage_dates.hpp>

#include <algorithm>
#include <map>
#include <numeric>
#include <optional>
#include <queue>
#include <random>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

using reference::ProjectBuilder;
using yekuo::calendar::Date;
using yekuo::calendar::WorkingCalendar;
using yekuo::calendar::WorkPoint;
using yekuo::model::DepType;
namespace sch = yekuo::schedule;

namespace {

// Other orders' load: a capacity per resource (with exceptions per week) and a load per week.
struct FakeLoad final : sch::CommittedLoad {
  std::vector<int> capacity;                              // per resource
  std::map<std::pair<std::size_t, Date>, int> week_capacity; // exceptions
  std::map<std::pair<std::size_t, Date>, int> load;

  [[nodiscard]] sch::WeekLoad week(std::size_t r, Date monday) const override {
    sch::WeekLoad w{capacity.at(r), 0};
    if (const auto it = week_capacity.find({r, monday}); it != week_capacity.end()) w.capacity = it->second;
    if (const auto it = load.find({r, monday}); it != load.end()) w.load = it->second;
    return w;
  }
  void full(std::size_t r, const char* monday) { load[{r, D(monday)}] = capacity.at(r); }
};

struct Case {
  const WorkingCalendar& cal = WorkingCalendar::china();
  sch::Network net;
  sch::Schedule s;
  std::vector<std::optional<std::size_t>> resources;

  Case(const yekuo::model::Project& p, std::vector<std::optional<std::size_t>> r)
      : net(sch::make_network(p, cal)), s(sch::compute_schedule(net, cal)), resources(std::move(r)) {}

  [[nodiscard]] std::size_t idx(const char* id) const {
    for (std::size_t i = 0; i < net.activities.size(); ++i)
      if (net.activities[i].id == id) return i;
    FAIL("no stage ", id);
    return 0;
  }
  [[nodiscard]] sch::CapacityPlacement place(const FakeLoad& load) const {
    return sch::place_within_capacity(net, s, cal, resources, load);
  }
  [[nodiscard]] sch::DateSpan dates(const sch::CapacityPlacement& c, const char* id) const {
    const auto i = idx(id);
    return sch::stage_dates(net.activities[i], c.activities[i].start, c.activities[i].finish, cal);
  }
  [[nodiscard]] sch::DateSpan latest(const char* id) const {
    const auto i = idx(id);
    return sch::stage_dates(net.activities[i], s.timings[i].ls, s.timings[i].lf, cal);
  }
};

constexpr std::optional<std::size_t> R = 0;
constexpr std::optional<std::size_t> none = std::nullopt;

} // namespace

TEST_SUITE("schedule::place_within_capacity") {

TEST_CASE("a week at capacity moves a stage to the week before; a week with room moves nothing") {
  // A, 5 working days, target Fri 03-26: back-scheduled Mon 03-22 .. Fri 03-26 (the week of 03-22).
  ProjectBuilder b("2010-03-01", "2010-03-26");
  b.stage("A", 5);
  const Case c(b.project(), {R});
  FakeLoad load;
  load.capacity = {2};
  load.load[{0, D("2010-03-22")}] = 1; // room for one more
  auto p = c.place(load);
  CHECK(p.within_capacity());
  CHECK(c.dates(p, "A").start == D("2010-03-22"));
  CHECK_FALSE(p.activities[0].shifted);

  load.full(0, "2010-03-22"); // 2 of 2: the stage must end by Sun 03-21, so Mon 03-15 .. Fri 03-19
  p = c.place(load);
  CHECK(p.within_capacity());
  CHECK(c.dates(p, "A").start == D("2010-03-15"));
  CHECK(c.dates(p, "A").finish == D("2010-03-19"));
  CHECK(p.activities[0].shifted);
  CHECK(p.activities[0].for_capacity);
  CHECK_FALSE(p.activities[0].overloaded);
  // The earliest energization within capacity: A from Tue 03-02 .. Mon 03-08 (weeks 03-01, 03-08 have room).
  REQUIRE(p.earliest_finish);
  CHECK(c.cal.date_of(*p.earliest_finish) == D("2010-03-08"));
}

TEST_CASE("a target that cannot be met in time: the earliest within capacity is never before the earliest feasible") {
  // A, 10 working days, applied Mon 03-01, target Fri 03-05: infeasible (Tue 03-02 .. Mon 03-15 at
  // the earliest). Nothing is full, so the plan is within capacity, but its own end (the target) is
  // not reachable: the earliest energization within capacity is the forward placement's, Mon 03-15.
  ProjectBuilder b("2010-03-01", "2010-03-05");
  b.stage("A", 10);
  const Case c(b.project(), {R});
  REQUIRE_FALSE(c.s.feasible);
  FakeLoad load;
  load.capacity = {1};
  const auto p = c.place(load);
  CHECK(p.within_capacity());
  CHECK_FALSE(p.activities[0].overloaded); // no float, but room at its only position
  REQUIRE(p.earliest_finish);
  CHECK(*p.earliest_finish >= c.s.earliest_finish);
  CHECK(c.cal.date_of(*p.earliest_finish) == D("2010-03-15"));
}

TEST_CASE("a stage across two weeks ends before the full one") {
  // A, 5 working days, target Wed 03-24: Thu 03-18 .. Wed 03-24 (weeks 03-15 and 03-22). The week
  // of 03-22 is full: A ends by Sun 03-21, i.e. Mon 03-15 .. Fri 03-19, 3 working days earlier.
  ProjectBuilder b("2010-03-01", "2010-03-24");
  b.stage("A", 5);
  const Case c(b.project(), {R});
  FakeLoad load;
  load.capacity = {1};
  load.full(0, "2010-03-22");
  const auto p = c.place(load);
  CHECK(c.latest("A").start == D("2010-03-18"));
  CHECK(c.dates(p, "A").start == D("2010-03-15"));
  CHECK(c.s.timings[0].ls - p.activities[0].start == 3);
}

TEST_CASE("the new order's own stages count: two stages of one department in one week") {
  // A and B, 5 working days each, no link, target Fri 03-26, capacity 1 and no other load. Both
  // back-schedule to the week of 03-22; B (the later in the file, same latest start) keeps it and
  // A moves to Mon 03-15 .. Fri 03-19.
  ProjectBuilder b("2010-03-01", "2010-03-26");
  b.stage("A", 5).stage("B", 5);
  const Case c(b.project(), {R, R});
  FakeLoad load;
  load.capacity = {1};
  const auto p = c.place(load);
  CHECK(p.within_capacity());
  CHECK(c.dates(p, "B").start == D("2010-03-22"));
  CHECK(c.dates(p, "A").start == D("2010-03-15"));
  CHECK(p.activities[c.idx("A")].for_capacity);
  CHECK_FALSE(p.activities[c.idx("B")].shifted);
}

TEST_CASE("FS with a lag: the predecessor follows its moved successor") {
  // A (no department, 5) -> B (R, 5) FS lag 2, target Fri 03-26. B: Mon 03-22 .. Fri 03-26; A must
  // finish 2 working days before B starts: point(Fri 03-19) - 2 = end of Wed 03-17, so A Thu 03-11 ..
  // Wed 03-17. The week of 03-22 is full: B Mon 03-15 .. Fri 03-19, and A finishes by Wed 03-10:
  // Thu 03-04 .. Wed 03-10 (it moved with its successor, not for its own capacity).
  ProjectBuilder b("2010-03-01", "2010-03-26");
  b.stage("A", 5).stage("B", 5).after("A", DepType::fs, 2);
  const Case c(b.project(), {none, R});
  CHECK(c.latest("A").start == D("2010-03-11"));
  FakeLoad load;
  load.capacity = {1};
  load.full(0, "2010-03-22");
  const auto p = c.place(load);
  CHECK(c.dates(p, "B").start == D("2010-03-15"));
  CHECK(c.dates(p, "A").start == D("2010-03-04"));
  CHECK(c.dates(p, "A").finish == D("2010-03-10"));
  const auto& a = p.activities[c.idx("A")];
  CHECK(a.shifted);
  CHECK_FALSE(a.for_capacity);
  CHECK(p.activities[c.idx("B")].for_capacity);
}

TEST_CASE("SS and FF links") {
  SUBCASE("SS lag 2: B starts no earlier than 2 working days after A starts") {
    // B (R, 3) SS A (none, 5) lag 2, target Fri 03-26: B Wed 03-24 .. Fri 03-26; A Mon 03-22 .. Fri
    // 03-26 (the target and B - 2 agree). Week of 03-22 full: B must end by Sun 03-21: Wed 03-17 ..
    // Fri 03-19 (start point = end of Tue 03-16); A starts by end of Fri 03-12: Mon 03-15 .. Fri 03-19.
    ProjectBuilder b("2010-03-01", "2010-03-26");
    b.stage("A", 5).stage("B", 3).after("A", DepType::ss, 2);
    const Case c(b.project(), {none, R});
    FakeLoad load;
    load.capacity = {1};
    load.full(0, "2010-03-22");
    const auto p = c.place(load);
    CHECK(c.dates(p, "B").start == D("2010-03-17"));
    CHECK(c.dates(p, "A").start == D("2010-03-15"));
    CHECK(p.activities[c.idx("A")].start + 2 <= p.activities[c.idx("B")].start);
  }
  SUBCASE("FF lag 1: B finishes no earlier than 1 working day after A finishes") {
    // B (R, 3) FF A (none, 5) lag 1: B Wed 03-24 .. Fri 03-26; A finishes by Thu 03-25: Fri 03-19 ..
    // Thu 03-25. Week of 03-22 full: B Wed 03-17 .. Fri 03-19; A finishes by Thu 03-18: Fri 03-12 ..
    // Thu 03-18.
    ProjectBuilder b("2010-03-01", "2010-03-26");
    b.stage("A", 5).stage("B", 3).after("A", DepType::ff, 1);
    const Case c(b.project(), {none, R});
    CHECK(c.latest("A").start == D("2010-03-19"));
    FakeLoad load;
    load.capacity = {1};
    load.full(0, "2010-03-22");
    const auto p = c.place(load);
    CHECK(c.dates(p, "B").finish == D("2010-03-19"));
    CHECK(c.dates(p, "A").start == D("2010-03-12"));
    CHECK(c.dates(p, "A").finish == D("2010-03-18"));
  }
}

TEST_CASE("a calendar-day stage occupies the weeks of its working days") {
  // A (R, 7 calendar days), target Fri 03-26: its last day by Fri 03-26, so Fri 03-19 .. Thu 03-25
  // (weeks 03-15 and 03-22). The week of 03-15 is full: A must end by Sun 03-14, so it starts Mon
  // 03-08 and runs Mon 03-08 .. Sun 03-14 (the week of 03-08 only).
  ProjectBuilder b("2010-03-01", "2010-03-26");
  b.calendar_stage("A", 7);
  const Case c(b.project(), {R});
  CHECK(c.latest("A").start == D("2010-03-19"));
  CHECK(sch::occupied_weeks(c.net.activities[0], c.s.timings[0].ls, c.cal) ==
        std::vector<Date>{D("2010-03-15"), D("2010-03-22")});
  FakeLoad load;
  load.capacity = {1};
  load.full(0, "2010-03-15");
  const auto p = c.place(load);
  CHECK(c.dates(p, "A").start == D("2010-03-08"));
  CHECK(c.dates(p, "A").finish == D("2010-03-14"));
  CHECK(sch::occupied_weeks(c.net.activities[0], p.activities[0].start, c.cal) == std::vector<Date>{D("2010-03-08")});
}

TEST_CASE("no room within the float: the stage keeps its latest position, the week is an overload") {
  // Applied Mon 03-15, A (R, 5), target Fri 03-26: earliest Tue 03-16 .. Mon 03-22, latest Mon 03-22
  // .. Fri 03-26; every position touches the week of 03-22, which is full (2 of 2).
  ProjectBuilder b("2010-03-15", "2010-03-26");
  b.stage("A", 5);
  const Case c(b.project(), {R});
  FakeLoad load;
  load.capacity = {2};
  load.full(0, "2010-03-15");
  load.full(0, "2010-03-22");
  const auto p = c.place(load);
  CHECK_FALSE(p.within_capacity());
  CHECK(c.dates(p, "A").start == D("2010-03-22")); // the target is kept
  CHECK(c.dates(p, "A").finish == D("2010-03-26"));
  CHECK(p.activities[0].overloaded);
  CHECK_FALSE(p.activities[0].shifted);
  REQUIRE(p.overloads.size() == 1);
  CHECK(p.overloads[0].week == D("2010-03-22"));
  CHECK(p.overloads[0].load == 2);
  CHECK(p.overloads[0].capacity == 2);
  CHECK(p.overloads[0].activities == std::vector<std::size_t>{0});
  // Forward: from Tue 03-16 it touches the full weeks of 03-15 and 03-22, so it starts after Sun
  // 03-28: Mon 03-29 .. Fri 04-02 (before Qingming), the earliest energization within capacity.
  REQUIRE(p.earliest_finish);
  CHECK(c.cal.date_of(*p.earliest_finish) == D("2010-04-02"));
  CHECK(c.cal.date_of(p.forward_starts[0] + 1) == D("2010-03-29"));
}

TEST_CASE("when latest first overloads but the forward placement meets the target, that plan is taken") {
  // Applied Mon 03-15, target Fri 03-26, R takes 2 stages in the week of 03-15 and 1 in that of 03-22.
  // A (R, 6): earliest Tue 03-16 .. Tue 03-23, latest Fri 03-19 .. Fri 03-26: always in both weeks.
  // B (R, 2): earliest Tue 03-16 .. Wed 03-17, latest Thu 03-25 .. Fri 03-26.
  // Latest first places B first (later latest start) in the week of 03-22, and A finds no room.
  // The forward placement puts A at Tue 03-16 .. Tue 03-23 and B at Tue 03-16 .. Wed 03-17: within
  // capacity, energization Tue 03-23. Moved late again: B back to Thu 03-18 .. Fri 03-19 (the week
  // of 03-22 holds A), A to its latest Fri 03-19 .. Fri 03-26.
  ProjectBuilder b("2010-03-15", "2010-03-26");
  b.stage("A", 6).stage("B", 2);
  const Case c(b.project(), {R, R});
  FakeLoad load;
  load.capacity = {2};
  load.week_capacity[{0, D("2010-03-22")}] = 1;
  const auto p = c.place(load);
  CHECK(p.within_capacity());
  CHECK(p.forward_plan);
  CHECK(c.dates(p, "A").start == D("2010-03-19"));
  CHECK_FALSE(p.activities[c.idx("A")].shifted);
  CHECK(c.dates(p, "B").start == D("2010-03-18"));
  CHECK(c.dates(p, "B").finish == D("2010-03-19"));
  CHECK(p.activities[c.idx("B")].for_capacity);
  REQUIRE(p.earliest_finish);
  CHECK(c.cal.date_of(*p.earliest_finish) == D("2010-03-23"));
}

TEST_CASE("stages without a department, milestones and customer stages are never limited") {
  ProjectBuilder b("2010-03-01", "2010-03-26");
  b.stage("A", 5).stage("M", 0).after("A").stage("C", 3).after("M");
  const Case c(b.project(), {none, R, none});
  FakeLoad load;
  load.capacity = {1};
  load.full(0, "2010-03-22");
  load.full(0, "2010-03-15");
  const auto p = c.place(load);
  CHECK(p.within_capacity());
  for (const auto& a : p.activities) CHECK_FALSE(a.shifted);
}

TEST_CASE("an empty order and the end of the calendar") {
  ProjectBuilder b("2010-03-01", "2010-03-26");
  const Case c(b.project(), {});
  FakeLoad load;
  load.capacity = {1};
  const auto p = c.place(load);
  CHECK(p.within_capacity());
  REQUIRE(p.earliest_finish);
  CHECK(*p.earliest_finish == c.s.start);

  // A department full in every week: no energization within capacity in the calendar.
  struct AlwaysFull final : sch::CommittedLoad {
    [[nodiscard]] sch::WeekLoad week(std::size_t, Date) const override { return {1, 1}; }
  };
  ProjectBuilder one("2010-03-01", "2010-03-26");
  one.stage("A", 5);
  const Case d(one.project(), {R});
  const auto q = sch::place_within_capacity(d.net, d.s, d.cal, d.resources, AlwaysFull{});
  CHECK_FALSE(q.within_capacity());
  CHECK_FALSE(q.earliest_finish);
  CHECK(q.forward_starts.empty());
}

} // TEST_SUITE

// --- Property test ------------------------------------------------------------------------------

namespace {

int uniform(std::mt19937& rng, int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); }

struct Random {
  yekuo::model::Project project;
  std::vector<std::optional<std::size_t>> resources;
  FakeLoad load;
};

// 1..12 stages in a random index order, milestones, calendar-day stages, FS/SS/FF with lags in
// [-6, 8]; two resources of capacity 1..3 with random loads (sometimes over capacity) and weeks of
// reduced capacity, around the 2010 and 2011 holidays.
Random make_random(std::mt19937& rng) {
  Random c;
  auto& p = c.project;
  const Date base = D("2009-12-20");
  p.info.applied = base.plus_days(uniform(rng, 0, 700));
  p.info.target = p.info.applied.plus_days(uniform(rng, 10, 150));
  const int n = uniform(rng, 1, 12);
  std::vector<std::size_t> slot(static_cast<std::size_t>(n));
  std::iota(slot.begin(), slot.end(), std::size_t{0});
  std::shuffle(slot.begin(), slot.end(), rng);
  p.stages.resize(static_cast<std::size_t>(n));
  c.resources.resize(static_cast<std::size_t>(n));
  for (int r = 0; r < n; ++r) {
    const std::size_t i = slot[static_cast<std::size_t>(r)];
    auto& st = p.stages[i];
    st.id = "r" + std::to_string(r);
    const int kind = uniform(rng, 0, 9);
    if (kind == 0) {
      st.duration = 0;
    } else if (kind <= 2) {
      st.unit = yekuo::model::DurationUnit::calendar_days;
      st.duration = uniform(rng, 1, 30);
    } else {
      st.duration = uniform(rng, 1, 20);
    }
    const int res = uniform(rng, 0, 3);
    if (res < 2) c.resources[i] = static_cast<std::size_t>(res);
    for (int q = 0; q < r; ++q) {
      if (uniform(rng, 0, 99) >= 30) continue;
      yekuo::model::Dependency d;
      d.pred = slot[static_cast<std::size_t>(q)];
      d.stage = p.stages[d.pred].id;
      const int t = uniform(rng, 0, 5);
      d.type = t <= 2 ? DepType::fs : (t <= 3 ? DepType::ss : DepType::ff);
      d.lag = uniform(rng, 0, 2) == 0 ? uniform(rng, -6, 8) : 0;
      st.after.push_back(d);
    }
  }
  c.load.capacity = {uniform(rng, 1, 3), uniform(rng, 1, 3)};
  const Date first = yekuo::calendar::week_start(p.info.applied.plus_days(-14));
  const int density = uniform(rng, 0, 100);
  for (Date monday = first; monday <= p.info.target.plus_days(200); monday = monday.plus_days(7))
    for (std::size_t r = 0; r < 2; ++r) {
      if (uniform(rng, 0, 99) < density) c.load.load[{r, monday}] = uniform(rng, 0, c.load.capacity[r] + 1);
      if (uniform(rng, 0, 19) == 0) c.load.week_capacity[{r, monday}] = uniform(rng, 0, 3);
    }
  return c;
}

using Cells = std::map<std::pair<std::size_t, Date>, int>;

bool uses(const Random& c, const sch::Network& net, std::size_t i) {
  return c.resources[i].has_value() && net.activities[i].duration > 0;
}

// The new order's stages counted per (resource, week) for start points `starts`, leaving out `skip`.
Cells count(const Random& c, const sch::Network& net, const WorkingCalendar& cal, const std::vector<WorkPoint>& starts,
            std::size_t skip = static_cast<std::size_t>(-1)) {
  Cells out;
  for (std::size_t i = 0; i < starts.size(); ++i)
    if (i != skip && uses(c, net, i))
      for (const Date w : sch::occupied_weeks(net.activities[i], starts[i], cal)) ++out[{*c.resources[i], w}];
  return out;
}

bool fits(const Random& c, const sch::Network& net, const WorkingCalendar& cal, const Cells& others, std::size_t i,
          WorkPoint s) {
  for (const Date w : sch::occupied_weeks(net.activities[i], s, cal)) {
    const auto week = c.load.week(*c.resources[i], w);
    const auto it = others.find({*c.resources[i], w});
    if (week.capacity - week.load - (it == others.end() ? 0 : it->second) < 1) return false;
  }
  return true;
}

// Every dependency holds between the start points `s` (finish = finish_after).
bool dependencies_hold(const sch::Network& net, const WorkingCalendar& cal, const std::vector<WorkPoint>& s) {
  for (std::size_t i = 0; i < net.activities.size(); ++i)
    for (const auto& l : net.activities[i].preds) {
      const WorkPoint pf = sch::finish_after(net.activities[l.pred], s[l.pred], cal);
      const WorkPoint f = sch::finish_after(net.activities[i], s[i], cal);
      const bool ok = l.type == DepType::fs   ? s[i] >= pf + l.lag
                      : l.type == DepType::ss ? s[i] >= s[l.pred] + l.lag
                                              : f >= pf + l.lag;
      if (!ok) return false;
    }
  return true;
}

// Day-by-day latest-first placement (the reference for the engine's skips): the same visiting order,
// each position from the latest allowed down one point at a time.
std::vector<WorkPoint> naive_latest_first(const Random& c, const sch::Network& net, const sch::Schedule& s,
                                          const WorkingCalendar& cal) {
  const std::size_t n = net.activities.size();
  std::vector<std::vector<sch::Link>> succs(n); // pred = the successor here
  for (std::size_t i = 0; i < n; ++i)
    for (const auto& l : net.activities[i].preds) succs[l.pred].push_back({i, l.type, l.lag});
  std::vector<std::size_t> remaining(n);
  for (std::size_t i = 0; i < n; ++i) remaining[i] = succs[i].size();
  using Key = std::tuple<WorkPoint, WorkPoint, std::size_t>;
  std::priority_queue<Key> ready;
  for (std::size_t i = 0; i < n; ++i)
    if (remaining[i] == 0) ready.push({s.timings[i].ls, s.timings[i].lf, i});
  std::vector<WorkPoint> start(n, 0);
  Cells taken;
  while (!ready.empty()) {
    const std::size_t i = std::get<2>(ready.top());
    ready.pop();
    const auto& a = net.activities[i];
    WorkPoint hi = s.timings[i].ls;
    for (const auto& l : succs[i]) {
      const WorkPoint q = start[l.pred];
      const WorkPoint qf = sch::finish_after(net.activities[l.pred], q, cal);
      if (l.type == DepType::fs) hi = std::min(hi, sch::latest_start_finishing_by(a, q - l.lag, cal));
      if (l.type == DepType::ss) hi = std::min(hi, q - l.lag);
      if (l.type == DepType::ff) hi = std::min(hi, sch::latest_start_finishing_by(a, qf - l.lag, cal));
    }
    start[i] = hi;
    if (uses(c, net, i)) {
      for (WorkPoint x = hi; x >= s.timings[i].es; --x)
        if (fits(c, net, cal, taken, i, x)) {
          start[i] = x;
          break;
        }
      for (const Date w : sch::occupied_weeks(a, start[i], cal)) ++taken[{*c.resources[i], w}];
    }
    for (const auto& l : a.preds)
      if (--remaining[l.pred] == 0) ready.push({s.timings[l.pred].ls, s.timings[l.pred].lf, l.pred});
  }
  return start;
}

} // namespace

TEST_CASE("property: plan --portfolio never breaks a dependency or the target, and moves a stage only when it must") {
  const WorkingCalendar& cal = WorkingCalendar::china();
  std::mt19937 rng(20260317);
  int feasible_cases = 0, shifted_cases = 0, overloaded_cases = 0, forward_cases = 0;
  for (int iteration = 0; iteration < 1500; ++iteration) {
    CAPTURE(iteration);
    const Random c = make_random(rng);
    const sch::Network net = sch::make_network(c.project, cal);
    const sch::Schedule s = sch::compute_schedule(net, cal);
    const auto p = sch::place_within_capacity(net, s, cal, c.resources, c.load);
    const std::size_t n = net.activities.size();
    std::vector<WorkPoint> starts;
    for (const auto& a : p.activities) starts.push_back(a.start);
    for (std::size_t i = 0; i < n; ++i) {
      CHECK(p.activities[i].finish == sch::finish_after(net.activities[i], starts[i], cal));
      CHECK(p.activities[i].shifted == (starts[i] != s.timings[i].ls));
      CHECK(starts[i] <= p.activities[i].latest_allowed);
      CHECK(p.activities[i].for_capacity == (starts[i] < p.activities[i].latest_allowed));
      if (!uses(c, net, i)) CHECK_FALSE(p.activities[i].for_capacity);
    }
    if (!s.feasible) continue;
    ++feasible_cases;

    // Never a broken dependency or target; never before the forward pass.
    CHECK(dependencies_hold(net, cal, starts));
    for (std::size_t i = 0; i < n; ++i) {
      CHECK(starts[i] <= s.timings[i].ls);
      CHECK(starts[i] >= s.timings[i].es);
    }

    // The overloads are exactly the weeks where the plan puts more than the capacity.
    const Cells mine = count(c, net, cal, starts);
    std::size_t over = 0;
    for (const auto& [key, k] : mine) {
      const auto week = c.load.week(key.first, key.second);
      if (week.load + k <= week.capacity) continue;
      ++over;
      const auto it = std::find_if(p.overloads.begin(), p.overloads.end(), [&](const sch::WeekOverload& o) {
        return o.resource == key.first && o.week == key.second;
      });
      REQUIRE(it != p.overloads.end());
      CHECK(static_cast<int>(it->activities.size()) == k);
      CHECK(it->load == week.load);
      CHECK(it->capacity == week.capacity);
      // Someone there could not avoid it.
      CHECK(std::any_of(it->activities.begin(), it->activities.end(),
                        [&](std::size_t i) { return p.activities[i].overloaded; }));
    }
    CHECK(over == p.overloads.size());
    if (!p.within_capacity()) ++overloaded_cases;
    if (p.forward_plan) ++forward_cases;

    // The stages that were placed with room never exceed it together.
    {
      Cells kept;
      for (std::size_t i = 0; i < n; ++i)
        if (uses(c, net, i) && !p.activities[i].overloaded)
          for (const Date w : sch::occupied_weeks(net.activities[i], starts[i], cal)) ++kept[{*c.resources[i], w}];
      for (const auto& [key, k] : kept) {
        const auto week = c.load.week(key.first, key.second);
        CHECK(k <= week.capacity - week.load);
      }
    }

    // No overload where the float allowed avoiding it, and no move that was not needed: a stage left
    // overloaded had no position with room in its whole range, a stage moved for capacity none
    // later; a stage that fits at its latest allowed position is there. (Room only shrinks while
    // latest first goes on, so what did not fit then does not fit with the final plan either; the
    // forward plan moved late is checked above: valid and within capacity.)
    for (std::size_t i = 0; i < n && !p.forward_plan; ++i) {
      if (!uses(c, net, i)) continue;
      const auto& a = p.activities[i];
      const Cells others = count(c, net, cal, starts, i);
      if (a.overloaded) {
        for (WorkPoint x = s.timings[i].es; x <= a.latest_allowed; ++x) CHECK_FALSE(fits(c, net, cal, others, i, x));
      } else {
        for (WorkPoint x = starts[i] + 1; x <= a.latest_allowed; ++x) CHECK_FALSE(fits(c, net, cal, others, i, x));
      }
      if (fits(c, net, cal, others, i, a.latest_allowed)) CHECK(starts[i] == a.latest_allowed);
      if (a.shifted) ++shifted_cases;
    }

    // The skips find what a day-by-day search finds.
    if (!p.forward_plan) CHECK(naive_latest_first(c, net, s, cal) == starts);

    // The forward placement: valid, within capacity, no earlier than the forward pass.
    if (!p.forward_starts.empty()) {
      CHECK(dependencies_hold(net, cal, p.forward_starts));
      for (std::size_t i = 0; i < n; ++i) CHECK(p.forward_starts[i] >= s.timings[i].es);
      for (const auto& [key, k] : count(c, net, cal, p.forward_starts)) {
        const auto week = c.load.week(key.first, key.second);
        CHECK(week.load + k <= week.capacity);
      }
    }
    // Within capacity: the earliest energization is no later than the plan's; otherwise it is after
    // the target (or none).
    if (p.within_capacity()) {
      REQUIRE(p.earliest_finish);
      CHECK(*p.earliest_finish <= s.target);
    } else if (p.earliest_finish) {
      CHECK(*p.earliest_finish > s.target);
    }
  }
  // The cases exercise every branch.
  CHECK(feasible_cases > 500);
  CHECK(shifted_cases > 100);
  CHECK(overloaded_cases > 50);
  CHECK(forward_cases > 5);
  MESSAGE("feasible ", feasible_cases, ", shifted stages ", shifted_cases, ", overloaded ", overloaded_cases,
          ", forward plans ", forward_cases);
}
