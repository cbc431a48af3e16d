// The accord/1 JSONL writer. The format (design/dataset-format.md) in short:
//   one object a line: schema, doc_id, source, doc_date, meta, types, [text], entities
//   entities sorted by (start, end); start/end are code-point offsets into the text;
//   PERSON/ORGANIZATION: canonical; NATION: canonical, code; DATE: value (when resolved), kind.
// Keys come in that order, with no spaces (nlohmann::ordered_json's compact dump, invalid UTF-8
// replaced by U+FFFD), so that two runs can be compared byte for byte.
#pragma once

#include <cstdio>
#include <string>

#include "pipeline/sinks/sink.h"

namespace accord {

// The accord/1 record of `doc`, without the trailing newline.
std::string FormatAccordRecord(const Document& doc, const OutputOptions& options);
// Appends the record and a newline to `out` (the hot path: no JSON tree is built).
void AppendAccordRecord(const Document& doc, const OutputOptions& options, std::string& out);

class JsonlSink final : public StreamSink {
 public:
  JsonlSink(std::FILE* out, OutputOptions options, bool owned = false)
      : StreamSink(out, owned), options_(options) {}
  void Render(const Document& doc, std::string& out) const override;

 private:
  OutputOptions options_;
};

}  // namespace accord
