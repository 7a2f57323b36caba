#pragma once
// Table rows kept in a Spool rather than in memory, each in a group, for a report that writes a
// table per group at the end while its rows come in another order: the weekly rows of `evaluate`
// by department (EvaluationDocumentOptions::by_department), which come order by order. Only where
// each row starts stays in memory (8 bytes a row); each row is read back when it is written.
#include <yekuo/report/document.hpp>
#include <yekuo/util/spool.hpp>

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace yekuo::report {

class RowSpool {
public:
  explicit RowSpool(std::size_t memory_limit = Spool::k_default_memory_limit) : m_spool(memory_limit) {}

  // Appends `row` (every field of every cell) to group `group`; groups are numbered from 0, and a
  // new number makes the groups up to it.
  void add(std::size_t group, const std::vector<Cell>& row);
  [[nodiscard]] std::size_t groups() const { return m_groups.size(); }
  // The rows of a group, 0 for a group never added to.
  [[nodiscard]] std::size_t rows(std::size_t group) const {
    return group < m_groups.size() ? m_groups[group].size() : 0;
  }
  // Row `index` of the group, in the order they were added.
  [[nodiscard]] std::vector<Cell> row(std::size_t group, std::size_t index) const;
  // Whether the rows went to a temporary file (for tests).
  [[nodiscard]] bool on_disk() const { return m_spool.on_disk(); }

private:
  Spool m_spool;
  std::vector<std::vector<std::uint64_t>> m_groups; // where each row of each group starts
  std::string m_record;                             // the record being written
  mutable std::string m_read;                       // the record being read
};

} // namespace yekuo::report
