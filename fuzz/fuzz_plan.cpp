// libFuzzer target: the whole path on a loaded project file (plan, evaluate, remind, assess). The input is a project file,
// optionally followed by a line "#%baseline" and a baseline file (NAME.baseline.toml). A
// project that loads is planned (file target and an earlier target), written as plan JSON,
// built into the plan-confirmation table in both languages and rendered in every format;
// the baseline is parsed and measured against the plan; the plan's own baseline revision
// must survive a serialize/parse round trip.
//
// Expected outcomes: a project or diagnostics; an InputError from the schedule (a plan that
// runs off the calendar, which `yekuo plan` reports with exit 2). Anything else that escapes
// (InternalError, std::exception), a trap or a sanitizer report is a bug.
#include "fuzz_common.hpp"

#include <yekuo/calendar/calendar_cache.hpp>
#include <yekuo/io/baseline_file.hpp>
#include <yekuo/io/validate.hpp>
#include <yekuo/render/render.hpp>
#include <yekuo/report/assessment_report.hpp>
#include <yekuo/report/evaluation_json.hpp>
#include <yekuo/report/evaluation_report.hpp>
#include <yekuo/report/plan_report.hpp>
#include <yekuo/report/remind_json.hpp>
#include <yekuo/report/remind_report.hpp>
#include <yekuo/schedule/plan_outcome.hpp>
#include <yekuo/track/assess.hpp>
#include <yekuo/track/confirm.hpp>
#include <yekuo/track/evaluate.hpp>
#include <yekuo/track/plan_reference.hpp>
#include <yekuo/util/diagnostic.hpp>
#include <yekuo/util/error.hpp>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

using namespace yekuo;

namespace {

// One language per input (chosen by the input) keeps the target fast; both get covered.
void render_everything(const model::Project& project, const schedule::PlanOutcome& plan,
                       const std::optional<report::BaselineNote>& note, const calendar::WorkingCalendar& cal,
                       report::Lang lang) {
  if (report::plan_json(project, plan, note).empty()) __builtin_trap();
  {
    const auto doc = report::build_plan_document(project, plan, note, lang, cal);
    for (const auto format : {render::Format::table, render::Format::markdown, render::Format::csv,
                              render::Format::html}) {
      const bool color = format == render::Format::table && lang == report::Lang::zh;
      if (render::render(doc, format, {color, lang}).empty()) __builtin_trap();
    }
  }
}

void render_document(const report::Document& doc, report::Lang lang) {
  for (const auto format : {render::Format::table, render::Format::markdown, render::Format::csv,
                            render::Format::html})
    if (render::render(doc, format, {format == render::Format::table, lang}).empty()) __builtin_trap();
}

// `yekuo assess` of this one order as of `as_of`: an InputError (a date off the calendar) is the
// file's problem, as in the CLI; anything else must work.
void assess_at(const model::Project& project, const track::PlanReference& reference,
               const calendar::WorkingCalendar& cal, calendar::Date as_of, report::Lang lang) {
  track::ProjectAssessment one;
  try {
    one = track::assess_project(project, reference, cal, as_of);
  } catch (const InputError&) {
    return;
  }
  if (one.state == track::OrderState::assessed) {
    if (one.stages.size() != project.stages.size()) __builtin_trap();
    for (const auto& st : one.stages) {
      if (st.net_days != st.handling_days - st.customer_days_excluded) __builtin_trap();
      if (st.overrun_days != std::max(0, st.net_days - st.limit_days)) __builtin_trap();
      if (st.customer_days_excluded < 0 || st.handling_days < 0) __builtin_trap();
    }
  }
  const auto all = track::make_assessment({one}, track::Period{}, as_of);
  if (report::assessment_json(all).empty()) __builtin_trap();
  render_document(report::build_assessment_document(all, lang), lang);
}

// `yekuo evaluate` and `yekuo remind` of this one order as of `as_of`.
void evaluate_at(const model::Project& project, const schedule::PlanOutcome& plan,
                 const track::PlanReference& reference, const calendar::WorkingCalendar& cal, calendar::Date as_of,
                 report::Lang lang) {
  track::PortfolioEvaluation portfolio;
  portfolio.as_of = as_of;
  track::FileResult file;
  file.file = "fuzz.toml";
  try {
    file.evaluation = track::evaluate_project(project, plan, reference, cal, {as_of, true, {}});
  } catch (const InputError&) {
    return;
  }
  if (file.evaluation->stages.size() != project.stages.size()) __builtin_trap();
  portfolio.files.push_back(std::move(file));
  if (report::evaluation_json(portfolio).empty()) __builtin_trap();
  render_document(report::build_evaluation_document(portfolio, lang), lang);
  if (report::remind_json(portfolio).empty()) __builtin_trap();
  render_document(report::build_remind_document(portfolio, lang), lang);
}

// The revision `plan --confirm` would write must read back as a valid baseline.
void round_trip_revision(const model::Project& project, const schedule::PlanOutcome& plan) {
  model::Baseline b;
  b.project_id = project.info.id;
  b.revisions.push_back(track::make_revision(project, plan, project.info.applied, "fuzz \"reason\"\n", 1));
  const std::string text = io::serialize_baseline(b);
  Diagnostics diags;
  const auto back = io::parse_baseline(text, "fuzz.baseline.toml", diags);
  if (back.status != io::BaselineStatus::loaded) __builtin_trap();
  if (back.baseline.project_id != project.info.id) __builtin_trap();
  if (!track::revision_matches_plan(back.baseline.current(), project, plan)) __builtin_trap();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size > fuzz::k_max_input) return -1; // rejected: not added to the corpus
  const auto parts = fuzz::split_input(data, size);

  Diagnostics baseline_diags;
  const auto baseline = io::parse_baseline(parts.baseline, "fuzz.baseline.toml", baseline_diags);
  if ((baseline.status == io::BaselineStatus::invalid) != baseline_diags.has_errors()) __builtin_trap();

  Diagnostics diags;
  const auto project = io::load_project_text(parts.project, "fuzz.toml", diags);
  if (!project) return 0;

  calendar::CalendarCache calendars; // per input: fuzzed overrides must not pile up in a shared cache
  const auto& cal = calendars.get(project->calendar);

  schedule::PlanOutcome plan;
  try {
    plan = schedule::make_plan(*project, cal);
  } catch (const InputError&) {
    return 0; // the schedule runs off the calendar: reported as bad input
  }
  if (plan.stages.size() != project->stages.size()) __builtin_trap();
  if (plan.schedule.feasible != (plan.schedule.shortfall <= 0)) __builtin_trap();

  std::optional<report::BaselineNote> note;
  track::PlanReference reference;
  if (baseline.status == io::BaselineStatus::loaded && baseline.baseline.project_id == project->info.id) {
    try {
      reference = track::reference_from_baseline(*project, baseline.baseline, plan, cal);
    } catch (const InputError&) {
      return 0; // a baseline date outside the calendar
    }
    note = report::baseline_note(*project, baseline.baseline, plan, reference, cal);
  } else {
    reference = track::reference_from_plan(*project, plan, cal);
  }
  if (reference.stages.size() != project->stages.size()) __builtin_trap();

  const auto lang = size % 2 == 0 ? report::Lang::zh : report::Lang::en;
  render_everything(*project, plan, note, cal, lang);
  round_trip_revision(*project, plan);

  // `yekuo assess` on the day of application, at the target, long after; and at the energization.
  for (const int offset : {0, 30, 400}) {
    const auto base = offset == 0 ? project->info.applied : project->info.target;
    assess_at(*project, reference, cal, base.plus_days(offset), lang);
  }
  // `yekuo evaluate` / `remind` on the day of application, mid-way, one day before the target, long after.
  const int span = project->info.target - project->info.applied;
  for (const int offset : {0, span / 2, span - 1, span + 400})
    evaluate_at(*project, plan, reference, cal, project->info.applied.plus_days(offset), lang);
  if (const auto energized = track::energization_date(*project, cal.last_date()))
    assess_at(*project, reference, cal, energized->plus_days(31), lang);

  // `plan --target`: an earlier target (often infeasible: the compression proposal runs).
  const auto earlier = calendar::Date::from_days(project->info.target.days() - 1 - static_cast<int>(size % 97));
  if (earlier >= project->info.applied && cal.in_range(earlier) && earlier.year() <= calendar::k_last_supported_year) {
    try {
      const auto replanned = schedule::make_plan(*project, cal, earlier);
      render_everything(*project, replanned, std::nullopt, cal, lang);
    } catch (const InputError&) {
    }
  }
  return 0;
}
