// The batch runner's parts: the ordered window hands items back in order under threads, the
// progress line and the run summary say what happened.
#include <random>
#include <thread>

#include <gtest/gtest.h>

#include "pipeline/batch/ordered_window.h"
#include "pipeline/batch/progress.h"
#include "pipeline/batch/runner.h"

namespace accord {
namespace {

TEST(OrderedWindowTest, ItemsComeOutInOrderWhateverTheWorkers) {
  for (size_t capacity : {size_t{1}, size_t{3}, size_t{64}}) {
    OrderedWindow<int> window(capacity);
    WorkQueue<std::pair<uint64_t, std::unique_ptr<int>>> queue;
    constexpr int kItems = 3000;
    std::vector<std::thread> workers;
    for (int w = 0; w < 4; ++w) {
      workers.emplace_back([&, w] {
        std::mt19937 rng(w);
        std::pair<uint64_t, std::unique_ptr<int>> job;
        while (queue.Pop(job)) {
          if (rng() % 8 == 0) std::this_thread::yield();
          window.Put(job.first, std::move(job.second));
        }
      });
    }
    std::thread reader([&] {
      for (int i = 0; i < kItems; ++i) {
        const uint64_t seq = window.Reserve();
        queue.Push({seq, std::make_unique<int>(i)});
      }
      queue.Close();
      window.Close();
    });
    int expected = 0;
    while (auto item = window.Take()) EXPECT_EQ(*item, expected++);
    EXPECT_EQ(expected, kItems);
    reader.join();
    for (auto& t : workers) t.join();
  }
}

TEST(ProgressTest, LineShowsBytesDocumentsRateAndEta) {
  struct Case {
    uint64_t done, total, docs;
    double seconds;
    const char* line;
  };
  const Case cases[] = {
      {50'000'000, 100'000'000, 1234, 1.0, "50.0 MB / 100.0 MB  50%  |  1,234 docs  |  50.0 MB/s  |  ETA 0:01"},
      {0, 2'000'000'000, 0, 0.0, "0.0 MB / 2.00 GB  0%  |  0 docs  |  0.0 MB/s"},
      {3'000'000'000, 6'000'000'000, 1'000'000, 30.0,
       "3.00 GB / 6.00 GB  50%  |  1,000,000 docs  |  100.0 MB/s  |  ETA 0:30"},
      {5'000'000, 0, 7, 1.0, "5.0 MB  |  7 docs  |  5.0 MB/s"},
  };
  for (const Case& c : cases) EXPECT_EQ(Progress::Format(c.done, c.total, c.docs, c.seconds), c.line);
}

TEST(ProgressTest, DisabledProgressWritesNothing) {
  std::FILE* f = std::tmpfile();
  {
    Progress p(false, 100, f);
    p.Update(50, 1);
    p.Done();
  }
  EXPECT_EQ(std::ftell(f), 0);
  std::fclose(f);
}

TEST(RunSummaryTest, SaysWhatHappened) {
  RunSummary s;
  s.documents = 12;
  s.entities_by_type[0] = 3;
  s.entities_by_type[3] = 4;
  s.skipped = 1;
  s.input_bytes = 3'200'000;
  s.seconds = 0.5;
  EXPECT_EQ(FormatSummary(s),
            "12 documents, 7 entities (PERSON 3, ORGANIZATION 0, NATION 0, DATE 4), 1 skipped, "
            "3.2 MB in 0.50 s (6.4 MB/s)");
  s.inputs = 10;
  s.inputs_reused = 9;
  s.interrupted = true;
  const std::string line = FormatSummary(s);
  EXPECT_NE(line.find("9 of 10 inputs up to date"), std::string::npos);
  EXPECT_NE(line.find("INTERRUPTED"), std::string::npos);
}

TEST(RunnerTest, RegenerationOutputIsAFolder) {
  EXPECT_TRUE(IsRegenerationOutput("out/", SinkFormat::kJsonl));
  EXPECT_TRUE(IsRegenerationOutput(".", SinkFormat::kSqlite));
  EXPECT_FALSE(IsRegenerationOutput("out.jsonl", SinkFormat::kJsonl));
  EXPECT_FALSE(IsRegenerationOutput("-", SinkFormat::kJsonl));
  EXPECT_FALSE(IsRegenerationOutput("out/", SinkFormat::kCsv));  // csv writes into the folder
}

}  // namespace
}  // namespace accord
