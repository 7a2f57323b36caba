#include <yekuo/track/capacity_plan.hpp>

#include <yekuo/calendar/week.hpp>
#include <yekuo/schedule/capacity_placement.hpp>

#include <algorithm>

namespace yekuo::track {

namespace {

// The room of the load table, resource k = departments[k].
class TableLoad final : public schedule::CommittedLoad {
public:
  TableLoad(const LoadTable& table, const std::vector<std::string>& departments)
      : m_table(table), m_departments(departments) {}

  [[nodiscard]] schedule::WeekLoad week(std::size_t resource, calendar::Date monday) const override {
    const std::string& dept = m_departments[resource];
    return {m_table.capacities().capacity(dept, monday).value_or(0), m_table.load(dept, monday)};
  }

private:
  const LoadTable& m_table;
  const std::vector<std::string>& m_departments;
};

bool loads_department(const model::Stage& st) { return !st.customer && !st.is_milestone(); }

} // namespace

std::vector<std::string> constrained_departments(const model::Project& project, const model::Capacities& capacities) {
  std::vector<std::string> out;
  for (const auto& st : project.stages)
    if (loads_department(st) && capacities.find(st.dept) &&
        std::find(out.begin(), out.end(), st.dept) == out.end())
      out.push_back(st.dept);
  return out;
}

CapacityPlan plan_within_capacity(const model::Project& project, schedule::PlanOutcome& plan,
                                  const calendar::WorkingCalendar& cal, const LoadTable& load) {
  CapacityPlan out;
  out.departments = constrained_departments(project, load.capacities());
  std::vector<std::optional<std::size_t>> resources(project.stages.size());
  for (std::size_t i = 0; i < project.stages.size(); ++i) {
    const auto& st = project.stages[i];
    if (!loads_department(st)) continue;
    const auto it = std::find(out.departments.begin(), out.departments.end(), st.dept);
    if (it != out.departments.end()) resources[i] = static_cast<std::size_t>(it - out.departments.begin());
  }
  const TableLoad committed(load, out.departments);
  const auto placement = schedule::place_within_capacity(plan.network, plan.schedule, cal, resources, committed);
  out.forward_plan = placement.forward_plan;
  if (placement.earliest_finish) out.earliest_energization = schedule::point_date(*placement.earliest_finish, cal);

  // The placed dates become the plan's deadlines.
  std::vector<schedule::DateSpan> before(project.stages.size());
  for (std::size_t i = 0; i < project.stages.size(); ++i) {
    const auto& a = plan.network.activities[i];
    const auto& p = placement.activities[i];
    auto& t = plan.schedule.timings[i];
    auto& sp = plan.stages[i];
    before[i] = sp.latest;
    const int earlier = t.ls - p.start;
    t.ls = p.start;
    t.lf = p.finish;
    t.total_float = t.ls - t.es;
    sp.latest = schedule::stage_dates(a, p.start, p.finish, cal);
    sp.total_float = t.total_float;
    sp.working_days = p.finish - p.start;
    if (p.shifted) out.shifted.push_back({i, before[i], sp.latest, earlier, p.for_capacity});
  }
  // In the table's order.
  std::vector<std::size_t> rank(project.stages.size(), 0);
  for (std::size_t k = 0; k < plan.display_order.size(); ++k) rank[plan.display_order[k]] = k;
  std::sort(out.shifted.begin(), out.shifted.end(),
            [&](const ShiftedStage& x, const ShiftedStage& y) { return rank[x.stage] < rank[y.stage]; });

  for (const auto& o : placement.overloads)
    out.overloads.push_back({out.departments[o.resource], o.week, o.capacity, o.load, o.activities});
  // By department in the settings' order, then week.
  const auto& declared = load.capacities().departments;
  const auto order = [&](const std::string& dept) {
    return std::find_if(declared.begin(), declared.end(), [&](const auto& d) { return d.name == dept; }) -
           declared.begin();
  };
  std::stable_sort(out.overloads.begin(), out.overloads.end(), [&](const PlanOverload& x, const PlanOverload& y) {
    return order(x.dept) != order(y.dept) ? order(x.dept) < order(y.dept) : x.week < y.week;
  });
  return out;
}

WeekWindow plan_load_window(calendar::Date first, calendar::Date last) {
  const auto monday = calendar::week_start(first);
  const auto end = calendar::week_start(std::max(first, last));
  return WeekWindow{monday, static_cast<int>((end - monday) / 7) + 1};
}

} // namespace yekuo::track
