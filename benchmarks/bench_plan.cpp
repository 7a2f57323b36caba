// The steps of `yekuo plan` on a 60-stage order, one by one: parse, load+validate, the
// network and both passes, the whole plan (with compression advice when infeasible), the
// report and its rendering. The order comes from the portfolio generator (seed 1).
#include "portfolio_gen.hpp"

#include <yekuo/io/toml_loader.hpp>
#include <yekuo/io/validate.hpp>
#include <yekuo/render/render.hpp>
#include <yekuo/report/plan_report.hpp>
#include <yekuo/schedule/cpm.hpp>
#include <yekuo/schedule/network.hpp>
#include <yekuo/schedule/plan_outcome.hpp>

#include <benchmark/benchmark.h>
#include <stdexcept>

using namespace yekuo;

namespace {

struct Order {
  std::string text;
  model::Project project;
};

// The first generated 60-stage order whose target is feasible (or infeasible, on request).
const Order& order60(bool feasible) {
  static const auto make = [](bool want) {
    bench::GenOptions o;
    o.as_of = *calendar::Date::from_ymd(2025, 9, 15);
    for (std::size_t i = 0;; ++i) {
      auto g = bench::generate_project(o, i, bench::Defect::none, 60);
      if (g.feasible != want) continue;
      Order out;
      out.text = bench::to_toml(g.project);
      Diagnostics diags;
      auto p = io::load_project_text(out.text, "order60.toml", diags);
      if (!p) throw std::runtime_error("generated order does not load");
      out.project = std::move(*p);
      return out;
    }
  };
  static const Order ok = make(true);
  static const Order late = make(false);
  return feasible ? ok : late;
}

void plan_parse_toml(benchmark::State& state) {
  const auto& o = order60(true);
  for (auto _ : state) {
    Diagnostics diags;
    benchmark::DoNotOptimize(io::parse_toml(o.text, "order60.toml", diags));
  }
  state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(o.text.size()));
}
BENCHMARK(plan_parse_toml)->Unit(benchmark::kMicrosecond);

void plan_load_validate(benchmark::State& state) {
  const auto& o = order60(true);
  for (auto _ : state) {
    Diagnostics diags;
    benchmark::DoNotOptimize(io::load_project_text(o.text, "order60.toml", diags));
  }
  state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(o.text.size()));
}
BENCHMARK(plan_load_validate)->Unit(benchmark::kMicrosecond);

void plan_compute_schedule(benchmark::State& state) {
  const auto& o = order60(true);
  const auto& cal = calendar::WorkingCalendar::china();
  const auto net = schedule::make_network(o.project, cal);
  for (auto _ : state) benchmark::DoNotOptimize(schedule::compute_schedule(net, cal));
}
BENCHMARK(plan_compute_schedule)->Unit(benchmark::kMicrosecond);

void plan_make_network(benchmark::State& state) {
  const auto& o = order60(true);
  const auto& cal = calendar::WorkingCalendar::china();
  for (auto _ : state) benchmark::DoNotOptimize(schedule::make_network(o.project, cal));
}
BENCHMARK(plan_make_network)->Unit(benchmark::kMicrosecond);

void plan_make_plan(benchmark::State& state) {
  const auto& o = order60(state.range(0) != 0);
  const auto& cal = calendar::WorkingCalendar::china();
  for (auto _ : state) benchmark::DoNotOptimize(schedule::make_plan(o.project, cal));
}
BENCHMARK(plan_make_plan)->ArgName("feasible")->Arg(1)->Arg(0)->Unit(benchmark::kMicrosecond);

void plan_report_terminal(benchmark::State& state) {
  const auto& o = order60(true);
  const auto& cal = calendar::WorkingCalendar::china();
  const auto plan = schedule::make_plan(o.project, cal);
  for (auto _ : state) {
    const auto doc = report::build_plan_document(o.project, plan, std::nullopt, report::Lang::zh, cal);
    benchmark::DoNotOptimize(render::render_terminal(doc, {}));
  }
}
BENCHMARK(plan_report_terminal)->Unit(benchmark::kMicrosecond);

void plan_report_json(benchmark::State& state) {
  const auto& o = order60(true);
  const auto& cal = calendar::WorkingCalendar::china();
  const auto plan = schedule::make_plan(o.project, cal);
  for (auto _ : state) benchmark::DoNotOptimize(report::plan_json(o.project, plan, std::nullopt));
}
BENCHMARK(plan_report_json)->Unit(benchmark::kMicrosecond);

} // namespace
