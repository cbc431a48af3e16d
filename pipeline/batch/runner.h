// The batch runner of `accord extract`: inputs -> ingest -> pipeline -> sink, with a run summary.
//
// Threads (jobs >= 2): one reader ingests the inputs in order and hands each document, with a
// sequence number, to a pool of `jobs` workers (pipeline + rendering of the record); the calling
// thread writes the results strictly in sequence order (ordered_window.h). At most a fixed number
// of documents are in flight, so memory stays bounded whatever the archive size, and the bytes
// written never depend on the number of threads. With jobs == 1 everything runs on the calling
// thread.
//
// Outputs: -o FILE (or stdout) gets one sink for all inputs. -o DIR/ (an existing folder or a
// path ending in '/', formats jsonl, sqlite, conll) is a regeneration run: one output per input
// and a manifest, so a rerun redoes only what changed (manifest.h). csv and brat always write one
// folder (-o names it). --shard K/N splits the documents (shard.h).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "pipeline/batch/shard.h"
#include "pipeline/ingest/ingest.h"
#include "pipeline/sinks/sink.h"
#include "pipeline/stage.h"

namespace accord {

struct ExtractOptions {
  std::vector<std::string> inputs;
  std::string output = "-";  // "-" for stdout
  IngestOptions ingest;
  StageOptions stages;
  OutputOptions output_options;
  SinkFormat format = SinkFormat::kJsonl;
  int jobs = 0;              // worker threads; 0: the machine's cores
  bool quiet = false;        // no progress line
  bool force = false;        // regeneration: redo every input
  std::optional<Shard> shard;
  size_t in_flight_per_job = 128;  // bound on documents in flight, per worker (two batches)
};

struct RunSummary {
  uint64_t documents = 0;
  uint64_t entities_by_type[4] = {0, 0, 0, 0};  // indexed by EntityType
  uint64_t skipped = 0;                         // messages or files reported and skipped
  uint64_t input_bytes = 0;                     // bytes of the inputs processed
  double seconds = 0;
  uint64_t inputs = 0;           // inputs named (after expanding folders)
  uint64_t inputs_reused = 0;    // regeneration: inputs whose output was up to date
  uint64_t other_shards = 0;     // documents left to other shards
  bool interrupted = false;      // stopped by Ctrl-C: outputs hold complete records only
};

// Whether `output` makes this a regeneration run (one output per input plus a manifest).
bool IsRegenerationOutput(const std::string& output, SinkFormat format);

// Runs the whole extraction. Returns an error only when the run could not happen at all (bad
// options, unwritable output); skipped inputs are counted in the summary.
StatusOr<RunSummary> RunExtract(const ExtractOptions& options);

// "12 documents, 340 entities (PERSON 80, ...), 1 skipped, 3.2 MB in 0.05 s (64 MB/s)"
std::string FormatSummary(const RunSummary& s);

// The options that decide the output bytes, as the manifest records them.
Json OutputAffectingOptions(const ExtractOptions& options);

}  // namespace accord
