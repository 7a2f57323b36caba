#include "common.hpp"

#include <algorithm>

namespace yekuo::render::detail {

std::string clean_text(std::string_view text) {
  const std::string valid = sanitize_utf8(text);
  std::string out;
  out.reserve(valid.size());
  std::size_t pos = 0;
  while (pos < valid.size()) {
    const Utf8Char c = decode_utf8(valid, pos);
    const char32_t cp = c.code_point;
    if (cp == '\r') {
      out.push_back('\n');
      if (pos + 1 < valid.size() && valid[pos + 1] == '\n') ++pos; // CRLF is one break
    } else if (cp == '\n') {
      out.push_back('\n');
    } else if (cp == '\t') {
      out.push_back(' ');
    } else if (cp < 0x20 || (cp >= 0x7F && cp < 0xA0)) {
      // dropped: ESC and friends would drive the terminal
    } else {
      out.append(valid, pos, c.length);
    }
    pos += c.length;
  }
  return out;
}

std::string one_line(std::string_view text) {
  std::string out = clean_text(text);
  std::replace(out.begin(), out.end(), '\n', ' ');
  return out;
}

std::vector<std::string> split_lines(std::string_view text) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  for (;;) {
    const std::size_t nl = text.find('\n', start);
    if (nl == std::string_view::npos) {
      lines.emplace_back(text.substr(start));
      return lines;
    }
    lines.emplace_back(text.substr(start, nl - start));
    start = nl + 1;
  }
}

std::string_view style_name(report::Style style) {
  using report::Style;
  switch (style) {
  case Style::normal: return "normal";
  case Style::muted: return "muted";
  case Style::strong: return "strong";
  case Style::ok: return "ok";
  case Style::warning: return "warning";
  case Style::due_soon: return "due_soon";
  case Style::overdue: return "overdue";
  case Style::critical: return "critical";
  case Style::customer: return "customer";
  }
  return "normal";
}

TextAlign text_align(report::Align align) {
  switch (align) {
  case report::Align::left: return TextAlign::left;
  case report::Align::right: return TextAlign::right;
  case report::Align::center: return TextAlign::center;
  }
  return TextAlign::left;
}

std::size_t column_count(const report::Table& table) {
  std::size_t n = table.columns.size();
  for (const auto& row : table.rows) n = std::max(n, row.size());
  return n;
}

const report::Cell& cell_at(const std::vector<report::Cell>& row, std::size_t col) {
  static const report::Cell k_empty{};
  return col < row.size() ? row[col] : k_empty;
}

std::string header_at(const report::Table& table, std::size_t col) {
  return col < table.columns.size() ? table.columns[col].header : std::string{};
}

report::Align align_at(const report::Table& table, std::size_t col) {
  return col < table.columns.size() ? table.columns[col].align : report::Align::left;
}

bool linkable(std::string_view href) {
  if (href.empty() || href.front() == '/' || href.find('\\') != std::string_view::npos) return false;
  // Browsers drop blanks and controls anywhere in a URL (" //host" is another site): none allowed.
  for (const char c : href)
    if (static_cast<unsigned char>(c) <= 0x20 || c == 0x7F) return false;
  // A ':' before the path, query or fragment starts is a scheme.
  const std::size_t colon = href.find(':');
  return colon == std::string_view::npos || colon > href.find_first_of("/?#");
}

const Labels& labels(report::Lang lang) {
  static const Labels k_zh{"警告", "：", "项目", "内容", "（甘特图仅在 HTML 输出中显示：--format html）", "关键", "客户",
                           "计划", "基线（已确认计划）", "实际", "客户原因（不计入考核）", "非工作日", "甘特图",
                           "实际（超期）", "概要", "表"};
  static const Labels k_en{"Warning", ": ", "Item", "Value", "(Gantt chart: shown in the HTML output, --format html)",
                           "critical", "customer", "planned", "baseline (confirmed plan)", "actual",
                           "customer delay (excluded)", "non-working day", "Gantt chart",
                           "actual (over its limit)", "Summary", "Sheet"};
  return lang == report::Lang::en ? k_en : k_zh;
}

std::string with_colon(std::string_view label, report::Lang lang) {
  std::string text = one_line(label);
  // Strip a colon the builder may already have added, ASCII or fullwidth.
  for (;;) {
    if (!text.empty() && (text.back() == ':' || text.back() == ' ')) {
      text.pop_back();
    } else if (text.size() >= 3 && text.compare(text.size() - 3, 3, "：") == 0) {
      text.resize(text.size() - 3);
    } else {
      break;
    }
  }
  return text + std::string(labels(lang).colon);
}

} // namespace yekuo::render::detail

#include "html_escape.hpp"

namespace yekuo::render::detail {

std::string html_escape(std::string_view text) {
  const std::string clean = clean_text(text);
  std::string out;
  out.reserve(clean.size() + 16);
  for (const char ch : clean) {
    switch (ch) {
    case '&': out += "&amp;"; break;
    case '<': out += "&lt;"; break;
    case '>': out += "&gt;"; break;
    case '"': out += "&quot;"; break;
    case '\'': out += "&#39;"; break;
    default: out += ch;
    }
  }
  return out;
}

std::string html_lines(std::string_view text) {
  const std::string escaped = html_escape(text);
  std::string out;
  out.reserve(escaped.size());
  for (const char ch : escaped) {
    if (ch == '\n') {
      out += "<br>";
    } else {
      out += ch;
    }
  }
  return out;
}

} // namespace yekuo::render::detail
