#pragma once
// Shared by the fuzz targets: the input size cap and the project/baseline split.
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace fuzz {

// Larger inputs teach the code nothing new and slow the search down (libFuzzer's -max_len
// is set lower by scripts/fuzz.sh; this guards direct runs on big files).
inline constexpr std::size_t k_max_input = 256 * 1024;

// A TOML comment line, so the project part of a seed stays a valid project file.
inline constexpr std::string_view k_baseline_marker = "\n#%baseline\n";

struct Parts {
  std::string_view project;
  std::string_view baseline; // the whole input when there is no marker
};

inline Parts split_input(const std::uint8_t* data, std::size_t size) {
  const std::string_view all(reinterpret_cast<const char*>(data), size);
  const auto at = all.find(k_baseline_marker);
  if (at == std::string_view::npos) return {all, all};
  return {all.substr(0, at), all.substr(at + k_baseline_marker.size())};
}

} // namespace fuzz
