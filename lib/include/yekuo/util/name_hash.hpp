#pragma once
// A short, stable hash of a name (FNV-1a, 32 bits), appended to a file name made from an id when
// making it safe changed the id: two different ids then never share a file (the site's order
// pages, the files `import` writes). Stable across runs and machines: file names must not change.
#include <cstdint>
#include <string_view>

namespace yekuo {

[[nodiscard]] constexpr std::uint32_t name_hash(std::string_view s) {
  std::uint32_t h = 2166136261u;
  for (char c : s) {
    h ^= static_cast<unsigned char>(c);
    h *= 16777619u;
  }
  return h;
}

} // namespace yekuo
