// The 95598 revisit rule: within one calendar month after energization (docs/assessment.md).
#include "doctest_printers.hpp"
#include "test_dates.hpp"

#include <yekuo/track/revisit.hpp>

using yekuo::calendar::Date;
namespace track = yekuo::track;

namespace {

std::optional<yekuo::model::Revisit> visit(const char* date, std::optional<bool> satisfied) {
  yekuo::model::Revisit r;
  if (date) r.date = D(date);
  r.satisfied = satisfied;
  r.issues = {"送电后电压偏低"};
  return r;
}
} // namespace

TEST_SUITE("track::revisit") {

TEST_CASE("the deadline is one calendar month later, clamped to the end of a shorter month") {
  CHECK(track::revisit_deadline(D("2010-05-28")) == D("2010-06-28"));
  CHECK(track::revisit_deadline(D("2010-01-31")) == D("2010-02-28"));
  CHECK(track::revisit_deadline(D("2012-01-31")) == D("2012-02-29")); // leap year
  CHECK(track::revisit_deadline(D("2010-03-31")) == D("2010-04-30"));
  CHECK(track::revisit_deadline(D("2010-12-31")) == D("2011-01-31"));
}

TEST_CASE("a revisit on the deadline is in time, the day after is late") {
  const auto on = track::assess_revisit(visit("2010-02-28", true), D("2010-01-31"), D("2010-12-31"));
  CHECK(on.status == track::RevisitStatus::ok);
  CHECK_FALSE(on.late);
  const auto after = track::assess_revisit(visit("2010-03-01", true), D("2010-01-31"), D("2010-12-31"));
  CHECK(after.status == track::RevisitStatus::late);
  CHECK(after.late);
  CHECK(std::string(track::revisit_status_name(after.status)) == "late");
  // 2012 is a leap year: 02-29 is still in time.
  CHECK(track::assess_revisit(visit("2012-02-29", true), D("2012-01-31"), D("2012-12-31")).status ==
        track::RevisitStatus::ok);
  CHECK(track::assess_revisit(visit("2012-03-01", true), D("2012-01-31"), D("2012-12-31")).status ==
        track::RevisitStatus::late);
}

TEST_CASE("a missing revisit is missing only once the deadline has passed") {
  const std::optional<yekuo::model::Revisit> none;
  CHECK(track::assess_revisit(none, D("2010-01-31"), D("2010-02-28")).status == track::RevisitStatus::not_due);
  CHECK(track::assess_revisit(none, D("2010-01-31"), D("2010-03-01")).status == track::RevisitStatus::missing);
  // A [revisit] table without a date is not a revisit either.
  CHECK(track::assess_revisit(visit(nullptr, true), D("2010-01-31"), D("2010-03-01")).status ==
        track::RevisitStatus::missing);
  CHECK(std::string(track::revisit_status_name(track::RevisitStatus::not_due)) == "not_due");
}

TEST_CASE("a dissatisfied revisit is reported with its issues, and lateness stays visible") {
  const auto in_time = track::assess_revisit(visit("2010-02-10", false), D("2010-01-31"), D("2010-12-31"));
  CHECK(in_time.status == track::RevisitStatus::dissatisfied);
  CHECK_FALSE(in_time.late);
  REQUIRE(in_time.issues.size() == 1);
  CHECK(in_time.needs_attention());
  const auto late = track::assess_revisit(visit("2010-03-10", false), D("2010-01-31"), D("2010-12-31"));
  CHECK(late.status == track::RevisitStatus::dissatisfied);
  CHECK(late.late);
  // Satisfaction not recorded: not taken as dissatisfied.
  CHECK(track::assess_revisit(visit("2010-02-10", std::nullopt), D("2010-01-31"), D("2010-12-31")).status ==
        track::RevisitStatus::ok);
}

} // TEST_SUITE

TEST_SUITE("track::inspection") {

namespace {
std::optional<yekuo::model::Inspection> inspect(const char* date, const char* result) {
  yekuo::model::Inspection in;
  if (date) in.date = D(date);
  in.result = result;
  in.note = "计量箱封印缺失";
  return in;
}
} // namespace

TEST_CASE("the inspection has the revisit's deadline; issues win over late") {
  // Energized Fri 2010-05-28: due Mon 2010-06-28 (one calendar month).
  const Date e = D("2010-05-28");
  const auto ok = track::assess_inspection(inspect("2010-06-28", "ok"), e, D("2010-12-31"));
  CHECK(ok.status == track::InspectionStatus::ok);
  CHECK(ok.deadline == D("2010-06-28"));
  CHECK_FALSE(ok.late);
  const auto late = track::assess_inspection(inspect("2010-06-29", "ok"), e, D("2010-12-31"));
  CHECK(late.status == track::InspectionStatus::late);
  CHECK(late.late);
  const auto issues = track::assess_inspection(inspect("2010-06-29", "issues"), e, D("2010-12-31"));
  CHECK(issues.status == track::InspectionStatus::issues);
  CHECK(issues.late);
  CHECK(issues.note == "计量箱封印缺失");
  CHECK(std::string(track::inspection_status_name(issues.status)) == "issues");
  CHECK(issues.needs_attention());
  // No date: not due on the deadline itself, missing the day after.
  CHECK(track::assess_inspection(std::nullopt, e, D("2010-06-28")).status == track::InspectionStatus::not_due);
  CHECK(track::assess_inspection(std::nullopt, e, D("2010-06-29")).status == track::InspectionStatus::missing);
  CHECK(track::assess_inspection(inspect(nullptr, ""), e, D("2010-06-29")).status == track::InspectionStatus::missing);
}

} // TEST_SUITE
