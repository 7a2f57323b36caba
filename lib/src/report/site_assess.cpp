// The assessment side of the site (see site_assess.hpp).
#include "site_assess.hpp"

#include <yekuo/report/assessment_report.hpp>
#include <yekuo/report/labels.hpp>
#include <yekuo/track/assess.hpp>
#include <yekuo/util/error.hpp>

namespace yekuo::report::detail {

SiteAssessments assess_for_site(const std::vector<const track::TrackedProject*>& orders, calendar::Date as_of,
                                Lang lang) {
  SiteAssessments out;
  out.orders.resize(orders.size());
  std::vector<track::ProjectAssessment> all;
  for (std::size_t k = 0; k < orders.size(); ++k) {
    const track::TrackedProject* t = orders[k];
    if (t == nullptr) continue;
    track::ProjectAssessment a;
    try {
      a = track::assess_project(t->project, t->reference, *t->calendar, as_of);
    } catch (const InputError&) {
      continue; // the evaluation side reports this order as bad
    }
    auto& part = out.orders[k];
    part.energized = a.energized;
    part.missing_finish = a.missing_finish_names;
    if (a.state == track::OrderState::assessed) {
      part.assessed = true;
      // The order's own blocks: everything up to its Gantt (then come the portfolio summaries).
      const Document one = build_assessment_document(track::make_assessment({a}, {}, as_of), lang);
      for (const auto& b : one.blocks) {
        part.blocks.push_back(b);
        if (std::holds_alternative<Gantt>(b)) break;
      }
      if (!part.blocks.empty())
        if (auto* kv = std::get_if<KeyValues>(&part.blocks.front())) kv->title = tr(lang, "考核（已送电）", "Assessment (energized)");
    }
    all.push_back(std::move(a));
  }
  out.page = build_assessment_document(track::make_assessment(std::move(all), {}, as_of), lang);
  return out;
}

} // namespace yekuo::report::detail
