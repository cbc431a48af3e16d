// The resolve stage: the last stage over all entities. In order:
//   name_cleanup.cc   names hold the name only; every name has a canonical
//   overlap_rules.cc  "X administration" is the person X; overlaps settled by named rules;
//                     entities sorted by (start, end)
#include "pipeline/resolve/resolve_stage.h"

#include "pipeline/resolve/name_cleanup.h"
#include "pipeline/resolve/overlap_rules.h"

namespace accord {
namespace {

class ResolveStage final : public Stage {
 public:
  std::string_view name() const override { return "resolve_stage"; }
  Facets reads() const override {
    return kFacetDates | kFacetNations | kFacetPeople | kFacetOrganizations;
  }
  Facets adds() const override { return kFacetResolved; }
  Status Run(Document& doc) const override {
    resolve::AdministrationIsPerson(doc);
    resolve::CleanNames(doc);
    resolve::SettleOverlaps(doc);
    return Status::Ok();
  }
};

}  // namespace

StatusOr<std::unique_ptr<Stage>> MakeResolveStage(const StageOptions& options) {
  return std::unique_ptr<Stage>(new ResolveStage());
}

}  // namespace accord
