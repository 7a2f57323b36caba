#pragma once
// Where a report puts its Document, one block at a time, so that a report over a whole province
// is never held at once: render::DocumentWriter renders each block as it comes,
// report::DocumentBuilder collects them into a Document.
#include <yekuo/report/document.hpp>

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

namespace yekuo::report {

struct DocumentHead {
  std::string title;
  std::string subtitle;
  std::vector<std::string> warnings;
  // More warnings come with DocumentSink::finish() (a report learns of a bad file only when it
  // comes, maybe last); they are still shown above the blocks. Needs a title or a subtitle.
  bool warnings_at_finish = false;
  Navigation navigation = {}; // the site's links (HTML, Markdown), above the title
};

// Row `index` of a streamed table. It may be asked for more than once (the terminal measures the
// columns before it writes), so it must give the same cells each time.
using RowSource = std::function<std::vector<Cell>(std::size_t index)>;

class DocumentSink {
public:
  virtual ~DocumentSink() = default;
  virtual void begin(const DocumentHead& head) = 0; // once, first
  virtual void block(Block block) = 0;
  // A table given row by row, for tables too long to hold as cells: `header` has the title and
  // the columns (its rows are ignored); every row has at most header.columns.size() cells.
  virtual void table(const Table& header, std::size_t rows, const RowSource& row) = 0;
  // The end; `late_warnings` are added after the head's (DocumentHead::warnings_at_finish).
  virtual void finish(const std::vector<std::string>& late_warnings = {}) = 0;
};

} // namespace yekuo::report
