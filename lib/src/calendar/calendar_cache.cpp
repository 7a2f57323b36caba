#include <yekuo/calendar/calendar_cache.hpp>

#include <algorithm>

namespace yekuo::calendar {

const WorkingCalendar& CalendarCache::get(const CalendarOverrides& project_overrides) {
  // The project's own table wins over the organization's for a date both mention.
  CalendarOverrides merged = m_organization;
  auto mentioned_by_project = [&](Date d) {
    return std::find(project_overrides.holidays.begin(), project_overrides.holidays.end(), d) !=
               project_overrides.holidays.end() ||
           std::find(project_overrides.workdays.begin(), project_overrides.workdays.end(), d) !=
               project_overrides.workdays.end();
  };
  std::erase_if(merged.holidays, mentioned_by_project);
  std::erase_if(merged.workdays, mentioned_by_project);
  merged.holidays.insert(merged.holidays.end(), project_overrides.holidays.begin(), project_overrides.holidays.end());
  merged.workdays.insert(merged.workdays.end(), project_overrides.workdays.begin(), project_overrides.workdays.end());
  merged.covered_years.insert(merged.covered_years.end(), project_overrides.covered_years.begin(),
                              project_overrides.covered_years.end());
  if (merged.empty()) return WorkingCalendar::china();
  const std::lock_guard lock(m_mutex);
  for (const auto& e : m_entries)
    if (e.key == merged) return *e.calendar;
  m_entries.push_back({merged, std::make_unique<WorkingCalendar>(merged)});
  return *m_entries.back().calendar;
}

} // namespace yekuo::calendar
