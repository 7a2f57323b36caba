#include <yekuo/report/reminder_list.hpp>

#include <yekuo/track/remind.hpp>

#include <algorithm>
#include <numeric>

namespace yekuo::report {

ReminderList::ReminderList(calendar::Date as_of, std::size_t memory_limit) : m_as_of(as_of), m_notices(memory_limit) {}

void ReminderList::add(const track::FileResult& file) {
  for (const auto& d : file.errors) m_errors.emplace_back(file.file, d);
  if (!file.evaluation) {
    ++m_bad;
    return;
  }
  const track::ProjectEvaluation& p = *file.evaluation;
  if (p.energized)
    for (const auto& f : p.follow_up)
      if (f.status != track::FollowUpStatus::open) m_follow_ups.push_back({p.id, p.name, p.file, p.customer_manager, f});
  if (!p.active()) return;
  bool listed = false;
  for (const auto& s : p.stages) {
    if (!track::is_reminder(s)) continue;
    listed = true;
    auto g = std::find_if(m_groups.begin(), m_groups.end(),
                          [&](const GroupKey& k) { return k.customer == s.customer && k.dept == s.dept; });
    if (g == m_groups.end()) g = m_groups.insert(g, GroupKey{s.customer, s.dept, false});
    g->owners = g->owners || !s.owner.empty();
    m_keys.push_back({static_cast<std::size_t>(g - m_groups.begin()), s.state.days_late});
    m_notices.add(make_notice(p, s));
  }
  // The list says when a listed order's deadlines are provisional, like every other report.
  if (listed)
    for (int y : p.provisional_years)
      if (const auto at = std::lower_bound(m_years.begin(), m_years.end(), y); at == m_years.end() || *at != y)
        m_years.insert(at, y);
}

std::vector<ReminderList::Group> ReminderList::groups() const {
  std::vector<std::size_t> order(m_groups.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::sort(order.begin(), order.end(), [&](std::size_t x, std::size_t y) {
    return track::department_listed_before(m_groups[x].customer, m_groups[x].dept, m_groups[y].customer, m_groups[y].dept);
  });
  std::vector<std::size_t> position(m_groups.size());
  std::vector<Group> out;
  for (const std::size_t g : order) {
    position[g] = out.size();
    out.push_back({m_groups[g].dept, m_groups[g].customer, {}, m_groups[g].owners});
  }
  for (std::size_t i = 0; i < m_keys.size(); ++i) out[position[m_keys[i].group]].items.push_back(i);
  for (auto& g : out)
    std::stable_sort(g.items.begin(), g.items.end(), [&](std::size_t x, std::size_t y) {
      return m_keys[x].days_late > m_keys[y].days_late; // due_soon has 0
    });
  return out;
}

} // namespace yekuo::report
