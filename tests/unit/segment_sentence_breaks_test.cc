// The scan of pipeline/segment/sentence_breaks.h against ICU's sentence break iterator: written
// cases, then many random texts drawn from pieces of every Sentence_Break class.
#include "pipeline/segment/sentence_breaks.h"

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

namespace accord {
namespace {

std::string Show(const std::vector<uint32_t>& v) {
  std::string s;
  for (uint32_t b : v) s += std::to_string(b) + " ";
  return s;
}

class SentenceBreaksTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto b = SentenceBreaker::Create();
    ASSERT_TRUE(b.ok()) << b.status().ToString();
    breaker_ = std::move(b).value();
  }

  // Expects Breaks() to give ICU's boundaries; returns whether the scan decided alone.
  bool ExpectSameAsIcu(const std::string& text) {
    std::vector<uint32_t> icu, breaks, scan;
    breaker_->IcuBreaks(text, icu);
    breaker_->Breaks(text, breaks);
    EXPECT_EQ(Show(breaks), Show(icu)) << "text: \"" << text << "\"";
    const bool scanned = SentenceBreaker::ScanBreaks(text, scan);
    if (scanned) {
      EXPECT_EQ(Show(scan), Show(icu)) << "text: \"" << text << "\"";
    }
    return scanned;
  }

  std::unique_ptr<SentenceBreaker> breaker_;
};

struct Case {
  const char* what;
  const char* text;
  bool scanned;  // decided without ICU
};

const Case kCases[] = {
    {"plain", "It rained. Then it stopped! Why? Nobody knows", true},
    {"empty", "", true},
    {"only a terminator", ".", true},
    {"starts with terminators", ". A. ?! B", true},
    {"abbreviation", "Mr. Smith met Sen. Jones and Gen. Lee.", true},
    {"lower case after period", "It was Jan. 5 when etc. and so on. He left", true},
    {"decimal", "Prices rose 3.5 percent. Then 4.25.", true},
    {"initials", "By David E. Sanger and J.R.R. Tolkien.", true},
    {"dotted initialism", "He moved to the U.S. The firm followed U.S.A. rules.", true},
    {"no space after period", "It ended.Then x.Y and 1.Z and .A", true},
    {"quotes", "He said \"no.\" She left. 'Why?' he asked. (Really.) Yes.", true},
    {"curly quotes", "He said \u201Cno.\u201D She left. \u2018Why?\u2019 he asked.", true},
    {"ellipsis", "Wait... what? Well\u2026 fine. And . . . then", true},
    {"numbers after", "See item 3. 4 more. No. 5 is it. Page 10.", true},
    {"lower after brackets", "e.g. (a list) and i.e. [b] then. \"c\" too.", true},
    {"continue marks", "One., two.; three.: four.- five, six.\u2014 seven", true},
    {"paragraphs", "Title\n\nBody one.\nBody two\r\nBody three\rEnd", true},
    {"separators", "One\u2028Two\u2029Three\u0085Four", true},
    {"terminator before separator", "Done.\nNext.  \n\nLast!\r\n", true},
    {"spaces and tabs", "Done.\t\tNext. \u00A0Then. \u3000Fin", true},
    {"non-ASCII letters", "\u00C9l dijo. \u00C9xito. Telef\u00F3nica S.A. \u00E9ste.", true},
    {"other letters", "\u4E2D\u6587\u3002\u4E2D\u6587\uFF01\u65E5\u672C. \u65E5", true},
    {"em dash", "He left \u2014 quickly. \u2014 Then.", true},
    {"guillemets", "\u00ABOui.\u00BB Non. \u00BBA\u00AB.", true},
    {"combining mark", "Cafe\u0301. Next one.", false},
    {"soft hyphen", "Week\u00ADend. Next one.", false},
    {"zero width joiner", "A.\u200D B. C.", false},
    {"ill-formed UTF-8", "Bad \xC3. Next \xFF one.", false},
};

TEST_F(SentenceBreaksTest, WrittenCases) {
  for (const Case& c : kCases)
    EXPECT_EQ(ExpectSameAsIcu(c.text), c.scanned) << c.what << ": " << c.text;
}

// Pieces of every Sentence_Break class, ASCII and not, and short words.
const char* const kPieces[] = {
    // Lower, Upper, OLetter, Numeric
    "a", "b", "z", "A", "B", "Z", "Mr", "U", "e", "g", "\u00E9", "\u00C9", "\u00DF", "\u01C5",
    "\u00AA", "\u4E2D", "\u05D0", "\u02B0", "0", "1", "9", "\u0663",
    // ATerm, STerm
    ".", ".", ".", "?", "!", "\u2024", "\uFE52", "\u3002", "\u203C", "\uFF01", "\u0589",
    // Close
    "(", ")", "\"", "'", "[", "]", "\u201C", "\u201D", "\u2018", "\u2019", "\u00AB", "\u00BB",
    // Sp
    " ", " ", " ", "\t", "\u00A0", "\u2003", "\u3000",
    // Sep, CR, LF
    "\n", "\n", "\r", "\r\n", "\u2028", "\u2029", "\u0085",
    // SContinue
    ",", ";", ":", "-", "\u2013", "\u3001", "\uFF0C",
    // Other
    "$", "%", "&", "*", "/", "@", "_", "\u2014", "\u2026", "\u20AC", "#",
};

TEST_F(SentenceBreaksTest, RandomTextsAgreeWithIcu) {
  std::mt19937 rng(20240607);
  std::uniform_int_distribution<size_t> piece(0, std::size(kPieces) - 1);
  std::uniform_int_distribution<int> length(1, 24);
  int scanned = 0;
  constexpr int kTexts = 100000;
  for (int t = 0; t < kTexts; ++t) {
    std::string text;
    for (int k = length(rng); k > 0; --k) text += kPieces[piece(rng)];
    scanned += ExpectSameAsIcu(text);
    if (HasFailure()) break;
  }
  EXPECT_EQ(scanned, kTexts);  // no piece is one the scan leaves to ICU
}

// Sentences of mail text: words, abbreviations, initials and numbers between terminators.
const char* const kWords[] = {
    "the",  "The",   "U.S.", "U.S",  "Mr.",  "Dr",   "Inc.",  "e.g.", "i.e.", "3.5",  "1990",
    "No.",  "Jan.",  "A.",   "a.",   "E",    "etc.", "NATO", "it's", "O'Brien", "\u00C9l",
    "caf\u00E9", "\u2014", "--", "...", "(",    ")",    "\"",    "\u201C", "\u201D", ",", ":",
    ".",    "?",     "!",    "?!",   ".)",   ".\"",  "\n",    "\n\n", "  ",   "\r\n",
};

TEST_F(SentenceBreaksTest, RandomSentencesAgreeWithIcu) {
  std::mt19937 rng(7);
  std::uniform_int_distribution<size_t> word(0, std::size(kWords) - 1);
  std::uniform_int_distribution<int> length(1, 40);
  std::uniform_int_distribution<int> space(0, 3);
  for (int t = 0; t < 50000 && !HasFailure(); ++t) {
    std::string text;
    for (int k = length(rng); k > 0; --k) {
      text += kWords[word(rng)];
      if (space(rng) != 0) text += ' ';
    }
    EXPECT_TRUE(ExpectSameAsIcu(text));
  }
}


// Long plain stretches (the scan skips them sixteen bytes at a time) between pieces of every
// class, so that a stop byte stands at every place of a sixteen-byte step.
TEST_F(SentenceBreaksTest, LongPlainStretchesAgreeWithIcu) {
  std::mt19937 rng(31);
  std::uniform_int_distribution<size_t> piece(0, std::size(kPieces) - 1);
  std::uniform_int_distribution<int> stretch(0, 50);
  for (int t = 0; t < 20000 && !HasFailure(); ++t) {
    std::string text;
    for (int k = 1 + static_cast<int>(rng() % 6); k > 0; --k) {
      for (int n = stretch(rng); n > 0; --n) text += "ab cD, 9)"[rng() % 9];
      text += kPieces[piece(rng)];
    }
    EXPECT_TRUE(ExpectSameAsIcu(text));
  }
}

}  // namespace
}  // namespace accord
