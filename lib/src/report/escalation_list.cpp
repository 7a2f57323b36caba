#include <yekuo/report/escalation_list.hpp>

#include <algorithm>

namespace yekuo::report {

void EscalationList::add(const track::ProjectEvaluation& project) {
  for (const auto& s : project.stages) {
    if (!track::escalates(s)) continue;
    m_notices.add(make_notice(project, s));
    m_keys.push_back({s.state.days_late, s.escalation_level, !s.owner.empty()});
  }
}

std::vector<std::size_t> EscalationList::worst_first(int level) const {
  std::vector<std::size_t> order;
  for (std::size_t i = 0; i < m_keys.size(); ++i)
    if (level == 0 || m_keys[i].level == level) order.push_back(i);
  // Stable: equal lateness keeps the order of arrival (file order, then stage order).
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t x, std::size_t y) { return m_keys[x].days_late > m_keys[y].days_late; });
  return order;
}

bool EscalationList::any_owner(int level) const {
  return std::any_of(m_keys.begin(), m_keys.end(), [&](const Key& k) { return k.level == level && k.owner; });
}

} // namespace yekuo::report
