#pragma once
// A small streaming JSON writer for the report contracts (schemas/*.schema.json). It produces
// valid JSON (RFC 8259) or throws InternalError on misuse (a value where a key is expected,
// unbalanced end_*): a malformed document is a bug, never output.
//
//   JsonWriter w;
//   w.begin_object().field("schema", 1).key("stages").begin_array();
//   for (...) w.begin_object().field("id", id).field("float", f).end_object();
//   w.end_array().end_object();
//   emit(w.finish());   // text + "\n"
//
// Strings: ", \ and control characters are escaped (\n, \t, ... or \u00XX), U+2028/U+2029 as
// \u2028/\u2029 (safe to embed in JavaScript), other non-ASCII is written as UTF-8, and invalid
// UTF-8 bytes become U+FFFD. Doubles that are NaN or infinite are written as null.
#include <concepts>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace yekuo {

class JsonWriter {
public:
  enum class Layout { pretty, compact };

  explicit JsonWriter(Layout layout = Layout::pretty, int indent = 2);

  JsonWriter& begin_object();
  JsonWriter& end_object();
  JsonWriter& begin_array();
  JsonWriter& end_array();
  JsonWriter& key(std::string_view name);

  JsonWriter& value(std::string_view text);
  JsonWriter& value(const char* text) { return value(std::string_view(text)); }
  JsonWriter& value(const std::string& text) { return value(std::string_view(text)); }
  JsonWriter& value(bool b);
  JsonWriter& value(double d);
  template <std::integral T>
    requires(!std::same_as<T, bool>)
  JsonWriter& value(T n) {
    if constexpr (std::is_signed_v<T>) {
      return value_int(static_cast<std::int64_t>(n));
    } else {
      return value_uint(static_cast<std::uint64_t>(n));
    }
  }
  JsonWriter& null();
  // An optional is written as its value or null.
  template <typename T> JsonWriter& value(const std::optional<T>& v) { return v ? value(*v) : null(); }

  // key(name).value(v) in one call.
  template <typename T> JsonWriter& field(std::string_view name, const T& v) {
    key(name);
    return value(v);
  }
  JsonWriter& null_field(std::string_view name) {
    key(name);
    return null();
  }

  // True once exactly one top-level value is complete.
  [[nodiscard]] bool complete() const { return m_done && m_stack.empty(); }
  // The text so far (possibly incomplete), since the last take().
  [[nodiscard]] const std::string& str() const { return m_out; }
  // Hands over the text written since the last take() and forgets it, keeping the writer's
  // place in the document: a long document is streamed out piece by piece.
  [[nodiscard]] std::string take() { return std::exchange(m_out, {}); }
  // The rest of the complete document (all of it without take()) plus a final newline; throws
  // InternalError if the document is incomplete.
  [[nodiscard]] std::string finish() const;

private:
  struct Level {
    bool object = false;
    std::size_t count = 0;
    bool have_key = false;
  };
  JsonWriter& value_int(std::int64_t n);
  JsonWriter& value_uint(std::uint64_t n);
  void before_value();
  void newline_indent(std::size_t depth);
  void close(bool object);

  Layout m_layout;
  int m_indent;
  std::string m_out;
  std::vector<Level> m_stack;
  bool m_done = false;
};

// The JSON string literal (with quotes) for text, escaped as described above.
[[nodiscard]] std::string json_quote(std::string_view text);

} // namespace yekuo
