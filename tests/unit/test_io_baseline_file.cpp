#include "doctest_printers.hpp"
#include "test_dates.hpp"

#include <yekuo/io/baseline_file.hpp>

using yekuo::calendar::Date;

namespace {

yekuo::model::Baseline sample() {
  yekuo::model::Baseline b;
  b.project_id = "WX-2010-0117";
  yekuo::model::BaselineRevision r;
  r.number = 1;
  r.confirmed = D("2010-01-18");
  r.reason = "初次确认 \"quoted\"\nsecond line";
  r.applied = D("2010-01-11");
  r.target = D("2010-05-31");
  r.planned_energization = D("2010-05-31");
  r.stages.push_back({"negotiate", "客户商谈", "客户服务中心", false, yekuo::model::DurationUnit::working_days, 5, 5,
                      D("2010-01-12"), D("2010-01-18")});
  r.stages.push_back({"civil", "土建", "客户", true, yekuo::model::DurationUnit::calendar_days, 50, 35,
                      D("2010-02-01"), D("2010-03-22")});
  b.revisions.push_back(r);
  r.number = 2;
  r.reason = "客户要求延后";
  r.target = D("2010-06-30");
  b.revisions.push_back(r);
  return b;
}
} // namespace

TEST_SUITE("io::baseline_file") {
TEST_CASE("the baseline path sits next to the project file") {
  CHECK(yekuo::io::baseline_path_for("orders/wx.toml") == "orders/wx.baseline.toml");
  CHECK(yekuo::io::baseline_path_for("wx") == "wx.baseline.toml");
}

TEST_CASE("a baseline survives a write and a read unchanged") {
  const auto b = sample();
  const std::string text = yekuo::io::serialize_baseline(b);
  yekuo::Diagnostics diags;
  const auto loaded = yekuo::io::parse_baseline(text, "x.baseline.toml", diags);
  REQUIRE(loaded.status == yekuo::io::BaselineStatus::loaded);
  CHECK(diags.empty());
  const auto& got = loaded.baseline;
  CHECK(got.project_id == b.project_id);
  REQUIRE(got.revisions.size() == 2);
  CHECK(got.current().number == 2);
  CHECK(got.current().target == D("2010-06-30"));
  CHECK(got.revisions[0].reason == b.revisions[0].reason);
  REQUIRE(got.revisions[0].stages.size() == 2);
  const auto& civil = got.revisions[0].stages[1];
  CHECK(civil.unit == yekuo::model::DurationUnit::calendar_days);
  CHECK(civil.duration == 50);
  CHECK(civil.limit_days == 35);
  CHECK(civil.customer);
  CHECK(civil.deadline == D("2010-03-22"));
  CHECK(got.revisions[0].find_stage("civil") == 1);
}

TEST_CASE("a damaged baseline is reported with its position, not guessed") {
  yekuo::Diagnostics diags;
  const auto loaded = yekuo::io::parse_baseline("schema = 1\nproject = \"x\"\n[[revision]]\nnumber = \"one\"\n",
                                                "b.baseline.toml", diags);
  CHECK(loaded.status == yekuo::io::BaselineStatus::invalid);
  REQUIRE(diags.has_errors());
  CHECK(diags.items()[0].loc.line == 4);
  yekuo::Diagnostics d2;
  CHECK(yekuo::io::parse_baseline("schema = [", "c.baseline.toml", d2).status == yekuo::io::BaselineStatus::invalid);
  CHECK(d2.has_errors());
}
}
