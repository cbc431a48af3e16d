// The same input and options give byte-identical output whatever the thread count (and however
// small the in-flight window, which forces the reader to wait for the writer).
#include <gtest/gtest.h>

#include "tests/e2e/batch_fixture.h"

namespace accord::testing {
namespace {

struct Case {
  const char* name;
  SinkFormat format;
  bool include_text;
};

class DeterminismTest : public ::testing::TestWithParam<Case> {};

TEST_P(DeterminismTest, SameBytesForOneTwoAndFourJobs) {
  TempDir tmp;
  const auto inputs = MakeArchive(tmp / "in");
  std::string reference;
  uint64_t reference_docs = 0;
  for (int jobs : {1, 2, 4}) {
    for (size_t window : {size_t{1}, size_t{16}}) {
      ExtractOptions o = Options(inputs, tmp / ("out-" + std::to_string(jobs) + "-" + std::to_string(window)), jobs);
      o.format = GetParam().format;
      o.output_options.include_text = GetParam().include_text;
      o.in_flight_per_job = window;
      const RunSummary s = RunOk(o);
      const std::string bytes = ReadText(o.output);
      if (reference.empty()) {
        reference = bytes;
        reference_docs = s.documents;
        ASSERT_FALSE(reference.empty());
        EXPECT_GE(s.documents, 3u);
      } else {
        EXPECT_EQ(s.documents, reference_docs) << "jobs=" << jobs;
        EXPECT_TRUE(bytes == reference) << "jobs=" << jobs << " window=" << window
                                        << " wrote other bytes than jobs=1";
      }
    }
  }
}

INSTANTIATE_TEST_SUITE_P(Formats, DeterminismTest,
                         ::testing::Values(Case{"jsonl", SinkFormat::kJsonl, false},
                                           Case{"jsonl_text", SinkFormat::kJsonl, true},
                                           Case{"conll", SinkFormat::kConll, false}),
                         [](const auto& info) { return std::string(info.param.name); });

// Messages of zero, one and two documents: the same documents, the same problems reported and
// counted, the same bytes.
TEST(DeterminismTest, DigestsAndBrokenMessagesGiveTheSameRunWhateverTheJobs) {
  TempDir tmp;
  WriteText(tmp / "in/mixed.mbox", MakeMixedMbox(7000, 30));
  std::string reference;
  for (int jobs : {1, 2, 4}) {
    for (size_t window : {size_t{1}, size_t{16}}) {
      ExtractOptions o = Options({tmp / "in/mixed.mbox"}, tmp / ("out-" + std::to_string(jobs) + "-" +
                                                                 std::to_string(window) + ".jsonl"), jobs);
      o.in_flight_per_job = window;
      const RunSummary s = RunOk(o);
      // 30 articles; 3 digests of two articles; 3 broken messages and 3 image parts skipped.
      EXPECT_EQ(s.documents, 36u) << "jobs=" << jobs;
      EXPECT_EQ(s.skipped, 6u) << "jobs=" << jobs;
      const std::string bytes = ReadText(o.output);
      if (reference.empty()) reference = bytes;
      EXPECT_TRUE(bytes == reference) << "jobs=" << jobs << " window=" << window;
    }
  }
}

TEST(DeterminismTest, SharedMboxSameBytesForOneAndTwoJobs) {
  ACCORD_REQUIRE_SHARED(corpora);
  TempDir tmp;
  std::string first;
  for (int jobs : {1, 2}) {
    ExtractOptions o = Options({corpora + "/meantime-dev/dev.mbox", corpora + "/list-dev/list-dev.mbox"},
                               tmp / ("out" + std::to_string(jobs) + ".jsonl"), jobs);
    RunOk(o);
    const std::string bytes = ReadText(o.output);
    if (jobs == 1) first = bytes;
    else EXPECT_TRUE(bytes == first);
  }
  EXPECT_FALSE(first.empty());
}

}  // namespace
}  // namespace accord::testing
