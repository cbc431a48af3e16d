// A Pipeline is an ordered list of stages whose contract was checked at construction.
#pragma once

#include <memory>
#include <vector>

#include "pipeline/stage.h"

namespace accord {

class Pipeline {
 public:
  // Fails (kInternal) when a stage reads a facet that no earlier stage adds (ingest provides
  // kFacetText).
  static StatusOr<Pipeline> Create(std::vector<std::unique_ptr<Stage>> stages);

  // Runs every stage in order; stops at the first error, which names the stage and document.
  Status Run(Document& doc) const;

  const std::vector<std::unique_ptr<Stage>>& stages() const { return stages_; }

 private:
  std::vector<std::unique_ptr<Stage>> stages_;
};

}  // namespace accord
