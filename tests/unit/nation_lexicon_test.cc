// The nation lexicon and its word splitter: folding, separators, the generated ISO/CLDR table
// and the hand tables, compiled into one map.
#include <set>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "extractors/nations/nation_lexicon.h"
#include "extractors/nations/nation_scanner.h"
#include "extractors/nations/nation_words.h"

namespace accord::nations {
namespace {

const Lexicon& Lex() {
  static const Lexicon* lex = [] {
    auto l = Lexicon::Load();
    EXPECT_TRUE(l.ok()) << l.status().ToString();
    return l.ok() ? std::move(l).value().release() : nullptr;
  }();
  return *lex;
}

std::vector<std::string> SplitToStrings(std::string_view text) {
  WordFolder folder;
  std::vector<Word> words;
  folder.Split(text, words);
  std::vector<std::string> out;
  for (const Word& w : words) {
    std::string s(text.substr(w.begin, w.end - w.begin));
    if (w.sep_after != '|') s += w.sep_after;
    out.push_back(s);
  }
  return out;
}

TEST(NationWordsTest, SplitsWordsAndClassifiesSeparators) {
  struct {
    const char* text;
    std::vector<std::string> words;
  } cases[] = {
      {"the U.S.-led coalition", {"the ", "U.S.-", "led ", "coalition"}},
      {"U.S.A. and U.K.", {"U.S.A. ", "and ", "U.K."}},
      {"People's Republic", {"People'", "s ", "Republic"}},
      {"Côte d’Ivoire", {"Côte ", "d'", "Ivoire"}},
      {"United\n>  States", {"United ", "States"}},
      {"Mr. Smith, Jr.", {"Mr", "Smith", "Jr"}},
      {"Spain; France", {"Spain", "France"}},
  };
  for (const auto& c : cases) {
    // The apostrophe separator is recorded as ' whatever its form.
    EXPECT_EQ(SplitToStrings(c.text), c.words) << c.text;
  }
}

TEST(NationWordsTest, FoldsCaseAndAccents) {
  WordFolder folder;
  EXPECT_EQ(folder.Fold("CÔTE"), "cote");
  EXPECT_EQ(folder.Fold("Türkiye"), "turkiye");
  EXPECT_EQ(folder.Fold("São"), "sao");
  EXPECT_EQ(folder.Fold("Åland"), "aland");
  EXPECT_EQ(folder.Fold("U.S."), "u.s.");
}

TEST(NationWordsTest, MarksCaseAndSentenceStarts) {
  WordFolder folder;
  std::vector<Word> w;
  folder.Split("US us Us. IRAQI Élysée", w);
  ASSERT_EQ(w.size(), 5u);
  EXPECT_TRUE(w[0].has(Word::kAllUpper));
  EXPECT_TRUE(w[1].has(Word::kLowerFirst));
  EXPECT_TRUE(w[2].has(Word::kUpperFirst));
  EXPECT_FALSE(w[2].has(Word::kAllUpper));
  EXPECT_TRUE(w[3].has(Word::kSentenceStart));
  EXPECT_TRUE(w[4].has(Word::kUpperFirst));
}

TEST(NationLexiconTest, EverySovereignCountryHasANameAndACanonical) {
  const Lexicon& lex = Lex();
  std::set<std::string> codes;
  for (const LexEntry& e : lex.entries())
    if (e.kind == EntryKind::kName && e.sovereign) codes.insert(e.code);
  // 193 UN members, 2 observers (VA, PS), Taiwan, Kosovo and the historical states.
  EXPECT_GE(codes.size(), 195u);
  for (const char* code : {"US", "GB", "FR", "CN", "RU", "KP", "KR", "CD", "CG", "VA", "SU", "YU", "DD", "CS"}) {
    EXPECT_TRUE(codes.count(code)) << code;
    EXPECT_FALSE(lex.CanonicalOf(code).empty()) << code;
  }
}

TEST(NationLexiconTest, CanonicalNamesFollowTheConvention) {
  const Lexicon& lex = Lex();
  const std::pair<const char*, const char*> expected[] = {
      {"US", "United States"}, {"GB", "United Kingdom"}, {"RU", "Russia"},   {"KP", "North Korea"},
      {"KR", "South Korea"},   {"IR", "Iran"},           {"SY", "Syria"},    {"VN", "Vietnam"},
      {"TW", "Taiwan"},        {"CZ", "Czechia"},        {"MM", "Myanmar"},  {"SU", "Soviet Union"},
      {"CD", "Democratic Republic of the Congo"},        {"CG", "Republic of the Congo"}};
  for (const auto& [code, name] : expected) EXPECT_EQ(lex.CanonicalOf(code), name) << code;
}

TEST(NationLexiconTest, KeysAndPrefixesWalkPhrasesWordByWord) {
  const Lexicon& lex = Lex();
  const Lexicon::Node* united = lex.Find(lex.KeyOf("United"));
  ASSERT_NE(united, nullptr);
  EXPECT_TRUE(united->prefix);
  const Lexicon::Node* us = lex.Find(lex.KeyOf("United States"));
  ASSERT_NE(us, nullptr);
  ASSERT_GE(us->entry, 0);
  EXPECT_EQ(lex.entry(us->entry).code, "US");
  EXPECT_TRUE(us->prefix);  // "United States of America"
  const Lexicon::Node* blocked = lex.Find(lex.KeyOf("American Airlines"));
  ASSERT_NE(blocked, nullptr);
  EXPECT_EQ(lex.entry(blocked->entry).kind, EntryKind::kBlocker);
  EXPECT_EQ(lex.Find(lex.KeyOf("Atlantis")), nullptr);
}

TEST(NationLexiconTest, EveryKeysFirstWordPassesTheQuickTest) {
  const Lexicon& lex = Lex();
  for (const LexEntry& e : lex.entries()) {
    // The folded first word: up to the first separator that follows a whole word.
    std::vector<Word> words;
    lex.folder().Split(e.display, words);
    ASSERT_FALSE(words.empty());
    const std::string first = lex.folder().Fold(
        std::string_view(e.display).substr(words[0].begin, words[0].end - words[0].begin));
    EXPECT_TRUE(lex.MayStartKey(first)) << e.display;
  }
  EXPECT_TRUE(lex.MayStartKey("united"));
  EXPECT_TRUE(lex.MayStartKey("u.s."));
}

TEST(NationLexiconTest, ShortAliasesAreCaseSensitive) {
  const Lexicon& lex = Lex();
  WordFolder folder;
  for (const char* text : {"us", "Us", "uk"}) {
    std::vector<Word> words;
    folder.Split(text, words);
    std::vector<Candidate> cands;
    ScanCandidates(lex, text, words, cands);
    EXPECT_TRUE(cands.empty()) << text;
  }
  for (const char* text : {"US", "UK", "U.S.", "CHINA", "China"}) {
    std::vector<Word> words;
    folder.Split(text, words);
    std::vector<Candidate> cands;
    ScanCandidates(lex, text, words, cands);
    EXPECT_EQ(cands.size(), 1u) << text;
  }
}

}  // namespace
}  // namespace accord::nations
