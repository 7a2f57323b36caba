// HTML renderer: one self-contained page (inline CSS, inline SVG; no scripts, fonts, stylesheets
// or images from anywhere), escaping every piece of text, readable on a 1280 px screen and a phone,
// printable on A4 landscape. Status is always in the text; CSS classes only add colour. Links
// (Cell::href, the site navigation) are relative: the page never points outside its site.
#include "block_renderer.hpp"
#include "common.hpp"
#include "html_escape.hpp"
#include "svg_gantt.hpp"

#include <yekuo/render/render.hpp>

#include <algorithm>

namespace yekuo::render {

namespace {
using namespace detail;

constexpr std::size_t k_nowrap_cells = 16; // "2010-01-13 周三" is 14 display cells

constexpr std::string_view k_css = R"css(
:root{--fg:#1f2328;--muted:#656d76;--line:#d0d7de;--head:#f3f4f6;--ok:#1a7f37;--warn:#9a6700;--bad:#cf222e;--cust:#0969da}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%;text-size-adjust:100%}
body{margin:0;padding:24px;color:var(--fg);background:#fff;font-size:14px;line-height:1.5;
 font-family:"PingFang SC","Hiragino Sans GB","Microsoft YaHei","Noto Sans CJK SC","Source Han Sans SC","WenQuanYi Micro Hei",system-ui,-apple-system,"Segoe UI",sans-serif}
main{max-width:1280px;margin:0 auto}
h1{font-size:22px;margin:0 0 4px}
h2{font-size:16px;margin:24px 0 8px}
.subtitle{color:var(--muted);margin:0 0 12px}
.warnings{border:1px solid #d4a72c;border-left-width:6px;background:#fff8c5;padding:6px 12px;margin:12px 0}
.warnings p{margin:4px 0}
.warnings strong{color:var(--warn)}
.table-wrap,.gantt-wrap{overflow-x:auto;-webkit-overflow-scrolling:touch;max-width:100%}
table{border-collapse:collapse;width:100%}
.table-wrap table{min-width:640px}
th,td{border:1px solid var(--line);padding:4px 8px;vertical-align:top;text-align:left}
th{background:var(--head);font-weight:600}
.r{text-align:right}.c{text-align:center}
td.r{font-variant-numeric:tabular-nums;white-space:nowrap}
dl.kv{display:grid;grid-template-columns:max-content 1fr;gap:2px 16px;margin:0}
dl.kv dt{color:var(--muted)}
dl.kv dd{margin:0;justify-self:start}
ul{margin:4px 0;padding-left:1.5em}
.s-muted{color:var(--muted)}
.s-strong{font-weight:600}
.s-ok{color:var(--ok)}
.s-warning{color:var(--warn)}
.s-due_soon{color:var(--warn);background:#fff8c5}
.s-overdue{color:var(--bad);background:#ffebe9;font-weight:600}
.s-critical{color:var(--bad);font-weight:600}
.s-customer{color:var(--cust)}
td.h0{background:#f6f8fa}td.h1{background:#dafbe1}td.h2{background:#aceebb}td.h3{background:#fff8c5}
td.h4{background:#ffd8b5}td.h5{background:#ffc1c0}
.signatures p{margin:28px 0 0}
.signatures .blank{display:inline-block;min-width:12em;border-bottom:1px solid var(--fg);margin-right:3em}
.gantt-note{color:var(--muted);font-size:12px}
nav.site{margin:0 0 16px;border-bottom:1px solid var(--line)}
nav.site ul{list-style:none;margin:0;padding:0 0 8px;display:flex;flex-wrap:wrap;gap:4px 20px}
nav.site a[aria-current=page]{font-weight:600;color:var(--fg);text-decoration:none}
a{color:var(--cust)}
.nowrap,td.nw{white-space:nowrap}
@media (min-width:700px){svg.gantt{max-width:100%;height:auto}}
svg.gantt{display:block;font-family:inherit}
svg.gantt text{font-size:12px;fill:var(--fg)}
svg.gantt .axis text{font-size:11px;fill:var(--muted)}
svg.gantt .band{fill:#f6f8fa}
svg.gantt .row-customer{fill:#ddf4ff}
svg.gantt .crit-row{fill:none;stroke:var(--bad);stroke-width:1.5}
svg.gantt text.tag-critical{fill:var(--bad);font-weight:600}
svg.gantt text.tag-customer{fill:var(--cust)}
svg.gantt .nonworking{fill:#eaeef2}
svg.gantt .grid-month{stroke:#8c959f;stroke-width:1}
svg.gantt .grid-week{stroke:#d0d7de;stroke-width:.5}
svg.gantt .bar.crit{stroke:var(--bad);stroke-width:2}
svg.gantt .bar.actual.s-overdue{fill:#a40e26}
svg.gantt .marker{stroke-width:1.5;stroke-dasharray:5 3}
svg.gantt text.marker-label{font-size:11px}
@page{size:A4 landscape;margin:12mm}
@media print{
 body{padding:0;font-size:10pt}
 main{max-width:none}
 .table-wrap,.gantt-wrap{overflow:visible}
 .table-wrap table{min-width:0}
 thead{display:table-header-group}
 tr,dl.kv,.signatures,svg.gantt{break-inside:avoid;page-break-inside:avoid}
 h1,h2{break-after:avoid;page-break-after:avoid}
 svg.gantt{max-width:100%;height:auto}
 nav.site{display:none}
 a{color:inherit;text-decoration:none}
 *{-webkit-print-color-adjust:exact;print-color-adjust:exact}
}
@media (max-width:640px){body{padding:12px;font-size:13px}h1{font-size:18px}dl.kv{grid-template-columns:1fr}dl.kv dd{margin-bottom:6px}
 .table-wrap table.stack{min-width:0}
 table.stack thead{display:none}
 table.stack tr{display:block;border:1px solid var(--line);margin:0 0 8px;padding:4px 8px}
 table.stack td{display:grid;grid-template-columns:8em 1fr;gap:8px;border:0;padding:2px 0;white-space:normal}
 table.stack td::before{content:attr(data-label);color:var(--muted)}
}
)css";

std::string cls(report::Style style) { return "s-" + std::string(style_name(style)); }

std::string align_class(report::Align a) {
  switch (a) {
  case report::Align::left: return "";
  case report::Align::right: return "r";
  case report::Align::center: return "c";
  }
  return "";
}

std::string class_attr(const std::string& a, const std::string& b = {}) {
  std::string v = a;
  if (!b.empty()) v += (v.empty() ? "" : " ") + b;
  return v.empty() ? std::string{} : " class=\"" + v + "\"";
}

std::string style_class(report::Style style) { return style == report::Style::normal ? std::string{} : cls(style); }

// `content` (already escaped) inside a link to `href` when there is one that may be followed.
std::string linked(const std::string& content, const std::string& href, bool current = false) {
  if (!linkable(href)) return content;
  return "<a href=\"" + html_escape(href) + "\"" + (current ? " aria-current=\"page\"" : "") + ">" + content + "</a>";
}

std::string cell_html(const report::Cell& cell) { return linked(html_lines(cell.text), cell.href); }

class HtmlWriter final : public WritingRenderer<HtmlWriter> {
public:
  explicit HtmlWriter(const RenderOptions& options) : m_options(options), m_labels(labels(options.lang)) {}

  void head(std::string& out, const report::DocumentHead& head) override {
    const bool en = m_options.lang == report::Lang::en;
    out += "<!DOCTYPE html>\n<html lang=\"" + std::string(en ? "en" : "zh-CN") + "\">\n<head>\n";
    out += "<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
    out += "<title>" + html_escape(one_line(head.title.empty() ? std::string("yekuo") : head.title)) + "</title>\n";
    out += "<style>" + std::string(k_css) + "</style>\n</head>\n<body>\n<main>\n";
    m_out = &out;
    write(head.navigation);
    if (!head.title.empty() || !head.subtitle.empty()) {
      out += "<header>\n";
      if (!head.title.empty()) out += "<h1>" + html_escape(one_line(head.title)) + "</h1>\n";
      if (!head.subtitle.empty()) out += "<p class=\"subtitle\">" + html_lines(head.subtitle) + "</p>\n";
      out += "</header>\n";
    }
    if (!head.warnings.empty()) {
      out += "<section class=\"warnings\" role=\"note\">\n";
      for (const auto& w : head.warnings)
        out += "<p><strong>" + html_escape(with_colon(m_labels.warning, m_options.lang)) + "</strong>" + html_lines(w) + "</p>\n";
      out += "</section>\n";
    }
  }

  void open(bool) override {}

  void end(std::string& out) override { out += "</main>\n</body>\n</html>\n"; }

private:
  friend class WritingRenderer<HtmlWriter>;

  void write(const report::Navigation& nav) {
    if (nav.links.empty()) return;
    *m_out += "<nav class=\"site\"";
    if (!nav.label.empty()) *m_out += " aria-label=\"" + html_escape(one_line(nav.label)) + "\"";
    *m_out += "><ul>";
    for (const auto& link : nav.links) *m_out += "<li>" + linked(html_escape(one_line(link.label)), link.href, link.current) + "</li>";
    *m_out += "</ul></nav>\n";
  }

  void heading(const std::string& title) {
    if (!title.empty()) *m_out += "<h2>" + html_escape(one_line(title)) + "</h2>\n";
  }

  void write(const report::KeyValues& kv) {
    *m_out += "<section class=\"block keyvalues\">\n";
    heading(kv.title);
    *m_out += "<dl class=\"kv\">\n";
    for (const auto& [key, value] : kv.items) {
      *m_out += "<dt>" + html_escape(one_line(key)) + "</dt><dd" + class_attr(style_class(value.style)) + ">" + cell_html(value) +
                "</dd>\n";
    }
    *m_out += "</dl>\n</section>\n";
  }

  void write(const report::Table& table) { write_table(table, column_count(table), table.rows.size(), rows_of(table)); }

  void write_table(const report::Table& table, std::size_t ncols, std::size_t nrows, const RowAt& row_at) {
    *m_out += "<section class=\"block table\">\n";
    heading(table.title);
    // A stacked table names each cell by its header (shown before it on a phone, see the CSS).
    std::vector<std::string> data_labels(ncols);
    if (table.stack)
      for (std::size_t c = 0; c < ncols; ++c) data_labels[c] = " data-label=\"" + html_escape(one_line(header_at(table, c))) + "\"";
    *m_out += std::string("<div class=\"table-wrap\">\n<table") + (table.stack ? " class=\"stack\"" : "") + ">\n<thead>\n<tr>";
    for (std::size_t c = 0; c < ncols; ++c)
      *m_out += "<th scope=\"col\"" + class_attr(align_class(align_at(table, c))) + ">" + html_lines(header_at(table, c)) + "</th>";
    *m_out += "</tr>\n</thead>\n<tbody>\n";
    for (std::size_t r = 0; r < nrows; ++r) {
      const auto& row = row_at(r);
      *m_out += "<tr>";
      for (std::size_t c = 0; c < ncols; ++c) {
        const auto& cell = cell_at(row, c);
        std::string klass = align_class(align_at(table, c));
        // Short cells (dates with their weekday, departments, statuses) never wrap mid-word.
        if (cell.text.find('\n') == std::string::npos && text_width(cell.text) <= k_nowrap_cells)
          klass += klass.empty() ? "nw" : " nw";
        if (cell.heat) klass += (klass.empty() ? "h" : " h") + std::to_string(std::clamp(*cell.heat, 0, 5));
        *m_out += "<td" + class_attr(klass, style_class(cell.style)) + data_labels[c] + ">" + cell_html(cell) + "</td>";
      }
      *m_out += "</tr>\n";
    }
    *m_out += "</tbody>\n</table>\n</div>\n</section>\n";
  }

  void write(const report::BulletList& list) {
    *m_out += "<section class=\"block list\">\n";
    heading(list.title);
    *m_out += "<ul>\n";
    for (const auto& item : list.items)
      *m_out += "<li" + class_attr(style_class(item.style)) + ">" + cell_html(item) + "</li>\n";
    *m_out += "</ul>\n</section>\n";
  }

  void write(const report::Paragraph& p) {
    *m_out += "<p" + class_attr(style_class(p.text.style)) + ">" + cell_html(p.text) + "</p>\n";
  }

  void write(const report::SignatureLines& s) {
    *m_out += "<section class=\"block signatures\">\n";
    for (const auto& label : s.labels) {
      *m_out += "<p><span>" + html_escape(with_colon(label, m_options.lang)) + "</span><span class=\"blank\"></span>";
      if (!s.date_label.empty())
        *m_out += "<span>" + html_escape(with_colon(s.date_label, m_options.lang)) + "</span><span class=\"blank\"></span>";
      *m_out += "</p>\n";
    }
    *m_out += "</section>\n";
  }

  void write(const report::Gantt& g) {
    *m_out += "<section class=\"block gantt\">\n";
    heading(g.title);
    *m_out += "<div class=\"gantt-wrap\">\n" + svg_gantt(g, m_options.lang, "yk-g" + std::to_string(m_gantt_count++)) + "</div>\n";
    *m_out += "</section>\n";
  }

  const RenderOptions m_options;
  const Labels& m_labels;
  int m_gantt_count = 0;
};

} // namespace

std::string render_html(const report::Document& doc, const RenderOptions& options) {
  HtmlWriter writer(options);
  return render_whole(writer, doc);
}

std::unique_ptr<detail::BlockRenderer> detail::make_html_renderer(const RenderOptions& options) {
  return std::make_unique<HtmlWriter>(options);
}

} // namespace yekuo::render
