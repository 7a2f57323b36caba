#pragma once
// One renderer per output format for report::Document. JSON is not rendered from a Document;
// see the report-specific *_json functions.
#include <yekuo/render/format.hpp>
#include <yekuo/report/document.hpp>
#include <yekuo/report/lang.hpp>

#include <string>

namespace yekuo::render {

struct RenderOptions {
  bool color = false;            // ANSI colours in the terminal renderer
  report::Lang lang = report::Lang::zh;
};

[[nodiscard]] std::string render(const report::Document& doc, Format format, const RenderOptions& options);

[[nodiscard]] std::string render_terminal(const report::Document& doc, const RenderOptions& options);
[[nodiscard]] std::string render_markdown(const report::Document& doc, const RenderOptions& options);
[[nodiscard]] std::string render_csv(const report::Document& doc, const RenderOptions& options);
[[nodiscard]] std::string render_html(const report::Document& doc, const RenderOptions& options);

} // namespace yekuo::render
