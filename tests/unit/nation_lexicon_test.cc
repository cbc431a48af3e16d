// The nation lexicon and its word splitter: folding, separators, the generated ISO/CLDR table
// and the hand tables, compiled into one map.
#include <random>
#include <set>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <unicode/uchar.h>

#include "extractors/nations/nation_lexicon.h"
#include "extractors/nations/nation_rules.h"
#include "extractors/nations/nation_scanner.h"
#include "extractors/nations/nation_words.h"
#include "pipeline/utf8.h"

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

// Gaps of every kind: the one-space fast path and the general classification agree.
TEST(NationWordsTest, ClassifiesEveryKindOfGap) {
  struct {
    const char* text;
    std::vector<std::string> words;
  } cases[] = {
      {"a b", {"a ", "b"}},
      {"a  b", {"a ", "b"}},
      {"a\tb", {"a ", "b"}},
      {"a\nb", {"a ", "b"}},
      {"a\rb", {"a", "b"}},
      {"a \r b", {"a ", "b"}},
      {"a>b", {"a", "b"}},
      {"a\n> b", {"a ", "b"}},
      {"a > b", {"a", "b"}},
      {"a-b", {"a-", "b"}},
      {"a--b", {"a", "b"}},
      {"a'b", {"a'", "b"}},
      {"a\u2019b", {"a'", "b"}},
      {"a.b", {"a.", "b"}},
      {"a. b", {"a", "b"}},
      {"U.S.Army", {"U.S.", "Army"}},
      {"x U.S.", {"x ", "U.S."}},
      {"a \xC2\xA0 b", {"a", "b"}},
      {"caf\xC3\xA9 ol\xC3\xA9", {"caf\xC3\xA9 ", "ol\xC3\xA9"}},
      {"\xE2\x80\x94 Tokyo \xE2\x80\x94", {"Tokyo"}},
      {"A1 b2c 3D", {"A1 ", "b2c ", "3D"}},
  };
  for (const auto& c : cases) EXPECT_EQ(SplitToStrings(c.text), c.words) << c.text;
}

// kNonAscii marks the words whose folded form is not their ASCII lower-case copy; for the
// others the quick test on the word as written equals the test on its folded form.
TEST(NationWordsTest, QuickTestOnAsciiWordsNeedsNoFolding) {
  const Lexicon& lex = Lex();
  const WordFolder& folder = lex.folder();
  std::vector<std::string> texts;
  for (const LexEntry& e : lex.entries()) texts.push_back(e.display);
  for (const char* t : {"UNITED STATES", "united states", "Japan", "JAPAN", "japan", "Tokyo", "Said",
                        "U.S.", "u.s.", "Côte d’Ivoire", "CÔTE", "Åland", "Élysée", "Zürich", "A1"}) {
    texts.push_back(t);
  }
  size_t ascii_words = 0;
  for (const std::string& t : texts) {
    std::vector<Word> words;
    folder.Split(t, words);
    for (const Word& w : words) {
      const std::string_view word = std::string_view(t).substr(w.begin, w.end - w.begin);
      bool non_ascii = false;
      for (unsigned char c : word) non_ascii |= c >= 0x80;
      EXPECT_EQ(w.has(Word::kNonAscii), non_ascii) << word;
      if (non_ascii) continue;
      ++ascii_words;
      std::string ascii_folded = "x";
      WordFolder::AppendFoldedAscii(word, ascii_folded);
      EXPECT_EQ(ascii_folded, "x" + folder.Fold(word)) << word;
      EXPECT_EQ(lex.MayStartKey(word), lex.MayStartKey(folder.Fold(word))) << word;
    }
  }
  EXPECT_GT(ascii_words, 500u);
}

TEST(NationWordsTest, FoldAppendsAfterWhatIsThere) {
  WordFolder folder;
  std::string s = "x ";
  folder.AppendFolded("CÔTE", s);
  EXPECT_EQ(s, "x cote");
  folder.AppendFolded("D’IVOIRE", s);
  EXPECT_EQ(s, "x coted'ivoire");
  folder.AppendFolded("", s);
  EXPECT_EQ(s, "x coted'ivoire");
}

TEST(NationWordsTest, FoldsCaseAndAccents) {
  WordFolder folder;
  EXPECT_EQ(folder.Fold("CÔTE"), "cote");
  EXPECT_EQ(folder.Fold("Türkiye"), "turkiye");
  EXPECT_EQ(folder.Fold("São"), "sao");
  EXPECT_EQ(folder.Fold("Åland"), "aland");
  EXPECT_EQ(folder.Fold("U.S."), "u.s.");
  // Letters that fold to two letters, after ASCII, between ASCII and at the end.
  EXPECT_EQ(folder.Fold("Straße"), "strasse");
  EXPECT_EQ(folder.Fold("ÆTHELRED"), "aethelred");
  EXPECT_EQ(folder.Fold("Cœur"), "coeur");
  EXPECT_EQ(folder.Fold("Łódź"), "lodz");
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

// The splitter's path for plain ASCII words agrees with the plain meaning of the case flags,
// whatever follows the word (a space, punctuation, an initial's period, a UTF-8 letter or mark).
TEST(NationWordsTest, AsciiWordFlagsFollowTheirLetters) {
  const char* words[] = {"a",  "A",  "ab", "AB", "Ab", "aB", "US", "Us", "uS", "IRAQI",
                         "A1", "1A", "1",  "12", "a1", "5th", "iPhone", "B52s"};
  const char* after[] = {"", " ", "  ", ",", ", ", ".", ". ", "-", "'", "\n", "\n\n", ")",
                         "\xE2\x80\x99", "\xC3\xA9", "\xE2\x80\x94"};
  WordFolder folder;
  for (const char* w : words) {
    for (const char* a : after) {
      const std::string text = std::string("(") + w + a + " x";
      std::vector<Word> got;
      folder.Split(text, got);
      ASSERT_GE(got.size(), 2u) << text;
      const std::string_view first = std::string_view(text).substr(got[0].begin, got[0].end - got[0].begin);
      if (std::string_view(a) == "\xC3\xA9") {  // a letter: it joins the word
        EXPECT_EQ(first, std::string(w) + a) << text;
        continue;
      }
      // "A." ends no word of its own: a single letter keeps a period only between initials.
      EXPECT_EQ(first, w) << text;
      bool upper = false, lower = false;
      for (char c : std::string_view(w)) {
        upper |= c >= 'A' && c <= 'Z';
        lower |= c >= 'a' && c <= 'z';
      }
      uint8_t want = 0;
      if (w[0] >= 'A' && w[0] <= 'Z') want |= Word::kUpperFirst;
      if (w[0] >= 'a' && w[0] <= 'z') want |= Word::kLowerFirst;
      if (upper && !lower) want |= Word::kAllUpper;
      constexpr uint8_t kCase = Word::kUpperFirst | Word::kLowerFirst | Word::kAllUpper |
                                Word::kAbbreviation | Word::kNonAscii;
      EXPECT_EQ(got[0].flags & kCase, want) << text;
    }
  }
}

// The reference splitter: the rules of WordFolder::Split read one character at a time, with no
// fast path for ASCII words or gaps, and ICU's properties for the Latin letters.
namespace reference {

bool IsLetter(char32_t cp) {
  if (cp < 0x80) return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9');
  if (cp >= 0xC0 && cp <= 0x24F) return u_isalpha(static_cast<UChar32>(cp));
  if (cp < 0xC0) return false;
  if (cp >= 0x2000 && cp <= 0x2BFF) return false;
  if (cp >= 0x3000 && cp <= 0x303F) return false;
  if (cp >= 0xFE30 && cp <= 0xFE4F) return false;
  if (cp >= 0xFF00 && cp <= 0xFF0F) return false;
  if (cp == 0xFEFF || cp == 0xFFFD) return false;
  return true;
}
bool IsUpper(char32_t cp) {
  if (cp < 0x80) return cp >= 'A' && cp <= 'Z';
  return cp >= 0xC0 && cp <= 0x24F && u_isupper(static_cast<UChar32>(cp));
}
bool IsLower(char32_t cp) {
  if (cp < 0x80) return cp >= 'a' && cp <= 'z';
  return cp >= 0xC0 && cp <= 0x24F && u_isalpha(static_cast<UChar32>(cp)) && !u_isupper(static_cast<UChar32>(cp));
}
bool IsAlnum(unsigned char c) { return c < 0x80 && IsLetter(c); }

char Separator(std::string_view gap) {
  if (gap == "\u2019") return '\'';
  if (gap.size() == 1) {
    const char g = gap[0];
    if (g == ' ' || g == '\n' || g == '\t') return ' ';
    if (g == '-' || g == '\'' || g == '.') return g;
    return '|';
  }
  if (gap.empty()) return '|';
  bool after_newline = false;
  for (unsigned char c : gap) {
    if (c == '\n') {
      after_newline = true;
    } else if (c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v' || (c == '>' && after_newline)) {
    } else {
      return '|';
    }
  }
  return ' ';
}

void Split(std::string_view text, std::vector<Word>& out) {
  out.clear();
  const size_t n = text.size();
  auto cp_at = [&](size_t i, size_t& len) {
    size_t j = i;
    const char32_t cp = utf8::Next(text, j);
    len = j - i;
    return cp;
  };
  size_t i = 0;
  bool sentence_start = true;
  while (i < n) {
    const size_t gap_begin = i;
    while (i < n) {
      size_t len;
      const char32_t cp = cp_at(i, len);
      if (IsLetter(cp)) break;
      if (cp == '.' || cp == '!' || cp == '?' || cp == ':') sentence_start = true;
      if (cp == '\n' && i + 1 < n && text[i + 1] == '\n') sentence_start = true;
      i += len;
    }
    if (i >= n) break;
    if (!out.empty()) out.back().sep_after = Separator(text.substr(gap_begin, i - gap_begin));
    Word w;
    w.begin = static_cast<uint32_t>(i);
    uint8_t flags = 0;
    size_t len;
    const char32_t first = cp_at(i, len);
    if (IsUpper(first)) flags |= Word::kUpperFirst;
    if (IsLower(first)) flags |= Word::kLowerFirst;
    bool any_upper = false, any_lower = false;
    size_t letters_in_segment = 0;
    while (i < n) {
      const char32_t cp = cp_at(i, len);
      if (IsLetter(cp)) {
        if (cp >= 0x80) flags |= Word::kNonAscii;
        any_upper |= IsUpper(cp);
        any_lower |= IsLower(cp);
        ++letters_in_segment;
        i += len;
        continue;
      }
      if (cp == '.' && letters_in_segment == 1 && i + 1 < n) {
        const bool initials_follow = i + 2 < n && IsAlnum(text[i + 1]) && text[i + 2] == '.';
        if (initials_follow || (flags & Word::kAbbreviation)) {
          flags |= Word::kAbbreviation;
          ++i;
          letters_in_segment = 0;
          if (!initials_follow) break;
          continue;
        }
      } else if (cp == '.' && letters_in_segment == 1 && (flags & Word::kAbbreviation)) {
        ++i;
      }
      break;
    }
    w.end = static_cast<uint32_t>(i);
    if (any_upper && !any_lower) flags |= Word::kAllUpper;
    if (sentence_start) flags |= Word::kSentenceStart;
    sentence_start = false;
    w.flags = flags;
    out.push_back(w);
  }
}

}  // namespace reference

// Pieces of words and gaps, ASCII and not, long and short.
const char* const kSplitPieces[] = {
    "a", "b", "s", "Z", "U", "e", "Mr", "iPhone", "NASA", "0", "9", "2018", "B52s",
    "Telecommunications", "ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz",
    "Zyxwvutsrqponmlkjihgfedcba0123456789",
    "Pneumonoultramicroscopicsilicovolcanoconiosis0123456789SupercalifragilisticExpialidocious",
    "@[`{", "/:", ".", ".", ",", ":", "-", "'", "!", "?",
    "\"", "(", ")", " ", " ", " ", "\n", "\n", "\n\n", "> ", ">", "\t", "\r", "\f",
    "\xC3\xA9",      // é
    "\xC3\x89",      // É
    "\xC3\x9F",      // ß
    "\xC2\xA0",      // no-break space
    "\xC2\xA9",      // copyright sign
    "\xCC\x81",      // combining acute
    "\xE4\xB8\xAD",  // 中
    "\xE2\x80\x94",  // em dash
    "\xE2\x80\x99",  // right single quote
    "\xEF\xBB\xBF",  // byte order mark
    "\xFF",          // a stray byte
};

void ExpectSameWords(std::string_view text, const std::vector<Word>& got, const std::vector<Word>& want) {
  ASSERT_EQ(got.size(), want.size()) << text;
  for (size_t k = 0; k < got.size(); ++k) {
    EXPECT_EQ(got[k].begin, want[k].begin) << k << " in " << text;
    EXPECT_EQ(got[k].end, want[k].end) << k << " in " << text;
    EXPECT_EQ(got[k].sep_after, want[k].sep_after) << k << " in " << text;
    EXPECT_EQ(got[k].flags, want[k].flags) << k << " in " << text;
  }
}

TEST(NationWordsTest, SplitSameAsReferenceOnRandomTexts) {
  WordFolder folder;
  std::mt19937 rng(20261127);
  std::uniform_int_distribution<size_t> piece(0, std::size(kSplitPieces) - 1);
  std::uniform_int_distribution<int> length(1, 40);
  std::vector<Word> got, want;
  std::vector<uint32_t> capitals;
  for (int t = 0; t < 100000 && !HasFailure(); ++t) {
    if (t % 100 == 0) length = std::uniform_int_distribution<int>(1, t % 200 == 0 ? 400 : 40);
    std::string text;
    for (int k = length(rng); k > 0; --k) text += kSplitPieces[piece(rng)];
    folder.Split(text, got, capitals);
    reference::Split(text, want);
    ExpectSameWords(text, got, want);
  }
}

// A cue list answers yes for each of its words (through its quick test and its set) and no for
// words of no list.
TEST(NationLexiconTest, CueListsHoldTheirWords) {
  const Lexicon& lex = Lex();
  size_t words = 0;
  for (const char* name : {"georgia-country", "georgia-state", "first-name-country", "speaker-country",
                           "speech-verb", "title-before-name", "noun-follower", "language-noun", "org-head",
                           "bird-context", "porcelain-context", "pronoun-before-us", "calendar-word",
                           "us-state", "us-state-first", "us-state-second"}) {
    const CueList& list = lex.Cues(name);
    EXPECT_GT(list.size(), 0u) << name;
    for (const std::string& w : list.words()) EXPECT_TRUE(list.Has(w)) << name << ": " << w;
    words += list.size();
    for (const char* other : {"zzzz", "qwertyuiop", "xylophones", ""}) EXPECT_FALSE(list.Has(other)) << name;
  }
  EXPECT_GT(words, 100u);
}

// The rules' per-entry answers for the first-name-country and speaker-country cue lists are
// the lists' own answers for every entry's key.
TEST(NationRulesTest, EntryCuesSameAsCueLists) {
  const NationRules rules(Lex());
  const CueList& first_name = Lex().Cues("first-name-country");
  const CueList& speaker = Lex().Cues("speaker-country");
  ASSERT_GT(first_name.size(), 0u);
  ASSERT_GT(speaker.size(), 0u);
  int first_names = 0;
  for (size_t i = 0; i < Lex().entries().size(); ++i) {
    const std::string& key = Lex().entries()[i].key;
    EXPECT_EQ(rules.FirstNameCountry(static_cast<int32_t>(i)), first_name.Has(key)) << key;
    EXPECT_EQ(rules.SpeakerCountry(static_cast<int32_t>(i)), speaker.Has(key)) << key;
    first_names += first_name.Has(key);
  }
  EXPECT_GT(first_names, 0);
}

// Split into a SplitWords kept from text to text (longer and shorter texts in turn, so its room
// both grows and is reused) gives the reference's words and capitals; no text, however densely
// packed with one-letter words and dotted initials without a gap after them ("U.S.x"), holds more
// words than MaxWords, the room Split writes into.
TEST(NationWordsTest, SplitWordsSameAsReferenceAndWithinMaxWords) {
  WordFolder folder;
  SplitWords split;
  std::mt19937 rng(20261128);
  const char* const dense[] = {"a", "b", "Z", "U", "x", ".", " ", "-", "'", "U.S.", "a.b.", "\xC3\xA9", "\xC2\xA0"};
  std::uniform_int_distribution<size_t> piece(0, std::size(kSplitPieces) - 1);
  std::uniform_int_distribution<size_t> dense_piece(0, std::size(dense) - 1);
  std::vector<Word> want;
  for (int t = 0; t < 20000 && !HasFailure(); ++t) {
    std::string text;
    const int length = static_cast<int>(rng() % (t % 10 == 0 ? 300 : 30));
    for (int k = 0; k < length; ++k) text += t % 2 ? dense[dense_piece(rng)] : kSplitPieces[piece(rng)];
    reference::Split(text, want);
    ASSERT_LE(want.size(), WordFolder::MaxWords(text.size())) << text;
    folder.Split(text, split);
    ExpectSameWords(text, std::vector<Word>(split.words().begin(), split.words().end()), want);
    std::vector<uint32_t> want_capitals;
    for (uint32_t k = 0; k < want.size(); ++k)
      if (want[k].has(Word::kUpperFirst)) want_capitals.push_back(k);
    EXPECT_EQ(std::vector<uint32_t>(split.capitals().begin(), split.capitals().end()), want_capitals) << text;
  }
}

// ASCII words of every length up to 40 (upper, lower, mixed, with digits), ended by every byte
// value: the same words as the reference.
TEST(NationWordsTest, AsciiWordsEndedByEveryByteSameAsReference) {
  WordFolder folder;
  std::mt19937 rng(7);
  std::vector<Word> got, want;
  for (int len = 1; len <= 40 && !HasFailure(); ++len) {
    for (int b = 0; b < 256 && !HasFailure(); ++b) {
      for (const char* tail : {"", " x", " and the rest of the text"}) {
        std::string text = rng() % 2 ? " " : "";
        const int kind = static_cast<int>(rng() % 4);  // upper, lower, mixed, with digits
        for (int k = 0; k < len; ++k) {
          const unsigned r = rng();
          if (kind == 3 && r % 3 == 0) {
            text += static_cast<char>('0' + r % 10);
          } else {
            const bool upper = kind == 0 || (kind >= 2 && r % 2);
            text += static_cast<char>((upper ? 'A' : 'a') + r % 26);
          }
        }
        text += static_cast<char>(b);
        text += tail;
        folder.Split(text, got);
        reference::Split(text, want);
        ExpectSameWords(text, got, want);
      }
    }
  }
}

// FoldedWord, which keeps the word itself when folding would not change it, holds exactly what
// Fold gives, for words of every kind of byte.
TEST(NationWordsTest, FoldedWordSameAsFold) {
  const char* pieces[] = {"a", "z", "A", "Z", "@", "[", "`", "{", "0", "9", "'", "-", ".",
                          "of", "The", "US", "dollars", "\xC3\xA9", "\xC3\x89", "\xC3\x9F",
                          "\xE2\x80\x99", "\xE4\xB8\xAD", "\xFF"};
  WordFolder folder;
  std::mt19937 rng(5);
  for (int t = 0; t < 20000 && !HasFailure(); ++t) {
    std::string word;
    for (int k = static_cast<int>(rng() % 6); k > 0; --k) word += pieces[rng() % std::size(pieces)];
    const FoldedWord folded(folder, word);
    EXPECT_EQ(folded.view(), folder.Fold(word)) << word;
    EXPECT_TRUE(folded == folder.Fold(word)) << word;
  }
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

// Every word of every key after its first passes MayContinueKey, folded and, for an ASCII word,
// as written (the scanner tests ASCII words unfolded); words of no key mostly fail it.
TEST(NationLexiconTest, EveryKeysLaterWordPassesTheQuickTest) {
  const Lexicon& lex = Lex();
  size_t later_words = 0;
  for (const LexEntry& e : lex.entries()) {
    std::vector<Word> words;
    lex.folder().Split(e.display, words);
    for (size_t k = 1; k < words.size(); ++k) {
      const std::string_view word =
          std::string_view(e.display).substr(words[k].begin, words[k].end - words[k].begin);
      EXPECT_TRUE(lex.MayContinueKey(lex.folder().Fold(word))) << e.display;
      if (!words[k].has(Word::kNonAscii)) {
        EXPECT_TRUE(lex.MayContinueKey(word)) << e.display;
      }
      ++later_words;
    }
  }
  EXPECT_GT(later_words, 100u);
  EXPECT_TRUE(lex.MayContinueKey("states"));
  EXPECT_TRUE(lex.MayContinueKey("Guinea"));
  int passed = 0;
  for (const char* w : {"said", "the", "to", "and", "officials", "government", "on", "Tuesday"})
    passed += lex.MayContinueKey(w);
  EXPECT_LT(passed, 4);
}

TEST(NationLexiconTest, ShortAliasesAreCaseSensitive) {
  const Lexicon& lex = Lex();
  WordFolder folder;
  for (const char* text : {"us", "Us", "uk"}) {
    std::vector<Word> words;
    std::vector<uint32_t> capitals;
    folder.Split(text, words, capitals);
    std::vector<Candidate> cands;
    ScanCandidates(lex, text, words, capitals, cands);
    EXPECT_TRUE(cands.empty()) << text;
  }
  for (const char* text : {"US", "UK", "U.S.", "CHINA", "China"}) {
    std::vector<Word> words;
    std::vector<uint32_t> capitals;
    folder.Split(text, words, capitals);
    std::vector<Candidate> cands;
    ScanCandidates(lex, text, words, capitals, cands);
    EXPECT_EQ(cands.size(), 1u) << text;
  }
}

// Split's list of capitalised words (the only words the scanner and the Georgia cue search
// visit) is exactly the words flagged kUpperFirst.
TEST(NationLexiconTest, CapitalIndexesMatchTheFlags) {
  const char* texts[] = {"",
                         "Russia",
                         "russia and China",
                         "the U.S.-led coalition in Papua New Guinea and Guinea",
                         "United States of America Russia France",
                         "American Airlines flew to Latin America, then to Georgia.",
                         "\xC3\x89lys\xC3\xA9" "e \xC3\xA9lys\xC3\xA9" "e C\xC3\xB4te d\xE2\x80\x99Ivoire",
                         "US us Us. IRAQI Iraqi iraqi 5th iPhone B52s",
                         "People's Republic of China\n> and North Korea\n\nKorean War",
                         "New York New Zealand New Guinea New"};
  WordFolder folder;
  for (const char* text : texts) {
    std::vector<Word> words;
    std::vector<uint32_t> capitals;
    folder.Split(text, words, capitals);
    std::vector<uint32_t> flagged;
    for (uint32_t i = 0; i < words.size(); ++i)
      if (words[i].has(Word::kUpperFirst)) flagged.push_back(i);
    EXPECT_EQ(capitals, flagged) << text;
  }
}

}  // namespace
}  // namespace accord::nations
