#include "render_demo_document.hpp"

#include <yekuo/render/render.hpp>
#include <yekuo/util/text_width.hpp>

#include <doctest/doctest.h>
#include <string>

using namespace yekuo;
using namespace yekuo::report;

namespace {
std::size_t count(const std::string& haystack, const std::string& needle) {
  std::size_t n = 0;
  for (std::size_t at = haystack.find(needle); at != std::string::npos; at = haystack.find(needle, at + 1)) ++n;
  return n;
}

const std::string k_attack = "<script>alert(1)</script>";
const std::string k_escaped = "&lt;script&gt;alert(1)&lt;/script&gt;";
} // namespace

TEST_SUITE("render::html") {
  TEST_CASE("a script in the title, a cell, a Gantt label or a marker appears only escaped") {
    auto doc = render_test::demo_document();
    doc.title = k_attack;
    doc.subtitle = k_attack;
    doc.warnings.push_back(k_attack);
    std::get<Table>(doc.blocks[1]).rows[0][1].text = k_attack;
    std::get<Table>(doc.blocks[1]).columns[0].header = k_attack;
    std::get<KeyValues>(doc.blocks[0]).items[0].first = k_attack;
    auto& g = std::get<Gantt>(doc.blocks[4]);
    g.title = k_attack;
    g.rows[0].label = k_attack;
    g.rows[0].group = k_attack;
    g.rows[1].bars[0].label = k_attack;
    g.markers[0].label = k_attack;
    const std::string out = render::render_html(doc, {});
    CHECK(out.find("<script") == std::string::npos);
    CHECK(out.find("alert(1)</") == std::string::npos);
    // <title>, h1, subtitle, warning, header, key, cell, gantt h2, svg title, row label (title + text),
    // group legend, bar tooltip, marker label.
    CHECK(count(out, k_escaped) >= 12);
  }

  TEST_CASE("quotes and ampersands are escaped, so attribute values cannot be broken") {
    auto doc = render_test::demo_document();
    doc.title = "a\"b'c&d";
    const std::string out = render::render_html(doc, {});
    CHECK(out.find("<h1>a&quot;b&#39;c&amp;d</h1>") != std::string::npos);
    CHECK(out.find("a\"b'c") == std::string::npos);
  }

  TEST_CASE("the page is self-contained and declares charset and language") {
    const std::string out = render::render_html(render_test::demo_document(), {});
    CHECK(out.rfind("<!DOCTYPE html>\n<html lang=\"zh-CN\">", 0) == 0);
    CHECK(out.find("<meta charset=\"utf-8\">") != std::string::npos);
    CHECK(out.find("<meta name=\"viewport\"") != std::string::npos);
    for (const char* external : {"<script", "<link", "<img", "@import", "src=", "href=", "url(http", "@font-face"})
      CHECK_MESSAGE(out.find(external) == std::string::npos, external);
    // The only URL is the SVG namespace name, which is never fetched.
    CHECK(count(out, "http") == count(out, "http://www.w3.org/2000/svg"));
    render::RenderOptions en;
    en.lang = Lang::en;
    CHECK(render::render_html(render_test::demo_document(), en).find("<html lang=\"en\">") != std::string::npos);
  }

  TEST_CASE("print and small-screen rules are there") {
    const std::string out = render::render_html(render_test::demo_document(), {});
    CHECK(out.find("@page{size:A4 landscape") != std::string::npos);
    CHECK(out.find("thead{display:table-header-group}") != std::string::npos);
    CHECK(out.find("break-inside:avoid") != std::string::npos);
    CHECK(out.find("\"PingFang SC\",\"Hiragino Sans GB\",\"Microsoft YaHei\",\"Noto Sans CJK SC\"") != std::string::npos);
    CHECK(out.find("<div class=\"table-wrap\">") != std::string::npos);
    CHECK(out.find("@media (max-width:640px)") != std::string::npos);
  }

  TEST_CASE("cells carry their style as a class and their meaning as text") {
    const std::string out = render::render_html(render_test::demo_document(), {});
    CHECK(out.find("<td class=\"nw s-overdue\">逾期 3 天</td>") != std::string::npos);
    CHECK(out.find("<td class=\"r nw\">15</td>") != std::string::npos);
    CHECK(out.find("<td class=\"c nw\">2010-01-18</td>") != std::string::npos);
    CHECK(out.find("<th scope=\"col\" class=\"r\">序号</th>") != std::string::npos);
    CHECK(out.find("<strong>警告：</strong>") != std::string::npos);
  }

  TEST_CASE("short cells do not wrap, long ones do") {
    Document doc;
    Table t;
    t.columns = {{"a"}};
    // 14 display cells (a date with its weekday) vs 17 (a stage name).
    t.rows = {{{"2010-01-13 周三"}}, {{"客户商谈及初步供电方案1"}}, {{"短\n两行"}}};
    doc.blocks.emplace_back(t);
    const std::string out = render::render_html(doc, {});
    CHECK(out.find("<td class=\"nw\">2010-01-13 周三</td>") != std::string::npos);
    CHECK(out.find("<td>客户商谈及初步供电方案1</td>") != std::string::npos);
    CHECK(out.find("<td>短<br>两行</td>") != std::string::npos);
    CHECK(out.find("td.nw{white-space:nowrap}") != std::string::npos);
  }

  TEST_CASE("on a phone, tables marked stack become cards; wide pictures scale down on wide screens only") {
    const std::string out = render::render_html(render_test::demo_document(), {});
    const auto phone = out.find("@media (max-width:640px)");
    REQUIRE(phone != std::string::npos);
    CHECK(out.find("table.stack thead{display:none}", phone) != std::string::npos);
    CHECK(out.find("@media (min-width:700px){svg.gantt{max-width:100%;height:auto}}") != std::string::npos);
  }

  TEST_CASE("newlines in cells become <br>") {
    Document doc;
    Table t;
    t.columns = {{"a"}};
    t.rows = {{{"x\ny"}}};
    doc.blocks.emplace_back(t);
    CHECK(render::render_html(doc, {}).find("<td>x<br>y</td>") != std::string::npos);
  }
}

TEST_SUITE("render::svg_gantt") {
  TEST_CASE("every bar is identifiable by kind and row, with a tooltip") {
    const std::string out = render::render_html(render_test::demo_document(), {});
    // The demo has 3 planned, 1 baseline, 2 actual and 1 excluded bar.
    CHECK(count(out, "class=\"bar planned") == 3);
    CHECK(count(out, "class=\"bar baseline") == 1);
    CHECK(count(out, "class=\"bar actual") == 2);
    CHECK(count(out, "class=\"bar excluded") == 1);
    CHECK(out.find("class=\"bar planned crit\" data-row=\"1\"") != std::string::npos);
    CHECK(out.find("class=\"bar actual s-overdue\" data-row=\"1\"") != std::string::npos);
    CHECK(out.find("<title>客户土建图纸变更 2010-03-01 ~ 2010-03-05</title>") != std::string::npos);
    CHECK(out.find("<title>供电方案答复 计划 2010-01-19 ~ 2010-02-08</title>") != std::string::npos);
  }

  TEST_CASE("the picture is accessible and its parts are labelled in words") {
    const std::string out = render::render_html(render_test::demo_document(), {});
    CHECK(out.find("role=\"img\" aria-labelledby=\"yk-g0-title yk-g0-desc\"") != std::string::npos);
    CHECK(out.find("<desc id=\"yk-g0-desc\">甘特图，共 3 个阶段，时间范围 2010-01-11 至 2010-05-31。") != std::string::npos);
    CHECK(count(out, "class=\"tag-critical\"") == 2); // two critical rows say 关键
    CHECK(count(out, "class=\"tag-customer\"") == 1);
    CHECK(count(out, "class=\"crit-row\"") == 2);
    CHECK(out.find("目标接电日期 2010-05-31</text>") != std::string::npos);
    CHECK(out.find("今天 2010-03-10</text>") != std::string::npos);
    CHECK(out.find("fill=\"url(#yk-g0-hatch)\"") != std::string::npos);
    // Legend: the three departments and the bar kinds that occur.
    for (const char* item : {">客户服务中心</text>", ">发展策划部</text>", ">客户</text>", ">基线（已确认计划）</text>", ">实际</text>",
                             ">客户原因（不计入考核）</text>", ">非工作日</text>"})
      CHECK_MESSAGE(out.find(item) != std::string::npos, item);
  }

  TEST_CASE("weekends in range are shaded as merged runs") {
    const std::string out = render::render_html(render_test::demo_document(), {});
    // 2010-01-11 (Mon) .. 2010-05-31 (Mon): 20 Sat+Sun runs, each one rect.
    CHECK(count(out, "class=\"nonworking\"") == 20);
  }

  TEST_CASE("week ticks for a few months, month ticks only for long spans, width capped") {
    const std::string out = render::render_html(render_test::demo_document(), {});
    CHECK(out.find(">01-18</text>") != std::string::npos);
    CHECK(out.find(">2010-03</text>") != std::string::npos);

    Document doc;
    Gantt g;
    g.from = D("2010-01-01");
    g.to = D("2011-12-31");
    g.rows = {{"a", "d", false, false, {{g.from, g.to, BarKind::planned, Style::normal, ""}}}};
    doc.blocks.emplace_back(g);
    const std::string long_span = render::render_html(doc, {});
    CHECK(long_span.find(">01-04</text>") == std::string::npos); // no week labels
    CHECK(long_span.find(">2010-01</text>") != std::string::npos);
    const auto w = long_span.find("width=\"", long_span.find("<svg"));
    REQUIRE(w != std::string::npos);
    CHECK(std::stod(long_span.substr(w + 7)) <= 1280.0);
  }

  TEST_CASE("with the longest label and both tags the picture fits a 1280 px page (1232 px inside its padding)") {
    Document doc;
    Gantt g;
    g.from = D("2010-01-01");
    g.to = D("2010-12-31");
    // 60 display cells: cut to 36 in the label column.
    const std::string label(60, 'x');
    g.rows = {{label, "d", true, true, {{g.from, g.to, BarKind::planned, Style::normal, ""}}}};
    doc.blocks.emplace_back(g);
    const std::string out = render::render_html(doc, {});
    const auto w = out.find("width=\"", out.find("<svg"));
    REQUIRE(w != std::string::npos);
    const double width = std::stod(out.substr(w + 7));
    CHECK(width <= 1232.0);
    CHECK(width >= 1100.0); // and it still uses the room
  }

  TEST_CASE("bars outside the range are clipped or left out, reversed ranges do not crash") {
    Document doc;
    Gantt g;
    g.from = D("2010-03-01");
    g.to = D("2010-02-01"); // reversed
    g.rows = {{"a", "d", false, false,
               {{D("2009-01-01"), D("2009-02-01"), BarKind::planned, Style::normal, ""},
                {D("2010-01-20"), D("2010-02-10"), BarKind::actual, Style::normal, ""}}}};
    g.markers = {{D("2012-01-01"), "far", Style::normal}};
    doc.blocks.emplace_back(g);
    const std::string out = render::render_html(doc, {});
    CHECK(count(out, "class=\"bar planned") == 0);
    CHECK(count(out, "class=\"bar actual") == 1);
    CHECK(out.find(">far 2012") == std::string::npos);
  }

  TEST_CASE("two Gantt blocks get distinct ids") {
    Document doc;
    doc.blocks.emplace_back(Gantt{});
    doc.blocks.emplace_back(Gantt{});
    const std::string out = render::render_html(doc, {});
    CHECK(out.find("id=\"yk-g0-hatch\"") != std::string::npos);
    CHECK(out.find("id=\"yk-g1-hatch\"") != std::string::npos);
  }
  TEST_CASE("the navigation comes first in <main>, the current page marked for screen readers") {
    const std::string out = render::render_html(render_test::site_document(), {});
    CHECK(out.find("<main>\n<nav class=\"site\" aria-label=\"站点导航\"><ul><li><a href=\"index.html\">全部工程</a></li>"
                   "<li><a href=\"evaluation.html\" aria-current=\"page\">每周考评</a></li>"
                   "<li><a href=\"assessment.html\">考核</a></li></ul></nav>\n<header>") != std::string::npos);
    CHECK(count(out, "aria-current=\"page\"") == 1);
    // Without links there is no <nav> at all.
    CHECK(render::render_html(render_test::demo_document(), {}).find("<nav") == std::string::npos);
  }

  TEST_CASE("linked cells link their text in tables, lists, key/values and paragraphs; the style stays on the cell") {
    const std::string out = render::render_html(render_test::site_document(), {});
    CHECK(out.find("<td class=\"nw\" data-label=\"工程编号\"><a href=\"orders/sz-1.html\">SZ-1</a></td>"
                   "<td class=\"nw s-overdue\" data-label=\"状态\">滞后</td>") != std::string::npos);
    CHECK(out.find("<td class=\"nw s-strong\" data-label=\"工程编号\"><a href=\"orders/sz-2.html\">SZ-2</a></td>") !=
          std::string::npos);
    CHECK(out.find("<li><a href=\"orders/sz-1.html\">SZ-1 某工程 — 滞后</a></li>") != std::string::npos);
    CHECK(out.find("<dd><a href=\"index.html\">index</a></dd>") != std::string::npos);
    CHECK(out.find("<p class=\"s-muted\"><a href=\"../index.html\">返回</a></p>") != std::string::npos);
  }

  TEST_CASE("a stacked table labels every cell with its header (the phone cards); others do not") {
    const std::string out = render::render_html(render_test::site_document(), {});
    CHECK(out.find("<table class=\"stack\">") != std::string::npos);
    CHECK(count(out, "data-label=\"工程编号\"") == 2);
    CHECK(count(out, "data-label=\"状态\"") == 2);
    const std::string plain = render::render_html(render_test::demo_document(), {});
    CHECK(plain.find("data-label=") == std::string::npos);
    CHECK(plain.find("class=\"stack\"") == std::string::npos);
  }

  TEST_CASE("link targets are escaped, and only relative ones become links") {
    auto doc = render_test::site_document();
    auto& t = std::get<Table>(doc.blocks[0]);
    t.rows[0][0].href = "a\"b&c.html";
    t.columns[0].header = "\"<x>";
    const std::string out = render::render_html(doc, {});
    CHECK(out.find("<a href=\"a&quot;b&amp;c.html\">SZ-1</a>") != std::string::npos);
    CHECK(out.find("data-label=\"&quot;&lt;x&gt;\"") != std::string::npos);
    for (const char* outside : {"javascript:alert(1)", "https://example.com/", "//example.com/x", "/etc/passwd",
                                "\\\\host\\x", " //example.com", "java\tscript:x", "JavaScript:x"}) {
      CAPTURE(outside);
      auto d = render_test::site_document();
      std::get<BulletList>(d.blocks[1]).items[0].href = outside;
      d.navigation.links[0].href = outside;
      const std::string html = render::render_html(d, {});
      CHECK(html.find("<li>SZ-1 某工程 — 滞后</li>") != std::string::npos);
      CHECK(html.find("<li>全部工程</li>") != std::string::npos);
      CHECK(html.find("example.com") == std::string::npos);
      CHECK(html.find("script:") == std::string::npos);
    }
  }
}
