#pragma once
// The renderers' common shape (private to lib/src/render): a document's text is made piece by
// piece (the head, each block, the end) so that render::DocumentWriter can send each piece on
// as soon as it is made; render() of a whole Document goes through the same code, so both give
// the same text.
#include "common.hpp"

#include <yekuo/render/format.hpp>
#include <yekuo/render/render.hpp>
#include <yekuo/report/document_sink.hpp>

#include <functional>
#include <memory>
#include <string>
#include <variant>
#include <vector>

namespace yekuo::render::detail {

// Row `index` of a table being written; the reference is valid until the next call.
using RowAt = std::function<const std::vector<report::Cell>&(std::size_t index)>;

// Each function appends its text to `out`. The calls come in the document's order except that
// head() may come after the blocks (warnings known only at the end): what the blocks depend on
// (whether the head shows anything) is given to open() before the first block.
class BlockRenderer {
public:
  virtual ~BlockRenderer() = default;
  virtual void head(std::string& out, const report::DocumentHead& head) = 0;
  virtual void open(bool head_shown) = 0;
  virtual void block(std::string& out, const report::Block& block) = 0;
  // A table of `ncols` columns (at least header.columns.size()) whose rows come one at a time;
  // a row may be asked for more than once. Asking for a row may send `out` on and empty it (a
  // long table is not held as one text), so no position in `out` is kept across it.
  virtual void table(std::string& out, const report::Table& header, std::size_t ncols, std::size_t rows,
                     const RowAt& row) = 0;
  virtual void end(std::string& out) = 0;
  // The text ends with exactly one newline (Markdown): trailing newlines are held back until it
  // is known whether more text follows.
  [[nodiscard]] virtual bool one_final_newline() const { return false; }
};

// block() and table() for a renderer whose writer appends to m_out: Writer::write(b) for each kind
// of block, Writer::write_table(header, ncols, rows, row) for a table (Writer befriends this).
template <class Writer>
class WritingRenderer : public BlockRenderer {
public:
  void block(std::string& out, const report::Block& block) final {
    m_out = &out;
    std::visit([this](const auto& b) { static_cast<Writer*>(this)->write(b); }, block);
  }

  void table(std::string& out, const report::Table& header, std::size_t ncols, std::size_t rows,
             const RowAt& row) final {
    m_out = &out;
    static_cast<Writer*>(this)->write_table(header, ncols, rows, row);
  }

protected:
  std::string* m_out = nullptr; // where the current call writes
};

[[nodiscard]] std::unique_ptr<BlockRenderer> make_terminal_renderer(const RenderOptions& options);
[[nodiscard]] std::unique_ptr<BlockRenderer> make_markdown_renderer(const RenderOptions& options);
[[nodiscard]] std::unique_ptr<BlockRenderer> make_csv_renderer(const RenderOptions& options);
[[nodiscard]] std::unique_ptr<BlockRenderer> make_html_renderer(const RenderOptions& options);
[[nodiscard]] std::unique_ptr<BlockRenderer> make_xlsx_renderer(const RenderOptions& options);
// The renderer of a Document format (JSON is not one: each report writes its own contract).
[[nodiscard]] std::unique_ptr<BlockRenderer> make_block_renderer(Format format, const RenderOptions& options);

// Whether the head shows anything: a title, a subtitle or a warning.
[[nodiscard]] bool head_shown(const report::DocumentHead& head);

// The rows of an in-memory table, for BlockRenderer::table.
[[nodiscard]] RowAt rows_of(const report::Table& table);

// A whole Document in one string.
[[nodiscard]] std::string render_whole(BlockRenderer& renderer, const report::Document& doc);

} // namespace yekuo::render::detail
