#include <yekuo/util/json_writer.hpp>

#include <yekuo/util/error.hpp>
#include <yekuo/util/text_width.hpp>

#include <cmath>
#include <fmt/format.h>
#include <iterator>

namespace yekuo {

namespace {

// Appends the JSON string literal for text. Runs of bytes that need no escape (printable ASCII
// other than " and \, and valid multi-byte UTF-8 other than U+2028/U+2029) are appended whole:
// reports are mostly such text, and evaluate writes millions of strings.
void append_quoted(std::string& out, std::string_view text) {
  out.push_back('"');
  std::size_t run = 0; // start of the pending run of bytes copied as they are
  std::size_t pos = 0;
  const auto flush = [&] { out.append(text.data() + run, pos - run); };
  while (pos < text.size()) {
    const auto byte = static_cast<unsigned char>(text[pos]);
    if (byte >= 0x20 && byte < 0x80 && byte != '"' && byte != '\\') {
      ++pos;
      continue;
    }
    if (byte >= 0x80) {
      const Utf8Char c = decode_utf8(text, pos);
      if (c.valid && c.code_point != 0x2028 && c.code_point != 0x2029) {
        pos += c.length;
        continue;
      }
      flush();
      if (c.valid) {
        fmt::format_to(std::back_inserter(out), "\\u{:04x}", static_cast<std::uint32_t>(c.code_point));
      } else {
        append_utf8(out, 0xFFFD);
      }
      pos += c.length;
      run = pos;
      continue;
    }
    flush();
    switch (byte) {
    case '"': out += "\\\""; break;
    case '\\': out += "\\\\"; break;
    case '\n': out += "\\n"; break;
    case '\r': out += "\\r"; break;
    case '\t': out += "\\t"; break;
    case '\b': out += "\\b"; break;
    case '\f': out += "\\f"; break;
    default: fmt::format_to(std::back_inserter(out), "\\u{:04x}", static_cast<std::uint32_t>(byte)); break;
    }
    ++pos;
    run = pos;
  }
  flush();
  out.push_back('"');
}

} // namespace

std::string json_quote(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 2);
  append_quoted(out, text);
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
  append_quoted(m_out, name);
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
  append_quoted(m_out, text);
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
  if (std::isfinite(d)) {
    fmt::format_to(std::back_inserter(m_out), "{}", d);
  } else {
    m_out += "null";
  }
  if (m_stack.empty()) m_done = true;
  return *this;
}

JsonWriter& JsonWriter::value_int(std::int64_t n) {
  before_value();
  fmt::format_to(std::back_inserter(m_out), "{}", n);
  if (m_stack.empty()) m_done = true;
  return *this;
}

JsonWriter& JsonWriter::value_uint(std::uint64_t n) {
  before_value();
  fmt::format_to(std::back_inserter(m_out), "{}", n);
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
