#include "pipeline/normalize/normalize_stage.h"

namespace accord {
namespace {

class StubStage final : public Stage {
 public:
  std::string_view name() const override { return "normalize_stage"; }
  Facets reads() const override { return kFacetZones; }
  Facets adds() const override { return kFacetNormalized; }
  Status Run(Document& doc) const override {
    doc.norm.Clear();
    for (const Zone& z : doc.zones) {
      if (!IsArticleZone(z.kind)) continue;
      uint32_t b = static_cast<uint32_t>(doc.norm.size());
      doc.norm.AppendVerbatim(std::string_view(doc.text).substr(z.span.begin, z.span.size()), z.span.begin);
      doc.norm_articles.push_back({{b, static_cast<uint32_t>(doc.norm.size())}, z.article});
    }
    return Status::Ok();
  }
};

}  // namespace

StatusOr<std::unique_ptr<Stage>> MakeNormalizeStage(const StageOptions& options) {
  return std::unique_ptr<Stage>(new StubStage());
}

}  // namespace accord
