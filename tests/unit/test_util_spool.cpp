#include <yekuo/util/error.hpp>
#include <yekuo/util/spool.hpp>

#include <doctest/doctest.h>
#include <string>

using yekuo::Spool;

namespace {

std::string replayed(const Spool& spool) {
  std::string out;
  spool.replay([&](std::string_view piece) { out += piece; });
  return out;
}

std::string numbered(std::size_t n) {
  std::string s;
  for (std::size_t i = 0; i < n; ++i) s += static_cast<char>('a' + i % 26);
  return s;
}

} // namespace

TEST_SUITE("Spool") {
  TEST_CASE("a small spool stays in memory and gives back what was written") {
    Spool spool;
    spool.write("abc");
    spool.write("");
    spool.write("defg");
    CHECK_FALSE(spool.on_disk());
    CHECK(spool.size() == 7);
    CHECK(replayed(spool) == "abcdefg");
    std::string out;
    spool.read(2, 3, out);
    CHECK(out == "cde");
  }

  TEST_CASE("past its memory limit it moves to a temporary file; reads cross the file and the buffer") {
    Spool spool(16);
    const std::string text = numbered(200'000); // more than the file buffer
    for (std::size_t at = 0; at < text.size(); at += 7) spool.write(std::string_view(text).substr(at, 7));
    CHECK(spool.on_disk());
    CHECK(spool.size() == text.size());
    CHECK(replayed(spool) == text);
    std::string out;
    for (const std::size_t at : {std::size_t{0}, std::size_t{15}, std::size_t{65'530}, std::size_t{131'070}, text.size() - 9}) {
      spool.read(at, 9, out);
      CHECK(out == text.substr(at, 9));
    }
    spool.read(0, text.size(), out);
    CHECK(out == text);
    spool.write("tail");
    spool.read(text.size(), 4, out);
    CHECK(out == "tail");
  }

  TEST_CASE("reading past the end is a bug") {
    Spool spool;
    spool.write("abc");
    std::string out;
    CHECK_THROWS_AS(spool.read(2, 2, out), yekuo::InternalError);
  }
}
