// Readers against writers: `accord extract --format brat` and `--format conll` of the bundled
// sample archive, read back by the eval readers, agree with the JSONL of the same run.
#include <filesystem>
#include <map>

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "pipeline/batch/runner.h"
#include "pipeline/eval/scorer.h"
#include "tests/testing.h"

namespace accord::eval {
namespace {

namespace fs = std::filesystem;

class RoundTripTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("accord_eval_roundtrip_" + std::to_string(::getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  // Extracts the sample archive in `format` to dir_/name and returns the output path.
  std::string Extract(SinkFormat format, const std::string& name) {
    ExtractOptions ex;
    ex.inputs = {testing::SourceDir() + "/corpora/archives"};
    ex.output = (dir_ / name).string();
    ex.format = format;
    ex.quiet = true;
    ex.jobs = 1;
    auto summary = RunExtract(ex);
    EXPECT_TRUE(summary.ok()) << summary.status().message();
    return ex.output;
  }

  AnnotationSet Read(const std::string& path) {
    auto set = ReadAnnotations(path, ReadOptions());
    EXPECT_TRUE(set.ok()) << set.status().message();
    return set.ok() ? std::move(*set) : AnnotationSet();
  }

  fs::path dir_;
};

TEST_F(RoundTripTest, BratOutputScoresOneAgainstTheJsonlOfTheSameRun) {
  AnnotationSet jsonl = Read(Extract(SinkFormat::kJsonl, "out.jsonl"));
  const AnnotationSet brat = Read(Extract(SinkFormat::kBrat, "brat"));
  ASSERT_FALSE(jsonl.docs.empty());
  ASSERT_EQ(brat.docs.size(), jsonl.docs.size());
  // The brat sink names documents by their number in input order.
  for (size_t i = 0; i < jsonl.docs.size(); ++i) {
    jsonl.docs[i].doc_id = fmt::format("doc-{:06d}", i + 1);
  }
  const EvalResult r = Score(jsonl, brat);
  ASSERT_EQ(r.docs.size(), jsonl.docs.size());
  EXPECT_GT(r.overall.gold, 50);
  for (Scheme s : kAllSchemes) {
    EXPECT_DOUBLE_EQ(r.overall.prf(s).f1, 1.0) << SchemeName(s);
  }
  EXPECT_EQ(r.overall.canonical.agreed, r.overall.canonical.compared);
  EXPECT_GT(r.overall.canonical.compared, 0);
  EXPECT_EQ(r.overall.code.agreed, r.overall.code.compared);
  EXPECT_EQ(r.overall.value.agreed, r.overall.value.compared);
  EXPECT_GT(r.overall.value.compared, 0);
}

// CoNLL rebuilds its text from tokens, so offsets differ: the entities must come back with the
// same types and the same words.
TEST_F(RoundTripTest, ConllOutputGivesBackTheEntitiesOfTheJsonlOfTheSameRun) {
  const AnnotationSet jsonl = Read(Extract(SinkFormat::kJsonl, "out.jsonl"));
  const AnnotationSet conll = Read(Extract(SinkFormat::kConll, "out.conll"));
  ASSERT_EQ(conll.docs.size(), jsonl.docs.size());
  auto words = [](const std::string& s) {
    std::string out;
    for (char c : s) {
      if (c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '_') continue;
      out.push_back(c);
    }
    return out;
  };
  size_t total = 0;
  for (size_t i = 0; i < jsonl.docs.size(); ++i) {
    std::multiset<std::pair<std::string, std::string>> want, got;
    for (const Annotation& a : jsonl.docs[i].entities) want.emplace(a.type, words(a.text));
    for (const Annotation& a : conll.docs[i].entities) got.emplace(a.type, words(a.text));
    EXPECT_EQ(got, want) << jsonl.docs[i].doc_id;
    total += want.size();
  }
  EXPECT_GT(total, 50u);
}

}  // namespace
}  // namespace accord::eval
