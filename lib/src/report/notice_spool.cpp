#include <yekuo/report/notice_spool.hpp>

#include "spool_record.hpp"

namespace yekuo::report {

using detail::put;

void NoticeSpool::add(const StageNotice& n) {
  m_record.clear();
  put(m_record, n.project);
  put(m_record, n.project_name);
  put(m_record, n.file);
  put(m_record, n.customer_manager);
  put(m_record, n.id);
  put(m_record, n.name);
  put(m_record, n.dept);
  put(m_record, n.customer ? 1 : 0);
  put(m_record, n.deadline.days());
  put(m_record, n.effective_deadline.days());
  put(m_record, static_cast<std::int32_t>(n.status));
  put(m_record, n.days_late);
  put(m_record, n.calendar_days ? 1 : 0);
  put(m_record, n.blocks);
  put(m_record, n.blocks_names);
  put(m_record, n.owner);
  put(m_record, n.level);
  put(m_record, n.unresolved_coordinations);
  put(m_record, n.overdue_working_days);
  m_offsets.push_back(m_spool.size());
  m_spool.write(m_record);
}

StageNotice NoticeSpool::operator[](std::size_t index) const {
  const std::uint64_t from = m_offsets.at(index);
  const std::uint64_t to = index + 1 < m_offsets.size() ? m_offsets[index + 1] : m_spool.size();
  m_spool.read(from, static_cast<std::size_t>(to - from), m_read);
  detail::RecordReader r(m_read, "NoticeSpool");
  StageNotice n;
  n.project = r.text();
  n.project_name = r.text();
  n.file = r.text();
  n.customer_manager = r.text();
  n.id = r.text();
  n.name = r.text();
  n.dept = r.text();
  n.customer = r.integer() != 0;
  n.deadline = r.date();
  n.effective_deadline = r.date();
  n.status = static_cast<track::StageStatus>(r.integer());
  n.days_late = r.integer();
  n.calendar_days = r.integer() != 0;
  n.blocks = r.list();
  n.blocks_names = r.list();
  n.owner = r.text();
  n.level = r.integer();
  n.unresolved_coordinations = r.integer();
  n.overdue_working_days = r.integer();
  return n;
}

} // namespace yekuo::report
