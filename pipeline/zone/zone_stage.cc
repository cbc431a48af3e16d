#include "pipeline/zone/zone_stage.h"

namespace accord {
namespace {

class StubStage final : public Stage {
 public:
  std::string_view name() const override { return "zone_stage"; }
  Facets reads() const override { return kFacetText; }
  Facets adds() const override { return kFacetZones; }
  Status Run(Document& doc) const override {
    doc.zones.push_back({ZoneKind::kBody, {0, static_cast<uint32_t>(doc.text.size())}, 0, false});
    doc.articles.resize(1);
    return Status::Ok();
  }
};

}  // namespace

StatusOr<std::unique_ptr<Stage>> MakeZoneStage(const StageOptions& options) {
  return std::unique_ptr<Stage>(new StubStage());
}

}  // namespace accord
