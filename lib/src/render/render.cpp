#include <yekuo/render/render.hpp>

#include "block_renderer.hpp"

#include <yekuo/util/error.hpp>

namespace yekuo::render {

namespace detail {

std::unique_ptr<BlockRenderer> make_block_renderer(Format format, const RenderOptions& options) {
  switch (format) {
  case Format::table: return make_terminal_renderer(options);
  case Format::markdown: return make_markdown_renderer(options);
  case Format::csv: return make_csv_renderer(options);
  case Format::html: return make_html_renderer(options);
  case Format::xlsx: return make_xlsx_renderer(options);
  }
  throw InternalError("render: unknown format");
}

bool head_shown(const report::DocumentHead& head) {
  return !head.title.empty() || !head.subtitle.empty() || !head.warnings.empty();
}

RowAt rows_of(const report::Table& table) {
  return [&table](std::size_t i) -> const std::vector<report::Cell>& { return table.rows[i]; };
}

std::string render_whole(BlockRenderer& renderer, const report::Document& doc) {
  const report::DocumentHead head{doc.title, doc.subtitle, doc.warnings, false, doc.navigation};
  std::string out;
  renderer.head(out, head);
  renderer.open(head_shown(head));
  for (const auto& block : doc.blocks) renderer.block(out, block);
  renderer.end(out);
  if (renderer.one_final_newline())
    while (out.size() >= 2 && out[out.size() - 1] == '\n' && out[out.size() - 2] == '\n') out.pop_back();
  return out;
}

} // namespace detail

std::string render(const report::Document& doc, Format format, const RenderOptions& options) {
  return detail::render_whole(*detail::make_block_renderer(format, options), doc);
}

} // namespace yekuo::render
