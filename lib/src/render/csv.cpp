// CSV renderer for Excel: UTF-8 with a byte-order mark (Excel otherwise guesses the ANSI code
// page and garbles Chinese), CRLF record ends, RFC 4180 quoting, and formula neutralization.
//
// Cells are escaped and neutralized by util/csv_cell.hpp (shared with `yekuo export`).
//
// CSV holds data only: the site navigation is left out and a linked cell is its text.
#include "block_renderer.hpp"
#include "common.hpp"

#include <yekuo/render/render.hpp>

namespace yekuo::render {

using namespace detail;

namespace {

class CsvWriter final : public WritingRenderer<CsvWriter> {
public:
  explicit CsvWriter(const RenderOptions& options) : m_options(options), m_labels(labels(options.lang)) {}

  void head(std::string& out, const report::DocumentHead& head) override {
    m_out = &out;
    out += "\xEF\xBB\xBF";
    if (!head.title.empty()) record({head.title});
    if (!head.subtitle.empty()) record({head.subtitle});
    for (const auto& w : head.warnings) record({std::string(m_labels.warning), w});
  }

  void open(bool head_shown) override { m_need_gap = head_shown; }

  void end(std::string&) override {}

private:
  friend class WritingRenderer<CsvWriter>;

  void record(const std::vector<std::string>& fields) {
    for (std::size_t i = 0; i < fields.size(); ++i) {
      if (i > 0) *m_out += ',';
      *m_out += csv_field(fields[i]);
    }
    *m_out += "\r\n";
  }

  // Blocks are separated by one blank record and start with their title row.
  void begin_block(const std::string& title) {
    if (m_need_gap) *m_out += "\r\n";
    m_need_gap = true;
    if (!title.empty()) record({one_line(title)});
  }

  void write(const report::KeyValues& kv) {
    begin_block(kv.title);
    for (const auto& [key, value] : kv.items) record({key, value.text});
  }

  void write(const report::Table& table) { write_table(table, column_count(table), table.rows.size(), rows_of(table)); }

  void write_table(const report::Table& table, std::size_t ncols, std::size_t nrows, const RowAt& row_at) {
    begin_block(table.title);
    if (ncols == 0) return;
    std::vector<std::string> fields(ncols);
    for (std::size_t c = 0; c < ncols; ++c) fields[c] = header_at(table, c);
    record(fields);
    for (std::size_t r = 0; r < nrows; ++r) {
      const auto& row = row_at(r);
      for (std::size_t c = 0; c < ncols; ++c) fields[c] = cell_at(row, c).text;
      record(fields);
    }
  }

  void write(const report::BulletList& list) {
    begin_block(list.title);
    for (const auto& item : list.items) record({item.text});
  }

  void write(const report::Paragraph& p) {
    begin_block({});
    record({p.text.text});
  }

  void write(const report::SignatureLines& s) {
    begin_block({});
    for (const auto& label : s.labels) {
      std::vector<std::string> fields{with_colon(label, m_options.lang), ""};
      if (!s.date_label.empty()) {
        fields.push_back(with_colon(s.date_label, m_options.lang));
        fields.emplace_back();
      }
      record(fields);
    }
  }

  // The Gantt picture has no CSV form; its data is in the tables.
  void write(const report::Gantt&) {}

  const RenderOptions m_options;
  const Labels& m_labels;
  bool m_need_gap = false;      // a blank record before the next block
};

} // namespace

std::string render_csv(const report::Document& doc, const RenderOptions& options) {
  CsvWriter writer(options);
  return render_whole(writer, doc);
}

std::unique_ptr<detail::BlockRenderer> detail::make_csv_renderer(const RenderOptions& options) {
  return std::make_unique<CsvWriter>(options);
}

} // namespace yekuo::render
