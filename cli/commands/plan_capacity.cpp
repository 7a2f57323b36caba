#include "plan_capacity.hpp"

#include "inputs.hpp"
#include "portfolio_run.hpp"

#include <yekuo/track/evaluate.hpp>
#include <yekuo/track/load.hpp>
#include <yekuo/util/error.hpp>

#include <algorithm>
#include <fmt/format.h>
#include <optional>
#include <utility>

namespace yekuo::cli {

CapacityRun plan_against_load(const CapacityOptions& options, const model::Project& project,
                              schedule::PlanOutcome& plan, const calendar::WorkingCalendar& cal, const Context& ctx) {
  const std::string org_file = org_settings_path(options.org);
  io::OrgSettings org = load_org_settings(options.org);
  if (org.capacities.empty())
    throw InputError(org_file.empty()
                         ? std::string("--portfolio plans against the departments' declared capacity, but no "
                                       "organization file is given: give --org FILE (or $YEKUO_ORG) with "
                                       "[[department]] name = \"…\" concurrent = N tables (docs/capacity.md)")
                         : fmt::format("--portfolio plans against the departments' declared capacity, but {} declares "
                                       "none: add [[department]] name = \"…\" concurrent = N tables (docs/capacity.md)",
                                       org_file));

  PortfolioOptions popts;
  popts.paths = options.portfolio;
  popts.as_of = options.as_of;
  popts.jobs = options.jobs;
  PortfolioRun run(popts, ctx, std::move(org)); // the settings just read, not read again
  const auto departments = track::constrained_departments(project, run.capacities());

  // Each other order's stages on those departments, as of the as-of date (the load rule of
  // track/load.hpp); the order being planned is left out by its id (its own file has it too, so
  // planning orders/new.toml against orders/ does not count it twice).
  track::EvaluateOptions eval;
  eval.as_of = run.as_of();
  eval.escalation = run.escalation();
  // Counted as they arrive: only one counter per department and week is kept.
  track::DepartmentWeeks weeks(run.capacities());
  std::size_t orders = 0;
  run.for_each(
      [&](track::TrackedProject&& order) {
        auto out = track::order_load(track::evaluate_project(order, eval), *order.calendar);
        // Only the departments the new order needs are kept until the order's turn comes.
        std::erase_if(out.stages, [&](const track::StageLoad& s) {
          return std::find(departments.begin(), departments.end(), s.dept) == departments.end();
        });
        return out;
      },
      [&](track::PortfolioItem<track::OrderLoad>&& item) {
        if (!item.result || !item.result->counted) return; // not applied by the as-of date: not an order then
        if (item.result->id == project.info.id) return;
        ++orders;
        weeks.add(item.result->stages, *item.result->calendar);
      });

  CapacityRun out;
  out.plan = track::plan_within_capacity(project, plan, cal, weeks);
  out.plan.as_of = run.as_of();
  out.plan.orders = orders;
  out.bad_inputs = run.bad_inputs();
  return out;
}

} // namespace yekuo::cli
