#include <yekuo/calendar/cn_holidays.hpp>

#include <array>
#include <cstring>
#include <string_view>

namespace yekuo::calendar {

namespace {
constexpr OfficialDay k_days[] = {
#include <yekuo/cn_holidays_data.inc>
};
} // namespace

std::span<const OfficialDay> official_days() { return k_days; }
int first_official_year() { return k_days[0].year; }
int last_official_year() { return k_days[std::size(k_days) - 1].year; }

const char* holiday_name_zh(const char* english) {
  struct Pair {
    std::string_view en;
    const char* zh;
  };
  static constexpr std::array k_names{
      Pair{"New Year", "元旦"},
      Pair{"Spring Festival", "春节"},
      Pair{"Tomb-Sweeping Day", "清明节"},
      Pair{"Labour Day", "劳动节"},
      Pair{"Dragon Boat Festival", "端午节"},
      Pair{"Mid-Autumn Festival", "中秋节"},
      Pair{"National Day", "国庆节"},
      Pair{"Mid-Autumn Festival and National Day", "中秋节、国庆节"},
      Pair{"War of Resistance Victory 70th Anniversary", "抗战胜利70周年纪念日"},
  };
  for (const auto& p : k_names)
    if (p.en == english) return p.zh;
  return english;
}

} // namespace yekuo::calendar
