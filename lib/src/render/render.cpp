#include <yekuo/render/render.hpp>

#include <yekuo/util/error.hpp>

namespace yekuo::render {

std::string render(const report::Document& doc, Format format, const RenderOptions& options) {
  switch (format) {
  case Format::table: return render_terminal(doc, options);
  case Format::markdown: return render_markdown(doc, options);
  case Format::csv: return render_csv(doc, options);
  case Format::html: return render_html(doc, options);
  }
  throw InternalError("render: unknown format");
}

} // namespace yekuo::render
