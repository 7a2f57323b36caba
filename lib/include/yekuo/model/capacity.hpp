#pragma once
// The organization's declared department capacity (承载力): how many of its stages a department can
// have running in one week (Monday to Sunday), from the settings file's [[department]] tables
// (docs/capacity.md). A department that is not declared has no limit.
#include <yekuo/calendar/date.hpp>
#include <yekuo/util/diagnostic.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace yekuo::model {

// One week declared differently (Spring Festival, a team away): [[department.week]].
struct CapacityWeek {
  calendar::Date week; // the Monday
  int concurrent = 0;  // 0: takes nothing that week
  SourceLoc loc;
};

struct DepartmentCapacity {
  std::string name;        // as the stages' `dept`
  int concurrent = 0;      // stages at once in a usual week (>= 1)
  std::vector<CapacityWeek> weeks; // exceptions, ascending, one per week
  SourceLoc loc;

  // The capacity of the week starting `monday`.
  [[nodiscard]] int capacity_in(calendar::Date monday) const;
};

struct Capacities {
  std::vector<DepartmentCapacity> departments; // file order, names unique

  [[nodiscard]] bool empty() const { return departments.empty(); }
  [[nodiscard]] const DepartmentCapacity* find(std::string_view dept) const;
  // nullopt: the department has no declared limit.
  [[nodiscard]] std::optional<int> capacity(std::string_view dept, calendar::Date monday) const;
};

} // namespace yekuo::model
