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

// Throughput over article-sized documents (the meantime texts, run again and again), on this
// thread's CPU time, with a floor far below the real speed so that a loaded machine does not fail
// it; and one long document, as a guard against quadratic behaviour.
double CpuSeconds() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec + ts.tv_nsec / 1e9;
}

Document BodyDocument(std::string text) {
  Document doc;
  doc.text = std::move(text);
  doc.zones.push_back({ZoneKind::kBody, {0, static_cast<uint32_t>(doc.text.size())}, 0, false});
  doc.norm.AppendVerbatim(doc.text, 0);
  return doc;
}

TEST(PersonGoldTest, Throughput) {
  ACCORD_REQUIRE_SHARED(corpora);
  static const auto stage = MakePersonStage({});
  ASSERT_TRUE(stage.ok());
  std::ifstream in(corpora + "/meantime-dev/dev.jsonl");
  std::string line, all;
  std::vector<Document> docs;
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    const std::string text = nlohmann::json::parse(line).at("text").get<std::string>();
    docs.push_back(BodyDocument(text));
    all += text + "\n\n";
  }
  double bytes = 0, seconds = 0;
  size_t names = 0;
  for (int round = 0; round < 40; ++round) {
    for (Document& doc : docs) {
      doc.entities.clear();
      const double t0 = CpuSeconds();
      ASSERT_TRUE((*stage)->Run(doc).ok());
      seconds += CpuSeconds() - t0;
      bytes += doc.text.size();
      names += doc.entities.size();
    }
  }
  const double mb_per_s = bytes / 1e6 / seconds;
  std::printf("person stage, articles: %.1f MB in %.3f s CPU = %.1f MB/s, %zu names\n",
              bytes / 1e6, seconds, mb_per_s, names);
  EXPECT_GT(mb_per_s, 10.0);

  std::string big;
  while (big.size() < (4u << 20)) big += all;
  Document doc = BodyDocument(std::move(big));
  const double t0 = CpuSeconds();
  ASSERT_TRUE((*stage)->Run(doc).ok());
  const double s = CpuSeconds() - t0;
  std::printf("person stage, one %.1f MB document: %.3f s CPU = %.1f MB/s, %zu names\n",
              doc.text.size() / 1e6, s, doc.text.size() / 1e6 / s, doc.entities.size());
  EXPECT_GT(doc.entities.size(), 1000u);
  EXPECT_GT(doc.text.size() / 1e6 / s, 5.0);
}

}  // namespace
}  // namespace accord
