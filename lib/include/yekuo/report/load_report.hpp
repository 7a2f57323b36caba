#pragma once
// The department load report of `yekuo load` (and publish's load page): stages per department and
// week against the declared capacity as a heat map, then every overloaded week with the orders and
// stages in it (docs/capacity.md); and its JSON contract (schemas/load.schema.json).
#include <yekuo/calendar/date.hpp>
#include <yekuo/report/document.hpp>
#include <yekuo/report/lang.hpp>
#include <yekuo/track/load.hpp>
#include <yekuo/util/diagnostic.hpp>
#include <yekuo/util/json_writer.hpp>

#include <set>
#include <string>
#include <vector>

namespace yekuo::report {

struct LoadReport {
  calendar::Date as_of;
  track::LoadTable* table = nullptr;
  std::size_t orders = 0;          // orders counted (applied by the as-of date)
  std::vector<Diagnostic> errors;  // files that could not be counted
  std::set<int> provisional_years; // years without official holiday data that the counted stages touch

  // Counts an order in the table and the report's figures (nothing when it is not counted).
  void add(const track::OrderLoad& order);
};

// The heat level of a week's load (Cell::heat): 0 nothing, 1..4 up to a quarter, half, three
// quarters, all of the capacity, 5 over it; nullopt without a declared capacity.
[[nodiscard]] std::optional<int> load_heat(int load, std::optional<int> capacity);

[[nodiscard]] Document build_load_document(const LoadReport& report, Lang lang);

// {schema, as_of, weeks [{start, end}], departments [{dept, capacity, capacity_by_week, load,
// overloaded}], overloads [{dept, week, load, capacity, stages [{project, id, name}]}], orders, warnings
// [text], errors [{file, line, column, message, code}]}.
[[nodiscard]] std::string load_json(const LoadReport& report);

// What `evaluate` notes of the load (docs/capacity.md#evaluate): the departments overloaded in the
// coming weeks (the as-of week and the next three), counted over the orders it evaluates as `yekuo
// load --weeks 4` counts them. Nothing without declared capacity.
class CapacityOutlook {
public:
  static constexpr int k_weeks = 4;
  CapacityOutlook(calendar::Date as_of, const model::Capacities& capacities);

  void add(const track::ProjectEvaluation& evaluation, const calendar::WorkingCalendar& cal);
  [[nodiscard]] bool declared() const { return !m_table.capacities().empty(); }
  [[nodiscard]] std::vector<track::LoadTable::Overload> overloads() const { return m_table.overloads(); }
  // The report's block (a table of department, week, load/capacity), or a line saying there is none.
  [[nodiscard]] Block block(Lang lang) const;
  // "capacity_overloads": [{dept, week, load, capacity}] (empty without declared capacity).
  void write_json(JsonWriter& w) const;

private:
  track::LoadTable m_table;
};

} // namespace yekuo::report
