#include "pipeline/sinks/sink.h"

#include <cstdio>
#include <filesystem>

#include <unistd.h>

#include "pipeline/sinks/brat_sink.h"
#include "pipeline/sinks/conll_sink.h"
#include "pipeline/sinks/csv_sink.h"
#include "pipeline/sinks/jsonl_sink.h"
#include "pipeline/sinks/sqlite_sink.h"

namespace accord {
namespace {

struct FormatInfo {
  SinkFormat format;
  std::string_view name;
  bool folder;
};
constexpr FormatInfo kFormats[] = {
    {SinkFormat::kJsonl, "jsonl", false}, {SinkFormat::kCsv, "csv", true},
    {SinkFormat::kSqlite, "sqlite", false}, {SinkFormat::kBrat, "brat", true},
    {SinkFormat::kConll, "conll", false},
};

StatusOr<std::FILE*> OpenFile(const std::string& path) {
  if (path == "-") return stdout;
  std::error_code ec;
  const auto parent = std::filesystem::path(path).parent_path();
  if (!parent.empty()) std::filesystem::create_directories(parent, ec);
  std::FILE* f = std::fopen(path.c_str(), "wb");
  if (f == nullptr) return IoError(path + ": cannot open for writing");
  return f;
}

}  // namespace

StatusOr<SinkFormat> ParseSinkFormat(std::string_view name) {
  for (const auto& f : kFormats)
    if (f.name == name) return f.format;
  return InvalidArgument("unknown output format '" + std::string(name) + "'");
}

std::string_view SinkFormatName(SinkFormat format) {
  for (const auto& f : kFormats)
    if (f.format == format) return f.name;
  return "?";
}

bool SinkWritesFolder(SinkFormat format) {
  for (const auto& f : kFormats)
    if (f.format == format) return f.folder;
  return false;
}

std::string_view SinkExtension(SinkFormat format) { return SinkFormatName(format); }

std::unique_ptr<Sink> MakeRenderer(SinkFormat format, const OutputOptions& options) {
  if (format == SinkFormat::kJsonl) return std::make_unique<JsonlSink>(nullptr, options);
  if (format == SinkFormat::kConll) return std::make_unique<ConllSink>(nullptr, false);
  return nullptr;
}

StatusOr<std::unique_ptr<Sink>> OpenSink(SinkFormat format, const std::string& path,
                                         const OutputOptions& options) {
  switch (format) {
    case SinkFormat::kJsonl:
    case SinkFormat::kConll: {
      auto f = OpenFile(path);
      if (!f.ok()) return f.status();
      const bool owned = *f != stdout;
      if (format == SinkFormat::kJsonl) return std::unique_ptr<Sink>(new JsonlSink(*f, options, owned));
      return std::unique_ptr<Sink>(new ConllSink(*f, owned));
    }
    case SinkFormat::kCsv:
    case SinkFormat::kSqlite:
    case SinkFormat::kBrat:
      if (path == "-") {
        return InvalidArgument(std::string(SinkFormatName(format)) +
                               " output needs -o (it cannot go to standard output)");
      }
      if (format == SinkFormat::kCsv) return std::unique_ptr<Sink>(new CsvSink(path, options));
      if (format == SinkFormat::kSqlite) return std::unique_ptr<Sink>(new SqliteSink(path, options));
      return std::unique_ptr<Sink>(new BratSink(path, options));
  }
  return Internal("unknown sink format");
}

StreamSink::StreamSink(std::FILE* out, bool owned)
    : out_(out), owned_(owned), terminal_(out != nullptr && isatty(fileno(out))) {}

StreamSink::~StreamSink() {
  if (out_ == nullptr) return;
  (void)WritePending();  // a sink dropped without Finish() still leaves its whole records
  if (owned_) std::fclose(out_);
}

Status StreamSink::WritePending() {
  if (pending_.empty()) return Status::Ok();
  // Flushed at once, so that what reaches the file is whole records (stdio would keep a tail).
  const size_t n = std::fwrite(pending_.data(), 1, pending_.size(), out_);
  const bool ok = n == pending_.size() && std::fflush(out_) == 0;
  pending_.clear();
  return ok ? Status::Ok() : IoError("write failed");
}

Status StreamSink::WriteRendered(std::string_view bytes) {
  if (terminal_) {
    if (std::fwrite(bytes.data(), 1, bytes.size(), out_) != bytes.size()) return IoError("write failed");
    return std::fflush(out_) == 0 ? Status::Ok() : IoError("write failed");
  }
  pending_.append(bytes);
  if (pending_.size() < kWriteChunk) return Status::Ok();
  return WritePending();
}

Status StreamSink::Write(const Document& doc) {
  std::string bytes;
  Render(doc, bytes);
  return WriteRendered(bytes);
}

Status StreamSink::Finish() {
  if (out_ == nullptr) return Status::Ok();
  const Status pending = WritePending();
  int rc = std::fflush(out_);
  if (owned_) {
    rc |= std::fclose(out_);
    out_ = nullptr;
  }
  if (!pending.ok()) return pending;
  return rc == 0 ? Status::Ok() : IoError("flush failed");
}

}  // namespace accord
