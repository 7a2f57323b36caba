#include <yekuo/io/toml_loader.hpp>

#include "toml_depth.hpp"

#include <yekuo/util/text_width.hpp>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fmt/format.h>
#include <fstream>

namespace yekuo::io {

namespace fs = std::filesystem;

std::optional<std::string> read_text_file(const std::string& path, Diagnostics& diags) {
  const SourceLoc where{path, 0, 0};
  std::error_code ec;
  const auto st = fs::status(path, ec);
  if (ec || !fs::exists(st)) {
    // ec is set for a symbolic-link loop or a denied directory: say that, not "no such file".
    diags.error("unreadable-file", where, ec && ec != std::errc::no_such_file_or_directory ? ec.message() : "no such file",
                "check the path");
    return std::nullopt;
  }
  if (fs::is_directory(st)) {
    diags.error("not-a-file", where, "is a directory, not a project file",
                "give a .toml file, or the directory to `yekuo check`, which searches it");
    return std::nullopt;
  }
  if (!fs::is_regular_file(st)) {
    diags.error("not-a-file", where, "is not a regular file", "give a .toml project file");
    return std::nullopt;
  }
  const auto size = fs::file_size(path, ec);
  if (!ec && size > k_max_file_bytes) {
    diags.error("file-too-large", where,
                fmt::format("file is {} MiB; project files are limited to {} MiB", size >> 20, k_max_file_bytes >> 20),
                "a project file is one order; split the data or check that this is the right file");
    return std::nullopt;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    const int err = errno;
    diags.error("unreadable-file", where, fmt::format("cannot open: {}", std::strerror(err)),
                "check the file's permissions");
    return std::nullopt;
  }
  // Read at most one byte over the limit: the file may have grown since the size check.
  std::string text;
  text.resize(static_cast<std::size_t>(ec ? k_max_file_bytes + 1 : std::min(size, k_max_file_bytes) + 1));
  in.read(text.data(), static_cast<std::streamsize>(text.size()));
  if (in.bad()) {
    diags.error("unreadable-file", where, "read error", "check the file and the disk");
    return std::nullopt;
  }
  text.resize(static_cast<std::size_t>(in.gcount()));
  if (text.size() > k_max_file_bytes) {
    diags.error("file-too-large", where, fmt::format("file is over {} MiB", k_max_file_bytes >> 20),
                "a project file is one order; check that this is the right file");
    return std::nullopt;
  }
  return text;
}

std::optional<SourceLoc> find_invalid_utf8(std::string_view s) {
  const std::size_t bad = first_invalid_utf8(s);
  if (bad == s.size()) return std::nullopt;
  const auto at = line_column_at(s, bad);
  return SourceLoc{{}, at.line, at.column};
}

SourceLoc loc_of(const toml::source_region& region, const std::string& path) {
  return SourceLoc{path, static_cast<int>(region.begin.line), static_cast<int>(region.begin.column)};
}

std::optional<RawDoc> parse_toml(std::string_view text, const std::string& path, Diagnostics& diags) {
  if (auto bad = find_invalid_utf8(text)) {
    bad->file = path;
    diags.error("invalid-utf8", *bad, "the file is not valid UTF-8 text (binary data or another encoding)",
                "save the file as UTF-8 (for example from GBK: iconv -f GBK -t UTF-8)");
    return std::nullopt;
  }
  if (auto deep = detail::find_too_deep_key(text)) {
    deep->file = path;
    diags.error("too-deep", *deep,
                fmt::format("keys nested deeper than {} levels (a.b.c...)", detail::k_max_key_depth),
                "a project file needs only a few levels: [project], [[stage]], after = [{ ... }]");
    return std::nullopt;
  }
  try {
    RawDoc doc{path, toml::parse(text, std::string_view(path))};
    return doc;
  } catch (const toml::parse_error& e) {
    std::string what(e.description());
    // toml++ says "Error while parsing X: Y"; "TOML syntax error in X: Y" reads better.
    constexpr std::string_view k_prefix = "Error while parsing ";
    if (const auto p = what.find(": "); what.rfind(k_prefix, 0) == 0 && p != std::string::npos)
      what = fmt::format("in {}: {}", what.substr(k_prefix.size(), p - k_prefix.size()), what.substr(p + 2));
    else
      what = ": " + what;
    diags.error("toml-syntax", loc_of(e.source(), path), fmt::format("TOML syntax error {}", what),
                "fix the TOML syntax (see docs/file-format.md)");
    return std::nullopt;
  }
}

} // namespace yekuo::io
