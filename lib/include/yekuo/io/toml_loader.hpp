#pragma once
// Reading a TOML file into a toml++ table with source positions. Every failure (missing or
// unreadable file, a directory, a file over 64 MiB, invalid UTF-8, a TOML syntax error)
// becomes a Diagnostic with file:line:col; nothing here throws for bad input.
//
// toml++ is used with exceptions on (its default); toml::parse_error never leaves this module.
#include <yekuo/io/toml.hpp>
#include <yekuo/util/diagnostic.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace yekuo::io {

inline constexpr std::uintmax_t k_max_file_bytes = std::uintmax_t{64} << 20; // 64 MiB

// A parsed document: the path it came from and its root table. Node positions
// (node.source().begin.line/column, 1-based, columns in code points) point into the file.
struct RawDoc {
  std::string path;
  toml::table root;
};

// The whole file as bytes. Diagnostics: unreadable-file, not-a-file, file-too-large.
[[nodiscard]] std::optional<std::string> read_text_file(const std::string& path, Diagnostics& diags);

// Position (line:col, 1-based) of the first byte that is not valid UTF-8, or nullopt.
[[nodiscard]] std::optional<SourceLoc> find_invalid_utf8(std::string_view text);

// Parses text that came from `path`. Diagnostics: invalid-utf8, toml-syntax.
[[nodiscard]] std::optional<RawDoc> parse_toml(std::string_view text, const std::string& path, Diagnostics& diags);

// The position of a node or key (its begin) in `path`.
[[nodiscard]] SourceLoc loc_of(const toml::source_region& region, const std::string& path);

} // namespace yekuo::io
