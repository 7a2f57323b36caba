#include "render_demo_document.hpp"

#include <yekuo/render/document_writer.hpp>
#include <yekuo/render/render.hpp>
#include <yekuo/util/error.hpp>

#include <algorithm>
#include <doctest/doctest.h>
#include <fmt/format.h>
#include <string>

using namespace yekuo;
using namespace yekuo::report;

namespace {

constexpr render::Format k_formats[] = {render::Format::table, render::Format::markdown, render::Format::csv,
                                        render::Format::html};

std::vector<render::RenderOptions> all_options() {
  std::vector<render::RenderOptions> out;
  for (const Lang lang : {Lang::zh, Lang::en})
    for (const bool color : {false, true}) out.push_back({color, lang});
  return out;
}

// The document through a DocumentWriter; `late`: its warnings come at finish(); `lazy`: its
// tables are given row by row.
std::string streamed(const Document& doc, render::Format format, const render::RenderOptions& options, bool late,
                     bool lazy) {
  std::string out;
  render::DocumentWriter writer(format, options, [&](std::string_view text) { out += text; });
  writer.begin({doc.title, doc.subtitle, late ? std::vector<std::string>{} : doc.warnings, late, doc.navigation});
  for (const auto& block : doc.blocks) {
    const auto* table = std::get_if<Table>(&block);
    if (lazy && table != nullptr)
      writer.table(Table{table->title, table->columns, {}}, table->rows.size(),
                   [&](std::size_t i) { return table->rows[i]; });
    else
      writer.block(block);
  }
  writer.finish(late ? doc.warnings : std::vector<std::string>{});
  return out;
}

} // namespace

TEST_SUITE("render::DocumentWriter") {
  TEST_CASE("block by block, the text is render()'s, whenever the warnings come and however the tables come") {
    auto doc = render_test::demo_document();
    Table multiline{"多行", {{"a", Align::left}, {"b", Align::right}}, {{{"x\ny"}, {"1"}}, {{"z"}, {"22", Style::overdue}}}};
    doc.blocks.emplace_back(multiline);
    doc.blocks.emplace_back(Table{"empty", {}, {}});
    doc.warnings.push_back("second warning\nin two lines");
    for (const auto format : k_formats)
      for (const auto& options : all_options()) {
        CAPTURE(render::format_name(format));
        CAPTURE(options.color);
        const std::string whole = render::render(doc, format, options);
        for (const bool late : {false, true})
          for (const bool lazy : {false, true}) CHECK(streamed(doc, format, options, late, lazy) == whole);
      }
  }

  TEST_CASE("a document without warnings, or without blocks, or empty") {
    auto doc = render_test::demo_document();
    doc.warnings.clear();
    Document head_only;
    head_only.title = "T";
    head_only.warnings = {"w"};
    for (const auto format : k_formats) {
      CAPTURE(render::format_name(format));
      CHECK(streamed(doc, format, {}, true, true) == render::render(doc, format, {}));
      CHECK(streamed(head_only, format, {}, true, false) == render::render(head_only, format, {}));
      CHECK(streamed(Document{}, format, {}, false, false) == render::render(Document{}, format, {}));
    }
  }

  TEST_CASE("a long report is held in a temporary file until its warnings are known") {
    Document doc;
    doc.title = "long";
    for (int i = 0; i < 3000; ++i)
      doc.blocks.emplace_back(Table{fmt::format("t{}", i), {{"a", Align::left}, {"b", Align::right}},
                                    {{{fmt::format("row {} of a long table", i)}, {fmt::format("{}", i)}}}});
    doc.warnings = {"1 file is bad"};
    for (const auto format : k_formats) CHECK(streamed(doc, format, {}, true, true) == render::render(doc, format, {}));
  }

  TEST_CASE("a long table is sent on in pieces as its rows are written") {
    Document doc;
    doc.title = "long table";
    Table t{"rows", {{"no", Align::right}, {"text", Align::left}, {"more", Align::center}}, {}};
    for (int i = 0; i < 20000; ++i)
      t.rows.push_back({{fmt::format("{}", i)}, {fmt::format("第 {} 行", i), Style::overdue}, {i % 7 == 0 ? "a\nb" : "c"}});
    doc.blocks.emplace_back(t);
    doc.blocks.emplace_back(Paragraph{{"after"}});
    for (const auto format : k_formats)
      for (const auto& options : all_options()) {
        CAPTURE(render::format_name(format));
        const std::string whole = render::render(doc, format, options);
        std::size_t largest = 0;
        std::string out;
        render::DocumentWriter writer(format, options, [&](std::string_view text) {
          out += text;
          largest = std::max(largest, text.size());
        });
        writer.begin({doc.title, "", {}, false});
        writer.table(t, t.rows.size(), [&](std::size_t i) { return t.rows[i]; });
        writer.block(doc.blocks.back());
        writer.finish();
        CHECK(out == whole);
        CHECK(largest < whole.size() / 4);
        CHECK(streamed(doc, format, options, true, true) == whole);
      }
  }

  TEST_CASE("misuse is a bug") {
    std::string out;
    render::DocumentWriter writer(render::Format::table, {}, [&](std::string_view text) { out += text; });
    // Without a title or subtitle, late warnings would change how the first block is set apart.
    CHECK_THROWS_AS(writer.begin({"", "", {}, true}), InternalError);
    writer.begin({"T", "", {}, false});
    CHECK_THROWS_AS(writer.table(Table{"t", {{"a", Align::left}}, {}}, 1,
                                 [](std::size_t) { return std::vector<Cell>{{"1"}, {"2"}}; }),
                    InternalError);
  }
}
