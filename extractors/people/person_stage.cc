#include "extractors/people/person_stage.h"

namespace accord {
namespace {

class StubStage final : public Stage {
 public:
  std::string_view name() const override { return "person_stage"; }
  Facets reads() const override { return kFacetSentences | kFacetTokens; }
  Facets adds() const override { return kFacetPeople; }
  Status Run(Document& doc) const override {

    return Status::Ok();
  }
};

}  // namespace

StatusOr<std::unique_ptr<Stage>> MakePersonStage(const StageOptions& options) {
  return std::unique_ptr<Stage>(new StubStage());
}

}  // namespace accord
