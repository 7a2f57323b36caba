#pragma once
// The plan-confirmation table (《业扩工程计划安排确认表》) as a Document, and `plan --format json`.
#include <yekuo/model/baseline.hpp>
#include <yekuo/model/project.hpp>
#include <yekuo/report/document.hpp>
#include <yekuo/report/lang.hpp>
#include <yekuo/schedule/plan_outcome.hpp>
#include <yekuo/track/capacity_plan.hpp>
#include <yekuo/track/confirm.hpp>
#include <yekuo/track/plan_reference.hpp>

#include <optional>
#include <string>
#include <vector>

namespace yekuo::report {

// Which confirmed revision is in force, if any (shown in the header).
struct BaselineNote {
  int revision = 0;
  calendar::Date confirmed;
  std::string reason;
  bool matches_current_plan = true; // false when the plan differs from the confirmed revision
  track::PlanChange change;         // what differs: the file, the calendar or the dependencies
  // Stages a later revision could not move (finished, or past their deadline, when it was
  // confirmed): they keep the deadline of an earlier revision (docs/baseline.md).
  struct Held {
    std::string id;
    std::string name;
    calendar::Date deadline;  // the deadline that stands
    int revision = 0;         // the revision it comes from
    int by_revision = 0;      // the newest revision that could not move it
    bool finished = false;    // true: finished by then; false: its deadline had passed
  };
  std::vector<Held> held;
};

// The note on a confirmed baseline: its newest revision, whether the current plan still matches
// it and if not what changed (the file, the calendar or the dependencies: track::compare_revision
// on `cal`), and the stages its revisions could not move (from `reference`, built from the baseline).
[[nodiscard]] BaselineNote baseline_note(const model::Project& project, const model::Baseline& baseline,
                                         const schedule::PlanOutcome& plan, const track::PlanReference& reference,
                                         const calendar::WorkingCalendar& cal);

// `capacity`: the plan was made against the other orders' load (plan --portfolio): its shifted
// stages are noted in the table, and a target the capacity cannot meet is a warning naming the
// departments and weeks in the way, with the earliest energization within capacity.
[[nodiscard]] Document build_plan_document(const model::Project& project, const schedule::PlanOutcome& plan,
                                           const std::optional<BaselineNote>& baseline, Lang lang,
                                           const calendar::WorkingCalendar& cal,
                                           const track::CapacityPlan* capacity = nullptr);

// The header warning when the plan differs from the confirmed revision, naming what changed.
[[nodiscard]] std::string plan_change_warning(const track::PlanChange& change, Lang lang);

// The JSON contract of SPEC §4 (schemas/plan.schema.json), pretty-printed; with `capacity` it has
// the `capacity` object (plan --portfolio).
[[nodiscard]] std::string plan_json(const model::Project& project, const schedule::PlanOutcome& plan,
                                    const std::optional<BaselineNote>& baseline,
                                    const track::CapacityPlan* capacity = nullptr);

// The sentence naming what keeps the plan from meeting its target within capacity: each
// overloaded department and week with its load (empty when the plan is within capacity).
[[nodiscard]] std::string capacity_blocking_text(const model::Project& project, const track::CapacityPlan& capacity,
                                                 Lang lang);

} // namespace yekuo::report
