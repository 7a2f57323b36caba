#include <yekuo/util/spellcheck.hpp>

#include <doctest/doctest.h>

using namespace yekuo;

TEST_SUITE("util::spellcheck") {

TEST_CASE("edit distance counts insertions, deletions, substitutions and swaps") {
  CHECK(edit_distance("", "") == 0);
  CHECK(edit_distance("days", "days") == 0);
  CHECK(edit_distance("", "abc") == 3);
  CHECK(edit_distance("negotate", "negotiate") == 1); // insertion
  CHECK(edit_distance("dayz", "days") == 1);          // substitution
  CHECK(edit_distance("dyas", "days") == 1);          // neighbours swapped
  CHECK(edit_distance("kitten", "sitting") == 3);
}

TEST_CASE("edit distance counts a Chinese character as one") {
  CHECK(edit_distance("客服中心", "客户中心") == 1);
  CHECK(edit_distance("营销部", "营销") == 1);
}

TEST_CASE("the closest candidate within reach is suggested") {
  const std::vector<std::string_view> keys{"days", "calendar_days", "min_days", "after", "dept"};
  CHECK(closest_match("dayz", keys) == std::optional<std::string>("days"));
  CHECK(closest_match("afetr", keys) == std::optional<std::string>("after"));
  CHECK(closest_match("calender_days", keys) == std::optional<std::string>("calendar_days"));
}

TEST_CASE("nothing is suggested for a word far from every candidate or for an exact match") {
  const std::vector<std::string_view> keys{"days", "after"};
  CHECK_FALSE(closest_match("reason", keys).has_value());
  CHECK_FALSE(closest_match("days", keys).has_value());
  CHECK_FALSE(closest_match("x", {"y"}).has_value()); // one edit, but the whole word
  CHECK_FALSE(closest_match("abc", {}).has_value());
}

TEST_CASE("did_you_mean formats the suggestion or nothing") {
  CHECK(did_you_mean("negotate", {"negotiate", "plan_reply"}) == " (did you mean \"negotiate\"?)");
  CHECK(did_you_mean("zzz", {"negotiate"}).empty());
}

}
