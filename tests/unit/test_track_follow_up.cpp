// Follow-up after energization (回访预警, 回头看; track/follow_up.hpp, docs/tracking.md): the revisit and the
// inspection are both due one calendar month after energization; due_soon on the working day before.
#include "doctest_printers.hpp"
#include "test_dates.hpp"

#include <yekuo/track/follow_up.hpp>

using yekuo::calendar::Date;
using yekuo::calendar::WorkingCalendar;
namespace track = yekuo::track;
namespace model = yekuo::model;

namespace {
const WorkingCalendar& cal() { return WorkingCalendar::china(); }

// Energized Tue 2026-09-08: both follow-ups are due Thu 2026-10-08 (one calendar month). National Day
// 2026 is 10-01 .. 10-07, so the working day before 10-08 is Wed 09-30.
const Date k_energized = D("2026-09-08");

std::vector<track::FollowUpStatus> statuses(const model::Project& p, const char* as_of) {
  std::vector<track::FollowUpStatus> out;
  for (const auto& f : track::follow_ups(p, k_energized, cal(), D(as_of))) out.push_back(f.status);
  return out;
}
} // namespace

TEST_SUITE("track::follow_ups") {

TEST_CASE("both follow-ups are listed, revisit first, due one calendar month after energization") {
  const model::Project p;
  const auto list = track::follow_ups(p, k_energized, cal(), D("2026-09-10"));
  REQUIRE(list.size() == 2);
  CHECK(list[0].kind == track::FollowUpKind::revisit);
  CHECK(list[1].kind == track::FollowUpKind::inspection);
  CHECK(list[0].deadline == D("2026-10-08"));
  CHECK(list[1].deadline == D("2026-10-08"));
  CHECK(list[0].energized == k_energized);
  CHECK(std::string(track::follow_up_kind_word(list[1].kind)) == "inspection");
}

TEST_CASE("due_soon when the deadline is the next working day, across the National Day holiday") {
  const model::Project p;
  using S = track::FollowUpStatus;
  // Tue 09-29: the next working day is Wed 09-30, before the deadline: open.
  CHECK(statuses(p, "2026-09-29") == std::vector<S>{S::open, S::open});
  // Wed 09-30: the next working day is Thu 10-08 (10-01 .. 10-07 off), the deadline: due_soon.
  CHECK(statuses(p, "2026-09-30") == std::vector<S>{S::due_soon, S::due_soon});
  // Sat 10-03, a holiday: the next working day is still 10-08.
  CHECK(statuses(p, "2026-10-03") == std::vector<S>{S::due_soon, S::due_soon});
  // Thu 10-08, the deadline itself: neither due_soon nor overdue (as for stages).
  CHECK(statuses(p, "2026-10-08") == std::vector<S>{S::open, S::open});
  // Fri 10-09: one day past the deadline.
  CHECK(statuses(p, "2026-10-09") == std::vector<S>{S::overdue, S::overdue});
  CHECK(std::string(track::follow_up_status_word(S::due_soon)) == "due_soon");
}

TEST_CASE("a recorded revisit or inspection leaves the list once its date is known") {
  model::Project p;
  p.revisit = model::Revisit{};
  p.revisit->date = D("2026-09-20");
  p.inspection = model::Inspection{};
  p.inspection->date = D("2026-10-12");
  p.inspection->result = "ok";
  // As of 09-25: revisited (09-20), not inspected yet (10-12 is later): the inspection only.
  auto list = track::follow_ups(p, k_energized, cal(), D("2026-09-25"));
  REQUIRE(list.size() == 1);
  CHECK(list[0].kind == track::FollowUpKind::inspection);
  CHECK(list[0].status == track::FollowUpStatus::open);
  // As of 10-12 both are recorded: nothing to follow up (the inspection was late; assess says so).
  CHECK(track::follow_ups(p, k_energized, cal(), D("2026-10-12")).empty());
}

} // TEST_SUITE
