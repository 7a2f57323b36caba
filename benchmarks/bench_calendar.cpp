// Working-day arithmetic is on every path (SPEC §6: O(1) per operation). The dates cycle over
// 2024-2026 so the look-ups are not all cache-hot on one line.
#include <yekuo/calendar/calendar.hpp>
#include <yekuo/calendar/calendar_cache.hpp>

#include <benchmark/benchmark.h>
#include <vector>

using namespace yekuo::calendar;

namespace {

std::vector<Date> sample_dates() {
  std::vector<Date> v;
  const Date first = *Date::from_ymd(2024, 1, 1);
  for (int i = 0; i < 1024; ++i) v.push_back(first.plus_days((i * 389) % 1096));
  return v;
}

void calendar_point(benchmark::State& state) {
  const auto& cal = WorkingCalendar::china();
  const auto dates = sample_dates();
  std::size_t i = 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(cal.point(dates[i++ & 1023U]));
  }
}
BENCHMARK(calendar_point);

void calendar_date_of(benchmark::State& state) {
  const auto& cal = WorkingCalendar::china();
  std::vector<WorkPoint> points;
  for (const Date d : sample_dates()) points.push_back(cal.point(d));
  std::size_t i = 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(cal.date_of(points[i++ & 1023U]));
  }
}
BENCHMARK(calendar_date_of);

// The cost must not depend on n: the same time for 1 day and for 500.
void calendar_add_working_days(benchmark::State& state) {
  const auto& cal = WorkingCalendar::china();
  const auto dates = sample_dates();
  const int n = static_cast<int>(state.range(0));
  std::size_t i = 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(cal.add_working_days(dates[i & 1023U], (i & 1U) ? n : -n));
    ++i;
  }
}
BENCHMARK(calendar_add_working_days)->Arg(1)->Arg(20)->Arg(500);

void calendar_working_days_between(benchmark::State& state) {
  const auto& cal = WorkingCalendar::china();
  const auto dates = sample_dates();
  std::size_t i = 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(cal.working_days_between(dates[i & 1023U], dates[(i + 7) & 1023U]));
    ++i;
  }
}
BENCHMARK(calendar_working_days_between);

// Building the index (1970-2199) happens once per process (or per distinct override set):
// part of every command's start-up.
void calendar_build(benchmark::State& state) {
  for (auto _ : state) {
    WorkingCalendar cal;
    benchmark::DoNotOptimize(cal.last_date());
  }
}
BENCHMARK(calendar_build)->Unit(benchmark::kMicrosecond);

// A portfolio asks the cache for the same calendar once per file.
void calendar_cache_hit(benchmark::State& state) {
  CalendarCache cache;
  const CalendarOverrides none;
  benchmark::DoNotOptimize(&cache.get(none));
  for (auto _ : state) {
    benchmark::DoNotOptimize(&cache.get(none));
  }
}
BENCHMARK(calendar_cache_hit);

} // namespace
