// A Pipeline is an ordered list of stages whose contract was checked at construction.
#pragma once

#include <memory>
#include <span>
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

  // The same for a batch of documents, stage by stage: each stage runs over the whole batch
  // before the next starts, so its rules and tables stay in the CPU caches (stages_bench
  // BM_WholePipelineBatched: the larger the batch, the faster, up to a few dozen documents). Each document's result is exactly Run's: statuses[i] gets its
  // error, and a document whose stage fails (or throws) skips the later stages.
  void RunBatch(std::span<Document* const> docs, std::span<Status> statuses) const;

  const std::vector<std::unique_ptr<Stage>>& stages() const { return stages_; }

 private:
  std::vector<std::unique_ptr<Stage>> stages_;
};

}  // namespace accord
