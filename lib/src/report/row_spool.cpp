#include <yekuo/report/row_spool.hpp>

#include "spool_record.hpp"

#include <yekuo/util/error.hpp>

namespace yekuo::report {

using detail::put;

namespace {
constexpr std::size_t k_length_bytes = sizeof(std::int32_t);
} // namespace

// A record: the length of the rest, the number of cells, then each cell: text, style, link, date
// (present, days), number (present, value) and heat (present, level).
void RowSpool::add(std::size_t group, const std::vector<Cell>& row) {
  m_record.assign(k_length_bytes, '\0');
  put(m_record, static_cast<std::int32_t>(row.size()));
  for (const Cell& c : row) {
    put(m_record, c.text);
    put(m_record, static_cast<std::int32_t>(c.style));
    put(m_record, c.href);
    put(m_record, c.date ? 1 : 0);
    put(m_record, c.date ? c.date->days() : 0);
    put(m_record, c.number ? 1 : 0);
    put(m_record, c.number.value_or(0.0));
    put(m_record, c.heat ? 1 : 0);
    put(m_record, static_cast<std::int32_t>(c.heat.value_or(0)));
  }
  std::string length;
  put(length, static_cast<std::int32_t>(m_record.size() - k_length_bytes));
  m_record.replace(0, k_length_bytes, length);
  if (m_groups.size() <= group) m_groups.resize(group + 1);
  m_groups[group].push_back(m_spool.size());
  m_spool.write(m_record);
}

std::vector<Cell> RowSpool::row(std::size_t group, std::size_t index) const {
  if (index >= rows(group)) throw InternalError("RowSpool: no such row");
  const std::uint64_t at = m_groups[group][index];
  m_spool.read(at, k_length_bytes, m_read);
  const auto length = static_cast<std::size_t>(detail::RecordReader(m_read, "RowSpool").integer());
  m_spool.read(at + k_length_bytes, length, m_read);
  detail::RecordReader r(m_read, "RowSpool");
  std::vector<Cell> cells(static_cast<std::size_t>(r.integer()));
  for (Cell& c : cells) {
    c.text = r.text();
    c.style = static_cast<Style>(r.integer());
    c.href = r.text();
    const bool has_date = r.integer() != 0;
    const std::int32_t days = r.integer();
    if (has_date) c.date = calendar::Date::from_days(days);
    const bool has_number = r.integer() != 0;
    const double number = r.number();
    if (has_number) c.number = number;
    const bool has_heat = r.integer() != 0;
    const std::int32_t heat = r.integer();
    if (has_heat) c.heat = heat;
  }
  return cells;
}

} // namespace yekuo::report
