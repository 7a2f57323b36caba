#include "doctest_printers.hpp"
#include "report_portfolio.hpp"

#include <yekuo/render/document_writer.hpp>
#include <yekuo/render/render.hpp>
#include <yekuo/report/evaluation_json.hpp>
#include <yekuo/report/remind_json.hpp>
#include <yekuo/report/remind_report.hpp>
#include <yekuo/report/reminder_list.hpp>
#include <yekuo/track/remind.hpp>
#include <yekuo/util/json_writer.hpp>

#include <algorithm>
#include <doctest/doctest.h>
#include <string>
#include <vector>

using namespace yekuo;
using namespace yekuo::report;

namespace {

std::vector<int> provisional_years(const std::vector<track::ReminderGroup>& groups) {
  std::vector<int> years;
  for (const auto& g : groups)
    for (const auto& item : g.items) years.insert(years.end(), item.project->provisional_years.begin(), item.project->provisional_years.end());
  std::sort(years.begin(), years.end());
  years.erase(std::unique(years.begin(), years.end()), years.end());
  return years;
}

// `remind --format json` as it was written from the whole portfolio and track::reminders().
std::string reference_json(const track::PortfolioEvaluation& portfolio) {
  const auto groups = track::reminders(portfolio.active());
  JsonWriter w;
  w.begin_object();
  w.field("schema", 1).field("as_of", portfolio.as_of.iso());
  w.key("items").begin_array();
  for (const auto& g : groups)
    for (const auto& item : g.items) write_notice_json(w, make_notice(*item.project, *item.stage));
  for (const auto& f : portfolio.files)
    if (f.evaluation && f.evaluation->energized)
      for (const auto& fu : f.evaluation->follow_up) {
        if (fu.status == track::FollowUpStatus::open) continue;
        const auto& p = *f.evaluation;
        w.begin_object();
        w.field("project", p.id).field("project_name", p.name).field("file", p.file);
        w.field("customer_manager", p.customer_manager);
        w.field("kind", track::follow_up_kind_word(fu.kind));
        w.field("id", track::follow_up_kind_word(fu.kind));
        w.field("name", fu.kind == track::FollowUpKind::revisit ? "95598 回访" : "回头看");
        w.field("dept", "客户服务中心").field("customer", false).field("owner", "");
        w.field("energized", fu.energized.iso());
        w.field("deadline", fu.deadline.iso()).field("effective_deadline", fu.deadline.iso());
        w.field("status", track::follow_up_status_word(fu.status));
        w.field("days_late", fu.status == track::FollowUpStatus::overdue ? portfolio.as_of - fu.deadline : 0);
        w.field("unit", "calendar_days");
        w.key("blocks").begin_array().end_array();
        w.end_object();
      }
  w.end_array();
  w.key("warnings").begin_array();
  for (int y : provisional_years(groups)) w.value(calendar::WorkingCalendar::provisional_warning(y));
  w.end_array();
  write_errors_json(w, portfolio);
  w.end_object();
  return w.finish();
}

} // namespace

TEST_SUITE("report::RemindReport") {
  TEST_CASE("streamed, the text is that of the whole Document, in every format") {
    for (const char* day : report_test::k_days) {
      const auto p = report_test::evaluate(day, /*forecast=*/false);
      for (const Lang lang : {Lang::zh, Lang::en})
        for (const auto format : report_test::k_formats) {
          CAPTURE(day);
          CAPTURE(render::format_name(format));
          const render::RenderOptions options{format == render::Format::table && lang == Lang::en, lang};
          const std::string whole = render::render(build_remind_document(p.evaluation, lang), format, options);
          CHECK(report_test::streamed(p.evaluation, format, options, [&](DocumentSink& sink) {
            return RemindReport(p.evaluation.as_of, options.lang, sink);
          }) == whole);
        }
    }
  }

  TEST_CASE("the Document lists the bad files, counted above") {
    const auto p = report_test::evaluate("2026-06-18", false);
    const Document doc = build_remind_document(p.evaluation, Lang::en);
    REQUIRE_FALSE(doc.warnings.empty());
    CHECK(doc.warnings.front() == "2 order files have errors and are not in this list");
    const auto* errors = std::get_if<BulletList>(&doc.blocks.back());
    REQUIRE(errors != nullptr);
    CHECK(errors->items.size() >= 2);
  }
}

TEST_SUITE("report::ReminderList") {
  TEST_CASE("collected file by file, the groups are track::reminders()'s; the notices come back from disk") {
    bool any_follow_up = false;
    for (const char* day : report_test::k_days) {
      CAPTURE(day);
      const auto p = report_test::evaluate(day, false);
      ReminderList list(p.evaluation.as_of, 0); // every notice on disk
      for (const auto& f : p.evaluation.files) list.add(f);
      const auto expected = track::reminders(p.evaluation.active());
      const auto groups = list.groups();
      REQUIRE(groups.size() == expected.size());
      for (std::size_t g = 0; g < groups.size(); ++g) {
        CHECK(groups[g].dept == expected[g].dept);
        CHECK(groups[g].customer == expected[g].customer);
        REQUIRE(groups[g].items.size() == expected[g].items.size());
        bool owners = false;
        for (std::size_t k = 0; k < groups[g].items.size(); ++k) {
          const auto& want = expected[g].items[k];
          CHECK(list[groups[g].items[k]] == make_notice(*want.project, *want.stage));
          owners = owners || !want.stage->owner.empty();
        }
        CHECK(groups[g].owners == owners);
      }
      CHECK(list.provisional_years() == provisional_years(expected));
      CHECK(list.bad_files() == p.evaluation.error_count());
      std::size_t follow_ups = 0;
      for (const auto& f : p.evaluation.files)
        if (f.evaluation && f.evaluation->energized)
          follow_ups += static_cast<std::size_t>(std::count_if(f.evaluation->follow_up.begin(), f.evaluation->follow_up.end(),
                                                               [](const auto& fu) { return fu.status != track::FollowUpStatus::open; }));
      CHECK(list.follow_ups().size() == follow_ups);
      any_follow_up = any_follow_up || follow_ups > 0;
    }
    CHECK(any_follow_up);
  }
}

TEST_SUITE("report::RemindJsonStream") {
  TEST_CASE("the JSON is the one written from the whole portfolio") {
    for (const char* day : report_test::k_days) {
      CAPTURE(day);
      const auto p = report_test::evaluate(day, false);
      CHECK(remind_json(p.evaluation) == reference_json(p.evaluation));
    }
  }
}
