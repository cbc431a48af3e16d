// The stage contract: a misordered pipeline fails before any input is read.
#include "pipeline/pipeline.h"

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

TEST(PipelineTest, StandardPipelineIsWellOrdered) {
  auto p = BuildStandardPipeline({});
  ASSERT_TRUE(p.ok()) << p.status().ToString();
  EXPECT_GE(p->stages().size(), 8u);
}

}  // namespace
}  // namespace accord
