#pragma once
// What an xlsx cell holds (private to lib/src/render): the typed value a report builder gave
// (Cell::date, Cell::number), or one recognised in the text, or the text itself. Excel can then
// sort, filter and compute on dates and counts instead of treating them as text.
#include "common.hpp"

#include <yekuo/calendar/date.hpp>

namespace yekuo::render::detail {

struct XlsxValue {
  enum class Kind { text, date, date_weekday, number };
  Kind kind = Kind::text;
  calendar::Date date = {};
  double number = 0;
};

// Recognised in the text: an ISO date ("2010-01-11"), an ISO date followed by its own weekday in
// either language ("2010-01-11 周一", "2010-01-11 Mon": shown with the weekday again), a plain
// integer of at most 15 digits without a leading zero ("0012" stays text: an identifier).
[[nodiscard]] XlsxValue xlsx_value(const report::Cell& cell);

} // namespace yekuo::render::detail
