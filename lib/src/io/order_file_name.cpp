#include <yekuo/io/order_file_name.hpp>

#include <yekuo/util/name_hash.hpp>

#include <fmt/format.h>

namespace yekuo::io {

namespace {

constexpr std::size_t k_max_stem_bytes = 80;

// The code point at s[i] and its length in bytes (1 and U+FFFD for a byte that starts no
// sequence: the id was validated as UTF-8 before, this only keeps the loop safe).
std::pair<char32_t, std::size_t> decode(std::string_view s, std::size_t i) {
  const auto b = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  const unsigned char b0 = b(i);
  std::size_t n = b0 < 0x80 ? 1 : (b0 & 0xE0) == 0xC0 ? 2 : (b0 & 0xF0) == 0xE0 ? 3 : (b0 & 0xF8) == 0xF0 ? 4 : 0;
  if (n == 0 || i + n > s.size()) return {U'\uFFFD', 1};
  char32_t cp = n == 1 ? b0 : b0 & (0x7Fu >> n);
  for (std::size_t k = 1; k < n; ++k) cp = (cp << 6) | (b(i + k) & 0x3Fu);
  return {cp, n};
}

bool kept(char32_t c) {
  return (c >= U'a' && c <= U'z') || (c >= U'A' && c <= U'Z') || (c >= U'0' && c <= U'9') || c == U'-' || c == U'_' ||
         (c >= 0x3001 && c <= 0x303F) || (c >= 0x3400 && c <= 0x9FFF) || (c >= 0xF900 && c <= 0xFAFF) ||
         (c >= 0xFF01 && c <= 0xFF5E);
}

} // namespace

std::string order_file_name(std::string_view id) {
  std::string stem;
  bool changed = false;
  for (std::size_t i = 0; i < id.size();) {
    const auto [cp, n] = decode(id, i);
    if (kept(cp)) {
      if (stem.size() + n > k_max_stem_bytes) {
        changed = true;
        break;
      }
      stem.append(id.substr(i, n));
    } else {
      changed = true;
      if (stem.empty() || stem.back() != '-') stem += '-';
    }
    i += n;
  }
  // Runs of '-' written in the id itself are kept: only what was replaced collapses above.
  while (!stem.empty() && stem.back() == '-') {
    stem.pop_back();
    changed = true;
  }
  std::size_t lead = 0;
  while (lead < stem.size() && stem[lead] == '-') ++lead;
  if (lead > 0) {
    stem.erase(0, lead);
    changed = true;
  }
  if (stem.empty()) return fmt::format("order-{:08x}.toml", name_hash(id));
  if (changed) stem += fmt::format("-{:08x}", name_hash(id));
  return stem + ".toml";
}

} // namespace yekuo::io
