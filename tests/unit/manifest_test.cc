// The regeneration manifest: output names, the JSON round trip, input hashes, settings.
#include "pipeline/batch/manifest.h"

#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>

namespace accord {
namespace {

namespace fs = std::filesystem;

TEST(ManifestTest, OutputNames) {
  struct Case {
    const char* input;
    const char* output;
  };
  const Case cases[] = {
      {"archives/2018-April.txt", "archives/2018-April.txt.jsonl"},
      {"/data/lists/x.mbox", "data/lists/x.mbox.jsonl"},
      {"../up/../x.mbox", "x.mbox.jsonl"},
      {"./a//b.eml", "a/b.eml.jsonl"},
      {"-", "stdin.jsonl"},
  };
  for (const Case& c : cases) EXPECT_EQ(OutputNameFor(c.input, "jsonl"), c.output) << c.input;
}

TEST(ManifestTest, RoundTripsThroughJson) {
  Manifest m = CurrentBuildManifest();
  m.options = {{"format", "jsonl"}, {"include_text", false}, {"doc_date", nullptr}};
  m.inputs.push_back({"a.mbox", 12, std::string(64, 'a'), "a.mbox.jsonl", 3});
  m.inputs.push_back({"b/ü.txt", 0, std::string(64, 'b'), "b/ü.txt.jsonl", 0});
  auto back = Manifest::Parse(m.ToJson(), "test");
  ASSERT_TRUE(back.ok()) << back.status().message();
  EXPECT_TRUE(back->SameSettings(m));
  EXPECT_EQ(back->ToJson(), m.ToJson());
  ASSERT_NE(back->FindInput("b/ü.txt"), nullptr);
  EXPECT_EQ(back->FindInput("a.mbox")->documents, 3u);
  EXPECT_EQ(back->FindInput("c"), nullptr);
  EXPECT_FALSE(Manifest::Parse("{\"inputs\": []}", "test").ok());
  EXPECT_FALSE(Manifest::Parse("not json", "test").ok());
  EXPECT_FALSE(Manifest::Parse("{\"manifest\": \"accord-manifest/1\", \"accord\": 5}", "test").ok());
  EXPECT_FALSE(
      Manifest::Parse("{\"manifest\": \"accord-manifest/1\", \"inputs\": [{\"size\": \"x\"}]}", "test").ok());
}

TEST(ManifestTest, SettingsCoverVersionFingerprintsAndOptions) {
  const Manifest base = CurrentBuildManifest();
  EXPECT_EQ(base.sources_sha256.size(), 64u);
  EXPECT_EQ(base.tables_sha256.size(), 64u);
  EXPECT_FALSE(base.version.empty());
  Manifest m = base;
  m.tables_sha256[0] ^= 1;
  EXPECT_FALSE(m.SameSettings(base));
  m = base;
  m.sources_sha256[0] ^= 1;
  EXPECT_FALSE(m.SameSettings(base));
  m = base;
  m.options["include_text"] = true;
  EXPECT_FALSE(m.SameSettings(base));
  m = base;
  m.inputs.push_back({"x", 1, "", "x.jsonl", 0});  // inputs are not settings
  EXPECT_TRUE(m.SameSettings(base));
}

TEST(ManifestTest, HashesFilesAndFolders) {
  const fs::path dir = fs::temp_directory_path() / "accord-manifest-test";
  fs::remove_all(dir);
  fs::create_directories(dir / "md/cur");
  std::ofstream(dir / "abc.txt") << "abc";
  auto h = HashInput((dir / "abc.txt").string());
  ASSERT_TRUE(h.ok());
  EXPECT_EQ(h->sha256, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_EQ(h->size, 3u);
  std::ofstream(dir / "md/cur/1") << "one";
  auto d1 = HashInput((dir / "md").string());
  std::ofstream(dir / "md/cur/1") << "One";
  auto d2 = HashInput((dir / "md").string());
  ASSERT_TRUE(d1.ok() && d2.ok());
  EXPECT_NE(d1->sha256, d2->sha256);
  EXPECT_EQ(d2->size, 3u);
  EXPECT_FALSE(HashInput((dir / "missing").string()).ok());
  fs::remove_all(dir);
}

TEST(ManifestTest, WritesAndReadsAManifestFile) {
  const fs::path dir = fs::temp_directory_path() / "accord-manifest-test2";
  fs::remove_all(dir);
  fs::create_directories(dir);
  EXPECT_EQ(ReadManifest(dir.string()).status().code(), StatusCode::kNotFound);
  Manifest m = CurrentBuildManifest();
  m.inputs.push_back({"a", 1, std::string(64, 'c'), "a.jsonl", 1});
  ASSERT_TRUE(WriteManifest(dir.string(), m).ok());
  auto back = ReadManifest(dir.string());
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(back->ToJson(), m.ToJson());
  fs::remove_all(dir);
}

}  // namespace
}  // namespace accord
