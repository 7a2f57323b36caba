#include <yekuo/util/json_writer.hpp>

#include <yekuo/util/error.hpp>
#include <yekuo/util/text_width.hpp>

#include <cmath>
#include <fmt/format.h>

namespace yekuo {

std::string json_quote(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 2);
  out.push_back('"');
  std::size_t pos = 0;
  while (pos < text.size()) {
    const Utf8Char c = decode_utf8(text, pos);
    const char32_t cp = c.code_point;
    if (!c.valid) {
      append_utf8(out, 0xFFFD);
    } else if (cp == '"') {
      out += "\\\"";
    } else if (cp == '\\') {
      out += "\\\\";
    } else if (cp == '\n') {
      out += "\\n";
    } else if (cp == '\r') {
      out += "\\r";
    } else if (cp == '\t') {
      out += "\\t";
    } else if (cp == '\b') {
      out += "\\b";
    } else if (cp == '\f') {
      out += "\\f";
    } else if (cp < 0x20 || cp == 0x2028 || cp == 0x2029) {
      out += fmt::format("\\u{:04x}", static_cast<std::uint32_t>(cp));
    } else {
      out.append(text.substr(pos, c.length));
    }
    pos += c.length;
  }
  out.push_back('"');
  return out;
}

JsonWriter::JsonWriter(Layout layout, int indent) : m_layout(layout), m_indent(indent < 0 ? 0 : indent) {}

void JsonWriter::newline_indent(std::size_t depth) {
  if (m_layout == Layout::compact) return;
  m_out.push_back('\n');
  m_out.append(depth * static_cast<std::size_t>(m_indent), ' ');
}

void JsonWriter::before_value() {
  if (m_stack.empty()) {
    if (m_done) throw InternalError("JsonWriter: a second top-level value");
    return;
  }
  Level& top = m_stack.back();
  if (top.object) {
    if (!top.have_key) throw InternalError("JsonWriter: value in an object without a key");
    top.have_key = false; // the key already wrote the comma and indentation
    return;
  }
  if (top.count > 0) m_out.push_back(',');
  newline_indent(m_stack.size());
  ++top.count;
}

JsonWriter& JsonWriter::key(std::string_view name) {
  if (m_stack.empty() || !m_stack.back().object) throw InternalError("JsonWriter: key outside an object");
  Level& top = m_stack.back();
  if (top.have_key) throw InternalError("JsonWriter: two keys in a row");
  if (top.count > 0) m_out.push_back(',');
  newline_indent(m_stack.size());
  m_out += json_quote(name);
  m_out += m_layout == Layout::pretty ? ": " : ":";
  top.have_key = true;
  ++top.count;
  return *this;
}

JsonWriter& JsonWriter::begin_object() {
  before_value();
  m_out.push_back('{');
  m_stack.push_back(Level{true, 0, false});
  return *this;
}

JsonWriter& JsonWriter::begin_array() {
  before_value();
  m_out.push_back('[');
  m_stack.push_back(Level{false, 0, false});
  return *this;
}

void JsonWriter::close(bool object) {
  if (m_stack.empty() || m_stack.back().object != object)
    throw InternalError(object ? "JsonWriter: end_object without begin_object" : "JsonWriter: end_array without begin_array");
  const Level top = m_stack.back();
  if (top.have_key) throw InternalError("JsonWriter: key without a value");
  m_stack.pop_back();
  if (top.count > 0) newline_indent(m_stack.size());
  m_out.push_back(object ? '}' : ']');
  if (m_stack.empty()) m_done = true;
}

JsonWriter& JsonWriter::end_object() {
  close(true);
  return *this;
}

JsonWriter& JsonWriter::end_array() {
  close(false);
  return *this;
}

JsonWriter& JsonWriter::value(std::string_view text) {
  before_value();
  m_out += json_quote(text);
  if (m_stack.empty()) m_done = true;
  return *this;
}

JsonWriter& JsonWriter::value(bool b) {
  before_value();
  m_out += b ? "true" : "false";
  if (m_stack.empty()) m_done = true;
  return *this;
}

JsonWriter& JsonWriter::value(double d) {
  before_value();
  // JSON has no NaN or infinity.
  m_out += std::isfinite(d) ? fmt::format("{}", d) : std::string("null");
  if (m_stack.empty()) m_done = true;
  return *this;
}

JsonWriter& JsonWriter::value_int(std::int64_t n) {
  before_value();
  m_out += fmt::format("{}", n);
  if (m_stack.empty()) m_done = true;
  return *this;
}

JsonWriter& JsonWriter::value_uint(std::uint64_t n) {
  before_value();
  m_out += fmt::format("{}", n);
  if (m_stack.empty()) m_done = true;
  return *this;
}

JsonWriter& JsonWriter::null() {
  before_value();
  m_out += "null";
  if (m_stack.empty()) m_done = true;
  return *this;
}

std::string JsonWriter::finish() const {
  if (!complete()) throw InternalError("JsonWriter: the document is incomplete");
  return m_out + "\n";
}

} // namespace yekuo
