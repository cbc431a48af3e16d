// Micro-benchmarks of each phase of `accord extract`, on the bundled sample archive repeated to
// a few hundred documents: ingest, every stage of the standard pipeline (zone, normalize,
// segment, dates, nations, people, organizations, resolve), the whole pipeline and the JSONL
// sink. Throughput is reported in bytes of document text per second.
//
//   stages_bench [--benchmark_filter=...]      (tools/bench/bench.py measures whole runs)
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include <benchmark/benchmark.h>

#include "pipeline/batch/standard_pipeline.h"
#include "pipeline/ingest/ingest.h"
#include "pipeline/sinks/jsonl_sink.h"

namespace accord {
namespace {

constexpr int kCopies = 40;  // of the sample archive, for a stable measure

std::string SampleArchive() {
  static const std::string path = [] {
    const std::string src = std::string(ACCORD_SOURCE_DIR) + "/corpora/archives/sample-list.mbox";
    std::FILE* in = std::fopen(src.c_str(), "rb");
    std::string bytes;
    if (in != nullptr) {
      char buf[65536];
      size_t n;
      while ((n = std::fread(buf, 1, sizeof buf, in)) > 0) bytes.append(buf, n);
      std::fclose(in);
    }
    const std::string out = (std::filesystem::temp_directory_path() / "accord-stages-bench.mbox").string();
    std::FILE* f = std::fopen(out.c_str(), "wb");
    for (int i = 0; i < kCopies && f != nullptr; ++i) std::fwrite(bytes.data(), 1, bytes.size(), f);
    if (f != nullptr) std::fclose(f);
    return out;
  }();
  return path;
}

std::vector<Document> Ingest() {
  std::vector<Document> docs;
  const std::string path = SampleArchive();
  InputFile file{path, std::filesystem::file_size(path), false};
  IngestFile(file, {}, [&](Document&& d) { docs.push_back(std::move(d)); return true; },
             [](const IngestError&) {});
  return docs;
}

const Pipeline& StandardPipeline() {
  static const Pipeline p = [] {
    auto r = BuildStandardPipeline({});
    if (!r.ok()) {
      std::fprintf(stderr, "%s\n", r.status().message().c_str());
      std::abort();
    }
    return std::move(r).value();
  }();
  return p;
}

// The documents after the first `n` stages.
std::vector<Document> After(size_t n) {
  std::vector<Document> docs = Ingest();
  for (Document& d : docs)
    for (size_t i = 0; i < n; ++i) (void)StandardPipeline().stages()[i]->Run(d);
  return docs;
}

int64_t TextBytes(const std::vector<Document>& docs) {
  int64_t n = 0;
  for (const Document& d : docs) n += d.text.size();
  return n;
}

void BM_Ingest(benchmark::State& state) {
  const std::string path = SampleArchive();
  InputFile file{path, std::filesystem::file_size(path), false};
  for (auto _ : state) {
    size_t docs = 0;
    IngestFile(file, {}, [&](Document&& d) { benchmark::DoNotOptimize(d.text.data()); ++docs; return true; },
               [](const IngestError&) {});
    benchmark::DoNotOptimize(docs);
  }
  state.SetBytesProcessed(state.iterations() * static_cast<int64_t>(file.size));
}
BENCHMARK(BM_Ingest)->Unit(benchmark::kMillisecond);

// One stage, on copies of documents prepared by the stages before it (copying is not timed).
void BM_Stage(benchmark::State& state, size_t index) {
  const std::vector<Document> prepared = After(index);
  const Stage& stage = *StandardPipeline().stages()[index];
  for (auto _ : state) {
    state.PauseTiming();
    std::vector<Document> docs = prepared;
    state.ResumeTiming();
    for (Document& d : docs) benchmark::DoNotOptimize(stage.Run(d).ok());
    state.PauseTiming();
    docs.clear();
    state.ResumeTiming();
  }
  state.SetBytesProcessed(state.iterations() * TextBytes(prepared));
}

void BM_WholePipeline(benchmark::State& state) {
  const std::vector<Document> prepared = Ingest();
  for (auto _ : state) {
    state.PauseTiming();
    std::vector<Document> docs = prepared;
    state.ResumeTiming();
    for (Document& d : docs) benchmark::DoNotOptimize(StandardPipeline().Run(d).ok());
    state.PauseTiming();
    docs.clear();
    state.ResumeTiming();
  }
  state.SetBytesProcessed(state.iterations() * TextBytes(prepared));
}
BENCHMARK(BM_WholePipeline)->Unit(benchmark::kMillisecond);

// The same work through Pipeline::RunBatch (each stage runs over a batch of documents before the
// next stage starts), per batch size: how much the order of the work costs in cache misses.
void BM_WholePipelineBatched(benchmark::State& state) {
  const std::vector<Document> prepared = Ingest();
  const size_t batch = static_cast<size_t>(state.range(0));
  for (auto _ : state) {
    state.PauseTiming();
    std::vector<Document> docs = prepared;
    state.ResumeTiming();
    for (size_t b = 0; b < docs.size(); b += batch) {
      const size_t e = std::min(docs.size(), b + batch);
      std::vector<Document*> ptrs;
      for (size_t i = b; i < e; ++i) ptrs.push_back(&docs[i]);
      std::vector<Status> statuses(ptrs.size());
      StandardPipeline().RunBatch(ptrs, statuses);
      benchmark::DoNotOptimize(statuses.data());
    }
    state.PauseTiming();
    docs.clear();
    state.ResumeTiming();
  }
  state.SetBytesProcessed(state.iterations() * TextBytes(prepared));
}
BENCHMARK(BM_WholePipelineBatched)->Arg(1)->Arg(8)->Arg(64)->Arg(1000)->Unit(benchmark::kMillisecond);

void BM_JsonlSink(benchmark::State& state) {
  const std::vector<Document> docs = After(StandardPipeline().stages().size());
  const JsonlSink renderer(nullptr, {});
  std::string out;
  for (auto _ : state) {
    for (const Document& d : docs) {
      out.clear();
      renderer.Render(d, out);
      benchmark::DoNotOptimize(out.data());
    }
  }
  state.SetBytesProcessed(state.iterations() * TextBytes(docs));
}
BENCHMARK(BM_JsonlSink)->Unit(benchmark::kMillisecond);

void BM_StartUp(benchmark::State& state) {
  for (auto _ : state) {
    auto p = BuildStandardPipeline({});
    benchmark::DoNotOptimize(p.ok());
  }
}
BENCHMARK(BM_StartUp)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace accord

int main(int argc, char** argv) {
  const auto& stages = accord::StandardPipeline().stages();
  for (size_t i = 0; i < stages.size(); ++i) {
    benchmark::RegisterBenchmark(("BM_Stage/" + std::string(stages[i]->name())).c_str(), accord::BM_Stage, i)
        ->Unit(benchmark::kMillisecond);
  }
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
