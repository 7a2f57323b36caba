#pragma once
// Makes doctest print dates as ISO strings in failed checks.
#include <yekuo/calendar/date.hpp>

#include <doctest/doctest.h>

namespace doctest {
template <> struct StringMaker<yekuo::calendar::Date> {
  static String convert(const yekuo::calendar::Date& d) { return d.iso().c_str(); }
};
} // namespace doctest
