// accord/1 JSONL input: one record a line, read as a stream. Each record's `text` becomes the
// document text; its doc_id, doc_date, meta, source and types carry through to the output
// unchanged (Document::from_jsonl); its gold entities are not carried.
#pragma once

#include <string>

#include "pipeline/ingest/ingest.h"
#include "pipeline/ingest/line_reader.h"

namespace accord::ingest {

void ReadJsonl(LineReader& in, const std::string& path, const DocumentCallback& on_doc,
               const ErrorCallback& on_error);

}  // namespace accord::ingest
