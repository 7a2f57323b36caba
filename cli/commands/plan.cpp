// yekuo plan FILE: back-schedule one order and print the plan-confirmation table
// (《业扩工程计划安排确认表》); --confirm records the confirmed plan (baseline).
#include "command.hpp"
#include "inputs.hpp"
#include "output_options.hpp"
#include "plan_capacity.hpp"

#include <yekuo/calendar/calendar_cache.hpp>
#include <yekuo/io/baseline_file.hpp>
#include <yekuo/io/discover.hpp>
#include <yekuo/io/validate.hpp>
#include <yekuo/render/render.hpp>
#include <yekuo/report/plan_calendar.hpp>
#include <yekuo/report/plan_report.hpp>
#include <yekuo/track/confirm.hpp>
#include <yekuo/track/plan_reference.hpp>
#include <yekuo/util/atomic_file.hpp>
#include <yekuo/util/error.hpp>

#include <fmt/format.h>
#include <memory>

namespace yekuo::cli {

namespace {

struct PlanOptions {
  std::string file;
  std::string target;
  bool confirm = false;
  std::string reason;
  std::string calendar;
  CapacityOptions capacity; // --portfolio, --as-of, --jobs
  OutputOptions output;
};

// Records the plan as a new baseline revision. Never overwrites silently: a second
// confirmation needs a reason and keeps every earlier revision.
void confirm_plan(const PlanOptions& o, const model::Project& project, const schedule::PlanOutcome& plan,
                  std::optional<model::Baseline> baseline, const Context& ctx) {
  const std::string path = io::baseline_path_for(o.file);
  if (baseline && o.reason.empty())
    throw InputError(fmt::format("{} already records revision {} (confirmed {}); a new confirmation is a rolling "
                                 "adjustment: give --reason \"…\" (what was agreed with the customer)",
                                 path, baseline->current().number, baseline->current().confirmed.iso()));
  model::Baseline out;
  if (baseline) out = *baseline;
  else out.project_id = project.info.id;
  const int number = out.revisions.empty() ? 1 : out.revisions.back().number + 1;
  out.revisions.push_back(
      track::make_revision(project, plan, ctx.today, o.reason.empty() ? std::string("初次确认") : o.reason, number));
  write_file_atomically(path, io::serialize_baseline(out));
  fmt::print(stderr, "yekuo: confirmed plan recorded as revision {} in {}\n", number, path);
}

int run_plan(const PlanOptions& o, const Context& ctx) {
  check_output_destination(o.output, ctx); // before --confirm writes anything
  if (const auto id = io::sniff_baseline(o.file); id || io::is_baseline_file(o.file)) {
    // A shell completion or glob picked the confirmed plan next to the order.
    const std::string order = io::is_baseline_file(o.file)
                                  ? o.file.substr(0, o.file.size() - std::string_view(".baseline.toml").size()) + ".toml"
                                  : std::string("its order file");
    throw InputError(fmt::format("{} is a baseline file (the confirmed plan{}), not an order: plan {}", o.file,
                                 id && !id->empty() ? fmt::format(" of order '{}'", *id) : std::string(), order));
  }
  calendar::CalendarCache calendars(load_org_calendar(o.calendar));
  Diagnostics diags;
  io::LoadOptions load_options;
  load_options.org_calendar = calendars.organization();
  auto project = io::load_project(o.file, diags, load_options);
  print_with_source(diags);
  if (!project) return code(ExitCode::bad_input);
  const auto& cal = calendars.get(project->calendar);

  std::optional<calendar::Date> target;
  if (!o.target.empty()) {
    target = parse_date_option(o.target, "--target");
    if (*target < project->info.applied)
      throw InputError(fmt::format("--target {} is before the application date {}", target->iso(),
                                   project->info.applied.iso()));
    if (!cal.in_range(*target) || target->year() > calendar::k_last_supported_year)
      throw InputError(fmt::format("--target {} is outside the supported range", target->iso()));
  }
  auto plan = schedule::make_plan(*project, cal, target);
  for (int y : plan.provisional_years) warn(calendar::WorkingCalendar::provisional_warning(y));
  for (const auto& b : plan.promise_breaches)
    fmt::print(stderr,
               "yekuo: error: stage \"{}\" cannot finish within {} working days of acceptance (finish_within): the "
               "promised deadline is {}, its earliest finish {} ({} working days over)\n",
               project->stages[b.stage].id, b.finish_within, b.limit.iso(), b.earliest_finish.iso(), b.days_over);

  // Against the other orders' load: the placed dates become the plan's deadlines.
  std::optional<CapacityRun> capacity;
  if (!o.capacity.portfolio.empty()) {
    auto copts = o.capacity;
    copts.org = o.calendar;
    capacity = plan_against_load(copts, *project, plan, cal, ctx);
  }

  Diagnostics baseline_diags;
  auto loaded = io::load_order_baseline(o.file, project->info.id, baseline_diags);
  print_with_source(baseline_diags);
  if (loaded.status == io::BaselineStatus::invalid) return code(ExitCode::bad_input);
  std::optional<model::Baseline> baseline;
  if (loaded.status == io::BaselineStatus::loaded) baseline = std::move(loaded.baseline);

  if (o.confirm) {
    if (!plan.schedule.feasible) {
      fmt::print(stderr,
                 "yekuo: error: the target cannot be met ({} working days short): not confirmed. Agree a new target "
                 "with the customer (--target DATE) or apply the proposed compression to the stage durations first\n",
                 plan.schedule.shortfall);
      return code(ExitCode::infeasible);
    }
    if (capacity && capacity->bad_inputs > 0) {
      fmt::print(stderr, "yekuo: error: {} portfolio input(s) could not be read (above), so the load is incomplete: not "
                         "confirmed\n",
                 capacity->bad_inputs);
      return code(ExitCode::bad_input);
    }
    if (capacity && !capacity->plan.within_capacity()) {
      fmt::print(stderr,
                 "yekuo: error: the target cannot be met within department capacity: not confirmed. {}\n"
                 "Agree a later target with the customer (--target DATE), or confirm without --portfolio to accept the "
                 "overload\n",
                 report::capacity_blocking_text(*project, capacity->plan, report::Lang::en));
      return code(ExitCode::infeasible);
    }
    confirm_plan(o, *project, plan, baseline, ctx);
    baseline = io::load_baseline(io::baseline_path_for(o.file), baseline_diags).baseline;
  }

  std::optional<report::BaselineNote> note;
  // Which stages the revisions could not move, from what the file records as finished.
  const bool confirmed = baseline && !baseline->revisions.empty();
  const auto reference = confirmed ? track::reference_from_baseline(*project, *baseline, plan, cal)
                                   : track::reference_from_plan(*project, plan, cal);
  if (confirmed) note = report::baseline_note(*project, *baseline, plan, reference, cal);
  if (o.output.ics && confirmed && target)
    warn("--format ics gives the confirmed baseline's deadlines, not the plan against --target: confirm that plan "
         "first (--confirm --reason …)");

  const track::CapacityPlan* capacity_plan = capacity ? &capacity->plan : nullptr;
  write_report(
      o.output, ctx, [&] { return report::plan_json(*project, plan, note, capacity_plan); },
      [&] { return report::plan_calendar_events(*project, plan, reference, cal, ctx.today, o.output.lang); },
      [&] { return report::build_plan_document(*project, plan, note, o.output.lang, cal, capacity_plan); });
  // A bad portfolio input: exit 2 (the plan is still written, as evaluate writes its table); a target
  // that cannot be met, in time or within capacity: exit 3.
  if (capacity && capacity->bad_inputs > 0) return code(ExitCode::bad_input);
  const bool met = plan.schedule.feasible && (!capacity || capacity->plan.within_capacity());
  return met ? code(ExitCode::ok) : code(ExitCode::infeasible);
}

} // namespace

Command setup_plan(CLI::App& parent) {
  auto opts = std::make_shared<PlanOptions>();
  auto* app = parent.add_subcommand("plan", "back-schedule an order from its target date: the plan-confirmation table");
  app->add_option("file", opts->file, "project file (TOML)")->required()->check(CLI::ExistingFile);
  add_date_option(app, "--target", opts->target, "plan against this target date instead of the file's");
  app->add_flag("--confirm", opts->confirm, "record this plan as the confirmed baseline (NAME.baseline.toml)");
  app->add_option("--reason", opts->reason, "why the plan is confirmed again (rolling adjustment agreed with the customer)")
      ->option_text("TEXT");
  add_calendar_option(app, opts->calendar);
  auto* portfolio =
      app->add_option("--portfolio", opts->capacity.portfolio,
                      "plan against the department load of these orders (repeatable; needs [[department]] in --org)")
          ->option_text("DIR|FILE")
          ->expected(1)
          ->take_all();
  add_date_option(app, "--as-of", opts->capacity.as_of, "the day the portfolio's load is taken on (default: today)")
      ->needs(portfolio);
  app->add_option("-j,--jobs", opts->capacity.jobs, "worker threads reading the portfolio (default: all cores)")
      ->option_text("N")
      ->needs(portfolio);
  add_output_options(app, opts->output, {.xlsx = true, .ics = true});
  return {app, [opts](const Context& ctx) { return run_plan(*opts, ctx); }};
}

} // namespace yekuo::cli
