// The Gantt picture as inline SVG. Geometry: one column per calendar day (capped in total
// width, so long spans get narrower days and week or month ticks), a label column on the left,
// one row per stage, marker labels and a legend below. Every bar is a <rect class="bar KIND"
// data-row="i"> with a <title> tooltip, so tests and readers can identify it.
#include "svg_gantt.hpp"

#include "common.hpp"
#include "html_escape.hpp"

#include <yekuo/calendar/date.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <fmt/format.h>
#include <map>

namespace yekuo::render::detail {

namespace {
using calendar::Date;
using report::BarKind;
using report::Style;

constexpr std::int32_t k_max_days = 366 * 10; // longer spans are cut (a decade of one order is a data error)
constexpr double k_max_chart_px = 860;        // chart area; with the widest label column the picture fits 1232 px (1280 - padding)
constexpr double k_max_day_px = 28;
constexpr double k_cell_px = 7;               // one terminal cell of 12 px text, rounded up
constexpr std::size_t k_max_label_cells = 36;
constexpr double k_axis_h = 40;
constexpr double k_row_h = 26;
constexpr double k_marker_h = 16;
constexpr double k_legend_row_h = 20;

// Department colours: fixed order of first appearance, no red (red means critical/overdue).
constexpr std::array<std::string_view, 10> k_palette{"#4e79a7", "#f28e2b", "#76b7b2", "#59a14f", "#edc948",
                                                     "#b07aa1", "#ff9da7", "#9c755f", "#86bcb6", "#bab0ac"};

std::string num(double v) { return fmt::format("{:.1f}", v); }

std::string_view marker_colour(Style s) {
  switch (s) {
  case Style::overdue:
  case Style::critical: return "#cf222e";
  case Style::due_soon:
  case Style::warning: return "#9a6700";
  case Style::ok: return "#1a7f37";
  case Style::customer: return "#0969da";
  case Style::muted: return "#8c959f";
  case Style::normal:
  case Style::strong: return "#1f2328";
  }
  return "#1f2328";
}

std::string_view kind_name(BarKind k) {
  switch (k) {
  case BarKind::planned: return "planned";
  case BarKind::baseline: return "baseline";
  case BarKind::actual: return "actual";
  case BarKind::excluded: return "excluded";
  }
  return "planned";
}

std::string_view kind_label(BarKind k, const Labels& l) {
  switch (k) {
  case BarKind::planned: return l.planned;
  case BarKind::baseline: return l.baseline;
  case BarKind::actual: return l.actual;
  case BarKind::excluded: return l.excluded;
  }
  return l.planned;
}

std::string date_span(Date a, Date b) { return a == b ? a.iso() : a.iso() + " ~ " + b.iso(); }

class GanttSvg {
public:
  GanttSvg(const report::Gantt& g, report::Lang lang, std::string id)
      : m_g(g), m_lang(lang), m_l(labels(lang)), m_id(std::move(id)) {}

  std::string run() {
    layout();
    const double height = m_legend_y + m_legend_h + 4;
    m_out += fmt::format("<svg class=\"gantt\" xmlns=\"http://www.w3.org/2000/svg\" width=\"{}\" height=\"{}\" "
                         "viewBox=\"0 0 {} {}\" role=\"img\" aria-labelledby=\"{}-title {}-desc\">\n",
                         num(m_width), num(height), num(m_width), num(height), m_id, m_id);
    const std::string title = m_g.title.empty() ? std::string(m_l.gantt) : m_g.title;
    m_out += "<title id=\"" + m_id + "-title\">" + html_escape(one_line(title)) + "</title>\n";
    m_out += "<desc id=\"" + m_id + "-desc\">" + html_escape(description()) + "</desc>\n";
    m_out += "<defs><pattern id=\"" + m_id + "-hatch\" patternUnits=\"userSpaceOnUse\" width=\"6\" height=\"6\" "
             "patternTransform=\"rotate(45)\"><rect width=\"6\" height=\"6\" fill=\"#ffffff\"/>"
             "<line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" stroke=\"#57606a\" stroke-width=\"3\"/></pattern></defs>\n";
    row_backgrounds();
    non_working();
    axis();
    rows();
    markers();
    legend();
    m_out += "</svg>\n";
    return m_out;
  }

private:
  void layout() {
    m_from = m_g.from;
    m_to = m_g.to;
    if (m_to < m_from) std::swap(m_from, m_to);
    if (m_to - m_from >= k_max_days) m_to = m_from.plus_days(k_max_days - 1);
    m_days = m_to - m_from + 1;
    m_day_px = std::min(k_max_day_px, k_max_chart_px / m_days);

    std::size_t label_cells = 8;
    bool any_tag = false;
    for (const auto& row : m_g.rows) {
      label_cells = std::max(label_cells, std::min(k_max_label_cells, text_width(one_line(row.label))));
      any_tag = any_tag || row.critical || row.customer;
    }
    m_tag_px = any_tag ? static_cast<double>(text_width(tags(true, true))) * k_cell_px + 8 : 0;
    m_label_cells = label_cells;
    m_chart_x = static_cast<double>(label_cells) * k_cell_px + 16 + m_tag_px;
    m_width = m_chart_x + m_day_px * m_days + 16;
    m_rows_y = k_axis_h;
    m_rows_h = k_row_h * static_cast<double>(m_g.rows.size());
    m_markers_y = m_rows_y + m_rows_h;
    std::size_t shown_markers = 0;
    for (const auto& m : m_g.markers)
      if (in_range(m.date)) ++shown_markers;
    m_legend_y = m_markers_y + k_marker_h * static_cast<double>(shown_markers) + 10;
    legend_items();
  }

  bool in_range(Date d) const { return d >= m_from && d <= m_to; }
  double x_of(Date d) const { return m_chart_x + (d - m_from) * m_day_px; }
  double rows_bottom() const { return m_rows_y + m_rows_h; }

  std::string tags(bool critical, bool customer) const {
    std::string t;
    if (customer) t += std::string(m_l.customer);
    if (critical) t += (t.empty() ? "" : " ") + std::string(m_l.critical);
    return t;
  }

  std::string description() const {
    if (m_lang == report::Lang::en) {
      return fmt::format("Gantt chart of {} stages from {} to {}. Solid bars: plan; light outlined bars: confirmed "
                         "baseline; dark bars: actual; hatched: customer-caused delay (excluded). Rows marked "
                         "\"critical\" are on the critical path; shaded columns are non-working days; dashed lines "
                         "are markers.",
                         m_g.rows.size(), m_from.iso(), m_to.iso());
    }
    return fmt::format("甘特图，共 {} 个阶段，时间范围 {} 至 {}。实色条为计划，浅色框为基线（已确认计划），深色条为实际，"
                       "斜线为客户原因（不计入考核）；标“关键”的行在关键路径上；灰色竖条为非工作日；虚线为标记日期。",
                       m_g.rows.size(), m_from.iso(), m_to.iso());
  }

  std::string_view group_colour(const std::string& group) {
    const auto it = m_group_index.find(group);
    if (it != m_group_index.end()) return k_palette[it->second % k_palette.size()];
    const std::size_t i = m_group_order.size();
    m_group_index.emplace(group, i);
    m_group_order.push_back(group);
    return k_palette[i % k_palette.size()];
  }

  void row_backgrounds() {
    m_out += "<g class=\"rows-bg\">\n";
    for (std::size_t i = 0; i < m_g.rows.size(); ++i) {
      const auto& row = m_g.rows[i];
      const double y = m_rows_y + k_row_h * static_cast<double>(i);
      const char* klass = row.customer ? "row-customer" : (i % 2 == 1 ? "band" : nullptr);
      if (klass != nullptr)
        m_out += fmt::format("<rect class=\"{}\" x=\"0\" y=\"{}\" width=\"{}\" height=\"{}\"/>\n", klass, num(y),
                             num(m_width), num(k_row_h));
    }
    m_out += "</g>\n";
  }

  void non_working() {
    if (m_day_px < 1.5 || m_g.rows.empty()) return; // too dense to show a column per day
    std::vector<Date> days;
    for (const Date d : m_g.non_working_days)
      if (in_range(d)) days.push_back(d);
    std::sort(days.begin(), days.end());
    days.erase(std::unique(days.begin(), days.end()), days.end());
    m_out += "<g class=\"nonworking-days\">\n";
    for (std::size_t i = 0; i < days.size();) {
      std::size_t j = i + 1;
      while (j < days.size() && days[j] - days[j - 1] == 1) ++j;
      m_out += fmt::format("<rect class=\"nonworking\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\"><title>{}</title></rect>\n",
                           num(x_of(days[i])), num(m_rows_y), num(m_day_px * static_cast<double>(j - i)), num(m_rows_h),
                           html_escape(std::string(m_l.non_working) + " " + date_span(days[i], days[j - 1])));
      i = j;
    }
    m_out += "</g>\n";
  }

  void axis() {
    m_out += "<g class=\"axis\">\n";
    const double top = 4;
    const double bottom = rows_bottom();
    const bool years_only = m_days > 366 * 3;
    const double month_px = 30.4 * m_day_px;
    const int month_step = std::max(1, static_cast<int>(std::ceil(56.0 / month_px)));
    // Month boundaries: a line at each 1st of the month, the label from there (or from the left edge).
    Date m = *Date::from_ymd(m_from.year(), m_from.month(), 1);
    int index = 0;
    for (; m <= m_to; m = calendar::add_months(m, 1), ++index) {
      const Date shown = std::max(m, m_from);
      const double x = x_of(shown);
      if (m >= m_from && month_px >= 4)
        m_out += fmt::format("<line class=\"grid-month\" x1=\"{0}\" y1=\"{1}\" x2=\"{0}\" y2=\"{2}\"/>\n", num(x), num(top),
                             num(bottom));
      std::string label;
      if (years_only) {
        if (m.month() == 1 || index == 0) label = fmt::format("{}", m.year());
      } else if (index % month_step == 0) {
        label = fmt::format("{:04}-{:02}", m.year(), m.month());
      }
      if (!label.empty() && x + 40 <= m_width)
        m_out += fmt::format("<text x=\"{}\" y=\"16\">{}</text>\n", num(x + 3), label);
    }
    // Week ticks on Mondays, labelled MM-DD, when a week is wide enough for its label.
    if (m_day_px * 7 >= 34) {
      Date d = m_from;
      while (d.weekday() != 0) d = d.plus_days(1);
      for (; d <= m_to; d = d.plus_days(7)) {
        const double x = x_of(d);
        m_out += fmt::format("<line class=\"grid-week\" x1=\"{0}\" y1=\"22\" x2=\"{0}\" y2=\"{1}\"/>\n", num(x), num(bottom));
        if (x + 34 <= m_chart_x + m_day_px * m_days) // a label cut by the right edge would be misread
          m_out += fmt::format("<text x=\"{}\" y=\"34\">{:02}-{:02}</text>\n", num(x + 2), d.month(), d.day());
      }
    }
    m_out += fmt::format("<line class=\"grid-month\" x1=\"{0}\" y1=\"{1}\" x2=\"{2}\" y2=\"{1}\"/>\n", num(m_chart_x),
                         num(m_rows_y), num(m_chart_x + m_day_px * m_days));
    m_out += "</g>\n";
  }

  void rows() {
    m_out += "<g class=\"rows\">\n";
    for (std::size_t i = 0; i < m_g.rows.size(); ++i) {
      const auto& row = m_g.rows[i];
      const double y = m_rows_y + k_row_h * static_cast<double>(i);
      const std::string full = one_line(row.label);
      std::string klass = "row";
      if (row.critical) klass += " critical";
      if (row.customer) klass += " customer";
      m_out += fmt::format("<g class=\"{}\" data-row=\"{}\">\n", klass, i);
      m_out += fmt::format("<text class=\"label\" x=\"8\" y=\"{}\"><title>{}</title>{}</text>\n", num(y + 17), html_escape(full),
                           html_escape(truncate_to_width(full, m_label_cells)));
      if (row.critical || row.customer) {
        // Text tags, so that the meaning does not depend on colour.
        if (row.customer)
          m_out += fmt::format("<text class=\"tag-customer\" x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text>\n",
                               num(m_chart_x - 8 - (row.critical ? static_cast<double>(text_width(m_l.critical)) * k_cell_px + 6 : 0)),
                               num(y + 17), html_escape(m_l.customer));
        if (row.critical)
          m_out += fmt::format("<text class=\"tag-critical\" x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text>\n",
                               num(m_chart_x - 8), num(y + 17), html_escape(m_l.critical));
      }
      const std::string_view colour = group_colour(row.group);
      for (const auto& bar : row.bars) bar_rect(bar, row, i, y, colour);
      if (row.critical)
        m_out += fmt::format("<rect class=\"crit-row\" x=\"1\" y=\"{}\" width=\"{}\" height=\"{}\"/>\n", num(y + 1),
                             num(m_width - 2), num(k_row_h - 2));
      m_out += "</g>\n";
    }
    m_out += "</g>\n";
  }

  void bar_rect(const report::GanttBar& bar, const report::GanttRow& row, std::size_t i, double y, std::string_view colour) {
    Date a = bar.start;
    Date b = bar.finish;
    if (b < a) std::swap(a, b);
    if (b < m_from || a > m_to) return;
    const Date ca = std::max(a, m_from);
    const Date cb = std::min(b, m_to);
    const double x = x_of(ca);
    const double w = std::max(2.0, m_day_px * (cb - ca + 1));
    double top = y + 5;
    double h = 13;
    std::string attrs;
    switch (bar.kind) {
    case BarKind::planned: attrs = fmt::format("fill=\"{}\"", colour); break;
    case BarKind::baseline:
      top = y + 19;
      h = 5;
      attrs = "fill=\"#d0d7de\" stroke=\"#57606a\" stroke-width=\"1\"";
      break;
    case BarKind::actual:
      top = y + 8;
      h = 7;
      attrs = "fill=\"#24292f\" fill-opacity=\"0.85\"";
      break;
    case BarKind::excluded: attrs = fmt::format("fill=\"url(#{}-hatch)\" stroke=\"#57606a\" stroke-width=\"1\"", m_id); break;
    }
    std::string klass = "bar " + std::string(kind_name(bar.kind));
    if (bar.style != Style::normal) klass += " s-" + std::string(style_name(bar.style));
    if (row.critical && bar.kind == BarKind::planned) klass += " crit";
    const std::string who = bar.label.empty() ? one_line(row.label) + " " + std::string(kind_label(bar.kind, m_l)) : one_line(bar.label);
    m_out += fmt::format("<rect class=\"{}\" data-row=\"{}\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" {}><title>{}</title></rect>\n",
                         klass, i, num(x), num(top), num(w), num(h), attrs, html_escape(who + " " + date_span(a, b)));
  }

  void markers() {
    std::size_t k = 0;
    for (const auto& m : m_g.markers) {
      if (!in_range(m.date)) continue;
      // A deadline is the end of its day: the line sits on the day's right edge.
      const double x = x_of(m.date) + m_day_px;
      const std::string_view colour = marker_colour(m.style);
      const double label_y = m_markers_y + k_marker_h * static_cast<double>(k) + 12;
      m_out += fmt::format("<g class=\"marker-group\"><line class=\"marker s-{}\" x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"{}\"/>",
                           style_name(m.style), num(x), num(k_axis_h - 18), num(x), num(label_y - 10), colour);
      const bool right = x > m_width - 200;
      m_out += fmt::format("<text class=\"marker-label\" x=\"{}\" y=\"{}\" text-anchor=\"{}\" fill=\"{}\">{}</text></g>\n",
                           num(right ? x - 3 : x + 3), num(label_y), right ? "end" : "start", colour,
                           html_escape(one_line(m.label) + " " + m.date.iso()));
      ++k;
    }
  }

  struct LegendItem {
    std::string text;
    std::string swatch; // SVG for a 14x10 swatch at (0,0), translated
    double x = 0;
    double y = 0;
  };

  void legend_items() {
    // Only what the picture draws: department colours fill the planned bars alone (an
    // assessment's picture has none), the others have their own swatch.
    bool kinds[4] = {false, false, false, false};
    bool any_critical = false;
    bool any_customer = false;
    bool any_actual_over = false;
    for (const auto& row : m_g.rows) {
      any_critical = any_critical || row.critical;
      any_customer = any_customer || row.customer;
      for (const auto& bar : row.bars) {
        kinds[static_cast<int>(bar.kind)] = true;
        any_actual_over = any_actual_over || (bar.kind == BarKind::actual && bar.style == Style::overdue);
      }
    }
    std::vector<LegendItem> items;
    if (kinds[static_cast<int>(BarKind::planned)]) {
      // Colours are assigned in row order, the same order rows() uses.
      for (const auto& row : m_g.rows) (void)group_colour(row.group);
      for (const auto& group : m_group_order) {
        items.push_back({group.empty() ? std::string("—") : one_line(group),
                         fmt::format("<rect width=\"14\" height=\"10\" fill=\"{}\"/>", group_colour(group))});
      }
    }
    if (kinds[static_cast<int>(BarKind::baseline)])
      items.push_back({std::string(m_l.baseline), "<rect y=\"3\" width=\"14\" height=\"5\" fill=\"#d0d7de\" stroke=\"#57606a\"/>"});
    if (kinds[static_cast<int>(BarKind::actual)])
      items.push_back({std::string(m_l.actual), "<rect y=\"2\" width=\"14\" height=\"7\" fill=\"#24292f\" fill-opacity=\"0.85\"/>"});
    if (any_actual_over) // the page's style sheet colours these bars (svg.gantt .bar.actual.s-overdue)
      items.push_back({std::string(m_l.actual_over), "<rect y=\"2\" width=\"14\" height=\"7\" fill=\"#a40e26\"/>"});
    if (kinds[static_cast<int>(BarKind::excluded)])
      items.push_back({std::string(m_l.excluded),
                       fmt::format("<rect width=\"14\" height=\"10\" fill=\"url(#{}-hatch)\" stroke=\"#57606a\"/>", m_id)});
    if (any_critical)
      items.push_back({std::string(m_l.critical), "<rect width=\"14\" height=\"10\" fill=\"none\" stroke=\"#cf222e\" stroke-width=\"2\"/>"});
    if (any_customer) items.push_back({std::string(m_l.customer), "<rect width=\"14\" height=\"10\" fill=\"#ddf4ff\" stroke=\"#0969da\"/>"});
    if (!m_g.non_working_days.empty() && m_day_px >= 1.5)
      items.push_back({std::string(m_l.non_working), "<rect width=\"14\" height=\"10\" fill=\"#eaeef2\"/>"});
    // Flow layout, wrapping at the picture width.
    double x = 8;
    double y = m_legend_y;
    for (auto& item : items) {
      const double w = 22 + static_cast<double>(text_width(item.text)) * k_cell_px + 16;
      if (x > 8 && x + w > m_width) {
        x = 8;
        y += k_legend_row_h;
      }
      item.x = x;
      item.y = y;
      x += w;
    }
    m_legend = std::move(items);
    m_legend_h = m_legend.empty() ? 0 : (y - m_legend_y) + k_legend_row_h;
  }

  void legend() {
    if (m_legend.empty()) return;
    m_out += "<g class=\"legend\">\n";
    for (const auto& item : m_legend) {
      m_out += fmt::format("<g transform=\"translate({},{})\">{}<text x=\"20\" y=\"10\">{}</text></g>\n", num(item.x),
                           num(item.y + 4), item.swatch, html_escape(item.text));
    }
    m_out += "</g>\n";
  }

  const report::Gantt& m_g;
  report::Lang m_lang;
  const Labels& m_l;
  std::string m_id;
  std::string m_out;
  Date m_from;
  Date m_to;
  std::int32_t m_days = 1;
  double m_day_px = 1;
  double m_tag_px = 0;
  std::size_t m_label_cells = 8;
  double m_chart_x = 0;
  double m_width = 0;
  double m_rows_y = 0;
  double m_rows_h = 0;
  double m_markers_y = 0;
  double m_legend_y = 0;
  double m_legend_h = 0;
  std::map<std::string, std::size_t> m_group_index;
  std::vector<std::string> m_group_order;
  std::vector<LegendItem> m_legend;
};

} // namespace

std::string svg_gantt(const report::Gantt& gantt, report::Lang lang, const std::string& id_prefix) {
  return GanttSvg(gantt, lang, id_prefix).run();
}

} // namespace yekuo::render::detail
