#include "render_demo_document.hpp"

#include <yekuo/render/render.hpp>
#include <yekuo/util/text_width.hpp>

#include <doctest/doctest.h>
#include <sstream>
#include <string>
#include <vector>

using namespace yekuo;
using namespace yekuo::report;

namespace {
std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string l; std::getline(in, l);) out.push_back(l);
  return out;
}

Document one_table(Table t) {
  Document doc;
  doc.blocks.emplace_back(std::move(t));
  return doc;
}
} // namespace

TEST_SUITE("render::terminal") {
  TEST_CASE("a Chinese table is aligned by display width") {
    Table t;
    t.columns = {{"阶段"}, {"天数", Align::right}};
    t.rows = {{{"商谈"}, {"5"}}, {{"供电方案答复"}, {"15"}}, {{"abc"}, {"120"}}};
    const auto lines = lines_of(render::render_terminal(one_table(t), {}));
    REQUIRE(lines.size() == 7); // rule, header, ==, 3 rows, rule
    // Every line is exactly as wide as the top border, and the column separators line up.
    const std::size_t width = text_width(lines[0]);
    for (const auto& l : lines) CHECK(text_width(l) == width);
    // "供电方案答复" is 12 cells: the first column is 12 + 2 padding wide.
    CHECK(lines[0] == "+--------------+------+");
    CHECK(lines[3] == "| 商谈         |    5 |");
    CHECK(lines[4] == "| 供电方案答复 |   15 |");
    CHECK(lines[5] == "| abc          |  120 |");
  }

  TEST_CASE("center alignment puts the extra cell on the right") {
    Table t;
    t.columns = {{"状态", Align::center}};
    t.rows = {{{"中"}}};
    const auto lines = lines_of(render::render_terminal(one_table(t), {}));
    REQUIRE(lines.size() == 5);
    CHECK(lines[1] == "| 状态 |");
    CHECK(lines[3] == "|  中  |");
  }

  TEST_CASE("newlines in a cell become extra lines inside the row") {
    Table t;
    t.columns = {{"a"}, {"b"}};
    t.rows = {{{"one\ntwo"}, {"x"}}, {{"y"}, {"z"}}};
    const auto lines = lines_of(render::render_terminal(one_table(t), {}));
    CHECK(lines[3] == "| one | x |");
    CHECK(lines[4] == "| two |   |");
    CHECK(lines[5] == "+-----+---+"); // rows are separated when one spans several lines
    CHECK(lines[6] == "| y   | z |");
  }

  TEST_CASE("no escape codes without colour; styles become ANSI colours with colour") {
    const auto doc = render_test::demo_document();
    const std::string plain = render::render_terminal(doc, {});
    CHECK(plain.find('\x1b') == std::string::npos);
    render::RenderOptions color;
    color.color = true;
    const std::string coloured = render::render_terminal(doc, color);
    CHECK(coloured.find("\x1b[31m逾期 3 天\x1b[0m") != std::string::npos); // overdue = red
    CHECK(coloured.find("\x1b[32m按期完成\x1b[0m") != std::string::npos);  // ok = green
    CHECK(coloured.find("\x1b[1;31m关键\x1b[0m") != std::string::npos);    // critical = bold red
    // Colour never changes the layout: stripping the codes gives the plain text back.
    std::string stripped;
    for (std::size_t i = 0; i < coloured.size(); ++i) {
      if (coloured[i] == '\x1b') {
        while (i < coloured.size() && coloured[i] != 'm') ++i;
        continue;
      }
      stripped += coloured[i];
    }
    CHECK(stripped == plain);
  }

  TEST_CASE("warnings are prefixed in words, not only by colour") {
    Document doc;
    doc.warnings = {"无基线"};
    CHECK(render::render_terminal(doc, {}).find("警告：无基线") != std::string::npos);
    render::RenderOptions en;
    en.lang = Lang::en;
    CHECK(render::render_terminal(doc, en).find("Warning: 无基线") != std::string::npos);
  }

  TEST_CASE("key/values are aligned, signature lines follow the printed form, Gantt is a note") {
    const std::string out = render::render_terminal(render_test::demo_document(), {});
    CHECK(out.find("客户：             某电子有限公司\n") != std::string::npos);
    CHECK(out.find("客户期望接电日期： 2010-05-31\n") != std::string::npos);
    CHECK(out.find("客户确认（签字）：__________   日期：__________\n") != std::string::npos);
    CHECK(out.find("--format html") != std::string::npos);
    CHECK(out.find("<svg") == std::string::npos);
  }

  TEST_CASE("terminal control sequences in user text are removed") {
    Document doc;
    doc.title = "evil\x1b]0;pwned\x07title";
    Table t;
    t.columns = {{"c"}};
    t.rows = {{{"a\x1b[2Jb"}}};
    doc.blocks.emplace_back(t);
    const std::string out = render::render_terminal(doc, {});
    CHECK(out.find('\x1b') == std::string::npos);
    CHECK(out.find('\x07') == std::string::npos);
  }

  TEST_CASE("rows shorter or longer than the header do not lose or invent data") {
    Table t;
    t.columns = {{"a"}};
    t.rows = {{{"1"}, {"extra"}}, {}};
    const std::string out = render::render_terminal(one_table(t), {});
    CHECK(out.find("extra") != std::string::npos);
  }
  TEST_CASE("the site navigation is left out and linked cells show their text only") {
    const std::string out = render::render_terminal(render_test::site_document(), {});
    CHECK(out.rfind("全部工程\n", 0) == 0); // the title comes first
    CHECK(out.find("每周考评") == std::string::npos);
    CHECK(out.find(".html") == std::string::npos);
    CHECK(out.find("| SZ-1     | 滞后 |") != std::string::npos);
    CHECK(out.find("  - SZ-1 某工程 — 滞后\n") != std::string::npos);
    CHECK(out.find("返回\n") != std::string::npos);
  }
}
