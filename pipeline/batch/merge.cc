#include "pipeline/batch/merge.h"

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <memory>

#include "pipeline/batch/manifest.h"
#include "pipeline/batch/shard.h"

namespace accord {
namespace {

namespace fs = std::filesystem;

// Checks that the shards are 1/N ... N/N, each once.
Status CheckCoverage(const std::vector<Shard>& shards, const std::string& what) {
  if (shards.empty()) return InvalidArgument("nothing to merge");
  const uint32_t n = shards[0].count;
  std::vector<bool> seen(n + 1, false);
  for (const Shard& s : shards) {
    if (s.count != n) return InvalidArgument(what + ": shards of different splits (" + s.ToString() + ")");
    if (seen[s.index]) return InvalidArgument(what + ": shard " + s.ToString() + " given twice");
    seen[s.index] = true;
  }
  for (uint32_t k = 1; k <= n; ++k)
    if (!seen[k]) return InvalidArgument(what + ": shard " + std::to_string(k) + "/" + std::to_string(n) + " is missing");
  return Status::Ok();
}

// A record reader over one shard file: "jsonl" records are lines; "conll" records are blocks
// that start with a "-DOCSTART-" line.
class RecordReader {
 public:
  explicit RecordReader(std::FILE* f, bool conll) : f_(f), conll_(conll) {}
  ~RecordReader() {
    std::free(line_);
    if (f_) std::fclose(f_);
  }
  // The next record, or false at the end.
  bool Next(std::string& record) {
    record.clear();
    if (!conll_) return Line(record);
    if (pending_.empty() && !Line(pending_)) return false;
    record = std::move(pending_);
    pending_.clear();
    std::string line;
    while (Line(line)) {
      if (line.rfind("-DOCSTART-", 0) == 0) {
        pending_ = std::move(line);
        break;
      }
      record += line;
      line.clear();
    }
    return true;
  }

 private:
  bool Line(std::string& out) {
    const ssize_t n = getline(&line_, &cap_, f_);
    if (n <= 0) return false;
    out.append(line_, static_cast<size_t>(n));
    return true;
  }
  std::FILE* f_;
  bool conll_;
  char* line_ = nullptr;
  size_t cap_ = 0;
  std::string pending_;
};

StatusOr<uint64_t> MergeFiles(const std::vector<std::string>& inputs, const std::string& output,
                              bool check_coverage) {
  // CoNLL records are blocks that start with -DOCSTART-; anything else is one record a line.
  bool conll = false;
  for (const std::string& path : inputs) {
    if (std::FILE* f = std::fopen(path.c_str(), "rb")) {
      char head[16];
      const size_t n = std::fread(head, 1, sizeof head, f);
      std::fclose(f);
      const std::string_view h(head, n);
      if (h.starts_with("SQLite format 3"))
        return InvalidArgument(path + ": an sqlite database; merge joins jsonl and conll shard "
                               "outputs (files, or regeneration folders with accord-manifest.json)");
      conll = conll || h.starts_with("-DOCSTART-");
    }
  }
  struct Source {
    OrderSidecar order;
    std::unique_ptr<RecordReader> reader;
    size_t next = 0;
  };
  std::vector<Source> sources;
  std::vector<Shard> shards;
  for (const std::string& path : inputs) {
    auto order = ReadOrderSidecar(OrderSidecarPath(path));
    if (!order.ok()) return order.status();
    std::FILE* f = std::fopen(path.c_str(), "rb");
    if (f == nullptr) return IoError(path + ": cannot open");
    shards.push_back(order->shard);
    sources.push_back({std::move(order).value(), std::make_unique<RecordReader>(f, conll), 0});
  }
  if (check_coverage) ACCORD_RETURN_IF_ERROR(CheckCoverage(shards, output));
  std::FILE* out = stdout;
  if (output != "-") {
    std::error_code ec;
    if (fs::path(output).has_parent_path()) fs::create_directories(fs::path(output).parent_path(), ec);
    out = std::fopen(output.c_str(), "wb");
    if (out == nullptr) return IoError(output + ": cannot open for writing");
  }
  uint64_t records = 0;
  std::string record;
  Status status;
  while (status.ok()) {
    Source* best = nullptr;  // the shard whose next record comes first
    for (Source& s : sources)
      if (s.next < s.order.numbers.size() &&
          (best == nullptr || s.order.numbers[s.next] < best->order.numbers[best->next]))
        best = &s;
    if (best == nullptr) break;
    if (!best->reader->Next(record)) {
      status = DataLoss(output + ": a shard has fewer records than its order sidecar lists");
      break;
    }
    ++best->next;
    if (std::fwrite(record.data(), 1, record.size(), out) != record.size()) status = IoError(output + ": write failed");
    ++records;
  }
  for (size_t i = 0; i < sources.size() && status.ok(); ++i)
    if (sources[i].reader->Next(record))
      status = DataLoss(inputs[i] + ": more records than its order sidecar lists");
  if (out != stdout) {
    if (std::fclose(out) != 0 && status.ok()) status = IoError(output + ": write failed");
    std::error_code ec;
    if (!status.ok()) fs::remove(output, ec);  // no half-merged output
  } else {
    std::fflush(out);
  }
  if (!status.ok()) return status;
  return records;
}

StatusOr<MergeSummary> MergeFolders(const std::vector<std::string>& dirs, const std::string& outdir) {
  std::vector<Manifest> manifests;
  std::vector<Shard> shards;
  for (const std::string& d : dirs) {
    auto m = ReadManifest(d);
    if (!m.ok()) {
      std::error_code ec;
      if (fs::exists(fs::path(d) / "documents.csv", ec) || fs::exists(fs::path(d) / "annotation.conf", ec))
        return InvalidArgument(d + ": a csv or brat output folder; merge joins jsonl and conll shard "
                               "outputs (files, or regeneration folders with accord-manifest.json)");
      return m.status();
    }
    auto it = m->options.find("shard");
    if (it == m->options.end() || !it->is_string())
      return InvalidArgument(d + ": not the output of a --shard run");
    auto shard = ParseShard(it->get<std::string>());
    if (!shard.ok()) return shard.status();
    shards.push_back(*shard);
    m->options.erase("shard");
    manifests.push_back(std::move(m).value());
  }
  ACCORD_RETURN_IF_ERROR(CheckCoverage(shards, outdir));
  Manifest merged = manifests[0];
  for (size_t k = 1; k < manifests.size(); ++k) {
    const Manifest& m = manifests[k];
    if (!m.SameSettings(merged)) return InvalidArgument(dirs[k] + ": made by another accord build or other options than " + dirs[0]);
    if (m.inputs.size() != merged.inputs.size()) return InvalidArgument(dirs[k] + ": other inputs than " + dirs[0]);
    for (size_t i = 0; i < m.inputs.size(); ++i) {
      const ManifestInput& a = m.inputs[i];
      ManifestInput& b = merged.inputs[i];
      if (a.path != b.path || a.size != b.size || a.sha256 != b.sha256 || a.output != b.output)
        return InvalidArgument(dirs[k] + ": input " + a.path + " differs from " + dirs[0]);
      b.documents += a.documents;
    }
  }
  std::error_code ec;
  fs::create_directories(outdir, ec);
  if (ec) return IoError(outdir + ": cannot create folder: " + ec.message());
  MergeSummary summary;
  for (const ManifestInput& in : merged.inputs) {
    std::vector<std::string> parts;
    for (const std::string& d : dirs) parts.push_back((fs::path(d) / in.output).string());
    auto n = MergeFiles(parts, (fs::path(outdir) / in.output).string(), false);
    if (!n.ok()) return n.status();
    summary.records += *n;
    ++summary.outputs;
  }
  ACCORD_RETURN_IF_ERROR(WriteManifest(outdir, merged));
  return summary;
}

}  // namespace

StatusOr<MergeSummary> MergeShards(const std::vector<std::string>& shards, const std::string& output) {
  if (shards.empty()) return InvalidArgument("nothing to merge");
  std::error_code ec;
  const bool folders = fs::is_directory(shards[0], ec);
  for (const std::string& s : shards)
    if (fs::is_directory(s, ec) != folders)
      return InvalidArgument("merge either shard files or shard folders, not both");
  if (folders) {
    if (output == "-") return InvalidArgument("merging shard folders needs -o DIR");
    return MergeFolders(shards, output);
  }
  auto n = MergeFiles(shards, output, true);
  if (!n.ok()) return n.status();
  return MergeSummary{*n, 1};
}

}  // namespace accord
