// The organization stage: runs the phases of org_scan.h over the normalized article text and
// adds one ORGANIZATION entity per mention, with its canonical and the name of its rule.
#include "extractors/organizations/organization_stage.h"

#include <memory>

#include "extractors/organizations/org_scan.h"
#include "extractors/organizations/org_tables.h"

namespace accord {
namespace {

class OrganizationStage final : public Stage {
 public:
  explicit OrganizationStage(orgs::OrgTables tables) : tables_(std::move(tables)) {}
  std::string_view name() const override { return "organization_stage"; }
  Facets reads() const override { return kFacetNormalized; }
  Facets adds() const override { return kFacetOrganizations; }

  Status Run(Document& doc) const override {
    if (doc.norm.size() == 0) return Status::Ok();
    orgs::OrgScan scan(tables_, doc, orgs::OrgScratch::ForThread());
    orgs::FindKnownNames(scan);
    orgs::FindDesignatedNames(scan);
    orgs::FindContextCues(scan);
    scan.SelectCandidates();
    orgs::FindAcronymDefinitions(scan);
    orgs::PropagateNames(scan);
    orgs::AssignCanonicals(scan);
    doc.entities.reserve(doc.entities.size() + scan.mentions.size());
    for (orgs::OrgMention& m : scan.mentions) {
      Entity& e = doc.AddFromNorm(EntityType::kOrganization, scan.Tok(m.first).begin,
                                  scan.Tok(m.last - 1).end, m.rule);
      e.canonical = std::move(m.canonical);
    }
    return Status::Ok();
  }

 private:
  const orgs::OrgTables tables_;
};

}  // namespace

StatusOr<std::unique_ptr<Stage>> MakeOrganizationStage(const StageOptions& options) {
  auto tables = orgs::OrgTables::Load();
  if (!tables.ok()) return tables.status();
  return std::unique_ptr<Stage>(new OrganizationStage(std::move(tables).value()));
}

}  // namespace accord
