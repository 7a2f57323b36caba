// The escalation ladder (docs/tracking.md#the-escalation-ladder): level = min(3, max(1 + unresolved
// coordinations, 2 when >= director_days working days overdue, 3 when >= deputy_days)).
#include "doctest_printers.hpp"

#include <yekuo/track/evaluate.hpp>

namespace track = yekuo::track;
using yekuo::model::EscalationThresholds;

TEST_SUITE("track::escalation_level") {

TEST_CASE("days overdue climb the ladder at 5 and 10 working days by default") {
  const EscalationThresholds t;
  CHECK(track::escalation_level(0, 1, t) == 1);
  CHECK(track::escalation_level(0, 4, t) == 1);
  CHECK(track::escalation_level(0, 5, t) == 2);
  CHECK(track::escalation_level(0, 9, t) == 2);
  CHECK(track::escalation_level(0, 10, t) == 3);
  CHECK(track::escalation_level(0, 40, t) == 3);
}

TEST_CASE("each unresolved coordination raises the level by one, at most 3") {
  const EscalationThresholds t;
  CHECK(track::escalation_level(1, 3, t) == 2);  // 1 + 1
  CHECK(track::escalation_level(2, 3, t) == 3);  // 1 + 2
  CHECK(track::escalation_level(5, 3, t) == 3);  // capped
  CHECK(track::escalation_level(1, 10, t) == 3); // days already at 3
  CHECK(track::escalation_level(1, 6, t) == 2);  // max(2, 2)
}

TEST_CASE("the organization's thresholds replace 5 and 10") {
  const EscalationThresholds t{3, 5};
  CHECK(track::escalation_level(0, 2, t) == 1);
  CHECK(track::escalation_level(0, 3, t) == 2);
  CHECK(track::escalation_level(0, 5, t) == 3);
  CHECK(std::string(track::escalation_level_word(1)) == "customer_manager");
  CHECK(std::string(track::escalation_level_word(2)) == "director");
  CHECK(std::string(track::escalation_level_word(3)) == "deputy_general_manager");
}

} // TEST_SUITE
