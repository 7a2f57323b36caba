#include <yekuo/util/error.hpp>
#include <yekuo/util/json_writer.hpp>
#include <yekuo/util/text_width.hpp>

#include <cstdint>
#include <doctest/doctest.h>
#include <limits>
#include <string>

using namespace yekuo;

namespace {
// A strict RFC 8259 recognizer, written independently of the writer, so the writer's output is
// checked by parsing it back. Also decodes strings so that round trips can be compared.
class Parser {
public:
  explicit Parser(std::string_view s) : m_s(s) {}
  bool document() {
    ws();
    if (!value()) return false;
    ws();
    return m_p == m_s.size();
  }
  std::vector<std::string> strings; // every decoded string, in order

private:
  bool value() {
    if (m_p >= m_s.size()) return false;
    switch (m_s[m_p]) {
    case '{': return object();
    case '[': return array();
    case '"': {
      std::string out;
      if (!string(out)) return false;
      strings.push_back(out);
      return true;
    }
    case 't': return literal("true");
    case 'f': return literal("false");
    case 'n': return literal("null");
    default: return number();
    }
  }
  bool literal(std::string_view w) {
    if (m_s.substr(m_p, w.size()) != w) return false;
    m_p += w.size();
    return true;
  }
  bool object() {
    ++m_p;
    ws();
    if (peek('}')) return ++m_p, true;
    for (;;) {
      ws();
      std::string k;
      if (!peek('"') || !string(k)) return false;
      strings.push_back(k);
      ws();
      if (!peek(':')) return false;
      ++m_p;
      ws();
      if (!value()) return false;
      ws();
      if (peek(',')) {
        ++m_p;
        continue;
      }
      if (peek('}')) return ++m_p, true;
      return false;
    }
  }
  bool array() {
    ++m_p;
    ws();
    if (peek(']')) return ++m_p, true;
    for (;;) {
      ws();
      if (!value()) return false;
      ws();
      if (peek(',')) {
        ++m_p;
        continue;
      }
      if (peek(']')) return ++m_p, true;
      return false;
    }
  }
  bool string(std::string& out) {
    ++m_p;
    while (m_p < m_s.size()) {
      const auto c = static_cast<unsigned char>(m_s[m_p]);
      if (c == '"') return ++m_p, true;
      if (c < 0x20) return false;
      if (c == '\\') {
        if (++m_p >= m_s.size()) return false;
        const char e = m_s[m_p++];
        switch (e) {
        case '"': out += '"'; break;
        case '\\': out += '\\'; break;
        case '/': out += '/'; break;
        case 'b': out += '\b'; break;
        case 'f': out += '\f'; break;
        case 'n': out += '\n'; break;
        case 'r': out += '\r'; break;
        case 't': out += '\t'; break;
        case 'u': {
          if (m_p + 4 > m_s.size()) return false;
          std::uint32_t v = 0;
          for (int i = 0; i < 4; ++i) {
            const char h = m_s[m_p++];
            v <<= 4U;
            if (h >= '0' && h <= '9') v |= static_cast<std::uint32_t>(h - '0');
            else if (h >= 'a' && h <= 'f') v |= static_cast<std::uint32_t>(h - 'a' + 10);
            else if (h >= 'A' && h <= 'F') v |= static_cast<std::uint32_t>(h - 'A' + 10);
            else return false;
          }
          append_utf8(out, static_cast<char32_t>(v));
          break;
        }
        default: return false;
        }
        continue;
      }
      out += static_cast<char>(c);
      ++m_p;
    }
    return false;
  }
  bool number() {
    const std::size_t start = m_p;
    if (peek('-')) ++m_p;
    if (peek('0')) {
      ++m_p;
    } else if (digit()) {
      while (digit()) ++m_p;
    } else {
      return false;
    }
    if (peek('.')) {
      ++m_p;
      if (!digit()) return false;
      while (digit()) ++m_p;
    }
    if (peek('e') || peek('E')) {
      ++m_p;
      if (peek('+') || peek('-')) ++m_p;
      if (!digit()) return false;
      while (digit()) ++m_p;
    }
    return m_p > start;
  }
  bool digit() const { return m_p < m_s.size() && m_s[m_p] >= '0' && m_s[m_p] <= '9'; }
  bool peek(char c) const { return m_p < m_s.size() && m_s[m_p] == c; }
  void ws() {
    while (m_p < m_s.size() && (m_s[m_p] == ' ' || m_s[m_p] == '\n' || m_s[m_p] == '\t' || m_s[m_p] == '\r')) ++m_p;
  }
  std::string_view m_s;
  std::size_t m_p = 0;
};

bool valid_json(const std::string& s) {
  Parser p(s);
  return p.document() && is_valid_utf8(s);
}
} // namespace

TEST_SUITE("util::JsonWriter") {
  TEST_CASE("pretty output has the documented layout") {
    JsonWriter w;
    w.begin_object().field("schema", 1).key("ids").begin_array().value("a").value("b").end_array();
    w.key("empty").begin_object().end_object().field("ok", true).null_field("none").end_object();
    CHECK(w.finish() == "{\n  \"schema\": 1,\n  \"ids\": [\n    \"a\",\n    \"b\"\n  ],\n  \"empty\": {},\n"
                        "  \"ok\": true,\n  \"none\": null\n}\n");
  }

  TEST_CASE("compact output has no whitespace") {
    JsonWriter w(JsonWriter::Layout::compact);
    w.begin_array().value(1).value(-2).value(false).begin_array().end_array().null().end_array();
    CHECK(w.str() == "[1,-2,false,[],null]");
    CHECK(w.complete());
  }

  TEST_CASE("tricky strings are escaped and parse back to the same text") {
    const std::string tricky[] = {
        "say \"hi\"", "back\\slash", "line1\nline2\r\n", std::string("nul\0byte", 8), "\x01\x1f\x7f",
        "中文（全角）", "tab\there", "</script>", "\xE2\x80\xA8", "emoji \xF0\x9F\x98\x80"};
    JsonWriter w;
    w.begin_array();
    for (const auto& s : tricky) w.value(s);
    w.end_array();
    const std::string out = w.finish();
    Parser p(out);
    REQUIRE(p.document());
    REQUIRE(p.strings.size() == std::size(tricky));
    for (std::size_t i = 0; i < std::size(tricky); ++i) CHECK(p.strings[i] == tricky[i]);
    CHECK(out.find("\\u0001") != std::string::npos);
    CHECK(out.find("\\u0000") != std::string::npos);
    CHECK(out.find("\\u2028") != std::string::npos);
    CHECK(out.find("中文（全角）") != std::string::npos); // non-ASCII stays readable
  }

  TEST_CASE("invalid UTF-8 becomes U+FFFD and the output stays valid") {
    CHECK(json_quote("a\xFF" "b") == "\"a\xEF\xBF\xBD" "b\"");
    JsonWriter w;
    w.begin_object().field("k\xC3", "\xE4\xB8").end_object();
    const std::string out = w.finish();
    CHECK(valid_json(out));
    Parser p(out);
    REQUIRE(p.document());
    CHECK(p.strings[0] == "k\xEF\xBF\xBD");
    CHECK(p.strings[1] == "\xEF\xBF\xBD\xEF\xBF\xBD");
  }

  TEST_CASE("numbers: integers of every width, doubles, and non-finite doubles as null") {
    JsonWriter w(JsonWriter::Layout::compact);
    w.begin_array()
        .value(std::numeric_limits<std::int64_t>::min())
        .value(std::numeric_limits<std::uint64_t>::max())
        .value(std::size_t{7})
        .value(0.5)
        .value(-1.25e300)
        .value(std::numeric_limits<double>::quiet_NaN())
        .value(std::numeric_limits<double>::infinity())
        .end_array();
    CHECK(w.str() == "[-9223372036854775808,18446744073709551615,7,0.5,-1.25e+300,null,null]");
    CHECK(valid_json(w.str()));
  }

  TEST_CASE("optionals are written as their value or null") {
    JsonWriter w(JsonWriter::Layout::compact);
    w.begin_object().field("a", std::optional<int>{3}).field("b", std::optional<std::string>{}).end_object();
    CHECK(w.str() == "{\"a\":3,\"b\":null}");
  }

  TEST_CASE("misuse throws instead of writing invalid JSON") {
    {
      JsonWriter w;
      w.begin_object();
      CHECK_THROWS_AS(w.value(1), InternalError);
    }
    {
      JsonWriter w;
      w.begin_array();
      CHECK_THROWS_AS(w.key("k"), InternalError);
      CHECK_THROWS_AS(w.end_object(), InternalError);
      CHECK_THROWS_AS((void)w.finish(), InternalError);
    }
    {
      JsonWriter w;
      w.begin_object().key("k");
      CHECK_THROWS_AS(w.end_object(), InternalError);
    }
    {
      JsonWriter w;
      w.value(1);
      CHECK_THROWS_AS(w.value(2), InternalError);
    }
  }

  TEST_CASE("random strings always give valid JSON") {
    std::uint32_t x = 12345;
    for (int round = 0; round < 500; ++round) {
      std::string s;
      for (int i = 0; i < 30; ++i) {
        x = x * 1664525U + 1013904223U;
        s.push_back(static_cast<char>(x >> 24U));
      }
      JsonWriter w(round % 2 == 0 ? JsonWriter::Layout::pretty : JsonWriter::Layout::compact);
      w.begin_object().field(s, s).key("list").begin_array().value(s).end_array().end_object();
      REQUIRE(valid_json(w.str()));
    }
  }
}
