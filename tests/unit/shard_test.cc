// Shards: K/N parsing, the fixed hash, and that the split is a partition.
#include "pipeline/batch/shard.h"

#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>

namespace accord {
namespace {

TEST(ShardTest, ParsesKOverN) {
  struct Case {
    const char* text;
    bool ok;
    uint32_t k, n;
  };
  const Case cases[] = {{"1/1", true, 1, 1}, {"3/8", true, 3, 8}, {"8/8", true, 8, 8},
                        {"0/4", false, 0, 0}, {"5/4", false, 0, 0}, {"1/0", false, 0, 0},
                        {"1", false, 0, 0},   {"a/b", false, 0, 0}, {"1/2/3", false, 0, 0},
                        {"", false, 0, 0}};
  for (const Case& c : cases) {
    auto s = ParseShard(c.text);
    EXPECT_EQ(s.ok(), c.ok) << c.text;
    if (s.ok()) {
      EXPECT_EQ(s->index, c.k);
      EXPECT_EQ(s->count, c.n);
      EXPECT_EQ(s->ToString(), c.text);
    }
  }
}

// The published FNV-1a 64 test vectors: the split must not change across builds or machines.
TEST(ShardTest, HashIsFnv1a64) {
  EXPECT_EQ(Fnv1a64(""), 0xcbf29ce484222325ULL);
  EXPECT_EQ(Fnv1a64("a"), 0xaf63dc4c8601ec8cULL);
  EXPECT_EQ(Fnv1a64("foobar"), 0x85944171f73967e8ULL);
}

TEST(ShardTest, EveryDocumentFallsInExactlyOneShard) {
  for (uint32_t n : {1u, 2u, 3u, 7u}) {
    std::vector<int> sizes(n, 0);
    for (int d = 0; d < 2000; ++d) {
      const std::string id = "<msg" + std::to_string(d) + "@example.org>";
      int owners = 0;
      for (uint32_t k = 1; k <= n; ++k) {
        if (InShard({k, n}, id)) {
          ++owners;
          ++sizes[k - 1];
        }
      }
      EXPECT_EQ(owners, 1) << id;
    }
    for (int s : sizes) EXPECT_GT(s, 2000 / static_cast<int>(n) / 2) << "shards of " << n << " are unbalanced";
  }
}

TEST(ShardTest, ReadsOrderSidecars) {
  const std::string path = std::filesystem::temp_directory_path() / "accord-shard-test.order";
  std::ofstream(path) << "# accord-order shard 2/3\n0\n5\n17\n";
  auto s = ReadOrderSidecar(path);
  ASSERT_TRUE(s.ok()) << s.status().message();
  EXPECT_EQ(s->shard.ToString(), "2/3");
  EXPECT_EQ(s->numbers, (std::vector<uint64_t>{0, 5, 17}));
  std::ofstream(path) << "0\n5\n";
  EXPECT_FALSE(ReadOrderSidecar(path).ok());
  std::ofstream(path) << "# accord-order shard 2/3\nx\n";
  EXPECT_FALSE(ReadOrderSidecar(path).ok());
  std::filesystem::remove(path);
}

}  // namespace
}  // namespace accord
