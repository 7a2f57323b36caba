#pragma once
// The assessment side of the site (private to lib/src/report): in its own translation unit,
// because track/assess.hpp and track/evaluate.hpp cannot be included together.
#include <yekuo/report/document.hpp>
#include <yekuo/report/lang.hpp>
#include <yekuo/track/tracked_project.hpp>

#include <optional>
#include <string>
#include <vector>

namespace yekuo::report::detail {

struct SiteAssessmentPart {
  bool assessed = false;                   // energized with complete actuals: `blocks` is its part
  std::optional<calendar::Date> energized; // the energization date, when every final stage finished
  std::vector<std::string> missing_finish; // energized but incomplete: names of the stages without a finish
  std::vector<Block> blocks;               // header, stage table, evidence, Gantt of this order
};

struct SiteAssessments {
  std::vector<SiteAssessmentPart> orders;  // per input order (nullptr entries: nullopt)
  Document page;                           // assessment.html: every energized order
};

// `orders[k]` may be nullptr (an order that could not be evaluated): its part stays empty.
[[nodiscard]] SiteAssessments assess_for_site(const std::vector<const track::TrackedProject*>& orders,
                                              calendar::Date as_of, Lang lang);

} // namespace yekuo::report::detail
