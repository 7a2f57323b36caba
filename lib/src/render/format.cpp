#include <yekuo/render/format.hpp>

#include <algorithm>
#include <cctype>
#include <string>

namespace yekuo::render {

std::optional<Format> parse_format(std::string_view name) {
  std::string n(name);
  std::transform(n.begin(), n.end(), n.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (n == "table") return Format::table;
  if (n == "md" || n == "markdown") return Format::markdown;
  if (n == "csv") return Format::csv;
  if (n == "html") return Format::html;
  if (n == "xlsx") return Format::xlsx;
  return std::nullopt;
}

std::string_view format_name(Format f) {
  switch (f) {
  case Format::table: return "table";
  case Format::markdown: return "md";
  case Format::csv: return "csv";
  case Format::html: return "html";
  case Format::xlsx: return "xlsx";
  }
  return "table";
}

} // namespace yekuo::render
