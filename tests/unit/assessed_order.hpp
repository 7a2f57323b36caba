#pragma once
// An order built in code for the assessment tests (test_track_assess.cpp, test_track_ruling.cpp):
// its plan reference written stage by stage, as a confirmed baseline (revision 1) would give it,
// then what happened (progress, customer delays, rulings).
#include "test_dates.hpp"

#include <yekuo/track/assess.hpp>

#include <string>
#include <utility>
#include <vector>

namespace assess_test {

struct Order {
  yekuo::model::Project p;
  yekuo::track::PlanReference ref;
  const yekuo::calendar::WorkingCalendar& cal = yekuo::calendar::WorkingCalendar::china();

  explicit Order(const char* applied, const char* planned_energization = "2010-05-31") {
    p.file = "order.toml";
    p.info.id = "T-1";
    p.info.applied = D(applied);
    p.info.target = D(planned_energization);
    ref.has_baseline = true;
    ref.revision = 1;
    ref.planned_energization = D(planned_energization);
    ref.start_point = cal.point(p.info.applied);
  }

  // A stage planned to occupy start..deadline with `limit` working days.
  std::size_t stage(const char* id, const char* dept, const char* start, const char* deadline, int limit,
                    std::vector<yekuo::model::Dependency> after = {}) {
    yekuo::model::Stage s;
    s.id = id;
    s.name = std::string("stage ") + id;
    s.dept = dept;
    s.customer = std::string(dept) == yekuo::model::k_customer_dept;
    s.duration = limit;
    for (auto& d : after) d.pred = p.find_stage(d.stage);
    s.after = std::move(after);
    p.stages.push_back(s);
    yekuo::track::StageReference r;
    r.from_baseline = true;
    r.start = D(start);
    r.deadline = D(deadline);
    r.start_point = yekuo::track::start_point_of(r.start, limit == 0, cal);
    r.deadline_point = cal.point(r.deadline);
    r.limit_days = limit;
    ref.stages.push_back(r);
    return p.stages.size() - 1;
  }

  void actual(const char* id, const char* started, const char* finished) {
    yekuo::model::Progress pr;
    pr.stage = id;
    pr.index = p.find_stage(id);
    if (started) pr.started = D(started);
    if (finished) pr.finished = D(finished);
    p.progress.push_back(pr);
  }

  void delay(const char* id, const char* from, const char* to, const char* reported) {
    yekuo::model::Delay d;
    d.stage = id;
    d.index = p.find_stage(id);
    d.from = D(from);
    d.to = D(to);
    d.reason = "客户原因";
    if (reported) d.reported = D(reported);
    p.delays.push_back(d);
  }

  void ruling(const char* stage, yekuo::model::RulingDecision decision, const char* date, const char* by = "营销部") {
    yekuo::model::Ruling r;
    r.stage = stage;
    r.index = p.find_stage(stage);
    r.decision = decision;
    r.date = D(date);
    r.by = by;
    r.reason = "reason";
    p.rulings.push_back(r);
  }

  [[nodiscard]] yekuo::track::ProjectAssessment assess(const char* as_of = "2010-12-31") const {
    return yekuo::track::assess_project(p, ref, cal, D(as_of));
  }
};

inline yekuo::model::Dependency dep(const char* pred, yekuo::model::DepType type = yekuo::model::DepType::fs,
                                    int lag = 0) {
  yekuo::model::Dependency d;
  d.stage = pred;
  d.type = type;
  d.lag = lag;
  return d;
}

} // namespace assess_test
