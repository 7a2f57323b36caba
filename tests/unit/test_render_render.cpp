#include "render_demo_document.hpp"

#include <yekuo/render/render.hpp>
#include <yekuo/util/error.hpp>
#include <yekuo/util/text_width.hpp>

#include <doctest/doctest.h>
#include <random>
#include <string>

using namespace yekuo;
using namespace yekuo::report;

TEST_SUITE("render::render") {
  TEST_CASE("dispatches to the renderer of each format") {
    const auto doc = render_test::demo_document();
    const render::RenderOptions o;
    CHECK(render::render(doc, render::Format::table, o) == render::render_terminal(doc, o));
    CHECK(render::render(doc, render::Format::markdown, o) == render::render_markdown(doc, o));
    CHECK(render::render(doc, render::Format::csv, o) == render::render_csv(doc, o));
    CHECK(render::render(doc, render::Format::html, o) == render::render_html(doc, o));
  }

  TEST_CASE("format names: every format round-trips, JSON is not a Document format") {
    for (const auto f : {render::Format::table, render::Format::markdown, render::Format::csv, render::Format::html})
      CHECK(render::parse_format(render::format_name(f)) == f);
    CHECK(render::parse_format("markdown") == render::Format::markdown);
    CHECK(render::parse_format("HTML") == render::Format::html);
    CHECK_FALSE(render::parse_format("json"));
    CHECK_FALSE(render::parse_format("text"));
    CHECK(parse_lang("EN") == Lang::en);
    CHECK(parse_lang("zh") == Lang::zh);
    CHECK_FALSE(parse_lang("fr"));
  }

  TEST_CASE("an empty document renders in every format") {
    const Document doc;
    CHECK(render::render_terminal(doc, {}).empty());
    CHECK(render::render_csv(doc, {}) == "\xEF\xBB\xBF");
    CHECK(render::render_html(doc, {}).find("</html>") != std::string::npos);
    CHECK_NOTHROW((void)render::render_markdown(doc, {}));
  }

  TEST_CASE("random bytes in every text field never crash and always give valid UTF-8") {
    std::mt19937 rng(528);
    std::uniform_int_distribution<int> byte(0, 255);
    auto junk = [&] {
      std::string s;
      const int n = byte(rng) % 24;
      for (int i = 0; i < n; ++i) {
        // Mix in characters that matter to the escapers (18 of them, and the NUL that ends the literal).
        const int b = byte(rng);
        s.push_back(b < 32 ? "<>&\"'|\\=+-@,\n\r\t#*_"[b % 19] : static_cast<char>(b));
      }
      return s;
    };
    const render::Format formats[] = {render::Format::table, render::Format::markdown, render::Format::csv,
                                      render::Format::html};
    for (int round = 0; round < 150; ++round) {
      Document doc;
      doc.title = junk();
      doc.subtitle = junk();
      doc.warnings = {junk()};
      doc.blocks.emplace_back(KeyValues{junk(), {{junk(), {junk(), Style::overdue}}}});
      Table t;
      t.title = junk();
      t.columns = {{junk(), Align::right}, {junk(), Align::center}};
      t.rows = {{{junk()}, {junk(), Style::critical}}, {{junk()}}};
      doc.blocks.emplace_back(t);
      doc.blocks.emplace_back(BulletList{junk(), {{junk()}}});
      doc.blocks.emplace_back(Paragraph{{junk()}});
      doc.blocks.emplace_back(SignatureLines{{junk()}, junk()});
      Gantt g;
      g.title = junk();
      g.from = D("2010-01-01");
      g.to = g.from.plus_days(byte(rng));
      g.rows = {{junk(), junk(), true, true, {{g.from.plus_days(byte(rng) - 20), g.from.plus_days(byte(rng)), BarKind::excluded, Style::overdue, junk()}}}};
      g.markers = {{g.from.plus_days(byte(rng) % 60), junk(), Style::critical}};
      g.non_working_days = {g.from.plus_days(3), g.from.plus_days(4), g.from.plus_days(4)};
      doc.blocks.emplace_back(g);
      for (const auto f : formats) {
        for (const bool color : {false, true}) {
          render::RenderOptions o;
          o.color = color;
          o.lang = round % 2 == 0 ? Lang::zh : Lang::en;
          const std::string out = render::render(doc, f, o);
          REQUIRE(is_valid_utf8(out));
          if (f == render::Format::html) {
            CHECK(out.find("<script") == std::string::npos);
            CHECK(out.find("<>") == std::string::npos);
          }
          if (f == render::Format::table && !color) CHECK(out.find('\x1b') == std::string::npos);
        }
      }
    }
  }
}
