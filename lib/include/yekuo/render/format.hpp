#pragma once
// The formats a report::Document renders to. JSON is not one: each report has its own JSON
// contract (report/*_json, schemas/), which the CLI chooses instead of a Document.
#include <optional>
#include <string_view>

namespace yekuo::render {

// xlsx is binary (a zip): the CLI offers it only where a spreadsheet makes sense, never to a terminal.
enum class Format { table, markdown, csv, html, xlsx };

// "table", "md" (or "markdown"), "csv", "html", "xlsx"; case-insensitive. nullopt for anything else.
[[nodiscard]] std::optional<Format> parse_format(std::string_view name);
[[nodiscard]] std::string_view format_name(Format f); // "table", "md", "csv", "html", "xlsx"

} // namespace yekuo::render
