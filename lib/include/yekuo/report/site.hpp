#pragma once
// The static website of a portfolio (`yekuo publish`, docs/publishing.md): an index of all orders,
// one page per order (plan-confirmation table with its Gantt, then the weekly evaluation block or,
// once energized, the assessment block), the weekly evaluation page, the assessment page and the
// department load page (docs/capacity.md).
//
// A pure function of results the caller computed: it returns each page as a Document with its
// relative path (the caller renders them, render::render_html, and writes the directory). Links
// between the pages are Document links (Navigation, Cell::href), so all markup is the renderer's.
#include <yekuo/model/capacity.hpp>
#include <yekuo/report/document.hpp>
#include <yekuo/report/lang.hpp>
#include <yekuo/track/assess.hpp>
#include <yekuo/track/evaluate.hpp>
#include <yekuo/track/tracked_project.hpp>
#include <yekuo/util/diagnostic.hpp>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace yekuo::report {

// One loaded order with its evaluation and assessment as of the site's day: the per-file work of
// the portfolio pipeline in `publish` (an order that cannot be evaluated or assessed is an unusable
// input there, listed with the bad files).
struct PublishedOrder {
  track::TrackedProject tracked;
  track::ProjectEvaluation evaluation;
  track::ProjectAssessment assessment;
};

struct SiteInput {
  calendar::Date as_of;                // the day of the statuses, forecasts and assessments
  std::vector<PublishedOrder> orders;  // in file order (the index lists them so)
  std::vector<Diagnostic> errors;      // bad files: listed on the index page, not published
  model::Capacities capacities = {};   // the organization's [[department]] (the load page)
  int load_weeks = 8;                  // weeks on the load page, from the week of as_of
};

struct SitePage {
  std::string path;  // relative, '/'-separated, e.g. "orders/wx-2010-0117.html"
  Document document;
};

struct Site {
  // index.html, evaluation.html, assessment.html, load.html, then orders/<stem>.html for every
  // published order.
  std::vector<SitePage> pages;
  std::size_t published = 0; // order pages
  std::size_t bad_files = 0; // files listed as bad on the index (SiteInput::errors)
};

[[nodiscard]] Site build_site(const SiteInput& input, Lang lang);

// The file name stem of an order page: lower-case ASCII letters, digits, '-' and '_' only (other
// characters become '-', runs collapsed, ends trimmed, at most 64 characters); when that changed
// the id in any way other than case, an 8-hex-digit hash of the id is appended so that different
// ids do not collide. Never empty, never "." or "..", no '/'.
[[nodiscard]] std::string order_page_stem(std::string_view id);

// Stems for a list of ids: order_page_stem, then "-2", "-3" ... for repeats (duplicate ids,
// ids equal up to case).
[[nodiscard]] std::vector<std::string> order_page_stems(const std::vector<std::string>& ids);

// The marker file the site directory carries (`publish` replaces only a directory that has it).
inline constexpr std::string_view k_site_marker = ".yekuo-site";

} // namespace yekuo::report
