// The stages of `accord extract`, in order: zone, normalize, segment, the four extractors,
// resolve. Built once per run and shared by all worker threads.
#pragma once

#include "pipeline/pipeline.h"

namespace accord {

StatusOr<Pipeline> BuildStandardPipeline(const StageOptions& options);

}  // namespace accord
