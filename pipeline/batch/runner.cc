#include "pipeline/batch/runner.h"

#include <atomic>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <optional>
#include <set>
#include <span>
#include <thread>

#include <spdlog/spdlog.h>

#include "pipeline/batch/interrupt.h"
#include "pipeline/batch/manifest.h"
#include "pipeline/batch/ordered_window.h"
#include "pipeline/batch/progress.h"
#include "pipeline/batch/standard_pipeline.h"

namespace accord {
namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

constexpr const char* kPartial = ".partial";
constexpr auto kManifestInterval = std::chrono::seconds(2);

std::string_view InputFormatName(InputFormat f) {
  switch (f) {
    case InputFormat::kAuto: return "auto";
    case InputFormat::kMbox: return "mbox";
    case InputFormat::kPipermail: return "pipermail";
    case InputFormat::kEml: return "eml";
    case InputFormat::kMaildir: return "maildir";
    case InputFormat::kText: return "text";
    case InputFormat::kJsonl: return "jsonl";
  }
  return "?";
}

// What flows from the reader through the workers to the writer: a mail message (decoded by the
// worker into its documents) or a document read whole (plain text, JSONL), or a marker of where
// an input begins and ends (a regeneration run opens and closes one output per input).
//
// The reader only splits the archive; decoding on the worker keeps a document's many small
// blocks allocated and freed on one thread: a block freed by another thread costs the allocator
// a walk of its cross-thread free list, a cache miss per block.
struct Item {
  enum class Kind : uint8_t { kDocuments, kInputBegin, kInputEnd };
  Kind kind = Kind::kDocuments;
  size_t input = 0;          // index into the run's input list
  uint64_t position = 0;     // input bytes read so far, for the progress line
  std::optional<RawMessage> raw;           // a message still to decode
  std::vector<Document> docs;              // its documents (of this shard, with --shard)
  uint32_t decoded = 0;                    // documents of the message, in all shards
  uint32_t kept = 0;                       // of them, the documents of this shard
  std::vector<uint32_t> doc_index;  // with --shard: each kept one's position among `decoded`
  std::vector<IngestError> decode_errors;  // what decoding skipped: reported by the writer
  // Kept documents the pipeline failed on, by their index among the kept: reported, not written.
  // (Empty vectors cost no allocation, so the common item allocates none of these.)
  std::vector<std::pair<uint32_t, Status>> failures;
  bool rendered_only = false;  // the documents were rendered into `rendered` and freed
  std::string rendered;
  uint32_t counts[4] = {0, 0, 0, 0};
  bool complete = true;        // kInputEnd: the input was read to its end
};

// One input of the run and, in a regeneration run, its manifest entry.
struct PlannedInput {
  InputFile file;
  ManifestInput entry;
  bool process = true;       // false: its output is up to date
};

struct Plan {
  std::vector<PlannedInput> inputs;
  bool regeneration = false;
  std::string outdir;
  Manifest manifest;         // the current settings; entries are filled as outputs complete
  uint64_t skipped = 0;
};

std::string JoinPath(const std::string& dir, const std::string& name) {
  return (fs::path(dir) / name).string();
}

void RemoveOutput(const std::string& path) {
  std::error_code ec;
  fs::remove_all(path, ec);
  fs::remove(OrderSidecarPath(path), ec);
}

// Decides which inputs to process; in a regeneration run compares with the old manifest and
// deletes the outputs of inputs that are gone.
StatusOr<Plan> MakePlan(const ExtractOptions& options) {
  Plan plan;
  auto on_error = [&](const IngestError& e) {
    ++plan.skipped;
    spdlog::error("{}:{}: {}", e.path, e.offset, e.message);
  };
  std::vector<InputFile> files = ExpandInputs(options.inputs, on_error);
  plan.regeneration = IsRegenerationOutput(options.output, options.format);
  if (!plan.regeneration) {
    for (InputFile& f : files) plan.inputs.push_back({std::move(f), {}, true});
    return plan;
  }
  plan.outdir = options.output;
  std::error_code ec;
  fs::create_directories(plan.outdir, ec);
  if (ec) return IoError(plan.outdir + ": cannot create folder: " + ec.message());
  plan.manifest = CurrentBuildManifest();
  plan.manifest.options = OutputAffectingOptions(options);

  std::optional<Manifest> old;
  if (auto m = ReadManifest(plan.outdir); m.ok()) {
    old = std::move(m).value();
    if (!old->SameSettings(plan.manifest))
      spdlog::info("accord, its rules or the options changed since the last run: redoing every input");
  } else if (m.status().code() != StatusCode::kNotFound) {
    spdlog::warn("{}: redoing every input", m.status().message());
  }
  const bool may_reuse = old && !options.force && old->SameSettings(plan.manifest);

  std::set<std::string> outputs;
  for (InputFile& f : files) {
    auto hash = HashInput(f.path);
    if (!hash.ok()) {
      on_error({f.path, 0, hash.status().message()});
      continue;
    }
    PlannedInput in{std::move(f), {}, true};
    in.entry.path = in.file.path;
    in.entry.size = hash->size;
    in.entry.sha256 = hash->sha256;
    in.entry.output = OutputNameFor(in.file.path, SinkExtension(options.format));
    if (!outputs.insert(in.entry.output).second)
      return InvalidArgument(in.file.path + ": two inputs would write " + in.entry.output);
    if (may_reuse) {
      const ManifestInput* was = old->FindInput(in.entry.path);
      const std::string out = JoinPath(plan.outdir, in.entry.output);
      if (was != nullptr && was->size == in.entry.size && was->sha256 == in.entry.sha256 &&
          was->output == in.entry.output && fs::exists(out, ec) &&
          (!options.shard || fs::exists(OrderSidecarPath(out), ec))) {
        in.entry.documents = was->documents;
        in.process = false;
      }
    }
    plan.inputs.push_back(std::move(in));
  }
  if (old) {  // outputs of inputs no longer named
    for (const ManifestInput& was : old->inputs) {
      const fs::path rel(was.output);
      if (outputs.count(was.output) || rel.empty() || rel.is_absolute() ||
          was.output.find("..") != std::string::npos)
        continue;
      RemoveOutput(JoinPath(plan.outdir, was.output));
    }
  }
  return plan;
}

// The writer: takes items in order and writes them to the sink(s); owns the manifest updates.
class Writer {
 public:
  Writer(const ExtractOptions& options, Plan& plan, RunSummary& summary, Progress& progress)
      : options_(options), plan_(plan), summary_(summary), progress_(progress) {}

  Status Open() {
    if (plan_.regeneration) return Status::Ok();
    if (options_.shard && options_.output == "-")
      return InvalidArgument("--shard needs -o: a shard's output carries an order sidecar");
    ACCORD_RETURN_IF_ERROR(OpenOutput(options_.output));
    return Status::Ok();
  }

  // Writes one item; after an error, only drains.
  void Consume(Item& item) {
    if (!status_.ok()) return;
    switch (item.kind) {
      case Item::Kind::kInputBegin:
        if (plan_.regeneration) {
          current_ = JoinPath(plan_.outdir, plan_.inputs[item.input].entry.output);
          status_ = OpenOutput(current_ + kPartial);
          documents_in_input_ = 0;
          next_doc_number_ = 0;
        }
        break;
      case Item::Kind::kInputEnd:
        bytes_done_ = item.position;
        if (plan_.regeneration) status_ = CloseInput(item);
        progress_.Update(bytes_done_, summary_.documents);
        break;
      case Item::Kind::kDocuments:
        ConsumeDocuments(item);
        progress_.Update(item.position, summary_.documents);
        break;
    }
  }

  Status Close() {
    if (!plan_.regeneration && sink_ != nullptr) {
      Status s = FinishOutput();
      if (status_.ok()) status_ = s;
    } else if (sink_ != nullptr) {  // an input left unfinished: drop its partial output
      sink_.reset();
      CloseSidecar();
      RemoveOutput(current_ + kPartial);
    }
    if (plan_.regeneration) {
      Status s = SaveManifest();
      if (status_.ok()) status_ = s;
    }
    return status_;
  }

  bool failed() const { return !status_.ok(); }
  uint64_t bytes_done() const { return bytes_done_; }

 private:
  void ConsumeDocuments(Item& item) {
    for (const IngestError& e : item.decode_errors) {
      ++summary_.skipped;
      spdlog::error("{}:{}: {}", e.path, e.offset, e.message);
    }
    // A document's number counts every document read before it (of the input, in a
    // regeneration run), those of other shards included: the order sidecar holds it.
    const uint64_t first_number = next_doc_number_;
    next_doc_number_ += item.decoded;
    bytes_done_ = std::max(bytes_done_, item.position);
    for (int t = 0; t < 4; ++t) summary_.entities_by_type[t] += item.counts[t];
    size_t failure = 0;  // the next of item.failures
    for (uint32_t k = 0; k < item.kept && status_.ok(); ++k) {
      if (failure < item.failures.size() && item.failures[failure].first == k) {
        ++summary_.skipped;
        spdlog::error("{}", item.failures[failure++].second.message());
        continue;
      }
      ++summary_.documents;
      ++documents_in_input_;
      if (!item.rendered_only) status_ = sink_->Write(item.docs[k]);
      if (status_.ok() && sidecar_ != nullptr)
        std::fprintf(sidecar_, "%llu\n", static_cast<unsigned long long>(first_number + (item.doc_index.empty() ? k : item.doc_index[k])));
    }
    if (status_.ok() && item.rendered_only && !item.rendered.empty())
      status_ = sink_->WriteRendered(item.rendered);
  }

  Status OpenOutput(const std::string& path) {
    if (SinkWritesFolder(options_.format)) RemoveOutput(path);
    auto sink = OpenSink(options_.format, path, options_.output_options);
    if (!sink.ok()) return sink.status();
    sink_ = std::move(sink).value();
    ACCORD_RETURN_IF_ERROR(sink_->Begin());
    if (options_.shard) {
      sidecar_ = std::fopen(OrderSidecarPath(path).c_str(), "wb");
      if (sidecar_ == nullptr) return IoError(OrderSidecarPath(path) + ": cannot open for writing");
      std::fprintf(sidecar_, "%s%s\n", std::string(kOrderSidecarHeader).c_str(),
                   options_.shard->ToString().c_str());
    }
    return Status::Ok();
  }

  bool CloseSidecar() {
    if (sidecar_ == nullptr) return true;
    const bool ok = std::fclose(sidecar_) == 0;
    sidecar_ = nullptr;
    return ok;
  }

  Status FinishOutput() {
    Status s = sink_->Finish();
    sink_.reset();
    if (!CloseSidecar() && s.ok()) s = IoError("order sidecar: write failed");
    return s;
  }

  Status CloseInput(const Item& end) {
    ACCORD_RETURN_IF_ERROR(FinishOutput());
    const std::string partial = current_ + kPartial;
    if (!end.complete) {  // interrupted: the next run redoes this input
      RemoveOutput(partial);
      return Status::Ok();
    }
    RemoveOutput(current_);
    std::error_code ec;
    fs::rename(partial, current_, ec);
    if (!ec && options_.shard) fs::rename(OrderSidecarPath(partial), OrderSidecarPath(current_), ec);
    if (ec) return IoError(current_ + ": " + ec.message());
    PlannedInput& in = plan_.inputs[end.input];
    in.entry.documents = documents_in_input_;
    in.process = false;  // up to date now
    if (Clock::now() - last_manifest_ > kManifestInterval) return SaveManifest();
    return Status::Ok();
  }

  // The manifest lists the inputs whose output is up to date, in input order.
  Status SaveManifest() {
    last_manifest_ = Clock::now();
    Manifest m = plan_.manifest;
    for (const PlannedInput& in : plan_.inputs)
      if (!in.process) m.inputs.push_back(in.entry);
    return WriteManifest(plan_.outdir, m);
  }

  const ExtractOptions& options_;
  Plan& plan_;
  RunSummary& summary_;
  Progress& progress_;
  std::unique_ptr<Sink> sink_;
  std::FILE* sidecar_ = nullptr;
  std::string current_;  // regeneration: the current input's output path
  uint64_t documents_in_input_ = 0;
  uint64_t next_doc_number_ = 0;
  uint64_t bytes_done_ = 0;
  Clock::time_point last_manifest_ = Clock::now();
  Status status_;
};

// Documents go through the pipeline in batches of this many (Pipeline::RunBatch): on the 6 MB
// benchmark archive one thread spends about a quarter less CPU with 64 than with 1, and bigger
// batches gain little more.
constexpr size_t kBatch = 64;

// Frees rendered documents. Their source and meta objects are emptied first: nlohmann's
// destructor moves the members of a container onto a stack it allocates (so that deep trees do
// not recurse), which for these flat objects costs more than freeing them. The vector's own
// block goes too, here on the thread that allocated it rather than in the writer.
void FreeDocuments(std::vector<Document>& docs) {
  for (Document& doc : docs)
    for (Json* j : {&doc.source, &doc.meta})
      if (j->is_object()) j->get_ref<Json::object_t&>().clear();
  std::vector<Document>().swap(docs);
}

// Decodes the messages of `items`, keeps the documents of this shard, runs the pipeline over
// all of them (as a batch) and renders each record.
void ProcessBatch(const Pipeline& pipeline, const Sink* renderer, const ExtractOptions& options,
                  std::atomic<uint64_t>& other_shards, std::span<Item* const> items) {
  std::vector<Document*> docs;
  for (Item* item : items) {
    if (item->raw) {
      DecodeRawMessage(*item->raw, &item->docs, &item->decode_errors);
      item->raw.reset();
    }
    item->decoded = static_cast<uint32_t>(item->docs.size());
    if (options.shard) {
      size_t kept = 0;
      for (uint32_t k = 0; k < item->decoded; ++k) {
        Document& doc = item->docs[k];
        if (!InShard(*options.shard, doc.doc_id)) {
          other_shards.fetch_add(1, std::memory_order_relaxed);
          continue;
        }
        if (kept != k) item->docs[kept] = std::move(doc);
        item->doc_index.push_back(k);
        ++kept;
      }
      item->docs.resize(kept);
    }
    item->kept = static_cast<uint32_t>(item->docs.size());
    for (Document& doc : item->docs) {
      if (!doc.doc_date && options.stages.default_doc_date) doc.doc_date = options.stages.default_doc_date;
      docs.push_back(&doc);
    }
  }
  std::vector<Status> statuses(docs.size());
  pipeline.RunBatch(docs, statuses);
  size_t next = 0;  // index into statuses
  for (Item* item : items) {
    for (uint32_t k = 0; k < item->kept; ++k) {
      Document& doc = item->docs[k];
      Status& error = statuses[next++];
      if (!error.ok()) {  // reported by the writer as "path:offset: message", then skipped
        auto field = [&](const char* key) {
          if (!doc.source.is_object()) return std::string("?");
          auto it = doc.source.find(key);
          if (it == doc.source.end()) return std::string("?");
          return it->is_string() ? it->get<std::string>() : it->dump();
        };
        item->failures.emplace_back(
            k, Status(error.code(), field("path") + ":" + field("offset") + ": " + error.message()));
        continue;
      }
      for (const Entity& e : doc.entities) ++item->counts[static_cast<int>(e.type)];
      if (renderer != nullptr) renderer->Render(doc, item->rendered);
    }
    if (renderer != nullptr) {  // freed here, on the thread that decoded them, not in the writer
      FreeDocuments(item->docs);
      item->rendered_only = true;
    }
  }
}

// Reads the inputs to process, in order, and hands every item to `emit`: mail messages as they
// were split from the input, for the workers to decode.
template <typename Emit>
void ReadInputs(const ExtractOptions& options, const Plan& plan, const std::atomic<bool>& stop,
                std::atomic<uint64_t>& skipped, Emit&& emit) {
  auto on_error = [&](const IngestError& e) {
    skipped.fetch_add(1, std::memory_order_relaxed);
    spdlog::error("{}:{}: {}", e.path, e.offset, e.message);
  };
  uint64_t base = 0;        // bytes of the inputs read before this one
  for (size_t i = 0; i < plan.inputs.size(); ++i) {
    const PlannedInput& in = plan.inputs[i];
    if (!in.process) continue;
    if (stop.load(std::memory_order_relaxed) || InterruptRequested()) break;
    auto begin = std::make_unique<Item>();
    begin->kind = Item::Kind::kInputBegin;
    begin->input = i;
    emit(std::move(begin));
    bool stopped = false;
    auto go_on = [&] {
      if (stop.load(std::memory_order_relaxed) || InterruptRequested()) stopped = true;
      return !stopped;
    };
    // `offset`: where the document starts, for the progress line.
    auto item_at = [&](uint64_t offset) {
      auto item = std::make_unique<Item>();
      item->input = i;
      item->position = base + std::min<uint64_t>(offset, in.file.size);
      return item;
    };
    auto on_doc = [&](Document&& doc) {
      if (!go_on()) return false;
      uint64_t offset = 0;
      if (auto it = doc.source.find("offset"); it != doc.source.end() && it->is_number_unsigned())
        offset = it->get<uint64_t>();
      auto item = item_at(offset);
      item->docs.push_back(std::move(doc));
      emit(std::move(item));
      return true;
    };
    auto on_message = [&](RawMessage&& message) {
      if (!go_on()) return false;
      auto item = item_at(message.offset);
      item->raw = std::move(message);
      emit(std::move(item));
      return true;
    };
    Status s = IngestFile(in.file, options.ingest, on_doc, on_message, on_error);
    if (!s.ok()) {
      skipped.fetch_add(1, std::memory_order_relaxed);
      spdlog::error("{}", s.message());
    }
    base += in.file.size;
    auto end = std::make_unique<Item>();
    end->kind = Item::Kind::kInputEnd;
    end->input = i;
    end->position = base;
    end->complete = !stopped && !InterruptRequested();
    emit(std::move(end));
    if (stopped) break;
  }
}

}  // namespace

bool IsRegenerationOutput(const std::string& output, SinkFormat format) {
  if (SinkWritesFolder(format) || output == "-" || output.empty()) return false;
  std::error_code ec;
  return output.back() == '/' || fs::is_directory(output, ec);
}

Json OutputAffectingOptions(const ExtractOptions& options) {
  Json j = Json::object();
  j["format"] = SinkFormatName(options.format);
  j["include_text"] = options.output_options.include_text;
  j["doc_date"] = options.stages.default_doc_date ? Json(*options.stages.default_doc_date) : Json(nullptr);
  j["input_format"] = InputFormatName(options.ingest.format);
  if (options.shard) j["shard"] = options.shard->ToString();
  return j;
}

StatusOr<RunSummary> RunExtract(const ExtractOptions& options) {
  const auto t0 = Clock::now();
  InstallInterruptHandler();
  auto pipeline = BuildStandardPipeline(options.stages);
  if (!pipeline.ok()) return pipeline.status();
  auto plan_or = MakePlan(options);
  if (!plan_or.ok()) return plan_or.status();
  Plan& plan = *plan_or;

  RunSummary summary;
  summary.inputs = plan.inputs.size();
  uint64_t total_bytes = 0;
  for (const PlannedInput& in : plan.inputs) {
    if (in.process) total_bytes += in.file.size;
    else ++summary.inputs_reused;
  }
  Progress progress(!options.quiet && Progress::StderrIsTerminal(), total_bytes);
  Writer writer(options, plan, summary, progress);
  ACCORD_RETURN_IF_ERROR(writer.Open());

  const std::unique_ptr<Sink> renderer = MakeRenderer(options.format, options.output_options);
  std::atomic<bool> stop{false};
  std::atomic<uint64_t> skipped{0}, other_shards{0};
  int jobs = options.jobs > 0 ? options.jobs : static_cast<int>(std::thread::hardware_concurrency());
  if (jobs < 1) jobs = 1;

  if (jobs == 1) {  // everything on this thread, a batch of documents at a time
    size_t batch_docs = 0;  // documents in `pending`
    std::vector<std::unique_ptr<Item>> pending;  // in input order, markers included
    std::vector<Item*> batch;
    auto flush = [&] {
      batch.clear();
      for (auto& item : pending)
        if (item->kind == Item::Kind::kDocuments) batch.push_back(item.get());
      ProcessBatch(*pipeline, renderer.get(), options, other_shards, batch);
      for (auto& item : pending) {
        writer.Consume(*item);
        if (writer.failed()) stop = true;
      }
      pending.clear();
    };
    ReadInputs(options, plan, stop, skipped, [&](std::unique_ptr<Item> item) {
      const bool document = item->kind == Item::Kind::kDocuments;
      pending.push_back(std::move(item));
      if (document && ++batch_docs >= kBatch) {
        batch_docs = 0;
        flush();
      }
    });
    flush();
  } else {
    // A job is a batch of consecutive documents and their sequence numbers.
    struct Job {
      std::vector<uint64_t> seqs;
      std::vector<std::unique_ptr<Item>> items;
    };
    OrderedWindow<Item> window(static_cast<size_t>(jobs) * std::max<size_t>(options.in_flight_per_job, 1));
    WorkQueue<Job> queue;
    std::vector<std::thread> workers;
    for (int w = 0; w < jobs; ++w) {
      workers.emplace_back([&] {
        Job job;
        std::vector<Item*> batch;
        while (queue.Pop(job)) {
          batch.clear();
          for (auto& item : job.items) batch.push_back(item.get());
          ProcessBatch(*pipeline, renderer.get(), options, other_shards, batch);
          window.PutAll(job.seqs, job.items);
        }
      });
    }
    std::thread reader([&] {
      Job pending;
      auto push = [&] {
        if (pending.items.empty()) return;
        queue.Push(std::move(pending));
        pending = Job();
      };
      ReadInputs(options, plan, stop, skipped, [&](std::unique_ptr<Item> item) {
        // Never wait for room while holding documents the writer may be waiting for.
        if (window.Full()) push();
        const uint64_t seq = window.Reserve();
        if (item->kind != Item::Kind::kDocuments) {
          window.Put(seq, std::move(item));
          return;
        }
        pending.seqs.push_back(seq);
        pending.items.push_back(std::move(item));
        if (pending.items.size() >= kBatch) push();
      });
      push();
      queue.Close();
      window.Close();
    });
    while (std::unique_ptr<Item> item = window.Take()) {
      writer.Consume(*item);
      if (writer.failed()) stop = true;
    }
    reader.join();
    for (std::thread& t : workers) t.join();
  }
  progress.Done();
  Status s = writer.Close();
  if (!s.ok()) return s;
  summary.input_bytes = writer.bytes_done();  // what was read (less than planned if interrupted)
  summary.skipped += plan.skipped + skipped.load();
  summary.other_shards = other_shards.load();
  summary.interrupted = InterruptRequested();
  summary.seconds = std::chrono::duration<double>(Clock::now() - t0).count();
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
  std::string out = buf;
  if (s.inputs_reused > 0)
    out += "; " + std::to_string(s.inputs_reused) + " of " + std::to_string(s.inputs) +
           " inputs up to date";
  if (s.other_shards > 0) out += "; " + std::to_string(s.other_shards) + " documents left to other shards";
  if (s.interrupted) out += "; INTERRUPTED: outputs hold complete records only";
  return out;
}

}  // namespace accord
