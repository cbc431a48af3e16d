// Organization stage: table-driven examples written for this test (not taken from any corpus),
// one group per rule, plus the folding that makes spellings meet.
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "extractors/organizations/org_tokens.h"
#include "extractors/organizations/organization_stage.h"
#include "extractors/organizations/word_index.h"

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

}  // namespace
}  // namespace accord
