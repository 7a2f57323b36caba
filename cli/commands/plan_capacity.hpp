#pragma once
// `yekuo plan FILE --portfolio DIR|FILE…`: the load of the other orders, read through the portfolio
// pipeline (PortfolioRun: each order evaluated as of --as-of, default today), and the plan placed
// against it (track::plan_within_capacity; docs/capacity.md, "Planning against the load").
#include "context.hpp"

#include <yekuo/calendar/calendar.hpp>
#include <yekuo/model/project.hpp>
#include <yekuo/schedule/plan_outcome.hpp>
#include <yekuo/track/capacity_plan.hpp>

#include <cstddef>
#include <string>
#include <vector>

namespace yekuo::cli {

struct CapacityOptions {
  std::vector<std::string> portfolio; // DIR|FILE…; empty: plan without the load
  std::string as_of;                  // empty: today (Asia/Shanghai)
  unsigned jobs = 0;                  // 0: all cores
  std::string org;                    // --org / --calendar (org_settings_path's fallbacks when empty)
};

struct CapacityRun {
  track::CapacityPlan plan;
  std::size_t bad_inputs = 0; // portfolio files or paths that could not be used (printed already)
};

// Reads the organization's [[department]] capacities (none declared: InputError, exit 2) and the
// portfolio's load, leaves out the order being planned (by its order id: its own file, or a copy),
// and places `plan`'s stages (their deadlines become the placed dates).
[[nodiscard]] CapacityRun plan_against_load(const CapacityOptions& options, const model::Project& project,
                                            schedule::PlanOutcome& plan, const calendar::WorkingCalendar& cal,
                                            const Context& ctx);

} // namespace yekuo::cli
