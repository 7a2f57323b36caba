// Status of a stage as of a date, at the edges (docs/tracking.md). Dates are checked against
// the official calendar: 2010-03-05 is a Friday; the 2010 Spring Festival holiday ran
// 13-19 February with Sat 20 / Sun 21 February as working days.
#include "doctest_printers.hpp"
#include "test_dates.hpp"

#include <yekuo/track/status.hpp>

using yekuo::calendar::Date;
using yekuo::calendar::WorkingCalendar;
using yekuo::model::Project;
using yekuo::track::DelayVerdict;
using yekuo::track::PlanReference;
using yekuo::track::StageStatus;

namespace {

const WorkingCalendar& cal() { return WorkingCalendar::china(); }

// A project with stages "a" (and optionally "b" after "a" with the given type), each with
// the given deadline in the reference.
struct Fixture {
  Project project;
  PlanReference ref;

  void add_stage(const char* id, Date start, Date deadline, const char* after = nullptr,
                 yekuo::model::DepType type = yekuo::model::DepType::fs) {
    yekuo::model::Stage st;
    st.id = id;
    st.name = id;
    st.dept = "客户服务中心";
    st.duration = cal().working_days_between(start, deadline) + 1;
    if (after != nullptr) {
      yekuo::model::Dependency dep;
      dep.stage = after;
      dep.pred = project.find_stage(after);
      dep.type = type;
      st.after.push_back(dep);
    }
    project.stages.push_back(st);
    yekuo::track::StageReference r;
    r.from_baseline = true;
    r.start = start;
    r.deadline = deadline;
    r.start_point = cal().point(start) - 1;
    r.deadline_point = cal().point(deadline);
    r.limit_days = st.duration;
    ref.stages.push_back(r);
  }
  void progress(const char* id, std::optional<Date> started, std::optional<Date> finished) {
    yekuo::model::Progress p;
    p.stage = id;
    p.index = project.find_stage(id);
    p.started = started;
    p.finished = finished;
    project.progress.push_back(p);
  }
  void delay(const char* id, Date from, Date to, std::optional<Date> reported) {
    yekuo::model::Delay d;
    d.stage = id;
    d.index = project.find_stage(id);
    d.from = from;
    d.to = to;
    d.reported = reported;
    project.delays.push_back(d);
  }
  yekuo::track::StageState state(const char* id, Date as_of) const {
    return yekuo::track::stage_states(project, ref, cal(), as_of).at(project.find_stage(id));
  }
};

// One stage "a" that started on Monday 2010-03-01 with its deadline on Friday 2010-03-05.
Fixture friday_deadline() {
  Fixture f;
  f.add_stage("a", D("2010-03-01"), D("2010-03-05"));
  f.progress("a", D("2010-03-01"), std::nullopt);
  return f;
}

} // namespace

TEST_SUITE("track::stage_states") {

TEST_CASE("the status words are the JSON contract's") {
  using yekuo::track::status_word;
  CHECK(std::string(status_word(StageStatus::not_started)) == "not_started");
  CHECK(std::string(status_word(StageStatus::waiting)) == "waiting");
  CHECK(std::string(status_word(StageStatus::in_progress)) == "in_progress");
  CHECK(std::string(status_word(StageStatus::due_soon)) == "due_soon");
  CHECK(std::string(status_word(StageStatus::overdue)) == "overdue");
  CHECK(std::string(status_word(StageStatus::done_on_time)) == "done_on_time");
  CHECK(std::string(status_word(StageStatus::done_late)) == "done_late");
  CHECK(yekuo::track::parse_status_word("due_soon") == StageStatus::due_soon);
  CHECK_FALSE(yekuo::track::parse_status_word("late").has_value());
}

TEST_CASE("a deadline today is neither due soon nor overdue") {
  const auto s = friday_deadline().state("a", D("2010-03-05"));
  CHECK(s.status == StageStatus::in_progress);
  CHECK(s.days_late == 0);
}

TEST_CASE("a deadline tomorrow is due soon") {
  const auto s = friday_deadline().state("a", D("2010-03-04"));
  CHECK(s.status == StageStatus::due_soon);
  CHECK(s.days_late == 0);
  // Two working days ahead is not yet the day to remind.
  CHECK(friday_deadline().state("a", D("2010-03-03")).status == StageStatus::in_progress);
}

TEST_CASE("a Monday deadline is due soon on the Friday before and over the weekend") {
  Fixture f;
  f.add_stage("a", D("2010-03-01"), D("2010-03-08"));
  f.progress("a", D("2010-03-01"), std::nullopt);
  CHECK(f.state("a", D("2010-03-04")).status == StageStatus::in_progress); // Thu: two working days ahead
  CHECK(f.state("a", D("2010-03-05")).status == StageStatus::due_soon);    // Fri
  CHECK(f.state("a", D("2010-03-06")).status == StageStatus::due_soon);    // Sat: point(Sat) = point(Fri)
  CHECK(f.state("a", D("2010-03-07")).status == StageStatus::due_soon);    // Sun
  CHECK(f.state("a", D("2010-03-08")).status == StageStatus::in_progress); // Mon: the deadline itself
}

TEST_CASE("a deadline after the Spring Festival holiday is due soon on the last day before it") {
  // Sat 2010-02-20 is an adjusted working day: the first working day after Fri 02-12.
  Fixture f;
  f.add_stage("a", D("2010-02-08"), D("2010-02-20"));
  f.progress("a", D("2010-02-08"), std::nullopt);
  CHECK(f.state("a", D("2010-02-11")).status == StageStatus::in_progress);
  CHECK(f.state("a", D("2010-02-12")).status == StageStatus::due_soon);
  CHECK(f.state("a", D("2010-02-16")).status == StageStatus::due_soon); // during the holiday
  CHECK(f.state("a", D("2010-02-20")).status == StageStatus::in_progress);
  // Sun 02-21 is a working day too: one day overdue already.
  const auto s = f.state("a", D("2010-02-21"));
  CHECK(s.status == StageStatus::overdue);
  CHECK(s.days_late == 1);
}

TEST_CASE("overdue counts working days after the deadline, not calendar days") {
  const auto f = friday_deadline();
  CHECK(f.state("a", D("2010-03-06")).status == StageStatus::in_progress); // Saturday after a Friday deadline
  CHECK(f.state("a", D("2010-03-07")).status == StageStatus::in_progress);
  const auto mon = f.state("a", D("2010-03-08"));
  CHECK(mon.status == StageStatus::overdue);
  CHECK(mon.days_late == 1);
  const auto next_fri = f.state("a", D("2010-03-12"));
  CHECK(next_fri.days_late == 5);
  // Across the holiday: deadline Fri 02-12, as of Mon 02-22 = 02-20, 02-21, 02-22.
  Fixture g;
  g.add_stage("a", D("2010-02-08"), D("2010-02-12"));
  CHECK(g.state("a", D("2010-02-22")).days_late == 3);
}

TEST_CASE("finished on the deadline is on time, one working day later is late") {
  auto on = friday_deadline();
  on.project.progress[0].finished = D("2010-03-05");
  const auto s = on.state("a", D("2010-03-10"));
  CHECK(s.status == StageStatus::done_on_time);
  CHECK(s.days_late == 0);

  auto sat = friday_deadline();
  sat.project.progress[0].finished = D("2010-03-06"); // a Saturday counts as the Friday before
  CHECK(sat.state("a", D("2010-03-10")).status == StageStatus::done_on_time);

  auto late = friday_deadline();
  late.project.progress[0].finished = D("2010-03-08");
  const auto l = late.state("a", D("2010-03-10"));
  CHECK(l.status == StageStatus::done_late);
  CHECK(l.days_late == 1);
}

TEST_CASE("a customer delay reported by the deadline is excluded, one day later it is not") {
  // Delay Mon 03-01 .. Wed 03-03 = 3 working days; the stage finishes Tue 03-09.
  auto in_time = friday_deadline();
  in_time.project.progress[0].finished = D("2010-03-09");
  in_time.delay("a", D("2010-03-01"), D("2010-03-03"), D("2010-03-05"));
  const auto s = in_time.state("a", D("2010-03-10"));
  CHECK(s.excluded_days == 3);
  CHECK(s.effective_deadline == D("2010-03-10")); // Fri + 3 working days = Wed
  CHECK(s.status == StageStatus::done_on_time);
  REQUIRE(s.verdict.delays.size() == 1);
  CHECK(s.verdict.delays[0].verdict == DelayVerdict::excluded);
  CHECK(s.verdict.delays[0].days == 3);

  auto late = friday_deadline();
  late.project.progress[0].finished = D("2010-03-09");
  late.delay("a", D("2010-03-01"), D("2010-03-03"), D("2010-03-06"));
  const auto l = late.state("a", D("2010-03-10"));
  CHECK(l.excluded_days == 0);
  CHECK(l.effective_deadline == D("2010-03-05"));
  CHECK(l.status == StageStatus::done_late);
  CHECK(l.days_late == 2); // Mon 03-08, Tue 03-09
  REQUIRE(l.verdict.delays.size() == 1);
  CHECK(l.verdict.delays[0].verdict == DelayVerdict::reported_late);
}

TEST_CASE("an excluded delay keeps an open stage from being overdue") {
  auto f = friday_deadline();
  f.delay("a", D("2010-03-02"), D("2010-03-03"), D("2010-03-02"));
  // Deadline Fri + 2 = Tue 03-09; as of Mon 03-08 it is due soon rather than overdue.
  const auto s = f.state("a", D("2010-03-08"));
  CHECK(s.status == StageStatus::due_soon);
  CHECK(s.effective_deadline == D("2010-03-09"));
}

TEST_CASE("overlapping delays are counted once and only up to the as-of date") {
  auto f = friday_deadline();
  f.delay("a", D("2010-03-01"), D("2010-03-03"), D("2010-03-01"));
  f.delay("a", D("2010-03-02"), D("2010-03-12"), D("2010-03-02"));
  // As of Thu 03-04: the union is Mon 03-01 .. Thu 03-04 = 4 working days.
  const auto s = f.state("a", D("2010-03-04"));
  CHECK(s.excluded_days == 4);
  CHECK(s.verdict.delays[0].days == 3);
  CHECK(s.verdict.delays[1].days == 3); // 03-02 .. 03-04
}

TEST_CASE("a delay without a report, or reported only after the as-of date, is not excluded") {
  auto f = friday_deadline();
  f.delay("a", D("2010-03-01"), D("2010-03-02"), std::nullopt);
  f.delay("a", D("2010-03-03"), D("2010-03-03"), D("2010-03-05"));
  const auto s = f.state("a", D("2010-03-04"));
  CHECK(s.excluded_days == 0);
  CHECK(s.verdict.delays[0].verdict == DelayVerdict::not_reported);
  CHECK(s.verdict.delays[1].verdict == DelayVerdict::not_reported); // the report of 03-05 is not known on 03-04
  CHECK(f.state("a", D("2010-03-05")).excluded_days == 1);
}

TEST_CASE("facts dated after the as-of date are ignored") {
  Fixture f;
  f.add_stage("a", D("2010-03-01"), D("2010-03-12"));
  f.progress("a", D("2010-03-03"), D("2010-03-10"));
  const auto before_start = f.state("a", D("2010-03-02"));
  CHECK(before_start.status == StageStatus::not_started);
  CHECK_FALSE(before_start.started.has_value());
  const auto running = f.state("a", D("2010-03-09"));
  CHECK(running.status == StageStatus::in_progress);
  CHECK_FALSE(running.finished.has_value());
  CHECK(f.state("a", D("2010-03-10")).status == StageStatus::done_on_time);
}

TEST_CASE("a stage waits while a predecessor does not allow it to start") {
  Fixture fs;
  fs.add_stage("a", D("2010-03-01"), D("2010-03-05"));
  fs.add_stage("b", D("2010-03-08"), D("2010-03-19"), "a");
  fs.progress("a", D("2010-03-01"), std::nullopt);
  CHECK(fs.state("b", D("2010-03-03")).status == StageStatus::waiting);
  fs.project.progress[0].finished = D("2010-03-04");
  CHECK(fs.state("b", D("2010-03-04")).status == StageStatus::not_started);
  CHECK(fs.state("b", D("2010-03-03")).status == StageStatus::waiting); // the finish is not known yet

  Fixture ss;
  ss.add_stage("a", D("2010-03-01"), D("2010-03-05"));
  ss.add_stage("b", D("2010-03-02"), D("2010-03-19"), "a", yekuo::model::DepType::ss);
  CHECK(ss.state("b", D("2010-03-01")).status == StageStatus::waiting);
  ss.progress("a", D("2010-03-01"), std::nullopt);
  CHECK(ss.state("b", D("2010-03-01")).status == StageStatus::not_started);

  Fixture ff;
  ff.add_stage("a", D("2010-03-01"), D("2010-03-05"));
  ff.add_stage("b", D("2010-03-02"), D("2010-03-19"), "a", yekuo::model::DepType::ff);
  ff.progress("a", D("2010-03-01"), std::nullopt);
  CHECK(ff.state("b", D("2010-03-02")).status == StageStatus::waiting);
  // A recorded finish alone (no start) also lets an SS successor start.
  Fixture only_finish;
  only_finish.add_stage("a", D("2010-03-01"), D("2010-03-05"));
  only_finish.add_stage("b", D("2010-03-02"), D("2010-03-19"), "a", yekuo::model::DepType::ss);
  only_finish.progress("a", std::nullopt, D("2010-03-02"));
  CHECK(only_finish.state("b", D("2010-03-03")).status == StageStatus::not_started);
}

TEST_CASE("a stage waiting for an unfinished predecessor is never due soon or overdue: its predecessor is") {
  Fixture f;
  f.add_stage("a", D("2010-03-01"), D("2010-03-05"));
  f.add_stage("b", D("2010-03-08"), D("2010-03-10"), "a");
  // Tue 03-09: b's planned deadline Wed 03-10 is the next working day, but a has not finished.
  const auto w = f.state("b", D("2010-03-09"));
  CHECK(w.status == StageStatus::waiting);
  CHECK(w.days_late == 0);
  CHECK(w.verdict.blocked_by == 0);
  // Thu 03-11: b's planned deadline has passed; a is 4 working days late (03-08..03-11), b is not.
  const auto s = f.state("b", D("2010-03-11"));
  CHECK(s.status == StageStatus::waiting);
  CHECK(s.days_late == 0);
  // Its deadline is not before the earliest a can release it: a finishes Fri 03-12 at the
  // earliest, so b's 3 days end Wed 03-17 at the earliest.
  CHECK(s.effective_deadline == D("2010-03-17"));
  const auto a = f.state("a", D("2010-03-11"));
  CHECK(a.status == StageStatus::overdue);
  CHECK(a.days_late == 4);
}

TEST_CASE("a project is energized when every final stage has finished by the as-of date") {
  Fixture f;
  f.add_stage("a", D("2010-03-01"), D("2010-03-05"));
  f.add_stage("b", D("2010-03-08"), D("2010-03-10"), "a");
  f.add_stage("c", D("2010-03-08"), D("2010-03-10"), "a");
  CHECK(yekuo::track::final_stages(f.project) == std::vector<std::size_t>{1, 2});
  f.progress("b", D("2010-03-08"), D("2010-03-09"));
  CHECK_FALSE(yekuo::track::is_energized(f.project, D("2010-03-20")));
  f.progress("c", D("2010-03-08"), D("2010-03-12"));
  CHECK_FALSE(yekuo::track::is_energized(f.project, D("2010-03-11")));
  CHECK(yekuo::track::is_energized(f.project, D("2010-03-12")));
  CHECK_FALSE(yekuo::track::is_energized(Project{}, D("2010-03-12")));
}

} // TEST_SUITE
