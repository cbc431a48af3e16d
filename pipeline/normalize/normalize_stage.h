// Normalization: a copy of the article zones with hard line breaks unwrapped, hyphenation joined, quote prefixes dropped and quotes folded, with its OffsetMap back to the raw text.
#pragma once

#include <memory>

#include "pipeline/stage.h"

namespace accord {

StatusOr<std::unique_ptr<Stage>> MakeNormalizeStage(const StageOptions& options);

}  // namespace accord
