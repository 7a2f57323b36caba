#include "doctest_printers.hpp"
#include "report_portfolio.hpp"

#include <yekuo/render/document_writer.hpp>
#include <yekuo/render/render.hpp>
#include <yekuo/report/escalation_list.hpp>
#include <yekuo/report/evaluation_report.hpp>
#include <yekuo/report/stage_notice.hpp>

#include <algorithm>
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
          for (const bool by_department : {false, true}) {
            CAPTURE(by_department);
            const EvaluationDocumentOptions doc_options{format == render::Format::html, by_department};
            const std::string whole =
                render::render(build_evaluation_document(p.evaluation, lang, doc_options), format, options);
            CHECK(report_test::streamed(p.evaluation, format, options, [&](DocumentSink& sink) {
              return EvaluationReport(p.evaluation.as_of, options.lang, doc_options, sink);
            }) == whole);
          }
        }
    }
  }

  TEST_CASE("by department: the week's rows of every order, a table per department, order id and name first") {
    for (const char* day : report_test::k_days) {
      CAPTURE(day);
      const auto p = report_test::evaluate(day);
      const auto active = p.evaluation.active();
      const Document by_order = build_evaluation_document(p.evaluation, Lang::en);
      const Document by_dept = build_evaluation_document(p.evaluation, Lang::en, {.by_department = true});
      CHECK(blocks_of<KeyValues>(by_dept).empty()); // no block per order

      // What the per-order tables show, regrouped: the k-th header is active[k]'s, its table lists
      // the stages that matter this week in the order's stage order.
      std::vector<std::pair<bool, std::string>> depts;
      std::vector<std::vector<std::vector<std::string>>> want; // per dept, rows of texts
      std::size_t k = 0;
      const Table* stage_columns = nullptr;
      for (std::size_t b = 0; b < by_order.blocks.size(); ++b) {
        if (!std::holds_alternative<KeyValues>(by_order.blocks[b])) continue;
        REQUIRE(k < active.size());
        const auto& project = *active[k++];
        std::vector<const track::StageEvaluation*> listed;
        for (const auto& s : project.stages)
          if (s.matters_this_week()) listed.push_back(&s);
        const auto* t = std::get_if<Table>(&by_order.blocks[b + 1]);
        if (listed.empty()) {
          CHECK(t == nullptr);
          continue;
        }
        REQUIRE(t != nullptr);
        REQUIRE(t->rows.size() == listed.size());
        stage_columns = t;
        for (std::size_t r = 0; r < listed.size(); ++r) {
          const std::pair<bool, std::string> key{listed[r]->customer, listed[r]->dept};
          auto at = std::find(depts.begin(), depts.end(), key);
          if (at == depts.end()) {
            depts.push_back(key);
            want.emplace_back();
            at = depts.end() - 1;
          }
          std::vector<std::string> row{project.id, project.name};
          for (const auto& c : t->rows[r]) row.push_back(c.text);
          want[static_cast<std::size_t>(at - depts.begin())].push_back(std::move(row));
        }
      }
      CHECK(k == active.size());

      // The department tables come first, in the summary's order, then the same blocks as the
      // per-order document has after its orders.
      std::vector<std::size_t> order(depts.size());
      for (std::size_t g = 0; g < order.size(); ++g) order[g] = g;
      std::sort(order.begin(), order.end(), [&](std::size_t x, std::size_t y) {
        return track::department_listed_before(depts[x].first, depts[x].second, depts[y].first, depts[y].second);
      });
      // With active orders, their table (a row each, the order's header as columns) comes first.
      const std::size_t lead = active.empty() ? 0 : 1;
      REQUIRE(by_dept.blocks.size() >= order.size() + lead);
      if (lead == 1) {
        const auto* orders = std::get_if<Table>(&by_dept.blocks[0]);
        REQUIRE(orders != nullptr);
        CHECK(orders->title == "Active orders");
        REQUIRE(orders->rows.size() == active.size());
        for (std::size_t r = 0; r < active.size(); ++r) {
          CHECK(orders->rows[r][0].text == active[r]->id);
          CHECK(orders->rows[r][3].date == active[r]->planned_energization);
          CHECK(orders->rows[r][5].number == active[r]->slip_days);
        }
      }
      if (order.empty() && !active.empty())
        CHECK(std::get<Paragraph>(by_dept.blocks[lead]).text.text == "No stage needs attention this week.");
      for (std::size_t g = 0; g < order.size(); ++g) {
        CAPTURE(depts[order[g]].second);
        const auto* t = std::get_if<Table>(&by_dept.blocks[g + lead]);
        REQUIRE(t != nullptr);
        CHECK(t->title == depts[order[g]].second);
        REQUIRE(stage_columns != nullptr);
        REQUIRE(t->columns.size() == stage_columns->columns.size() + 2);
        CHECK(t->columns[0].header == "Order");
        CHECK(t->columns[1].header == "Name");
        for (std::size_t c = 0; c < stage_columns->columns.size(); ++c)
          CHECK(t->columns[c + 2].header == stage_columns->columns[c].header);
        std::vector<std::vector<std::string>> got;
        for (const auto& row : t->rows) {
          auto& texts = got.emplace_back();
          for (const auto& c : row) texts.push_back(c.text);
          CHECK(row[0].style == Style::normal);
        }
        CHECK(got == want[order[g]]);
      }
      const std::size_t first_after = lead + (order.empty() && !active.empty() ? 1 : order.size());
      Document tail_by_dept, tail_by_order;
      tail_by_dept.blocks.assign(by_dept.blocks.begin() + static_cast<std::ptrdiff_t>(first_after), by_dept.blocks.end());
      std::size_t after_orders = 0; // the first block of by_order after its last order's blocks
      for (std::size_t b = 0; b < by_order.blocks.size(); ++b) {
        const auto* t = std::get_if<Table>(&by_order.blocks[b]);
        const auto* para = std::get_if<Paragraph>(&by_order.blocks[b]);
        if (std::holds_alternative<KeyValues>(by_order.blocks[b]) ||
            (t != nullptr && t->title == "Stages that matter this week") ||
            (para != nullptr && para->text.text == "No stage needs attention this week."))
          after_orders = b + 1;
      }
      tail_by_order.blocks.assign(by_order.blocks.begin() + static_cast<std::ptrdiff_t>(after_orders),
                                  by_order.blocks.end());
      const render::RenderOptions en{false, Lang::en};
      CHECK(render::render_markdown(tail_by_dept, en) == render::render_markdown(tail_by_order, en));
      CHECK(by_dept.warnings == by_order.warnings);
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
