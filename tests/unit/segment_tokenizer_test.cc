// The tokenizer's rules (pipeline/segment/tokenizer.h), one named example each.
#include "pipeline/segment/tokenizer.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace accord {
namespace {

std::string Join(std::string_view text, const std::vector<Token>& tokens) {
  std::string out;
  for (const Token& t : tokens) {
    if (!out.empty()) out += '|';
    out.append(text.substr(t.begin, t.end - t.begin));
  }
  return out;
}

struct Case {
  const char* rule;
  const char* text;
  const char* tokens;  // joined with '|'
};

const Case kCases[] = {
    {"word", "David E. Sanger wrote", "David|E|.|Sanger|wrote"},
    {"word", "the 1990s in Telef\xC3\xB3nica", "the|1990s|in|Telef\xC3\xB3nica"},
    {"inner-hyphen", "Hewlett-Packard's F-16", "Hewlett-Packard|'s|F-16"},
    {"inner-hyphen", "word -- dash - end-", "word|--|dash|-|end|-"},
    {"inner-apostrophe", "O'Brien don't 'quoted'", "O'Brien|don't|'|quoted|'"},
    {"possessive", "Smith's car, the Jones' house", "Smith|'s|car|,|the|Jones|'|house"},
    {"dotted-initials", "the U.S. and N.S.A., e.g. this", "the|U.S.|and|N.S.A.|,|e.g.|this"},
    {"dotted-initials", "in the U.S.", "in|the|U.S."},
    {"dotted-initials", "Mr. Smith.", "Mr|.|Smith|."},
    {"number", "1,000 at 10:30 on 4/17/2018, 3.5%", "1,000|at|10:30|on|4/17/2018|,|3.5|%"},
    {"number", "in 2018.", "in|2018|."},
    {"ampersand", "AT&T and R&D, Q & A", "AT&T|and|R&D|,|Q|&|A"},
    {"punct", "wait... \"yes\" (no)!", "wait|...|\"|yes|\"|(|no|)|!"},
    {"punct", "$5 \xE2\x80\x94 \xE2\x82\xAC", "$|5|\xE2\x80\x94|\xE2\x82\xAC"},
};

TEST(TokenizerTest, Rules) {
  for (const Case& c : kCases) {
    std::vector<Token> tokens;
    Tokenize(c.text, tokens);
    EXPECT_EQ(Join(c.text, tokens), c.tokens) << c.rule << ": " << c.text;
  }
}

struct FlagCase {
  const char* token;
  uint16_t flags;
};

TEST(TokenizerTest, Flags) {
  const FlagCase kFlags[] = {
      {"Sanger", Token::kWord | Token::kCapitalized},
      {"NASA", Token::kWord | Token::kCapitalized | Token::kAllCaps},
      {"U.S.", Token::kWord | Token::kCapitalized | Token::kAllCaps},
      {"iPhone", Token::kWord},
      {"A", Token::kWord | Token::kCapitalized},
      {"\xC3\x89mile", Token::kWord | Token::kCapitalized},
      {"2018", Token::kNumber},
      {"1990s", Token::kNumber | Token::kWord},
      {",", Token::kPunct},
  };
  for (const FlagCase& c : kFlags) {
    std::vector<Token> tokens;
    Tokenize(c.token, tokens);
    ASSERT_EQ(tokens.size(), 1u) << c.token;
    EXPECT_EQ(tokens[0].flags, c.flags) << c.token;
  }
}

}  // namespace
}  // namespace accord
