#pragma once
// Dates in unit tests, written as text: D("2010-01-11"). A mistyped literal ("2010-02-30") throws,
// naming it, so the test that wrote it fails with that message; it works at namespace scope too.
#include <yekuo/calendar/date.hpp>

#include <stdexcept>
#include <string>
#include <string_view>

inline yekuo::calendar::Date D(std::string_view iso) {
  if (const auto d = yekuo::calendar::Date::parse_iso(iso)) return *d;
  throw std::invalid_argument("D(\"" + std::string(iso) + "\"): not a date written as YYYY-MM-DD");
}
