// Dates: every date, relative date and duration of the article, with its TIMEX3 value resolved against the article's own date.
#pragma once

#include <memory>

#include "pipeline/stage.h"

namespace accord {

StatusOr<std::unique_ptr<Stage>> MakeDateStage(const StageOptions& options);

}  // namespace accord
