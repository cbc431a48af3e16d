// A score gate for the nation stage alone on the shared gold corpora (skipped when ../shared is
// absent): the stage runs on each gold record's text (only its article spans when the record
// gives them) and its NATION spans are compared with the gold ones, strictly (same start and
// end) and for the code of each matched span. A drop below the pinned figures fails the test.
#include <time.h>

#include <cstdio>
#include <cstdlib>
#include <set>
#include <sstream>
#include <string>
#include <tuple>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "extractors/nations/nation_stage.h"
#include "pipeline/utf8.h"
#include "tests/testing.h"

namespace accord {
namespace {

double ThreadSeconds() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec + ts.tv_nsec / 1e9;
}

struct Score {
  int gold = 0, found = 0, matched = 0, code_ok = 0;
  size_t bytes = 0;
  double seconds = 0;
  double Precision() const { return found ? double(matched) / found : 1.0; }
  double Recall() const { return gold ? double(matched) / gold : 1.0; }
  double F1() const {
    const double p = Precision(), r = Recall();
    return p + r > 0 ? 2 * p * r / (p + r) : 0.0;
  }
  double CodeAccuracy() const { return matched ? double(code_ok) / matched : 1.0; }
};

Score ScoreFile(const Stage& stage, const std::string& path, std::string* misses) {
  Score s;
  std::istringstream in(testing::ReadFile(path));
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    const auto rec = nlohmann::json::parse(line);
    Document doc;
    doc.text = rec.at("text").get<std::string>();
    utf8::CodePointIndex index(doc.text);
    // The article spans (code points) when given, else the whole text.
    std::vector<std::pair<uint32_t, uint32_t>> spans;
    const auto& meta = rec.value("meta", nlohmann::json::object());
    if (meta.contains("article_spans")) {
      for (const auto& sp : meta["article_spans"])
        spans.push_back({static_cast<uint32_t>(index.ToByte(sp[0].get<size_t>())),
                         static_cast<uint32_t>(index.ToByte(sp[1].get<size_t>()))});
    } else {
      spans.push_back({0, static_cast<uint32_t>(doc.text.size())});
    }
    for (size_t k = 0; k < spans.size(); ++k) {
      if (k > 0) doc.norm.Append("\n\n", spans[k].first, spans[k].first);
      doc.norm.AppendVerbatim(std::string_view(doc.text).substr(spans[k].first, spans[k].second - spans[k].first),
                              spans[k].first);
    }
    const double t0 = ThreadSeconds();
    EXPECT_TRUE(stage.Run(doc).ok());
    s.seconds += ThreadSeconds() - t0;
    s.bytes += doc.norm.size();

    std::set<std::tuple<size_t, size_t, std::string>> gold, found;
    for (const auto& e : rec.at("entities"))
      if (e.at("type") == "NATION")
        gold.insert({e.at("start").get<size_t>(), e.at("end").get<size_t>(), e.value("code", "")});
    for (const Entity& e : doc.entities)
      found.insert({index.ToCodePoint(e.start), index.ToCodePoint(e.end), e.code});
    s.gold += static_cast<int>(gold.size());
    s.found += static_cast<int>(found.size());
    for (const auto& [b, e, code] : found) {
      bool span_match = false;
      for (const auto& [gb, ge, gcode] : gold) {
        if (gb == b && ge == e) {
          span_match = true;
          ++s.matched;
          if (gcode == code) ++s.code_ok;
        }
      }
      if (!span_match && misses) {
        const size_t from = index.ToByte(b > 30 ? b - 30 : 0);
        *misses += "  extra " + doc.text.substr(index.ToByte(b), index.ToByte(e) - index.ToByte(b)) + " in: " +
                   doc.text.substr(from, index.ToByte(e) + 40 - from) + "\n";
      }
    }
    for (const auto& [gb, ge, gcode] : gold) {
      bool hit = false;
      for (const auto& [b, e, code] : found) hit |= (gb == b && ge == e);
      if (!hit && misses)
        *misses += "  missed " + doc.text.substr(index.ToByte(gb), index.ToByte(ge) - index.ToByte(gb)) + " in: " +
                   doc.text.substr(index.ToByte(gb > 30 ? gb - 30 : 0), 60) + "\n";
    }
  }
  return s;
}

void Report(const char* name, const Score& s, const std::string& misses) {
  if (std::getenv("ACCORD_TEST_VERBOSE")) std::printf("%s", misses.c_str());
  std::printf("%s: gold %d found %d matched %d  P %.3f R %.3f F1 %.3f  code accuracy %.3f  %.1f MB/s\n", name,
              s.gold, s.found, s.matched, s.Precision(), s.Recall(), s.F1(), s.CodeAccuracy(),
              s.seconds > 0 ? s.bytes / s.seconds / 1e6 : 0.0);
}

class NationGoldTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto stage = MakeNationStage(StageOptions{});
    ASSERT_TRUE(stage.ok()) << stage.status().ToString();
    stage_ = std::move(stage).value();
  }
  std::unique_ptr<Stage> stage_;
};

TEST_F(NationGoldTest, SeedArticleHasEveryNation) {
  ACCORD_REQUIRE_SHARED(corpora);
  std::string misses;
  Score s = ScoreFile(*stage_, corpora + "/seed/tech-accord-2018-04-17.gold.jsonl", &misses);
  Report("seed", s, misses);
  EXPECT_EQ(s.gold, 28);
  EXPECT_EQ(s.matched, s.gold) << misses;
  EXPECT_EQ(s.code_ok, s.matched);
  EXPECT_GE(s.Precision(), 0.95) << misses;
}

TEST_F(NationGoldTest, MeantimeDevScoreGate) {
  ACCORD_REQUIRE_SHARED(corpora);
  std::string misses;
  Score s = ScoreFile(*stage_, corpora + "/meantime-dev/dev.jsonl", &misses);
  Report("meantime-dev", s, misses);
  EXPECT_GE(s.F1(), 0.95) << misses;
  EXPECT_GE(s.CodeAccuracy(), 0.99);
}

TEST_F(NationGoldTest, ListDevScoreGate) {
  ACCORD_REQUIRE_SHARED(corpora);
  std::string misses;
  Score s = ScoreFile(*stage_, corpora + "/list-dev/list-dev.gold.jsonl", &misses);
  Report("list-dev", s, misses);
  EXPECT_GE(s.F1(), 0.95) << misses;
  EXPECT_GE(s.CodeAccuracy(), 0.99);
}

}  // namespace
}  // namespace accord
