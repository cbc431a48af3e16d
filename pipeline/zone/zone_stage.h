// Zoning: finds the forwarded article in a message body (title, byline, dateline, url, body) and what is not article (quotes, signatures, list footer, boilerplate); fills meta and doc_date.
#pragma once

#include <memory>

#include "pipeline/stage.h"

namespace accord {

StatusOr<std::unique_ptr<Stage>> MakeZoneStage(const StageOptions& options);

}  // namespace accord
