// Resolve: settles overlaps between kinds by named priorities, gives every entity its canonical form, sorts entities by (start, end).
#pragma once

#include <memory>

#include "pipeline/stage.h"

namespace accord {

StatusOr<std::unique_ptr<Stage>> MakeResolveStage(const StageOptions& options);

}  // namespace accord
