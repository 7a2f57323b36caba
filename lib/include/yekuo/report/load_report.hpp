#pragma once
// The department load report of `yekuo load` (and publish's load page): stages per department and
// week against the declared capacity as a heat map, then every overloaded week with the orders and
// stages in it (docs/capacity.md); and its JSON contract (schemas/load.schema.json).
#include <yekuo/calendar/date.hpp>
#include <yekuo/report/document.hpp>
#include <yekuo/report/lang.hpp>
#include <yekuo/track/load.hpp>
#include <yekuo/util/diagnostic.hpp>

#include <set>
#include <string>
#include <vector>

namespace yekuo::report {

struct LoadReport {
  calendar::Date as_of;
  const track::LoadTable* table = nullptr;
  std::size_t orders = 0;          // orders counted (applied by the as-of date)
  std::vector<Diagnostic> errors;  // files that could not be counted
  std::set<int> provisional_years; // years without official holiday data that the counted stages touch
};

// The heat level of a week's load (Cell::heat): 0 nothing, 1..4 up to a quarter, half, three
// quarters, all of the capacity, 5 over it; nullopt without a declared capacity.
[[nodiscard]] std::optional<int> load_heat(int load, std::optional<int> capacity);

[[nodiscard]] Document build_load_document(const LoadReport& report, Lang lang);

// {schema, as_of, weeks [{start, end}], departments [{dept, capacity, capacity_by_week, load,
// overloaded}], overloads [{dept, week, load, capacity, stages [{project, id, name}]}], orders, warnings
// [text], errors [{file, line, column, message, code}]}.
[[nodiscard]] std::string load_json(const LoadReport& report);

} // namespace yekuo::report
