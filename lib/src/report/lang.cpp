#include <yekuo/report/lang.hpp>

namespace yekuo::report {

std::optional<Lang> parse_lang(std::string_view n) {
  if (n == "zh" || n == "zh-CN" || n == "cn") return Lang::zh;
  if (n == "en") return Lang::en;
  return std::nullopt;
}

} // namespace yekuo::report
