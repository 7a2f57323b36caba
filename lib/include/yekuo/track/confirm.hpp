#pragma once
// Turning the current plan into a confirmed baseline revision (`yekuo plan --confirm`).
#include <yekuo/model/baseline.hpp>
#include <yekuo/schedule/plan_outcome.hpp>

#include <optional>
#include <string>

namespace yekuo::track {

// The revision that records `plan` (its back-scheduled deadlines) as confirmed on `confirmed`.
// `number` is 1 for the first confirmation.
[[nodiscard]] model::BaselineRevision make_revision(const model::Project& project, const schedule::PlanOutcome& plan,
                                                   calendar::Date confirmed, std::string reason, int number);

// True when the revision records exactly the stages, dates and limits of `plan`.
[[nodiscard]] bool revision_matches_plan(const model::BaselineRevision& rev, const model::Project& project,
                                         const schedule::PlanOutcome& plan);

} // namespace yekuo::track
