#pragma once
// The small order of the tracking tests (test_track_evaluate.cpp, test_track_confirm.cpp), applied
// Mon 2010-03-01 with target Fri 2010-03-26 (March 2010 has no holidays):
//   x (客户服务中心, 5) -> y (发展策划部, 5) -> e (客户服务中心, 2)
//                      -> z (客户, 3)       ->
// Back-scheduled from 03-26: e 03-25..03-26; y 03-18..03-24; z 03-22..03-24; x 03-11..03-17.
#include "test_dates.hpp"

#include <yekuo/model/project.hpp>

#include <string>
#include <vector>

inline yekuo::model::Project sample_project() {
  yekuo::model::Project p;
  p.file = "sample.toml";
  p.info.id = "T-1";
  p.info.name = "sample";
  p.info.customer_manager = "王工";
  p.info.applied = D("2010-03-01");
  p.info.target = D("2010-03-26");
  auto add = [&](const char* id, const char* dept, int days, std::vector<const char*> after) {
    yekuo::model::Stage st;
    st.id = id;
    st.name = id;
    st.dept = dept;
    st.customer = std::string(dept) == "客户";
    st.duration = days;
    for (const char* a : after) st.after.push_back({a, p.find_stage(a), yekuo::model::DepType::fs, 0, {}});
    p.stages.push_back(st);
  };
  add("x", "客户服务中心", 5, {});
  add("y", "发展策划部", 5, {"x"});
  add("z", "客户", 3, {"x"});
  add("e", "客户服务中心", 2, {"y", "z"});
  return p;
}
