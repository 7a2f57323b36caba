// The xlsx renderer through the public API: a zip with the expected sheets, made the same way
// whole or block by block, its temporary files removed. The cells themselves are read back with
// openpyxl by tests/cli/xlsx_checks.py.
#include "render_demo_document.hpp"
#include "temp_dir.hpp"

#include <yekuo/render/document_writer.hpp>
#include <yekuo/render/render.hpp>
#include <yekuo/util/error.hpp>

#include <doctest/doctest.h>
#include <filesystem>
#include <random>
#include <string>

using namespace yekuo;
using namespace yekuo::report;

namespace {

bool is_zip(const std::string& bytes) {
  // A local file header first, the end of the central directory last (no comment).
  return bytes.rfind("PK\x03\x04", 0) == 0 && bytes.size() > 22 && bytes.compare(bytes.size() - 22, 4, "PK\x05\x06") == 0;
}

// The number of worksheets: their part names are stored uncompressed in the zip's directory.
int sheet_count(const std::string& bytes) {
  int n = 0;
  while (bytes.find("xl/worksheets/sheet" + std::to_string(n + 1) + ".xml") != std::string::npos) ++n;
  return n;
}

bool empty_dir(const std::filesystem::path& dir) { return std::filesystem::is_empty(dir); }

render::RenderOptions in(const test::TempDir& dir, Lang lang = Lang::zh) {
  render::RenderOptions o;
  o.lang = lang;
  o.temp_dir = dir.path().string();
  return o;
}

} // namespace

TEST_SUITE("render::xlsx") {
  TEST_CASE("a workbook: one sheet per table, the blocks around it on the same sheet") {
    test::TempDir dir;
    const Document doc = render_test::demo_document(); // key/values, one table, lists, signature, Gantt
    const std::string out = render::render_xlsx(doc, in(dir));
    CHECK(is_zip(out));
    CHECK(sheet_count(out) == 1);
    CHECK(render::render(doc, render::Format::xlsx, in(dir)).size() == out.size());
    CHECK(empty_dir(dir.path())); // the temporary workbook is gone

    Document two = doc;
    two.blocks.push_back(doc.blocks[1]); // the same table again: a sheet of its own, named apart
    CHECK(sheet_count(render::render_xlsx(two, in(dir))) == 2);
  }

  TEST_CASE("block by block, with the warnings at the end: a first sheet kept for the head") {
    test::TempDir dir;
    const Document doc = render_test::demo_document();
    std::string out;
    {
      render::DocumentWriter writer(render::Format::xlsx, in(dir), [&](std::string_view b) { out += b; });
      writer.begin({doc.title, doc.subtitle, {}, true, {}});
      for (const auto& block : doc.blocks) {
        if (const auto* t = std::get_if<Table>(&block))
          writer.table(Table{t->title, t->columns, {}}, t->rows.size(), [&](std::size_t i) { return t->rows[i]; });
        else
          writer.block(block);
      }
      writer.finish(doc.warnings);
    }
    CHECK(is_zip(out));
    CHECK(sheet_count(out) == 2);
    CHECK(empty_dir(dir.path()));
  }

  TEST_CASE("an empty document is still a workbook") {
    test::TempDir dir;
    const std::string out = render::render_xlsx(Document{}, in(dir, Lang::en));
    CHECK(is_zip(out));
    CHECK(sheet_count(out) == 1);
  }

  TEST_CASE("at most 250 sheets: a larger workbook is refused, whole or block by block, nothing left behind") {
    // In constant-memory mode every sheet keeps a temporary file open until the end: a report
    // with a sheet per order of a large portfolio would run out of open files.
    test::TempDir dir;
    const auto tables = [](std::size_t n) {
      Document doc;
      doc.title = "many";
      for (std::size_t k = 0; k < n; ++k)
        doc.blocks.emplace_back(Table{"dept " + std::to_string(k % 7), {{"a"}, {"b"}}, {{{"1"}, {"2010-01-11"}}}});
      return doc;
    };
    CHECK(sheet_count(render::render_xlsx(tables(250), in(dir))) == 250); // the head on the first one
    CHECK(empty_dir(dir.path()));
    try {
      (void)render::render_xlsx(tables(251), in(dir));
      FAIL("251 sheets were written");
    } catch (const InputError& e) {
      const std::string what = e.what();
      CHECK(what.find("more than 250 sheets") != std::string::npos);
      CHECK(what.find("yekuo export --format xlsx") != std::string::npos);
    }
    CHECK(empty_dir(dir.path()));

    // Streamed, the head on a first sheet of its own: 249 tables fit, 250 do not.
    for (const std::size_t n : {std::size_t{249}, std::size_t{250}}) {
      CAPTURE(n);
      const Document doc = tables(n);
      std::string out;
      const auto write = [&] {
        render::DocumentWriter writer(render::Format::xlsx, in(dir), [&](std::string_view b) { out += b; });
        writer.begin({doc.title, {}, {}, true, {}});
        for (const auto& block : doc.blocks) {
          const auto& t = std::get<Table>(block);
          writer.table(Table{t.title, t.columns, {}}, t.rows.size(), [&](std::size_t i) { return t.rows[i]; });
        }
        writer.finish({"late"});
      };
      if (n == 249) {
        write();
        CHECK(sheet_count(out) == 250);
      } else {
        CHECK_THROWS_AS(write(), InputError);
      }
      CHECK(empty_dir(dir.path()));
    }
  }

  TEST_CASE("a directory that cannot hold the temporary file is the user's to fix") {
    render::RenderOptions o;
    o.temp_dir = "/nonexistent/yekuo-xlsx-test";
    CHECK_THROWS_AS((void)render::render_xlsx(render_test::demo_document(), o), InputError);
  }

  TEST_CASE("any text: control characters, bad UTF-8, long and forbidden sheet names, huge cells") {
    test::TempDir dir;
    std::mt19937 rng(7);
    std::uniform_int_distribution<int> byte(0, 255);
    const auto junk = [&] {
      std::string s;
      const int n = byte(rng) % 50;
      for (int i = 0; i < n; ++i) {
        const int b = byte(rng);
        s.push_back(b < 32 ? "[]:*?/\\'\n\r\t\x01\x1b-=+@#\xEF\xBF\xBE"[b % 20] : static_cast<char>(b));
      }
      return s;
    };
    for (int round = 0; round < 40; ++round) {
      Document doc;
      doc.title = junk();
      doc.warnings = {junk()};
      for (int k = 0; k < 3; ++k) {
        doc.blocks.emplace_back(KeyValues{junk(), {{junk(), {junk(), Style::overdue}}, {junk(), {"2010-01-11 周一"}}}});
        Table t;
        t.title = round % 3 == 0 ? std::string("History") : junk();
        t.columns = {{junk(), Align::right}, {junk(), Align::center}};
        t.rows = {{{junk()}, {junk(), Style::critical}}, {{"-12"}, {"0012"}}, {{"1899-12-31"}, {std::string(40000, 'x')}}};
        doc.blocks.emplace_back(t);
        doc.blocks.emplace_back(Paragraph{{junk()}});
      }
      CHECK(is_zip(render::render_xlsx(doc, in(dir, round % 2 ? Lang::en : Lang::zh))));
    }
    CHECK(empty_dir(dir.path()));
  }
}
