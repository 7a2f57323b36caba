#pragma once
// Department load (承载力): how many stages of each department occupy each week, across every order
// of a portfolio, against the capacity the organization declared (docs/capacity.md).
//
// The rule, one place for `load`, `plan --portfolio`, `evaluate` and `publish`: a stage occupies the
// weeks (Monday to Sunday) in which at least one working day of its order's calendar falls between
// its first and last day, where those days are
//   - not started: its planned dates in the reference (confirmed baseline, else the current plan):
//     planned start .. planned deadline;
//   - started, not finished: its recorded start .. its forecast finish;
//   - finished: its recorded start (else its forecast start) .. its recorded finish.
// Milestones (no duration) and the customer's own stages load no department. Orders not applied
// yet on the as-of date are not counted.
#include <yekuo/calendar/calendar.hpp>
#include <yekuo/calendar/date.hpp>
#include <yekuo/model/capacity.hpp>
#include <yekuo/track/evaluate.hpp>

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace yekuo::track {

// `count` weeks from the Monday `first`.
struct WeekWindow {
  calendar::Date first; // a Monday
  int count = 0;

  [[nodiscard]] calendar::Date monday(int i) const { return first.plus_days(7 * i); }
  [[nodiscard]] calendar::Date last_day() const { return first.plus_days(7 * count - 1); }
  // The week's index, nullopt outside the window.
  [[nodiscard]] std::optional<int> index_of(calendar::Date day) const;
};

// The window of `weeks` weeks starting with the week of `as_of`.
[[nodiscard]] WeekWindow weeks_from(calendar::Date as_of, int weeks);

// One stage's share of the load: its department and the days it occupies.
struct StageLoad {
  std::string stage; // stage id
  std::string name;
  std::string dept;
  calendar::Date first;
  calendar::Date last;
};

// The stages of an evaluated order (made with a forecast) that load a department, with their days.
// None for an order not applied yet on the as-of date.
[[nodiscard]] std::vector<StageLoad> stage_loads(const ProjectEvaluation& evaluation);

// One order's share of the load, the per-file work of every command that counts load (load,
// publish, evaluate's note, plan --portfolio): its stages' days on its own calendar.
struct OrderLoad {
  std::string id;
  std::vector<StageLoad> stages;
  const calendar::WorkingCalendar* calendar = nullptr;
  std::vector<int> provisional_years;
  bool counted = false; // applied by the as-of date: an order then (else it loads nothing)
};
[[nodiscard]] OrderLoad order_load(const ProjectEvaluation& evaluation, const calendar::WorkingCalendar& cal);

// The stages of every order, counted per department and week of a window.
class LoadTable {
public:
  // Which stages fill each week: kept for the overloads' lists (`load`), or counts only (evaluate's
  // note, whose memory must not grow with the portfolio).
  enum class Stages { keep, count_only };
  LoadTable(WeekWindow window, const model::Capacities& capacities, Stages stages = Stages::keep);

  // Counts the stages of one order (its id and calendar) in every week of the window they occupy.
  void add(std::string_view project, const std::vector<StageLoad>& stages, const calendar::WorkingCalendar& cal);
  // The same for an order_load() (nothing when it is not counted).
  void add(const OrderLoad& order);

  struct Department {
    std::string dept;
    std::optional<int> capacity;                  // the usual weekly capacity; nullopt: not declared
    std::vector<int> load;                        // per week of the window
    std::vector<std::optional<int>> capacity_in;  // per week (exceptions applied)
    std::vector<calendar::Date> overloaded;       // Mondays of the weeks where load > capacity
  };
  struct StageRef {
    std::string project;
    std::string id;
    std::string name;
  };
  struct Overload {
    std::string dept;
    calendar::Date week; // the Monday
    int load = 0;
    int capacity = 0;
    std::vector<StageRef> stages; // input order of the orders, then the order's stage order (none: count_only)
  };

  [[nodiscard]] const WeekWindow& window() const { return m_window; }
  [[nodiscard]] const model::Capacities& capacities() const { return *m_capacities; }
  // Stages of `dept` counted in the week of `day` (0 outside the window or for an unknown department).
  [[nodiscard]] int load(std::string_view dept, calendar::Date day) const;
  // Declared departments in the settings' order, then the others that have load in the window, by name.
  [[nodiscard]] std::vector<Department> departments() const;
  // Every week where a declared department's load exceeds its capacity, in the order of departments().
  [[nodiscard]] std::vector<Overload> overloads() const;

private:
  struct Cell {
    int load = 0;
    std::vector<std::uint32_t> stages; // into m_refs
  };
  WeekWindow m_window;
  const model::Capacities* m_capacities;
  Stages m_keep;
  std::map<std::string, std::vector<Cell>, std::less<>> m_cells; // dept -> per week
  std::vector<StageRef> m_refs;
};

} // namespace yekuo::track
