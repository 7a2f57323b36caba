#pragma once
// A report::DocumentSink that renders each block as it comes and sends the text on, so that a
// report over a whole province is never held whole, as a Document or as text. The same text as
// render() of the whole Document.
#include <yekuo/render/format.hpp>
#include <yekuo/render/render.hpp>
#include <yekuo/report/document_sink.hpp>
#include <yekuo/util/spool.hpp>

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace yekuo::render {

namespace detail {
class BlockRenderer;
}

class DocumentWriter final : public report::DocumentSink {
public:
  using Sink = std::function<void(std::string_view)>;
  // `format` must not be Format::json (throws InternalError).
  DocumentWriter(Format format, const RenderOptions& options, Sink sink);
  DocumentWriter(const DocumentWriter&) = delete;
  DocumentWriter& operator=(const DocumentWriter&) = delete;
  ~DocumentWriter() override;

  // With DocumentHead::warnings_at_finish the rendered blocks wait in a Spool (a temporary file
  // past 1 MiB) until finish() can write the head above them.
  void begin(const report::DocumentHead& head) override;
  void block(report::Block block) override;
  void table(const report::Table& header, std::size_t rows, const report::RowSource& row) override;
  void finish(const std::vector<std::string>& late_warnings = {}) override;

private:
  void put(std::string_view text); // the rendered text, in order, to the sink
  void flush_piece();              // the piece just rendered: to the spool or on

  std::unique_ptr<detail::BlockRenderer> m_renderer;
  Sink m_sink;
  report::DocumentHead m_head;
  std::optional<Spool> m_held;       // blocks rendered before the head can be written
  std::string m_piece;               // the text being rendered
  std::size_t m_held_newlines = 0;   // trailing newlines not sent yet (one_final_newline)
  bool m_one_final_newline = false;
};

} // namespace yekuo::render
