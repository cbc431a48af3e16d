// The normalizer's rules (pipeline/normalize/normalizer.h), one named example each, and the
// offset map: every normalized span maps back to the raw bytes it came from.
#include "pipeline/normalize/normalizer.h"

#include <gtest/gtest.h>

#include <iterator>
#include <random>
#include <string>

#include "pipeline/normalize/ascii_run.h"
#include "pipeline/normalize/normalize_stage.h"

namespace accord {
namespace {

struct Case {
  const char* rule;
  const char* raw;
  bool quoted;
  const char* norm;
};

const Case kCases[] = {
    {"unwrap-lines", "The United \nNations said", false, "The United Nations said"},
    {"unwrap-lines", "one\n   two\r\nthree", false, "one two three"},
    {"paragraph-break", "First para.\n\nSecond para.", false, "First para.\n\nSecond para."},
    {"paragraph-break", "First.\n \n\n  \nSecond.", false, "First.\n\nSecond."},
    {"quote-prefix", "> The United\n> Nations said\n>\n> Next.", true,
     "The United Nations said\n\nNext."},
    {"quote-prefix", ">> nested\n> > quote", true, "nested quote"},
    {"quote-prefix", "> not a quoted zone", false, "> not a quoted zone"},
    {"hyphen-at-break", "a recently-\nsplit firm", false, "a recently-split firm"},
    {"hyphen-at-break", "Hewlett-\n  Packard", false, "Hewlett-Packard"},
    {"hyphen-at-break", "he said --\nno", false, "he said -- no"},
    {"hyphen-at-break", "manu\xC2\xAD\nfacturer", false, "manufacturer"},
    {"collapse-spaces", "New  \t York", false, "New York"},
    {"fold-quotes", "\xE2\x80\x9CIt\xE2\x80\x99s\xE2\x80\x9D", false, "\"It's\""},
    {"fold-quotes", "wait\xE2\x80\xA6", false, "wait..."},
    {"fold-spaces", "New\xC2\xA0York", false, "New York"},
    {"drop-invisible", "co\xC2\xADoperate\xE2\x80\x8B", false, "cooperate"},
    {"nfc", "Jose\xCC\x81", false, "Jos\xC3\xA9"},
    {"nfc", "Telef\xC3\xB3nica", false, "Telef\xC3\xB3nica"},
    {"nfkc-safe", "\xEF\xAC\x81le \xEF\xBC\xA1", false, "file A"},
    {"nfkc-safe", "\xC2\xBD", false, "\xC2\xBD"},  // not folded: ½ would become 1⁄2
    {"trim", "  \n\n  only  \n\n ", false, "only"},
};

TEST(NormalizeTest, Rules) {
  for (const Case& c : kCases) {
    NormalizedText out;
    NormalizeOptions options;
    options.quoted = c.quoted;
    std::string raw = c.raw;
    NormalizeSpan(raw, 0, static_cast<uint32_t>(raw.size()), options, out);
    EXPECT_EQ(out.text(), c.norm) << c.rule << ": " << c.raw;
  }
}

// An entity found on the normalized text maps back to raw bytes that begin and end on name
// characters, with the raw line break and quote prefix inside.
TEST(NormalizeTest, SpanMapsBackToRaw) {
  const std::string raw = "Said the United \n> Nations yesterday.";
  NormalizedText out;
  NormalizeSpan(raw, 0, static_cast<uint32_t>(raw.size()), NormalizeOptions{.quoted = true, .separator = {}, .separator_raw_begin = 0}, out);
  const size_t b = out.text().find("United Nations");
  ASSERT_NE(b, std::string::npos);
  auto [rb, re] = out.ToRaw(static_cast<uint32_t>(b), static_cast<uint32_t>(b + 14));
  EXPECT_EQ(raw.substr(rb, re - rb), "United \n> Nations");
}

TEST(NormalizeTest, FoldedCharacterMapsToWholeRawCharacter) {
  const std::string raw = "Smith\xE2\x80\x99s";
  NormalizedText out;
  NormalizeSpan(raw, 0, static_cast<uint32_t>(raw.size()), {}, out);
  ASSERT_EQ(out.text(), "Smith's");
  auto [rb, re] = out.ToRaw(5, 7);
  EXPECT_EQ(raw.substr(rb, re - rb), "\xE2\x80\x99s");
}

// Every normalized byte maps into the span, monotonically.
TEST(NormalizeTest, MapIsMonotoneAndInsideSpan) {
  const std::string raw =
      "x\n> Le \xE2\x80\x9Cpr\xC3\xA9sident\xE2\x80\x9D  Jose\xCC\x81\n>\n>\xC2\xA0 fin-\n> al";
  NormalizedText out;
  NormalizeSpan(raw, 2, static_cast<uint32_t>(raw.size()), NormalizeOptions{.quoted = true, .separator = {}, .separator_raw_begin = 0}, out);
  ASSERT_GT(out.size(), 0u);
  uint32_t last = 0;
  for (uint32_t i = 0; i < out.size(); ++i) {
    EXPECT_GE(out.RawBegin(i), 2u);
    EXPECT_LE(out.RawEnd(i), raw.size());
    EXPECT_LE(out.RawBegin(i), out.RawEnd(i));
    EXPECT_GE(out.RawBegin(i), last);
    last = out.RawBegin(i);
  }
}

TEST(NormalizeStageTest, ArticleZonesJoinedByParagraphBreaks) {
  Document doc;
  doc.text = "Fwd from a friend\n\nTitle Here\n\nBy Jane Roe\n\nBody text\nwrapped.\n-- \nsig";
  auto at = [&](std::string_view s) {
    const uint32_t b = static_cast<uint32_t>(doc.text.find(s));
    return Span{b, static_cast<uint32_t>(b + s.size())};
  };
  doc.zones = {{ZoneKind::kPreamble, at("Fwd from a friend"), 0, false},
               {ZoneKind::kTitle, at("Title Here"), 0, false},
               {ZoneKind::kByline, at("By Jane Roe"), 0, false},
               {ZoneKind::kBody, at("Body text\nwrapped."), 0, false},
               {ZoneKind::kSignature, at("-- \nsig"), 0, false}};
  auto stage = MakeNormalizeStage({});
  ASSERT_TRUE(stage.ok());
  ASSERT_TRUE((*stage)->Run(doc).ok());
  EXPECT_EQ(doc.norm.text(), "Title Here\n\nBy Jane Roe\n\nBody text wrapped.");
  ASSERT_EQ(doc.norm_articles.size(), 1u);
  EXPECT_EQ(doc.norm_articles[0].first, (Span{0, static_cast<uint32_t>(doc.norm.size())}));
}

TEST(NormalizeStageTest, TwoArticlesGetTwoRanges) {
  Document doc;
  doc.text = "First story.\n\nSecond story.";
  doc.zones = {{ZoneKind::kBody, {0, 12}, 0, false}, {ZoneKind::kBody, {14, 27}, 1, false}};
  auto stage = MakeNormalizeStage({});
  ASSERT_TRUE((*stage)->Run(doc).ok());
  ASSERT_EQ(doc.norm_articles.size(), 2u);
  EXPECT_EQ(doc.norm_articles[0].first, (Span{0, 12}));
  EXPECT_EQ(doc.norm_articles[1].first, (Span{14, 27}));
  EXPECT_EQ(doc.ArticleAt(20), 1);
}

// collapse-spaces on one line, the plain way: whitespace runs (ASCII spaces and tabs, NBSP)
// become one space, dropped at both ends; everything else is copied.
std::string CollapseSpacesOneByOne(const std::string& raw) {
  std::string out;
  bool space = false;
  for (size_t i = 0; i < raw.size();) {
    const unsigned char c = raw[i];
    const size_t n = c == 0xC2 && i + 1 < raw.size() && raw[i + 1] == '\xA0' ? 2 : 1;
    if (c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v' || n == 2) {
      space = !out.empty();
    } else {
      if (space) out.push_back(' ');
      space = false;
      out.push_back(static_cast<char>(c));
    }
    i += n;
  }
  return out;
}

// The word-at-a-time scan of ASCII runs against the plain meaning of collapse-spaces, on random
// lines of words, single and double spaces, tabs, control bytes, NBSP and é, wherever they fall
// relative to the eight-byte words; every ASCII byte but a space maps back to the same raw byte.
TEST(NormalizeTest, AsciiRunsAgreeWithCollapsingOneByOne) {
  const char* pieces[] = {"a", "bc", "Word", "longerword.", " ", "  ", "\t", " \t ", "\x01",
                          "\xc3\xa9", "\xc2\xa0", "-", "\"q\""};
  std::mt19937 rng(3);
  for (int round = 0; round < 20000; ++round) {
    std::string raw;
    const int n = static_cast<int>(rng() % 16);
    for (int k = 0; k < n; ++k) raw += pieces[rng() % std::size(pieces)];
    NormalizedText out;
    NormalizeSpan(raw, 0, static_cast<uint32_t>(raw.size()), {}, out);
    ASSERT_EQ(out.text(), CollapseSpacesOneByOne(raw)) << "[" << raw << "]";
    for (uint32_t i = 0; i < out.size(); ++i) {
      const unsigned char c = out.text()[i];
      if (c == ' ' || c >= 0x80) continue;
      ASSERT_EQ(raw[out.RawBegin(i)], static_cast<char>(c)) << "[" << raw << "] byte " << i;
    }
  }
}

// The end of an ASCII run a byte at a time, as the header defines it.
size_t PlainAsciiRunEnd(std::string_view raw, size_t j, size_t t) {
  for (; j < t; ++j) {
    const unsigned char c = raw[j];
    if (c >= 0x80 || c == '\t' || c == '\r' || c == '\f' || c == '\v') return j;
    if (c == ' ') {
      if (j + 1 >= t) return j;
      const unsigned char after = raw[j + 1];
      if (after >= 0x80 || normalize::IsAsciiSpace(after)) return j;
    }
  }
  return t;
}

// The word-at-a-time run scan against the byte-at-a-time definition: random lines of letters,
// single and double spaces, tabs, control bytes, DEL and UTF-8, from every start and end.
TEST(AsciiRunTest, EndAgreesWithTheByteByByteDefinition) {
  const std::string pieces[] = {"a", "Z", "word", " ", "  ", "\t", "\r", "\f", "\v", "\x01",
                                "\x1f", "\x7f", "!", "\xc3\xa9", "\xe2\x80\x9c", "\n"};
  std::mt19937 rng(3);
  for (int round = 0; round < 3000; ++round) {
    std::string raw;
    const size_t parts = rng() % 30;
    for (size_t k = 0; k < parts; ++k) {
      const size_t pick = rng() % 8 == 0 ? rng() % std::size(pieces) : rng() % 4;
      raw += pieces[pick];
      if (rng() % 2) raw += ' ';
    }
    for (size_t t = 0; t <= raw.size(); t += 1 + rng() % 3)
      for (size_t j = 0; j <= t; ++j)
        ASSERT_EQ(normalize::AsciiRunEnd(raw, j, t), PlainAsciiRunEnd(raw, j, t))
            << "raw \"" << raw << "\" j " << j << " t " << t;
  }
}

}  // namespace
}  // namespace accord
