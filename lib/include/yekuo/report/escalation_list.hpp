#pragma once
// The escalations of a streamed evaluation (docs/tracking.md#the-escalation-ladder): every
// overdue department stage of the active projects, collected as the projects come (kept in a
// NoticeSpool, with only what sorting and grouping need in memory), and listed at the end worst
// first, equal lateness in file order then stage order, as track::escalations() orders them.
#include <yekuo/report/notice_spool.hpp>
#include <yekuo/report/stage_notice.hpp>
#include <yekuo/track/evaluate.hpp>

#include <vector>

namespace yekuo::report {

class EscalationList {
public:
  explicit EscalationList(std::size_t memory_limit = Spool::k_default_memory_limit) : m_notices(memory_limit) {}

  void add(const track::ProjectEvaluation& project); // an active project
  [[nodiscard]] std::size_t size() const { return m_keys.size(); }
  [[nodiscard]] bool empty() const { return m_keys.empty(); }
  // The indices, worst first: of one escalation level, or of all when `level` is 0.
  [[nodiscard]] std::vector<std::size_t> worst_first(int level = 0) const;
  // Whether an escalation of the level names its responsible person (the tables add a column).
  [[nodiscard]] bool any_owner(int level) const;
  [[nodiscard]] StageNotice operator[](std::size_t index) const { return m_notices[index]; }

private:
  struct Key {
    int days_late = 0;
    int level = 0;
    bool owner = false;
  };
  NoticeSpool m_notices;
  std::vector<Key> m_keys; // same indices
};

} // namespace yekuo::report
