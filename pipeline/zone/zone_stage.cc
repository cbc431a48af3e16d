#include "pipeline/zone/zone_stage.h"

#include "pipeline/zone/line_rules.h"
#include "pipeline/zone/zone_dates.h"
#include "pipeline/zone/zoner.h"

namespace accord {
namespace {

class ZoneStage final : public Stage {
 public:
  explicit ZoneStage(const StageOptions& options) { options_.default_doc_date = options.default_doc_date; }
  std::string_view name() const override { return "zone"; }
  Facets reads() const override { return kFacetText; }
  Facets adds() const override { return kFacetZones; }
  Status Run(Document& doc) const override {
    zone::ZoneDocument(doc, options_);
    return Status::Ok();
  }

 private:
  zone::ZonerOptions options_;
};

}  // namespace

StatusOr<std::unique_ptr<Stage>> MakeZoneStage(const StageOptions& options) {
  // Compile the rules once, before any document.
  zone::LineRules::Get();
  zone::CompileDatePatterns();
  return std::unique_ptr<Stage>(new ZoneStage(options));
}

}  // namespace accord
