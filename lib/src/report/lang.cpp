#include <yekuo/report/lang.hpp>

#include <algorithm>
#include <cctype>

namespace yekuo::report {

std::optional<Lang> parse_lang(std::string_view name) {
  std::string n(name);
  std::transform(n.begin(), n.end(), n.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (n == "zh") return Lang::zh;
  if (n == "en") return Lang::en;
  return std::nullopt;
}

std::string_view separator(Lang lang, Separator kind) {
  if (kind == Separator::list) return lang == Lang::zh ? "、" : ", ";
  return lang == Lang::zh ? "；" : "; ";
}

std::string join(Lang lang, const std::vector<std::string>& items, Separator kind) {
  std::string out;
  for (std::size_t k = 0; k < items.size(); ++k) {
    if (k > 0) out += separator(lang, kind);
    out += items[k];
  }
  return out;
}

} // namespace yekuo::report
