#include "render_demo_document.hpp"

#include <yekuo/render/render.hpp>

#include <doctest/doctest.h>
#include <string>

using namespace yekuo;
using namespace yekuo::report;

namespace {
const std::string k_bom = "\xEF\xBB\xBF";

// CSV of a one-column table: BOM, header "h", then one record per text.
std::string csv_of(std::initializer_list<std::string> cells) {
  Document doc;
  Table t;
  t.columns = {{"h"}};
  for (const auto& c : cells) t.rows.push_back({{c}});
  doc.blocks.emplace_back(t);
  return render::render_csv(doc, {});
}

std::string one(const std::string& cell) {
  const std::string out = csv_of({cell});
  REQUIRE(out.rfind(k_bom + "h\r\n", 0) == 0);
  const std::string body = out.substr(k_bom.size() + 3);
  REQUIRE(body.size() >= 2);
  REQUIRE(body.substr(body.size() - 2) == "\r\n");
  return body.substr(0, body.size() - 2);
}
} // namespace

TEST_SUITE("render::csv") {
  TEST_CASE("the output starts with a UTF-8 BOM and ends records with CRLF") {
    const std::string out = render::render_csv(render_test::demo_document(), {});
    CHECK(out.rfind(k_bom, 0) == 0);
    // Every LF is part of a CRLF outside quoted fields here (the demo has no multi-line cells).
    for (std::size_t i = 0; i < out.size(); ++i)
      if (out[i] == '\n') CHECK((i > 0 && out[i - 1] == '\r'));
  }

  TEST_CASE("each dangerous leading character is neutralized with a single quote") {
    CHECK(one("=1+1") == "'=1+1");
    CHECK(one("+1") == "'+1");
    CHECK(one("-1+cmd") == "'-1+cmd");
    CHECK(one("@SUM(A1)") == "'@SUM(A1)");
    CHECK(one("\t=x") == "'\t=x");
    CHECK(one("\r=x") == "\"'\n=x\""); // CR starts the cell; the break itself is kept inside quotes
    CHECK(one("＝1") == "'＝1");        // fullwidth forms too
  }

  TEST_CASE("a formula after leading whitespace is neutralized too") {
    CHECK(one("  =1+1") == "'  =1+1");
    CHECK(one("\n@x") == "\"'\n@x\"");
  }

  TEST_CASE("negative numbers are neutralized like any other leading minus") { CHECK(one("-3") == "'-3"); }

  TEST_CASE("harmless text is left alone") {
    CHECK(one("2010-05-31") == "2010-05-31");
    CHECK(one("业扩") == "业扩");
    CHECK(one("a=b") == "a=b");
    CHECK(one("") == "");
  }

  TEST_CASE("commas, quotes and newlines are quoted per RFC 4180") {
    CHECK(one("a,b") == "\"a,b\"");
    CHECK(one("say \"hi\"") == "\"say \"\"hi\"\"\"");
    CHECK(one("line1\nline2") == "\"line1\nline2\"");
    CHECK(one("=a,\"b\"") == "\"'=a,\"\"b\"\"\"");
  }

  TEST_CASE("tables and key/values are separated by a blank record and titled") {
    const std::string out = render::render_csv(render_test::demo_document(), {});
    CHECK(out.find("\r\n\r\n项目信息\r\n客户,某电子有限公司\r\n") != std::string::npos);
    CHECK(out.find("\r\n\r\n阶段时限\r\n序号,阶段,部门,工作日,时限,状态\r\n1,客户商谈及初步供电方案,客户服务中心,5,2010-01-18,按期完成\r\n") !=
          std::string::npos);
    CHECK(out.find("警告,2011") != std::string::npos);
  }

  TEST_CASE("header cells and titles are neutralized as well") {
    Document doc;
    doc.title = "=HYPERLINK(\"http://x\")";
    Table t;
    t.title = "@title";
    t.columns = {{"+h"}};
    doc.blocks.emplace_back(t);
    const std::string out = render::render_csv(doc, {});
    CHECK(out.find("\"'=HYPERLINK(\"\"http://x\"\")\"\r\n") != std::string::npos);
    CHECK(out.find("'@title\r\n") != std::string::npos);
    CHECK(out.find("'+h\r\n") != std::string::npos);
  }
  TEST_CASE("the site navigation is left out and linked cells are their text") {
    const std::string out = render::render_csv(render_test::site_document(), {});
    CHECK(out.rfind(k_bom + "全部工程\r\n", 0) == 0);
    CHECK(out.find("每周考评") == std::string::npos);
    CHECK(out.find(".html") == std::string::npos);
    CHECK(out.find("工程编号,状态\r\nSZ-1,滞后\r\nSZ-2,正常\r\n") != std::string::npos);
    CHECK(out.find("SZ-1 某工程 — 滞后\r\n") != std::string::npos);
  }
}
