#pragma once
// Synthetic portfolios of order files for the benchmarks (docs/performance.md).
//
// Every file is a function of (seed, index) alone, so a portfolio of 1,000 files is the first
// thousand files of the 100,000 one, and the output never depends on the machine or on the
// order files are written in. The networks follow the shapes of the shipped templates:
// a negotiation and a plan reply, then parallel tracks (customer works, grid works,
// inspections), cross-links, SS/FF links and negative lags, calendar-day civil works,
// milestones, and a final energization after every open end.
#include <yekuo/calendar/calendar.hpp>
#include <yekuo/model/baseline.hpp>
#include <yekuo/model/project.hpp>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace yekuo::bench {

// Ways a generated file is made invalid (--invalid K cycles through them).
enum class Defect {
  none,
  unknown_key,        // a misspelt key ("detp" for "dept")
  cycle,              // two stages after each other
  bad_date,           // 2025-02-30
  unknown_stage,      // `after` names a stage that does not exist
  finish_before_start,// a progress record that ends before it starts
  duplicate_stage,    // two stages with the same id
  negative_days,      // days = -3
  toml_syntax,        // an unterminated string
};
inline constexpr int k_defect_kinds = 8; // the kinds after `none`

[[nodiscard]] const char* defect_name(Defect d);

struct GenOptions {
  std::uint64_t seed = 1;
  calendar::Date as_of;          // progress, delays and revisits are recorded up to this date
  int min_stages = 8;
  int max_stages = 80;
  double baseline_share = 0.3;   // share of valid files that get a confirmed baseline
  bool feasible_only = false;    // every target leaves some slack (else about one in six is infeasible)
};

struct GeneratedFile {
  model::Project project;                 // what the file says (before any defect is applied)
  std::optional<model::Baseline> baseline;
  Defect defect = Defect::none;
  bool feasible = true;                   // target >= earliest finish (by the generator's own passes)
};

// The latest date a generated file may contain: the official holiday table ends with 2026.
[[nodiscard]] calendar::Date last_generated_date();

// Order number `index` of the portfolio. `stages` forces the number of stages (else drawn from
// [min_stages, max_stages] with small networks the most common).
[[nodiscard]] GeneratedFile generate_project(const GenOptions& options, std::size_t index, Defect defect,
                                             std::optional<int> stages = std::nullopt);

// The project file text (SPEC §3), with `defect` applied.
[[nodiscard]] std::string to_toml(const model::Project& project, Defect defect = Defect::none);

// Path of order `index` relative to the portfolio directory: "b012/HZ-2025-012345.toml"
// (a thousand files per sub-directory, as an archive of orders by month would be).
[[nodiscard]] std::string relative_path(const model::Project& project, std::size_t index);

} // namespace yekuo::bench
