#include "extractors/organizations/organization_stage.h"

namespace accord {
namespace {

class StubStage final : public Stage {
 public:
  std::string_view name() const override { return "organization_stage"; }
  Facets reads() const override { return kFacetSentences | kFacetTokens; }
  Facets adds() const override { return kFacetOrganizations; }
  Status Run(Document& doc) const override {

    return Status::Ok();
  }
};

}  // namespace

StatusOr<std::unique_ptr<Stage>> MakeOrganizationStage(const StageOptions& options) {
  return std::unique_ptr<Stage>(new StubStage());
}

}  // namespace accord
