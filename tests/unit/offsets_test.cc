// The offset data structures: code points counted sixteen or eight bytes a step, and the
// run-based map from normalized bytes back to raw bytes.
#include <algorithm>
#include <random>
#include <string>

#include <gtest/gtest.h>

#include "pipeline/offset_map.h"
#include "pipeline/sinks/offsets.h"
#include "pipeline/utf8.h"

namespace accord {
namespace {

size_t CountOneByOne(std::string_view s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

TEST(CodePointCountTest, AgreesWithBytewiseCountAtEveryLengthAndAlignment) {
  const std::string text = "Zoë met the Škoda crew in Kraków — “déjà vu”, 東京 and 🙂 too.";
  for (size_t b = 0; b < text.size(); ++b)
    for (size_t e = b; e <= text.size(); ++e) {
      const std::string_view s = std::string_view(text).substr(b, e - b);
      ASSERT_EQ(utf8::CodePointCount(s), CountOneByOne(s)) << b << ".." << e;
      // The same range counted inside the text, whose bytes before it may be read.
      ASSERT_EQ(utf8::CodePointCount(text, b, e), CountOneByOne(s)) << b << ".." << e;
    }
}

// Long texts: the per-lane counters of the sixteen-byte steps are summed every 255 steps
// (4,080 bytes), so lengths around multiples of that, on many kinds of text.
TEST(CodePointCountTest, AgreesWithBytewiseCountOnLongTexts) {
  const std::string pieces[] = {"a",          " ",          "\xc3\xa9",
                                "\xe2\x80\x9c", "\xf0\x9f\x99\x82", "\xe6\x9d\xb1"};
  std::mt19937 rng(3);
  for (int round = 0; round < 40; ++round) {
    std::string text;
    const size_t kinds = 1 + round % 6;  // from ASCII only to every piece
    while (text.size() < 12100) text += pieces[rng() % kinds];
    for (size_t size : {4079, 4080, 4081, 4095, 4096, 4097, 8160, 8161, 11999}) {
      for (size_t b : {0, 1, 7}) {
        const std::string_view s = std::string_view(text).substr(b, size);
        ASSERT_EQ(utf8::CodePointCount(s), CountOneByOne(s)) << round << " " << size << " " << b;
        ASSERT_EQ(utf8::CodePointCount(text, b, b + size), CountOneByOne(s)) << round << " " << b;
      }
    }
  }
}

// AsciiPrefix stops at the first byte of 0x80 or above wherever it stands (inside or after an
// eight-byte step), and takes the whole of an ASCII text.
TEST(Utf8AsciiPrefixTest, StopsAtTheFirstNonAsciiByteWhereverItStands) {
  for (size_t n = 0; n < 40; ++n) {
    const std::string ascii(n, 'a');
    EXPECT_EQ(utf8::AsciiPrefix(ascii), n);
    for (size_t at = 0; at < n; ++at) {
      std::string s = ascii;
      s[at] = static_cast<char>(at % 2 ? 0x80 : 0xC3);
      EXPECT_EQ(utf8::AsciiPrefix(s), at) << n << " " << at;
    }
  }
}

TEST(CodePointCountTest, Examples) {
  const struct { const char* text; size_t code_points; } cases[] = {
      {"", 0}, {"abc", 3}, {"abcdefgh", 8}, {"abcdefghi", 9}, {"é", 1},
      {"ééééé", 5}, {"日本語のテキスト", 8}, {"🙂🙂", 2},
  };
  for (const auto& c : cases) EXPECT_EQ(utf8::CodePointCount(c.text), c.code_points) << c.text;
}

TEST(Utf8ValidTest, BadSequencesFoundWhereverTheyStand) {
  const struct { const char* bytes; bool valid; } cases[] = {
      {"plain ASCII text, longer than one word of eight bytes", true},
      {"caf\xc3\xa9 au lait", true},
      {"caf\xc3", false},                 // cut sequence at the end
      {"\xc0\xaf", false},                // overlong
      {"\xed\xa0\x80", false},            // surrogate
      {"\xf4\x90\x80\x80", false},        // past U+10FFFF
      {"abc\x80" "def", false},              // lone continuation byte
  };
  for (const auto& c : cases) {
    EXPECT_EQ(utf8::IsValid(c.bytes), c.valid) << c.bytes;
    // The same bytes after every ASCII prefix length, so that they fall at every alignment.
    for (int pad = 1; pad <= 33; ++pad)
      EXPECT_EQ(utf8::IsValid(std::string(pad, 'x') + c.bytes + std::string(pad, 'y')), c.valid)
          << c.bytes << " after " << pad;
  }
}

// The sinks' cursor (free up to the first non-ASCII byte, counting after it) against the
// per-byte index, for lookups in order, with repeats and going back, on texts whose first
// multi-byte character stands at every position.
// Ranges of up to seventeen bytes (an ASCII one of sixteen or less is counted without the call)
// from every place, ASCII and not, near the text's start and past it.
TEST(CodePointCursorTest, ShortRangesAsTheIndexSays) {
  const std::string text = "ab “déjà vu” at 東京 — plain ASCII words here, then 🙂 and Zoë again.";
  const utf8::CodePointIndex index(text);
  for (size_t b = 0; b <= text.size(); ++b) {
    if (b < text.size() && (static_cast<unsigned char>(text[b]) & 0xC0) == 0x80) continue;
    for (size_t e = b; e <= std::min(text.size(), b + 17); ++e) {
      if (e < text.size() && (static_cast<unsigned char>(text[e]) & 0xC0) == 0x80) continue;
      CodePointCursor cursor(text);
      const size_t cb = cursor.ToCodePoint(b);
      ASSERT_EQ(cb, index.ToCodePoint(b)) << b;
      ASSERT_EQ(cursor.ToCodePointFrom(b, cb, e), index.ToCodePoint(e)) << b << ".." << e;
    }
  }
}

TEST(CodePointCursorTest, AgreesWithTheIndexWhereverTheFirstNonAsciiByteStands) {
  const std::string tail = "Zoë met the Škoda crew — “déjà vu”, 東京 and 🙂 too.";
  for (size_t prefix = 0; prefix <= 20; ++prefix) {
    const std::string text = std::string(prefix, 'a') + tail;
    const utf8::CodePointIndex index(text);
    // Entities start and end between characters.
    std::vector<size_t> bounds;
    for (size_t i = 0; i <= text.size(); ++i)
      if (i == text.size() || (static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) bounds.push_back(i);
    // (start, end) pairs as the sinks ask them: starts in order, ends after them.
    std::vector<std::pair<size_t, size_t>> spans;
    for (size_t k = 0; k < bounds.size(); ++k)
      spans.push_back({bounds[k], bounds[std::min(bounds.size() - 1, k + 1 + k % 9)]});
    spans.push_back({0, text.size()});          // back to the start
    spans.push_back({prefix + 2, prefix + 4});  // the first multi-byte character
    spans.push_back({text.size(), text.size() + 5});  // past the end: clamped
    CodePointCursor cursor(text);
    for (const auto& [b, e] : spans) {
      const size_t cb = cursor.ToCodePoint(b);
      ASSERT_EQ(cb, index.ToCodePoint(std::min(b, text.size()))) << prefix << ": " << b;
      ASSERT_EQ(cursor.ToCodePointFrom(b, cb, e), index.ToCodePoint(std::min(e, text.size())))
          << prefix << ": " << b << ".." << e;
    }
  }
}

struct Piece {
  std::string text;
  uint32_t raw_begin, raw_end;  // raw_end == 0: verbatim
};

// Builds a map from pieces and checks every byte against the per-byte meaning of the calls.
void ExpectMapMatchesPieces(const std::vector<Piece>& pieces) {
  NormalizedText norm;
  std::vector<std::pair<uint32_t, uint32_t>> expected;
  for (const Piece& p : pieces) {
    if (p.raw_end == 0) {
      norm.AppendVerbatim(p.text, p.raw_begin);
      for (uint32_t i = 0; i < p.text.size(); ++i) expected.push_back({p.raw_begin + i, p.raw_begin + i + 1});
    } else {
      norm.Append(p.text, p.raw_begin, p.raw_end);
      for (size_t i = 0; i < p.text.size(); ++i) expected.push_back({p.raw_begin, p.raw_end});
    }
  }
  ASSERT_EQ(norm.size(), expected.size());
  for (uint32_t i = 0; i < expected.size(); ++i) {
    EXPECT_EQ(norm.RawBegin(i), expected[i].first) << "byte " << i;
    EXPECT_EQ(norm.RawEnd(i), expected[i].second) << "byte " << i;
  }
}

TEST(OffsetMapTest, RunsMapEveryByteAsAppended) {
  const std::vector<std::vector<Piece>> cases = {
      // "Hello world": two verbatim words and a one-byte space that continue each other.
      {{"Hello", 0, 0}, {" ", 5, 6}, {"world", 6, 0}},
      // An unwrapped line: "end  \n  next" becomes "end next" (the space stands for 5 raw bytes).
      {{"end", 10, 0}, {" ", 13, 18}, {"next", 18, 0}},
      // A folded curly quote (3 raw bytes -> 1) between verbatim runs that do not continue.
      {{"it", 0, 0}, {"'", 2, 5}, {"s", 5, 0}},
      // A verbatim piece that does not continue the previous one starts a new run.
      {{"abc", 0, 0}, {"def", 100, 0}, {"\n\n", 103, 110}, {"g", 110, 0}},
      // A ligature expanded to two bytes from three raw bytes.
      {{"of", 0, 0}, {"fi", 2, 5}, {"ce", 5, 0}},
  };
  for (const auto& pieces : cases) ExpectMapMatchesPieces(pieces);
}

// Long texts of random pieces (short and long, continuing their run or not, collapsed or one to
// one), so that runs start anywhere within and across RunAt's blocks: every byte still maps as
// appended, after a Clear too.
TEST(OffsetMapTest, RandomPiecesMapEveryByteAsAppended) {
  std::mt19937 rng(5);
  for (int round = 0; round < 200; ++round) {
    std::vector<Piece> pieces;
    uint32_t raw = rng() % 10;
    const int n = 1 + static_cast<int>(rng() % 80);
    for (int k = 0; k < n; ++k) {
      const size_t len = 1 + (rng() % 4 == 0 ? rng() % 200 : rng() % 6);
      const std::string text(len, static_cast<char>('a' + k % 26));
      if (rng() % 3 == 0) {  // collapsed: all its bytes from one raw range
        const uint32_t raw_len = 1 + rng() % 5;
        pieces.push_back({text, raw, raw + raw_len});
        raw += raw_len;
      } else {
        if (rng() % 2 == 0) raw += 1 + rng() % 3;  // a gap: a new run
        pieces.push_back({text, raw, 0});
        raw += static_cast<uint32_t>(len);
      }
    }
    ExpectMapMatchesPieces(pieces);
  }
}

TEST(OffsetMapTest, ToRawSpansRunBoundaries) {
  NormalizedText norm;
  norm.AppendVerbatim("New", 40);
  norm.Append(" ", 43, 47);  // "New\n    York"
  norm.AppendVerbatim("York", 47);
  EXPECT_EQ(norm.text(), "New York");
  EXPECT_EQ(norm.ToRaw(0, 8), (std::pair<uint32_t, uint32_t>{40, 51}));
  EXPECT_EQ(norm.ToRaw(4, 8), (std::pair<uint32_t, uint32_t>{47, 51}));
  EXPECT_EQ(norm.ToRaw(3, 4), (std::pair<uint32_t, uint32_t>{43, 47}));
  norm.Clear();
  EXPECT_EQ(norm.size(), 0u);
  norm.AppendVerbatim("x", 7);
  EXPECT_EQ(norm.ToRaw(0, 1), (std::pair<uint32_t, uint32_t>{7, 8}));
}

TEST(OffsetMapTest, WalkerAgreesWithRawBegin) {
  NormalizedText norm;
  norm.AppendVerbatim("Secretary", 3);
  norm.Append(" ", 12, 15);
  norm.AppendVerbatim("of", 15);
  norm.Append("\"", 17, 20);
  norm.AppendVerbatim("State", 20);
  NormalizedText::Walker walker(norm);
  for (uint32_t i = 0; i < norm.size(); ++i) {
    EXPECT_EQ(walker.RawBegin(i), norm.RawBegin(i)) << i;
    EXPECT_EQ(walker.RawEnd(i), norm.RawEnd(i)) << i;
  }
}

// A normalized text of every kind of run the walker's stretch searches must pass or stop at.
NormalizedText MixedRuns() {
  NormalizedText norm;
  norm.AppendVerbatim("Secretary", 3);
  norm.Append(" ", 12, 15);     // collapsed: one byte for three
  norm.AppendVerbatim("of", 15);
  norm.Append(" ", 17, 18);     // one byte for one: joins the run before it
  norm.AppendVerbatim("the", 18);
  norm.AppendVerbatim("State", 30);  // a raw gap: a new run, raw still growing
  norm.Append("\n\n", 35, 39);   // collapsed: two bytes for four
  norm.AppendVerbatim("Dept", 10);   // raw going back
  norm.Append("\"", 40, 43);
  norm.Append("\"", 43, 46);        // two collapsed runs in a row
  norm.Append("ab", 44, 50);        // collapsed, starting inside the one before
  norm.Append("c", 41, 49);         // collapsed, going back
  norm.AppendVerbatim("x", 52);
  return norm;
}

// OrderedEnd(i, limit) against its plain meaning, byte by byte: the longest stretch from i of
// bytes, of one-to-one and collapsed runs alike, whose raw starts do not go back and whose raw
// bytes end by `limit`.
TEST(OffsetMapTest, OrderedEndIsTheLongestStretchWhoseRawOffsetsDoNotGoBack) {
  const NormalizedText norm = MixedRuns();
  auto plain = [&](uint32_t i, uint64_t limit) {
    uint32_t k = i;
    for (; k < norm.size(); ++k) {
      if (norm.RawEnd(k) > limit) break;
      if (k > i && norm.RawBegin(k) < norm.RawBegin(k - 1)) break;
    }
    return k;
  };
  for (uint64_t limit : {uint64_t{0}, uint64_t{5}, uint64_t{13}, uint64_t{15}, uint64_t{17},
                         uint64_t{21}, uint64_t{32}, uint64_t{35}, uint64_t{38}, uint64_t{39},
                         uint64_t{44}, uint64_t{46}, uint64_t{50}, uint64_t{53},
                         uint64_t{1} << 32}) {
    for (uint32_t i = 0; i < norm.size(); ++i) {
      NormalizedText::Walker walker(norm);
      EXPECT_EQ(walker.OrderedEnd(i, limit), plain(i, limit)) << i << " " << limit;
      // The walker stays at byte i.
      EXPECT_EQ(walker.RawBegin(i), norm.RawBegin(i)) << i;
    }
  }
  // Asked in rising order of one walker, as the person tokenizer does.
  NormalizedText::Walker walker(norm);
  for (uint32_t i = 0; i < norm.size(); ++i)
    EXPECT_EQ(walker.OrderedEnd(i, 40), plain(i, 40)) << i;
}

// OneToOneEnd(i) against its plain meaning, byte by byte: the longest stretch from i of bytes
// that each come from the raw byte RawBegin(i) + (k - i) alone, never past i's run.
TEST(OffsetMapTest, OneToOneEndIsTheRestOfAOneToOneRun) {
  const NormalizedText norm = MixedRuns();
  auto plain = [&](uint32_t i) {
    uint32_t k = i;
    while (k < norm.size() && norm.RawEnd(k) == norm.RawBegin(k) + 1 &&
           norm.RawBegin(k) == norm.RawBegin(i) + (k - i))
      ++k;
    return k;
  };
  for (uint32_t i = 0; i < norm.size(); ++i) {
    NormalizedText::Walker walker(norm);
    EXPECT_EQ(walker.OneToOneEnd(i), plain(i)) << i;
    EXPECT_EQ(walker.RawBegin(i), norm.RawBegin(i)) << i;
  }
  // Asked in rising order of one walker, as the segment stage does.
  NormalizedText::Walker walker(norm);
  for (uint32_t i = 0; i < norm.size(); ++i) EXPECT_EQ(walker.OneToOneEnd(i), plain(i)) << i;
}

}  // namespace
}  // namespace accord
