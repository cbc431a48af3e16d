// Regeneration: `extract -o DIR/` writes one output per input plus a manifest; a rerun redoes
// only the inputs that changed and leaves exactly the bytes a full run into a fresh folder leaves.
#include <gtest/gtest.h>

#include "pipeline/batch/interrupt.h"
#include "pipeline/batch/manifest.h"
#include "tests/e2e/batch_fixture.h"

namespace accord::testing {
namespace {

TEST(RegenerationTest, FirstRunWritesOneOutputPerInputAndAManifest) {
  TempDir tmp;
  const auto inputs = MakeArchive(tmp / "in", 5);
  const RunSummary s = RunOk(Options(inputs, tmp / "out/"));
  EXPECT_EQ(s.inputs, 7u);  // 5 articles, 2 mboxes
  EXPECT_EQ(s.inputs_reused, 0u);
  auto m = ReadManifest(tmp / "out");
  ASSERT_TRUE(m.ok()) << m.status().message();
  ASSERT_EQ(m->inputs.size(), 7u);
  uint64_t documents = 0;
  for (const ManifestInput& in : m->inputs) {
    EXPECT_TRUE(fs::exists(tmp / ("out/" + in.output))) << in.output;
    EXPECT_EQ(in.sha256.size(), 64u);
    documents += in.documents;
  }
  EXPECT_EQ(documents, s.documents);
  EXPECT_FALSE(fs::exists(tmp / "out/accord-manifest.json.partial"));
}

TEST(RegenerationTest, RerunRedoesOnlyChangedInputsAndEqualsAFullRun) {
  TempDir tmp;
  auto inputs = MakeArchive(tmp / "in", 6);
  RunOk(Options(inputs, tmp / "out/"));

  // Unchanged: nothing is redone, nothing changes.
  const auto before = Snapshot(tmp / "out");
  RunSummary s = RunOk(Options(inputs, tmp / "out/", 2));
  EXPECT_EQ(s.inputs_reused, s.inputs);
  EXPECT_EQ(s.documents, 0u);
  EXPECT_EQ(Snapshot(tmp / "out"), before);

  // One article edited, one removed, one added, one mbox grown.
  WriteText(tmp / "in/articles/a1002.txt", MakeArticle(777));
  fs::remove(tmp / "in/articles/a1004.txt");
  WriteText(tmp / "in/articles/a2000.txt", MakeArticle(888));
  WriteText(tmp / "in/lists/two.mbox", MakeMbox(6000, 15) + MakeMbox(9000, 3));
  s = RunOk(Options(inputs, tmp / "out/", 2));
  EXPECT_EQ(s.inputs, 8u);
  EXPECT_EQ(s.inputs_reused, 5u);  // a1000, a1001, a1003, a1005, one.mbox

  RunOk(Options(inputs, tmp / "fresh/"));
  EXPECT_EQ(Snapshot(tmp / "out"), Snapshot(tmp / "fresh"));
  EXPECT_FALSE(fs::exists(tmp / "out/" + OutputNameFor(tmp / "in/articles/a1004.txt", "jsonl")));
}

TEST(RegenerationTest, OtherOptionsOrForceRedoEverything) {
  TempDir tmp;
  const auto inputs = MakeArchive(tmp / "in", 3);
  RunOk(Options(inputs, tmp / "out/"));
  ExtractOptions o = Options(inputs, tmp / "out/");
  o.force = true;
  EXPECT_EQ(RunOk(o).inputs_reused, 0u);
  o.force = false;
  o.output_options.include_text = true;  // changes the bytes: the old outputs cannot stand
  EXPECT_EQ(RunOk(o).inputs_reused, 0u);
  EXPECT_EQ(RunOk(o).inputs_reused, 5u);
  RunOk([&] { ExtractOptions f = o; f.output = tmp / "fresh/"; return f; }());
  EXPECT_EQ(Snapshot(tmp / "out"), Snapshot(tmp / "fresh"));
}

TEST(RegenerationTest, ATamperedManifestEntryIsRedone) {
  TempDir tmp;
  const auto inputs = MakeArchive(tmp / "in", 3);
  RunOk(Options(inputs, tmp / "out/"));
  const auto full = Snapshot(tmp / "out");
  auto m = ReadManifest(tmp / "out");
  ASSERT_TRUE(m.ok());
  m->inputs[0].sha256 = std::string(64, '0');        // as if the input had changed
  fs::remove(tmp / ("out/" + m->inputs[1].output));  // an output deleted by hand
  ASSERT_TRUE(WriteManifest(tmp / "out", *m).ok());
  EXPECT_EQ(RunOk(Options(inputs, tmp / "out/")).inputs_reused, 3u);
  EXPECT_EQ(Snapshot(tmp / "out"), full);
}

TEST(RegenerationTest, AnInterruptedRunIsCompletedByTheNextOne) {
  TempDir tmp;
  const auto inputs = MakeArchive(tmp / "in", 4);
  RequestInterrupt();  // as if Ctrl-C came before the first document
  const RunSummary stopped = RunOk(Options(inputs, tmp / "out/", 2));
  ClearInterrupt();
  EXPECT_TRUE(stopped.interrupted);
  auto m = ReadManifest(tmp / "out");
  ASSERT_TRUE(m.ok());
  EXPECT_TRUE(m->inputs.empty());  // nothing finished, nothing claimed
  for (const auto& [name, bytes] : Snapshot(tmp / "out"))
    EXPECT_EQ(name.find(".partial"), std::string::npos) << name;
  const RunSummary resumed = RunOk(Options(inputs, tmp / "out/", 2));
  EXPECT_FALSE(resumed.interrupted);
  EXPECT_EQ(resumed.inputs_reused, 0u);
  RunOk(Options(inputs, tmp / "fresh/"));
  EXPECT_EQ(Snapshot(tmp / "out"), Snapshot(tmp / "fresh"));
}

}  // namespace
}  // namespace accord::testing
