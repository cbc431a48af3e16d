#include "pipeline/batch/standard_pipeline.h"

#include "extractors/dates/date_stage.h"
#include "extractors/nations/nation_stage.h"
#include "extractors/organizations/organization_stage.h"
#include "extractors/people/person_stage.h"
#include "pipeline/normalize/normalize_stage.h"
#include "pipeline/resolve/resolve_stage.h"
#include "pipeline/segment/segment_stage.h"
#include "pipeline/zone/zone_stage.h"

namespace accord {

StatusOr<Pipeline> BuildStandardPipeline(const StageOptions& options) {
  using Factory = StatusOr<std::unique_ptr<Stage>> (*)(const StageOptions&);
  const Factory factories[] = {MakeZoneStage,   MakeNormalizeStage, MakeSegmentStage,
                               MakeDateStage,   MakeNationStage,    MakePersonStage,
                               MakeOrganizationStage, MakeResolveStage};
  std::vector<std::unique_ptr<Stage>> stages;
  for (Factory make : factories) {
    auto stage = make(options);
    if (!stage.ok()) return stage.status();
    stages.push_back(std::move(stage).value());
  }
  return Pipeline::Create(std::move(stages));
}

}  // namespace accord
