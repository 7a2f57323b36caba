#include <yekuo/track/known_on.hpp>

#include <algorithm>

namespace yekuo::track {

namespace {
void forget_if_after(std::optional<calendar::Date>& d, calendar::Date day) {
  if (d && *d > day) d.reset();
}
} // namespace

void forget_after(model::Project& project, calendar::Date day) {
  for (model::Progress& p : project.progress) {
    forget_if_after(p.started, day);
    forget_if_after(p.finished, day);
  }
  std::erase_if(project.delays, [&](const model::Delay& d) { return d.from > day; });
  for (model::Delay& d : project.delays) forget_if_after(d.reported, day);
  if (project.revisit && project.revisit->date && *project.revisit->date > day) project.revisit.reset();
  if (project.inspection && project.inspection->date && *project.inspection->date > day) project.inspection.reset();
  std::erase_if(project.coordinations, [&](const model::Coordination& c) { return c.date > day; });
  std::erase_if(project.rulings, [&](const model::Ruling& r) { return r.date > day; });
}

std::optional<model::Baseline> baseline_known_on(model::Baseline baseline, calendar::Date day) {
  std::erase_if(baseline.revisions, [&](const model::BaselineRevision& r) { return r.confirmed > day; });
  if (baseline.revisions.empty()) return std::nullopt;
  return baseline;
}

} // namespace yekuo::track
