#pragma once
// The plan-confirmation table (《业扩工程计划安排确认表》) as a Document, and `plan --format json`.
#include <yekuo/model/baseline.hpp>
#include <yekuo/model/project.hpp>
#include <yekuo/report/document.hpp>
#include <yekuo/report/lang.hpp>
#include <yekuo/schedule/plan_outcome.hpp>
#include <yekuo/track/confirm.hpp>

#include <optional>
#include <string>

namespace yekuo::report {

// Which confirmed revision is in force, if any (shown in the header).
struct BaselineNote {
  int revision = 0;
  calendar::Date confirmed;
  std::string reason;
  bool matches_current_plan = true; // false when the plan differs from the confirmed revision
  track::PlanChange change;         // what differs: the file, the calendar or the dependencies
};

// The note for the revision in force of `baseline`, compared with the current plan.
[[nodiscard]] BaselineNote baseline_note(const model::Baseline& baseline, const model::Project& project,
                                         const schedule::PlanOutcome& plan, const calendar::WorkingCalendar& cal);

[[nodiscard]] Document build_plan_document(const model::Project& project, const schedule::PlanOutcome& plan,
                                           const std::optional<BaselineNote>& baseline, Lang lang,
                                           const calendar::WorkingCalendar& cal);

// The header warning when the plan differs from the confirmed revision, naming what changed.
[[nodiscard]] std::string plan_change_warning(const track::PlanChange& change, Lang lang);

// The JSON contract of SPEC §4 (schemas/plan.schema.json), pretty-printed.
[[nodiscard]] std::string plan_json(const model::Project& project, const schedule::PlanOutcome& plan,
                                    const std::optional<BaselineNote>& baseline);

} // namespace yekuo::report
