#include "pipeline/pipeline.h"

#include <string>

namespace accord {

std::string FacetNames(Facets f) {
  static const char* kNames[] = {"text",   "zones",   "normalized",    "sentences", "tokens",
                                 "dates",  "nations", "people", "organizations", "resolved"};
  std::string out;
  for (int i = 0; i < 10; ++i) {
    if (f & (1u << i)) {
      if (!out.empty()) out += '|';
      out += kNames[i];
    }
  }
  return out.empty() ? "none" : out;
}

StatusOr<Pipeline> Pipeline::Create(std::vector<std::unique_ptr<Stage>> stages) {
  Facets have = kFacetText;
  for (const auto& stage : stages) {
    const Facets missing = stage->reads() & ~have;
    if (missing != 0) {
      return Internal("stage '" + std::string(stage->name()) + "' reads " + FacetNames(missing) +
                      ", which no earlier stage adds");
    }
    have |= stage->adds();
  }
  Pipeline p;
  p.stages_ = std::move(stages);
  return p;
}

namespace {

Status RunStage(const Stage& stage, Document& doc) {
  Status s = stage.Run(doc);
  if (s.ok()) return s;
  return Status(s.code(), std::string(stage.name()) + " on " + doc.doc_id + ": " + s.message());
}

}  // namespace

Status Pipeline::Run(Document& doc) const {
  for (const auto& stage : stages_) ACCORD_RETURN_IF_ERROR(RunStage(*stage, doc));
  return Status::Ok();
}

void Pipeline::RunBatch(std::span<Document* const> docs, std::span<Status> statuses) const {
  for (Status& s : statuses) s = Status::Ok();
  for (const auto& stage : stages_) {
    for (size_t i = 0; i < docs.size(); ++i) {
      if (!statuses[i].ok()) continue;
      try {
        statuses[i] = RunStage(*stage, *docs[i]);
      } catch (const std::exception& e) {  // a bug in a stage must not take the run down
        statuses[i] = Internal("a stage threw on " + docs[i]->doc_id + ": " + e.what());
      }
    }
  }
}

}  // namespace accord
