#include "extractors/nations/nation_stage.h"

namespace accord {
namespace {

class StubStage final : public Stage {
 public:
  std::string_view name() const override { return "nation_stage"; }
  Facets reads() const override { return kFacetSentences | kFacetTokens; }
  Facets adds() const override { return kFacetNations; }
  Status Run(Document& doc) const override {

    return Status::Ok();
  }
};

}  // namespace

StatusOr<std::unique_ptr<Stage>> MakeNationStage(const StageOptions& options) {
  return std::unique_ptr<Stage>(new StubStage());
}

}  // namespace accord
