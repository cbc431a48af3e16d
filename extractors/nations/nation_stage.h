// Nations: sovereign countries by name, alias and demonym-as-modifier, with ISO 3166 codes.
#pragma once

#include <memory>

#include "pipeline/stage.h"

namespace accord {

StatusOr<std::unique_ptr<Stage>> MakeNationStage(const StageOptions& options);

}  // namespace accord
