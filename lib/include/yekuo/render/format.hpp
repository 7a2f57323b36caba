#pragma once
// The formats a report::Document renders to. JSON is not one: each report has its own JSON
// contract (report/*_json, schemas/), which the CLI chooses instead of a Document.
#include <optional>
#include <string_view>

namespace yekuo::render {

enum class Format { table, markdown, csv, html };

// "table", "md" (or "markdown"), "csv", "html"; case-insensitive. nullopt for anything else.
[[nodiscard]] std::optional<Format> parse_format(std::string_view name);
[[nodiscard]] std::string_view format_name(Format f); // "table", "md", "csv", "html"

} // namespace yekuo::render
