// Organizations: known organizations, designators, acronym definitions, context and propagation.
#pragma once

#include <memory>

#include "pipeline/stage.h"

namespace accord {

StatusOr<std::unique_ptr<Stage>> MakeOrganizationStage(const StageOptions& options);

}  // namespace accord
