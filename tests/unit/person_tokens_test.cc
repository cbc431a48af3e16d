// The token view of the person rules: words, possessives, initials, sentence starts, headline
// and byline lines, URLs skipped, quote marks at line starts ignored.
#include "extractors/people/person_tokens.h"

#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace accord::people {
namespace {

std::vector<std::string> Words(std::string_view text, uint32_t flag = NameToken::kWord) {
  std::vector<NameToken> toks;
  TokenizeText(text, toks);
  std::vector<std::string> out;
  for (const NameToken& t : toks)
    if (t.Is(flag)) out.emplace_back(text.substr(t.begin, t.end - t.begin));
  return out;
}

using V = std::vector<std::string>;

TEST(PersonTokensTest, WordsKeepInnerApostrophesAndHyphensButNotPossessives) {
  EXPECT_EQ(Words("Michael O'Leary's plan"), (V{"Michael", "O'Leary", "plan"}));
  EXPECT_EQ(Words("Trump\u2019s aide"), (V{"Trump", "aide"}));
  EXPECT_EQ(Words("Trump\u2019s aide", NameToken::kPossessive), (V{"\u2019s"}));
  EXPECT_EQ(Words("Jean-Luc al-Assad, co-founder"), (V{"Jean-Luc", "al-Assad", "co-founder"}));
  EXPECT_EQ(Words("Edward J. Snowden"), (V{"Edward", "J", "Snowden"}));
  EXPECT_EQ(Words("Jos\u00e9 \u00c1lvarez", NameToken::kCap), (V{"Jos\u00e9", "\u00c1lvarez"}));
}

TEST(PersonTokensTest, UrlsAndMailAddressesHoldNoWords) {
  EXPECT_EQ(Words("see https://example.com/Brad_Smith now"), (V{"see", "now"}));
  EXPECT_EQ(Words("mail Brad.Smith@example.com now"), (V{"mail", "now"}));
  EXPECT_EQ(Words("www.Example.com/Brad now"), (V{"now"}));
}

TEST(PersonTokensTest, SentenceStarts) {
  EXPECT_EQ(Words("He left. Then Mr. Smith and J. Doe came! Why?", NameToken::kSentenceStart),
            (V{"He", "Then", "Why"}));
  EXPECT_EQ(Words("one line\n\nNew paragraph", NameToken::kSentenceStart), (V{"one", "New"}));
}

TEST(PersonTokensTest, QuoteMarksAtLineStartsAreSkipped) {
  EXPECT_EQ(Words("> James\n>   Kallworth > 3", NameToken::kWord | NameToken::kPunct),
            (V{"James", "Kallworth", ">", "3"}));
}

TEST(PersonTokensTest, TitleCaseLinesAreHeadlines) {
  const std::string text =
      "Port Operators Agree to Share Data on Cable Faults\n"
      "By Ada Quinn\n"
      "The firms, led by Globex, plan to announce a set of Principles.\n";
  EXPECT_EQ(Words(text, NameToken::kHeadline),
            (V{"Port", "Operators", "Agree", "to", "Share", "Data", "on", "Cable", "Faults"}));
  EXPECT_EQ(Words(text, NameToken::kByline), (V{"By", "Ada", "Quinn"}));
  // A hard-wrapped body line with mostly capitalised words is not a headline.
  EXPECT_EQ(Words("spokesman Tom Avery said National Security Adviser Dana\nWhitlock left.",
                  NameToken::kHeadline),
            V{});
}

}  // namespace
}  // namespace accord::people
