// The rolling forecast on hand-checked cases. Working days in March 2010 have no holidays:
// Mon 03-01 .. Fri 03-05, Mon 03-08 .. Fri 03-12, Mon 03-15 .. Fri 03-19, Mon 03-22 ...
#include "doctest_printers.hpp"
#include "test_dates.hpp"

#include <yekuo/schedule/plan_outcome.hpp>
#include <yekuo/track/forecast.hpp>

using yekuo::calendar::Date;
using yekuo::calendar::WorkingCalendar;
using yekuo::track::StageStatus;

namespace {

const WorkingCalendar& cal() { return WorkingCalendar::china(); }

// A chain a(5) -> b(5) -> c(3), applied Mon 03-01. Back-scheduled from Thu 03-18 it leaves no
// float: a occupies 03-02..03-08, b 03-09..03-15, c 03-16..03-18.
struct Chain {
  yekuo::model::Project project;
  yekuo::schedule::Network network;
  yekuo::track::PlanReference ref;

  Chain() {
    const char* ids[] = {"a", "b", "c"};
    const int days[] = {5, 5, 3};
    const char* starts[] = {"2010-03-02", "2010-03-09", "2010-03-16"};
    const char* deadlines[] = {"2010-03-08", "2010-03-15", "2010-03-18"};
    project.info.applied = D("2010-03-01");
    project.info.target = D("2010-03-18");
    for (std::size_t i = 0; i < 3; ++i) {
      yekuo::model::Stage st;
      st.id = ids[i];
      st.name = ids[i];
      st.dept = "客户服务中心";
      st.duration = days[i];
      yekuo::schedule::Activity act;
      act.duration = days[i];
      if (i > 0) {
        st.after.push_back({ids[i - 1], i - 1, yekuo::model::DepType::fs, 0, {}});
        act.preds.push_back({i - 1, yekuo::model::DepType::fs, 0});
      }
      project.stages.push_back(st);
      network.activities.push_back(act);
      network.order.push_back(i);
      yekuo::track::StageReference r;
      r.from_baseline = true;
      r.start = D(starts[i]);
      r.deadline = D(deadlines[i]);
      r.start_point = cal().point(r.start) - 1;
      r.deadline_point = cal().point(r.deadline);
      r.limit_days = days[i];
      ref.stages.push_back(r);
    }
    network.start = cal().point(D("2010-03-01"));
    network.target = cal().point(D("2010-03-18"));
    ref.planned_energization = D("2010-03-18");
    ref.start_point = network.start;
  }
  void progress(const char* id, std::optional<Date> started, std::optional<Date> finished) {
    yekuo::model::Progress p;
    p.stage = id;
    p.index = project.find_stage(id);
    p.started = started;
    p.finished = finished;
    project.progress.push_back(p);
  }
  yekuo::track::Forecast forecast(Date as_of) const {
    const auto states = yekuo::track::stage_states(project, ref, cal(), as_of);
    return yekuo::track::rolling_forecast(project, network, ref, states, cal(), as_of);
  }
};

} // namespace

TEST_SUITE("track::rolling_forecast") {

TEST_CASE("a project on plan is forecast on its planned energization") {
  Chain c;
  c.progress("a", D("2010-03-02"), D("2010-03-08"));
  c.progress("b", D("2010-03-09"), std::nullopt);
  // As of Wed 03-10: b started after the 03-08 point, 5 days -> Mon 03-15; c 03-16..03-18.
  const auto f = c.forecast(D("2010-03-10"));
  CHECK(f.forecast_energization == D("2010-03-18"));
  CHECK(f.slip_days == 0);
  CHECK(f.dates[1].finish == D("2010-03-15"));
  CHECK(f.dates[2].start == D("2010-03-16"));
  // No float anywhere: the open stages b and c drive; a finished on time does not.
  CHECK(f.drivers == std::vector<std::size_t>{1, 2});
}

TEST_CASE("a late finish pushes the rest and names the stages that drive the slip") {
  Chain c;
  c.progress("a", D("2010-03-02"), D("2010-03-10")); // two working days late
  c.progress("b", D("2010-03-11"), std::nullopt);
  // b after the 03-10 point: 03-11, 12, 15, 16, 17 -> Wed 03-17; c 03-18, 19, 22 -> Mon 03-22.
  const auto f = c.forecast(D("2010-03-12"));
  CHECK(f.dates[1].finish == D("2010-03-17"));
  CHECK(f.forecast_energization == D("2010-03-22"));
  CHECK(f.slip_days == 2); // 03-19, 03-22
  CHECK(f.min_float == -2);
  // a is done late and on the least-float chain, b and c are open: all three drive.
  CHECK(f.drivers == std::vector<std::size_t>{0, 1, 2});
}

TEST_CASE("stages not started begin after the as-of date") {
  Chain c;
  // Nothing recorded as of Wed 03-10: a starts on Thu 03-11 at the earliest.
  // a 03-11..03-17, b 03-18..03-24, c 03-25, 26, 29 -> Mon 03-29, 7 working days after 03-18.
  const auto f = c.forecast(D("2010-03-10"));
  CHECK(f.dates[0].start == D("2010-03-11"));
  CHECK(f.dates[0].finish == D("2010-03-17"));
  CHECK(f.forecast_energization == D("2010-03-29"));
  CHECK(f.slip_days == 7);
}

TEST_CASE("a stage in progress cannot finish before the next working day") {
  Chain c;
  c.progress("a", D("2010-03-02"), std::nullopt);
  // By its duration a would finish on 03-08, but as of Wed 03-10 it has not: the earliest is
  // Thu 03-11. Then b 03-12..03-18, c 03-19, 22, 23 -> Tue 03-23 (3 working days late).
  const auto f = c.forecast(D("2010-03-10"));
  CHECK(f.dates[0].finish == D("2010-03-11"));
  CHECK(f.forecast_energization == D("2010-03-23"));
  CHECK(f.slip_days == 3);
  CHECK(f.drivers.front() == 0);
}

TEST_CASE("the next working day after Friday 2010-02-12 is the adjusted Saturday 02-20") {
  yekuo::model::Project p;
  p.info.applied = D("2010-02-01");
  yekuo::model::Stage st;
  st.id = "a";
  st.duration = 5;
  p.stages.push_back(st);
  yekuo::schedule::Network net;
  net.activities.push_back({});
  net.activities[0].duration = 5;
  net.order = {0};
  net.start = cal().point(D("2010-02-01"));
  net.target = cal().point(D("2010-02-08"));
  yekuo::track::PlanReference ref;
  ref.planned_energization = D("2010-02-08");
  yekuo::track::StageReference r;
  r.start = D("2010-02-02");
  r.deadline = D("2010-02-08");
  r.start_point = net.start;
  r.deadline_point = net.target;
  ref.stages.push_back(r);
  yekuo::model::Progress pr;
  pr.stage = "a";
  pr.index = 0;
  pr.started = D("2010-02-02");
  p.progress.push_back(pr);
  const Date as_of = D("2010-02-12");
  const auto states = yekuo::track::stage_states(p, ref, cal(), as_of);
  CHECK(states[0].status == StageStatus::overdue);
  const auto f = yekuo::track::rolling_forecast(p, net, ref, states, cal(), as_of);
  CHECK(f.forecast_energization == D("2010-02-20"));
  // 02-09, 10, 11, 12, 20: five working days after the planned 02-08.
  CHECK(f.slip_days == 5);
}

TEST_CASE("a pending milestone is forecast no earlier than the next working day") {
  Chain c;
  c.project.stages[2].duration = 0;
  c.network.activities[2].duration = 0;
  c.progress("a", D("2010-03-02"), D("2010-03-05"));
  c.progress("b", D("2010-03-08"), D("2010-03-09"));
  // b finished on Tue 03-09; as of Wed 03-10 the milestone c has not happened: Thu 03-11.
  const auto f = c.forecast(D("2010-03-10"));
  CHECK(f.dates[2].finish == D("2010-03-11"));
  CHECK(f.forecast_energization == D("2010-03-11"));
  CHECK(f.slip_days == 0);
}

TEST_CASE("a finish recorded without a start is fixed at its finish") {
  Chain c;
  c.progress("a", std::nullopt, D("2010-03-04"));
  const auto f = c.forecast(D("2010-03-05"));
  CHECK(f.dates[0].finish == D("2010-03-04"));
  // b is not started: after the as-of point, Mon 03-08 .. Fri 03-12; c 03-15..03-17.
  CHECK(f.dates[1].start == D("2010-03-08"));
  CHECK(f.forecast_energization == D("2010-03-17"));
}

TEST_CASE("the forecast network keeps the plan's links and does not touch the reference") {
  Chain c;
  c.progress("a", D("2010-03-02"), D("2010-03-08"));
  c.progress("b", D("2010-03-09"), std::nullopt);
  const auto before = c.ref.stages[2].deadline;
  const auto states = yekuo::track::stage_states(c.project, c.ref, cal(), D("2010-03-10"));
  const auto net = yekuo::track::forecast_network(c.project, c.network, c.ref, states, cal(), D("2010-03-10"));
  const auto a = cal().point(D("2010-03-10"));
  CHECK(net.activities[0].fixed_finish == cal().point(D("2010-03-08")));
  CHECK(net.activities[0].fixed_start == cal().point(D("2010-03-01")));
  CHECK(net.activities[1].fixed_start == cal().point(D("2010-03-08")));
  CHECK(net.activities[1].finish_release == a + 1);
  CHECK(net.activities[2].release == a);
  CHECK(net.activities[2].preds.size() == 1);
  CHECK(net.target == cal().point(D("2010-03-18")));
  CHECK(c.ref.stages[2].deadline == before);
}

} // TEST_SUITE

TEST_SUITE("track::rolling_forecast") {

TEST_CASE("a calendar-day stage started on a Saturday is forecast from that Saturday (issue 12)") {
  // 土建 10 calendar days -> 竣工检验 3 working days, applied Mon 2010-03-01, target Wed 03-31.
  // Recorded: civil started Sat 2010-03-06. As of Tue 03-09 the forecast counts Sat 6 .. Mon 15
  // (6 + 9 = 15), then inspect Tue 16, Wed 17, Thu 18: energization Thu 2010-03-18. Counting from
  // the next Monday instead would give Mon 8 .. Wed 17 and Mon 22.
  yekuo::model::Project p;
  p.info.applied = D("2010-03-01");
  p.info.target = D("2010-03-31");
  yekuo::model::Stage civil;
  civil.id = civil.name = "civil";
  civil.dept = "客户";
  civil.unit = yekuo::model::DurationUnit::calendar_days;
  civil.duration = 10;
  yekuo::model::Stage inspect;
  inspect.id = inspect.name = "inspect";
  inspect.dept = "客户服务中心";
  inspect.duration = 3;
  inspect.after.push_back({"civil", 0, yekuo::model::DepType::fs, 0, {}});
  p.stages = {civil, inspect};
  yekuo::model::Progress pr;
  pr.stage = "civil";
  pr.index = 0;
  pr.started = D("2010-03-06");
  p.progress.push_back(pr);
  const auto plan = yekuo::schedule::make_plan(p, cal());
  const auto ref = yekuo::track::reference_from_plan(p, plan, cal());
  const Date as_of = D("2010-03-09");
  const auto states = yekuo::track::stage_states(p, ref, cal(), as_of);
  const auto f = yekuo::track::rolling_forecast(p, plan.network, ref, states, cal(), as_of);
  CHECK(f.dates[0].start == D("2010-03-06"));
  CHECK(f.dates[0].finish == D("2010-03-15"));
  CHECK(f.dates[1].start == D("2010-03-16"));
  CHECK(f.dates[1].finish == D("2010-03-18"));
  CHECK(f.forecast_energization == D("2010-03-18"));
}

} // TEST_SUITE
