// Terminal renderer: plain text aligned by display width (CJK = 2 cells), ASCII borders, ANSI
// colours only when RenderOptions::color. Borders are ASCII on purpose: box-drawing characters
// are East Asian "ambiguous" and take two cells in many Chinese terminal setups, which would break
// every column. Links cannot be followed here: the site navigation is left out and a linked cell
// shows its text.
#include "block_renderer.hpp"
#include "common.hpp"

#include <yekuo/render/render.hpp>

#include <algorithm>

namespace yekuo::render {

namespace {
using namespace detail;
using report::Style;

std::string_view ansi_code(Style style) {
  switch (style) {
  case Style::normal: return "";
  case Style::muted: return "2";
  case Style::strong: return "1";
  case Style::ok: return "32";
  case Style::warning: return "33";
  case Style::due_soon: return "33";
  case Style::overdue: return "31";
  case Style::critical: return "1;31";
  case Style::customer: return "36";
  }
  return "";
}

class TerminalWriter final : public BlockRenderer {
public:
  explicit TerminalWriter(const RenderOptions& options) : m_options(options), m_labels(labels(options.lang)) {}

  void head(std::string& out, const report::DocumentHead& head) override {
    m_out = &out;
    const std::size_t start = out.size();
    if (!head.title.empty()) {
      const std::string title = one_line(head.title);
      out += paint(title, Style::strong) + "\n";
      out += std::string(std::max<std::size_t>(text_width(title), 1), '=') + "\n";
    }
    if (!head.subtitle.empty()) out += one_line(head.subtitle) + "\n";
    if (!head.warnings.empty()) {
      if (out.size() > start) out += "\n";
      const std::string prefix = with_colon(m_labels.warning, m_options.lang);
      for (const auto& w : head.warnings) {
        // The word "警告/Warning" carries the meaning; colour only adds to it.
        out += paint("!! " + prefix, Style::warning) + indent_continuation(clean_text(w), 3 + text_width(prefix)) + "\n";
      }
    }
  }

  void open(bool head_shown) override { m_started = head_shown; }

  // Blocks are set apart by a blank line once anything has been written.
  void block(std::string& out, const report::Block& block) override {
    m_out = &out;
    const std::size_t start = separate();
    std::visit([this](const auto& b) { write(b); }, block);
    m_started = m_started || out.size() > start;
  }

  void table(std::string& out, const report::Table& header, std::size_t ncols, std::size_t rows,
             const RowAt& row) override {
    m_out = &out;
    separate();
    write_table(header, ncols, rows, row);
    // Not measured on `out`: it may have been sent on while the rows were written.
    m_started = m_started || !header.title.empty() || ncols > 0;
  }

  void end(std::string&) override {}

private:
  std::string paint(std::string_view text, Style style) const {
    const std::string_view code = ansi_code(style);
    if (!m_options.color || code.empty() || text.empty()) return std::string(text);
    return "\x1b[" + std::string(code) + "m" + std::string(text) + "\x1b[0m";
  }

  // Lines after the first are indented so that they line up under the first.
  static std::string indent_continuation(const std::string& text, std::size_t indent) {
    const auto lines = split_lines(text);
    std::string out = lines.front();
    for (std::size_t i = 1; i < lines.size(); ++i) out += "\n" + std::string(indent, ' ') + lines[i];
    return out;
  }

  void block_title(const std::string& title) {
    if (!title.empty()) *m_out += paint(one_line(title), Style::strong) + "\n";
  }

  void write(const report::KeyValues& kv) {
    block_title(kv.title);
    std::vector<std::string> keys;
    std::size_t key_width = 0;
    for (const auto& [key, value] : kv.items) {
      keys.push_back(with_colon(key, m_options.lang));
      key_width = std::max(key_width, text_width(keys.back()));
    }
    for (std::size_t i = 0; i < kv.items.size(); ++i) {
      const auto lines = split_lines(clean_text(kv.items[i].second.text));
      *m_out += pad_to_width(keys[i], key_width) + " " + paint(lines.front(), kv.items[i].second.style);
      for (std::size_t l = 1; l < lines.size(); ++l)
        *m_out += "\n" + std::string(key_width + 1, ' ') + paint(lines[l], kv.items[i].second.style);
      *m_out += "\n";
    }
  }

  // The separator before a block; returns where the block's own text starts.
  std::size_t separate() {
    if (m_started) *m_out += "\n";
    return m_out->size();
  }

  void write(const report::Table& table) { write_table(table, column_count(table), table.rows.size(), rows_of(table)); }

  // Two passes over the rows: the first measures the columns, the second writes; so no more than
  // one row's cells are held, however long the table.
  void write_table(const report::Table& table, std::size_t ncols, std::size_t nrows, const RowAt& row_at) {
    block_title(table.title);
    if (ncols == 0) return;
    std::vector<std::vector<std::string>> header(ncols);
    std::vector<std::size_t> widths(ncols, 0);
    for (std::size_t c = 0; c < ncols; ++c) {
      header[c] = split_lines(clean_text(header_at(table, c)));
      for (const auto& l : header[c]) widths[c] = std::max(widths[c], text_width(l));
    }
    // cells -> lines
    auto lines_of = [&](const std::vector<report::Cell>& row) {
      std::vector<std::vector<std::string>> cells(ncols);
      for (std::size_t c = 0; c < ncols; ++c) cells[c] = split_lines(clean_text(cell_at(row, c).text));
      return cells;
    };
    bool multiline = false;
    for (std::size_t r = 0; r < nrows; ++r) {
      const auto cells = lines_of(row_at(r));
      for (std::size_t c = 0; c < ncols; ++c) {
        multiline = multiline || cells[c].size() > 1;
        for (const auto& l : cells[c]) widths[c] = std::max(widths[c], text_width(l));
      }
    }
    auto rule = [&](char fill) {
      std::string line = "+";
      for (std::size_t c = 0; c < ncols; ++c) line += std::string(widths[c] + 2, fill) + "+";
      *m_out += line + "\n";
    };
    auto emit_row = [&](const std::vector<std::vector<std::string>>& cells, const std::vector<report::Cell>* src) {
      std::size_t height = 1;
      for (const auto& lines : cells) height = std::max(height, lines.size());
      for (std::size_t l = 0; l < height; ++l) {
        std::string line = "|";
        for (std::size_t c = 0; c < ncols; ++c) {
          const std::string text = l < cells[c].size() ? cells[c][l] : std::string{};
          const Style style = src != nullptr ? cell_at(*src, c).style : Style::strong;
          line += " " + aligned(text, widths[c], align_at(table, c), style) + " |";
        }
        *m_out += line + "\n";
      }
    };
    rule('-');
    emit_row(header, nullptr);
    rule('=');
    for (std::size_t r = 0; r < nrows; ++r) {
      if (r > 0 && multiline) rule('-');
      const auto& row = row_at(r);
      emit_row(lines_of(row), &row);
    }
    rule('-');
  }

  // Pads by display width and colours only the text, so escape codes never count as cells.
  std::string aligned(const std::string& text, std::size_t width, report::Align align, Style style) const {
    const std::size_t have = text_width(text);
    const std::size_t missing = width > have ? width - have : 0;
    std::size_t before = 0;
    if (align == report::Align::right) before = missing;
    if (align == report::Align::center) before = missing / 2;
    return std::string(before, ' ') + paint(text, style) + std::string(missing - before, ' ');
  }

  void write(const report::BulletList& list) {
    block_title(list.title);
    for (const auto& item : list.items) {
      const auto lines = split_lines(clean_text(item.text));
      *m_out += "  - " + paint(lines.front(), item.style) + "\n";
      for (std::size_t l = 1; l < lines.size(); ++l) *m_out += "    " + paint(lines[l], item.style) + "\n";
    }
  }

  void write(const report::Paragraph& p) {
    for (const auto& line : split_lines(clean_text(p.text.text))) *m_out += paint(line, p.text.style) + "\n";
  }

  void write(const report::SignatureLines& s) {
    const std::string blank(10, '_');
    for (const auto& label : s.labels) {
      std::string line = with_colon(label, m_options.lang) + blank;
      if (!s.date_label.empty()) line += "   " + with_colon(s.date_label, m_options.lang) + blank;
      *m_out += line + "\n";
    }
  }

  void write(const report::Gantt& g) {
    std::string line;
    if (!g.title.empty()) line = one_line(g.title) + " ";
    line += std::string(m_labels.gantt_note);
    *m_out += paint(line, Style::muted) + "\n";
  }

  const RenderOptions m_options;
  const Labels& m_labels;
  std::string* m_out = nullptr; // where the current call writes
  bool m_started = false;       // anything written before the next block
};

} // namespace

std::string render_terminal(const report::Document& doc, const RenderOptions& options) {
  TerminalWriter writer(options);
  return render_whole(writer, doc);
}

std::unique_ptr<detail::BlockRenderer> detail::make_terminal_renderer(const RenderOptions& options) {
  return std::make_unique<TerminalWriter>(options);
}

} // namespace yekuo::render
