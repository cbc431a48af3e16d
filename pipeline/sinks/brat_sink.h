// The brat sink: a folder that brat (brat.nlplab.org) opens as a collection.
//   annotation.conf     the four entity types
//   doc-000001.txt      the document text (documents numbered from 1 in input order)
//   doc-000001.ann      standoff: "T1\tPERSON 66 81\tDavid E. Sanger", code-point offsets; an
//                       entity the mail wrapped over lines becomes fragments ("10 16;17 24");
//                       "#1\tAnnotatorNotes T1\tcanonical=...; code=..." carries the attributes
#pragma once

#include <cstdint>
#include <string>

#include "pipeline/sinks/sink.h"

namespace accord {

// The .ann content of `doc`.
std::string FormatBratAnnotations(const Document& doc);

// The file name, without extension, of the `number`th document (from 1): "doc-000001".
std::string BratDocumentName(uint64_t number);

class BratSink final : public Sink {
 public:
  BratSink(std::string folder, OutputOptions options) : folder_(std::move(folder)) {}
  Status Begin() override;
  Status Write(const Document& doc) override;

 private:
  std::string folder_;
  uint64_t count_ = 0;
};

}  // namespace accord
