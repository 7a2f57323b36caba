#pragma once
// "Did you mean" suggestions for misspelt keys, stage ids and departments.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace yekuo {

// Optimal-string-alignment distance (insert, delete, substitute, swap two neighbours),
// counted in Unicode code points so that a mistyped Chinese character costs 1.
[[nodiscard]] std::size_t edit_distance(std::string_view a, std::string_view b);

// The candidate closest to `word`, if it is close enough to be a likely typo: at most
// max(1, length/3) edits and fewer edits than the word has characters. Ties go to the
// earliest candidate. An exact match is never suggested.
[[nodiscard]] std::optional<std::string> closest_match(std::string_view word,
                                                       const std::vector<std::string_view>& candidates);

// " (did you mean \"x\"?)" or "" when nothing is close.
[[nodiscard]] std::string did_you_mean(std::string_view word, const std::vector<std::string_view>& candidates);

} // namespace yekuo
