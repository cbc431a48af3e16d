#include "pipeline/normalize/normalize_stage.h"

#include "pipeline/normalize/normalizer.h"

namespace accord {
namespace {

// Builds Document::norm from the article zones, in zone order, separated by "\n\n", and
// Document::norm_articles: one normalized range per run of zones of the same article (the
// separators between zones of one article belong to it).
class NormalizeStage final : public Stage {
 public:
  std::string_view name() const override { return "normalize"; }
  Facets reads() const override { return kFacetZones; }
  Facets adds() const override { return kFacetNormalized; }

  Status Run(Document& doc) const override {
    doc.norm.Clear();
    doc.norm_articles.clear();
    size_t article_bytes = 0;
    for (const Zone& zone : doc.zones)
      if (IsArticleZone(zone.kind)) article_bytes += zone.span.end - zone.span.begin + 2;
    doc.norm.Reserve(article_bytes);
    for (const Zone& zone : doc.zones) {
      if (!IsArticleZone(zone.kind)) continue;
      NormalizeOptions options;
      options.quoted = zone.quoted;
      options.separator = "\n\n";
      const size_t before = doc.norm.size();
      options.separator_raw_begin = before > 0 ? doc.norm.RawEnd(before - 1) : zone.span.begin;
      if (NormalizeSpan(doc.text, zone.span.begin, zone.span.end, options, doc.norm) == 0)
        continue;
      const uint32_t end = static_cast<uint32_t>(doc.norm.size());
      if (!doc.norm_articles.empty() && doc.norm_articles.back().second == zone.article &&
          doc.norm_articles.back().first.end == before) {
        doc.norm_articles.back().first.end = end;
      } else {
        const uint32_t begin = static_cast<uint32_t>(before > 0 ? before + 2 : 0);
        doc.norm_articles.push_back({{begin, end}, zone.article});
      }
    }
    return Status::Ok();
  }
};

}  // namespace

StatusOr<std::unique_ptr<Stage>> MakeNormalizeStage(const StageOptions& /*options*/) {
  return std::unique_ptr<Stage>(new NormalizeStage());
}

}  // namespace accord
