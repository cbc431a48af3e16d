// Sentence boundaries (pipeline/segment/sentence_splitter.h) and the segment stage's flags.
#include "pipeline/segment/sentence_splitter.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <iterator>
#include <random>
#include <string>
#include <vector>

#include "pipeline/segment/segment_stage.h"
#include "pipeline/segment/tokenizer.h"
#include "pipeline/tables.h"

namespace accord {
namespace {

std::string Sentences(const SentenceSplitter& splitter, std::string_view text) {
  std::vector<Token> tokens;
  Tokenize(text, tokens);
  std::vector<Span> sentences;
  splitter.Split(text, tokens, sentences);
  std::string out;
  for (const Span& s : sentences) {
    if (!out.empty()) out += " | ";
    out.append(text.substr(s.begin, s.size()));
  }
  return out;
}

struct Case {
  const char* rule;
  const char* text;
  const char* sentences;  // joined with " | "
};

const Case kCases[] = {
    {"icu-sentence", "It rained. Then it stopped! Why?", "It rained. | Then it stopped! | Why?"},
    {"icu-sentence", "He said \"no.\" She left.", "He said \"no.\" | She left."},
    {"icu-sentence", "A Headline Without Period\n\nThe body starts.",
     "A Headline Without Period | The body starts."},
    {"abbreviation", "Mr. Smith met Sen. Jones and Gen. Lee.", "Mr. Smith met Sen. Jones and Gen. Lee."},
    {"abbreviation", "It was Jan. 5 when Dr. Who came.", "It was Jan. 5 when Dr. Who came."},
    {"initial", "By David E. Sanger and John Q. Public.", "By David E. Sanger and John Q. Public."},
    {"dotted-initialism", "The N.S.A. Director spoke. U.S. Officials agreed.",
     "The N.S.A. Director spoke. | U.S. Officials agreed."},
    {"dotted-initialism", "He moved to the U.S. The firm followed.",
     "He moved to the U.S. | The firm followed."},
    {"paragraph", "Talks with Mr.\n\nNext paragraph.", "Talks with Mr. | Next paragraph."},
};

TEST(SentenceSplitterTest, Rules) {
  auto splitter = SentenceSplitter::Create();
  ASSERT_TRUE(splitter.ok()) << splitter.status().ToString();
  for (const Case& c : kCases)
    EXPECT_EQ(Sentences(**splitter, c.text), c.sentences) << c.rule << ": " << c.text;
}

// Every listed abbreviation (through the splitter's quick test and its set) keeps the break
// after its period away, in any case the table writes it; a word of no list does not.
TEST(SentenceSplitterTest, EveryListedAbbreviationKeepsItsPeriod) {
  auto splitter = SentenceSplitter::Create();
  ASSERT_TRUE(splitter.ok()) << splitter.status().ToString();
  auto table = LoadTable("pipeline/segment/data/abbreviations.tsv", 2);
  ASSERT_TRUE(table.ok()) << table.status().ToString();
  size_t checked = 0;
  for (const TableRow& row : table->rows) {
    const std::string abbreviation(row.fields[0]);
    if (abbreviation.find('.') != std::string::npos) continue;  // "e.g": the dotted-initialism rule
    const std::string text = "They saw " + abbreviation + ". Then it rained.";
    EXPECT_EQ(Sentences(**splitter, text), text) << abbreviation;
    ++checked;
  }
  EXPECT_GT(checked, 40u);
  EXPECT_EQ(Sentences(**splitter, "They saw rain. Then it rained."), "They saw rain. | Then it rained.");
}

TEST(SegmentStageTest, SentenceAndLineStartFlags) {
  Document doc;
  doc.text = "> Talks ended. Nobody\n> won.\n";
  doc.zones = {{ZoneKind::kBody, {0, static_cast<uint32_t>(doc.text.size())}, 0, true}};
  // Normalize by hand the way the normalize stage does: drop "> ", unwrap.
  doc.norm.AppendVerbatim("Talks ended. Nobody", 2);
  doc.norm.Append(" ", 21, 24);
  doc.norm.AppendVerbatim("won.", 24);
  auto stage = MakeSegmentStage({});
  ASSERT_TRUE(stage.ok()) << stage.status().ToString();
  ASSERT_TRUE((*stage)->Run(doc).ok());
  ASSERT_EQ(doc.sentences.size(), 2u);
  ASSERT_EQ(doc.tokens.size(), 6u);  // Talks ended . Nobody won .
  EXPECT_TRUE(doc.tokens[0].flags & Token::kSentenceStart);
  EXPECT_TRUE(doc.tokens[0].flags & Token::kLineStart);
  EXPECT_FALSE(doc.tokens[1].flags & Token::kSentenceStart);
  EXPECT_TRUE(doc.tokens[3].flags & Token::kSentenceStart);   // Nobody
  EXPECT_FALSE(doc.tokens[3].flags & Token::kLineStart);
  EXPECT_TRUE(doc.tokens[4].flags & Token::kLineStart);       // won (after "\n> ")
  EXPECT_FALSE(doc.tokens[4].flags & Token::kSentenceStart);
}


// The plain meaning of kLineStart: only spaces, tabs, carriage returns and quote marks stand
// between the raw byte a token comes from and the previous line break (or the text's start).
bool StartsRawLinePlain(std::string_view raw, uint32_t r) {
  while (r > 0) {
    const char c = raw[r - 1];
    if (c == '\n') return true;
    if (c != ' ' && c != '\t' && c != '>' && c != '\r') return false;
    --r;
  }
  return true;
}

// Random raw lines of words, leads and quote marks, normalized by random pieces (copied,
// collapsed to a space, skipped, now and then going back): the stage's line cursor flags exactly
// the tokens the plain backward look flags.
TEST(SegmentStageTest, LineStartFlagsAgreeWithABackwardLook) {
  auto stage = MakeSegmentStage({});
  ASSERT_TRUE(stage.ok()) << stage.status().ToString();
  const std::string_view alphabet[] = {"Ab", "c", "7", ".", " ", " ", "\t", ">", "\r", "\n",
                                       "\n", "> ", "de"};
  std::mt19937 rng(11);
  for (int round = 0; round < 3000; ++round) {
    Document doc;
    const int pieces = 1 + static_cast<int>(rng() % 120);
    for (int k = 0; k < pieces; ++k) doc.text += alphabet[rng() % std::size(alphabet)];
    const uint32_t n = static_cast<uint32_t>(doc.text.size());
    for (uint32_t i = 0; i < n;) {
      const uint32_t len = std::min<uint32_t>(1 + rng() % 8, n - i);
      switch (rng() % 4) {
        case 0:
        case 1: doc.norm.AppendVerbatim(std::string_view(doc.text).substr(i, len), i); break;
        case 2: doc.norm.Append(" ", i, i + len); break;
        default: break;  // skipped
      }
      i += len;
      if (rng() % 30 == 0) i -= std::min<uint32_t>(i, 1 + rng() % 20);  // back
    }
    ASSERT_TRUE((*stage)->Run(doc).ok());
    for (const Token& t : doc.tokens)
      EXPECT_EQ((t.flags & Token::kLineStart) != 0,
                StartsRawLinePlain(doc.text, doc.norm.RawBegin(t.begin)))
          << "round " << round << ", token at " << t.begin;
  }
}

}  // namespace
}  // namespace accord
