#pragma once
// Where the rows of `yekuo export` go as the orders arrive (report/export_tables.hpp): a CSV
// folder (export_csv.hpp) or a SQLite database (export_sqlite.hpp). Nothing is visible at the
// destination until commit(); a writer destroyed without it leaves the destination as it was.
#include <yekuo/report/export_tables.hpp>

namespace yekuo::report {

class ExportWriter {
public:
  ExportWriter() = default;
  ExportWriter(const ExportWriter&) = delete;
  ExportWriter& operator=(const ExportWriter&) = delete;
  virtual ~ExportWriter() = default;

  // Appends one order's rows to every table (nothing of it is kept).
  virtual void add(const OrderRows& rows) = 0;
  // Puts the complete export in place of the destination, atomically.
  virtual void commit() = 0;
};

} // namespace yekuo::report
