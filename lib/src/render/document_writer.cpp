#include <yekuo/render/document_writer.hpp>

#include "block_renderer.hpp"

#include <yekuo/util/error.hpp>

#include <fmt/format.h>

namespace yekuo::render {

namespace {
// A long table is sent on in pieces of about this size.
constexpr std::size_t k_piece_bytes = std::size_t{64} << 10;
} // namespace

DocumentWriter::DocumentWriter(Format format, const RenderOptions& options, Sink sink)
    : m_renderer(detail::make_block_renderer(format, options)), m_sink(std::move(sink)),
      m_one_final_newline(m_renderer->one_final_newline()) {}

DocumentWriter::~DocumentWriter() = default;

void DocumentWriter::begin(const report::DocumentHead& head) {
  m_head = head;
  if (head.warnings_at_finish) {
    // The blocks are rendered before the head; they depend only on whether it shows anything,
    // which the late warnings must not change.
    if (head.title.empty() && head.subtitle.empty())
      throw InternalError("DocumentWriter: warnings at finish need a title or a subtitle");
    m_held.emplace();
  } else {
    m_renderer->head(m_piece, head);
    flush_piece();
  }
  m_renderer->open(detail::head_shown(head));
}

void DocumentWriter::block(report::Block block) {
  m_renderer->block(m_piece, block);
  flush_piece();
}

void DocumentWriter::table(const report::Table& header, std::size_t rows, const report::RowSource& row) {
  std::vector<report::Cell> current;
  const detail::RowAt row_at = [&](std::size_t i) -> const std::vector<report::Cell>& {
    if (m_piece.size() >= k_piece_bytes) flush_piece(); // the rows written so far
    current = row(i);
    if (current.size() > header.columns.size())
      throw InternalError(fmt::format("DocumentWriter: a row of {} cells in a table of {} columns", current.size(),
                                      header.columns.size()));
    return current;
  };
  m_renderer->table(m_piece, header, header.columns.size(), rows, row_at);
  flush_piece();
}

void DocumentWriter::finish(const std::vector<std::string>& late_warnings) {
  if (m_held) {
    report::DocumentHead head = m_head;
    head.warnings.insert(head.warnings.end(), late_warnings.begin(), late_warnings.end());
    std::string text;
    m_renderer->head(text, head);
    put(text);
    m_held->replay([this](std::string_view held) { put(held); });
    m_held.reset();
  }
  m_renderer->end(m_piece);
  flush_piece();
  if (m_held_newlines > 0) m_sink("\n");
  m_held_newlines = 0;
}

void DocumentWriter::flush_piece() {
  if (m_held)
    m_held->write(m_piece);
  else
    put(m_piece);
  m_piece.clear();
}

void DocumentWriter::put(std::string_view text) {
  if (text.empty()) return;
  if (!m_one_final_newline) {
    m_sink(text);
    return;
  }
  // Markdown ends with one newline however many blank lines the last block leaves: a run of
  // newlines is sent only when more text follows it.
  const std::size_t last = text.find_last_not_of('\n');
  if (last == std::string_view::npos) {
    m_held_newlines += text.size();
    return;
  }
  if (m_held_newlines > 0) m_sink(std::string(m_held_newlines, '\n'));
  m_sink(text.substr(0, last + 1));
  m_held_newlines = text.size() - last - 1;
}

} // namespace yekuo::render
