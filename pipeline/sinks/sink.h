// Sinks: where finished Documents go. All sinks share one interface (begin / write / finish),
// and all see documents in input order, whatever the number of worker threads.
#pragma once

#include <memory>
#include <string>

#include "pipeline/document.h"
#include "pipeline/status.h"

namespace accord {

struct OutputOptions {
  bool include_text = false;  // --include-text: add the document text to each record
};

class Sink {
 public:
  virtual ~Sink() = default;
  virtual Status Begin() { return Status::Ok(); }
  virtual Status Write(const Document& doc) = 0;
  virtual Status Finish() { return Status::Ok(); }
};

}  // namespace accord
