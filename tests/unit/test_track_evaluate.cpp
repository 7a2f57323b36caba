// One order's evaluation (state, week flags), the department summary, the escalation list and
// the parallel portfolio runner.
//
// The project used here is sample_project() (sample_project.hpp).
#include "doctest_printers.hpp"
#include "sample_project.hpp"
#include "test_dates.hpp"

#include <yekuo/schedule/plan_outcome.hpp>
#include <yekuo/track/evaluate.hpp>
#include <yekuo/util/error.hpp>

#include <atomic>
#include <fmt/format.h>

using yekuo::calendar::Date;
using yekuo::calendar::WorkingCalendar;
using yekuo::track::ProjectEvaluation;
using yekuo::track::ProjectState;
using yekuo::track::StageEvaluation;
using yekuo::track::StageStatus;

namespace {

const WorkingCalendar& cal() { return WorkingCalendar::china(); }

void progress(yekuo::model::Project& p, const char* id, std::optional<Date> started, std::optional<Date> finished) {
  yekuo::model::Progress pr;
  pr.stage = id;
  pr.index = p.find_stage(id);
  pr.started = started;
  pr.finished = finished;
  p.progress.push_back(pr);
}

ProjectEvaluation evaluate(const yekuo::model::Project& p, Date as_of,
                           std::optional<yekuo::track::PlanReference> ref = std::nullopt) {
  const auto plan = yekuo::schedule::make_plan(p, cal());
  if (!ref) ref = yekuo::track::reference_from_plan(p, plan, cal());
  return yekuo::track::evaluate_project(p, plan, *ref, cal(), {as_of, true, {}});
}

const StageEvaluation& stage(const ProjectEvaluation& e, const char* id) {
  const auto* s = e.find_stage(id);
  REQUIRE(s != nullptr);
  return *s;
}

} // namespace

TEST_SUITE("track::evaluate_project") {

TEST_CASE("the reference deadlines are the back-scheduled ones") {
  const auto e = evaluate(sample_project(), D("2010-03-02"));
  CHECK(stage(e, "x").state.deadline == D("2010-03-17"));
  CHECK(stage(e, "y").state.deadline == D("2010-03-24"));
  CHECK(stage(e, "z").state.deadline == D("2010-03-24"));
  CHECK(stage(e, "e").state.deadline == D("2010-03-26"));
  CHECK_FALSE(e.has_baseline);
  CHECK(e.planned_energization == D("2010-03-26"));
}

TEST_CASE("a project with room left is on track") {
  auto p = sample_project();
  progress(p, "x", D("2010-03-02"), D("2010-03-08"));
  progress(p, "y", D("2010-03-09"), std::nullopt);
  // y 03-09..03-15, z 03-11..03-15 (not started: after the 03-10 point), e 03-16..03-17.
  const auto e = evaluate(p, D("2010-03-10"));
  CHECK(e.state == ProjectState::on_track);
  CHECK(e.forecast_energization == D("2010-03-17"));
  CHECK(e.slip_days == 0);
  CHECK(yekuo::track::state_word(e.state) == std::string("on_track"));
}

TEST_CASE("an overdue stage with float left makes the project at risk, not late") {
  auto p = sample_project();
  progress(p, "x", D("2010-03-02"), std::nullopt);
  const auto plan = yekuo::schedule::make_plan(p, cal());
  auto ref = yekuo::track::reference_from_plan(p, plan, cal());
  // A baseline that gave x the window Tue 03-02 .. Mon 03-08 (earlier than the latest finish).
  ref.has_baseline = true;
  ref.revision = 1;
  ref.stages[0].start = D("2010-03-02");
  ref.stages[0].start_point = cal().point(D("2010-03-01"));
  ref.stages[0].deadline = D("2010-03-08");
  ref.stages[0].deadline_point = cal().point(D("2010-03-08"));
  ref.stages[0].limit_days = 5;
  // As of Wed 03-10: x is 2 days overdue; forecast x 03-11, y 03-12..03-18, e 03-19, 03-22.
  const auto e = yekuo::track::evaluate_project(p, plan, ref, cal(), {D("2010-03-10"), true, {}});
  CHECK(stage(e, "x").state.status == StageStatus::overdue);
  CHECK(stage(e, "x").state.days_late == 2);
  CHECK(e.forecast_energization == D("2010-03-22"));
  CHECK(e.state == ProjectState::at_risk);
  CHECK(e.has_baseline);
}

TEST_CASE("a forecast after the planned energization makes the project late") {
  auto p = sample_project();
  progress(p, "x", D("2010-03-02"), std::nullopt);
  // As of Thu 03-18 x is still open (deadline 03-17): x 03-19, y 03-22..03-26, e 03-29..03-30.
  const auto e = evaluate(p, D("2010-03-18"));
  CHECK(e.state == ProjectState::late);
  CHECK(e.forecast_energization == D("2010-03-30"));
  CHECK(e.slip_days == 2);
  CHECK(stage(e, "x").driver);
  CHECK(stage(e, "y").driver);
  CHECK(stage(e, "e").driver);
  CHECK_FALSE(stage(e, "z").driver); // z has two more days of float than y
}

TEST_CASE("week flags: due within the next seven days, finished within the last seven") {
  auto p = sample_project();
  progress(p, "x", D("2010-03-02"), D("2010-03-12"));
  progress(p, "y", D("2010-03-15"), std::nullopt);
  const auto e = evaluate(p, D("2010-03-17")); // Wed; the week ahead ends Wed 03-24
  CHECK(stage(e, "x").finished_this_week);     // 03-12 is within 03-11..03-17
  CHECK(stage(e, "y").due_this_week);          // 03-24 == A + 7
  CHECK(stage(e, "z").due_this_week);
  CHECK(stage(e, "z").state.status == StageStatus::not_started);
  CHECK_FALSE(stage(e, "e").due_this_week);    // 03-26
  CHECK(stage(e, "e").state.status == StageStatus::waiting);
  CHECK(stage(e, "x").matters_this_week());
  CHECK(stage(e, "z").matters_this_week());
  CHECK_FALSE(stage(e, "e").matters_this_week());
  // As of Thu 03-18 the window is 03-12..03-18 (A - 6 .. A): still in; on Fri 03-19 it is out.
  CHECK(stage(evaluate(p, D("2010-03-18")), "x").finished_this_week);
  CHECK_FALSE(stage(evaluate(p, D("2010-03-19")), "x").finished_this_week);
}

TEST_CASE("a stage due today matters even if it has not started") {
  auto p = sample_project();
  progress(p, "x", D("2010-03-02"), D("2010-03-05"));
  const auto e = evaluate(p, D("2010-03-24"));
  CHECK(stage(e, "z").state.status == StageStatus::not_started);
  CHECK(stage(e, "z").due_today);
  CHECK_FALSE(stage(e, "z").due_this_week);
  CHECK(stage(e, "z").matters_this_week());
}

TEST_CASE("an energized project has no forecast and drops out") {
  auto p = sample_project();
  progress(p, "x", D("2010-03-02"), D("2010-03-08"));
  progress(p, "y", D("2010-03-09"), D("2010-03-15"));
  progress(p, "z", D("2010-03-09"), D("2010-03-11"));
  progress(p, "e", D("2010-03-16"), D("2010-03-17"));
  const auto e = evaluate(p, D("2010-03-17"));
  CHECK(e.energized);
  CHECK_FALSE(e.has_forecast);
  CHECK_FALSE(evaluate(p, D("2010-03-16")).energized);
}

} // TEST_SUITE

namespace {

StageEvaluation make_stage(const char* dept, StageStatus status, int days_late = 0, bool due_this_week = false) {
  StageEvaluation s;
  s.id = fmt::format("{}-{}", dept, yekuo::track::status_word(status));
  s.name = s.id;
  s.dept = dept;
  s.customer = std::string(dept) == "客户";
  s.state.status = status;
  s.state.days_late = days_late;
  if (yekuo::track::is_done(status)) s.state.finished = D("2010-03-01");
  s.due_this_week = due_this_week;
  return s;
}

} // namespace

TEST_SUITE("track::summarize_departments") {

TEST_CASE("counts per department, departments in the SPEC's order, the customer last") {
  ProjectEvaluation a;
  a.id = "A";
  a.stages = {make_stage("客户", StageStatus::overdue, 4),
              make_stage("发展策划部", StageStatus::done_on_time),
              make_stage("发展策划部", StageStatus::done_late, 2),
              make_stage("发展策划部", StageStatus::done_on_time),
              make_stage("客户服务中心", StageStatus::in_progress, 0, true),
              make_stage("物资部", StageStatus::not_started)};
  ProjectEvaluation b;
  b.id = "B";
  b.stages = {make_stage("客户服务中心", StageStatus::overdue, 1), make_stage("发展策划部", StageStatus::due_soon, 0, true)};
  ProjectEvaluation energized;
  energized.energized = true;
  energized.stages = {make_stage("营销部", StageStatus::done_late, 3)};

  const auto d = yekuo::track::summarize_departments({&a, &b, &energized});
  REQUIRE(d.size() == 4); // no 营销部: energized projects are left out
  CHECK(d[0].dept == "客户服务中心");
  CHECK(d[0].open == 2);
  CHECK(d[0].overdue == 1);
  CHECK(d[0].due_this_week == 1);
  CHECK_FALSE(d[0].on_time_rate().has_value());
  CHECK(d[1].dept == "发展策划部");
  CHECK(d[1].open == 1);
  CHECK(d[1].done_on_time == 2);
  CHECK(d[1].done_late == 1);
  CHECK(d[1].on_time_rate().value() == doctest::Approx(2.0 / 3.0));
  CHECK(d[2].dept == "物资部"); // not in the SPEC's list: after the known ones
  CHECK(d[3].dept == "客户");
  CHECK(d[3].customer);
  CHECK(d[3].overdue == 1);
}

TEST_CASE("the escalation list holds overdue department stages, worst first") {
  ProjectEvaluation a;
  a.id = "A";
  a.stages = {make_stage("客户", StageStatus::overdue, 9), make_stage("基建部", StageStatus::overdue, 2),
              make_stage("基建部", StageStatus::due_soon)};
  ProjectEvaluation b;
  b.id = "B";
  b.stages = {make_stage("配电工区", StageStatus::overdue, 5), make_stage("营销部", StageStatus::overdue, 2)};
  const auto esc = yekuo::track::escalations({&a, &b});
  REQUIRE(esc.size() == 3);
  CHECK(esc[0].project->id == "B");
  CHECK(esc[0].stage->dept == "配电工区");
  CHECK(esc[1].project->id == "A"); // equal lateness: file order
  CHECK(esc[2].stage->dept == "营销部");
}

} // TEST_SUITE

TEST_SUITE("track::evaluate_portfolio") {

TEST_CASE("bad files are recorded and the rest is evaluated, in input order, on several threads") {
  std::vector<std::string> files;
  for (int k = 0; k < 40; ++k) files.push_back(fmt::format("order-{:02}.toml", k));
  files[7] = "bad.toml";
  files[23] = "throws.toml";
  std::atomic<int> calls{0};
  yekuo::track::ProjectLoader loader = [&](const std::string& path, yekuo::calendar::CalendarCache& cache,
                                           yekuo::Diagnostics& diags,
                                           yekuo::calendar::Date) -> std::optional<yekuo::track::TrackedProject> {
    ++calls;
    if (path == "bad.toml") {
      diags.error("unknown-key", {path, 12, 5}, "unknown key 'bogus'");
      return std::nullopt;
    }
    if (path == "throws.toml") throw yekuo::InputError("the project's applied date 1900-01-01 is outside the calendar");
    yekuo::track::TrackedProject t;
    t.project = sample_project();
    t.project.info.id = path;
    if (path == "order-03.toml") {
      progress(t.project, "e", D("2010-03-16"), D("2010-03-17")); // energized (e is the only final stage)
    }
    t.calendar = &cache.get(t.project.calendar);
    t.plan = yekuo::schedule::make_plan(t.project, *t.calendar);
    t.reference = yekuo::track::reference_from_plan(t.project, t.plan, *t.calendar);
    return t;
  };
  yekuo::calendar::CalendarCache cache;
  const auto result = yekuo::track::evaluate_portfolio({files, {}}, {D("2010-03-18"), 4, &cache, loader},
                                                       {D("2010-03-18"), true, {}});
  CHECK(calls == 40);
  REQUIRE(result.files.size() == 40);
  for (std::size_t k = 0; k < files.size(); ++k) {
    CHECK(result.files[k].file == files[k]);
    if (result.files[k].evaluation) CHECK(result.files[k].evaluation->id == files[k]);
  }
  CHECK(result.error_count() == 2);
  REQUIRE(result.files[7].errors.size() == 1);
  CHECK(result.files[7].errors[0].loc.line == 12);
  CHECK(result.files[7].errors[0].loc.column == 5);
  REQUIRE(result.files[23].errors.size() == 1);
  CHECK(result.files[23].errors[0].message.find("outside the calendar") != std::string::npos);
  CHECK(result.files[23].errors[0].code == "unusable-input");
  CHECK(result.energized_count() == 1);
  CHECK(result.active().size() == 37);
  // As of 03-18 nothing has started: x (deadline 03-17) is overdue in every active order.
  CHECK(result.any_overdue());
}

TEST_CASE("an internal error is not swallowed as a bad file") {
  yekuo::track::ProjectLoader loader = [](const std::string&, yekuo::calendar::CalendarCache&,
                                          yekuo::Diagnostics&,
                                          yekuo::calendar::Date) -> std::optional<yekuo::track::TrackedProject> {
    throw yekuo::InternalError("bug");
  };
  yekuo::calendar::CalendarCache cache;
  CHECK_THROWS_AS((void)yekuo::track::evaluate_portfolio({{"a.toml", "b.toml"}, {}}, {D("2010-03-18"), 2, &cache, loader},
                                                         {D("2010-03-18"), true, {}}),
                  yekuo::InternalError);
}

} // TEST_SUITE
