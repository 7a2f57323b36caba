#pragma once
// The intermediate format between the report builders (plan, evaluation, assessment) and the
// renderers (terminal, Markdown, CSV, HTML, xlsx). Builders say *what* (text, semantic style); the
// renderers decide *how* (ANSI colour, CSS class, escaping, width). JSON output does not go
// through here: each report has its own documented JSON contract (see schemas/).
#include <yekuo/calendar/date.hpp>
#include <yekuo/util/text_align.hpp>

#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace yekuo::report {

// Semantic styles. Renderers map them to colours/classes and must never rely on colour alone:
// the cell text always carries the meaning too.
enum class Style { normal, muted, strong, ok, warning, due_soon, overdue, critical, customer };

// The column alignment of util/text_align.hpp, under the name the report builders use.
using Align = TextAlign;

struct Cell {
  std::string text;
  Style style = Style::normal;
  // A link to another page of the same output (a relative URL such as "orders/a.html"), "" for
  // none. HTML and Markdown link the text; the terminal and CSV show the text only. Renderers
  // drop a link with a scheme or a leading slash: the pages stay self-contained.
  std::string href = {};
  // What the text is, for formats with typed cells (xlsx: a date cell, a number cell). Optional:
  // the xlsx renderer also recognises an ISO date ("2010-01-11", "2010-01-11 周一") or a plain
  // integer in the text. Every other renderer shows the text.
  std::optional<calendar::Date> date = {};
  std::optional<double> number = {};
  // A heat map's level, 0 (nothing) to 5 (over the limit): HTML shades the cell (`yekuo load`).
  // The text and style carry the same meaning.
  std::optional<int> heat = {};
};

struct Column {
  std::string header;
  Align align = Align::left;
};

struct Table {
  std::string title;                  // may be empty
  std::vector<Column> columns;
  std::vector<std::vector<Cell>> rows; // each row has columns.size() cells
  // Each row is a record (an order of the portfolio): on a phone, HTML shows every row as a
  // card whose cells are labelled with their column headers instead of a wide grid.
  bool stack = false;
};

// A heading with label/value pairs (project header of the plan table, etc.).
struct KeyValues {
  std::string title;
  std::vector<std::pair<std::string, Cell>> items;
};

struct BulletList {
  std::string title;
  std::vector<Cell> items;
};

struct Paragraph {
  Cell text;
};

// Lines to sign on a printed table ("客户确认（签字）：________  日期：________").
struct SignatureLines {
  std::vector<std::string> labels;
  std::string date_label;
};

// A Gantt picture (rendered as inline SVG in HTML; text renderers skip it).
enum class BarKind { planned, baseline, actual, excluded };

struct GanttBar {
  calendar::Date start;  // first day covered, inclusive
  calendar::Date finish; // last day covered, inclusive
  BarKind kind = BarKind::planned;
  Style style = Style::normal;
  std::string label;     // tooltip / accessible text
};

struct GanttRow {
  std::string label;     // stage name
  std::string group;     // department, used for colour and grouping
  bool customer = false; // customer-side stage
  bool critical = false;
  std::vector<GanttBar> bars;
};

struct GanttMarker {
  calendar::Date date;
  std::string label;     // "目标接电日期", "今天"
  Style style = Style::normal;
};

struct Gantt {
  std::string title;
  calendar::Date from;   // first day shown
  calendar::Date to;     // last day shown
  std::vector<GanttRow> rows;
  std::vector<GanttMarker> markers;
  std::vector<calendar::Date> non_working_days; // shaded (holidays and weekends in range)
};

using Block = std::variant<KeyValues, Table, BulletList, Paragraph, SignatureLines, Gantt>;

// One entry of a site's navigation.
struct NavLink {
  std::string label;
  std::string href;     // relative URL, as Cell::href
  bool current = false; // the page this document is
};

// The links between the pages of a site (`yekuo publish`), shown before the title. HTML renders
// a <nav>, Markdown a line of links; the terminal and CSV leave it out (nothing to follow there).
struct Navigation {
  std::string label;          // what it is, for screen readers ("站点导航")
  std::vector<NavLink> links; // none: the document has no navigation
};

struct Document {
  std::string title;     // page/report title
  std::string subtitle;  // e.g. "as of 2026-11-23"
  std::vector<Block> blocks;
  std::vector<std::string> warnings; // shown prominently (provisional calendar, no baseline ...)
  Navigation navigation = {};
};

} // namespace yekuo::report
