// Segmentation: sentences and tokens of the normalized text, from ICU's break iterators.
#pragma once

#include <memory>

#include "pipeline/stage.h"

namespace accord {

StatusOr<std::unique_ptr<Stage>> MakeSegmentStage(const StageOptions& options);

}  // namespace accord
