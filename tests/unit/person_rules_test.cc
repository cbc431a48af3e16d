// The person stage on sentences written for these tests: every rule with positive examples and
// negative ones (capitalised words that are not people). Each case lists the expected names as
// "span=canonical" in text order.
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "extractors/people/person_stage.h"
#include "pipeline/document.h"

namespace accord {
namespace {

// Runs the person stage on `text` as one body zone; returns "span=canonical" per name.
std::vector<std::string> People(const std::string& text, ZoneKind kind = ZoneKind::kBody,
                                std::vector<std::string>* rules = nullptr) {
  static const auto stage = MakePersonStage({});
  EXPECT_TRUE(stage.ok()) << stage.status().ToString();
  Document doc;
  doc.text = text;
  doc.zones.push_back({kind, {0, static_cast<uint32_t>(text.size())}, 0, false});
  doc.norm.AppendVerbatim(text, 0);
  doc.norm_articles.push_back({{0, static_cast<uint32_t>(text.size())}, 0});
  EXPECT_TRUE((*stage)->Run(doc).ok());
  std::vector<std::string> out;
  for (const Entity& e : doc.entities) {
    EXPECT_EQ(e.type, EntityType::kPerson);
    out.push_back(std::string(doc.TextOf(e)) + "=" + e.canonical);
    if (rules) rules->push_back(e.rule);
  }
  return out;
}

struct Case {
  const char* rule;  // the rule the case exercises (for the failure message)
  const char* text;
  std::vector<std::string> expected;
};

class PersonRulesTest : public ::testing::TestWithParam<Case> {};

TEST_P(PersonRulesTest, FindsExactlyTheExpectedNames) {
  const Case& c = GetParam();
  std::vector<std::string> rules;
  EXPECT_EQ(People(c.text, ZoneKind::kBody, &rules), c.expected)
      << "rule " << c.rule << " on: " << c.text;
}

const Case kCases[] = {
    // title: honorifics, titles and roles are evidence, not part of the span.
    {"title", "Yesterday Mr. Okonkwo declined to comment.", {"Okonkwo=Okonkwo"}},
    {"title", "The bill was signed by Gov. Ada Quinnell on Friday.", {"Ada Quinnell=Ada Quinnell"}},
    {"title", "It was President Vargas who spoke first.", {"Vargas=Vargas"}},
    {"title", "Prime Minister Tamsin Okoro arrived late.", {"Tamsin Okoro=Tamsin Okoro"}},
    {"title", "The company's spokeswoman Ilse Brandvold said no.", {"Ilse Brandvold=Ilse Brandvold"}},
    {"title", "Secretary of State Ulla Marsk flew home.", {"Ulla Marsk=Ulla Marsk"}},
    {"title", "Their general counsel, Odile Ferrant, disagreed.", {"Odile Ferrant=Odile Ferrant"}},
    {"title", "Spokeswoman Dara Kettleby said the plant would close.", {"Dara Kettleby=Dara Kettleby"}},
    {"title", "Globex President Hal Verity signed the deal.", {"Hal Verity=Hal Verity"}},
    // first-name: a given name of the lexicon and a capitalised surname.
    {"first-name", "The report was written by Walter Quist last year.", {"Walter Quist=Walter Quist"}},
    {"first-name", "They met Edward J. Pellworth in Vienna.", {"Edward J. Pellworth=Edward J. Pellworth"}},
    {"first-name", "Then Peter van Hoorne spoke.", {"Peter van Hoorne=Peter van Hoorne"}},
    {"first-name", "A speech by Martin Luther King Jr. was read.", {"Martin Luther King Jr.=Martin Luther King Jr."}},
    {"first-name", "Later Jean-Luc Marchetti joined them.", {"Jean-Luc Marchetti=Jean-Luc Marchetti"}},
    {"first-name", "It was Michael O'Rourke's idea.", {"Michael O'Rourke=Michael O'Rourke"}},
    {"first-name", "It was Michael O\u2019Rourke\u2019s idea.", {"Michael O\u2019Rourke=Michael O\u2019Rourke"}},
    {"first-name", "Reporters asked Bashar al-Tamimi again.", {"Bashar al-Tamimi=Bashar al-Tamimi"}},
    {"first-name", "The letter from Steve\nBrandt arrived.", {"Steve\nBrandt=Steve Brandt"}},
    // speech, according-to, appositive, age.
    {"speech", "Tomasz Wrzesniak said the deal was off.", {"Tomasz Wrzesniak=Tomasz Wrzesniak"}},
    {"speech", "\"It is over,\" said Ngozi Adebayo-Okafor.", {"Ngozi Adebayo-Okafor=Ngozi Adebayo-Okafor"}},
    {"according-to", "The plan failed, according to Ksenia Volkonskaya.", {"Ksenia Volkonskaya=Ksenia Volkonskaya"}},
    {"appositive", "Ilkka Saarinen, Nokia's chief economist, disagreed.", {"Ilkka Saarinen=Ilkka Saarinen"}},
    {"appositive", "Ilkka Saarinen, who runs the lab, disagreed.", {"Ilkka Saarinen=Ilkka Saarinen"}},
    {"age", "The court heard that Pellworth, 52, had left.", {"Pellworth=Pellworth"}},
    {"title", "It was said by his wife, Xu Hong.", {"Xu Hong=Xu Hong"}},
    {"title", "He said that the National Security Adviser Dana\nWhitlock warned them.", {"Dana\nWhitlock=Dana Whitlock"}},
    // administration: the name only.
    {"administration", "Critics of the Marlowe administration objected.", {"Marlowe=Marlowe"}},
    // coreference: later short mentions take the fullest form.
    {"coref", "Brad Smith spoke first. Later Smith said Mr. Smith's plan was ready.",
     {"Brad Smith=Brad Smith", "Smith=Brad Smith", "Smith=Brad Smith"}},
    {"coref", "Smith will speak after Brad Smith arrives.", {"Smith=Brad Smith", "Brad Smith=Brad Smith"}},
    {"coref", "Edward Snowden fled. Edward J. Snowden is in Moscow. Snowden said no.",
     {"Edward Snowden=Edward J. Snowden", "Edward J. Snowden=Edward J. Snowden", "Snowden=Edward J. Snowden"}},
    {"coref", "Tim Halvorsen and Timothy Halvorsen are one man.",
     {"Tim Halvorsen=Timothy Halvorsen", "Timothy Halvorsen=Timothy Halvorsen"}},
    {"coref", "Mr. Pellworth spoke. Then Pellworth left.", {"Pellworth=Pellworth", "Pellworth=Pellworth"}},
    {"surname-repeat", "Police charged Orrick Tamsett Fenn on Tuesday. Fenn said he was innocent.",
     {"Orrick Tamsett Fenn=Orrick Tamsett Fenn", "Fenn=Orrick Tamsett Fenn"}},
    {"coref-first", "They charged Walter Quist and his wife, Rosalind. Rosalind Quist denied it; Walter spoke.",
     {"Walter Quist=Walter Quist", "Rosalind=Rosalind Quist", "Rosalind Quist=Rosalind Quist",
      "Walter=Walter Quist"}},
    {"coref-first", "Yesterday Will Smith spoke. Will it rain?", {"Will Smith=Will Smith"}},
    // Negative: capitalised words that are not people.
    {"negative", "Cisco Systems and General Motors reported losses.", {}},
    {"negative", "The meeting in New York was on Monday, April 17.", {}},
    {"negative", "However, Microsoft and Google declined.", {}},
    {"negative", "Microsoft said the attack came from North Korea.", {}},
    {"negative", "The Apple Chief Executive Officer, announced nothing.", {}},
    {"negative", "Members of the iPhone Developer Program can apply.", {}},
    {"negative", "It is on Page B1 of the paper.", {}},
    {"negative", "Douglas Aircraft built the plane in Long Beach.", {}},
    {"negative", "See http://example.com/Steve_Jobs_Brad_Smith for details.", {}},
    {"negative", "Write to Walter.Quist@example.com today.", {}},
    {"negative", "Will Apple release it? May Day was quiet.", {}},
    {"negative", "It cut 4,300 jobs in France, 3,700 in Germany.", {}},
    {"negative", "Northrop Grumman, the defense contractor, won.", {}},
    {"negative", "The Clipper Chip would let the government listen.", {}},
    {"negative", "Fears of Big Brother\n\nClipper Chip would let them listen.", {}},
    {"negative", "He called his Brother Anselm Vey.", {}},
    {"negative", "Critics, who were many, left.", {}},
    {"negative", "The jets are owned by Skyreach, who leases them.", {}},
    {"negative", "The town of Port Hong, which is small, voted.", {}},
    {"negative", "Director    Voice: +1 212 555 0100", {}},
    // Chain edges: a chain of one function word, weekday or month names no one; a title needs a
    // part after it; title evidence before a chain counts for its first segment only.
    {"chain-edge", "The. But. Monday. May. President. Secretary of State.", {}},
    {"chain-edge", "But Mr. Okonkwo declined.", {"Okonkwo=Okonkwo"}},
    {"chain-edge", "On Monday Mr. Okonkwo declined.", {"Okonkwo=Okonkwo"}},
    {"chain-edge", "Ask Mr. Okonkwo. The President. Okonkwo left.", {"Okonkwo=Okonkwo", "Okonkwo=Okonkwo"}},
    {"chain-edge", "It was Secretary of State.", {}},
    {"chain-edge", "Mr. The Okonkwo left.", {}},
    {"chain-edge", "Gov. Ada Quinnell and Walter Quist met.", {"Ada Quinnell=Ada Quinnell", "Walter Quist=Walter Quist"}},
    {"chain-edge", "Yesterday Prime Minister Tamsin Okoro said so.", {"Tamsin Okoro=Tamsin Okoro"}},
    {"chain-edge", "Tuesday Tomasz Wrzesniak said the deal was off.", {"Tomasz Wrzesniak=Tomasz Wrzesniak"}},
};

INSTANTIATE_TEST_SUITE_P(Rules, PersonRulesTest, ::testing::ValuesIn(kCases));

TEST(PersonZonesTest, BylineNamesArePeopleButNotTheirPaper) {
  EXPECT_EQ(People("By Ilse Brandvold, Chronicle Staff Writer\n", ZoneKind::kByline),
            (std::vector<std::string>{"Ilse Brandvold=Ilse Brandvold"}));
  EXPECT_EQ(People("By Ilse Brandvold and Tomasz Wrzesniak\n", ZoneKind::kByline),
            (std::vector<std::string>{"Ilse Brandvold=Ilse Brandvold",
                                      "Tomasz Wrzesniak=Tomasz Wrzesniak"}));
  EXPECT_EQ(People("By The Associated Press\n", ZoneKind::kByline), std::vector<std::string>{});
}

TEST(PersonZonesTest, BylineLineWithoutZoning) {
  EXPECT_EQ(People("Tech Firms Pledge Restraint\nBy Kwame Asante-Boateng\n\nThe firms agreed."),
            (std::vector<std::string>{"Kwame Asante-Boateng=Kwame Asante-Boateng"}));
}

TEST(PersonZonesTest, TitleCaseHeadlinesNeedStrongEvidence) {
  // Every word of a headline is capitalised: a run of them is not a name by itself.
  EXPECT_EQ(People("Boeing Pushes Back Dreamliner Deliveries Again\n", ZoneKind::kTitle),
            std::vector<std::string>{});
  EXPECT_EQ(People("Grace Period Ends For Mark Makers\n", ZoneKind::kTitle),
            std::vector<std::string>{});
  // A name of the body repeated in the headline is found there too.
  EXPECT_EQ(People("Pellworth Leaves Globex\n\nThe board said Ilse Pellworth will leave.\n"),
            (std::vector<std::string>{"Pellworth=Ilse Pellworth", "Ilse Pellworth=Ilse Pellworth"}));
}

TEST(PersonZonesTest, HeadlinesKnowTheNamesOfTheSecondCoreferenceRound) {
  // "Ildor Quorvath" repeats the surname of "Quorvath, 52," (first round); the lone "Ildor"
  // repeats that name's first word (second round); the headline's "Ildor" is then known.
  std::vector<std::string> rules;
  EXPECT_EQ(People("Ildor Leaves Globex Today\n\nQuorvath, 52, was charged. Then Ildor Quorvath "
                   "left the room. Later, Ildor left.\n",
                   ZoneKind::kBody, &rules),
            (std::vector<std::string>{"Ildor=Ildor", "Quorvath=Ildor Quorvath",
                                      "Ildor Quorvath=Ildor Quorvath", "Ildor=Ildor Quorvath"}));
  EXPECT_EQ(rules, (std::vector<std::string>{"people/coref-headline", "people/age",
                                             "people/coref-full", "people/coref-first"}));
}

TEST(PersonZonesTest, QuoteMarksInsideAWrappedName) {
  EXPECT_EQ(People("> the chief officer, James\n>   Kallworth, has repeated it.\n"),
            (std::vector<std::string>{"James\n>   Kallworth=James Kallworth"}));
}

TEST(PersonRulesTest, RuleNamesAreRecorded) {
  std::vector<std::string> rules;
  People("Mr. Okonkwo met Walter Quist. Okonkwo left.", ZoneKind::kBody, &rules);
  EXPECT_EQ(rules, (std::vector<std::string>{"people/title", "people/first-name",
                                             "people/coref-surname"}));
}

}  // namespace
}  // namespace accord
