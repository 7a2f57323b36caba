// Markdown renderer (GitHub Flavored Markdown). User text is escaped so that it shows literally:
// inline markup characters and the table pipe get a backslash, & < > become entities, a line that
// would start a heading, quote, list or thematic break gets its first character escaped, and line
// breaks inside cells become <br>. A linked cell is [text](href); the site navigation is one line
// of links above the title.
#include "block_renderer.hpp"
#include "common.hpp"

#include <yekuo/render/render.hpp>

#include <fmt/format.h>

namespace yekuo::render {

namespace {
using namespace detail;
using report::Style;

// Escapes one line of text for inline use anywhere (cells, list items, paragraphs).
std::string escape_inline(std::string_view line) {
  std::string out;
  out.reserve(line.size() + 8);
  for (const char ch : line) {
    switch (ch) {
    case '&': out += "&amp;"; break;
    case '<': out += "&lt;"; break;
    case '>': out += "&gt;"; break;
    case '\\': case '|': case '*': case '_': case '`': case '[': case ']': case '~': case '#': case '!':
      out += '\\';
      out += ch;
      break;
    default: out += ch;
    }
  }
  // Block-level markers only matter at the start of a line: "- x", "+ x", "= x", "1. x", "1) x".
  std::size_t lead = 0;
  while (lead < out.size() && out[lead] == ' ') ++lead;
  if (lead < out.size()) {
    const char c = out[lead];
    if (c == '-' || c == '+' || c == '=') {
      out.insert(lead, 1, '\\');
    } else if (c >= '0' && c <= '9') {
      std::size_t d = lead;
      while (d < out.size() && out[d] >= '0' && out[d] <= '9') ++d;
      if (d < out.size() && (out[d] == '.' || out[d] == ')')) out.insert(d, 1, '\\');
    }
  }
  // Leading spaces would be eaten (or make a code block in a paragraph): keep them visible.
  std::string nbsp;
  for (std::size_t i = 0; i < lead; ++i) nbsp += "&nbsp;";
  return nbsp + out.substr(lead);
}

// Emphasis by style; the text always carries the meaning too.
std::string emphasize(const std::string& escaped, Style style) {
  if (escaped.empty()) return escaped;
  if (style == Style::strong || style == Style::critical || style == Style::overdue) return "**" + escaped + "**";
  return escaped;
}

// Inline text: lines joined with <br>.
std::string inline_text(std::string_view text) {
  const auto lines = split_lines(clean_text(text));
  std::string out;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (i > 0) out += "<br>";
    out += escape_inline(lines[i]);
  }
  return out;
}

// A link destination: bytes that would end it or break a table row (<, >, (, ), |, backslash,
// blanks, controls, non-ASCII) are percent-encoded; & is written as &amp; so no entity is decoded from it.
std::string link_destination(std::string_view href) {
  std::string out;
  for (const char ch : href) {
    const auto c = static_cast<unsigned char>(ch);
    if (c == '&') {
      out += "&amp;";
    } else if (c <= 0x20 || c >= 0x7F || ch == '<' || ch == '>' || ch == '(' || ch == ')' || ch == '|' || ch == '\\') {
      out += fmt::format("%{:02X}", c);
    } else {
      out += ch;
    }
  }
  return out;
}

// `text` (already escaped) as a link to `href` when it may be followed (linkable).
std::string linked(const std::string& text, const std::string& href) {
  if (text.empty() || !linkable(href)) return text;
  return "[" + text + "](" + link_destination(href) + ")";
}

// A cell: its text, linked, then emphasized by its style.
std::string cell_text(const report::Cell& cell) { return emphasize(linked(inline_text(cell.text), cell.href), cell.style); }

class MarkdownWriter final : public WritingRenderer<MarkdownWriter> {
public:
  explicit MarkdownWriter(const RenderOptions& options) : m_options(options), m_labels(labels(options.lang)) {}

  void head(std::string& out, const report::DocumentHead& head) override {
    m_out = &out;
    write(head.navigation);
    if (!head.title.empty()) out += "# " + inline_text(one_line(head.title)) + "\n\n";
    if (!head.subtitle.empty()) out += inline_text(one_line(head.subtitle)) + "\n\n";
    for (const auto& w : head.warnings)
      // The colon stays outside the ** so that CommonMark closes the emphasis before CJK text.
      out += "> **" + std::string(m_labels.warning) + "**" + std::string(m_labels.colon) + inline_text(w) + "\n\n";
  }

  void open(bool) override {}

  void end(std::string&) override {}

  // Every block ends with a blank line; the text ends with one newline.
  [[nodiscard]] bool one_final_newline() const override { return true; }

private:
  friend class WritingRenderer<MarkdownWriter>;

  // "[All orders](index.html) · **Weekly evaluation** · [Assessment](assessment.html)": the current page is not a link.
  void write(const report::Navigation& nav) {
    std::string line;
    for (const auto& link : nav.links) {
      const std::string label = inline_text(one_line(link.label));
      if (!line.empty()) line += " · ";
      line += link.current ? emphasize(label, Style::strong) : linked(label, link.href);
    }
    if (!line.empty()) *m_out += line + "\n\n";
  }

  void heading(const std::string& title) {
    if (!title.empty()) *m_out += "## " + inline_text(one_line(title)) + "\n\n";
  }

  void write(const report::KeyValues& kv) {
    heading(kv.title);
    if (kv.items.empty()) return;
    *m_out += "| " + std::string(m_labels.item) + " | " + std::string(m_labels.value) + " |\n| --- | --- |\n";
    for (const auto& [key, value] : kv.items)
      *m_out += "| " + inline_text(one_line(key)) + " | " + cell_text(value) + " |\n";
    *m_out += "\n";
  }

  void write(const report::Table& table) { write_table(table, column_count(table), table.rows.size(), rows_of(table)); }

  void write_table(const report::Table& table, std::size_t ncols, std::size_t nrows, const RowAt& row_at) {
    heading(table.title);
    if (ncols == 0) return;
    std::string head = "|";
    std::string rule = "|";
    for (std::size_t c = 0; c < ncols; ++c) {
      // append() rather than " " + str: g++ 12 warns falsely (-Wrestrict) on the latter.
      head.append(" ").append(inline_text(header_at(table, c))).append(" |");
      switch (align_at(table, c)) {
      case report::Align::left: rule += " --- |"; break;
      case report::Align::right: rule += " ---: |"; break;
      case report::Align::center: rule += " :---: |"; break;
      }
    }
    *m_out += head + "\n" + rule + "\n";
    for (std::size_t r = 0; r < nrows; ++r) {
      const auto& row = row_at(r);
      std::string line = "|";
      for (std::size_t c = 0; c < ncols; ++c) {
        const auto& cell = cell_at(row, c);
        line.append(" ").append(cell_text(cell)).append(" |");
      }
      *m_out += line + "\n";
    }
    *m_out += "\n";
  }

  void write(const report::BulletList& list) {
    heading(list.title);
    for (const auto& item : list.items) *m_out += "- " + cell_text(item) + "\n";
    if (!list.items.empty()) *m_out += "\n";
  }

  void write(const report::Paragraph& p) {
    const std::string text = cell_text(p.text);
    if (!text.empty()) *m_out += text + "\n\n";
  }

  void write(const report::SignatureLines& s) {
    const std::string blank = "\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_";
    for (const auto& label : s.labels) {
      std::string line = inline_text(with_colon(label, m_options.lang)) + blank;
      if (!s.date_label.empty()) line += "&emsp;" + inline_text(with_colon(s.date_label, m_options.lang)) + blank;
      *m_out += line + "\n\n";
    }
  }

  void write(const report::Gantt& g) {
    std::string line;
    if (!g.title.empty()) line = inline_text(one_line(g.title)) + " ";
    *m_out += "_" + line + inline_text(m_labels.gantt_note) + "_\n\n";
  }

  const RenderOptions m_options;
  const Labels& m_labels;
};

} // namespace

std::string render_markdown(const report::Document& doc, const RenderOptions& options) {
  MarkdownWriter writer(options);
  return render_whole(writer, doc);
}

std::unique_ptr<detail::BlockRenderer> detail::make_markdown_renderer(const RenderOptions& options) {
  return std::make_unique<MarkdownWriter>(options);
}

} // namespace yekuo::render
