#include <yekuo/report/labels.hpp>

#include <cmath>
#include <fmt/format.h>

namespace yekuo::report {

std::string yes_no(Lang lang, bool value) { return value ? tr(lang, "是", "yes") : tr(lang, "否", "no"); }

std::string weekday_name(Lang lang, calendar::Date d) {
  static constexpr const char* k_zh[] = {"周一", "周二", "周三", "周四", "周五", "周六", "周日"};
  static constexpr const char* k_en[] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
  const auto w = static_cast<std::size_t>(d.weekday());
  return lang == Lang::zh ? k_zh[w] : k_en[w];
}

std::string date_with_weekday(Lang lang, calendar::Date d) { return fmt::format("{} {}", d.iso(), weekday_name(lang, d)); }

std::string follow_up_label(Lang lang, track::FollowUpKind kind) {
  return kind == track::FollowUpKind::revisit ? tr(lang, "95598 回访", "95598 revisit")
                                              : tr(lang, "回头看", "follow-up inspection");
}

std::string format_quantity(double value, std::string_view unit) {
  if (std::isfinite(value) && std::fabs(value - std::round(value)) < 1e-9 && std::fabs(value) < 1e15)
    return fmt::format("{} {}", static_cast<long long>(std::llround(value)), unit);
  return fmt::format("{:.2f} {}", value, unit);
}

} // namespace yekuo::report
