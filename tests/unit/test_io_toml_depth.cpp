// The nesting guard in front of toml++ (lib/src/io/toml_depth.cpp), through io::parse_toml:
// keys deeper than 128 levels are refused with "too-deep" before toml++ recurses into them;
// everything that only looks deep (dots in strings, comments, numbers) parses as before.
#include <yekuo/io/toml_loader.hpp>

#include <doctest/doctest.h>
#include <string>

using namespace yekuo;

namespace {

std::string repeat(const std::string& s, int n) {
  std::string out;
  for (int i = 0; i < n; ++i) out += s;
  return out;
}

// The first diagnostic, or an empty one when the text parsed.
Diagnostic parse(const std::string& text) {
  Diagnostics diags;
  const auto doc = io::parse_toml(text, "t.toml", diags);
  if (doc) return {};
  REQUIRE(!diags.items().empty());
  return diags.items().front();
}

} // namespace

TEST_SUITE("io::parse_toml nesting guard") {

TEST_CASE("a dotted key of 128 levels parses and one of 129 is refused at the dot that goes too deep") {
  CHECK(parse(repeat("a.", 127) + "a = 1\n").code.empty());
  const auto d = parse(repeat("a.", 128) + "a = 1\n");
  CHECK(d.code == "too-deep");
  CHECK(d.loc.line == 1);
  CHECK(d.loc.column == 256); // the 128th dot: "a." is two columns
}

TEST_CASE("a key under a deep table header counts the header's levels") {
  // [a.a...] with 100 levels, then a key of 29 more levels: 129.
  const std::string header = std::string("[") + repeat("a.", 99) + "a]\n";
  CHECK(parse(header + repeat("b.", 27) + "b = 1\n").code.empty());
  const auto d = parse(header + repeat("b.", 28) + "b = 1\n");
  CHECK(d.code == "too-deep");
  CHECK(d.loc.line == 2);
}

TEST_CASE("100,000 levels of keys, headers or inline tables are refused without recursing") {
  CHECK(parse(repeat("a.", 100000) + "a = 1\n").code == "too-deep");
  CHECK(parse(std::string("[") + repeat("a.", 100000) + "a]\n").code == "too-deep");
  const auto d = parse(std::string("x = ") + repeat("{a = ", 100000) + "1" + repeat("}", 100000) + "\n");
  CHECK((d.code == "too-deep" || d.code == "toml-syntax")); // toml++ itself stops at 256 values
  CHECK(parse(std::string("x = ") + repeat("[", 100000) + "\n").code == "toml-syntax");
}

TEST_CASE("inline tables add their key's levels") {
  CHECK(parse(std::string("x = ") + repeat("{a = ", 100) + "1" + repeat("}", 100) + "\n").code.empty());
  const auto d = parse(std::string("x = {") + repeat("a.", 127) + "a = 1}\n"); // 1 + 128 levels
  CHECK(d.code == "too-deep");
}

TEST_CASE("dots in strings, comments, numbers and arrays are not levels") {
  const std::string dots = repeat(".", 500);
  CHECK(parse("s = \"" + dots + "\"\n").code.empty());
  CHECK(parse("s = '" + dots + "'\n").code.empty());
  CHECK(parse("s = \"\\\"" + dots + "\"\n").code.empty());                       // escaped quote first
  CHECK(parse("s = \"\"\"\n" + dots + "\n\"a\" \"\"b\"\" \"\"\"\n").code.empty()); // quotes inside """
  CHECK(parse("s = \"\"\"" + dots + "\"\"\"\"\"\n").code.empty());                // closes with two extra quotes
  CHECK(parse("s = '''" + dots + "\n" + dots + "'''\n").code.empty());
  CHECK(parse("# " + dots + "\nx = 1\n").code.empty());
  CHECK(parse(std::string("x = [") + repeat("1.5, ", 500) + "2.5]\n").code.empty());
  CHECK(parse("\"a.b.c\" = 1\n'" + dots + "' = 2\n").code.empty()); // quoted keys are one level
}

TEST_CASE("many inline tables in one array stay at the array's level") {
  CHECK(parse(std::string("x = [") + repeat("{a = {b = 1}}, ", 1000) + "{c = 1}]\n").code.empty());
  CHECK(parse(std::string("[[s]]\nafter = [") + repeat("{ stage = \"a\", type = \"SS\", lag = 2 }, ", 500) + "]\n").code.empty());
}

} // TEST_SUITE
