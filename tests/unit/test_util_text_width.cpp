#include <yekuo/util/text_width.hpp>

#include <doctest/doctest.h>
#include <random>
#include <string>

using namespace yekuo;

TEST_SUITE("util::text_width") {
  TEST_CASE("ASCII counts one cell per character") {
    CHECK(text_width("") == 0);
    CHECK(text_width("abc 123") == 7);
  }

  TEST_CASE("CJK ideographs, CJK punctuation and fullwidth forms count two cells") {
    CHECK(text_width("中文") == 4);
    CHECK(text_width("客户确认（签字）：") == 18); // 4 ideographs + （）： fullwidth
    CHECK(text_width("、。「」") == 8);
    CHECK(text_width("ＡＢ１") == 6); // fullwidth Latin and digit
    CHECK(text_width("한국") == 4);    // Hangul syllables
    CHECK(text_width("\xF0\x9F\x98\x80") == 2); // U+1F600 grinning face
    CHECK(text_width("\xF0\xA0\x80\x80") == 2); // U+20000 CJK extension B
  }

  TEST_CASE("mixed Chinese and ASCII adds up per character") {
    // "110千伏新装" = 3 ASCII + 4 ideographs.
    CHECK(text_width("110千伏新装") == 3 + 8);
    CHECK(text_width("WX-2010-0117 某电子") == 13 + 6);
  }

  TEST_CASE("combining marks, zero-width characters and controls take no cells") {
    CHECK(text_width("e\xCC\x81") == 1);           // e + U+0301 combining acute
    CHECK(text_width("a\xE2\x80\x8B" "b") == 2);    // U+200B zero-width space
    CHECK(text_width("\xEF\xBB\xBF" "x") == 1);     // BOM
    CHECK(text_width("a\tb\nc\x1b") == 3);          // control characters
    CHECK(text_width("\xEF\xB8\x8F") == 0);         // variation selector 16
  }

  TEST_CASE("ambiguous-width characters count one cell") {
    CHECK(text_width("…") == 1);
    CHECK(text_width("─") == 1);
  }

  TEST_CASE("each invalid byte counts as one replacement character") {
    CHECK(text_width("\xFF") == 1);
    CHECK(text_width("a\xC3") == 2);                // truncated 2-byte sequence
    CHECK(text_width("\xE4\xB8") == 2);             // truncated ideograph: two bad bytes
    CHECK(text_width("\xC0\xAF") == 2);             // overlong '/'
    CHECK(text_width("\xED\xA0\x80") == 3);         // UTF-16 surrogate
    CHECK(text_width("\xF4\x90\x80\x80") == 4);     // above U+10FFFF
  }

  TEST_CASE("decode_utf8 never reads past the end") {
    const std::string s = "\xE4\xB8\xAD";
    const auto c = decode_utf8(std::string_view(s.data(), 2), 0);
    CHECK_FALSE(c.valid);
    CHECK(c.length == 1);
    CHECK(c.code_point == 0xFFFD);
    const auto ok = decode_utf8(s, 0);
    CHECK(ok.valid);
    CHECK(ok.code_point == 0x4E2D);
    CHECK(ok.length == 3);
  }

  TEST_CASE("sanitize_utf8 keeps valid text and replaces each bad byte") {
    CHECK(sanitize_utf8("中文 ok") == "中文 ok");
    CHECK(sanitize_utf8("a\xFF" "b") == "a\xEF\xBF\xBD" "b");
    CHECK(sanitize_utf8("\xE4\xB8") == "\xEF\xBF\xBD\xEF\xBF\xBD");
    CHECK(is_valid_utf8("中文"));
    CHECK_FALSE(is_valid_utf8("\xC0\x80"));
  }

  TEST_CASE("pad_to_width pads by display width, not bytes") {
    CHECK(pad_to_width("中文", 6) == "中文  ");
    CHECK(pad_to_width("中文", 6, TextAlign::right) == "  中文");
    CHECK(pad_to_width("中", 5, TextAlign::center) == " 中  ");
    CHECK(pad_to_width("abc", 2) == "abc"); // never cuts
    CHECK(text_width(pad_to_width("客户a", 9)) == 9);
  }

  TEST_CASE("truncate_to_width never splits a character") {
    CHECK(truncate_to_width("abcdef", 4) == "abc…");
    CHECK(truncate_to_width("abc", 3) == "abc");
    // 4 cells: ellipsis takes 1, so 3 cells remain: one ideograph (2), the next would not fit.
    CHECK(truncate_to_width("中文字符", 4) == "中…");
    CHECK(text_width(truncate_to_width("中文字符", 5)) == 5);
    CHECK(truncate_to_width("abcdef", 3, "...") == "...");
    CHECK(truncate_to_width("abcdef", 2, "...") == "..");
  }

  TEST_CASE("random bytes never crash and sanitize to valid UTF-8") {
    std::mt19937 rng(20100528);
    std::uniform_int_distribution<int> byte(0, 255);
    std::uniform_int_distribution<int> len(0, 40);
    for (int round = 0; round < 2000; ++round) {
      std::string s;
      const int n = len(rng);
      for (int i = 0; i < n; ++i) s.push_back(static_cast<char>(byte(rng)));
      const std::string clean = sanitize_utf8(s);
      REQUIRE(is_valid_utf8(clean));
      CHECK(text_width(clean) == text_width(s));
      CHECK(text_width(pad_to_width(s, 50)) == std::max<std::size_t>(50, text_width(s)));
      CHECK(text_width(truncate_to_width(s, 10)) <= 10);
    }
  }
}
