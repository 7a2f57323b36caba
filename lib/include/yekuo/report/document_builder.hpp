#pragma once
// The DocumentSink that keeps what a report streams as one Document: for small reports (an
// order's page), tests, and the build_*_document functions.
#include <yekuo/report/document.hpp>
#include <yekuo/report/document_sink.hpp>

namespace yekuo::report {

class DocumentBuilder final : public DocumentSink {
public:
  void begin(const DocumentHead& head) override;
  void block(Block block) override;
  void table(const Table& header, std::size_t rows, const RowSource& row) override;
  void finish(const std::vector<std::string>& late_warnings = {}) override;

  [[nodiscard]] Document take() { return std::move(m_doc); }

private:
  Document m_doc;
};

} // namespace yekuo::report
