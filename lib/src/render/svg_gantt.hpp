#pragma once
// The Gantt block as inline SVG (private to lib/src/render; used by the HTML renderer).
#include <yekuo/report/document.hpp>
#include <yekuo/report/lang.hpp>

#include <string>

namespace yekuo::render::detail {

// id_prefix makes the ids (<title>, <desc>, hatch pattern) unique within the page.
[[nodiscard]] std::string svg_gantt(const report::Gantt& gantt, report::Lang lang, const std::string& id_prefix);

} // namespace yekuo::render::detail
