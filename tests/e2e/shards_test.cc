// Shards: N `--shard K/N` runs merged with `accord merge` equal one unsharded run, byte for byte,
// for jsonl and conll files, csv, brat and sqlite outputs and regeneration folders; every
// document lands in exactly one shard. A merge that cannot be exact is refused and writes nothing.
#include <sqlite3.h>

#include <gtest/gtest.h>

#include "pipeline/batch/merge.h"
#include "tests/e2e/batch_fixture.h"

namespace accord::testing {
namespace {

class ShardsTest : public ::testing::TestWithParam<int> {};

// Runs `o` as the shards 1/n ... n/n, shard k writing to part<k><suffix> in `tmp`; their outputs.
std::vector<std::string> RunShards(const ExtractOptions& o, uint32_t n, const TempDir& tmp,
                                   const std::string& suffix) {
  std::vector<std::string> parts;
  for (uint32_t k = 1; k <= n; ++k) {
    ExtractOptions p = o;
    p.output = tmp / ("part" + std::to_string(k) + suffix);
    p.shard = Shard{k, n};
    RunOk(p);
    parts.push_back(p.output);
  }
  return parts;
}

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
  const auto parts = RunShards(o, 2, tmp, ".conll");
  ASSERT_TRUE(MergeShards(parts, tmp / "merged.conll").ok());
  EXPECT_TRUE(ReadText(tmp / "merged.conll") == ReadText(tmp / "whole.conll"));
}

// Shards split messages of several documents (digests) and skip broken ones like one run does.
TEST(ShardsTest, DigestsAndBrokenMessagesMergeToOneRun) {
  TempDir tmp;
  WriteText(tmp / "in/mixed.mbox", MakeMixedMbox(8000, 30));
  const ExtractOptions o = Options({tmp / "in/mixed.mbox"}, tmp / "whole.jsonl", 2);
  const RunSummary whole = RunOk(o);
  const auto parts = RunShards(o, 3, tmp, ".jsonl");
  ASSERT_TRUE(MergeShards(parts, tmp / "merged.jsonl").ok());
  EXPECT_TRUE(ReadText(tmp / "merged.jsonl") == ReadText(tmp / "whole.jsonl"));
  EXPECT_EQ(whole.documents, 36u);
}

// csv, sqlite and brat: one run and N shards of the same inputs, with the text included so that
// csv rows hold quoted fields over several lines.
struct FormatRuns {
  std::string whole;               // one unsharded run
  std::vector<std::string> parts;  // shard k/N at parts[k-1]
  uint64_t documents = 0;          // of the unsharded run
};

FormatRuns RunFormat(const TempDir& tmp, SinkFormat format, uint32_t n, int articles = 24) {
  const auto inputs = MakeArchive(tmp / "in", articles);
  const std::string ext(SinkExtension(format));
  ExtractOptions o = Options(inputs, tmp / ("whole." + ext));
  o.format = format;
  o.output_options.include_text = true;
  FormatRuns runs;
  runs.whole = o.output;
  runs.documents = RunOk(o).documents;
  for (uint32_t k = 1; k <= n; ++k) {
    ExtractOptions p = o;
    p.output = tmp / ("part" + std::to_string(k) + "." + ext);
    p.shard = Shard{k, n};
    p.jobs = 2;
    EXPECT_GT(RunOk(p).documents, 0u) << "shard " << k << "/" << n << " is empty: a weak test";
    runs.parts.push_back(p.output);
  }
  return runs;
}

// Every row of every table, rowids included, in rowid order.
std::string DumpTables(const std::string& path) {
  sqlite3* db = nullptr;
  EXPECT_EQ(sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr), SQLITE_OK) << path;
  std::string dump;
  for (const char* table : {"documents", "mentions", "entities"}) {
    sqlite3_stmt* st = nullptr;
    const std::string sql = std::string("SELECT rowid, * FROM ") + table + " ORDER BY rowid";
    EXPECT_EQ(sqlite3_prepare_v2(db, sql.c_str(), -1, &st, nullptr), SQLITE_OK) << path;
    while (sqlite3_step(st) == SQLITE_ROW) {
      dump += table;
      for (int c = 0; c < sqlite3_column_count(st); ++c) {
        const auto* text = sqlite3_column_text(st, c);
        dump += '\t' + std::to_string(sqlite3_column_type(st, c)) + ':' +
                (text ? reinterpret_cast<const char*>(text) : "");
      }
      dump += '\n';
    }
    sqlite3_finalize(st);
  }
  sqlite3_close(db);
  return dump;
}

// The outputs' files (folders) or bytes (a database), for comparing a merge with one run.
std::map<std::string, std::string> Contents(const std::string& output) {
  if (fs::is_directory(output)) return Snapshot(output);
  return {{"", ReadText(output)}};
}

class FormatShardsTest : public ::testing::TestWithParam<std::tuple<SinkFormat, int>> {};

TEST_P(FormatShardsTest, MergedEqualsOneRun) {
  const auto [format, n] = GetParam();
  TempDir tmp;
  const FormatRuns runs = RunFormat(tmp, format, n);
  const std::string merged = tmp / ("merged." + std::string(SinkExtension(format)));
  auto summary = MergeShards(runs.parts, merged);
  ASSERT_TRUE(summary.ok()) << summary.status().message();
  EXPECT_EQ(summary->records, runs.documents);
  if (format == SinkFormat::kSqlite) {  // the rows first: a readable difference
    EXPECT_EQ(DumpTables(merged), DumpTables(runs.whole));
  }
  EXPECT_TRUE(Contents(merged) == Contents(runs.whole));  // every file, byte for byte
  EXPECT_FALSE(fs::exists(merged + ".merging"));
}

TEST_P(FormatShardsTest, MissingShardIsRefusedAndNothingIsWritten) {
  const auto [format, n] = GetParam();
  TempDir tmp;
  FormatRuns runs = RunFormat(tmp, format, n, 8);
  runs.parts.erase(runs.parts.begin());
  auto merged = MergeShards(runs.parts, tmp / "merged");
  ASSERT_FALSE(merged.ok());
  EXPECT_NE(merged.status().message().find("shard 1/" + std::to_string(n) + " is missing"), std::string::npos)
      << merged.status().message();
  EXPECT_FALSE(fs::exists(tmp / "merged"));
}

// A sidecar that lists one record less than its shard holds: found only after the other records
// are written, which must not leave a half-merged output behind.
TEST_P(FormatShardsTest, ShortSidecarIsRefusedAndNothingIsWritten) {
  const auto [format, n] = GetParam();
  TempDir tmp;
  const FormatRuns runs = RunFormat(tmp, format, n, 8);
  const std::string sidecar = runs.parts.back() + ".order";
  std::string order = ReadText(sidecar);
  order.erase(order.rfind('\n', order.size() - 2) + 1);
  WriteText(sidecar, order);
  auto merged = MergeShards(runs.parts, tmp / "merged");
  ASSERT_FALSE(merged.ok());
  EXPECT_NE(merged.status().message().find(runs.parts.back()), std::string::npos) << merged.status().message();
  EXPECT_NE(merged.status().message().find("more documents than its order sidecar lists"), std::string::npos)
      << merged.status().message();
  EXPECT_FALSE(fs::exists(tmp / "merged"));
  EXPECT_FALSE(fs::exists(tmp / "merged.merging"));
}

TEST_P(FormatShardsTest, BadSidecarIsRefusedWithItsName) {
  const auto [format, n] = GetParam();
  TempDir tmp;
  const FormatRuns runs = RunFormat(tmp, format, n, 8);
  const std::string sidecar = runs.parts[0] + ".order";
  WriteText(sidecar, ReadText(sidecar) + "x\n");
  auto merged = MergeShards(runs.parts, tmp / "merged");
  ASSERT_FALSE(merged.ok());
  EXPECT_NE(merged.status().message().find(sidecar + ":"), std::string::npos) << merged.status().message();
  EXPECT_FALSE(fs::exists(tmp / "merged"));
}

INSTANTIATE_TEST_SUITE_P(Formats, FormatShardsTest,
                         ::testing::Combine(::testing::Values(SinkFormat::kCsv, SinkFormat::kSqlite,
                                                              SinkFormat::kBrat),
                                            ::testing::Values(2, 3)),
                         [](const auto& info) {
                           return std::string(SinkFormatName(std::get<0>(info.param))) +
                                  std::to_string(std::get<1>(info.param));
                         });

TEST(ShardsTest, MixedFormatsAreRefused) {
  TempDir tmp;
  const auto inputs = MakeArchive(tmp / "in", 6);
  std::vector<std::string> parts;
  for (uint32_t k = 1; k <= 2; ++k) {
    ExtractOptions p = Options(inputs, tmp / ("part" + std::to_string(k)));
    p.format = k == 1 ? SinkFormat::kCsv : SinkFormat::kBrat;
    p.shard = Shard{k, 2};
    RunOk(p);
    parts.push_back(p.output);
  }
  auto merged = MergeShards(parts, tmp / "merged");
  ASSERT_FALSE(merged.ok());
  EXPECT_NE(merged.status().message().find(parts[1] + " holds brat but " + parts[0] + " holds csv"),
            std::string::npos)
      << merged.status().message();
  EXPECT_FALSE(fs::exists(tmp / "merged"));
}

TEST(ShardsTest, SqliteRegenerationFoldersMergeToo) {
  TempDir tmp;
  const auto inputs = MakeArchive(tmp / "in", 10);
  ExtractOptions o = Options(inputs, tmp / "whole/");
  o.format = SinkFormat::kSqlite;
  RunOk(o);
  const auto parts = RunShards(o, 2, tmp, "/");
  auto merged = MergeShards(parts, tmp / "merged");
  ASSERT_TRUE(merged.ok()) << merged.status().message();
  EXPECT_EQ(Snapshot(tmp / "merged"), Snapshot(tmp / "whole"));
}

// Two messages with one Message-ID in one shard, a message of the other shard between them: the
// csv rows of the two cannot be told apart, so the merge is refused rather than wrong.
TEST(ShardsTest, CsvRefusesRowsOfOneDocIdApartInTheMergedRun) {
  auto id_in_shard = [](uint32_t k) {
    for (int i = 0;; ++i) {
      const std::string id = "<dup" + std::to_string(i) + "@example.org>";
      if (InShard(Shard{k, 2}, id)) return id;
    }
  };
  auto message = [](const std::string& id, uint32_t seed) {
    std::string m = MakeMbox(seed, 1);
    const size_t at = m.find("Message-ID: ") + 12;
    return m.replace(at, m.find('\n', at) - at, id);
  };
  const std::string dup = id_in_shard(1), other = id_in_shard(2);
  TempDir tmp;
  WriteText(tmp / "in/dup.mbox", message(dup, 1) + message(other, 2) + message(dup, 3));
  ExtractOptions o = Options({tmp / "in/dup.mbox"}, tmp / "whole");
  o.format = SinkFormat::kCsv;
  const auto parts = RunShards(o, 2, tmp, "");
  auto merged = MergeShards(parts, tmp / "merged");
  ASSERT_FALSE(merged.ok());
  EXPECT_NE(merged.status().message().find("cannot be told apart"), std::string::npos) << merged.status().message();
  EXPECT_FALSE(fs::exists(tmp / "merged"));
}

}  // namespace
}  // namespace accord::testing
