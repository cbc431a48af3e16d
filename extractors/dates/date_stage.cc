#include "extractors/dates/date_stage.h"

namespace accord {
namespace {

class StubStage final : public Stage {
 public:
  std::string_view name() const override { return "date_stage"; }
  Facets reads() const override { return kFacetSentences | kFacetTokens; }
  Facets adds() const override { return kFacetDates; }
  Status Run(Document& doc) const override {

    return Status::Ok();
  }
};

}  // namespace

StatusOr<std::unique_ptr<Stage>> MakeDateStage(const StageOptions& options) {
  return std::unique_ptr<Stage>(new StubStage());
}

}  // namespace accord
