// Excel renderer: a workbook of real cells — dates are dates, counts are numbers (xlsx_value) —
// styled like the HTML page and set up to print on A4 landscape, one page wide.
//
// Layout (docs/output-formats.md): every table starts a sheet of its own, named after it, its
// header row frozen and repeated on every printed page. The blocks that introduce a table (the
// head, key/values, a paragraph) go above it on its sheet; the ones that complete it (bullet
// lists, signature lines) go below it. The Gantt picture has no spreadsheet form. A head that
// comes after the blocks (DocumentHead::warnings_at_finish) gets a first sheet of its own, kept
// for it from the start: rows are written in order (constant_memory), never inserted above.
//
// Text is written as strings, never as formulas, so no formula neutralization is needed (CSV's).
// Links are left out as in CSV: they point between the pages of a published site.
#include "block_renderer.hpp"
#include "common.hpp"
#include "xlsx_sheet_names.hpp"
#include "xlsx_value.hpp"
#include "xlsx_workbook.hpp"

#include <yekuo/render/render.hpp>

#include <algorithm>
#include <deque>

namespace yekuo::render {

namespace {
using namespace detail;

// Column widths in Excel's units (the width of a digit; a CJK character takes two, as
// text_width counts it).
constexpr double k_min_width = 6;
constexpr double k_max_width = 60;
constexpr double k_line_height = 15;          // points per line of a row with line breaks
constexpr double k_signature_height = 30;     // room to sign by hand
constexpr std::size_t k_max_cell_bytes = 32767; // Excel's limit for a cell's text (libxlsxwriter refuses more)
constexpr uint8_t k_paper_a4 = 9;

// A cell's text for the workbook: clean_text, without the two code points XML cannot hold, cut at
// Excel's limit on a character boundary.
std::string cell_text(std::string_view raw) {
  std::string text = clean_text(raw);
  for (const std::string_view bad : {"\xEF\xBF\xBE", "\xEF\xBF\xBF"}) // U+FFFE, U+FFFF
    for (auto at = text.find(bad); at != std::string::npos; at = text.find(bad, at)) text.erase(at, bad.size());
  if (text.size() > k_max_cell_bytes) {
    std::size_t cut = k_max_cell_bytes;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
    text.resize(cut);
  }
  return text;
}

double widest_line(std::string_view text) {
  std::size_t widest = 0;
  for (const auto& line : split_lines(text)) widest = std::max(widest, text_width(line));
  return static_cast<double>(widest);
}

struct Sheet {
  lxw_worksheet* ws = nullptr;
  lxw_row_t row = 0;          // the next row to write: rows go strictly in order
  std::vector<double> widths; // per column, the widest text measured
};

bool is_key_values(const report::Block& b) { return std::holds_alternative<report::KeyValues>(b); }

class XlsxWriter final : public BlockRenderer {
public:
  explicit XlsxWriter(const RenderOptions& options)
      : m_lang(options.lang), m_labels(labels(options.lang)), m_book(options.temp_dir, options.lang),
        m_names(m_labels.sheet) {}

  void head(std::string&, const report::DocumentHead& head) override {
    if (m_opened) {
      if (m_summary != nullptr) write_head(*m_summary, head);
      return;
    }
    m_head = head;
    m_head_pending = true;
  }

  void open(bool) override {
    m_opened = true;
    if (!m_head_pending) m_summary = &new_sheet(std::string(m_labels.summary)); // the head comes last
  }

  void block(std::string& out, const report::Block& block) override {
    if (const auto* t = std::get_if<report::Table>(&block)) {
      table(out, *t, column_count(*t), t->rows.size(), rows_of(*t));
      return;
    }
    if (std::holds_alternative<report::Gantt>(block)) return;
    const bool introduces = is_key_values(block) || std::holds_alternative<report::Paragraph>(block);
    // A second header before any table: the first one's section (an order without a table) ends.
    if (is_key_values(block) && std::any_of(m_pending.begin(), m_pending.end(), is_key_values)) open_section({});
    if (m_current != nullptr && m_pending.empty() && !introduces) {
      write_block(*m_current, block);
      return;
    }
    m_pending.push_back(block);
  }

  void table(std::string&, const report::Table& header, std::size_t ncols, std::size_t rows,
             const RowAt& row_at) override {
    Sheet& s = open_section(header.title);
    gap(s);
    if (!header.title.empty()) write_text(s, 0, one_line(header.title), XlsxRole::block_title, report::Style::normal);
    if (ncols == 0) return;
    const lxw_row_t header_row = s.row;
    for (std::size_t c = 0; c < ncols; ++c)
      write_cell(s, c, report::Cell{header_at(header, c)}, XlsxRole::header, align_at(header, c), true);
    ++s.row;
    worksheet_freeze_panes(s.ws, s.row, 0);
    xlsx_check(worksheet_repeat_rows(s.ws, header_row, header_row), "repeat the header row");
    for (std::size_t r = 0; r < rows; ++r) {
      const auto& row = row_at(r);
      std::vector<const report::Cell*> cells(ncols);
      for (std::size_t c = 0; c < ncols; ++c) cells[c] = &cell_at(row, c);
      set_height(s, cells);
      for (std::size_t c = 0; c < ncols; ++c) write_cell(s, c, *cells[c], XlsxRole::cell, align_at(header, c), true);
      ++s.row;
    }
    if (rows > 0)
      xlsx_check(worksheet_autofilter(s.ws, header_row, 0, s.row - 1, static_cast<lxw_col_t>(ncols - 1)),
                 "add a filter");
    m_current = &s;
  }

  void end(std::string& out) override {
    if (m_head_pending || !m_pending.empty()) {
      if (m_current != nullptr && !m_head_pending && std::none_of(m_pending.begin(), m_pending.end(), is_key_values)) {
        for (const auto& b : m_pending) write_block(*m_current, b);
        m_pending.clear();
      } else {
        open_section({});
      }
    }
    if (m_sheets.empty()) new_sheet(std::string(m_labels.summary)); // a workbook has at least one sheet
    for (const Sheet& s : m_sheets)
      for (std::size_t c = 0; c < s.widths.size(); ++c)
        if (s.widths[c] > 0)
          xlsx_check(worksheet_set_column(s.ws, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c),
                                          std::clamp(s.widths[c] + 2, k_min_width, k_max_width), nullptr),
                     "set a column width");
    out += m_book.close();
  }

private:
  Sheet& new_sheet(const std::string& title) {
    Sheet& s = m_sheets.emplace_back();
    s.ws = m_book.add_sheet(m_names.unique(title));
    worksheet_set_landscape(s.ws);
    worksheet_set_paper(s.ws, k_paper_a4);
    worksheet_fit_to_pages(s.ws, 1, 0); // one page wide, as many pages tall as it takes
    xlsx_check(worksheet_set_footer(s.ws, "&C&P / &N"), "set the page footer");
    return s;
  }

  // A new sheet with the head and the blocks waiting for it; named after the document, else the
  // section's header, else its table.
  Sheet& open_section(const std::string& table_title) {
    std::string name = m_head_pending ? m_head.title : std::string{};
    for (const auto& b : m_pending)
      if (const auto* kv = std::get_if<report::KeyValues>(&b); kv != nullptr && name.empty()) name = kv->title;
    if (name.empty()) name = table_title;
    Sheet& s = new_sheet(name);
    if (m_head_pending) write_head(s, m_head);
    m_head_pending = false;
    for (const auto& b : m_pending) write_block(s, b);
    m_pending.clear();
    return s;
  }

  void write_head(Sheet& s, const report::DocumentHead& head) {
    if (!head.title.empty()) write_line(s, one_line(head.title), XlsxRole::title);
    if (!head.subtitle.empty()) write_line(s, one_line(head.subtitle), XlsxRole::subtitle);
    for (const auto& w : head.warnings)
      write_line(s, std::string(m_labels.warning) + std::string(m_labels.colon) + w, XlsxRole::warning);
  }

  void write_block(Sheet& s, const report::Block& block) {
    std::visit([&](const auto& b) { write(s, b); }, block);
  }

  void write(Sheet& s, const report::KeyValues& kv) {
    gap(s);
    if (!kv.title.empty()) write_line(s, one_line(kv.title), XlsxRole::block_title);
    for (const auto& [key, value] : kv.items) {
      const report::Cell label{key};
      set_height(s, {&label, &value});
      write_cell(s, 0, label, XlsxRole::label, report::Align::left, true);
      write_cell(s, 1, value, XlsxRole::cell, report::Align::left, true);
      ++s.row;
    }
  }

  void write(Sheet& s, const report::BulletList& list) {
    gap(s);
    if (!list.title.empty()) write_line(s, one_line(list.title), XlsxRole::block_title);
    for (const auto& item : list.items) {
      set_height(s, {&item});
      write_cell(s, 0, item, XlsxRole::text, report::Align::left, false);
      ++s.row;
    }
  }

  void write(Sheet& s, const report::Paragraph& p) {
    gap(s);
    set_height(s, {&p.text});
    write_cell(s, 0, p.text, XlsxRole::text, report::Align::left, false);
    ++s.row;
  }

  // label：[blank to sign on]  日期：[blank], one row each, tall enough to sign.
  void write(Sheet& s, const report::SignatureLines& sig) {
    gap(s);
    for (const auto& label : sig.labels) {
      xlsx_check(worksheet_set_row(s.ws, s.row, k_signature_height, nullptr), "set a row height");
      write_cell(s, 0, report::Cell{with_colon(label, m_lang)}, XlsxRole::label, report::Align::left, true);
      write_cell(s, 1, report::Cell{}, XlsxRole::sign_here, report::Align::left, false);
      if (!sig.date_label.empty()) {
        write_cell(s, 2, report::Cell{with_colon(sig.date_label, m_lang)}, XlsxRole::label, report::Align::left, true);
        write_cell(s, 3, report::Cell{}, XlsxRole::sign_here, report::Align::left, false);
      }
      ++s.row;
    }
  }

  void write(Sheet&, const report::Table&) {} // tables come through table()
  void write(Sheet&, const report::Gantt&) {}

  // One blank row between blocks.
  static void gap(Sheet& s) {
    if (s.row > 0) ++s.row;
  }

  void write_line(Sheet& s, const std::string& text, XlsxRole role) {
    write_text(s, 0, text, role, report::Style::normal);
  }

  void write_text(Sheet& s, lxw_col_t col, const std::string& text, XlsxRole role, report::Style style) {
    const std::string clean = cell_text(text);
    xlsx_check(worksheet_write_string(s.ws, s.row, col, clean.c_str(), m_book.format({role, style})), "write a cell");
    ++s.row;
  }

  // A row as tall as its cell with the most lines (constant_memory: before its first cell).
  void set_height(Sheet& s, const std::vector<const report::Cell*>& cells) {
    std::size_t lines = 1;
    for (const auto* c : cells) lines = std::max(lines, split_lines(clean_text(c->text)).size());
    if (lines > 1)
      xlsx_check(worksheet_set_row(s.ws, s.row, k_line_height * static_cast<double>(lines), nullptr),
                 "set a row height");
  }

  // `measured`: the column is as wide as this cell (up to k_max_width, then the text wraps);
  // otherwise the text may run on over the empty cells to its right (paragraphs, list items).
  void write_cell(Sheet& s, std::size_t col, const report::Cell& cell, XlsxRole role, report::Align align,
                  bool measured) {
    const std::string text = cell_text(cell.text);
    XlsxValue value = xlsx_value(cell);
    if (value.kind != XlsxValue::Kind::text && value.kind != XlsxValue::Kind::number && value.date.year() < 1900)
      value = {}; // before Excel's first day
    const double width = widest_line(text);
    const bool wrap = text.find('\n') != std::string::npos || (measured && width > k_max_width);
    lxw_format* format = m_book.format({role, cell.style, value.kind, align, wrap});
    const auto c = static_cast<lxw_col_t>(col);
    switch (value.kind) {
    case XlsxValue::Kind::date:
    case XlsxValue::Kind::date_weekday: {
      lxw_datetime dt{value.date.year(), value.date.month(), value.date.day(), 0, 0, 0.0};
      xlsx_check(worksheet_write_datetime(s.ws, s.row, c, &dt, format), "write a date");
      break;
    }
    case XlsxValue::Kind::number:
      xlsx_check(worksheet_write_number(s.ws, s.row, c, value.number, format), "write a number");
      break;
    case XlsxValue::Kind::text:
      if (text.empty())
        xlsx_check(worksheet_write_blank(s.ws, s.row, c, format), "write a cell");
      else
        xlsx_check(worksheet_write_string(s.ws, s.row, c, text.c_str(), format), "write a cell");
      break;
    }
    if (!measured) return;
    if (s.widths.size() <= col) s.widths.resize(col + 1, 0);
    s.widths[col] = std::max(s.widths[col], width);
  }

  const report::Lang m_lang;
  const Labels& m_labels;
  XlsxWorkbook m_book;
  XlsxSheetNames m_names;
  std::deque<Sheet> m_sheets;           // stable addresses
  Sheet* m_current = nullptr;           // the sheet of the last table: what completes it goes below
  Sheet* m_summary = nullptr;           // kept first for a head that comes last
  std::vector<report::Block> m_pending; // blocks waiting for the table they introduce
  report::DocumentHead m_head;
  bool m_head_pending = false; // m_head goes on top of the next sheet
  bool m_opened = false;
};

} // namespace

std::string render_xlsx(const report::Document& doc, const RenderOptions& options) {
  XlsxWriter writer(options);
  return render_whole(writer, doc);
}

std::unique_ptr<detail::BlockRenderer> detail::make_xlsx_renderer(const RenderOptions& options) {
  return std::make_unique<XlsxWriter>(options);
}

} // namespace yekuo::render
