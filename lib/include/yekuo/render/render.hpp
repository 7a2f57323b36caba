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
  // Where xlsx writes its workbook before reading it back (libxlsxwriter writes only to a file);
  // empty: $TMPDIR, else /tmp. The CLI passes the directory of --out, where the report goes anyway.
  std::string temp_dir = {};
};

[[nodiscard]] std::string render(const report::Document& doc, Format format, const RenderOptions& options);

[[nodiscard]] std::string render_terminal(const report::Document& doc, const RenderOptions& options);
[[nodiscard]] std::string render_markdown(const report::Document& doc, const RenderOptions& options);
[[nodiscard]] std::string render_csv(const report::Document& doc, const RenderOptions& options);
[[nodiscard]] std::string render_html(const report::Document& doc, const RenderOptions& options);
// An Excel workbook (binary, starts with "PK"): typed cells, one sheet per table (docs/output-formats.md).
[[nodiscard]] std::string render_xlsx(const report::Document& doc, const RenderOptions& options);

} // namespace yekuo::render
