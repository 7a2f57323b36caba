#pragma once
// Label catalogue helpers: every user-facing label is written once in Chinese and once in
// English at the place it is used, and picked by the report's language.
#include <yekuo/calendar/date.hpp>
#include <yekuo/report/lang.hpp>
#include <yekuo/track/follow_up.hpp>

#include <string>
#include <string_view>

namespace yekuo::report {

[[nodiscard]] inline std::string tr(Lang lang, std::string_view zh, std::string_view en) {
  return std::string(lang == Lang::zh ? zh : en);
}

[[nodiscard]] std::string yes_no(Lang lang, bool value);
// "2010-01-12 周二" / "2010-01-12 Tue"
[[nodiscard]] std::string date_with_weekday(Lang lang, calendar::Date d);
[[nodiscard]] std::string weekday_name(Lang lang, calendar::Date d);
// 95598 回访 / 回头看 (en: 95598 revisit / follow-up inspection)
[[nodiscard]] std::string follow_up_label(Lang lang, track::FollowUpKind kind);
// "48000 kVA", "110 kV": integers without a decimal point, others with up to 2 decimals.
[[nodiscard]] std::string format_quantity(double value, std::string_view unit);

} // namespace yekuo::report
