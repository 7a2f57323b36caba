#pragma once
// Private to lib/src/io: typed reads from toml++ tables that report every problem
// (missing key, wrong type, bad date, date out of range, unknown key) into a Diagnostics sink
// with the position of the offending key or value.
#include <yekuo/calendar/calendar.hpp>
#include <yekuo/calendar/date.hpp>
#include <yekuo/calendar/supported_years.hpp>
#include <yekuo/io/toml_loader.hpp>
#include <yekuo/util/diagnostic.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace yekuo::io::detail {

struct DateRecord {
  calendar::Date date;
  SourceLoc loc;
};

// "a string", "an integer", ... for messages.
[[nodiscard]] const char* type_phrase(toml::node_type t);

class Reader {
public:
  Reader(std::string path, Diagnostics& diags) : m_path(std::move(path)), m_diags(diags) {}

  [[nodiscard]] const std::string& path() const { return m_path; }
  [[nodiscard]] Diagnostics& diags() { return m_diags; }

  // Position of a node; a node without a position (the root table) maps to 1:1.
  [[nodiscard]] SourceLoc loc(const toml::node& n) const;
  [[nodiscard]] SourceLoc loc(const toml::key& k) const;
  // The position of `key` inside t (the key itself), or of the table when absent.
  [[nodiscard]] SourceLoc key_loc(const toml::table& t, std::string_view key) const;

  // unknown-key for every key of t not in `allowed`, with "did you mean".
  void check_keys(const toml::table& t, const std::vector<std::string_view>& allowed, std::string_view where);

  // missing-key at the table.
  void missing(const toml::table& t, std::string_view key, std::string_view where, std::string hint);
  // wrong-type at the value.
  void wrong_type(const toml::node& n, std::string_view what, std::string_view expected, std::string hint);

  // Each getter returns nullopt when the key is absent (and reports missing-key if `required`)
  // or when the value is bad (reported).
  std::optional<std::string> string(const toml::table& t, std::string_view key, std::string_view where,
                                    bool required, bool non_empty = true, std::string hint = {});
  std::optional<std::int64_t> integer(const toml::table& t, std::string_view key, std::string_view where,
                                      bool required = false, std::string hint = {});
  std::optional<double> number(const toml::table& t, std::string_view key, std::string_view where);
  std::optional<bool> boolean(const toml::table& t, std::string_view key, std::string_view where);
  std::optional<std::vector<std::string>> string_array(const toml::table& t, std::string_view key,
                                                       std::string_view where);

  // A date: a TOML local date or a quoted "YYYY-MM-DD". Date-times, times, impossible dates and
  // dates outside the supported years (calendar/supported_years.hpp) are reported. When `track`, the date is remembered in
  // dates() for the calendar-coverage warning.
  std::optional<calendar::Date> date(const toml::table& t, std::string_view key, std::string_view where,
                                     bool required, std::string hint = {}, bool track = true);
  std::optional<calendar::Date> date_value(const toml::node& n, std::string_view what, bool track = true);

  [[nodiscard]] const std::vector<DateRecord>& dates() const { return m_dates; }

private:
  std::string m_path;
  Diagnostics& m_diags;
  std::vector<DateRecord> m_dates;
};

} // namespace yekuo::io::detail

namespace yekuo::io::detail {

// The keys of a [calendar] table: holidays, workdays (arrays of dates), years (array of integers).
// Defined in calendar_config.cpp; used for the org file and the project file's own table.
[[nodiscard]] calendar::CalendarOverrides read_calendar_table(Reader& r, const toml::table& t, std::string_view where);

// The value node of `key` in t (nullptr when absent).
[[nodiscard]] inline const toml::node* value_of(const toml::table& t, std::string_view key) { return t.get(key); }

} // namespace yekuo::io::detail
