#include <yekuo/io/toml_loader.hpp>
#include <yekuo/io/validate.hpp>

#include <doctest/doctest.h>
#include <filesystem>
#include <fstream>
#include <unistd.h>

using namespace yekuo;
namespace fs = std::filesystem;

namespace {

// A scratch directory removed at the end of the test.
struct TempDir {
  fs::path path;
  TempDir() : path(fs::temp_directory_path() / fs::path("yekuo-loader-" + std::to_string(::getpid()))) {
    fs::create_directories(path);
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path, ec);
  }
  std::string write(const std::string& name, const std::string& content) const {
    const auto p = path / name;
    std::ofstream(p, std::ios::binary) << content;
    return p.string();
  }
};

} // namespace

TEST_SUITE("io::toml_loader") {

TEST_CASE("a missing file, a directory and an oversized file are diagnostics, not exceptions") {
  TempDir dir;
  Diagnostics d;
  CHECK_FALSE(io::read_text_file((dir.path / "nope.toml").string(), d).has_value());
  CHECK_FALSE(io::read_text_file(dir.path.string(), d).has_value());
  const auto big = dir.path / "big.toml";
  { std::ofstream(big) << "x"; }
  fs::resize_file(big, io::k_max_file_bytes + 1); // sparse: costs no disk
  CHECK_FALSE(io::read_text_file(big.string(), d).has_value());
  REQUIRE(d.items().size() == 3);
  CHECK(d.items()[0].code == "unreadable-file");
  CHECK(d.items()[1].code == "not-a-file");
  CHECK(d.items()[2].code == "file-too-large");
  CHECK(d.items()[2].loc.file == big.string());
}

TEST_CASE("a file is read byte for byte") {
  TempDir dir;
  const std::string content = "schema = 1\r\n# 中文\n";
  Diagnostics d;
  const auto text = io::read_text_file(dir.write("a.toml", content), d);
  REQUIRE(text.has_value());
  CHECK(*text == content);
  CHECK(d.empty());
}

TEST_CASE("the first byte that is not UTF-8 is located by line and column") {
  CHECK_FALSE(io::find_invalid_utf8("名 = \"中文\"\n").has_value());
  auto at = io::find_invalid_utf8("a = 1\n名 = \"\xc4\xe3\"\n");
  REQUIRE(at.has_value());
  CHECK(at->line == 2);
  CHECK(at->column == 6);
  CHECK(io::find_invalid_utf8("\xed\xa0\x80").has_value()); // an encoded surrogate
  CHECK(io::find_invalid_utf8("\xc0\xaf").has_value());     // an overlong '/'
  CHECK(io::find_invalid_utf8("ok\xe4\xb8").has_value());   // cut short at the end
}

TEST_CASE("a TOML syntax error becomes toml-syntax at its position") {
  Diagnostics d;
  CHECK_FALSE(io::parse_toml("a = 1\nb = \"x\" y\n", "f.toml", d).has_value());
  REQUIRE(d.items().size() == 1);
  CHECK(d.items()[0].code == "toml-syntax");
  CHECK(d.items()[0].loc.file == "f.toml");
  CHECK(d.items()[0].loc.line == 2);
  CHECK(d.items()[0].loc.column == 9);
  CHECK(d.items()[0].message.find("TOML syntax error") == 0);
}

// toml++ 3.3.0 reaches __builtin_unreachable() for these characters (yekuo/io/toml.hpp). In a
// constant expression that is a compile error, so these lines fail the build without the fix.
static_assert(!toml::impl::is_non_ascii_horizontal_whitespace(U'\u3001')); // 、
static_assert(!toml::impl::is_non_ascii_horizontal_whitespace(U'\uFF0C')); // ，
static_assert(!toml::impl::is_non_ascii_horizontal_whitespace(U'\u00E9')); // é
static_assert(!toml::impl::is_non_ascii_horizontal_whitespace(U'\uFFFD'));
static_assert(toml::impl::is_non_ascii_horizontal_whitespace(U'\u3000'));  // ideographic space
static_assert(toml::impl::is_non_ascii_horizontal_whitespace(U'\u00A0'));

TEST_CASE("Chinese punctuation, fullwidth and Latin letters outside strings are syntax errors, not undefined behaviour") {
  // Each character falls in a range toml++ 3.3.0 mishandles; each must give one clean error.
  for (const std::string text : {"\xe3\x80\x81\n", "days = 5\xef\xbc\x8c\n", "\xc3\xa9 = 1\n", "a = 1 \xef\xbc\x9a\n"}) {
    CAPTURE(text);
    Diagnostics d;
    CHECK_FALSE(io::parse_toml(text, "f.toml", d).has_value());
    REQUIRE(d.items().size() == 1);
    CHECK(d.items()[0].code == "toml-syntax");
  }
  // Inside a multi-line string, after a line-ending backslash, 。 is text and the file is valid.
  Diagnostics d;
  const auto parsed = io::parse_toml("a = \"\"\"x\\\n  \xe3\x80\x82\"\"\"\n", "f.toml", d);
  REQUIRE(parsed.has_value());
  CHECK(parsed->root["a"].value_or(std::string{}) == "x\xe3\x80\x82");
}

TEST_CASE("load_project_file keeps the text for quoting and reports unreadable files") {
  TempDir dir;
  const std::string content = "schema = 1\nfoo = 1\n";
  Diagnostics d;
  const auto loaded = io::load_project_file(dir.write("p.toml", content), d);
  CHECK_FALSE(loaded.project.has_value());
  CHECK(loaded.text == content);
  CHECK(d.has_errors());
  Diagnostics d2;
  const auto none = io::load_project_file((dir.path / "missing.toml").string(), d2);
  CHECK_FALSE(none.project.has_value());
  CHECK(none.text.empty());
  REQUIRE(d2.items().size() == 1);
  CHECK(d2.items()[0].code == "unreadable-file");
}

}
