#include "pipeline/resolve/resolve_stage.h"

#include <algorithm>

namespace accord {
namespace {

class StubStage final : public Stage {
 public:
  std::string_view name() const override { return "resolve_stage"; }
  Facets reads() const override { return kFacetDates | kFacetNations | kFacetPeople | kFacetOrganizations; }
  Facets adds() const override { return kFacetResolved; }
  Status Run(Document& doc) const override {
    std::sort(doc.entities.begin(), doc.entities.end(), [](const Entity& a, const Entity& b) {
      return a.start != b.start ? a.start < b.start : a.end < b.end;
    });
    return Status::Ok();
  }
};

}  // namespace

StatusOr<std::unique_ptr<Stage>> MakeResolveStage(const StageOptions& options) {
  return std::unique_ptr<Stage>(new StubStage());
}

}  // namespace accord
