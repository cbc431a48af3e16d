// The JSONL writer's string escaping (sixteen or eight bytes a step) against nlohmann's dump,
// which defines the accord/1 bytes: every byte value, valid and broken UTF-8, at every position
// of strings longer and shorter than a step.
#include "pipeline/sinks/json_string.h"

#include <charconv>
#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace accord {
namespace {

std::string Reference(const std::string& s) {
  return nlohmann::ordered_json(s).dump(-1, ' ', false,
                                        nlohmann::ordered_json::error_handler_t::replace);
}

std::string Escaped(const std::string& s) {
  std::string out = "prefix";  // appends, leaving what is there
  AppendJsonString(s, out);
  EXPECT_EQ(out.substr(0, 6), "prefix");
  return out.substr(6);
}

// Pieces that are special to the escaper or to UTF-8 validation.
const std::vector<std::string> kPieces = {
    "\"", "\\", "\n", "\t", "\r", "\b", "\f", std::string(1, '\0'), "\x01", "\x1f", "\x7f", " ",
    "/", "a", "~", "\xc3\xa9",           // é
    "\xe2\x80\x9c",                      // “
    "\xf0\x9f\x99\x82",                  // 🙂
    "\xc0\xaf",                          // overlong '/'
    "\xe0\x80\xaf",                      // overlong, three bytes
    "\xed\xa0\x80",                      // a surrogate
    "\xf4\x90\x80\x80",                  // past U+10FFFF
    "\xc3",                              // truncated
    "\xe2\x80",                          // truncated
    "\x80",                              // stray continuation byte
    "\xff", "\xfe",
};

TEST(JsonStringTest, EveryByteAloneAndInsideWords) {
  for (int b = 0; b < 256; ++b) {
    const std::string c(1, static_cast<char>(b));
    for (size_t before = 0; before <= 33; ++before) {
      for (size_t after : {0, 1, 7, 8, 9, 15, 16, 17}) {
        const std::string s = std::string(before, 'x') + c + std::string(after, 'y');
        ASSERT_EQ(Escaped(s), Reference(s)) << "byte " << b << " at " << before;
      }
    }
  }
}

TEST(JsonStringTest, SpecialPiecesAtEveryAlignment) {
  for (const std::string& piece : kPieces) {
    for (const std::string& other : kPieces) {
      for (size_t before = 0; before <= 17; ++before) {
        for (size_t gap : {0, 3, 8, 16}) {
          const std::string s =
              std::string(before, 'a') + piece + std::string(gap, 'b') + other + "tail";
          ASSERT_EQ(Escaped(s), Reference(s)) << s;
        }
      }
    }
  }
}

TEST(JsonStringTest, RandomStringsOfPieces) {
  std::mt19937 rng(7);
  for (int n = 0; n < 20000; ++n) {
    std::string s;
    const int parts = static_cast<int>(rng() % 12);
    for (int k = 0; k < parts; ++k) {
      if (rng() % 3 == 0) s += kPieces[rng() % kPieces.size()];
      else s += std::string(rng() % 12, static_cast<char>('A' + rng() % 26));
    }
    ASSERT_EQ(Escaped(s), Reference(s)) << s;
  }
}

// WriteJsonStringContent stores whole words: it must stay inside JsonStringContentBound, also for
// strings shorter than a word and for strings that are all escapes.
TEST(JsonStringTest, ContentStaysWithinItsBound) {
  std::mt19937 rng(11);
  for (int n = 0; n < 20000; ++n) {
    std::string s;
    const size_t size = rng() % 40;
    const bool escapes = rng() % 2 == 0;
    for (size_t k = 0; k < size; ++k) {
      if (escapes) s += static_cast<char>(rng() % 0x20);
      else if (rng() % 4 == 0) s += kPieces[rng() % kPieces.size()];
      else s += static_cast<char>('a' + rng() % 26);
    }
    const size_t bound = JsonStringContentBound(s.size());
    std::vector<char> buffer(bound + 16, '#');
    char* end = WriteJsonStringContent(s, buffer.data());
    const std::string reference = Reference(s);
    ASSERT_EQ(std::string(buffer.data(), end), reference.substr(1, reference.size() - 2)) << s;
    ASSERT_LE(static_cast<size_t>(end - buffer.data()), bound);
    for (size_t k = bound; k < buffer.size(); ++k) ASSERT_EQ(buffer[k], '#') << s;
  }
}

// Strings under eight bytes are written byte by byte where they need no escape, else by the
// block scan: both against the reference, for every length, with a special byte at every place.
TEST(JsonStringTest, ShortStringsByteByByteAndByBlocks) {
  const std::string specials[] = {"\"", "\\", "\n", std::string(1, '\0'), "\x1f", "\x7f",
                                  "\xc3\xa9", "\xff", " ", "~"};
  for (size_t size = 0; size < 10; ++size) {
    for (size_t at = 0; at <= size; ++at) {
      for (const std::string& special : specials) {
        std::string s(size, 'q');
        if (at < size) s.replace(at, 1, special);
        const std::string reference = Reference(s);
        std::vector<char> short_path(JsonStringContentBound(s.size()));
        std::vector<char> blocks(JsonStringContentBound(s.size()));
        const std::string by_short(short_path.data(), WriteJsonStringContent(s, short_path.data()));
        const std::string by_blocks(
            blocks.data(), json_string_internal::WriteContentByBlocks(s, blocks.data()));
        ASSERT_EQ(by_short, reference.substr(1, reference.size() - 2)) << s;
        ASSERT_EQ(by_blocks, by_short) << s;
      }
    }
  }
}

// Numbers two digits a step against std::to_chars: every number below two million (past each
// change of length the fast steps cover) and random ones of every size.
TEST(JsonStringTest, UnsignedNumbersAsToChars) {
  auto check = [](uint64_t n) {
    char got[20], want[20];
    const std::string_view written(got, WriteJsonUnsigned(n, got) - got);
    const std::string_view expected(want, std::to_chars(want, want + 20, n).ptr - want);
    ASSERT_EQ(written, expected);
  };
  for (uint64_t n = 0; n < 2000000; ++n) check(n);
  std::mt19937_64 rng(13);
  for (int k = 0; k < 100000; ++k) check(rng() >> (rng() % 64));
  check(~uint64_t{0});
}

TEST(JsonStringTest, Examples) {
  EXPECT_EQ(Escaped(""), "\"\"");
  EXPECT_EQ(Escaped("plain ASCII text"), "\"plain ASCII text\"");
  EXPECT_EQ(Escaped("a\"b\\c\nd\x01"), "\"a\\\"b\\\\c\\nd\\u0001\"");
  EXPECT_EQ(Escaped("Zürich"), "\"Zürich\"");
  EXPECT_EQ(Escaped("bad \xff byte"), "\"bad \xef\xbf\xbd byte\"");  // U+FFFD
}

}  // namespace
}  // namespace accord
