// Hand-checked schedules: every expected date below is reasoned from the 2010 calendar in the
// comments (Mon 2010-01-11 is a Monday; Spring Festival 2010: Sat 13 .. Fri 19 Feb off,
// Sat 20 and Sun 21 Feb are working days; New Year: Fri 1 .. Sun 3 Jan off).
#include "doctest_printers.hpp"
#include "reference_scheduler.hpp"
#include "test_dates.hpp"

#include <yekuo/schedule/cpm.hpp>
#include <yekuo/schedule/network.hpp>
#include <yekuo/schedule/stage_dates.hpp>
#include <yekuo/util/error.hpp>

#include <string>

using reference::ProjectBuilder;
using yekuo::calendar::Date;
using yekuo::calendar::WorkPoint;
using yekuo::calendar::WorkingCalendar;
using yekuo::model::DepType;
namespace sch = yekuo::schedule;

namespace {

std::string sid(int i) {
  std::string id(1, 's');
  id += std::to_string(i);
  return id;
}

struct Planned {
  const WorkingCalendar& cal = WorkingCalendar::china();
  sch::Network net;
  sch::Schedule s;

  explicit Planned(const yekuo::model::Project& p) : net(sch::make_network(p, cal)), s(sch::compute_schedule(net, cal)) {}
  explicit Planned(sch::Network n) : net(std::move(n)), s(sch::compute_schedule(net, cal)) {}

  std::size_t idx(const char* id) const {
    for (std::size_t i = 0; i < net.activities.size(); ++i)
      if (net.activities[i].id == id) return i;
    FAIL("no stage ", id);
    return 0;
  }
  sch::DateSpan early(const char* id) const {
    const auto i = idx(id);
    return sch::stage_dates(net.activities[i], s.timings[i].es, s.timings[i].ef, cal);
  }
  sch::DateSpan late(const char* id) const {
    const auto i = idx(id);
    return sch::stage_dates(net.activities[i], s.timings[i].ls, s.timings[i].lf, cal);
  }
  int float_of(const char* id) const { return s.timings[idx(id)].total_float; }
};

} // namespace

TEST_SUITE("schedule::compute_schedule") {

TEST_CASE("the SPEC example: applied Mon 2010-01-11, 5 working days -> Tue 01-12 .. Mon 01-18") {
  // point(applied) counts Mon 11; the stage occupies the next five working days:
  // Tue 12, Wed 13, Thu 14, Fri 15, (weekend), Mon 18.
  SUBCASE("as earliest dates when the target is far") {
    const Planned p(ProjectBuilder("2010-01-11", "2010-06-30").stage("negotiate", 5).project());
    CHECK(p.early("negotiate").start == D("2010-01-12"));
    CHECK(p.early("negotiate").finish == D("2010-01-18"));
    CHECK(p.s.feasible);
  }
  SUBCASE("as latest dates (the deadline) when the target is that Monday") {
    const Planned p(ProjectBuilder("2010-01-11", "2010-01-18").stage("negotiate", 5).project());
    CHECK(p.late("negotiate").start == D("2010-01-12"));
    CHECK(p.late("negotiate").finish == D("2010-01-18"));
    CHECK(p.float_of("negotiate") == 0);
    CHECK(p.s.timings[0].critical);
    CHECK(p.s.feasible);
    CHECK(p.s.shortfall == 0);
    CHECK(p.s.earliest_finish == p.cal.point(D("2010-01-18")));
  }
}

TEST_CASE("FS, SS and FF links with positive and negative lags") {
  // A: 5 days, Tue 12 .. Mon 18 Jan (as above).
  // B: FS +2 after A: start point = end of Mon 18 + 2 working days = end of Wed 20;
  //    3 days: Thu 21, Fri 22, Mon 25.
  // C: SS +2 after A: start point = A's start point (end of Mon 11) + 2 = end of Wed 13;
  //    4 days: Thu 14, Fri 15, Mon 18, Tue 19.
  // D: FF +1 after A: finish >= end of Mon 18 + 1 = end of Tue 19; 2 days: Mon 18, Tue 19.
  // E: FS -2 after A: start point = end of Mon 18 - 2 = end of Thu 14; 1 day: Fri 15.
  // M: milestone FS after B: at the end of Mon 25.
  const Planned p(ProjectBuilder("2010-01-11", "2010-01-29")
                      .stage("A", 5)
                      .stage("B", 3).after("A", DepType::fs, 2)
                      .stage("C", 4).after("A", DepType::ss, 2)
                      .stage("D", 2).after("A", DepType::ff, 1)
                      .stage("E", 1).after("A", DepType::fs, -2)
                      .stage("M", 0).after("B")
                      .project());
  CHECK(p.early("B").start == D("2010-01-21"));
  CHECK(p.early("B").finish == D("2010-01-25"));
  CHECK(p.early("C").start == D("2010-01-14"));
  CHECK(p.early("C").finish == D("2010-01-19"));
  CHECK(p.early("D").start == D("2010-01-18"));
  CHECK(p.early("D").finish == D("2010-01-19"));
  CHECK(p.early("E").start == D("2010-01-15"));
  CHECK(p.early("E").finish == D("2010-01-15"));
  CHECK(p.early("M").start == D("2010-01-25"));
  CHECK(p.early("M").finish == D("2010-01-25"));

  // Backward from target Fri 29 Jan:
  // M (no successor): at the end of Fri 29. B: finish by M's start = Fri 29; 3 days: Wed 27 .. Fri 29.
  // C, D, E have no successor: finish Fri 29. C: Tue 26 .. Fri 29; D: Thu 28 .. Fri 29; E: Fri 29.
  // A: FS+2 to B (start point end of Tue 26) -> finish by end of Tue 26 - 2 = end of Fri 22;
  //    SS+2 to C (C's start point end of Mon 25) -> start by end of Thu 21;
  //    FF+1 to D -> finish by end of Fri 29 - 1 = Thu 28; FS-2 to E -> finish by Thu 28 + 2 = beyond.
  //    So A finishes by Fri 22 (start point end of Fri 15) and starts by Wed 20: 5 days Mon 18 .. Fri 22.
  CHECK(p.late("M").finish == D("2010-01-29"));
  CHECK(p.late("B").start == D("2010-01-27"));
  CHECK(p.late("B").finish == D("2010-01-29"));
  CHECK(p.late("C").start == D("2010-01-26"));
  CHECK(p.late("D").finish == D("2010-01-29"));
  CHECK(p.late("D").start == D("2010-01-28"));
  CHECK(p.late("E").start == D("2010-01-29"));
  CHECK(p.late("A").start == D("2010-01-18"));
  CHECK(p.late("A").finish == D("2010-01-22"));
  // Floats: A from end Mon 11 to end Fri 15 = 4; B from end Wed 20 to end Tue 26 = 4; M 4.
  CHECK(p.float_of("A") == 4);
  CHECK(p.float_of("B") == 4);
  CHECK(p.float_of("M") == 4);
  CHECK(p.float_of("C") == 8); // end Wed 13 .. end Mon 25
  CHECK(p.float_of("D") == 8); // end Fri 15 .. end Wed 27
  CHECK(p.float_of("E") == 10); // end Thu 14 .. end Thu 28
  CHECK(p.s.min_float == 4);
  // The chain of least float: A drives B (FS+2) which drives M (B and M tie on the latest
  // earliest finish; the chain ends at the later one in topological order).
  CHECK(p.s.critical_path == std::vector<std::size_t>{p.idx("A"), p.idx("B"), p.idx("M")});
}

TEST_CASE("a calendar-day stage runs across the weekend and may end on it") {
  // Applied Thu 14 Jan: civil works of 3 calendar days start Fri 15 and occupy Fri 15, Sat 16,
  // Sun 17. Its finish point is the end of Fri 15 (the last working day on or before Sun 17), so
  // an FS successor of 1 working day takes Mon 18.
  const Planned p(ProjectBuilder("2010-01-14", "2010-01-18")
                      .calendar_stage("civil", 3)
                      .stage("next", 1).after("civil")
                      .project());
  CHECK(p.early("civil").start == D("2010-01-15"));
  CHECK(p.early("civil").finish == D("2010-01-17"));
  CHECK(p.early("next").start == D("2010-01-18"));
  // Backward: next ends Mon 18 (start point end of Fri 15); civil must finish by end of Fri 15:
  // started after Thu 14 it ends Sun 17 (point end of Fri 15), started after Fri 15 it would run
  // Mon 18 .. Wed 20. So its latest dates equal its earliest ones: float 0.
  CHECK(p.late("civil").start == D("2010-01-15"));
  CHECK(p.late("civil").finish == D("2010-01-17"));
  CHECK(p.float_of("civil") == 0);
  CHECK(p.s.feasible);
}

TEST_CASE("a calendar-day stage alone before a target: latest start so that it ends by the target") {
  // Target Mon 18: starting after Fri 15 it would run Mon 18 .. Wed 20 (ends after the target),
  // starting after Thu 14 it runs Fri 15 .. Sun 17: latest dates Fri 15 .. Sun 17.
  const Planned p(ProjectBuilder("2010-01-11", "2010-01-18").calendar_stage("civil", 3).project());
  CHECK(p.early("civil").start == D("2010-01-12"));
  CHECK(p.early("civil").finish == D("2010-01-14"));
  CHECK(p.late("civil").start == D("2010-01-15"));
  CHECK(p.late("civil").finish == D("2010-01-17"));
  CHECK(p.float_of("civil") == 3); // end Mon 11 .. end Thu 14
}

TEST_CASE("the 2010 Spring Festival inside stages") {
  // Applied Wed 10 Feb. Working days after it: Thu 11, Fri 12, [13..19 off], Sat 20, Sun 21, Mon 22.
  const Planned p(ProjectBuilder("2010-02-10", "2010-03-31")
                      .stage("survey", 5)
                      .calendar_stage("civil", 10)
                      .stage("after_civil", 1).after("civil")
                      .project());
  CHECK(p.early("survey").start == D("2010-02-11"));
  CHECK(p.early("survey").finish == D("2010-02-22"));
  // 10 calendar days from Thu 11: 11 .. 20 Feb, ending on the adjusted working Saturday.
  CHECK(p.early("civil").start == D("2010-02-11"));
  CHECK(p.early("civil").finish == D("2010-02-20"));
  // Its finish point is the end of Sat 20, so the next stage takes Sun 21 (a working day).
  CHECK(p.early("after_civil").start == D("2010-02-21"));
}

TEST_CASE("deadlines counted back over the Spring Festival") {
  // Target Tue 23 Feb, 5 days: Tue 23, Mon 22, Sun 21, Sat 20, Fri 12 -> starts Fri 12 Feb.
  const Planned p(ProjectBuilder("2010-02-01", "2010-02-23").stage("s", 5).project());
  CHECK(p.late("s").start == D("2010-02-12"));
  CHECK(p.late("s").finish == D("2010-02-23"));
}

TEST_CASE("a target on a Sunday means the Friday before") {
  // Target Sun 24 Jan -> Fri 22. 5 days: Mon 18 .. Fri 22; earliest Tue 12 .. Mon 18; float 4.
  const Planned p(ProjectBuilder("2010-01-11", "2010-01-24").stage("s", 5).project());
  CHECK(p.s.target == p.cal.point(D("2010-01-22")));
  CHECK(p.late("s").start == D("2010-01-18"));
  CHECK(p.late("s").finish == D("2010-01-22"));
  CHECK(p.float_of("s") == 4);
}

TEST_CASE("an applied date on a Saturday counts from the Friday before") {
  // Applied Sat 16 Jan: point = end of Fri 15; 2 days -> Mon 18, Tue 19.
  const Planned p(ProjectBuilder("2010-01-16", "2010-02-24").stage("s", 2).project());
  CHECK(p.early("s").start == D("2010-01-18"));
  CHECK(p.early("s").finish == D("2010-01-19"));
}

TEST_CASE("infeasible targets: negative float, shortfall and deadlines before the start") {
  SUBCASE("one day short") {
    // Target Fri 15: 5 days back from Fri 15 = Mon 11 .. Fri 15, i.e. start point end of Fri 8:
    // float = -1 (end Fri 8 is one working day before end Mon 11).
    const Planned p(ProjectBuilder("2010-01-11", "2010-01-15").stage("s", 5).project());
    CHECK_FALSE(p.s.feasible);
    CHECK(p.float_of("s") == -1);
    CHECK(p.s.shortfall == 1);
    CHECK(p.late("s").start == D("2010-01-11"));
    CHECK(p.late("s").finish == D("2010-01-15"));
    CHECK(p.early("s").finish == D("2010-01-18"));
  }
  SUBCASE("latest dates fall before the applied date") {
    // Target Wed 13: back 5 days: Wed 13, Tue 12, Mon 11, Fri 8, Thu 7 -> latest start Thu 7 Jan,
    // before the applied Mon 11. Float -3 = shortfall 3 (earliest finish Mon 18 vs Wed 13).
    const Planned p(ProjectBuilder("2010-01-11", "2010-01-13")
                        .stage("a", 2)
                        .stage("b", 3).after("a")
                        .project());
    CHECK_FALSE(p.s.feasible);
    CHECK(p.s.shortfall == 3);
    CHECK(p.s.min_float == -3);
    CHECK(p.late("a").start == D("2010-01-07"));
    CHECK(p.late("a").finish == D("2010-01-08"));
    CHECK(p.late("b").start == D("2010-01-11"));
    CHECK(p.late("b").finish == D("2010-01-13"));
    CHECK(p.s.critical_path.size() == 2);
  }
}

TEST_CASE("a stage linked only start-to-start must still finish by the target") {
  // b SS+0 after a; a has no FS/FF successor but finishes by the target all the same.
  // Target Fri 22 Jan: b (3 days) Wed 20 .. Fri 22, start point end of Tue 19;
  // a (5 days) must start by end of Tue 19 and finish by end of Fri 22: 5 days Mon 18 .. Fri 22.
  const Planned p(ProjectBuilder("2010-01-11", "2010-01-22")
                      .stage("a", 5)
                      .stage("b", 3).after("a", DepType::ss, 0)
                      .project());
  CHECK(p.late("a").finish == D("2010-01-22"));
  CHECK(p.late("a").start == D("2010-01-18"));
  CHECK(p.late("b").start == D("2010-01-20"));
}

TEST_CASE("forecast inputs: recorded actuals, release and finish release") {
  const auto& cal = WorkingCalendar::china();
  sch::Network n = sch::make_network(ProjectBuilder("2010-01-11", "2010-02-26")
                                         .stage("done", 5)
                                         .stage("next", 3).after("done")
                                         .stage("waiting", 2)
                                         .stage("running", 5)
                                         .stage("finished_only", 4)
                                         .stage("overdue", 2)
                                         .project(),
                                     cal);
  auto pt = [&](const char* iso) { return cal.point(D(iso)); };
  // done: started Tue 12 (start point end of Mon 11), finished late on Wed 20.
  n.activities[0].fixed_start = pt("2010-01-11");
  n.activities[0].fixed_finish = pt("2010-01-20");
  // waiting: may not start before the as-of date Mon 1 Feb (release = end of Mon 1 Feb).
  n.activities[2].release = pt("2010-02-01");
  // running: started Thu 14 (point end of Wed 13), 5 days would end Wed 20, but it is not done
  // as of Mon 25, so it cannot finish before then.
  n.activities[3].fixed_start = pt("2010-01-13");
  n.activities[3].finish_release = pt("2010-01-25");
  // finished_only: recorded finish Fri 15 without a start.
  n.activities[4].fixed_finish = pt("2010-01-15");
  // overdue: not started, as of Wed 20 it cannot finish before the end of Wed 20.
  n.activities[5].finish_release = pt("2010-01-20");
  const Planned p(std::move(n));
  CHECK(p.early("done").start == D("2010-01-12"));
  CHECK(p.early("done").finish == D("2010-01-20"));
  CHECK(p.early("next").start == D("2010-01-21")); // Thu 21, Fri 22, Mon 25
  CHECK(p.early("next").finish == D("2010-01-25"));
  CHECK(p.early("waiting").start == D("2010-02-02"));
  CHECK(p.early("waiting").finish == D("2010-02-03"));
  CHECK(p.early("running").start == D("2010-01-14"));
  CHECK(p.early("running").finish == D("2010-01-25"));
  // ES = min(computed start point end of Mon 11, EF) = end of Mon 11.
  CHECK(p.early("finished_only").start == D("2010-01-12"));
  CHECK(p.early("finished_only").finish == D("2010-01-15"));
  // finish >= end of Wed 20 with 2 days: Tue 19, Wed 20.
  CHECK(p.early("overdue").start == D("2010-01-19"));
  CHECK(p.early("overdue").finish == D("2010-01-20"));
  // The backward pass ignores actuals: 'done' is still due by the deadline its successor allows.
  CHECK(p.late("next").finish == D("2010-02-26"));
  CHECK(p.late("done").finish == D("2010-02-23"));
}

TEST_CASE("an empty project finishes at its start") {
  const Planned p(ProjectBuilder("2010-01-11", "2010-01-18").project());
  CHECK(p.s.earliest_finish == p.s.start);
  CHECK(p.s.feasible);
  CHECK(p.s.critical_path.empty());
}

TEST_CASE("the finish function and its inverses agree") {
  const auto& cal = WorkingCalendar::china();
  sch::Activity civil;
  civil.unit = yekuo::model::DurationUnit::calendar_days;
  const WorkPoint base = cal.point(D("2010-01-04"));
  for (int c = 1; c <= 40; ++c) {
    civil.duration = c;
    for (WorkPoint s = base; s < base + 80; ++s) {
      const WorkPoint f = sch::finish_after(civil, s, cal);
      CHECK(f >= s + 1);
      CHECK(sch::finish_after(civil, s + 1, cal) >= f); // non-decreasing
      // largest start finishing by f is >= s, and the next start finishes after f
      const WorkPoint ls = sch::latest_start_finishing_by(civil, f, cal);
      CHECK(ls >= s);
      CHECK(sch::finish_after(civil, ls, cal) <= f);
      CHECK(sch::finish_after(civil, ls + 1, cal) > f);
      const WorkPoint es = sch::earliest_start_finishing_at_least(civil, f, cal);
      CHECK(es <= s);
      CHECK(sch::finish_after(civil, es, cal) >= f);
      CHECK(sch::finish_after(civil, es - 1, cal) < f);
    }
  }
}

TEST_CASE("hostile inputs give an InputError naming the stage, never a crash") {
  const auto& cal = WorkingCalendar::china();
  SUBCASE("a chain of 100,000 stages of 2000 days runs past the calendar") {
    ProjectBuilder b("2010-01-11", "2010-05-31");
    std::vector<std::string> ids;
    for (int i = 0; i < 100000; ++i) ids.push_back(sid(i));
    for (int i = 0; i < 100000; ++i) {
      b.stage(ids[static_cast<std::size_t>(i)].c_str(), 2000);
      if (i > 0) b.after_index(static_cast<std::size_t>(i - 1), DepType::fs, 2000);
    }
    const auto n = sch::make_network(b.project(), cal);
    try {
      static_cast<void>(sch::compute_schedule(n, cal));
      FAIL("expected an InputError");
    } catch (const yekuo::InputError& e) {
      CHECK(std::string(e.what()).find("stage \"s") != std::string::npos);
      CHECK(std::string(e.what()).find("outside the calendar") != std::string::npos);
    }
  }
  SUBCASE("long chains push the deadlines before the calendar (forward still fits)") {
    // 10 x 2000 working days is about 80 years: the forward pass ends before 2199, the backward
    // pass from 2010 would start before 1970.
    ProjectBuilder b("2010-01-11", "2010-05-31");
    std::vector<std::string> ids;
    for (int i = 0; i < 10; ++i) ids.push_back(sid(i));
    for (int i = 0; i < 10; ++i) {
      b.stage(ids[static_cast<std::size_t>(i)].c_str(), 2000);
      if (i > 0) b.after_index(static_cast<std::size_t>(i - 1), DepType::fs, 0);
    }
    try {
      static_cast<void>(sch::compute_schedule(sch::make_network(b.project(), cal), cal));
      FAIL("expected an InputError");
    } catch (const yekuo::InputError& e) {
      CHECK(std::string(e.what()).find("latest") != std::string::npos);
    }
  }
  SUBCASE("100,000 parallel stages schedule fine") {
    ProjectBuilder b("2010-01-11", "2010-05-31");
    std::vector<std::string> ids;
    for (int i = 0; i < 100000; ++i) ids.push_back(sid(i));
    for (int i = 0; i < 100000; ++i) {
      b.stage(ids[static_cast<std::size_t>(i)].c_str(), i % 50);
      if (i > 0) b.after_index(static_cast<std::size_t>(i / 2), DepType::ss, -3);
    }
    const auto s = sch::compute_schedule(sch::make_network(b.project(), cal), cal);
    CHECK(s.timings.size() == 100000);
  }
  SUBCASE("a negative duration is rejected") {
    auto n = sch::make_network(ProjectBuilder("2010-01-11", "2010-05-31").stage("x", 3).project(), cal);
    n.activities[0].duration = -1;
    CHECK_THROWS_AS(static_cast<void>(sch::compute_schedule(n, cal)), yekuo::InputError);
  }
}

} // TEST_SUITE

TEST_SUITE("schedule::compute_schedule calendar-day stages (issue 12)") {

TEST_CASE("the critical path follows the driving chain through a calendar-day stage") {
  // 现场勘查 2 -> 土建 42 calendar days -> 竣工检验 5, applied Wed 2010-02-03, target Fri 2010-04-02.
  // Earliest: survey Thu 4, Fri 5 Feb; civil Mon 8 Feb + 41 days = Sun 21 Mar (ef = point(Fri 19
  // Mar)); inspect Mon 22 .. Fri 26 Mar: earliest energization Fri 2010-03-26.
  // Latest: inspect Mon 29 Mar .. Fri 2 Apr. Civil must end by Sun 28 Mar, so start by Mon 15 Feb
  // (28 Mar - 41 days), a Spring Festival holiday: the last working day before it is Fri 12 Feb
  // (civil Fri 12 Feb .. Thu 25 Mar). Survey Wed 10, Thu 11 Feb.
  // Floats: survey Thu 4, Fri 5, Mon 8, Tue 9 = 4; civil Mon 8 .. Thu 11 = 4; inspect Mon 22 ..
  // Fri 26 Mar = 5. The least float (4) is not on the last stage, which ended the old
  // "least float" chain at civil; the driving chain runs from survey to inspect.
  const Planned p(ProjectBuilder("2010-02-03", "2010-04-02")
                      .stage("survey", 2)
                      .calendar_stage("civil", 42).after("survey")
                      .stage("inspect", 5).after("civil")
                      .project());
  CHECK(p.early("survey").start == D("2010-02-04"));
  CHECK(p.early("civil").start == D("2010-02-08"));
  CHECK(p.early("civil").finish == D("2010-03-21"));
  CHECK(p.early("inspect").finish == D("2010-03-26"));
  CHECK(p.late("civil").start == D("2010-02-12"));
  CHECK(p.late("civil").finish == D("2010-03-25"));
  CHECK(p.late("inspect").start == D("2010-03-29"));
  CHECK(p.float_of("survey") == 4);
  CHECK(p.float_of("civil") == 4);
  CHECK(p.float_of("inspect") == 5);
  CHECK(p.s.feasible);
  CHECK(p.cal.date_of(p.s.earliest_finish) == D("2010-03-26"));
  CHECK(p.s.critical_path == std::vector<std::size_t>{p.idx("survey"), p.idx("civil"), p.idx("inspect")});
  for (const auto& t : p.s.timings) CHECK(t.critical);
}

TEST_CASE("a feasible plan never shows a deadline after the planned energization") {
  // Applied Fri 2010-03-05, one stage of 7 calendar days.
  SUBCASE("target Fri 03-12: infeasible by one working day") {
    // Earliest: Mon 08 .. Sun 14 Mar; energization possible the next working day, Mon 15.
    // Latest: the last day by Fri 12 -> start by Sat 06 -> the last working day Fri 05 ..
    // Thu 11; float = point(Thu 04) - point(Fri 05) = -1.
    const Planned p(ProjectBuilder("2010-03-05", "2010-03-12").calendar_stage("civil", 7).project());
    CHECK(p.early("civil").start == D("2010-03-08"));
    CHECK(p.early("civil").finish == D("2010-03-14"));
    CHECK(p.late("civil").start == D("2010-03-05"));
    CHECK(p.late("civil").finish == D("2010-03-11"));
    CHECK(p.float_of("civil") == -1);
    CHECK_FALSE(p.s.feasible);
    CHECK(p.cal.date_of(p.s.earliest_finish) == D("2010-03-15"));
    CHECK(p.s.shortfall == 1); // Fri 12 -> Mon 15
    CHECK(p.s.critical_path == std::vector<std::size_t>{0});
  }
  SUBCASE("target Mon 03-15: feasible, energization on the target") {
    // Latest: the last day by Mon 15 -> start Tue 09 .. Mon 15; float 1 (Mon 08).
    const Planned p(ProjectBuilder("2010-03-05", "2010-03-15").calendar_stage("civil", 7).project());
    CHECK(p.late("civil").start == D("2010-03-09"));
    CHECK(p.late("civil").finish == D("2010-03-15"));
    CHECK(p.float_of("civil") == 1);
    CHECK(p.s.feasible);
    CHECK(p.s.shortfall == 0);
    CHECK(p.cal.date_of(p.s.earliest_finish) == D("2010-03-15"));
  }
  SUBCASE("an FS successor still starts on the first working day after a rest-day end") {
    // civil Mon 08 .. Sun 14, inspect (1 day) Mon 15 = the target Mon 15: feasible, float 0.
    const Planned p(ProjectBuilder("2010-03-05", "2010-03-15")
                        .calendar_stage("civil", 7)
                        .stage("inspect", 1).after("civil")
                        .project());
    CHECK(p.early("inspect").start == D("2010-03-15"));
    CHECK(p.late("civil").finish == D("2010-03-14"));
    CHECK(p.float_of("civil") == 0);
    CHECK(p.float_of("inspect") == 0);
    CHECK(p.s.feasible);
  }
}

TEST_CASE("calendar-day stages across Spring Festival 2010 (docs/time-model.md)") {
  // Applied Mon 2010-02-08; 土建 10 calendar days -> 竣工检验 3 working days; target Mon 2010-02-22.
  // Earliest: civil Tue 9 .. Thu 18 Feb (a holiday: ef = point(Fri 12)); inspect Sat 20, Sun 21
  // (adjusted working days), Mon 22.
  // Latest: inspect Sat 20 .. Mon 22 (ls = point(Fri 12)); civil must end before Sat 20, i.e. by
  // Fri 19 -> start by Wed 10: Wed 10 .. Fri 19 Feb, float 1 (Tue 9).
  SUBCASE("with the inspection") {
    const Planned p(ProjectBuilder("2010-02-08", "2010-02-22")
                        .calendar_stage("civil", 10)
                        .stage("inspect", 3).after("civil")
                        .project());
    CHECK(p.early("civil").finish == D("2010-02-18"));
    CHECK(p.early("inspect").start == D("2010-02-20"));
    CHECK(p.early("inspect").finish == D("2010-02-22"));
    CHECK(p.late("civil").start == D("2010-02-10"));
    CHECK(p.late("civil").finish == D("2010-02-19"));
    CHECK(p.float_of("civil") == 1);
    CHECK(p.float_of("inspect") == 0);
    CHECK(p.s.critical_path == std::vector<std::size_t>{0, 1});
  }
  SUBCASE("the civil works alone") {
    // Ending Thu 18 Feb (a holiday), energization is possible on the next working day, Sat 20.
    // Latest: the last day by Mon 22 -> start by Sat 13 (a holiday) -> Fri 12 .. Sun 21; float 3
    // (Tue 9, Wed 10, Thu 11).
    const Planned p(ProjectBuilder("2010-02-08", "2010-02-22").calendar_stage("civil", 10).project());
    CHECK(p.cal.date_of(p.s.earliest_finish) == D("2010-02-20"));
    CHECK(p.late("civil").start == D("2010-02-12"));
    CHECK(p.late("civil").finish == D("2010-02-21"));
    CHECK(p.float_of("civil") == 3);
  }
}

TEST_CASE("a calendar-day stage recorded as started on a Saturday counts from that Saturday") {
  // 10 calendar days from Sat 2010-03-06: Sat 6 .. Mon 15 Mar (6 + 9 = 15), not Mon 8 .. Wed 17.
  sch::Network n = sch::make_network(
      ProjectBuilder("2010-03-01", "2010-03-31").calendar_stage("civil", 10).stage("inspect", 3).after("civil").project(),
      WorkingCalendar::china());
  const auto& cal = WorkingCalendar::china();
  n.activities[0].fixed_start = cal.point(D("2010-03-06")); // = point(Fri 05): the point before Saturday
  n.activities[0].fixed_start_date = D("2010-03-06");
  const Planned p(n);
  const auto civil = sch::earliest_dates(p.net.activities[0], p.s.timings[0].es, p.s.timings[0].ef, cal);
  CHECK(civil.start == D("2010-03-06"));
  CHECK(civil.finish == D("2010-03-15"));
  // inspect Tue 16, Wed 17, Thu 18.
  CHECK(p.early("inspect").start == D("2010-03-16"));
  CHECK(p.early("inspect").finish == D("2010-03-18"));
  CHECK(p.cal.date_of(p.s.earliest_finish) == D("2010-03-18"));
  // The recorded start is a fact: the critical path starts there.
  CHECK(p.s.critical_path == std::vector<std::size_t>{0, 1});
}

} // TEST_SUITE
