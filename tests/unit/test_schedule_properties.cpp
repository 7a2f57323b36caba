// Property tests on random DAGs: the engine against the day-by-day reference scheduler
// (tests/unit/reference_scheduler.hpp), date for date, plus the invariants of SPEC §2.
#include "doctest_printers.hpp"
#include "reference_scheduler.hpp"
#include "test_dates.hpp"

#include <yekuo/schedule/cpm.hpp>
#include <yekuo/schedule/network.hpp>
#include <yekuo/schedule/stage_dates.hpp>

#include <algorithm>
#include <numeric>
#include <random>
#include <string>

using yekuo::calendar::Date;
using yekuo::calendar::WorkingCalendar;
using yekuo::calendar::WorkPoint;
using yekuo::model::DepType;
namespace sch = yekuo::schedule;

namespace {

struct RandomCase {
  yekuo::model::Project project;
  std::vector<reference::Extras> extras; // forecast inputs as point days
};

int uniform(std::mt19937& rng, int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); }

// Stages in a random index order (so index order is not a topological order), 1..12 stages,
// milestones, calendar-day stages, FS/SS/FF with lags in [-6, 8]; applied dates around the
// 2010 and 2011 Spring Festivals and National Days, including weekends.
RandomCase make_case(std::mt19937& rng, bool forecast, const WorkingCalendar& cal) {
  RandomCase c;
  auto& p = c.project;
  const Date base = D("2009-12-20");
  p.info.applied = base.plus_days(uniform(rng, 0, 700));
  p.info.target = p.info.applied.plus_days(uniform(rng, -3, 150));
  const int n = uniform(rng, 1, 12);
  std::vector<std::size_t> slot(static_cast<std::size_t>(n)); // topological rank -> index
  std::iota(slot.begin(), slot.end(), std::size_t{0});
  std::shuffle(slot.begin(), slot.end(), rng);
  p.stages.resize(static_cast<std::size_t>(n));
  for (int r = 0; r < n; ++r) {
    auto& st = p.stages[slot[static_cast<std::size_t>(r)]];
    st.id = std::to_string(r);
    st.id.insert(st.id.begin(), 'r');
    const int kind = uniform(rng, 0, 9);
    if (kind == 0) {
      st.duration = 0;
    } else if (kind <= 2) {
      st.unit = yekuo::model::DurationUnit::calendar_days;
      st.duration = uniform(rng, 1, 30);
    } else {
      st.duration = uniform(rng, 1, 20);
    }
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
  if (forecast) {
    reference::Scheduler ref(cal);
    const Date start = ref.snap_back(p.info.applied);
    c.extras.resize(static_cast<std::size_t>(n));
    for (auto& x : c.extras) {
      const int k = uniform(rng, 0, 9);
      if (k == 0) x.release = ref.shift(start, uniform(rng, 0, 30));
      if (k == 1) x.finish_release = ref.shift(start, uniform(rng, 0, 40));
      if (k == 2) {
        x.fixed_start = ref.shift(start, uniform(rng, 0, 10));
        x.fixed_finish = ref.shift(*x.fixed_start, uniform(rng, 0, 15));
      }
      if (k == 3) {
        x.fixed_start = ref.shift(start, uniform(rng, 0, 10));
        if (uniform(rng, 0, 1) == 0) x.finish_release = ref.shift(start, uniform(rng, 0, 30));
      }
      if (k == 4) x.fixed_finish = ref.shift(start, uniform(rng, 0, 20));
    }
    // Calendar-day stages in progress with a recorded first day, half of them on a rest day.
    for (std::size_t i = 0; i < c.extras.size(); ++i) {
      auto& x = c.extras[i];
      if (!reference::Scheduler::calendar_days(p.stages[i]) || x.fixed_finish || uniform(rng, 0, 2) == 0) continue;
      if (!x.fixed_start && uniform(rng, 0, 1) == 0) continue;
      Date day = start.plus_days(uniform(rng, 0, 14));
      if (uniform(rng, 0, 1) == 0)
        while (cal.is_working_day(day)) day = day.plus_days(1);
      x.fixed_start_day = day;
      x.fixed_start = ref.snap_back(day.plus_days(-1));
      x.release.reset();
    }
  }
  return c;
}

sch::Network to_network(const RandomCase& c, const WorkingCalendar& cal) {
  sch::Network n = sch::make_network(c.project, cal);
  for (std::size_t i = 0; i < c.extras.size(); ++i) {
    const auto& x = c.extras[i];
    auto& a = n.activities[i];
    if (x.release) a.release = cal.point(*x.release);
    if (x.finish_release) a.finish_release = cal.point(*x.finish_release);
    if (x.fixed_start) a.fixed_start = cal.point(*x.fixed_start);
    if (x.fixed_finish) a.fixed_finish = cal.point(*x.fixed_finish);
    if (x.fixed_start_day) a.fixed_start_date = *x.fixed_start_day;
  }
  return n;
}

// Every dependency holds for (start, finish) points given per activity.
// The critical path is a chain of driving dependencies from a first stage (whose start nothing
// before it determines) to the final stage (the latest `done`); `critical` marks every stage on a
// driving chain into a stage done last (the path and the chains that tie with it).
void check_critical_path(const sch::Network& net, const sch::Schedule& s, const WorkingCalendar& cal) {
  const std::size_t n = net.activities.size();
  const auto& t = s.timings;
  const auto& path = s.critical_path;
  if (n == 0) {
    CHECK(path.empty());
    return;
  }
  REQUIRE_FALSE(path.empty());
  CHECK(t[path.back()].done == s.earliest_finish);
  std::vector<bool> on(n, false);
  for (std::size_t i : path) {
    CHECK_FALSE(on[i]);
    on[i] = true;
  }
  const auto drives = [&](std::size_t i, const sch::Link& l) {
    const auto& q = t[i];
    const auto& p = t[l.pred];
    switch (l.type) {
    case DepType::fs: return q.es == p.ef + l.lag;
    case DepType::ss: return q.es == p.es + l.lag;
    case DepType::ff: {
      const WorkPoint g = p.ef + l.lag;
      return sch::finish_after(net.activities[i], q.es, cal) >= g &&
             (q.es == 0 || sch::finish_after(net.activities[i], q.es - 1, cal) < g);
    }
    }
    return false;
  };
  for (std::size_t k = 1; k < path.size(); ++k) {
    const auto& a = net.activities[path[k]];
    CHECK_FALSE(a.fixed_start.has_value());
    CHECK_FALSE(a.fixed_finish.has_value());
    CHECK(std::any_of(a.preds.begin(), a.preds.end(),
                      [&](const sch::Link& l) { return l.pred == path[k - 1] && drives(path[k], l); }));
  }
  const auto& first = net.activities[path.front()];
  if (!first.fixed_start && !first.fixed_finish)
    CHECK(std::none_of(first.preds.begin(), first.preds.end(),
                       [&](const sch::Link& l) { return drives(path.front(), l); }));
  // `critical`: the stages from which a driving chain leads to a stage done last.
  std::vector<bool> reach(n, false);
  std::vector<std::size_t> todo;
  for (std::size_t i = 0; i < n; ++i)
    if (t[i].done == s.earliest_finish) reach[i] = true, todo.push_back(i);
  while (!todo.empty()) {
    const std::size_t i = todo.back();
    todo.pop_back();
    const auto& a = net.activities[i];
    if (a.fixed_start || a.fixed_finish) continue;
    for (const auto& l : a.preds)
      if (!reach[l.pred] && drives(i, l)) reach[l.pred] = true, todo.push_back(l.pred);
  }
  for (std::size_t i = 0; i < n; ++i) {
    CHECK(t[i].critical == reach[i]);
    if (on[i]) CHECK(t[i].critical);
  }
  // SPEC §2: in a network of working-day stages linked FS with lags >= 0 and no actuals, these
  // are exactly the stages of least float.
  const bool plain = std::all_of(net.activities.begin(), net.activities.end(), [](const sch::Activity& a) {
    return a.unit == yekuo::model::DurationUnit::working_days && !a.release && !a.finish_release && !a.fixed_start &&
           !a.fixed_finish && !a.finish_by &&
           std::all_of(a.preds.begin(), a.preds.end(), [](const sch::Link& l) { return l.type == DepType::fs && l.lag >= 0; });
  });
  if (plain)
    for (std::size_t i = 0; i < n; ++i) CHECK(t[i].critical == (t[i].total_float == s.min_float));
  // Without actuals nothing before the first stage holds it: it starts at the project start or
  // its release.
  if (!first.fixed_start && !first.fixed_finish && !first.finish_release)
    CHECK(t[path.front()].es == std::max(s.start, first.release.value_or(s.start)));
}

bool dependencies_hold(const sch::Network& n, const std::vector<WorkPoint>& s, const std::vector<WorkPoint>& f) {
  for (std::size_t i = 0; i < n.activities.size(); ++i)
    for (const auto& l : n.activities[i].preds) {
      if (l.type == DepType::fs && s[i] < f[l.pred] + l.lag) return false;
      if (l.type == DepType::ss && s[i] < s[l.pred] + l.lag) return false;
      if (l.type == DepType::ff && f[i] < f[l.pred] + l.lag) return false;
    }
  return true;
}

void compare_with_reference(const RandomCase& c, const WorkingCalendar& cal, bool forecast) {
  const sch::Network net = to_network(c, cal);
  const sch::Schedule s = sch::compute_schedule(net, cal);
  const reference::Result r = reference::Scheduler(cal).run(c.project, c.extras);
  const std::size_t n = net.activities.size();

  REQUIRE(s.timings.size() == n);
  CHECK(cal.date_of(s.start) == r.start);
  CHECK(cal.date_of(s.target) == r.target);
  for (std::size_t i = 0; i < n; ++i) {
    CAPTURE(i);
    const auto& t = s.timings[i];
    const auto& rt = r.timings[i];
    const auto early = sch::earliest_dates(net.activities[i], t.es, t.ef, cal);
    const auto late = sch::stage_dates(net.activities[i], t.ls, t.lf, cal);
    CHECK(early.start == rt.early_start);
    CHECK(early.finish == rt.early_finish);
    CHECK(late.start == rt.late_start);
    CHECK(late.finish == rt.late_finish);
    CHECK(sch::point_date(t.es, cal) == rt.es);
    CHECK(sch::point_date(t.lf, cal) == rt.lf);
    CHECK(t.total_float == rt.total_float);
    CHECK(cal.date_of(t.done) == rt.done);
    // A deadline is never after the planned energization (compared by date).
    CHECK(late.finish <= cal.date_of(s.target));
    if (!forecast && s.feasible) CHECK(early.finish <= cal.date_of(s.target));
  }
  CHECK(cal.date_of(s.earliest_finish) == r.earliest_finish);
  CHECK(s.min_float == r.min_float);
  CHECK(s.feasible == r.feasible);

  // Invariants.
  std::vector<WorkPoint> es(n), ef(n), ls(n), lf(n);
  for (std::size_t i = 0; i < n; ++i) {
    es[i] = s.timings[i].es;
    ef[i] = s.timings[i].ef;
    ls[i] = s.timings[i].ls;
    lf[i] = s.timings[i].lf;
    CHECK(lf[i] <= s.target);
    CHECK(s.timings[i].total_float == ls[i] - es[i]);
    if (!forecast) {
      CHECK(es[i] >= s.start);
      CHECK(ef[i] == sch::finish_after(net.activities[i], es[i], cal));
    }
    CHECK(lf[i] == sch::finish_after(net.activities[i], ls[i], cal));
  }
  if (!forecast) CHECK(dependencies_hold(net, es, ef));
  CHECK(dependencies_hold(net, ls, lf));
  const bool all_nonnegative = std::all_of(s.timings.begin(), s.timings.end(),
                                           [](const sch::Timing& t) { return t.total_float >= 0; });
  CHECK(all_nonnegative == s.feasible);
  CHECK(s.shortfall >= std::max(0, s.earliest_finish - s.target));
  CHECK((s.shortfall > 0) == (!s.feasible || s.earliest_finish > s.target));
  if (!forecast) {
    // Without recorded actuals, feasibility, the earliest energization and the shortfall agree
    // exactly, calendar-day stages included.
    CHECK(s.feasible == (s.earliest_finish <= s.target));
    CHECK(s.shortfall == std::max(0, s.earliest_finish - s.target));
  }

  check_critical_path(net, s, cal);
}

} // namespace

TEST_SUITE("schedule::properties") {

TEST_CASE("random plans agree with the day-by-day reference, date for date") {
  const auto& cal = WorkingCalendar::china();
  std::mt19937 rng(20100528);
  for (int k = 0; k < 3000; ++k) {
    CAPTURE(k);
    compare_with_reference(make_case(rng, false, cal), cal, false);
  }
}

TEST_CASE("random forecasts (release, finish release, recorded actuals) agree with the reference") {
  const auto& cal = WorkingCalendar::china();
  std::mt19937 rng(95598);
  for (int k = 0; k < 1500; ++k) {
    CAPTURE(k);
    compare_with_reference(make_case(rng, true, cal), cal, true);
  }
}

TEST_CASE("random plans on a calendar with local overrides agree with the reference") {
  yekuo::calendar::CalendarOverrides o;
  const Date base = D("2010-01-01");
  std::mt19937 rng(4000);
  for (int k = 0; k < 60; ++k) o.holidays.push_back(base.plus_days(uniform(rng, 0, 700)));
  for (int k = 0; k < 60; ++k) o.workdays.push_back(base.plus_days(uniform(rng, 0, 700)));
  const WorkingCalendar cal(o);
  for (int k = 0; k < 500; ++k) {
    CAPTURE(k);
    compare_with_reference(make_case(rng, k % 2 == 1, cal), cal, k % 2 == 1);
  }
}

} // TEST_SUITE
