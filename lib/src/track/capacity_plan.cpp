#include <yekuo/track/capacity_plan.hpp>

#include <yekuo/calendar/week.hpp>
#include <yekuo/schedule/capacity_placement.hpp>

#include <algorithm>
#include <utility>

namespace yekuo::track {

namespace {

using LoadOf = std::function<int(std::string_view dept, calendar::Date monday)>;

// The room of the other orders' load, resource k = departments[k].
class Committed final : public schedule::CommittedLoad {
public:
  Committed(const model::Capacities& capacities, LoadOf load, const std::vector<std::string>& departments)
      : m_capacities(capacities), m_load(std::move(load)), m_departments(departments) {}

  [[nodiscard]] schedule::WeekLoad week(std::size_t resource, calendar::Date monday) const override {
    const std::string& dept = m_departments[resource];
    return {m_capacities.capacity(dept, monday).value_or(0), m_load(dept, monday)};
  }

private:
  const model::Capacities& m_capacities;
  LoadOf m_load;
  const std::vector<std::string>& m_departments;
};

bool loads_department(const model::Stage& st) { return !st.customer && !st.is_milestone(); }

} // namespace

std::vector<std::string> constrained_departments(const model::Project& project, const model::Capacities& capacities) {
  std::vector<std::string> out;
  for (const auto& st : project.stages)
    if (loads_department(st) && capacities.find(st.dept) && std::find(out.begin(), out.end(), st.dept) == out.end())
      out.push_back(st.dept);
  return out;
}

namespace {

CapacityPlan place(const model::Project& project, schedule::PlanOutcome& plan, const calendar::WorkingCalendar& cal,
                   const model::Capacities& capacities, LoadOf load_of) {
  CapacityPlan out;
  out.departments = constrained_departments(project, capacities);
  std::vector<std::optional<std::size_t>> resources(project.stages.size());
  for (std::size_t i = 0; i < project.stages.size(); ++i) {
    const auto& st = project.stages[i];
    if (!loads_department(st)) continue;
    const auto it = std::find(out.departments.begin(), out.departments.end(), st.dept);
    if (it != out.departments.end()) resources[i] = static_cast<std::size_t>(it - out.departments.begin());
  }
  const Committed committed(capacities, std::move(load_of), out.departments);
  const auto placement = schedule::place_within_capacity(plan.network, plan.schedule, cal, resources, committed);
  out.forward_plan = placement.forward_plan;
  if (placement.earliest_finish) out.earliest_energization = schedule::point_date(*placement.earliest_finish, cal);

  // The placed dates become the plan's deadlines.
  for (std::size_t i = 0; i < project.stages.size(); ++i) {
    const auto& a = plan.network.activities[i];
    const auto& p = placement.activities[i];
    auto& t = plan.schedule.timings[i];
    auto& sp = plan.stages[i];
    const schedule::DateSpan before = sp.latest;
    const int earlier = t.ls - p.start;
    t.ls = p.start;
    t.lf = p.finish;
    t.total_float = t.ls - t.es;
    sp.latest = schedule::stage_dates(a, p.start, p.finish, cal);
    sp.total_float = t.total_float;
    sp.working_days = p.finish - p.start;
    if (p.shifted) out.shifted.push_back({i, before, sp.latest, earlier, p.for_capacity});
  }
  // In the table's order.
  std::vector<std::size_t> rank(project.stages.size(), 0);
  for (std::size_t k = 0; k < plan.display_order.size(); ++k) rank[plan.display_order[k]] = k;
  std::sort(out.shifted.begin(), out.shifted.end(),
            [&](const ShiftedStage& x, const ShiftedStage& y) { return rank[x.stage] < rank[y.stage]; });

  for (const auto& o : placement.overloads)
    out.overloads.push_back({out.departments[o.resource], o.week, o.capacity, o.load, o.activities});
  // By department in the settings' order, then week.
  const auto& declared = capacities.departments;
  const auto order = [&](const std::string& dept) {
    return std::find_if(declared.begin(), declared.end(), [&](const auto& d) { return d.name == dept; }) -
           declared.begin();
  };
  std::stable_sort(out.overloads.begin(), out.overloads.end(), [&](const PlanOverload& x, const PlanOverload& y) {
    return order(x.dept) != order(y.dept) ? order(x.dept) < order(y.dept) : x.week < y.week;
  });
  return out;
}

} // namespace

void DepartmentWeeks::add(const std::vector<StageLoad>& stages, const calendar::WorkingCalendar& cal) {
  for (const auto& s : stages) {
    if (!m_capacities->find(s.dept)) continue;
    auto it = m_counts.find(s.dept);
    if (it == m_counts.end()) it = m_counts.emplace(s.dept, std::map<std::int32_t, int>{}).first;
    calendar::for_each_working_week(s.first, s.last, cal, [&](calendar::Date monday) { ++it->second[monday.days()]; });
  }
}

int DepartmentWeeks::load(std::string_view dept, calendar::Date monday) const {
  const auto it = m_counts.find(dept);
  if (it == m_counts.end()) return 0;
  const auto week = it->second.find(calendar::week_start(monday).days());
  return week == it->second.end() ? 0 : week->second;
}

CapacityPlan plan_within_capacity(const model::Project& project, schedule::PlanOutcome& plan,
                                  const calendar::WorkingCalendar& cal, const DepartmentWeeks& load) {
  return place(project, plan, cal, load.capacities(),
               [&](std::string_view dept, calendar::Date monday) { return load.load(dept, monday); });
}

CapacityPlan plan_within_capacity(const model::Project& project, schedule::PlanOutcome& plan,
                                  const calendar::WorkingCalendar& cal, const LoadTable& load) {
  return place(project, plan, cal, load.capacities(),
               [&](std::string_view dept, calendar::Date monday) { return load.load(dept, monday); });
}

} // namespace yekuo::track
