#include <yekuo/util/spellcheck.hpp>

#include <algorithm>
#include <fmt/format.h>

namespace yekuo {

namespace {

// Splits UTF-8 into code points; a byte that does not start a valid sequence counts as one.
std::vector<char32_t> code_points(std::string_view s) {
  std::vector<char32_t> out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    const auto b = static_cast<unsigned char>(s[i]);
    std::size_t len = 1;
    char32_t cp = b;
    if (b >= 0xF0 && b < 0xF8) {
      len = 4;
      cp = b & 0x07u;
    } else if (b >= 0xE0) {
      len = 3;
      cp = b & 0x0Fu;
    } else if (b >= 0xC0) {
      len = 2;
      cp = b & 0x1Fu;
    }
    if (i + len > s.size()) len = 1;
    for (std::size_t k = 1; k < len; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3Fu);
    out.push_back(len == 1 ? char32_t{b} : cp);
    i += len;
  }
  return out;
}

} // namespace

std::size_t edit_distance(std::string_view a, std::string_view b) {
  const auto x = code_points(a);
  const auto y = code_points(b);
  const std::size_t n = x.size();
  const std::size_t m = y.size();
  // Three rows are enough for the transposition case.
  std::vector<std::size_t> prev2(m + 1), prev(m + 1), cur(m + 1);
  for (std::size_t j = 0; j <= m; ++j) prev[j] = j;
  for (std::size_t i = 1; i <= n; ++i) {
    cur[0] = i;
    for (std::size_t j = 1; j <= m; ++j) {
      const std::size_t cost = x[i - 1] == y[j - 1] ? 0 : 1;
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost});
      if (i > 1 && j > 1 && x[i - 1] == y[j - 2] && x[i - 2] == y[j - 1]) cur[j] = std::min(cur[j], prev2[j - 2] + 1);
    }
    std::swap(prev2, prev);
    std::swap(prev, cur);
  }
  return prev[m];
}

std::optional<std::string> closest_match(std::string_view word, const std::vector<std::string_view>& candidates) {
  const std::size_t len = code_points(word).size();
  const std::size_t limit = std::max<std::size_t>(1, len / 3);
  std::optional<std::string_view> best;
  std::size_t best_distance = limit + 1;
  for (const auto c : candidates) {
    if (c == word) continue;
    // Cheap filter first: the byte lengths of close words cannot differ much.
    const std::size_t diff = c.size() > word.size() ? c.size() - word.size() : word.size() - c.size();
    if (diff > 4 * limit) continue;
    const std::size_t d = edit_distance(word, c);
    if (d < best_distance && d < len) {
      best = c;
      best_distance = d;
    }
  }
  if (!best) return std::nullopt;
  return std::string(*best);
}

std::string did_you_mean(std::string_view word, const std::vector<std::string_view>& candidates) {
  const auto m = closest_match(word, candidates);
  return m ? fmt::format(" (did you mean \"{}\"?)", *m) : std::string{};
}

} // namespace yekuo
