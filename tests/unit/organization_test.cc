// Organization stage: table-driven examples written for this test (not taken from any corpus),
// one group per rule, plus the folding that makes spellings meet.
#include <algorithm>
#include <numeric>
#include <random>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include <gtest/gtest.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include "extractors/organizations/org_scan.h"
#include "extractors/organizations/org_tables.h"
#include "extractors/organizations/org_tokens.h"
#include "extractors/organizations/organization_stage.h"
#include "extractors/organizations/word_index.h"
#include "pipeline/utf8.h"

namespace accord {
namespace {

// "text=>canonical" for each organization found, in text order.
std::vector<std::string> Organizations(const std::string& text) {
  static const auto stage = [] {
    auto s = MakeOrganizationStage(StageOptions{});
    EXPECT_TRUE(s.ok()) << s.status().message();
    return std::move(s).value();
  }();
  Document doc;
  doc.text = text;
  doc.norm.AppendVerbatim(doc.text, 0);
  EXPECT_TRUE(stage->Run(doc).ok());
  std::vector<std::string> out;
  for (const Entity& e : doc.entities) {
    if (e.type != EntityType::kOrganization) continue;
    out.push_back(std::string(doc.TextOf(e)) + "=>" + e.canonical);
  }
  std::sort(out.begin(), out.end());
  return out;
}

struct Case {
  const char* rule;
  const char* text;
  std::vector<std::string> want;  // sorted "text=>canonical"
};

class OrganizationRules : public ::testing::TestWithParam<Case> {};

TEST_P(OrganizationRules, FindsExactlyTheseOrganizations) {
  const Case& c = GetParam();
  EXPECT_EQ(Organizations(c.text), c.want) << c.rule << ": " << c.text;
}

const Case kCases[] = {
    // known-name, with the table's canonical.
    {"known-name", "Officials at the N.S.A. declined to comment on the report.",
     {"N.S.A.=>National Security Agency"}},
    {"known-name", "The story was first reported by Reuter in London.", {"Reuter=>Reuters"}},
    {"known-name", "Members of NATO and the EU met in Brussels.",
     {"EU=>European Union", "NATO=>North Atlantic Treaty Organization"}},
    {"known-name official U.S. name", "A U.S. Navy destroyer left port.", {"U.S. Navy=>U.S. Navy"}},
    {"known-name case must fit", "The ap style guide and the un-named source.", {}},
    {"known-name common word at a sentence start", "Apple trees bloom early in spring.", {}},
    {"known-name common word inside a sentence", "Shares of Apple rose two percent.",
     {"Apple=>Apple"}},
    {"known-name spelling fold", "Telephonica of Spain joined, and later Telefónica left.",
     {"Telefónica=>Telefónica", "Telephonica=>Telefónica"}},
    {"product-model", "An Airbus A380 landed at the airport.", {}},
    {"product-model bare number", "The airline ordered 60 Boeing 787 jets.", {"Boeing=>Boeing"}},
    {"propagation of a known common word",
     "Apple unveiled a phone.\n\nThe phone, Apple Inc. said, ships in June.",
     {"Apple Inc.=>Apple Inc.", "Apple=>Apple Inc."}},
    // designators.
    {"designator-suffix", "Brightwater Holdings Inc. reported a loss this quarter.",
     {"Brightwater Holdings Inc.=>Brightwater Holdings Inc."}},
    {"designator-suffix drops U.S.", "He said the U.S. Federal Maritime Commission would act.",
     {"Federal Maritime Commission=>Federal Maritime Commission"}},
    {"designator-suffix chain", "Orrin Fabrics Group PLC agreed to the deal.",
     {"Orrin Fabrics Group PLC=>Orrin Fabrics Group PLC"}},
    {"designator-prefix", "She teaches at the University of Nebraska in Lincoln.",
     {"University of Nebraska=>University of Nebraska"}},
    {"designator-prefix with and", "The Institute for Rivers and Wetlands issued a report.",
     {"Institute for Rivers and Wetlands=>Institute for Rivers and Wetlands"}},
    {"bare designator", "The Service said nothing, and Council officials met later.", {}},
    {"title case headline", "Kettle Maker Wins Court Fight Over Patents\n\nThe ruling came late.", {}},
    // context cues.
    {"context-appositive", "The drones are built by Kestrel Dynamics, a Canadian firm based in Ottawa.",
     {"Kestrel Dynamics=>Kestrel Dynamics"}},
    {"context-after", "A Marlow Analytics spokesman declined to comment.",
     {"Marlow Analytics=>Marlow Analytics"}},
    {"context-possessive", "Zentrix's chief executive resigned on Friday.", {"Zentrix=>Zentrix"}},
    {"context-list", "Among the firms that signed were Zentrix, Halvorsen Labs and Quillon.",
     {"Halvorsen Labs=>Halvorsen Labs", "Quillon=>Quillon", "Zentrix=>Zentrix"}},
    // acronym definitions and propagation.
    {"acronym-definition",
     "The Coastal Fisheries Council (CFC) met on Monday. The CFC then voted to close the bay.",
     {"CFC=>Coastal Fisheries Council", "CFC=>Coastal Fisheries Council",
      "Coastal Fisheries Council=>Coastal Fisheries Council"}},
    {"propagation short form", "Shares of Cisco Systems fell. Later, Cisco said it would hire.",
     {"Cisco Systems=>Cisco Systems", "Cisco=>Cisco Systems"}},
    // Propagation looks a word up among the first words of the names: a one-word name is its
    // own first word; a hyphenated one ("Kestrel-Marlow", one token) and a longer one are not.
    {"propagation of a one-word name", "Zentrix's chief executive resigned. Later Zentrix hired.",
     {"Zentrix=>Zentrix", "Zentrix=>Zentrix"}},
    {"propagation of a hyphenated name",
     "Kestrel-Marlow's chief executive resigned. Later Kestrel-Marlow hired, not Kestrel.",
     {"Kestrel-Marlow=>Kestrel-Marlow", "Kestrel-Marlow=>Kestrel-Marlow"}},
    {"propagation of a longer name",
     "A Marlow Analytics spokesman declined to comment. Marlow Analytics and Marlow later met.",
     {"Marlow Analytics=>Marlow Analytics", "Marlow Analytics=>Marlow Analytics"}},
    {"propagation designator dropped", "Brightwater Holdings Inc. said profits fell. A year ago Brightwater Holdings hired.",
     {"Brightwater Holdings Inc.=>Brightwater Holdings Inc.",
      "Brightwater Holdings=>Brightwater Holdings Inc."}},
    {"canonical fullest form", "The newspaper said the National Security Agency knew. The NSA denied it.",
     {"NSA=>National Security Agency", "National Security Agency=>National Security Agency"}},
    {"name across a wrapped line", "A statement from the United\nNations followed.",
     {"United\nNations=>United Nations"}},
    {"designator-suffix after a comma", "The locks were made by Tarvek Metals, Inc., of Dayton.",
     {"Tarvek Metals, Inc.=>Tarvek Metals, Inc."}},
    {"designator-domain", "The story ran on Quillpress.net first.", {"Quillpress.net=>Quillpress.net"}},
    {"context-after president", "Halvorsen Labs said so, and Zentrix president Ann Moy agreed.",
     {"Halvorsen Labs=>Halvorsen Labs", "Zentrix=>Zentrix"}},
    {"context bare designator", "The lawyers said Council officials would not attend.", {}},
    {"acronym-initials", "Northern Ridge Mining Association said on Monday that NRMA would expand.",
     {"NRMA=>Northern Ridge Mining Association",
      "Northern Ridge Mining Association=>Northern Ridge Mining Association"}},
    {"no names in urls", "See http://example.com/Microsoft_Corp_News for details.", {}},
};

INSTANTIATE_TEST_SUITE_P(Examples, OrganizationRules, ::testing::ValuesIn(kCases));

struct FoldCase {
  const char* a;
  const char* b;
  bool same;
};

class NameFolding : public ::testing::TestWithParam<FoldCase> {};

TEST_P(NameFolding, FoldsSpellingsTogether) {
  const FoldCase& c = GetParam();
  EXPECT_EQ(orgs::FoldName(c.a) == orgs::FoldName(c.b), c.same)
      << c.a << " / " << c.b << ": " << orgs::FoldName(c.a) << " / " << orgs::FoldName(c.b);
}

const FoldCase kFolds[] = {
    {"N.S.A.", "NSA", true},
    {"Telefónica", "Telephonica", true},
    {"Wal-Mart", "Wal Mart", true},
    {"Dow Jones & Company", "Dow Jones and Company", true},
    {"Société Générale", "Societe Generale", true},
    {"Reuters", "Reuter", false},
    {"Apple", "Maple", false},
    {"Alpha-Omega", "ALFA OMEGA", true},
    {"AT&T", "AT and T", false},
    {"O'Brien Co.", "OBrien Co.", true},
    {"Shepherd", "Shefherd", false},
};

INSTANTIATE_TEST_SUITE_P(Examples, NameFolding, ::testing::ValuesIn(kFolds));

// The plain meaning of folding one code point after `out` (org_tokens.h), straight through ICU
// each time: ASCII lower-cased, periods and apostrophes dropped, hyphens a space, "ph" -> "f";
// any other code point decomposed (NFD), its marks dropped, the rest case-folded and folded so.
void PlainFoldCp(char32_t cp, std::string& out) {
  if (cp < 0x80) {
    char c = static_cast<char>(cp);
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c == '.' || c == '\'') return;
    if (c == '-') c = ' ';
    if (c == 'h' && !out.empty() && out.back() == 'p') {
      out.back() = 'f';
      return;
    }
    out.push_back(c);
    return;
  }
  if (cp == 0x2019 || cp == 0x2018) return;
  if (cp == 0x2010 || cp == 0x2011) {
    out.push_back(' ');
    return;
  }
  UErrorCode err = U_ZERO_ERROR;
  const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(err);
  icu::UnicodeString decomposed;
  if (nfd != nullptr && nfd->getDecomposition(static_cast<UChar32>(cp), decomposed)) {
    for (int32_t k = 0; k < decomposed.length();) {
      const UChar32 d = decomposed.char32At(k);
      k += U16_LENGTH(d);
      if (u_getCombiningClass(d) != 0 || u_charType(d) == U_NON_SPACING_MARK) continue;
      PlainFoldCp(static_cast<char32_t>(u_foldCase(d, U_FOLD_CASE_DEFAULT)), out);
    }
    return;
  }
  utf8::Append(static_cast<char32_t>(u_foldCase(static_cast<UChar32>(cp), U_FOLD_CASE_DEFAULT)),
               out);
}

// FoldWord folds the code points of the Latin and general punctuation blocks from a cache made
// once; each must fold as the plain way does, alone, after "p" (where a fold that opens with "h"
// makes "f") and before "h".
TEST(FoldWord, CachedCodePointsFoldAsThePlainWay) {
  int checked = 0;
  for (char32_t cp = 0x80; cp < 0x2100; ++cp) {
    if (cp >= 0xD800 && cp < 0xE000) continue;  // no code points
    std::string c;
    utf8::Append(cp, c);
    for (const std::string& word : {c, "p" + c, c + "h", "P" + c + c + "H"}) {
      std::string want;
      for (size_t i = 0; i < word.size();) PlainFoldCp(utf8::Next(word, i), want);
      std::string got;
      orgs::FoldWord(word, got);
      ASSERT_EQ(got, want) << "U+" << std::hex << static_cast<uint32_t>(cp) << " in " << word;
      ++checked;
    }
  }
  EXPECT_GT(checked, 30000);
}

TEST(OrgTokens, SplitsPossessiveAndKeepsDottedAcronyms) {
  orgs::OrgTokens toks;
  orgs::Tokenize("Cisco’s deal with the U.S. Navy.", toks);
  std::vector<std::string> words;
  for (size_t i = 0; i < toks.size(); ++i) words.emplace_back(toks.Text(i));
  EXPECT_EQ(words, (std::vector<std::string>{"Cisco", "’", "s", "deal", "with", "the", "U.S.",
                                             "Navy", "."}));
  EXPECT_TRUE(toks[6].Is(orgs::OrgToken::kDottedAcronym));
  EXPECT_TRUE(toks[0].Is(orgs::OrgToken::kSentenceStart));
  EXPECT_FALSE(toks[7].Is(orgs::OrgToken::kSentenceStart));
}

TEST(OrgTokens, LongWordsFoldAndKeepTheirCaseAcrossEightByteSteps) {
  orgs::OrgTokens toks;
  // Words longer than eight bytes, a "p" and "h" in different eight-byte steps, all-caps letters
  // and digits past the eighth byte, a word ending in a non-ASCII letter.
  orgs::Tokenize("Internationalphone ABCDEFGHIJKL Abcdefgh12345 MEGATELEPHONE Telefonicaé (x), y",
                 toks);
  std::vector<std::string> keys;
  for (size_t i = 0; i < toks.size(); ++i) keys.emplace_back(toks.Key(i, i + 1));
  EXPECT_EQ(keys, (std::vector<std::string>{"internationalfone", "abcdefghijkl", "abcdefgh12345",
                                            "megatelefone", "telefonicae", "(", "x", ")", ",",
                                            "y"}));
  EXPECT_FALSE(toks[0].Is(orgs::OrgToken::kAllCaps));
  EXPECT_TRUE(toks[1].Is(orgs::OrgToken::kAllCaps));
  EXPECT_FALSE(toks[2].Is(orgs::OrgToken::kAllCaps));
  EXPECT_TRUE(toks[3].Is(orgs::OrgToken::kAllCaps));
  EXPECT_EQ(toks[5].punct, '(');
  EXPECT_EQ(toks[7].punct, ')');
  EXPECT_EQ(toks[8].punct, ',');
  EXPECT_EQ(toks[6].punct, 0);
}

TEST(OrgTokens, UrlsAndMailAddressesAreOneTokenToTheNextSpace) {
  orgs::OrgTokens toks;
  orgs::Tokenize("Mail bob@example.com or (www.acme.com) a@b and http://x.org/A now", toks);
  std::vector<std::string> words;
  std::vector<bool> urls;
  for (size_t i = 0; i < toks.size(); ++i) {
    words.emplace_back(toks.Text(i));
    urls.push_back(toks[i].Is(orgs::OrgToken::kUrl));
  }
  EXPECT_EQ(words, (std::vector<std::string>{"Mail", "bob@example.com", "or", "(", "www.acme.com)",
                                             "a", "@", "b", "and", "http://x.org/A", "now"}));
  EXPECT_EQ(urls, (std::vector<bool>{false, true, false, false, true, false, false, false, false,
                                     true, false}));
}

// The plain meaning of Tokenize, code point by code point, without its eight-byte steps, its
// URL finder or its folding on the way: the tokens' texts, flags and punctuation bytes. The
// folded key of each token must be FoldWord of its text (empty for a URL).
struct PlainToken {
  std::string text;
  uint16_t flags = 0;
  char punct = 0;
  bool operator==(const PlainToken& o) const {
    return text == o.text && flags == o.flags && punct == o.punct;
  }
};
std::ostream& operator<<(std::ostream& os, const PlainToken& t) {
  return os << "[" << t.text << " " << t.flags << " " << static_cast<int>(t.punct) << "]";
}

std::vector<PlainToken> PlainTokenize(std::string_view s) {
  using T = orgs::OrgToken;
  auto cp_at = [&](size_t i) -> char32_t {
    size_t j = i;
    return i < s.size() ? utf8::Next(s, j) : 0;
  };
  auto is_space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; };
  auto letter = [&](size_t i) { return i < s.size() && u_isalpha(cp_at(i)); };
  auto upper = [&](size_t i) { return i < s.size() && u_isupper(cp_at(i)); };
  auto digit = [&](size_t i) { return i < s.size() && s[i] >= '0' && s[i] <= '9'; };
  auto apostrophe = [&](size_t i) -> size_t {
    if (i < s.size() && s[i] == '\'') return 1;
    return s.substr(i, 3) == "\u2019" ? 3 : 0;
  };
  std::vector<PlainToken> out;
  bool sentence = true, line = true, paragraph = true;
  int newlines = 0;
  size_t i = 0;
  while (i < s.size()) {
    const unsigned char c = s[i];
    if (is_space(c)) {
      if (c == '\n') {
        line = true;
        if (++newlines >= 2) paragraph = sentence = true;
      }
      ++i;
      continue;
    }
    if (c == '>' && line) {
      ++i;
      continue;
    }
    newlines = 0;
    PlainToken t;
    size_t j = i;
    while (j < s.size() && !is_space(s[j])) ++j;
    const std::string_view run = s.substr(i, j - i);
    const bool url = run.find("://") != run.npos || run.substr(0, 4) == "www." ||
                     (run.find('@') != run.npos && run.find('.') != run.npos);
    if (url) {
      t.flags = T::kUrl | T::kPunct;
    } else if (digit(i) || letter(i)) {
      j = i;
      bool lower = false;
      while (j < s.size()) {
        if (digit(j) || letter(j)) {
          lower |= letter(j) && !upper(j);
          j += utf8::SequenceLength(s[j]);
        } else if (s[j] == '.' && (digit(j + 1) || letter(j + 1))) {
          ++j;
        } else if (s[j] == '-' && (upper(j + 1) || digit(j + 1))) {
          ++j;
        } else if (s[j] == '&' && j > i && upper(j - 1) && upper(j + 1)) {
          ++j;
        } else if (size_t a = apostrophe(j);
                   a > 0 && !(j + a < s.size() && (s[j + a] == 's' || s[j + a] == 'S') &&
                              !letter(j + a + 1)) &&
                   letter(j + a)) {
          j += a;
        } else {
          break;
        }
      }
      if (j < s.size() && s[j] == '.' && j - i >= 3 && s[j - 2] == '.' && letter(j - 1)) ++j;
      const std::string_view w = s.substr(i, j - i);
      if (digit(i)) {
        t.flags = T::kNumber;
      } else {
        t.flags = T::kWord;
        if (upper(i)) t.flags |= T::kCapitalized;
        int letters = 0;
        for (size_t k = 0; k < w.size(); k += utf8::SequenceLength(w[k])) letters += letter(i + k);
        if (!lower && letters >= 2) t.flags |= T::kAllCaps;
        bool dotted = w.size() >= 4 && w.back() == '.';
        for (size_t k = 0; dotted && k < w.size(); k += 2)
          dotted = ((w[k] >= 'a' && w[k] <= 'z') || (w[k] >= 'A' && w[k] <= 'Z')) &&
                   k + 1 < w.size() && w[k + 1] == '.';
        if (dotted) t.flags |= T::kDottedAcronym | T::kAllCaps;
      }
    } else {
      j = std::min(s.size(), i + utf8::SequenceLength(c));
      t.flags = T::kPunct;
      if (c < 0x80) t.punct = static_cast<char>(c);
    }
    t.text = std::string(s.substr(i, j - i));
    if (line) t.flags |= T::kLineStart;
    if (paragraph) t.flags |= T::kParagraphStart;
    if (sentence && !(t.flags & T::kPunct)) t.flags |= T::kSentenceStart;
    if (!(t.flags & T::kPunct)) {
      sentence = false;
    } else if (t.punct == '.' || t.punct == '!' || t.punct == '?') {
      sentence = true;
    } else if (!(t.punct == '"' || t.punct == '(' || t.punct == '\'' || t.punct == ')' ||
                 t.text == "\u201c" || t.text == "\u201d")) {
      sentence = false;
    }
    line = paragraph = false;
    out.push_back(std::move(t));
    i = j;
  }
  return out;
}

// Texts assembled at random from pieces that reach every branch of the tokenizer: long and short
// words across eight-byte steps, "ph" in and across them, accents, digits, dotted acronyms,
// hyphens, "&", apostrophes and possessives, URLs and mail addresses, quotes, line breaks,
// blank lines and quote marks, a text that ends inside a word.
// Pieces that the comparisons with PlainTokenize glue into texts, one space apart or none.
const std::vector<std::string>& TokenizerPieces() {
  static const std::vector<std::string> pieces = {
      "Acme", "acme", "ACME", "I", "a", "Telephonica", "MEGATELEPHONE", "phph", "Philips",
      "shepherd", "abcdefgp", "habcdefgph", "Internationalphone", "Telefónica", "Élan", "ÉCOLE",
      "naïve", "Straße", "U.S.", "U.S", "N.S.A.", "N.V.", "A.B", "e.g.", "Amazon.com", "3M",
      "G-7", "Wal-Mart", "Nations-organized", "AT&T", "A&b", "&", "O'Brien", "Cisco's",
      "Cisco\u2019s", "rock'n'roll", "Mary\u2019s", "'s", "it's", "1999", "3.5", "12345678901",
      "Abcdefgh12345", "http://x.org/A", "(https://a.b)", "www.acme.com", "awww.b", "bob@x.com",
      "a@b", "user@host", ":", "://", "@", ".", ",", "!", "?", "\"", "(", ")", "'", "-", "\u201c",
      "\u201d", "\u2014", "\u2019", "$", "#", "\n", "\n\n", "\n>", "\n> ", ">", "\t", "  ",
      "\r\n", "X.", "ph.", "p-h", "p.h", "ABCDEFGHIJk", "ABCDEFGHIJ", "McDONALD", "XYz", "Éa",
      "AÉ", "ÀB", "Aé", "A1", "Ab-C", "AB-C", "A'B", "AB'c", "AB.c", "IBM's", "Zß",
      "Abcdefghijklmnopqrstuvwxyz", "ABCDEFGHIJKLMNOPph", "abcdefghijklmnoPH", "Telephonicatelephone",
      "0123456789abcdefGHIJ", "Abcdefghijklmno-Pqrstu",
      // Words ended by "." or "-", joined or not by the byte after: the common-stretch loop ends
      // such a word itself where ScanWord would.
      "Acme.", "said.", "well-known", "Air-", "-Mart", "x-1", "x-y", "x-Y", "x.y", "x.Y", "x.1",
      "x.\u00e9", "x-\u00c9", "x-\u00e9", "end.\n", "Abcdefghijklmn.", "Abcdefghijklmn-",
      "Abcdefghijklmno.", "abc.&", "abc-&", "abc.'", "ABC-", "B-."};
  return pieces;
}

// Tokenizes `rounds` texts of `min_pieces` to `max_pieces` pieces into one OrgTokens (so that its
// slots hold the tokens of earlier texts) and compares each with PlainTokenize, and each token's
// key with FoldWord of its text.
void ExpectTokenizeAsPlain(int rounds, int min_pieces, int max_pieces, unsigned seed) {
  const std::vector<std::string>& pieces = TokenizerPieces();
  std::mt19937 rng(seed);
  std::uniform_int_distribution<size_t> pick(0, pieces.size() - 1);
  std::uniform_int_distribution<int> glue(0, 3);
  orgs::OrgTokens toks;
  for (int round = 0; round < rounds; ++round) {
    std::string text;
    const int n = min_pieces + round % (max_pieces - min_pieces + 1);
    for (int k = 0; k < n; ++k) {
      text += pieces[pick(rng)];
      if (glue(rng) > 0) text += ' ';  // pieces also run into each other
    }
    orgs::Tokenize(text, toks);
    std::vector<PlainToken> got;
    for (size_t i = 0; i < toks.size(); ++i) {
      got.push_back({std::string(toks.Text(i)), toks[i].flags, toks[i].punct});
      std::string fold;  // a URL folds to nothing: it is never part of a name
      if (!toks[i].Is(orgs::OrgToken::kUrl)) orgs::FoldWord(toks.Text(i), fold);
      ASSERT_EQ(toks.Key(i, i + 1), fold) << "text: " << text << " token " << i;
    }
    ASSERT_EQ(got, PlainTokenize(text)) << "text: " << text;
    if (toks.size() > 0) {
      std::string all;
      for (size_t i = 0; i < toks.size(); ++i) {
        if (i > 0) all += ' ';
        all += toks.Key(i, i + 1);
      }
      ASSERT_EQ(toks.Key(0, toks.size()), all) << "text: " << text;
    }
  }
}

TEST(OrgTokens, AgreesWithThePlainTokenizerOnManyTexts) { ExpectTokenizeAsPlain(3000, 1, 40, 7); }

// Long texts: most of a text is taken by the common-stretch loop (TokenizeCommon), which hands
// over to the general loop at a long word, a word ScanWord must end, a byte outside ASCII, a URL,
// the last bytes of the text, and when the token room runs out.
TEST(OrgTokens, AgreesWithThePlainTokenizerOnLongTexts) {
  ExpectTokenizeAsPlain(300, 100, 600, 11);
}

// ClassFront answers for a finished WordIndex, mostly without asking it: its answers must be the
// index's own, for keys of empty classes, of one-key classes (the key and others of its class) and
// of crowded classes (an index of many short keys fills some classes twice or more), and the empty
// key.
TEST(ClassFront, AnswersAsTheIndexDoes) {
  std::mt19937 rng(5);
  const std::string bytes = "abcdeABC .&'-xyz";
  auto random_key = [&] {
    std::string k;
    const int len = static_cast<int>(rng() % 6);
    for (int i = 0; i < len; ++i) k.push_back(bytes[rng() % bytes.size()]);
    return k;
  };
  for (int keys : {0, 1, 50, 3000, 40000}) {
    orgs::WordIndex index;
    for (int i = 0; i < keys; ++i) index.Insert(random_key(), i % 7 == 0 ? -1 : i);
    orgs::ClassFront front;
    front.Build(index);
    int crowded = 0, single = 0;
    std::vector<int> per_class(size_t{1} << orgs::kKeyClassBits, 0);
    index.ForEach([&](std::string_view k, int32_t) {
      if (!k.empty()) ++per_class[orgs::KeyClass(k)];
    });
    for (int c : per_class) {
      crowded += c > 1;
      single += c == 1;
    }
    if (keys >= 3000) {
      EXPECT_GT(crowded, 0) << keys;  // the test reaches the index through the front
      EXPECT_GT(single, 0) << keys;
    }
    for (int q = 0; q < 20000; ++q) {
      const std::string k = random_key();
      const int32_t* want = index.Find(k);
      const int32_t* got = front.Find(k, index);
      ASSERT_EQ(got != nullptr, want != nullptr) << "[" << k << "] keys " << keys;
      if (want != nullptr) {
        EXPECT_EQ(*got, *want) << "[" << k << "]";
      }
    }
    index.ForEach([&](std::string_view k, int32_t v) {
      const int32_t* got = front.Find(k, index);
      ASSERT_NE(got, nullptr) << "[" << k << "]";
      EXPECT_EQ(*got, v) << "[" << k << "]";
    });
  }
}

TEST(WordIndex, FindsWhatWasInsertedAndNothingElse) {
  orgs::WordIndex index;
  EXPECT_EQ(index.Find("Acme"), nullptr);
  std::vector<std::string> keys;
  for (int i = 0; i < 200; ++i) keys.push_back("word" + std::to_string(i) + std::string(i % 13, 'x'));
  for (int i = 0; i < 200; ++i) EXPECT_TRUE(index.Insert(keys[i], i).second);
  auto [again, added] = index.Insert(keys[7], 99);
  EXPECT_FALSE(added);
  EXPECT_EQ(*again, 7);
  EXPECT_EQ(index.size(), 200u);
  for (int i = 0; i < 200; ++i) {
    const int32_t* v = index.Find(keys[i]);
    ASSERT_NE(v, nullptr) << keys[i];
    EXPECT_EQ(*v, i);
  }
  EXPECT_EQ(index.Find("word7"), nullptr);
  EXPECT_EQ(index.Find(""), nullptr);
  EXPECT_TRUE(index.Insert("", -1).second);
  EXPECT_TRUE(index.Contains(""));
  index.Clear();
  EXPECT_TRUE(index.empty());
  EXPECT_EQ(index.Find(keys[3]), nullptr);
  EXPECT_TRUE(index.Insert(keys[3], 3).second);
  EXPECT_EQ(*index.Find(keys[3]), 3);
}

// DocIndex keeps views of its keys instead of copies; it must answer exactly as WordIndex does.
TEST(DocIndex, AnswersAsWordIndexDoesOverTheSameInserts) {
  orgs::WordIndex copies;
  orgs::DocIndex views;
  std::vector<std::string> keys;
  for (int i = 0; i < 300; ++i)
    keys.push_back("name " + std::to_string(i % 170) + std::string(i % 23, 'y'));
  for (int round = 0; round < 2; ++round) {
    copies.Clear();
    views.Clear();
    for (int i = 0; i < 300; ++i) {
      auto [a, a_added] = copies.Insert(keys[i], i);
      auto [b, b_added] = views.Insert(keys[i], i);
      EXPECT_EQ(a_added, b_added) << keys[i];
      EXPECT_EQ(*a, *b) << keys[i];
    }
    EXPECT_EQ(copies.size(), views.size());
    for (int i = 0; i < 400; ++i) {
      const std::string probe = "name " + std::to_string(i % 200) + std::string(i % 29, 'y');
      const int32_t* a = copies.Find(probe);
      const int32_t* b = views.Find(probe);
      ASSERT_EQ(a == nullptr, b == nullptr) << probe;
      if (a != nullptr) {
        EXPECT_EQ(*a, *b) << probe;
      }
      EXPECT_EQ(copies.Contains(probe), views.Contains(probe)) << probe;
    }
  }
}

// CollapseSpaces returns most names as they are, without its loop; the loop alone is the plain
// meaning. Both must agree on names with every kind of whitespace, where it is and is not plain.
TEST(CollapseSpaces, AgreesWithThePlainLoopOnManyNames) {
  auto plain = [](std::string_view s) {
    std::string out;
    bool space = false;
    for (char c : s) {
      if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
        space = !out.empty();
        continue;
      }
      if (c == '>' && space) continue;
      if (space) out.push_back(' ');
      space = false;
      out.push_back(c);
    }
    return out;
  };
  const std::vector<std::string> pieces = {"Acme", "Bank of America", "U.S.", " ", "  ", "\n",
                                           "\n> ", "\t", "\r\n", ">", "a>b", "> ", "x", "é"};
  std::mt19937 rng(11);
  for (int round = 0; round < 5000; ++round) {
    std::string name;
    const int n = 1 + round % 7;
    for (int k = 0; k < n; ++k) name += pieces[rng() % pieces.size()];
    EXPECT_EQ(orgs::CollapseSpaces(name), plain(name)) << "[" << name << "]";
  }
  EXPECT_EQ(orgs::CollapseSpaces("United \n> Nations"), "United Nations");
  EXPECT_EQ(orgs::CollapseSpaces("Cisco Systems"), "Cisco Systems");
}

// The sieve before the word lookups may let through words that are in no table, but never one
// that is: every word of a table of many spellings (one byte to long, cases, "&") keeps its role,
// and every other word has none.
TEST(OrgTables, WordSieveHidesNoWord) {
  std::mt19937 rng(7);
  const std::string letters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ&'.-";
  auto random_word = [&] {
    std::string w;
    const int len = 1 + static_cast<int>(rng() % 14);
    for (int k = 0; k < len; ++k) w.push_back(letters[rng() % (k == 0 ? 52 : letters.size())]);
    return w;
  };
  std::set<std::string> table_words = {"&", "A", "of", "The", "Inc", "Corporation"};
  while (table_words.size() < 600) table_words.insert(random_word());
  std::string words_tsv = "word\trole\n";
  for (const std::string& w : table_words) words_tsv += w + "\tconnector\n";
  auto tables = orgs::OrgTables::Parse("canonical\taliases\tkind\tsource\n",
                                       "word\tposition\tkind\tshort_form\n", words_tsv);
  ASSERT_TRUE(tables.ok()) << tables.status().message();
  for (const std::string& w : table_words) EXPECT_TRUE(tables->IsConnector(w)) << w;
  for (int i = 0; i < 20000; ++i) {
    const std::string w = random_word();
    EXPECT_EQ(tables->FindWord(w) != nullptr, table_words.count(w) > 0 || w == "shares") << w;
  }
}

// "shares of X" opens at "shares" among the words with an entry (OrgScan::listed): the tables
// give it one even when words.tsv does not list it, an entry without roles.
TEST(OrgTables, SharesHasAnEntryWhateverTheTables) {
  auto tables = orgs::OrgTables::Parse("canonical\taliases\tkind\tsource\n",
                                       "word\tposition\tkind\tshort_form\n",
                                       "word\trole\nof\tconnector\n");
  ASSERT_TRUE(tables.ok()) << tables.status().message();
  const orgs::WordInfo* shares = tables->FindWord("shares");
  ASSERT_NE(shares, nullptr);
  EXPECT_EQ(shares->roles, 0);
  EXPECT_EQ(tables->FindWord("Shares"), nullptr);
  EXPECT_TRUE(tables->IsConnector("of"));
}

// OrgScan keeps lists of tokens for the phases that open only at some: the capitalized words
// (caps), the punctuation and words with a word-table entry (listed), and the capitalized words
// the alias-start sieve lets through (alias_caps). Each must hold exactly the tokens the plain
// test over all tokens picks, in order.
TEST(OrgScan, TokenListsHoldExactlyTheirTokens) {
  auto tables = orgs::OrgTables::Load();
  ASSERT_TRUE(tables.ok()) << tables.status().message();
  const std::vector<std::string> texts = {
      "",
      "Acme Corp. said on Monday that shares of Zentrix rose, the company's chief said.",
      "companies including Google, Apple and Amazon; the Finnish company Nokia (NOK) & AT&T",
      "\n\n> Quoted Line Here\nU.S. Navy 1999 www.acme.com Cisco\u2019s deal, \u201cquoted\u201d",
      "the of and in shares Shares SHARES 3M G-7 Wal-Mart O'Brien Telef\u00f3nica \u00c9cole"};
  orgs::OrgScratch scratch;
  for (const std::string& text : texts) {
    Document doc;
    doc.text = text;
    doc.norm.AppendVerbatim(doc.text, 0);
    orgs::OrgScan scan(*tables, doc, scratch);
    std::vector<uint32_t> caps, listed, alias_caps;
    for (uint32_t i = 0; i < scan.toks.size(); ++i) {
      if (scan.IsCap(i)) caps.push_back(i);
      if (scan.IsCap(i) && tables->MayStartAlias(scan.toks.Key(i, i + 1))) alias_caps.push_back(i);
      if (scan.Tok(i).Is(orgs::OrgToken::kPunct) ||
          tables->FindWord(scan.Text(i)) != nullptr)
        listed.push_back(i);
    }
    EXPECT_EQ(scan.caps, caps) << text;
    EXPECT_EQ(scan.listed, listed) << text;
    EXPECT_EQ(scan.alias_caps, alias_caps) << text;
    if (!text.empty()) {
      EXPECT_FALSE(listed.empty()) << text;
    }
  }
}

// OrgScan settles a Title Case line when a rule first asks of one of its tokens, walking no
// further than it must; the plain way counts every line's long words up front. Both must agree,
// whatever the order the tokens are asked in (a line asked in its middle, then before or after).
TEST(OrgScan, TitleLinesAgreeWithThePlainCount) {
  auto tables = orgs::OrgTables::Load();
  ASSERT_TRUE(tables.ok()) << tables.status().message();
  const std::vector<std::string> pieces = {
      "Apple", "Wins", "Court", "Battle", "over", "the", "Big", "IBM", "Acme", "said", "\n",
      "\n\n", ",", "3M", "1999", "NASA", "Launches", "a", "Rocket", "\u00c9cole", "naive",
      "Zentrix", "Holdings", "Inc.", "of", "University"};
  std::mt19937 rng(3);
  orgs::OrgScratch scratch;
  for (int round = 0; round < 400; ++round) {
    std::string text;
    const int n = 1 + round % 60;
    for (int k = 0; k < n; ++k) {
      text += pieces[rng() % pieces.size()];
      text += ' ';
    }
    Document doc;
    doc.text = text;
    doc.norm.AppendVerbatim(doc.text, 0);
    orgs::OrgScan scan(*tables, doc, scratch);
    // The plain way: lines split at line starts, counted whole.
    std::vector<bool> plain(scan.toks.size());
    for (size_t first = 0; first < scan.toks.size();) {
      size_t end = first + 1;
      while (end < scan.toks.size() && !scan.Tok(end).Is(orgs::OrgToken::kLineStart)) ++end;
      int long_words = 0, long_caps = 0;
      for (size_t k = first; k < end; ++k) {
        const orgs::OrgToken& t = scan.Tok(k);
        if (!t.Is(orgs::OrgToken::kWord) || t.end - t.begin < 4) continue;
        ++long_words;
        long_caps += t.Is(orgs::OrgToken::kCapitalized);
      }
      for (size_t k = first; k < end; ++k) plain[k] = long_words >= 3 && long_caps == long_words;
      first = end;
    }
    std::vector<size_t> order(scan.toks.size());
    std::iota(order.begin(), order.end(), 0);
    std::shuffle(order.begin(), order.end(), rng);
    for (size_t k : order) ASSERT_EQ(scan.TitleLine(k), plain[k]) << "token " << k << ": " << text;
    for (size_t k = 0; k < scan.toks.size(); ++k) ASSERT_EQ(scan.TitleLine(k), plain[k]) << text;
  }
}

// SelectCandidates sorts with the order of proposal as the last tie-break; the plain way is a
// stable sort without it. Both must take the same mentions, with the same rules, among many candidates
// of equal length, priority and first token.
TEST(OrgScan, SelectionAgreesWithAStableSort) {
  auto tables = orgs::OrgTables::Load();
  ASSERT_TRUE(tables.ok()) << tables.status().message();
  Document doc;
  doc.text = "Alpha Beta Gamma Delta Epsilon Zeta Eta Theta Iota Kappa Lambda Mu";
  doc.norm.AppendVerbatim(doc.text, 0);
  static const char* const kRules[] = {"r0", "r1", "r2", "r3", "r4", "r5", "r6", "r7"};
  std::mt19937 rng(9);
  orgs::OrgScratch scratch;
  for (int round = 0; round < 300; ++round) {
    orgs::OrgScan scan(*tables, doc, scratch);
    const auto n = static_cast<uint32_t>(scan.toks.size());
    std::vector<orgs::OrgCandidate> proposed;
    for (int k = 0; k < 1 + round % 40; ++k) {
      const uint32_t first = rng() % n;
      const uint32_t last = first + 1 + rng() % std::min<uint32_t>(3, n - first);
      const int priority = static_cast<int>(rng() % 2) * 10;
      const char* rule = kRules[rng() % 8];
      scan.Propose(first, last, -1, priority, rule);
      proposed.push_back({first, last, -1, priority, rule});
    }
    std::stable_sort(proposed.begin(), proposed.end(),
                     [](const orgs::OrgCandidate& a, const orgs::OrgCandidate& b) {
                       uint32_t la = a.last - a.first, lb = b.last - b.first;
                       if (la != lb) return la > lb;
                       if (a.priority != b.priority) return a.priority > b.priority;
                       return a.first < b.first;
                     });
    std::vector<bool> taken(n, false);
    std::vector<std::tuple<uint32_t, uint32_t, std::string>> want;
    for (const orgs::OrgCandidate& c : proposed) {
      bool free = true;
      for (uint32_t i = c.first; i < c.last; ++i) free = free && !taken[i];
      if (!free) continue;
      for (uint32_t i = c.first; i < c.last; ++i) taken[i] = true;
      want.emplace_back(c.first, c.last, c.rule);
    }
    scan.SelectCandidates();
    std::vector<std::tuple<uint32_t, uint32_t, std::string>> got;
    for (const orgs::OrgMention& m : scan.mentions) got.emplace_back(m.first, m.last, m.rule);
    ASSERT_EQ(got, want) << "round " << round;
  }
}

// The sieve before the alias lookups may let through keys that are no alias, but never one that
// begins an alias.
TEST(OrgTables, AliasStartSieveHidesNoAlias) {
  auto tables = orgs::OrgTables::Load();
  ASSERT_TRUE(tables.ok()) << tables.status().message();
  orgs::OrgTokens toks;
  orgs::Tokenize(
      "Federal Bureau of Investigation said Wal-Mart , AT&T and Telefónica met the NSA , "
      "Reuters , Apple Inc. , Cisco Systems and the Associated Press ; Acme Zentrix Quux "
      "Nokia Samsung Electronics Google Amazon Mandiant Microsoft IBM N.S.A. F.B.I. BBC",
      toks);
  int aliases = 0, sieved = 0;
  for (size_t i = 0; i < toks.size(); ++i) {
    const std::string_view key = toks.Key(i, i + 1);
    const orgs::KnownAlias* alias = nullptr;
    if (tables->FindAliasOrPrefix(key, alias)) {
      ++aliases;
      EXPECT_TRUE(tables->MayStartAlias(key)) << key;
    }
    sieved += !tables->MayStartAlias(key);
  }
  EXPECT_GT(aliases, 5);  // the text does name known organizations
  EXPECT_GT(sieved, 0);   // and the sieve does turn words away
}

// OrgScan looks up which entity of an earlier stage covers a token when a rule first asks
// (Other); the plain way marks, for each entity, the tokens whose raw ranges meet it. Both must agree, also where the
// normalized text collapses raw bytes (a joined line, a folded quote).
TEST(OrgScan, EntityMarksAgreeWithThePlainOffsetLookups) {
  auto tables = orgs::OrgTables::Load();
  ASSERT_TRUE(tables.ok()) << tables.status().message();
  Document doc;
  doc.text = "Yuki Sato of\n    Japan said \u201cAcme\u201d met on Tuesday in Paris, France.";
  doc.norm.AppendVerbatim("Yuki Sato of", 0);
  doc.norm.Append(" ", 12, 17);
  doc.norm.AppendVerbatim("Japan said ", 17);
  doc.norm.Append("\"", 28, 31);
  doc.norm.AppendVerbatim("Acme", 31);
  doc.norm.Append("\"", 35, 38);
  doc.norm.AppendVerbatim(" met on Tuesday in Paris, France.", 38);
  struct Mark {
    EntityType type;
    uint32_t start, end;
  };
  const std::vector<Mark> marks = {
      {EntityType::kPerson, 0, 9},     {EntityType::kNation, 17, 22},
      {EntityType::kDate, 46, 53},     {EntityType::kNation, 57, 62},
      {EntityType::kNation, 64, 70},   {EntityType::kPerson, 27, 36},  // over the quote
      {EntityType::kOrganization, 31, 35},
      {EntityType::kDate, 11, 12},     {EntityType::kNation, 40, 41},  // inside a word
  };
  for (const Mark& m : marks) {
    Entity e;
    e.type = m.type;
    e.start = m.start;
    e.end = m.end;
    doc.entities.push_back(e);
  }
  orgs::OrgScratch scratch;
  orgs::OrgScan scan(*tables, doc, scratch);
  std::vector<orgs::OtherKind> want(scan.toks.size(), orgs::OtherKind::kNone);
  for (const Entity& e : doc.entities) {
    const orgs::OtherKind kind = e.type == EntityType::kPerson   ? orgs::OtherKind::kPerson
                                 : e.type == EntityType::kNation ? orgs::OtherKind::kNation
                                 : e.type == EntityType::kDate   ? orgs::OtherKind::kDate
                                                                 : orgs::OtherKind::kNone;
    if (kind == orgs::OtherKind::kNone) continue;
    for (size_t i = 0; i < scan.toks.size(); ++i) {
      const orgs::OrgToken& t = scan.toks[i];
      if (doc.norm.RawEnd(t.end - 1) > e.start && doc.norm.RawBegin(t.begin) < e.end)
        want[i] = kind;
    }
  }
  ASSERT_EQ(scan.toks.size(), want.size());
  int marked = 0;
  for (size_t i = 0; i < want.size(); ++i) {
    EXPECT_EQ(scan.Other(i), want[i]) << "token " << i << " " << scan.Text(i);
    EXPECT_EQ(scan.Other(i), want[i]) << "asked again: token " << i;
    marked += want[i] != orgs::OtherKind::kNone;
  }
  EXPECT_GT(marked, 5);
}

}  // namespace
}  // namespace accord
