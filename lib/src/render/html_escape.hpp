#pragma once
// HTML/SVG text escaping (private to lib/src/render).
#include <string>
#include <string_view>

namespace yekuo::render::detail {

// clean_text, then & < > " ' as entities: safe in element content and in quoted attributes.
[[nodiscard]] std::string html_escape(std::string_view text);
// html_escape with line breaks as <br>.
[[nodiscard]] std::string html_lines(std::string_view text);

} // namespace yekuo::render::detail
