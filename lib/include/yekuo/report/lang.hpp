#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace yekuo::report {

// Labels default to Chinese; `--lang en` gives English.
enum class Lang { zh, en };

// "zh" or "en", case-insensitive; nullopt for anything else.
[[nodiscard]] std::optional<Lang> parse_lang(std::string_view name);

// How joined labels are separated: a list of names ("、" / ", ") or of clauses ("；" / "; ").
// Chinese text takes full-width punctuation, English text ASCII punctuation.
enum class Separator { list, clauses };

[[nodiscard]] std::string_view separator(Lang lang, Separator kind);
[[nodiscard]] std::string join(Lang lang, const std::vector<std::string>& items, Separator kind);

} // namespace yekuo::report
