// A score gate on the shared gold corpora (skipped when ../shared is absent): the person stage
// alone, on each gold text with its article spans as body zones, must keep its PERSON scores.
// Strict span match; canonicals are counted on matched spans.
#include <cstdio>
#include <ctime>
#include <fstream>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "extractors/people/person_stage.h"
#include "pipeline/utf8.h"
#include "tests/testing.h"

namespace accord {
namespace {

struct Score {
  int gold = 0, predicted = 0, matched = 0, canonical_ok = 0;
  double F1() const {
    if (gold + predicted == 0) return 1.0;
    return 2.0 * matched / (gold + predicted);
  }
};

Score ScoreFile(const std::string& path) {
  static const auto stage = MakePersonStage({});
  EXPECT_TRUE(stage.ok()) << stage.status().ToString();
  Score s;
  std::ifstream in(path);
  EXPECT_TRUE(in.good()) << path;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    const auto rec = nlohmann::json::parse(line);
    Document doc;
    doc.text = rec.at("text").get<std::string>();
    const utf8::CodePointIndex index(doc.text);
    // Article spans (list-dev) stand in for zoning; otherwise the whole text is the body.
    std::vector<std::pair<uint32_t, uint32_t>> spans;
    if (rec.contains("meta") && rec["meta"].contains("article_spans")) {
      for (const auto& sp : rec["meta"]["article_spans"])
        spans.emplace_back(static_cast<uint32_t>(index.ToByte(sp[0].get<size_t>())),
                           static_cast<uint32_t>(index.ToByte(sp[1].get<size_t>())));
    } else {
      spans.emplace_back(0, static_cast<uint32_t>(doc.text.size()));
    }
    for (const auto& [b, e] : spans) {
      doc.zones.push_back({ZoneKind::kBody, {b, e}, 0, false});
      const uint32_t nb = static_cast<uint32_t>(doc.norm.size());
      doc.norm.AppendVerbatim(std::string_view(doc.text).substr(b, e - b), b);
      // A paragraph break between spans, mapped to the span's last byte.
      if (e > b) doc.norm.Append("\n\n", e - 1, e);
      doc.norm_articles.push_back({{nb, static_cast<uint32_t>(doc.norm.size())}, 0});
    }
    EXPECT_TRUE((*stage)->Run(doc).ok());

    std::set<std::tuple<size_t, size_t, std::string>> gold;
    for (const auto& e : rec.at("entities"))
      if (e.at("type") == "PERSON")
        gold.emplace(e.at("start").get<size_t>(), e.at("end").get<size_t>(),
                     e.at("canonical").get<std::string>());
    s.gold += static_cast<int>(gold.size());
    for (const Entity& e : doc.entities) {
      ++s.predicted;
      const size_t b = index.ToCodePoint(e.start), en = index.ToCodePoint(e.end);
      auto it = gold.lower_bound({b, en, ""});
      if (it != gold.end() && std::get<0>(*it) == b && std::get<1>(*it) == en) {
        ++s.matched;
        if (std::get<2>(*it) == e.canonical) ++s.canonical_ok;
      }
    }
  }
  return s;
}

TEST(PersonGoldTest, SeedArticleAllMentionsAndCanonicals) {
  ACCORD_REQUIRE_SHARED(corpora);
  const Score s = ScoreFile(corpora + "/seed/tech-accord-2018-04-17.gold.jsonl");
  EXPECT_EQ(s.gold, 14);
  EXPECT_EQ(s.matched, 14);
  EXPECT_EQ(s.canonical_ok, 14);
  EXPECT_EQ(s.predicted, 14);
}

TEST(PersonGoldTest, MeantimeDevF1) {
  ACCORD_REQUIRE_SHARED(corpora);
  const Score s = ScoreFile(corpora + "/meantime-dev/dev.jsonl");
  EXPECT_GE(s.F1(), 0.90) << s.matched << " matched of " << s.gold << " gold, " << s.predicted
                          << " predicted";
  EXPECT_GE(s.canonical_ok, s.matched * 95 / 100);
  std::printf("meantime-dev PERSON: gold %d predicted %d matched %d canonical %d F1 %.3f\n",
              s.gold, s.predicted, s.matched, s.canonical_ok, s.F1());
}

TEST(PersonGoldTest, ListDevF1InsideArticles) {
  ACCORD_REQUIRE_SHARED(corpora);
  const Score s = ScoreFile(corpora + "/list-dev/list-dev.gold.jsonl");
  EXPECT_GE(s.F1(), 0.88) << s.matched << " matched of " << s.gold << " gold, " << s.predicted
                          << " predicted";
  EXPECT_GE(s.canonical_ok, s.matched * 90 / 100);
  std::printf("list-dev PERSON: gold %d predicted %d matched %d canonical %d F1 %.3f\n", s.gold,
              s.predicted, s.matched, s.canonical_ok, s.F1());
}

}  // namespace
}  // namespace accord
