#include "doctest_printers.hpp"
#include "test_dates.hpp"

#include <yekuo/calendar/calendar_cache.hpp>
#include <yekuo/render/render.hpp>
#include <yekuo/report/site.hpp>
#include <yekuo/track/assess.hpp>
#include <yekuo/track/evaluate.hpp>
#include <yekuo/track/tracked_project.hpp>
#include <yekuo/util/error.hpp>

#include <algorithm>
#include <doctest/doctest.h>
#include <set>
#include <string>

using namespace yekuo;
using namespace yekuo::report;

namespace {

std::size_t count(const std::string& haystack, const std::string& needle) {
  std::size_t n = 0;
  for (std::size_t at = haystack.find(needle); at != std::string::npos; at = haystack.find(needle, at + 1)) ++n;
  return n;
}

const calendar::Date k_as_of = D("2026-06-18");

track::TrackedProject load_order(const std::string& name, calendar::CalendarCache& calendars) {
  Diagnostics diags;
  auto tracked = track::load_tracked_project(std::string(YEKUO_SOURCE_DIR) + "/examples/portfolio/" + name, calendars, diags,
                                             k_as_of);
  REQUIRE(tracked);
  REQUIRE_FALSE(diags.has_errors());
  return std::move(*tracked);
}

// What `publish` computes per order (cli/commands/publish.cpp, publish_one).
PublishedOrder published(track::TrackedProject tracked) {
  PublishedOrder o{std::move(tracked), {}, {}};
  o.evaluation = track::evaluate_project(o.tracked, {k_as_of, true, {}});
  o.assessment = track::assess_project(o.tracked.project, o.tracked.reference, *o.tracked.calendar, k_as_of);
  return o;
}

std::string html(const Document& d) { return render::render_html(d, {}); }

// The page at `path`, rendered as publish renders it ("" when there is none).
std::string page_html(const Site& site, const std::string& path) {
  for (const auto& p : site.pages)
    if (p.path == path) return html(p.document);
  return {};
}

} // namespace

TEST_SUITE("report::site") {
  TEST_CASE("page names keep plain ids readable and lower-case") {
    CHECK(order_page_stem("SZ-2026-0157") == "sz-2026-0157");
    CHECK(order_page_stem("a_b-9") == "a_b-9");
  }

  TEST_CASE("page names never traverse, never hide, never come out empty") {
    for (const char* id : {"../../etc/passwd", "..", ".", "/abs", "a/b", "a\\b", "", ".hidden", "业扩一号", "a b", "-x-"}) {
      const std::string s = order_page_stem(id);
      CAPTURE(id);
      CHECK_FALSE(s.empty());
      CHECK(s.find('/') == std::string::npos);
      CHECK(s.find('\\') == std::string::npos);
      CHECK(s.find('.') == std::string::npos);
      CHECK(s.front() != '-');
      for (char c : s) CHECK(((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_'));
    }
  }

  TEST_CASE("ids that lose characters get a hash, so they do not collide with each other") {
    // "a/b" and "a b" both become "a-b" without the hash.
    CHECK(order_page_stem("a/b") != order_page_stem("a b"));
    CHECK(order_page_stem("a/b").rfind("a-b-", 0) == 0);
    CHECK(order_page_stem("业扩一号") != order_page_stem("业扩二号"));
    // A long id is cut to 64 characters plus the hash.
    CHECK(order_page_stem(std::string(200, 'x')).size() == 64 + 9);
  }

  TEST_CASE("repeated and case-twin ids get numbered names") {
    const auto stems = order_page_stems({"SZ-1", "sz-1", "SZ-1", "SZ-2"});
    CHECK(stems == std::vector<std::string>{"sz-1", "sz-1-2", "sz-1-3", "sz-2"});
  }

  TEST_CASE("an empty portfolio still gives the four pages, linked to each other") {
    SiteInput in;
    in.as_of = k_as_of;
    const auto site = build_site(in, Lang::en);
    REQUIRE(site.pages.size() == 4);
    CHECK(site.published == 0);
    CHECK(site.bad_files == 0);
    CHECK(site.pages[0].path == "index.html");
    CHECK(site.pages[1].path == "evaluation.html");
    CHECK(site.pages[2].path == "assessment.html");
    CHECK(site.pages[3].path == "load.html");
    for (const auto& p : site.pages) {
      const std::string out = html(p.document);
      CHECK(out.find("<nav class=\"site\"") != std::string::npos);
      CHECK(out.find("href=\"evaluation.html\"") != std::string::npos);
      CHECK(count(out, "aria-current=\"page\"") == 1);
    }
    CHECK(html(site.pages[0].document).find("No order to publish.") != std::string::npos);
  }

  TEST_CASE("every page says where it is in the navigation; order pages link one level up") {
    calendar::CalendarCache calendars;
    SiteInput in;
    in.as_of = k_as_of;
    in.orders.push_back(published(load_order("sz-2026-0157.toml", calendars)));
    const auto site = build_site(in, Lang::zh);
    REQUIRE(site.pages.size() == 5);
    for (std::size_t k = 0; k < site.pages.size(); ++k) {
      const auto& nav = site.pages[k].document.navigation;
      CAPTURE(site.pages[k].path);
      REQUIRE(nav.links.size() == 4);
      CHECK(nav.label == "站点导航");
      for (std::size_t l = 0; l < 4; ++l) CHECK(nav.links[l].current == (l == k)); // an order page is none of the four
    }
    const auto& order_nav = site.pages[4].document.navigation;
    CHECK(order_nav.links[3].href == "../load.html");
    CHECK(order_nav.links[0].href == "../index.html");
    CHECK(order_nav.links[2].href == "../assessment.html");
    CHECK(site.pages[0].document.navigation.links[1].href == "evaluation.html");
  }

  TEST_CASE("the load page counts the published orders against the declared capacity") {
    calendar::CalendarCache calendars;
    SiteInput in;
    in.as_of = k_as_of;
    for (const char* f : {"sz-2026-0142.toml", "sz-2026-0157.toml"}) in.orders.push_back(published(load_order(f, calendars)));
    in.capacities.departments.push_back({"配电工区", 1, {}, {}});
    const auto site = build_site(in, Lang::zh);
    const std::string load = page_html(site, "load.html");
    REQUIRE_FALSE(load.empty());
    // Both orders build their 10 kV line in the week of 06-15 (tests/cli/load_checks.py recomputes it).
    CHECK(load.find("2/1 超载") != std::string::npos);
    CHECK(load.find(" h5") != std::string::npos);
    CHECK(load.find("SZ-2026-0142") != std::string::npos);
    CHECK(load.find("SZ-2026-0157") != std::string::npos);
  }

  TEST_CASE("bad files are listed on the index, escaped, with file:line:col") {
    SiteInput in;
    in.as_of = k_as_of;
    in.errors.push_back({Severity::error, "x", SourceLoc{"<b>bad</b>.toml", 3, 7}, "broken", {}});
    const auto site = build_site(in, Lang::zh);
    CHECK(site.bad_files == 1);
    const std::string index = html(site.pages[0].document);
    CHECK(index.find("<li class=\"s-overdue\">&lt;b&gt;bad&lt;/b&gt;.toml:3:7") != std::string::npos);
    CHECK(index.find("<b>bad") == std::string::npos);
    CHECK(index.find("1 个文件有误") != std::string::npos);
  }

  TEST_CASE("the index lists the orders as a table of records: id and name link, the state is in words and in style") {
    calendar::CalendarCache calendars;
    SiteInput in;
    in.as_of = k_as_of;
    for (const char* f : {"sz-2026-0101.toml", "sz-2026-0157.toml"}) in.orders.push_back(published(load_order(f, calendars)));
    const auto site = build_site(in, Lang::zh);
    const auto& blocks = site.pages[0].document.blocks;
    const auto it = std::find_if(blocks.begin(), blocks.end(), [](const Block& b) { return std::holds_alternative<Table>(b); });
    REQUIRE(it != blocks.end());
    const auto& table = std::get<Table>(*it);
    CHECK(table.stack);
    REQUIRE(table.rows.size() == 2);
    CHECK(table.rows[0][0].text == "SZ-2026-0101");
    CHECK(table.rows[0][0].href == "orders/sz-2026-0101.html");
    CHECK(table.rows[0][1].href == "orders/sz-2026-0101.html");
    CHECK(table.rows[0][2].href.empty());
    CHECK(table.rows[0][3].text == "已送电");
    CHECK(table.rows[0][3].style == Style::ok);
    CHECK(table.rows[1][3].text == "滞后");
    CHECK(table.rows[1][3].style == Style::overdue);
    CHECK(table.rows[1][5].style == Style::overdue); // the forecast is late too
  }

  TEST_CASE("the example portfolio: one page per order, states in words, relative links both ways") {
    calendar::CalendarCache calendars;
    SiteInput in;
    in.as_of = k_as_of;
    for (const char* f : {"sz-2026-0101.toml", "sz-2026-0157.toml", "sz-2026-0170.toml"}) {
      auto tracked = load_order(f, calendars);
      if (tracked.project.info.id == "SZ-2026-0170") tracked.project.info.name = "<script>alert(1)</script>";
      in.orders.push_back(published(std::move(tracked)));
    }
    const auto site = build_site(in, Lang::zh);
    REQUIRE(site.pages.size() == 7);
    CHECK(site.published == 3);
    const std::string index = page_html(site, "index.html");
    REQUIRE_FALSE(index.empty());
    // 0157 is late as of 06-18 and 0101 energized (tests/cli/evaluate_checks.py checks the facts by hand).
    CHECK(index.find("SZ-2026-0157</a></td><td data-label=\"工程名称\"><a href=\"orders/sz-2026-0157.html\">") !=
          std::string::npos);
    CHECK(index.find("<td class=\"nw s-overdue\" data-label=\"状态\">滞后</td>") != std::string::npos);
    CHECK(index.find("<td class=\"nw s-ok\" data-label=\"状态\">已送电</td>") != std::string::npos);
    CHECK(index.find("<table class=\"stack\">") != std::string::npos);
    CHECK(index.find("<script") == std::string::npos);
    CHECK(index.find("&lt;script&gt;alert(1)&lt;/script&gt;") != std::string::npos);

    const std::string late = page_html(site, "orders/sz-2026-0157.html");
    REQUIRE_FALSE(late.empty());
    CHECK(late.find("href=\"../index.html\"") != std::string::npos);
    // Its plan Gantt and its evaluation Gantt; no signature lines on the web.
    CHECK(count(late, "<svg class=\"gantt\"") == 2);
    CHECK(late.find("class=\"block signatures\"") == std::string::npos);
    CHECK(late.find("本周考评") != std::string::npos);

    const std::string energized = page_html(site, "orders/sz-2026-0101.html");
    REQUIRE_FALSE(energized.empty());
    CHECK(energized.find("考核（已送电）") != std::string::npos);
    CHECK(energized.find("本周考评") == std::string::npos);

    const std::string hostile = page_html(site, "orders/sz-2026-0170.html");
    REQUIRE_FALSE(hostile.empty());
    CHECK(hostile.find("<script") == std::string::npos);

    const std::string eval = page_html(site, "evaluation.html");
    CHECK(eval.find("<li><a href=\"orders/sz-2026-0157.html\">SZ-2026-0157 ") != std::string::npos);
    CHECK(eval.find("href=\"orders/sz-2026-0101.html\"") == std::string::npos); // energized: not active
    const std::string assess = page_html(site, "assessment.html");
    CHECK(assess.find("href=\"orders/sz-2026-0101.html\"") != std::string::npos);
    CHECK(assess.find("SZ-2026-0101") != std::string::npos);
  }
}
