// The accord/1 JSONL writer. The format (design/dataset-format.md) in short:
//   one object a line: schema, doc_id, source, doc_date, meta, types, [text], entities
//   entities sorted by (start, end); start/end are code-point offsets into the text;
//   PERSON/ORGANIZATION: canonical; NATION: canonical, code; DATE: value (when resolved), kind.
#pragma once

#include <cstdio>
#include <string>

#include "pipeline/sinks/sink.h"

namespace accord {

// The accord/1 record of `doc`, without the trailing newline.
std::string FormatAccordRecord(const Document& doc, const OutputOptions& options);

class JsonlSink final : public Sink {
 public:
  // Writes to `out` (not owned), e.g. stdout or an opened file.
  JsonlSink(std::FILE* out, OutputOptions options) : out_(out), options_(options) {}
  Status Write(const Document& doc) override;
  Status Finish() override;

 private:
  std::FILE* out_;
  OutputOptions options_;
};

}  // namespace accord
