#include "pipeline/batch/runner.h"

#include <chrono>
#include <cstdio>
#include <memory>

#include <spdlog/spdlog.h>

#include "pipeline/batch/standard_pipeline.h"
#include "pipeline/sinks/jsonl_sink.h"

namespace accord {

StatusOr<RunSummary> RunExtract(const ExtractOptions& options) {
  const auto t0 = std::chrono::steady_clock::now();
  auto pipeline = BuildStandardPipeline(options.stages);
  if (!pipeline.ok()) return pipeline.status();

  std::FILE* out = stdout;
  if (options.output != "-") {
    out = std::fopen(options.output.c_str(), "wb");
    if (out == nullptr) return IoError(options.output + ": cannot open for writing");
  }
  JsonlSink sink(out, options.output_options);
  RunSummary summary;
  auto on_error = [&](const IngestError& e) {
    ++summary.skipped;
    spdlog::error("{}:{}: {}", e.path, e.offset, e.message);
  };
  Status sink_status = sink.Begin();
  for (const InputFile& file : ExpandInputs(options.inputs, on_error)) {
    summary.input_bytes += file.size;
    Status s = IngestFile(file, options.ingest, [&](Document&& doc) {
      if (!doc.doc_date && options.stages.default_doc_date) doc.doc_date = options.stages.default_doc_date;
      Status ps = pipeline->Run(doc);
      if (!ps.ok()) {
        on_error({file.path, doc.source.value("offset", uint64_t{0}), ps.message()});
        return true;
      }
      ++summary.documents;
      for (const Entity& e : doc.entities) ++summary.entities_by_type[static_cast<int>(e.type)];
      if (sink_status.ok()) sink_status = sink.Write(doc);
      return sink_status.ok();
    }, on_error);
    if (!s.ok()) spdlog::error("{}", s.message());
  }
  if (sink_status.ok()) sink_status = sink.Finish();
  if (out != stdout) std::fclose(out);
  if (!sink_status.ok()) return sink_status;
  summary.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  return summary;
}

std::string FormatSummary(const RunSummary& s) {
  uint64_t total = 0;
  for (uint64_t n : s.entities_by_type) total += n;
  const double mb = s.input_bytes / 1e6;
  char buf[512];
  std::snprintf(buf, sizeof buf,
                "%llu documents, %llu entities (PERSON %llu, ORGANIZATION %llu, NATION %llu, DATE %llu), "
                "%llu skipped, %.1f MB in %.2f s (%.1f MB/s)",
                (unsigned long long)s.documents, (unsigned long long)total,
                (unsigned long long)s.entities_by_type[0], (unsigned long long)s.entities_by_type[1],
                (unsigned long long)s.entities_by_type[2], (unsigned long long)s.entities_by_type[3],
                (unsigned long long)s.skipped, mb, s.seconds, s.seconds > 0 ? mb / s.seconds : 0.0);
  return buf;
}

}  // namespace accord
