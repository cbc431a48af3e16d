#include "pipeline/segment/segment_stage.h"

namespace accord {
namespace {

class StubStage final : public Stage {
 public:
  std::string_view name() const override { return "segment_stage"; }
  Facets reads() const override { return kFacetNormalized; }
  Facets adds() const override { return kFacetSentences | kFacetTokens; }
  Status Run(Document& doc) const override {

    return Status::Ok();
  }
};

}  // namespace

StatusOr<std::unique_ptr<Stage>> MakeSegmentStage(const StageOptions& options) {
  return std::unique_ptr<Stage>(new StubStage());
}

}  // namespace accord
