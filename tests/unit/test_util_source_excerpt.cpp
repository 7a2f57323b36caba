#include <yekuo/util/source_excerpt.hpp>

#include <doctest/doctest.h>

using namespace yekuo;

TEST_SUITE("util::source_excerpt") {

TEST_CASE("SourceText splits lines without their line breaks") {
  const SourceText s("a = 1\r\nb = 2\n\nc = 3\n");
  CHECK(s.line_count() == 4);
  CHECK(s.line(1) == "a = 1");
  CHECK(s.line(2) == "b = 2");
  CHECK(s.line(3).empty());
  CHECK(s.line(4) == "c = 3");
  CHECK(s.line(5).empty());
  CHECK(s.line(0).empty());
  CHECK(SourceText("x").line_count() == 1);
  CHECK(SourceText("x").line(1) == "x");
}

TEST_CASE("the caret sits under the column") {
  CHECK(source_excerpt("after = [\"negotate\"]", 7, 10) == "  7 | after = [\"negotate\"]\n"
                                                            "    |          ^\n");
}

TEST_CASE("a Chinese character before the column takes two terminal columns") {
  // Column 9 (code points) is the x after `名 = "中文" `.
  CHECK(source_excerpt("名 = \"中文\" x", 12, 10) == "  12 | 名 = \"中文\" x\n"
                                                     "     |             ^\n");
}

TEST_CASE("tabs are kept in the caret line so the caret lines up") {
  CHECK(source_excerpt("\tx = 1", 1, 2) == "  1 | \tx = 1\n    | \t^\n");
}

TEST_CASE("control bytes and invalid UTF-8 are shown as a replacement character") {
  CHECK(source_excerpt(std::string("a\x01\xff", 3), 1, 3) == "  1 | a\xEF\xBF\xBD\xEF\xBF\xBD\n    |   ^\n");
}

TEST_CASE("a long line is cut around the column") {
  const std::string line = std::string(200, 'a') + "X" + std::string(200, 'b');
  const auto out = source_excerpt(line, 1, 201);
  CHECK(out.find("...") != std::string::npos);
  CHECK(out.size() < 400);
  // The caret is under the X.
  const auto first_line_end = out.find('\n');
  const auto x = out.find('X');
  const auto caret = out.find('^');
  CHECK(caret - (first_line_end + 1) == x);
}

TEST_CASE("a diagnostic is followed by its source line") {
  const SourceText s("schema = 1\nfoo = 2\n");
  Diagnostics sink;
  sink.error("unknown-key", SourceLoc{"f.toml", 2, 1}, "unknown key \"foo\"", "remove it");
  sink.error("unreadable-file", SourceLoc{"f.toml", 0, 0}, "no such file");
  const Diagnostic& d = sink.items().at(0);
  const Diagnostic& no_line = sink.items().at(1);
  CHECK(format_diagnostic_with_source(d, s) == "f.toml:2:1: error: unknown key \"foo\" [unknown-key]\n"
                                               "  hint: remove it\n"
                                               "  2 | foo = 2\n"
                                               "    | ^\n");
  CHECK(format_diagnostic_with_source(no_line, s) == "f.toml: error: no such file [unreadable-file]\n");
}

}
