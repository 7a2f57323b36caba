#pragma once
// The static website of a portfolio (`yekuo publish`, docs/publishing.md): an index of all orders,
// one page per order (plan-confirmation table with its Gantt, then the weekly evaluation block or,
// once energized, the assessment block), the weekly evaluation page and the assessment page.
//
// A pure function: it returns the pages as {relative path, content}; the caller writes them.
// The report layer does not know HTML (layering), so the caller passes the page renderer
// (render::render_html). The site adds its navigation and the linked order list itself, as
// escaped HTML inserted right after the renderer's "<main>" and right before its "</main>".
#include <yekuo/report/document.hpp>
#include <yekuo/report/lang.hpp>
#include <yekuo/track/tracked_project.hpp>
#include <yekuo/util/diagnostic.hpp>

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace yekuo::report {

struct SiteInput {
  calendar::Date as_of;                      // statuses, forecasts and revisits as of this day
  std::vector<track::TrackedProject> orders; // loaded orders, in file order (the index lists them so)
  std::vector<Diagnostic> errors;            // bad files: listed on the index page, not published
  model::EscalationThresholds escalation;    // the organization's ladder (--calendar FILE [escalation])
};

struct SitePage {
  std::string path;    // relative, '/'-separated, e.g. "orders/wx-2010-0117.html"
  std::string content;
};

// Renders one Document to a complete HTML page containing "<main>" and "</main>".
using PageRenderer = std::function<std::string(const Document&)>;

// index.html, evaluation.html, assessment.html and orders/<name>.html for every order, in that
// order. An order that cannot be evaluated (InputError, e.g. a date outside the calendar) is
// listed with the bad files instead. Throws InternalError when the renderer's page lacks the
// <main> markers.
[[nodiscard]] std::vector<SitePage> build_site(const SiteInput& input, Lang lang, const PageRenderer& render_page);

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
