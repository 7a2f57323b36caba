#include "doctest_printers.hpp"
#include "report_portfolio.hpp"

#include <yekuo/render/document_writer.hpp>
#include <yekuo/render/render.hpp>
#include <yekuo/report/escalation_list.hpp>
#include <yekuo/report/evaluation_report.hpp>
#include <yekuo/report/stage_notice.hpp>

#include <doctest/doctest.h>
#include <string>
#include <vector>

using namespace yekuo;
using namespace yekuo::report;

namespace {

template <class T>
std::vector<const T*> blocks_of(const Document& doc) {
  std::vector<const T*> out;
  for (const auto& b : doc.blocks)
    if (const auto* t = std::get_if<T>(&b)) out.push_back(t);
  return out;
}

} // namespace

TEST_SUITE("report::EvaluationReport") {
  TEST_CASE("streamed block by block, the text is that of the whole Document, in every format") {
    for (const char* day : report_test::k_days) {
      const auto p = report_test::evaluate(day);
      for (const Lang lang : {Lang::zh, Lang::en})
        for (const auto format : report_test::k_formats) {
          CAPTURE(day);
          CAPTURE(render::format_name(format));
          const render::RenderOptions options{format == render::Format::table && lang == Lang::zh, lang};
          const EvaluationDocumentOptions doc_options{format == render::Format::html};
          const std::string whole = render::render(build_evaluation_document(p.evaluation, lang, doc_options), format, options);
          CHECK(report_test::streamed(p.evaluation, format, options, [&](DocumentSink& sink) {
            return EvaluationReport(p.evaluation.as_of, options.lang, {format == render::Format::html}, sink);
          }) == whole);
        }
    }
  }

  TEST_CASE("the Document shows every active order, the summaries of the portfolio and its bad files") {
    const auto p = report_test::evaluate("2010-05-01");
    const auto active = p.evaluation.active();
    REQUIRE(active.size() >= 3);
    const Document doc = build_evaluation_document(p.evaluation, Lang::en);

    const auto headers = blocks_of<KeyValues>(doc);
    REQUIRE(headers.size() == active.size());
    for (std::size_t k = 0; k < active.size(); ++k) CHECK(headers[k]->title == active[k]->id + " · " + active[k]->name);

    // The bad files: counted above the orders, listed at the end.
    REQUIRE(doc.warnings.size() == 1);
    CHECK(doc.warnings.front().starts_with("2 order files have errors"));
    const auto* errors = std::get_if<BulletList>(&doc.blocks.back());
    REQUIRE(errors != nullptr);
    CHECK(errors->title == "File errors");
    CHECK(errors->items.size() >= 2);

    // The escalation tables list track::escalations(), level 3 first.
    const auto expected = track::escalations(active);
    REQUIRE_FALSE(expected.empty());
    std::vector<std::pair<std::string, std::string>> want, got;
    for (int level = 3; level >= 1; --level)
      for (const auto& e : expected)
        if (e.stage->escalation_level == level) want.emplace_back(e.project->id, e.stage->name);
    for (const auto* t : blocks_of<Table>(doc))
      if (t->title.starts_with("Level "))
        for (const auto& row : t->rows) got.emplace_back(row[1].text, row[2].text);
    CHECK(got == want);

    // The department summary is track::summarize_departments() of the active orders.
    std::vector<std::string> depts;
    for (const auto& d : track::summarize_departments(active))
      if (!d.customer) depts.push_back(d.dept);
    std::vector<std::string> shown;
    for (const auto* t : blocks_of<Table>(doc))
      if (t->title == "Summary by department")
        for (const auto& row : t->rows) shown.push_back(row[0].text);
    CHECK(shown == depts);
  }

  TEST_CASE("no active order, no escalation: said in words") {
    track::PortfolioEvaluation empty;
    empty.as_of = *calendar::Date::parse_iso("2026-06-18");
    const Document doc = build_evaluation_document(empty, Lang::en);
    REQUIRE(doc.blocks.size() == 2);
    CHECK(std::get<Paragraph>(doc.blocks[0]).text.text == "No active orders.");
    CHECK(std::get<Paragraph>(doc.blocks[1]).text.text == "Nothing to escalate to the director.");
    CHECK(doc.warnings.empty());
  }
}

TEST_SUITE("report::EscalationList") {
  TEST_CASE("kept in a temporary file, the escalations come back whole and worst first") {
    for (const char* day : report_test::k_days) {
      CAPTURE(day);
      const auto p = report_test::evaluate(day);
      const auto active = p.evaluation.active();
      EscalationList list(0); // every notice on disk
      for (const auto* project : active) list.add(*project);
      const auto expected = track::escalations(active);
      const auto order = list.worst_first();
      REQUIRE(order.size() == expected.size());
      REQUIRE(list.size() == expected.size());
      for (std::size_t k = 0; k < order.size(); ++k) CHECK(list[order[k]] == make_notice(*expected[k].project, *expected[k].stage));
      for (int level = 1; level <= 3; ++level) {
        std::vector<std::size_t> want;
        bool owner = false;
        for (const std::size_t i : order)
          if (list[i].level == level) {
            want.push_back(i);
            owner = owner || !list[i].owner.empty();
          }
        CHECK(list.worst_first(level) == want);
        CHECK(list.any_owner(level) == owner);
      }
    }
  }
}
