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

class JsonlSink final : public Sink {
 public:
  // Writes to `out`, e.g. stdout or an opened file; closes it in Finish() when `owned`.
  JsonlSink(std::FILE* out, OutputOptions options, bool owned = false)
      : out_(out), options_(options), owned_(owned) {}
  ~JsonlSink() override;
  Status Write(const Document& doc) override;
  Status Finish() override;
  bool Renders() const override { return true; }
  void Render(const Document& doc, std::string& out) const override;
  Status WriteRendered(std::string_view bytes) override;

 private:
  std::FILE* out_;
  OutputOptions options_;
  bool owned_;
};

}  // namespace accord
