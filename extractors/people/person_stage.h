// People: person names (honorifics, first-name lexicon, initials, particles, appositives, bylines).
#pragma once

#include <memory>

#include "pipeline/stage.h"

namespace accord {

StatusOr<std::unique_ptr<Stage>> MakePersonStage(const StageOptions& options);

}  // namespace accord
