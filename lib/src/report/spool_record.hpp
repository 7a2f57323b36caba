#pragma once
// The records a report keeps in a Spool (private to lib/src/report: NoticeSpool, RowSpool). A
// record is its fields one after the other: integers as 4 bytes and numbers as 8 (host order: the
// spool never leaves the process), strings as their length then their bytes.
#include <yekuo/calendar/date.hpp>
#include <yekuo/util/error.hpp>

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

namespace yekuo::report::detail {

inline void put(std::string& out, std::int32_t v) {
  char bytes[sizeof v];
  std::memcpy(bytes, &v, sizeof v);
  out.append(bytes, sizeof v);
}
inline void put(std::string& out, double v) {
  char bytes[sizeof v];
  std::memcpy(bytes, &v, sizeof v);
  out.append(bytes, sizeof v);
}
inline void put(std::string& out, std::string_view s) {
  put(out, static_cast<std::int32_t>(s.size()));
  out.append(s);
}
inline void put(std::string& out, const std::vector<std::string>& list) {
  put(out, static_cast<std::int32_t>(list.size()));
  for (const auto& s : list) put(out, s);
}

// Reads the fields back in the order they were put; `what` names the record in the InternalError
// thrown when it is cut short.
class RecordReader {
public:
  RecordReader(std::string_view bytes, const char* what) : m_bytes(bytes), m_what(what) {}

  std::int32_t integer() {
    std::int32_t v = 0;
    need(sizeof v);
    std::memcpy(&v, m_bytes.data() + m_at, sizeof v);
    m_at += sizeof v;
    return v;
  }
  double number() {
    double v = 0;
    need(sizeof v);
    std::memcpy(&v, m_bytes.data() + m_at, sizeof v);
    m_at += sizeof v;
    return v;
  }
  std::string text() {
    const auto n = static_cast<std::size_t>(integer());
    need(n);
    std::string s(m_bytes.substr(m_at, n));
    m_at += n;
    return s;
  }
  std::vector<std::string> list() {
    std::vector<std::string> out(static_cast<std::size_t>(integer()));
    for (auto& s : out) s = text();
    return out;
  }
  calendar::Date date() { return calendar::Date::from_days(integer()); }

private:
  void need(std::size_t n) const {
    if (m_at + n > m_bytes.size()) throw InternalError(std::string(m_what) + ": a record is cut short");
  }
  std::string_view m_bytes;
  const char* m_what;
  std::size_t m_at = 0;
};

} // namespace yekuo::report::detail
