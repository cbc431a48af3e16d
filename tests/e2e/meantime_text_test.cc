// Ingest against the shared gold corpora: for each archive, every document ingest reads has the
// same text as the gold record with the same doc_id, every gold record is found, and the source
// offsets agree. Skips when ../shared is absent.
#include <fstream>
#include <map>
#include <string>

#include <gtest/gtest.h>

#include "pipeline/document.h"
#include "pipeline/ingest/ingest.h"
#include "tests/testing.h"

namespace accord {
namespace {

struct GoldCase {
  const char* archive;  // below the shared corpora folder
  const char* gold;
};

class GoldTextTest : public ::testing::TestWithParam<GoldCase> {};

TEST_P(GoldTextTest, TextsEqualGold) {
  ACCORD_REQUIRE_SHARED(corpora);
  const GoldCase& c = GetParam();
  std::map<std::string, Json> gold;
  std::ifstream in(corpora + "/" + c.gold);
  ASSERT_TRUE(in) << c.gold;
  for (std::string line; std::getline(in, line);) {
    if (line.empty()) continue;
    Json rec = Json::parse(line);
    const std::string id = rec["doc_id"].get<std::string>();
    gold[id] = std::move(rec);
  }
  ASSERT_FALSE(gold.empty());

  std::vector<IngestError> errors;
  std::map<std::string, Document> docs;
  auto on_error = [&errors](const IngestError& e) { errors.push_back(e); };
  for (const InputFile& f : ExpandInputs({corpora + "/" + c.archive}, on_error)) {
    IngestFile(f, {}, [&docs](Document&& d) {
      std::string id = d.doc_id;
      EXPECT_TRUE(docs.emplace(id, std::move(d)).second) << "duplicate doc_id " << id;
      return true;
    }, on_error);
  }
  for (const auto& e : errors) ADD_FAILURE() << e.path << ":" << e.offset << ": " << e.message;
  EXPECT_EQ(docs.size(), gold.size());
  for (const auto& [id, rec] : gold) {
    auto it = docs.find(id);
    if (it == docs.end()) {
      ADD_FAILURE() << "gold document not read: " << id;
      continue;
    }
    EXPECT_EQ(it->second.text, rec["text"].get<std::string>()) << id;
    if (rec.contains("source") && rec["source"].contains("offset")) {
      EXPECT_EQ(it->second.source.value("offset", uint64_t{0}), rec["source"]["offset"].get<uint64_t>()) << id;
    }
  }
}

INSTANTIATE_TEST_SUITE_P(
    Corpora, GoldTextTest,
    ::testing::Values(GoldCase{"meantime-dev/dev.mbox", "meantime-dev/dev.mbox.gold.jsonl"},
                      GoldCase{"meantime-dev/dev.pipermail.txt", "meantime-dev/dev.pipermail.gold.jsonl"},
                      GoldCase{"list-dev/list-dev.mbox", "list-dev/list-dev.gold.jsonl"}),
    [](const auto& info) {
      std::string name = info.param.archive;
      for (char& ch : name)
        if (!std::isalnum(static_cast<unsigned char>(ch))) ch = '_';
      return name;
    });

}  // namespace
}  // namespace accord
