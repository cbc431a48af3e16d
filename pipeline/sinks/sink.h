// Sinks: where finished Documents go. All sinks share one interface (begin / write / finish),
// and all see documents in input order, whatever the number of worker threads.
//
//   format  what -o names          writes
//   jsonl   a file (or stdout)     the accord/1 records, one a line (jsonl_sink.h)
//   csv     a folder               documents.csv, mentions.csv, entities.csv (csv_sink.h)
//   sqlite  a database file        tables documents, mentions, entities (sqlite_sink.h)
//   brat    a folder               <n>.txt (document text) + <n>.ann (standoff) (brat_sink.h)
//   conll   a file (or stdout)     IOB2 tags, one token a line, -DOCSTART- between documents
//                                  (conll_sink.h)
//
// Offsets leave the sinks as Unicode code points (jsonl, csv, sqlite, brat), like accord/1.
#pragma once

#include <cstdio>
#include <memory>
#include <string>
#include <string_view>

#include "pipeline/document.h"
#include "pipeline/status.h"

namespace accord {

struct OutputOptions {
  bool include_text = false;  // --include-text: add the document text to each record
};

enum class SinkFormat { kJsonl, kCsv, kSqlite, kBrat, kConll };
StatusOr<SinkFormat> ParseSinkFormat(std::string_view name);  // "jsonl", "csv", ...
std::string_view SinkFormatName(SinkFormat f);
// True when the format's output is a folder rather than one file (csv, brat).
bool SinkWritesFolder(SinkFormat f);
// The file-name extension of one output of the format ("jsonl", "csv", "sqlite", "brat", "conll").
std::string_view SinkExtension(SinkFormat f);

class Sink {
 public:
  virtual ~Sink() = default;
  virtual Status Begin() { return Status::Ok(); }
  virtual Status Write(const Document& doc) = 0;
  virtual Status Finish() { return Status::Ok(); }

  // The parallel path. A sink whose output for one document is a self-contained run of bytes
  // (JSONL, CoNLL) renders it in the worker threads: Render() is const and thread-safe, and
  // WriteRendered() then only appends the bytes, in input order. Write(doc) must equal
  // WriteRendered(Render(doc)).
  virtual bool Renders() const { return false; }
  virtual void Render(const Document& doc, std::string& out) const {}
  virtual Status WriteRendered(std::string_view bytes) { return Internal("sink does not render"); }
};

// A sink whose output is a stream of rendered bytes (JSONL, CoNLL): subclasses implement only
// Render(); writing, flushing and closing the stream are shared here.
class StreamSink : public Sink {
 public:
  // Writes to `out` (stdout or an opened file); closes it in Finish() when `owned`.
  StreamSink(std::FILE* out, bool owned);
  ~StreamSink() override;
  Status Write(const Document& doc) override;
  Status Finish() override;
  bool Renders() const override { return true; }
  Status WriteRendered(std::string_view bytes) override;

  // Records are gathered and written in pieces of about this size (stdio's own buffer is one
  // 4 KiB block, and a run writes more bytes than it reads: each write call costs on its own).
  // A terminal gets each record at once.
  static constexpr size_t kWriteChunk = size_t{1} << 20;

 private:
  Status WritePending();
  std::FILE* out_;
  bool owned_;
  bool terminal_ = false;
  std::string pending_;  // whole records not yet handed to out_
};

// A sink of `format` that only renders (Renders() true: jsonl, conll), for the worker threads of
// a run whose outputs are opened later; nullptr for formats that write from the Document.
std::unique_ptr<Sink> MakeRenderer(SinkFormat format, const OutputOptions& options);

// Opens the sink of `format` on `path` ("-" is standard output, for jsonl and conll only).
// Folders (csv, brat) and the database's parent folder are created when missing; an existing
// output is replaced.
StatusOr<std::unique_ptr<Sink>> OpenSink(SinkFormat format, const std::string& path,
                                         const OutputOptions& options);

}  // namespace accord
