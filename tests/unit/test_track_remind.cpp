// The daily reminder list: due_soon and overdue stages, grouped by department.
#include "doctest_printers.hpp"

#include <yekuo/track/remind.hpp>

using yekuo::track::ProjectEvaluation;
using yekuo::track::StageEvaluation;
using yekuo::track::StageStatus;

namespace {

StageEvaluation make_stage(const char* id, const char* dept, StageStatus status, int days_late = 0) {
  StageEvaluation s;
  s.id = id;
  s.name = id;
  s.dept = dept;
  s.customer = std::string(dept) == "客户";
  s.state.status = status;
  s.state.days_late = days_late;
  return s;
}

} // namespace

TEST_SUITE("track::reminders") {

TEST_CASE("only due-soon and overdue stages, grouped by department, overdue first") {
  ProjectEvaluation a;
  a.id = "A";
  a.customer_manager = "王工";
  a.stages = {make_stage("a1", "基建部", StageStatus::due_soon), make_stage("a2", "基建部", StageStatus::overdue, 1),
              make_stage("a3", "客户", StageStatus::overdue, 6), make_stage("a4", "客户服务中心", StageStatus::in_progress),
              make_stage("a5", "客户服务中心", StageStatus::done_late, 3)};
  ProjectEvaluation b;
  b.id = "B";
  b.stages = {make_stage("b1", "基建部", StageStatus::overdue, 4), make_stage("b2", "客户服务中心", StageStatus::due_soon),
              make_stage("b3", "发展策划部", StageStatus::waiting)};
  ProjectEvaluation done;
  done.energized = true;
  done.stages = {make_stage("c1", "营销部", StageStatus::overdue, 9)};

  const auto groups = yekuo::track::reminders({&a, &b, &done});
  REQUIRE(groups.size() == 3);
  CHECK(groups[0].dept == "客户服务中心");
  REQUIRE(groups[0].items.size() == 1);
  CHECK(groups[0].items[0].stage->id == "b2");
  CHECK(groups[1].dept == "基建部");
  REQUIRE(groups[1].items.size() == 3);
  CHECK(groups[1].items[0].stage->id == "b1"); // 4 days late
  CHECK(groups[1].items[1].stage->id == "a2"); // 1 day late
  CHECK(groups[1].items[2].stage->id == "a1"); // due soon
  CHECK(groups[1].items[1].project->customer_manager == "王工");
  CHECK(groups[2].customer);
  CHECK(groups[2].items[0].stage->id == "a3");
  CHECK(yekuo::track::reminder_count(groups) == 5);
}

TEST_CASE("nothing to chase gives no groups") {
  ProjectEvaluation a;
  a.stages = {make_stage("a1", "基建部", StageStatus::in_progress), make_stage("a2", "客户", StageStatus::done_on_time)};
  CHECK(yekuo::track::reminders({&a}).empty());
}

} // TEST_SUITE
