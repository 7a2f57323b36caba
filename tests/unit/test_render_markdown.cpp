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
}
