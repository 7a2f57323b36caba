#include <yekuo/report/document_builder.hpp>

namespace yekuo::report {

void DocumentBuilder::begin(const DocumentHead& head) {
  m_doc.title = head.title;
  m_doc.subtitle = head.subtitle;
  m_doc.warnings = head.warnings;
  m_doc.navigation = head.navigation;
}

void DocumentBuilder::block(Block block) { m_doc.blocks.push_back(std::move(block)); }

void DocumentBuilder::table(const Table& header, std::size_t rows, const RowSource& row) {
  Table t{header.title, header.columns, {}};
  t.rows.reserve(rows);
  for (std::size_t i = 0; i < rows; ++i) t.rows.push_back(row(i));
  m_doc.blocks.emplace_back(std::move(t));
}

void DocumentBuilder::finish(const std::vector<std::string>& late_warnings) {
  m_doc.warnings.insert(m_doc.warnings.end(), late_warnings.begin(), late_warnings.end());
}

} // namespace yekuo::report
