// The stage contract: a misordered pipeline fails before any input is read; a batch run gives
// each document exactly what a run of that document alone gives.
#include "pipeline/pipeline.h"

#include <stdexcept>

#include <gtest/gtest.h>

#include "pipeline/batch/standard_pipeline.h"

namespace accord {
namespace {

class FakeStage final : public Stage {
 public:
  FakeStage(Facets reads, Facets adds) : reads_(reads), adds_(adds) {}
  std::string_view name() const override { return "fake"; }
  Facets reads() const override { return reads_; }
  Facets adds() const override { return adds_; }
  Status Run(Document&) const override { return Status::Ok(); }

 private:
  Facets reads_, adds_;
};

TEST(PipelineTest, MisorderedStagesFailAtConstruction) {
  std::vector<std::unique_ptr<Stage>> stages;
  stages.push_back(std::make_unique<FakeStage>(kFacetTokens, kFacetDates));
  stages.push_back(std::make_unique<FakeStage>(kFacetText, kFacetTokens));
  auto p = Pipeline::Create(std::move(stages));
  ASSERT_FALSE(p.ok());
  EXPECT_NE(p.status().message().find("tokens"), std::string::npos);
}

TEST(PipelineTest, OrderedStagesPass) {
  std::vector<std::unique_ptr<Stage>> stages;
  stages.push_back(std::make_unique<FakeStage>(kFacetText, kFacetTokens));
  stages.push_back(std::make_unique<FakeStage>(kFacetTokens, kFacetDates));
  EXPECT_TRUE(Pipeline::Create(std::move(stages)).ok());
}

// Appends its letter to the document's text; fails on a text that is "fail", throws on "throw".
class MarkStage final : public Stage {
 public:
  explicit MarkStage(char mark) : mark_(mark) {}
  std::string_view name() const override { return "mark"; }
  Facets reads() const override { return kFacetText; }
  Facets adds() const override { return kFacetText; }
  Status Run(Document& doc) const override {
    if (doc.text.starts_with("fail")) return InvalidArgument("cannot mark");
    if (doc.text.starts_with("throw")) throw std::runtime_error("bug");
    doc.text += mark_;
    return Status::Ok();
  }

 private:
  char mark_;
};

TEST(PipelineTest, BatchGivesEachDocumentWhatItsOwnRunGives) {
  std::vector<std::unique_ptr<Stage>> stages;
  stages.push_back(std::make_unique<MarkStage>('a'));
  stages.push_back(std::make_unique<MarkStage>('b'));
  auto p = Pipeline::Create(std::move(stages));
  ASSERT_TRUE(p.ok());
  std::vector<Document> docs(4);
  const char* texts[] = {"one:", "fail", "two:", "throw"};
  for (size_t i = 0; i < docs.size(); ++i) {
    docs[i].doc_id = "d" + std::to_string(i);
    docs[i].text = texts[i];
  }
  std::vector<Document*> ptrs;
  for (Document& d : docs) ptrs.push_back(&d);
  std::vector<Status> statuses(docs.size());
  p->RunBatch(ptrs, statuses);
  EXPECT_TRUE(statuses[0].ok());
  EXPECT_EQ(docs[0].text, "one:ab");
  EXPECT_FALSE(statuses[1].ok());
  EXPECT_EQ(statuses[1].message(), "mark on d1: cannot mark");
  EXPECT_TRUE(statuses[2].ok());
  EXPECT_EQ(docs[2].text, "two:ab");  // a failure beside it changes nothing
  EXPECT_FALSE(statuses[3].ok());
  EXPECT_NE(statuses[3].message().find("a stage threw on d3: bug"), std::string::npos);
  // One document through Run: the same result and the same message.
  Document alone;
  alone.doc_id = "d1";
  alone.text = "fail";
  EXPECT_EQ(p->Run(alone).message(), statuses[1].message());
}

TEST(PipelineTest, StandardPipelineIsWellOrdered) {
  auto p = BuildStandardPipeline({});
  ASSERT_TRUE(p.ok()) << p.status().ToString();
  EXPECT_GE(p->stages().size(), 8u);
}

}  // namespace
}  // namespace accord
