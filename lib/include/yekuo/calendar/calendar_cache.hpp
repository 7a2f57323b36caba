#pragma once
// One WorkingCalendar per distinct set of overrides, built once and shared across files and
// threads: a portfolio of ten thousand orders with no local overrides builds one calendar.
#include <yekuo/calendar/calendar.hpp>

#include <memory>
#include <mutex>
#include <vector>

namespace yekuo::calendar {

class CalendarCache {
public:
  explicit CalendarCache(CalendarOverrides organization = {}) : m_organization(std::move(organization)) {}

  // The calendar for a project whose own [calendar] table is `project_overrides`, on top of the
  // organization's overrides. Thread-safe; the reference stays valid as long as the cache.
  const WorkingCalendar& get(const CalendarOverrides& project_overrides);

  [[nodiscard]] const CalendarOverrides& organization() const { return m_organization; }

private:
  struct Entry {
    CalendarOverrides key;
    std::unique_ptr<WorkingCalendar> calendar;
  };
  CalendarOverrides m_organization;
  std::mutex m_mutex;
  std::vector<Entry> m_entries;
};

} // namespace yekuo::calendar
