// Resolve stage: each named rule with examples written for this test.
#include <algorithm>
#include <iterator>
#include <random>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "pipeline/resolve/name_cleanup.h"
#include "pipeline/resolve/overlap_rules.h"
#include "pipeline/resolve/resolve_stage.h"

namespace accord {
namespace {

// An entity over the first occurrence of `what` in `text` (at or after `from`).
Entity At(const std::string& text, std::string_view what, EntityType type, std::string rule = "",
          size_t from = 0) {
  size_t pos = text.find(what, from);
  EXPECT_NE(pos, std::string::npos) << what;
  Entity e;
  e.type = type;
  e.start = static_cast<uint32_t>(pos);
  e.end = static_cast<uint32_t>(pos + what.size());
  e.rule = std::move(rule);
  return e;
}

struct OverlapCase {
  const char* text;
  const char* a;
  EntityType a_type;
  const char* a_rule;
  const char* b;
  EntityType b_type;
  const char* b_rule;
  bool a_wins;
  const char* rule;
};

class OverlapRules : public ::testing::TestWithParam<OverlapCase> {};

TEST_P(OverlapRules, DecidesByNamedRule) {
  const OverlapCase& c = GetParam();
  std::string text = c.text;
  Entity a = At(text, c.a, c.a_type, c.a_rule), b = At(text, c.b, c.b_type, c.b_rule);
  auto d = resolve::Decide(a, b);
  EXPECT_EQ(d.first_wins, c.a_wins) << c.text;
  EXPECT_EQ(d.rule, c.rule) << c.text;
  auto reverse = resolve::Decide(b, a);  // the order of the pair does not matter
  EXPECT_EQ(reverse.first_wins, !c.a_wins) << c.text;
}

constexpr auto kOrg = EntityType::kOrganization;
constexpr auto kPerson = EntityType::kPerson;
constexpr auto kNation = EntityType::kNation;
constexpr auto kDate = EntityType::kDate;

const OverlapCase kOverlaps[] = {
    {"He banks with Bank of America.", "Bank of America", kOrg, "known-name", "America", kNation, "",
     true, "organization-embeds-name"},
    {"She flew American Airlines.", "American Airlines", kOrg, "known-name", "American", kNation, "",
     true, "organization-embeds-name"},
    {"Ford Motor sold more trucks.", "Ford Motor", kOrg, "designator-suffix", "Ford", kPerson, "",
     true, "organization-embeds-name"},
    {"He bought a Dell laptop.", "Dell", kOrg, "known-name", "Dell", kPerson, "", true,
     "known-organization-on-span"},
    {"Flights to Qatar resumed.", "Qatar", kOrg, "propagation", "Qatar", kNation, "", false,
     "name-over-weak-organization"},
    {"Units of Acme Widget Works opened.", "Acme Widget Works", kOrg, "designator-suffix",
     "Acme Widget", kOrg, "context-list", true, "same-type-longer-wins"},
    {"Michael Dellwood spoke.", "Michael Dellwood", kPerson, "", "Dellwood spoke", kOrg,
     "context-after", true, "longer-span-wins"},
    {"On May 4 Day Corp said.", "May 4", kDate, "", "4 Day Corp", kOrg, "designator-suffix", false,
     "longer-span-wins"},
};

INSTANTIATE_TEST_SUITE_P(Examples, OverlapRules, ::testing::ValuesIn(kOverlaps));

struct CleanCase {
  const char* span;
  const char* want;
};

class NameCleanup : public ::testing::TestWithParam<CleanCase> {};

TEST_P(NameCleanup, KeepsTheNameOnly) {
  const CleanCase& c = GetParam();
  std::string text = std::string("x ") + c.span + " y";
  uint32_t start = 2, end = static_cast<uint32_t>(2 + std::string_view(c.span).size());
  ASSERT_TRUE(resolve::CleanNameSpan(text, start, end));
  EXPECT_EQ(text.substr(start, end - start), c.want);
}

const CleanCase kCleanups[] = {
    {"the White House", "White House"},   // drop-leading-the
    {"Cisco’s", "Cisco"},                  // drop-possessive
    {"Cisco's", "Cisco"},
    {"Reuters'", "Reuters"},
    {"Microsoft,", "Microsoft"},           // drop-trailing-punct
    {"Google.", "Google"},
    {"Acme Inc.", "Acme Inc."},            // an abbreviation keeps its period
    {"U.S.", "U.S."},
    {" Nokia ", "Nokia"},                  // drop-outer-space
};

INSTANTIATE_TEST_SUITE_P(Examples, NameCleanup, ::testing::ValuesIn(kCleanups));

// CleanNameSpan as the rules read, each tried on every pass until a pass changes nothing: the
// reference for its early way out on names that end in a letter or digit.
bool PlainCleanNameSpan(std::string_view text, uint32_t& start, uint32_t& end) {
  auto is_space = [](char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r'; };
  auto ends_with = [&](std::string_view suffix) {
    return text.substr(start, end - start).ends_with(suffix);
  };
  bool changed = true;
  while (changed && start < end) {
    changed = false;
    while (start < end && is_space(text[start])) ++start, changed = true;
    while (start < end && is_space(text[end - 1])) --end, changed = true;
    const std::string_view s = text.substr(start, end - start);
    if ((s.starts_with("the ") || s.starts_with("The ") || s.starts_with("the\n") ||
         s.starts_with("The\n")) && s.size() > 4) {
      start += 4;
      changed = true;
      continue;
    }
    for (std::string_view p : {"'s", "\xE2\x80\x99s", "'S"}) {
      if (ends_with(p) && end - start > p.size()) {
        end -= static_cast<uint32_t>(p.size());
        changed = true;
      }
    }
    if (ends_with("s'") && end - start > 2) {
      --end;
      changed = true;
    }
    if (start < end) {
      const char c = text[end - 1];
      if (std::string_view(",;:!?\")]'").find(c) != std::string_view::npos) {
        if (!(c == ')' && s.find('(') != std::string_view::npos)) {
          --end;
          changed = true;
        }
      } else if (c == '.') {
        const std::string_view name = text.substr(start, end - 1 - start);
        const size_t sp = name.find_last_of(" \n");
        const std::string_view last = sp == std::string_view::npos ? name : name.substr(sp + 1);
        if (!(last.find('.') != std::string_view::npos || last.size() <= 4)) {
          --end;
          changed = true;
        }
      } else if (ends_with("\xE2\x80\x9D") || ends_with("\xE2\x80\x99")) {
        end -= 3;
        changed = true;
      }
    }
  }
  return start < end;
}

// Random names built from the pieces the rules look at, against the plain reading.
TEST(ResolveStage, CleanNameSpanAgreesWithTheRulesAsRead) {
  const char* pieces[] = {"the ", "The\n", "t", "T", "he", "Acme", "Inc", "U.S", "9", "x",
                          "s", "S", "'s", "\xE2\x80\x99s", "'S", "s'", "'", ",", ".", ")",
                          "(", "\"", "]", "!", "\xE2\x80\x9D", "\xE2\x80\x99", " ", "\n",
                          "\t", "\xC3\xA9", "Reuters"};
  std::mt19937 rng(9);
  for (int round = 0; round < 50000; ++round) {
    std::string text = "<";
    const size_t parts = rng() % 7;
    for (size_t k = 0; k < parts; ++k) text += pieces[rng() % std::size(pieces)];
    text += ">";
    uint32_t start = 1, end = static_cast<uint32_t>(text.size() - 1);
    uint32_t plain_start = start, plain_end = end;
    const bool kept = resolve::CleanNameSpan(text, start, end);
    ASSERT_EQ(kept, PlainCleanNameSpan(text, plain_start, plain_end)) << text;
    ASSERT_EQ(start, plain_start) << text;
    ASSERT_EQ(end, plain_end) << text;
  }
}

TEST(ResolveStage, AdministrationIsPerson) {
  Document doc;
  doc.text = "Officials of the Harlow administration said so.";
  doc.entities.push_back(At(doc.text, "Harlow administration", kOrg, "designator-suffix"));
  auto stage = MakeResolveStage(StageOptions{});
  ASSERT_TRUE(stage.ok());
  ASSERT_TRUE((*stage)->Run(doc).ok());
  ASSERT_EQ(doc.entities.size(), 1u);
  EXPECT_EQ(doc.entities[0].type, kPerson);
  EXPECT_EQ(doc.TextOf(doc.entities[0]), "Harlow");
}

TEST(ResolveStage, NoOverlapsSortedAndCanonicalsFilled) {
  Document doc;
  doc.text = "The Bank of America report of May 4 reached the United\nNations and Acme Corp.";
  doc.entities.push_back(At(doc.text, "United\nNations", kOrg, "known-name"));
  doc.entities.push_back(At(doc.text, "America", kNation, ""));
  doc.entities.push_back(At(doc.text, "Bank of America", kOrg, "known-name"));
  doc.entities.push_back(At(doc.text, "May 4", kDate, ""));
  doc.entities.push_back(At(doc.text, "Acme Corp", kOrg, "context-after"));
  doc.entities.push_back(At(doc.text, "Acme Corp.", kOrg, "designator-suffix"));
  auto stage = MakeResolveStage(StageOptions{});
  ASSERT_TRUE(stage.ok());
  ASSERT_TRUE((*stage)->Run(doc).ok());
  std::vector<std::string> got;
  for (const Entity& e : doc.entities)
    got.push_back(std::string(EntityTypeName(e.type)) + ":" + std::string(doc.TextOf(e)) + "=>" +
                  e.canonical);
  EXPECT_EQ(got, (std::vector<std::string>{"ORGANIZATION:Bank of America=>Bank of America",
                                           "DATE:May 4=>",
                                           "ORGANIZATION:United\nNations=>United Nations",
                                           "ORGANIZATION:Acme Corp.=>Acme Corp."}));
  for (size_t i = 1; i < doc.entities.size(); ++i) {
    EXPECT_LE(doc.entities[i - 1].end, doc.entities[i].start);
  }
}

// SettleOverlaps as first written: the entities themselves sorted, losers dropped in place.
std::vector<Entity> SettleBySortingEntities(std::vector<Entity> es) {
  std::sort(es.begin(), es.end(), [](const Entity& a, const Entity& b) {
    return a.start != b.start ? a.start < b.start : a.end < b.end;
  });
  std::vector<bool> dropped(es.size(), false);
  for (size_t i = 0; i < es.size(); ++i) {
    if (dropped[i]) continue;
    for (size_t j = i + 1; j < es.size() && es[j].start < es[i].end; ++j) {
      if (dropped[j] || !(es[i].start < es[j].end)) continue;
      if (resolve::Decide(es[i], es[j]).first_wins) {
        dropped[j] = true;
      } else {
        dropped[i] = true;
        break;
      }
    }
  }
  std::vector<Entity> kept;
  for (size_t i = 0; i < es.size(); ++i)
    if (!dropped[i]) kept.push_back(std::move(es[i]));
  return kept;
}

// Sorting through keys keeps what sorting the entities gave, equal spans (whose order decides
// same-span ties) included: random crowded documents, short and past the insertion-sort size.
TEST(ResolveStage, SettleOverlapsAgreesWithSortingTheEntities) {
  const char* rules[] = {"known-name", "designator-suffix", "acronym", "context-after", ""};
  std::mt19937 rng(11);
  for (int round = 0; round < 3000; ++round) {
    Document doc;
    const int n = static_cast<int>(rng() % 60);
    for (int k = 0; k < n; ++k) {
      Entity e;
      e.type = kAllEntityTypes[rng() % 4];
      e.start = static_cast<uint32_t>(rng() % 40);
      e.end = e.start + static_cast<uint32_t>(rng() % 6);
      e.rule = rules[rng() % 5];
      e.canonical = "#" + std::to_string(k);  // tells equal spans apart
      // Strings empty, short and longer than any short string, each carried with its entity.
      if (k % 3 == 1) e.canonical += " a canonical form longer than any short string";
      if (k % 4 == 1) e.value = "2018-04-" + std::to_string(k);
      if (k % 5 == 2) e.kind = "a kind longer than any short string";
      if (k % 7 == 3) e.code = "C" + std::to_string(k);
      doc.entities.push_back(std::move(e));
    }
    const std::vector<Entity> expected = SettleBySortingEntities(doc.entities);
    resolve::SettleOverlaps(doc);
    ASSERT_EQ(doc.entities.size(), expected.size()) << "round " << round;
    for (size_t i = 0; i < expected.size(); ++i) {
      const Entity& got = doc.entities[i];
      const Entity& want = expected[i];
      ASSERT_EQ(got.canonical, want.canonical) << "round " << round << " #" << i;
      ASSERT_EQ(got.type, want.type);
      ASSERT_EQ(got.start, want.start);
      ASSERT_EQ(got.end, want.end);
      ASSERT_EQ(got.code, want.code);
      ASSERT_EQ(got.value, want.value);
      ASSERT_EQ(got.kind, want.kind);
      ASSERT_EQ(got.rule, want.rule);
    }
  }
}

// Permute against building the rearranged vector: random permutations (identity, cycles of one
// and of many) of entities whose strings are short and long.
TEST(ResolveStage, PermuteMovesEveryEntityWhereItsIndexSays) {
  std::mt19937 rng(5);
  for (int round = 0; round < 2000; ++round) {
    const size_t n = rng() % 40;
    std::vector<Entity> es(n);
    for (size_t k = 0; k < n; ++k) {
      es[k].start = static_cast<uint32_t>(k);
      es[k].canonical = (k % 2 == 0 ? "short " : "a canonical form longer than any short string ") +
                        std::to_string(k);
      es[k].rule = k % 3 == 0 ? "" : "rule-" + std::to_string(k);
      if (k % 4 == 1) es[k].value = "2018-04-" + std::to_string(k);
      if (k % 5 == 2) es[k].kind = "a kind longer than any short string";
    }
    std::vector<uint32_t> from(n);
    for (size_t k = 0; k < n; ++k) from[k] = static_cast<uint32_t>(k);
    if (round % 4 != 0) std::shuffle(from.begin(), from.end(), rng);
    std::vector<Entity> expected;
    for (uint32_t f : from) expected.push_back(es[f]);
    resolve::Permute(es, from);
    ASSERT_EQ(es.size(), expected.size());
    for (size_t k = 0; k < n; ++k) {
      ASSERT_EQ(es[k].start, expected[k].start) << "round " << round << " #" << k;
      ASSERT_EQ(es[k].canonical, expected[k].canonical);
      ASSERT_EQ(es[k].rule, expected[k].rule);
      ASSERT_EQ(es[k].value, expected[k].value);
      ASSERT_EQ(es[k].kind, expected[k].kind);
    }
  }
}

}  // namespace
}  // namespace accord
