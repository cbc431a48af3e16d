// Shards: N `--shard K/N` runs merged with `accord merge` equal one unsharded run, byte for byte,
// for single files and for regeneration folders; every document lands in exactly one shard.
#include <gtest/gtest.h>

#include "pipeline/batch/merge.h"
#include "tests/e2e/batch_fixture.h"

namespace accord::testing {
namespace {

class ShardsTest : public ::testing::TestWithParam<int> {};

TEST_P(ShardsTest, MergedFilesEqualOneRun) {
  const uint32_t n = GetParam();
  TempDir tmp;
  const auto inputs = MakeArchive(tmp / "in", 40);
  const RunSummary whole = RunOk(Options(inputs, tmp / "whole.jsonl"));
  std::vector<std::string> parts;
  uint64_t documents = 0;
  for (uint32_t k = 1; k <= n; ++k) {
    ExtractOptions o = Options(inputs, tmp / ("part" + std::to_string(k) + ".jsonl"), 2);
    o.shard = Shard{k, n};
    const RunSummary s = RunOk(o);
    documents += s.documents;
    EXPECT_EQ(s.documents + s.other_shards, whole.documents);
    parts.push_back(o.output);
  }
  EXPECT_EQ(documents, whole.documents);
  auto merged = MergeShards(parts, tmp / "merged.jsonl");
  ASSERT_TRUE(merged.ok()) << merged.status().message();
  EXPECT_EQ(merged->records, whole.documents);
  EXPECT_TRUE(ReadText(tmp / "merged.jsonl") == ReadText(tmp / "whole.jsonl"));

  // All shards are needed.
  if (n > 1) {
    parts.pop_back();
    EXPECT_FALSE(MergeShards(parts, tmp / "partial.jsonl").ok());
  }
}

TEST_P(ShardsTest, MergedFoldersEqualOneRegenerationRun) {
  const uint32_t n = GetParam();
  TempDir tmp;
  const auto inputs = MakeArchive(tmp / "in", 10);
  RunOk(Options(inputs, tmp / "whole/"));
  std::vector<std::string> parts;
  for (uint32_t k = 1; k <= n; ++k) {
    ExtractOptions o = Options(inputs, tmp / ("part" + std::to_string(k) + "/"));
    o.shard = Shard{k, n};
    RunOk(o);
    parts.push_back(o.output);
  }
  auto merged = MergeShards(parts, tmp / "merged");
  ASSERT_TRUE(merged.ok()) << merged.status().message();
  EXPECT_EQ(merged->outputs, 12u);
  EXPECT_EQ(Snapshot(tmp / "merged"), Snapshot(tmp / "whole"));
}

INSTANTIATE_TEST_SUITE_P(Counts, ShardsTest, ::testing::Values(1, 3, 4));

TEST(ShardsTest, ConllShardsMergeToo) {
  TempDir tmp;
  const auto inputs = MakeArchive(tmp / "in", 20);
  ExtractOptions o = Options(inputs, tmp / "whole.conll");
  o.format = SinkFormat::kConll;
  RunOk(o);
  std::vector<std::string> parts;
  for (uint32_t k = 1; k <= 2; ++k) {
    ExtractOptions p = o;
    p.output = tmp / ("part" + std::to_string(k) + ".conll");
    p.shard = Shard{k, 2};
    RunOk(p);
    parts.push_back(p.output);
  }
  ASSERT_TRUE(MergeShards(parts, tmp / "merged.conll").ok());
  EXPECT_TRUE(ReadText(tmp / "merged.conll") == ReadText(tmp / "whole.conll"));
}

TEST(ShardsTest, CsvShardFoldersAreRefusedWithAReason) {
  TempDir tmp;
  const auto inputs = MakeArchive(tmp / "in", 6);
  std::vector<std::string> parts;
  for (uint32_t k = 1; k <= 2; ++k) {
    ExtractOptions p = Options(inputs, tmp / ("part" + std::to_string(k)));
    p.format = SinkFormat::kCsv;
    p.shard = Shard{k, 2};
    RunOk(p);
    parts.push_back(p.output);
  }
  auto merged = MergeShards(parts, tmp / "merged");
  ASSERT_FALSE(merged.ok());
  EXPECT_NE(merged.status().message().find("merge joins jsonl and conll"), std::string::npos)
      << merged.status().message();
}

TEST(ShardsTest, SqliteShardsAreRefusedAndNothingIsWritten) {
  TempDir tmp;
  const auto inputs = MakeArchive(tmp / "in", 6);
  std::vector<std::string> parts;
  for (uint32_t k = 1; k <= 2; ++k) {
    ExtractOptions p = Options(inputs, tmp / ("part" + std::to_string(k) + ".db"));
    p.format = SinkFormat::kSqlite;
    p.shard = Shard{k, 2};
    RunOk(p);
    parts.push_back(p.output);
  }
  auto merged = MergeShards(parts, tmp / "merged.db");
  ASSERT_FALSE(merged.ok());
  EXPECT_NE(merged.status().message().find("an sqlite database"), std::string::npos)
      << merged.status().message();
  EXPECT_FALSE(std::filesystem::exists(tmp / "merged.db"));
}

}  // namespace
}  // namespace accord::testing
