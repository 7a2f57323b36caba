#pragma once
// Everything `yekuo plan` reports about one project: both passes, the dates people see, the
// compression proposal when the target is infeasible, totals and warnings. Report builders
// (table, JSON) only format this.
#include <yekuo/schedule/compress.hpp>
#include <yekuo/schedule/cpm.hpp>
#include <yekuo/schedule/stage_dates.hpp>

#include <optional>
#include <string>
#include <vector>

namespace yekuo::schedule {

struct StagePlan {
  DateSpan earliest;    // forward pass
  DateSpan latest;      // back-scheduled: latest.finish is the deadline (工作时限)
  int total_float = 0;
  bool critical = false;
  int working_days = 0; // working days the plan gives the stage (lf - ls)
};

// A stage whose promised time limit (`finish_within = N`, 承诺时限) the plan cannot meet: even its
// earliest finish is after point(applied) + N. The plan is infeasible (yekuo plan exits 3).
struct PromiseBreach {
  std::size_t stage = 0;             // index into Project::stages
  int finish_within = 0;             // N, working days after `applied`
  calendar::Date limit;              // date_of(point(applied) + N): the promised deadline
  calendar::Date earliest_finish;    // the forward pass's finish
  int days_over = 0;                 // ef - (point(applied) + N), working days
};

struct PlanOutcome {
  Network network;
  Schedule schedule;
  std::vector<StagePlan> stages;                // per stage, against the target, as planned
  std::vector<std::size_t> display_order;       // topological, earlier dates first
  calendar::Date target;                        // effective target (file or --target)
  calendar::Date planned_energization;          // the target's working day (date_of(target point))
  calendar::Date earliest_energization;         // the latest earliest finish
  int total_working_days = 0;                   // applied -> planned energization
  int total_calendar_days = 0;
  std::optional<CompressionPlan> compression;   // only when infeasible (and asked for)
  std::vector<StagePlan> proposal_stages;       // per stage, against the target with the proposal
  calendar::Date proposal_energization;         // the date the proposal reaches (best date if it cannot meet the target)
  std::vector<PromiseBreach> promise_breaches;  // stages whose finish_within cannot be met (stage order)
  std::vector<int> provisional_years;           // years without official holiday data that the plan touches
  bool eligible = true;                         // >= 4000 kVA, key project or important (SPEC §1)
  std::vector<std::string> warnings;            // English-neutral facts for the report's warning block
};

enum class CompressionAdvice { propose, skip };

// The project must be validated (acyclic, references resolved). Tracking passes
// CompressionAdvice::skip: it never shows the proposal, which costs several times the passes.
[[nodiscard]] PlanOutcome make_plan(const model::Project& project, const calendar::WorkingCalendar& cal,
                                    std::optional<calendar::Date> target_override = std::nullopt,
                                    CompressionAdvice advice = CompressionAdvice::propose);

// The SPEC §1 threshold for the order-style method.
inline constexpr double k_min_capacity_kva = 4000.0;

} // namespace yekuo::schedule
