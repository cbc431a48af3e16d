// Sentence boundaries (pipeline/segment/sentence_splitter.h) and the segment stage's flags.
#include "pipeline/segment/sentence_splitter.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "pipeline/segment/segment_stage.h"
#include "pipeline/segment/tokenizer.h"

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

}  // namespace
}  // namespace accord
