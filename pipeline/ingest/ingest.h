// Ingest: turns input paths into Documents, one per mail message, plain-text file or JSONL record.
//
// Formats are detected by content (InputFormat::kAuto): RFC 5322 message, mbox (mboxo/mboxrd),
// Mailman pipermail archive, maildir, plain-text article, accord/1 JSONL; any of them gzip-
// compressed; directories recursively (sorted, so runs are deterministic); "-" for stdin.
// MIME decoding uses GMime, charset conversion ICU. Archives are read as a stream: memory does
// not grow with the archive.
//
// Identity: doc_id is the Message-ID with its angle brackets (else a stable hash of path, offset
// and digest part); a plain-text article's doc_id is its path without ".txt"/".gz"; JSONL records
// keep theirs. source = {path as given, offset of the message (its "From " line) in the
// decompressed input, message_id, list (List-Id, else the Subject's "[Tag]")}.
// Files: line_reader (streaming, gzip), mbox_reader (mbox/pipermail splitting, mboxrd),
// mime_message (GMime), charset (ICU), html_text (libxml2), jsonl_input, expand_inputs.
//
// Nothing is lost: a message that cannot be decoded is reported through `on_error` with its file
// and byte offset and skipped; the rest of the file is still read.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "pipeline/document.h"
#include "pipeline/status.h"

namespace accord {

enum class InputFormat { kAuto, kMbox, kPipermail, kEml, kMaildir, kText, kJsonl };
StatusOr<InputFormat> ParseInputFormat(std::string_view name);  // "auto", "mbox", ...

struct IngestOptions {
  InputFormat format = InputFormat::kAuto;
  // Bounds on memory: a longer line or a larger message is reported and skipped.
  size_t max_line_bytes = size_t{4} << 20;
  size_t max_message_bytes = size_t{64} << 20;
};

// The format of an input, told from its first bytes (decompressed): "From " + date line ->
// mbox (pipermail when the sender is written "x at y.org"), '{' -> accord/1 JSONL, a mail
// header block -> eml, anything else -> plain-text article.
InputFormat DetectFormat(std::string_view head);

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

// A mail message split from its input but not decoded yet. A parallel run hands these to its
// worker threads (DecodeRawMessage), so that the one thread reading the archive only splits it,
// and a document's memory is allocated and freed on the same thread.
struct RawMessage {
  std::string path;        // the input path as given
  uint64_t offset = 0;     // of the message in the (decompressed) input
  bool pipermail = false;  // addresses are obfuscated as "x at y.org"
  std::string bytes;
};
using RawMessageCallback = std::function<bool(RawMessage&&)>;  // return false to stop reading

// Decodes a raw message: its documents are appended to *docs in order, its problems (a message
// that cannot be decoded, a part skipped) to *errors; exactly what IngestFile would have emitted
// and reported for it.
void DecodeRawMessage(const RawMessage& message, std::vector<Document>* docs, std::vector<IngestError>* errors);

// Expands INPUT arguments into the files to read, in a deterministic order. A path that does not
// exist or cannot be read is reported through on_error and left out.
std::vector<InputFile> ExpandInputs(const std::vector<std::string>& inputs, const ErrorCallback& on_error);

// Reads one input, calling on_doc for each document in input order. Every problem (an input that
// cannot be read, a message that cannot be decoded) is reported once through on_error, with the
// file and byte offset, and reading goes on with the next message. Returns an error only for
// what on_error has not reported (none today: the status is kept for callers that stop early).
Status IngestFile(const InputFile& file, const IngestOptions& options, const DocumentCallback& on_doc,
                  const ErrorCallback& on_error);

// IngestFile that hands each mail message (mbox, pipermail, eml, maildir) to on_message
// undecoded; plain-text articles and JSONL records still come through on_doc.
Status IngestFile(const InputFile& file, const IngestOptions& options, const DocumentCallback& on_doc,
                  const RawMessageCallback& on_message, const ErrorCallback& on_error);

}  // namespace accord
