#pragma once
// A guard in front of toml++: it limits the nesting of arrays and inline tables, but not of
// dotted keys, and a key like a.a.a.(100,000 times) makes its recursive code overflow the
// stack. This lexical scan finds the first key nested deeper than a limit before toml++ sees
// the text. It follows TOML's strings and comments, so it is exact for valid TOML; on
// malformed text it may miss (toml++ then reports the syntax error) but never crashes.
#include <yekuo/util/diagnostic.hpp>

#include <optional>
#include <string_view>

namespace yekuo::io::detail {

// Far deeper than any project file (they use 1-3 levels), far shallower than what exhausts a
// thread's stack in toml++ (tens of thousands of levels, fewer under AddressSanitizer).
inline constexpr int k_max_key_depth = 128;

// The position (1-based line, column in code points) of the first key whose table depth,
// counting table headers, dotted keys and enclosing inline tables, exceeds `max_depth`.
// `text` must be valid UTF-8.
[[nodiscard]] std::optional<SourceLoc> find_too_deep_key(std::string_view text, int max_depth = k_max_key_depth);

} // namespace yekuo::io::detail
