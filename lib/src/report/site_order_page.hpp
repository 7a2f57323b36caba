#pragma once
// The page of one published order (private to lib/src/report; build_site in site.cpp composes
// the whole site).
#include <yekuo/report/document.hpp>
#include <yekuo/report/lang.hpp>
#include <yekuo/report/site.hpp>

#include <string>

namespace yekuo::report::detail {

// "截至 2026-06-18 周四" / "as of Thu 2026-06-18": the day every page of the site is as of.
[[nodiscard]] std::string site_as_of_text(Lang lang, calendar::Date as_of);

// The order's plan-confirmation table (without the signature lines: those are signed on paper),
// then its weekly evaluation block or, once energized, its assessment block. `order` must have
// no error. Without navigation: build_site adds it.
[[nodiscard]] Document order_page_document(const PublishedOrder& order, calendar::Date as_of, Lang lang);

} // namespace yekuo::report::detail
