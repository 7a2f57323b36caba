#pragma once
#include <optional>
#include <string_view>

namespace yekuo::render {

enum class Format { table, markdown, csv, html, json };

// "table", "md" (or "markdown"), "csv", "html", "json".
[[nodiscard]] std::optional<Format> parse_format(std::string_view name);
[[nodiscard]] std::string_view format_name(Format f);

} // namespace yekuo::render
