// The nation stage's named rules, each with sentences where it must fire and sentences where
// it must not (extractors/nations/nation_rules.h lists the rules). The sentences are written for
// these tests.
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "extractors/nations/nation_stage.h"

namespace accord {
namespace {

struct Found {
  std::string text;
  std::string code;
  std::string rule;
};

class NationStageTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto stage = MakeNationStage(StageOptions{});
    ASSERT_TRUE(stage.ok()) << stage.status().ToString();
    stage_ = std::move(stage).value().release();
  }
  static void TearDownTestSuite() {
    delete stage_;
    stage_ = nullptr;
  }
  static std::vector<Found> Run(const std::string& text) {
    Document doc;
    doc.text = text;
    doc.norm.AppendVerbatim(text, 0);
    Status s = stage_->Run(doc);
    EXPECT_TRUE(s.ok()) << s.ToString();
    std::vector<Found> out;
    for (const Entity& e : doc.entities) {
      EXPECT_EQ(e.type, EntityType::kNation);
      out.push_back({std::string(doc.TextOf(e)), e.code, e.rule});
    }
    return out;
  }
  static Stage* stage_;
};
Stage* NationStageTest::stage_ = nullptr;

// One sentence and the nation spans it must yield ("text/CODE", in order; empty: none).
struct Case {
  const char* rule;  // the rule the case exercises
  const char* sentence;
  std::vector<std::string> expected;
};

std::vector<std::string> Render(const std::vector<Found>& found) {
  std::vector<std::string> out;
  for (const Found& f : found) out.push_back(f.text + "/" + f.code);
  return out;
}

const std::vector<Case>& Cases() {
  static const std::vector<Case> cases = {
      // Names, aliases, historical states.
      {"nation-name", "Talks between Russia and Ukraine resumed.", {"Russia/RU", "Ukraine/UA"}},
      {"nation-name", "The U.S. and the UK signed it; the USA agreed.", {"U.S./US", "UK/GB", "USA/US"}},
      {"nation-name", "She moved from Holland to Great Britain.", {"Holland/NL", "Great Britain/GB"}},
      {"nation-name", "Burma, also called Myanmar, borders Laos.", {"Burma/MM", "Myanmar/MM", "Laos/LA"}},
      {"nation-name", "Exports from Côte d’Ivoire and Cote d'Ivoire and Ivory Coast.",
       {"Côte d’Ivoire/CI", "Cote d'Ivoire/CI", "Ivory Coast/CI"}},
      {"nation-name", "The Soviet Union, Yugoslavia, East Germany and Czechoslovakia are gone.",
       {"Soviet Union/SU", "Yugoslavia/YU", "East Germany/DD", "Czechoslovakia/CS"}},
      {"nation-name", "The United\n> States and the People's Republic of China met.",
       {"United\n> States/US", "People's Republic of China/CN"}},
      {"nation-name", "China's exports rose.", {"China/CN"}},
      {"nation-name", "NORTH KOREA TESTS MISSILE NEAR JAPAN", {"NORTH KOREA/KP", "JAPAN/JP"}},
      {"nation-name", "He left the DPRK for the Islamic Republic of Iran.", {"DPRK/KP", "Islamic Republic of Iran/IR"}},
      {"nation-name", "the U.S.-led coalition", {"U.S./US"}},
      {"nation-name", "troops left the U.S", {"U.S/US"}},
      {"nation-name", "Sudan and South Sudan; Dominica and the Dominican Republic.",
       {"Sudan/SD", "South Sudan/SS", "Dominica/DM", "Dominican Republic/DO"}},
      {"nation-name", "Guinea, Guinea-Bissau, Equatorial Guinea and Papua New Guinea.",
       {"Guinea/GN", "Guinea-Bissau/GW", "Equatorial Guinea/GQ", "Papua New Guinea/PG"}},
      {"nation-name", "Pilgrims flew from the Vatican to Czechia and the Czech Republic.",
       {"Vatican/VA", "Czechia/CZ", "Czech Republic/CZ"}},
      // Case: short aliases are case-sensitive; names need their capitals.
      {"nation-name", "Let us know what you think of us.", {}},
      {"nation-name", "a bull in a china shop and a turkey dinner", {}},
      // Fixed names and regions.
      {"fixed-name", "She flew American Airlines and British Airways.", {}},
      {"fixed-name", "Bank of America and Voice of America reported.", {}},
      {"fixed-name", "Latin America and North America; the Latin American market.", {}},
      {"fixed-name", "a game of Russian roulette with French fries", {}},
      {"fixed-name", "New Mexico and Papua are not countries; neither is Northern Ireland.", {}},
      {"non-sovereign-territory", "Flights to Puerto Rico and Hong Kong resumed.", {}},
      // US$.
      {"us-currency", "a contract worth US$40 billion", {}},
      {"us-currency", "a US contract worth $40 billion", {"US/US"}},
      {"us-currency", "a deal worth about US $3 billion", {}},
      {"person-surname", "Talks Stall\n\nJordan Hits Back at Critics", {"Jordan/JO"}},
      {"us-in-acronym", "The charset is US-ASCII.", {}},
      {"us-in-acronym", "US-UK talks and US-led raids", {"US/US", "UK/GB", "US/US"}},
      {"us-pronoun-in-caps", "PLEASE LET US KNOW", {}},
      {"us-pronoun-in-caps", "CHINA WARNS US OVER TARIFFS", {"CHINA/CN", "US/US"}},
      // the States.
      {"the-states", "He came back to the States last year.", {"States/US"}},
      {"the-states", "member States of the union", {}},
      {"the-states", "the States Parties to the treaty", {}},
      // Georgia.
      {"georgia-us-state", "He was born in Atlanta, Georgia, and moved to Savannah.", {}},
      {"georgia-us-state", "Voters in Georgia went to the polls.", {}},
      {"georgia-us-state", "Russian hackers targeted voters in Georgia.", {"Russian/RU"}},
      {"georgia-us-state", "Georgia, Ukraine and Moldova signed with Russia and Georgia.",
       {"Georgia/GE", "Ukraine/UA", "Moldova/MD", "Russia/RU", "Georgia/GE"}},
      {"georgia-us-state", "Armenia and Georgia signed; so did Georgia, Ukraine and Moldova.",
       {"Armenia/AM", "Georgia/GE", "Georgia/GE", "Ukraine/UA", "Moldova/MD"}},
      {"georgia-us-state", "Russia sent troops into Georgia after fighting near Tbilisi.",
       {"Russia/RU", "Georgia/GE"}},
      // Jordan, Chad.
      {"person-surname", "Michael Jordan retired again.", {}},
      {"person-speaker", "Jordan said he was tired.", {}},
      {"person-first-name", "Chad Hurley founded the company.", {}},
      {"person-first-name", "Georgia O'Keeffe painted near Tbilisi in Georgia.", {"Georgia/GE"}},
      {"person-first-name", "Refugees crossed from Syria into Jordan and Chad.", {"Syria/SY", "Jordan/JO", "Chad/TD"}},
      {"person-first-name", "Officials in Israel Tuesday denied it.", {"Israel/IL"}},
      // Turkey, China.
      {"turkey-the-bird", "Turkey sandwiches were served.", {}},
      {"turkey-the-bird", "Turkey joined NATO in 1952.", {"Turkey/TR"}},
      {"china-porcelain", "She set out the fine China for the guests.", {}},
      {"china-porcelain", "Exports to China grew.", {"China/CN"}},
      // Guinea, Niger.
      {"fixed-name", "Guinea pigs were used in the test.", {}},
      {"fixed-name", "The Niger River floods each year; Niger held elections.", {"Niger/NE"}},
      // Congo, Korea.
      {"congo-bare", "The Republic of the Congo and Congo signed.", {"Republic of the Congo/CG", "Congo/CG"}},
      {"congo-bare", "Fighting in Congo displaced thousands.", {"Congo/CD"}},
      {"korea-bare", "Samsung is based in Korea.", {"Korea/KR"}},
      {"korea-bare", "The Korean War ended in an armistice on the Korean Peninsula.", {}},
      // Organization names.
      {"in-org-name-after-of", "The Bank of Japan raised rates in Japan.", {"Japan/JP"}},
      {"in-org-name-before-head", "China Eastern Airlines flies to France.", {"France/FR"}},
      {"in-org-name-before-head", "the Russian Orthodox Church and a Russian firm", {"Russian/RU"}},
      {"fixed-name", "Shares of China Eastern’s parent and Singapore Airlines rose.", {}},
      {"inside-url", "See http://example.org/wiki/Flights_to_China_resume or www.example.com/US/news", {}},
      {"inside-url", "Write to China@example.org or to desk@Russia", {}},
      {"inside-url", "not quite a URL: a:/China b/ww.Russia China, Russia", {"China/CN", "Russia/RU", "China/CN", "Russia/RU"}},
      {"inside-url", "ends with the mark: Chinawww. Russia:// and @Iraq", {}},
      {"inside-url", "a run that is the word alone: www.example.org China http://x.org Russia a@b Iraq",
       {"China/CN", "Russia/RU", "Iraq/IQ"}},
      {"inside-url", "China\nRussia\tIraq\rIran", {"China/CN", "Russia/RU", "Iraq/IQ", "Iran/IR"}},
      {"us-currency", "It costs $9.99 US dollars, or 8 U.S. dollars.", {}},
      {"us-town", "He grew up in Lebanon, Pennsylvania, and Peru, New York.", {}},
      {"us-town", "Lebanon, Syria and Iraq", {"Lebanon/LB", "Syria/SY", "Iraq/IQ"}},
      {"us-town", "Russia, Georgia and Ukraine met in Tbilisi.", {"Russia/RU", "Georgia/GE", "Ukraine/UA"}},
      {"person-surname", "Tom Holland and Mr. Jordan arrived.", {}},
      {"fixed-name", "the Iran-Contra affair and U.S. West", {}},
      {"in-org-name-before-head", "an interview with Russia Today", {}},
      // Demonyms.
      {"demonym-modifier", "American officials met a Russian firm and Filipino workers.",
       {"American/US", "Russian/RU", "Filipino/PH"}},
      {"demonym-modifier", "Saudi petrochemical plants, Emirati investors and Dutch banks",
       {"Saudi/SA", "Emirati/AE", "Dutch/NL"}},
      {"demonym-modifier", "a Soviet submarine and the British health care system",
       {"Soviet/SU", "British/GB"}},
      {"demonym-modifier", "Russian-made rifles", {"Russian/RU"}},
      {"demonym-modifier", "British Prime Minister Theresa May", {"British/GB"}},
      {"demonym-coordinated", "American and British officials", {"American/US", "British/GB"}},
      {"demonym-coordinated", "Russian, Chinese or Iranian hackers", {"Russian/RU", "Chinese/CN", "Iranian/IR"}},
      {"demonym-as-noun", "The Russians and the Chinese said no.", {}},
      {"demonym-modifier", "a British think-tank; the British think so.", {"British/GB"}},
      {"demonym-as-noun", "Britons voted; the French said little.", {}},
      {"demonym-as-noun", "The plan was backed by the Swiss.", {}},
      {"demonym-language", "the Russian language and French-speaking towns", {}},
  };
  return cases;
}

TEST_F(NationStageTest, NamedRulesOnWrittenSentences) {
  for (const Case& c : Cases()) {
    EXPECT_EQ(Render(Run(c.sentence)), c.expected) << "rule " << c.rule << ": " << c.sentence;
  }
}

TEST_F(NationStageTest, EntitiesCarryCanonicalNamesAndRules) {
  Document doc;
  doc.text = "The U.S. and Britain and the Soviet Union and Burma.";
  doc.norm.AppendVerbatim(doc.text, 0);
  ASSERT_TRUE(stage_->Run(doc).ok());
  ASSERT_EQ(doc.entities.size(), 4u);
  EXPECT_EQ(doc.entities[0].canonical, "United States");
  EXPECT_EQ(doc.entities[1].canonical, "United Kingdom");
  EXPECT_EQ(doc.entities[2].canonical, "Soviet Union");
  EXPECT_EQ(doc.entities[3].canonical, "Myanmar");
  for (const Entity& e : doc.entities) EXPECT_EQ(e.rule, "nation-name");
}

TEST_F(NationStageTest, SpansMapBackThroughTheNormalizedCopy) {
  // The normalized copy holds only the second half of the raw text.
  Document doc;
  doc.text = "Header: Spain\n\nTalks with France.";
  const uint32_t body = static_cast<uint32_t>(doc.text.find("Talks"));
  doc.norm.AppendVerbatim(std::string_view(doc.text).substr(body), body);
  ASSERT_TRUE(stage_->Run(doc).ok());
  ASSERT_EQ(doc.entities.size(), 1u);
  EXPECT_EQ(doc.TextOf(doc.entities[0]), "France");
  EXPECT_EQ(doc.entities[0].code, "FR");
}

}  // namespace
}  // namespace accord
