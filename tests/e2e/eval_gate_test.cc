// Score gates (README: Scoring): the pipeline is scored against gold annotations and each type's
// strict F1 (and the DATE value accuracy) must stay at or above a floor set a little below what
// it measured when the gate was last raised. A drop fails the test; so does a gate that could
// not fail (GatesFailOnDegradedPredictions).
#include <filesystem>

#include <gtest/gtest.h>

#include "pipeline/batch/runner.h"
#include "pipeline/eval/predict.h"
#include "pipeline/eval/report.h"
#include "tests/testing.h"

namespace accord::eval {
namespace {

namespace fs = std::filesystem;

void ExpectGates(const EvalResult& result, const std::vector<std::string>& specs,
                 const std::string& what) {
  std::vector<Gate> gates;
  for (const std::string& s : specs) {
    auto g = ParseGate(s);
    ASSERT_TRUE(g.ok()) << s;
    gates.push_back(*g);
  }
  ReportOptions options;
  options.schemes = {Scheme::kStrict, Scheme::kType};
  options.gold_label = what;
  const auto failed = CheckGates(result, gates);
  std::string lines;
  for (const std::string& f : failed) lines += "  " + f + "\n";
  EXPECT_TRUE(failed.empty()) << "score gates failed:\n" << lines << FormatTextReport(result, options);
}

AnnotationSet ReadGold(const std::string& path) {
  auto gold = ReadAnnotations(path, ReadOptions());
  EXPECT_TRUE(gold.ok()) << gold.status().message();
  return gold.ok() ? std::move(*gold) : AnnotationSet();
}

// The bundled sample archive, extracted as `accord extract corpora/archives/` would, against its
// hand-made gold (through ingest, zoning and every stage, by doc_id = Message-ID).
TEST(EvalGateTest, BundledSampleArchive) {
  const std::string gold_path = testing::SourceDir() + "/corpora/gold/sample-list.gold.jsonl";
  ASSERT_TRUE(fs::exists(gold_path)) << gold_path;
  const AnnotationSet gold = ReadGold(gold_path);
  const fs::path out = fs::temp_directory_path() / ("accord_eval_gate_" + std::to_string(::getpid()) + ".jsonl");
  ExtractOptions ex;
  ex.inputs = {testing::SourceDir() + "/corpora/archives"};
  ex.output = out.string();
  ex.quiet = true;
  ex.jobs = 1;
  auto summary = RunExtract(ex);
  ASSERT_TRUE(summary.ok()) << summary.status().message();
  auto pred = ReadAnnotations(out.string(), ReadOptions());
  ASSERT_TRUE(pred.ok()) << pred.status().message();
  const EvalResult result = Score(gold, *pred);
  EXPECT_TRUE(result.gold_only.empty()) << result.gold_only.size() << " gold documents not extracted";
  ExpectGates(result,
              {"PERSON=0.9", "ORGANIZATION=0.72", "NATION=0.9", "DATE=0.85", "overall=0.85",
               "DATE.value=0.9"},
              gold_path);
  fs::remove(out);
}

// 60 Wikinews articles of MEANTIME (../shared), the pipeline run on their texts.
TEST(EvalGateTest, MeantimeDev) {
  ACCORD_REQUIRE_SHARED(shared);
  const AnnotationSet gold = ReadGold(shared + "/meantime-dev/dev.jsonl");
  ASSERT_EQ(gold.docs.size(), 60u);
  auto pred = PredictWithPipeline(gold, StageOptions(), 2);
  ASSERT_TRUE(pred.ok()) << pred.status().message();
  const EvalResult result = Score(gold, *pred);
  ASSERT_EQ(result.docs.size(), 60u);
  ExpectGates(result,
              {"PERSON=0.95", "ORGANIZATION=0.9", "NATION=0.95", "DATE=0.87", "overall=0.91",
               "DATE.type=0.93", "DATE.value=0.88", "NATION.code=0.95"},
              "meantime-dev/dev.jsonl");
}

// The seed article (../shared): gold with its text.
TEST(EvalGateTest, SeedArticle) {
  ACCORD_REQUIRE_SHARED(shared);
  const AnnotationSet gold = ReadGold(shared + "/seed/tech-accord-2018-04-17.gold.jsonl");
  ASSERT_EQ(gold.docs.size(), 1u);
  auto pred = PredictWithPipeline(gold, StageOptions(), 1);
  ASSERT_TRUE(pred.ok()) << pred.status().message();
  const EvalResult result = Score(gold, *pred);
  ExpectGates(result, {"PERSON=0.9", "ORGANIZATION=0.9", "NATION=0.9", "DATE=0.9"}, "seed");
}

// The gates above can fail: the same predictions with every other entity dropped fall below
// them.
TEST(EvalGateTest, GatesFailOnDegradedPredictions) {
  ACCORD_REQUIRE_SHARED(shared);
  const AnnotationSet gold = ReadGold(shared + "/meantime-dev/dev.jsonl");
  auto pred = PredictWithPipeline(gold, StageOptions(), 2);
  ASSERT_TRUE(pred.ok());
  for (AnnotatedDoc& d : pred->docs) {
    std::vector<Annotation> kept;
    for (size_t i = 0; i < d.entities.size(); i += 2) kept.push_back(d.entities[i]);
    d.entities = std::move(kept);
  }
  const EvalResult result = Score(gold, *pred);
  std::vector<Gate> gates;
  for (const char* s : {"PERSON=0.95", "ORGANIZATION=0.9", "DATE=0.87", "overall=0.91"}) {
    gates.push_back(*ParseGate(s));
  }
  EXPECT_EQ(CheckGates(result, gates).size(), gates.size());
}

}  // namespace
}  // namespace accord::eval
