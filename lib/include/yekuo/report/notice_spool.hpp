#pragma once
// StageNotices kept in a Spool rather than in memory: the escalations of `evaluate` and the
// items of `remind` can be every overdue stage of a province, and are written only at the end,
// sorted; each is read back when it is written.
#include <yekuo/report/stage_notice.hpp>
#include <yekuo/util/spool.hpp>

#include <cstdint>
#include <string>
#include <vector>

namespace yekuo::report {

class NoticeSpool {
public:
  explicit NoticeSpool(std::size_t memory_limit = Spool::k_default_memory_limit) : m_spool(memory_limit) {}

  void add(const StageNotice& notice);
  [[nodiscard]] std::size_t size() const { return m_offsets.size(); }
  [[nodiscard]] bool empty() const { return m_offsets.empty(); }
  [[nodiscard]] StageNotice operator[](std::size_t index) const;

private:
  Spool m_spool;
  std::vector<std::uint64_t> m_offsets; // where each notice starts
  std::string m_record;                 // the record being written
  mutable std::string m_read;           // the record being read
};

} // namespace yekuo::report
