#include "doctest_printers.hpp"
#include "test_dates.hpp"

#include <yekuo/calendar/calendar_cache.hpp>
#include <yekuo/render/render.hpp>
#include <yekuo/report/site.hpp>
#include <yekuo/track/tracked_project.hpp>
#include <yekuo/util/error.hpp>

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

std::string html(const Document& d) { return render::render_html(d, {}); }

const SitePage* find(const std::vector<SitePage>& pages, const std::string& path) {
  for (const auto& p : pages)
    if (p.path == path) return &p;
  return nullptr;
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

  TEST_CASE("an empty portfolio still gives the three pages, linked to each other") {
    SiteInput in;
    in.as_of = k_as_of;
    const auto pages = build_site(in, Lang::en, html);
    REQUIRE(pages.size() == 3);
    CHECK(pages[0].path == "index.html");
    CHECK(pages[1].path == "evaluation.html");
    CHECK(pages[2].path == "assessment.html");
    for (const auto& p : pages) {
      CHECK(p.content.find("<nav class=\"site\"") != std::string::npos);
      CHECK(p.content.find("href=\"evaluation.html\"") != std::string::npos);
      CHECK(count(p.content, "aria-current=\"page\"") == 1);
    }
    CHECK(pages[0].content.find("No order to publish.") != std::string::npos);
  }

  TEST_CASE("bad files are listed on the index, escaped, with file:line:col") {
    SiteInput in;
    in.as_of = k_as_of;
    in.errors.push_back({Severity::error, "x", SourceLoc{"<b>bad</b>.toml", 3, 7}, "broken", {}});
    const auto pages = build_site(in, Lang::zh, html);
    CHECK(pages[0].content.find("&lt;b&gt;bad&lt;/b&gt;.toml:3:7") != std::string::npos);
    CHECK(pages[0].content.find("<b>bad") == std::string::npos);
    CHECK(pages[0].content.find("1 个文件有误") != std::string::npos);
  }

  TEST_CASE("a renderer without <main> is an internal error, not a broken site") {
    SiteInput in;
    CHECK_THROWS_AS((void)build_site(in, Lang::zh, [](const Document&) { return std::string("<p>no main</p>"); }),
                    InternalError);
  }

  TEST_CASE("the example portfolio: one page per order, states in words, relative links both ways") {
    calendar::CalendarCache calendars;
    SiteInput in;
    in.as_of = k_as_of;
    for (const char* f : {"sz-2026-0101.toml", "sz-2026-0157.toml", "sz-2026-0170.toml"}) in.orders.push_back(load_order(f, calendars));
    in.orders[2].project.info.name = "<script>alert(1)</script>";
    const auto pages = build_site(in, Lang::zh, html);
    REQUIRE(pages.size() == 6);
    const auto* index = find(pages, "index.html");
    REQUIRE(index);
    // 0157 is late as of 06-18 and 0101 energized (tests/cli/evaluate_checks.py checks the facts by hand).
    CHECK(index->content.find("SZ-2026-0157</a></td><td data-label=\"工程名称\"><a href=\"orders/sz-2026-0157.html\">") !=
          std::string::npos);
    CHECK(index->content.find("<td class=\"status s-overdue\" data-label=\"状态\">滞后</td>") != std::string::npos);
    CHECK(index->content.find("<td class=\"status s-ok\" data-label=\"状态\">已送电</td>") != std::string::npos);
    CHECK(index->content.find("<script") == std::string::npos);
    CHECK(index->content.find("&lt;script&gt;alert(1)&lt;/script&gt;") != std::string::npos);

    const auto* late = find(pages, "orders/sz-2026-0157.html");
    REQUIRE(late);
    CHECK(late->content.find("href=\"../index.html\"") != std::string::npos);
    // Its plan Gantt and its evaluation Gantt; no signature lines on the web.
    CHECK(count(late->content, "<svg class=\"gantt\"") == 2);
    CHECK(late->content.find("class=\"block signatures\"") == std::string::npos);
    CHECK(late->content.find("本周考评") != std::string::npos);

    const auto* energized = find(pages, "orders/sz-2026-0101.html");
    REQUIRE(energized);
    CHECK(energized->content.find("考核（已送电）") != std::string::npos);
    CHECK(energized->content.find("本周考评") == std::string::npos);

    const auto* hostile = find(pages, "orders/sz-2026-0170.html");
    REQUIRE(hostile);
    CHECK(hostile->content.find("<script") == std::string::npos);

    const auto* eval = find(pages, "evaluation.html");
    REQUIRE(eval);
    CHECK(eval->content.find("href=\"orders/sz-2026-0157.html\"") != std::string::npos);
    CHECK(eval->content.find("href=\"orders/sz-2026-0101.html\"") == std::string::npos); // energized: not active
    const auto* assess = find(pages, "assessment.html");
    REQUIRE(assess);
    CHECK(assess->content.find("href=\"orders/sz-2026-0101.html\"") != std::string::npos);
  }
}
