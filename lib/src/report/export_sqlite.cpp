#include <yekuo/report/export_sqlite.hpp>

#include <yekuo/util/atomic_file.hpp>
#include <yekuo/util/error.hpp>

#include <fmt/format.h>
#include <memory>
#include <sqlite3.h>
#include <string>
#include <vector>

namespace yekuo::report {

namespace {

namespace fs = std::filesystem;

const char* sql_type(ColumnType type) {
  switch (type) {
  case ColumnType::integer:
  case ColumnType::boolean: return "INTEGER";
  case ColumnType::real: return "REAL";
  case ColumnType::text:
  case ColumnType::date: break;
  }
  return "TEXT";
}

// Column names such as "from" are SQL keywords: every identifier is quoted.
std::string quoted(std::string_view name) { return fmt::format("\"{}\"", name); }

std::string create_statement(const ExportTable& table) {
  std::string sql = fmt::format("CREATE TABLE {} (", quoted(table.name));
  for (const auto& c : table.columns) sql += fmt::format("{}{} {}", &c == table.columns.data() ? "" : ", ", quoted(c.name), sql_type(c.type));
  if (!table.key.empty()) {
    sql += ", PRIMARY KEY (";
    for (const auto& k : table.key) sql += fmt::format("{}{}", &k == table.key.data() ? "" : ", ", quoted(k));
    sql += ")";
  }
  return sql + ")";
}

std::string insert_statement(const ExportTable& table) {
  std::string sql = fmt::format("INSERT INTO {} VALUES (", quoted(table.name));
  for (std::size_t i = 0; i < table.columns.size(); ++i) sql += i == 0 ? "?" : ", ?";
  return sql + ")";
}

// Whether `file` is a database an earlier export wrote (its meta table says so).
bool is_export_database(const fs::path& file) {
  sqlite3* db = nullptr;
  bool yes = false;
  if (sqlite3_open_v2(file.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK) {
    sqlite3_stmt* st = nullptr;
    if (sqlite3_prepare_v2(db, "SELECT value FROM meta WHERE key = 'format'", -1, &st, nullptr) == SQLITE_OK &&
        sqlite3_step(st) == SQLITE_ROW) {
      const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(st, 0));
      yes = text != nullptr && std::string_view(text) == k_export_format;
    }
    sqlite3_finalize(st);
  }
  sqlite3_close(db);
  return yes;
}

void check_destination(const fs::path& file) {
  if (!file.has_filename()) throw InputError(fmt::format("--out {}: give the database's file name", file.string()));
  std::error_code ec;
  const fs::path dir = file.has_parent_path() ? file.parent_path() : fs::path(".");
  if (!fs::is_directory(dir, ec))
    throw InputError(fmt::format("--out {}: the directory {} does not exist", file.string(), dir.string()));
  const auto status = fs::symlink_status(file, ec);
  if (!fs::exists(status)) return;
  if (!fs::is_regular_file(status) || !is_export_database(file))
    throw InputError(fmt::format("--out {}: exists and is not a database written by yekuo export (no meta table "
                                 "with format = {}); refusing to replace it",
                                 file.string(), k_export_format));
}

class SqliteExport final : public ExportWriter {
public:
  SqliteExport(const fs::path& file, calendar::Date as_of)
      : m_target((check_destination(file), file)), m_file(file) {
    create(as_of);
  }

  void add(const OrderRows& rows) override {
    insert(TableId::orders, rows.order);
    for (const TableId id : {TableId::stages, TableId::delays, TableId::revisits})
      for (const auto& row : rows.rows(id)) insert(id, row);
  }

  void commit() override {
    exec("COMMIT");
    m_inserts.clear();
    m_db.reset(); // SQLite has closed the file: the writer syncs and renames it
    m_file.commit();
  }

private:
  // The tables, empty, and the statements that fill them, inside the one transaction.
  void create(calendar::Date as_of) {
    sqlite3* db = nullptr;
    const int rc = sqlite3_open_v2(m_file.temp_path().c_str(), &db, SQLITE_OPEN_READWRITE, nullptr);
    m_db.reset(db); // closed even when the open failed
    if (rc != SQLITE_OK) fail("open");
    // No journal: the file is private until the rename, and a failure discards it whole.
    exec("PRAGMA journal_mode = OFF");
    exec("PRAGMA synchronous = OFF");
    exec("BEGIN");
    exec("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT)");
    exec(fmt::format("INSERT INTO meta VALUES ('format', '{}'), ('version', '{}'), ('as_of', '{}')", k_export_format,
                     k_export_version, as_of.iso()));
    for (const auto& table : export_tables()) {
      exec(create_statement(table));
      sqlite3_stmt* st = nullptr;
      const int rc_prepare = sqlite3_prepare_v2(m_db.get(), insert_statement(table).c_str(), -1, &st, nullptr);
      m_inserts.emplace_back(st);
      if (rc_prepare != SQLITE_OK) fail("prepare");
    }
  }

  void insert(TableId id, const ExportRow& row) {
    sqlite3_stmt* st = m_inserts[static_cast<std::size_t>(id)].get();
    for (std::size_t i = 0; i < row.size(); ++i) {
      const int at = static_cast<int>(i) + 1;
      int rc = SQLITE_OK;
      if (const auto* n = std::get_if<std::int64_t>(&row[i])) rc = sqlite3_bind_int64(st, at, *n);
      else if (const auto* x = std::get_if<double>(&row[i])) rc = sqlite3_bind_double(st, at, *x);
      else if (const auto* s = std::get_if<std::string>(&row[i]))
        rc = sqlite3_bind_text(st, at, s->data(), static_cast<int>(s->size()), SQLITE_TRANSIENT);
      else rc = sqlite3_bind_null(st, at);
      if (rc != SQLITE_OK) fail("bind");
    }
    if (sqlite3_step(st) != SQLITE_DONE) fail("insert into " + std::string(export_table(id).name));
    sqlite3_reset(st);
  }

  void exec(const std::string& sql) {
    if (sqlite3_exec(m_db.get(), sql.c_str(), nullptr, nullptr, nullptr) != SQLITE_OK) fail(sql);
  }

  [[noreturn]] void fail(const std::string& what) {
    throw InternalError(fmt::format("cannot write the database {} ({}): {}", m_target.string(), what,
                                    m_db ? sqlite3_errmsg(m_db.get()) : "out of memory"));
  }

  struct CloseDb {
    void operator()(sqlite3* db) const { sqlite3_close(db); }
  };
  struct Finalize {
    void operator()(sqlite3_stmt* st) const { sqlite3_finalize(st); }
  };

  fs::path m_target;
  AtomicFileWriter m_file; // the temporary database, removed unless committed
  std::unique_ptr<sqlite3, CloseDb> m_db;
  std::vector<std::unique_ptr<sqlite3_stmt, Finalize>> m_inserts; // per TableId; finalized before the close
};

} // namespace

std::unique_ptr<ExportWriter> open_sqlite_export(const fs::path& file, calendar::Date as_of) {
  return std::make_unique<SqliteExport>(file, as_of);
}

} // namespace yekuo::report
