#include "xlsx_value.hpp"

#include <yekuo/report/labels.hpp>

#include <charconv>
#include <optional>

namespace yekuo::render::detail {

namespace {

constexpr std::size_t k_iso_length = 10; // YYYY-MM-DD

std::optional<XlsxValue> date_in(std::string_view text) {
  if (text.size() < k_iso_length) return std::nullopt;
  const auto date = calendar::Date::parse_iso(text.substr(0, k_iso_length));
  if (!date) return std::nullopt;
  const std::string_view rest = text.substr(k_iso_length);
  if (rest.empty()) return XlsxValue{XlsxValue::Kind::date, *date, 0};
  // Only the date's own weekday: a text with another one says something a date cell would not.
  for (const auto lang : {report::Lang::zh, report::Lang::en})
    if (rest == " " + report::weekday_name(lang, *date)) return XlsxValue{XlsxValue::Kind::date_weekday, *date, 0};
  return std::nullopt;
}

// Up to 15 digits: a double holds them exactly, and Excel shows no more.
constexpr std::size_t k_max_digits = 15;

std::optional<XlsxValue> integer_in(std::string_view text) {
  const std::string_view digits = text.starts_with('-') ? text.substr(1) : text;
  if (digits.empty() || digits.size() > k_max_digits) return std::nullopt;
  if (digits.size() > 1 && digits.front() == '0') return std::nullopt;
  long long n = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
  if (ec != std::errc{} || end != text.data() + text.size()) return std::nullopt;
  return XlsxValue{XlsxValue::Kind::number, {}, static_cast<double>(n)};
}

} // namespace

XlsxValue xlsx_value(const report::Cell& cell) {
  if (cell.number) return XlsxValue{XlsxValue::Kind::number, {}, *cell.number};
  if (cell.date) {
    const auto shown = date_in(cell.text);
    const bool weekday = shown && shown->kind == XlsxValue::Kind::date_weekday;
    return XlsxValue{weekday ? XlsxValue::Kind::date_weekday : XlsxValue::Kind::date, *cell.date, 0};
  }
  if (auto d = date_in(cell.text)) return *d;
  if (auto n = integer_in(cell.text)) return *n;
  return {};
}

} // namespace yekuo::render::detail
