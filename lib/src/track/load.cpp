#include <yekuo/track/load.hpp>

#include <yekuo/calendar/week.hpp>

#include <algorithm>

namespace yekuo::track {

std::optional<int> WeekWindow::index_of(calendar::Date day) const {
  const auto days = day - first;
  if (days < 0 || days >= 7 * count) return std::nullopt;
  return static_cast<int>(days / 7);
}

WeekWindow weeks_from(calendar::Date as_of, int weeks) { return WeekWindow{calendar::week_start(as_of), weeks}; }

std::vector<StageLoad> stage_loads(const ProjectEvaluation& evaluation) {
  std::vector<StageLoad> out;
  if (evaluation.not_yet_applied) return out;
  for (const auto& s : evaluation.stages) {
    if (s.customer || s.milestone) continue;
    StageLoad load{s.id, s.name, s.dept, s.planned_start, s.state.deadline};
    if (s.state.finished) {
      // A finished stage without a recorded start: the forecast's start (its predecessors' actual
      // finishes), never after its finish.
      load.first = s.state.started ? *s.state.started : s.forecast ? s.forecast->start : s.planned_start;
      load.last = *s.state.finished;
      load.first = std::min(load.first, load.last);
    } else if (s.state.started) {
      load.first = *s.state.started;
      load.last = s.forecast ? std::max(s.forecast->finish, load.first) : std::max(s.state.deadline, load.first);
    }
    out.push_back(std::move(load));
  }
  return out;
}

OrderLoad order_load(const ProjectEvaluation& evaluation, const calendar::WorkingCalendar& cal) {
  return OrderLoad{evaluation.id, stage_loads(evaluation), &cal, evaluation.provisional_years, !evaluation.not_yet_applied};
}

LoadTable::LoadTable(WeekWindow window, const model::Capacities& capacities, Stages stages)
    : m_window(window), m_capacities(&capacities), m_keep(stages) {}

void LoadTable::add(std::string_view project, const std::vector<StageLoad>& stages,
                    const calendar::WorkingCalendar& cal) {
  const auto window_last = m_window.last_day();
  for (const auto& s : stages) {
    const auto first = std::max(s.first, m_window.first);
    const auto last = std::min(s.last, window_last);
    if (last < first) continue;
    std::vector<Cell>* cells = nullptr;
    std::uint32_t ref = 0;
    calendar::for_each_working_week(first, last, cal, [&](calendar::Date monday) {
      if (!cells) {
        auto it = m_cells.find(s.dept);
        if (it == m_cells.end()) it = m_cells.emplace(s.dept, std::vector<Cell>(static_cast<std::size_t>(m_window.count))).first;
        cells = &it->second;
        ref = static_cast<std::uint32_t>(m_refs.size());
        if (m_keep == Stages::keep) m_refs.push_back(StageRef{std::string(project), s.stage, s.name});
      }
      auto& cell = (*cells)[static_cast<std::size_t>(*m_window.index_of(monday))];
      ++cell.load;
      if (m_keep == Stages::keep) cell.stages.push_back(ref);
    });
  }
}

void LoadTable::add(const OrderLoad& order) {
  if (order.counted && order.calendar) add(order.id, order.stages, *order.calendar);
}

int LoadTable::load(std::string_view dept, calendar::Date day) const {
  const auto i = m_window.index_of(day);
  const auto it = m_cells.find(dept);
  if (!i || it == m_cells.end()) return 0;
  return it->second[static_cast<std::size_t>(*i)].load;
}

std::vector<LoadTable::Department> LoadTable::departments() const {
  std::vector<Department> out;
  auto describe = [&](const std::string& dept) {
    Department d;
    d.dept = dept;
    const auto* declared = m_capacities->find(dept);
    if (declared) d.capacity = declared->concurrent;
    const auto it = m_cells.find(dept);
    for (int i = 0; i < m_window.count; ++i) {
      const auto monday = m_window.monday(i);
      const int load = it == m_cells.end() ? 0 : it->second[static_cast<std::size_t>(i)].load;
      d.load.push_back(load);
      if (declared) {
        const int cap = declared->capacity_in(monday);
        d.capacity_in.emplace_back(cap);
        if (load > cap) d.overloaded.push_back(monday);
      } else {
        d.capacity_in.emplace_back(std::nullopt);
      }
    }
    out.push_back(std::move(d));
  };
  for (const auto& declared : m_capacities->departments) describe(declared.name);
  for (const auto& [dept, cells] : m_cells) // std::map: by name
    if (!m_capacities->find(dept)) describe(dept);
  return out;
}

std::vector<LoadTable::Overload> LoadTable::overloads() const {
  std::vector<Overload> out;
  for (const auto& declared : m_capacities->departments) {
    const auto it = m_cells.find(declared.name);
    if (it == m_cells.end()) continue;
    for (int i = 0; i < m_window.count; ++i) {
      const auto& cell = it->second[static_cast<std::size_t>(i)];
      const auto monday = m_window.monday(i);
      const int cap = declared.capacity_in(monday);
      if (cell.load <= cap) continue;
      Overload o{declared.name, monday, cell.load, cap, {}};
      for (const auto ref : cell.stages) o.stages.push_back(m_refs[ref]);
      out.push_back(std::move(o));
    }
  }
  return out;
}

} // namespace yekuo::track
