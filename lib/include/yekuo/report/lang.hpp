#pragma once
#include <optional>
#include <string_view>

namespace yekuo::report {

// Labels default to Chinese; `--lang en` gives English.
enum class Lang { zh, en };

[[nodiscard]] std::optional<Lang> parse_lang(std::string_view name);

} // namespace yekuo::report
