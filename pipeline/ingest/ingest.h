// Ingest: turns input paths into Documents, one per mail message, plain-text file or JSONL record.
//
// Formats are detected by content (InputFormat::kAuto): RFC 5322 message, mbox (mboxo/mboxrd),
// Mailman pipermail archive, maildir, plain-text article, accord/1 JSONL; any of them gzip-
// compressed; directories recursively (sorted, so runs are deterministic); "-" for stdin.
// MIME decoding uses GMime, charset conversion ICU. Archives are read as a stream: memory does
// not grow with the archive.
//
// Nothing is lost: a message that cannot be decoded is reported through `on_error` with its file
// and byte offset and skipped; the rest of the file is still read.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "pipeline/document.h"
#include "pipeline/status.h"

namespace accord {

enum class InputFormat { kAuto, kMbox, kPipermail, kEml, kMaildir, kText, kJsonl };
StatusOr<InputFormat> ParseInputFormat(std::string_view name);  // "auto", "mbox", ...

struct IngestOptions {
  InputFormat format = InputFormat::kAuto;
};

// One problem with the input: what was skipped, where.
struct IngestError {
  std::string path;
  uint64_t offset = 0;   // byte offset in the (decompressed) input
  std::string message;
};

struct InputFile {
  std::string path;      // "-" for standard input
  uint64_t size = 0;     // bytes on disk (0 for stdin)
  bool maildir = false;  // a maildir folder read as one input
};

using DocumentCallback = std::function<bool(Document&&)>;  // return false to stop reading
using ErrorCallback = std::function<void(const IngestError&)>;

// Expands INPUT arguments into the files to read, in a deterministic order. A path that does not
// exist or cannot be read is reported through on_error and left out.
std::vector<InputFile> ExpandInputs(const std::vector<std::string>& inputs, const ErrorCallback& on_error);

// Reads one input, calling on_doc for each document in input order. Returns an error only when
// the input as a whole cannot be read (its problems are also reported through on_error).
Status IngestFile(const InputFile& file, const IngestOptions& options, const DocumentCallback& on_doc,
                  const ErrorCallback& on_error);

}  // namespace accord
