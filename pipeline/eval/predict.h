// Predictions for `accord eval GOLD` without PRED: the standard pipeline run on the gold
// documents' own texts, read back through the accord/1 writer and reader (one path: what eval
// scores is exactly what `accord extract` would write for that text).
#pragma once

#include "pipeline/eval/annotations.h"
#include "pipeline/stage.h"

namespace accord::eval {

// The Document ingest builds from an accord/1 record: doc_id, text, doc_date, meta and source
// carried, from_jsonl set. The gold record must have a text.
StatusOr<Document> DocumentFromGold(const AnnotatedDoc& gold);

// Runs BuildStandardPipeline over every gold document (on up to `threads` threads; 0: one per
// core) and returns the predictions as an accord/1 annotation set. Fails, naming the document,
// when a gold record has no text or the pipeline fails on it.
StatusOr<AnnotationSet> PredictWithPipeline(const AnnotationSet& gold, const StageOptions& options,
                                            int threads = 1);

}  // namespace accord::eval
