#include <yekuo/render/format.hpp>

namespace yekuo::render {

std::optional<Format> parse_format(std::string_view n) {
  if (n == "table" || n == "text") return Format::table;
  if (n == "md" || n == "markdown") return Format::markdown;
  if (n == "csv") return Format::csv;
  if (n == "html") return Format::html;
  if (n == "json") return Format::json;
  return std::nullopt;
}

std::string_view format_name(Format f) {
  switch (f) {
  case Format::table: return "table";
  case Format::markdown: return "md";
  case Format::csv: return "csv";
  case Format::html: return "html";
  case Format::json: return "json";
  }
  return "table";
}

} // namespace yekuo::render
