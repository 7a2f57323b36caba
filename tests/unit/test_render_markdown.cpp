#include "render_demo_document.hpp"

#include <yekuo/render/render.hpp>

#include <doctest/doctest.h>
#include <string>

using namespace yekuo;
using namespace yekuo::report;

namespace {
std::string one_cell(const std::string& text) {
  Document doc;
  Table t;
  t.columns = {{"h"}};
  t.rows = {{{text}}};
  doc.blocks.emplace_back(t);
  const std::string out = render::render_markdown(doc, {});
  // The only body row is the last line.
  const auto end = out.rfind('\n', out.size() - 2);
  return out.substr(end + 1, out.size() - end - 2);
}
} // namespace

TEST_SUITE("render::markdown") {
  TEST_CASE("pipes and backslashes in cells are escaped so the row keeps its columns") {
    CHECK(one_cell("a|b") == "| a\\|b |");
    CHECK(one_cell("c:\\dir") == "| c:\\\\dir |");
  }

  TEST_CASE("HTML and inline markup in cells show literally") {
    CHECK(one_cell("<script>x</script>") == "| &lt;script&gt;x&lt;/script&gt; |");
    CHECK(one_cell("*a* _b_ `c` [d](e)") == "| \\*a\\* \\_b\\_ \\`c\\` \\[d\\](e) |");
    CHECK(one_cell("A&B") == "| A&amp;B |");
  }

  TEST_CASE("leading block markers are escaped") {
    CHECK(one_cell("# title") == "| \\# title |");
    CHECK(one_cell("- item") == "| \\- item |");
    CHECK(one_cell("1. first") == "| 1\\. first |");
    CHECK(one_cell("+x") == "| \\+x |");
  }

  TEST_CASE("newlines inside cells become <br>") { CHECK(one_cell("one\ntwo\r\nthree") == "| one<br>two<br>three |"); }

  TEST_CASE("the table uses GFM alignment rows") {
    const std::string out = render::render_markdown(render_test::demo_document(), {});
    CHECK(out.find("| 序号 | 阶段 | 部门 | 工作日 | 时限 | 状态 |\n| ---: | --- | --- | ---: | :---: | --- |\n") != std::string::npos);
    CHECK(out.find("| 2 | 供电方案答复 | 发展策划部 | 15 | 2010-02-08 | **逾期 3 天** |") != std::string::npos);
    CHECK(out.find("# 业扩工程计划安排确认表\n") == 0);
    CHECK(out.find("> **警告**：") != std::string::npos);
    CHECK(out.find("| 客户期望接电日期 | **2010-05-31** |") != std::string::npos);
    CHECK(out.back() == '\n');
    CHECK(out.find("\n\n\n") == std::string::npos);
  }
  TEST_CASE("the navigation is a line of links above the title, the current page in bold") {
    const std::string out = render::render_markdown(render_test::site_document(), {});
    CHECK(out.rfind("[全部工程](index.html) · **每周考评** · [考核](assessment.html)\n\n# 全部工程\n", 0) == 0);
    CHECK(render::render_markdown(render_test::demo_document(), {}).rfind("# ", 0) == 0);
  }

  TEST_CASE("linked cells are [text](href), inside the emphasis of their style") {
    const std::string out = render::render_markdown(render_test::site_document(), {});
    CHECK(out.find("| [SZ-1](orders/sz-1.html) | **滞后** |") != std::string::npos);
    CHECK(out.find("| **[SZ-2](orders/sz-2.html)** | 正常 |") != std::string::npos);
    CHECK(out.find("- [SZ-1 某工程 — 滞后](orders/sz-1.html)\n") != std::string::npos);
    CHECK(out.find("| 首页 | [index](index.html) |") != std::string::npos);
    CHECK(out.find("[返回](../index.html)\n") != std::string::npos);
  }

  TEST_CASE("a link target cannot end the link or break the row; targets outside the output are not linked") {
    auto doc = render_test::site_document();
    auto& t = std::get<Table>(doc.blocks[0]);
    t.rows[0][0].href = "a(1)|<b>&c.html";
    t.rows[1][0].href = "javascript:alert(1)";
    t.rows[1][0].text = "[x]";
    const std::string out = render::render_markdown(doc, {});
    CHECK(out.find("| [SZ-1](a%281%29%7C%3Cb%3E&amp;c.html) | **滞后** |") != std::string::npos);
    CHECK(out.find("| **\\[x\\]** | 正常 |") != std::string::npos);
    CHECK(out.find("javascript") == std::string::npos);
  }
}
