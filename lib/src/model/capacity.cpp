#include <yekuo/model/capacity.hpp>

#include <algorithm>

namespace yekuo::model {

int DepartmentCapacity::capacity_in(calendar::Date monday) const {
  const auto it = std::lower_bound(weeks.begin(), weeks.end(), monday,
                                   [](const CapacityWeek& w, calendar::Date d) { return w.week < d; });
  return it != weeks.end() && it->week == monday ? it->concurrent : concurrent;
}

const DepartmentCapacity* Capacities::find(std::string_view dept) const {
  for (const auto& d : departments)
    if (d.name == dept) return &d;
  return nullptr;
}

std::optional<int> Capacities::capacity(std::string_view dept, calendar::Date monday) const {
  if (const auto* d = find(dept)) return d->capacity_in(monday);
  return std::nullopt;
}

} // namespace yekuo::model
