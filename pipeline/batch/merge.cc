#include "pipeline/batch/merge.h"

#include <sqlite3.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <memory>

#include "pipeline/batch/manifest.h"
#include "pipeline/batch/shard.h"
#include "pipeline/sinks/brat_sink.h"
#include "pipeline/sinks/sqlite_sink.h"

namespace accord {
namespace {

namespace fs = std::filesystem;

std::string Join(const std::string& dir, const std::string& name) { return (fs::path(dir) / name).string(); }

std::string WithoutTrailingSlash(std::string path) {
  while (path.size() > 1 && path.back() == '/') path.pop_back();
  return path;
}

// What a shard output is, told from what is on disk.
enum class Format { kEmpty, kJsonl, kConll, kCsv, kSqlite, kBrat, kRegeneration };

std::string FormatName(Format f) {
  switch (f) {
    case Format::kEmpty: return "nothing (an empty file)";
    case Format::kJsonl: return "jsonl";
    case Format::kConll: return "conll";
    case Format::kCsv: return "csv";
    case Format::kSqlite: return "sqlite";
    case Format::kBrat: return "brat";
    case Format::kRegeneration: return "a regeneration folder";
  }
  return "?";
}

StatusOr<Format> DetectFormat(const std::string& path) {
  std::error_code ec;
  if (fs::is_directory(path, ec)) {
    if (fs::exists(Join(path, kManifestName), ec)) return Format::kRegeneration;
    if (fs::exists(Join(path, "documents.csv"), ec)) return Format::kCsv;
    if (fs::exists(Join(path, "annotation.conf"), ec)) return Format::kBrat;
    return InvalidArgument(path + ": not an accord output folder (no " + kManifestName +
                           ", documents.csv or annotation.conf)");
  }
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (f == nullptr) return NotFound(path + ": cannot open");
  char head[16];
  const size_t n = std::fread(head, 1, sizeof head, f);
  std::fclose(f);
  const std::string_view h(head, n);
  if (h.empty()) return Format::kEmpty;  // jsonl or conll without records
  if (h == std::string_view("SQLite format 3\0", 16)) return Format::kSqlite;
  if (h.starts_with("-DOCSTART-")) return Format::kConll;
  if (h.starts_with("{")) return Format::kJsonl;
  return InvalidArgument(path + ": not an accord output (jsonl, conll or sqlite file)");
}

// The one format of all `outputs`; empty files go with jsonl or conll.
StatusOr<Format> CommonFormat(const std::vector<std::string>& outputs) {
  std::vector<Format> formats;
  for (const std::string& path : outputs) {
    auto f = DetectFormat(path);
    if (!f.ok()) return f.status();
    formats.push_back(*f);
  }
  const auto first =
      std::find_if(formats.begin(), formats.end(), [](Format f) { return f != Format::kEmpty; });
  if (first == formats.end()) return Format::kJsonl;
  const Format common = *first;
  const std::string& example = outputs[first - formats.begin()];
  for (size_t i = 0; i < formats.size(); ++i) {
    const bool records_file = common == Format::kJsonl || common == Format::kConll;
    const bool fits = formats[i] == common || (formats[i] == Format::kEmpty && records_file);
    if (!fits)
      return InvalidArgument(outputs[i] + " holds " + FormatName(formats[i]) + " but " + example + " holds " +
                             FormatName(common) + ": merge joins shard outputs of one format");
  }
  return common;
}

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

// The order sidecar of a shard output. A folder written as "-o DIR/" keeps it inside, as DIR/.order.
std::string SidecarOf(const std::string& output) {
  const std::string path = WithoutTrailingSlash(output);
  std::error_code ec;
  const std::string inside = Join(path, ".order");
  if (!fs::exists(OrderSidecarPath(path), ec) && fs::exists(inside, ec)) return inside;
  return OrderSidecarPath(path);
}

// Walks the records of all shards in the order of one run, by the document numbers of their
// order sidecars.
class Interleave {
 public:
  static constexpr size_t kEnd = static_cast<size_t>(-1);

  // Reads the sidecars of `outputs` and checks that each lists increasing numbers and, with
  // `check_coverage`, that the shards are 1/N ... N/N (`what` names the merge in errors).
  static StatusOr<Interleave> Read(const std::vector<std::string>& outputs, bool check_coverage,
                                   const std::string& what) {
    Interleave in;
    std::vector<Shard> shards;
    for (const std::string& output : outputs) {
      const std::string path = SidecarOf(output);
      auto order = ReadOrderSidecar(path);
      if (!order.ok()) return order.status();
      const std::vector<uint64_t>& n = order->numbers;
      for (size_t i = 1; i < n.size(); ++i)
        if (n[i] <= n[i - 1])
          return DataLoss(path + ":" + std::to_string(i + 2) + ": document numbers must increase");
      shards.push_back(order->shard);
      in.shards_.push_back({path, std::move(order->numbers), 0});
    }
    if (check_coverage) ACCORD_RETURN_IF_ERROR(CheckCoverage(shards, what));
    return in;
  }

  // The index of the shard whose record comes next, or kEnd after the last record.
  StatusOr<size_t> Next() {
    size_t best = kEnd;
    for (size_t s = 0; s < shards_.size(); ++s)
      if (shards_[s].next < shards_[s].numbers.size() && (best == kEnd || Head(s) < Head(best))) best = s;
    if (best == kEnd) return kEnd;
    if (given_ > 0 && Head(best) <= last_)
      return DataLoss(shards_[best].sidecar + ": document " + std::to_string(Head(best)) +
                      " is listed by another shard's sidecar too");
    last_ = Head(best);
    ++shards_[best].next;
    ++given_;
    return best;
  }

  uint64_t given() const { return given_; }                              // records handed out
  uint64_t taken(size_t s) const { return shards_[s].next; }             // of shard s
  uint64_t listed(size_t s) const { return shards_[s].numbers.size(); }  // by s's sidecar

 private:
  struct Order {
    std::string sidecar;
    std::vector<uint64_t> numbers;
    size_t next = 0;
  };
  uint64_t Head(size_t s) const { return shards_[s].numbers[shards_[s].next]; }
  std::vector<Order> shards_;
  uint64_t given_ = 0;
  uint64_t last_ = 0;
};

// A merged folder or database is built at "<output>.merging" and renamed over `output` when
// complete, so a failed merge leaves no half-written output (and an older output as it was).
class StagedOutput {
 public:
  explicit StagedOutput(const std::string& output)
      : output_(WithoutTrailingSlash(output)), temp_(output_ + ".merging") {}
  ~StagedOutput() {
    std::error_code ec;
    if (!committed_) fs::remove_all(temp_, ec);
  }
  const std::string& path() const { return temp_; }

  Status Begin(bool folder) {
    std::error_code ec;
    fs::remove_all(temp_, ec);
    const fs::path dir = folder ? fs::path(temp_) : fs::path(temp_).parent_path();
    if (!dir.empty()) fs::create_directories(dir, ec);
    if (ec) return IoError(dir.string() + ": cannot create folder: " + ec.message());
    return Status::Ok();
  }
  Status Commit() {
    std::error_code ec;
    fs::remove_all(output_, ec);
    fs::rename(temp_, output_, ec);
    if (ec) return IoError(output_ + ": " + ec.message());
    committed_ = true;
    return Status::Ok();
  }

 private:
  std::string output_, temp_;
  bool committed_ = false;
};

// A reader of the records of one shard file: lines (jsonl), blocks that start with a
// "-DOCSTART-" line (conll) or RFC 4180 rows, which go on over line ends while a quoted field is
// open, that is while the row's quotes are odd (csv).
class RecordReader {
 public:
  enum class Unit { kLine, kConllBlock, kCsvRow };
  RecordReader(std::FILE* f, Unit unit) : f_(f), unit_(unit) {}
  ~RecordReader() {
    std::free(line_);
    if (f_) std::fclose(f_);
  }
  static StatusOr<std::unique_ptr<RecordReader>> Open(const std::string& path, Unit unit) {
    std::FILE* f = std::fopen(path.c_str(), "rb");
    if (f == nullptr) return IoError(path + ": cannot open");
    return std::make_unique<RecordReader>(f, unit);
  }

  // The next record without taking it, or nullptr at the end.
  const std::string* Peek() {
    if (!peeked_) {
      has_next_ = Read(next_);
      peeked_ = true;
    }
    return has_next_ ? &next_ : nullptr;
  }
  // Takes the next record, or returns false at the end.
  bool Next(std::string& record) {
    if (Peek() == nullptr) return false;
    record.swap(next_);
    peeked_ = false;
    return true;
  }

 private:
  bool Read(std::string& record) {
    record.clear();
    switch (unit_) {
      case Unit::kLine:
        return Line(record);
      case Unit::kCsvRow: {
        size_t quotes = 0;
        for (size_t from = 0; Line(record); from = record.size()) {
          quotes += std::count(record.begin() + from, record.end(), '"');
          if (quotes % 2 == 0) return true;
        }
        return !record.empty();
      }
      case Unit::kConllBlock: {
        if (pending_.empty() && !Line(pending_)) return false;
        record.swap(pending_);
        pending_.clear();
        std::string line;
        while (Line(line)) {
          if (line.starts_with("-DOCSTART-")) {
            pending_ = std::move(line);
            break;
          }
          record += line;
          line.clear();
        }
        return true;
      }
    }
    return false;
  }
  bool Line(std::string& out) {
    const ssize_t n = getline(&line_, &cap_, f_);
    if (n <= 0) return false;
    out.append(line_, static_cast<size_t>(n));
    return true;
  }
  std::FILE* f_;
  Unit unit_;
  char* line_ = nullptr;
  size_t cap_ = 0;
  std::string pending_;  // conll: the -DOCSTART- line of the next block
  std::string next_;
  bool peeked_ = false;
  bool has_next_ = false;
};

Status Put(std::FILE* f, std::string_view bytes, const std::string& path) {
  return std::fwrite(bytes.data(), 1, bytes.size(), f) == bytes.size() ? Status::Ok()
                                                                        : IoError(path + ": write failed");
}

// jsonl and conll files: records are interleaved by the sidecars' numbers.
StatusOr<uint64_t> MergeFiles(const std::vector<std::string>& inputs, const std::string& output, bool conll,
                              bool check_coverage) {
  auto order = Interleave::Read(inputs, check_coverage, output);
  if (!order.ok()) return order.status();
  const auto unit = conll ? RecordReader::Unit::kConllBlock : RecordReader::Unit::kLine;
  std::vector<std::unique_ptr<RecordReader>> readers;
  for (const std::string& path : inputs) {
    auto reader = RecordReader::Open(path, unit);
    if (!reader.ok()) return reader.status();
    readers.push_back(std::move(reader).value());
  }
  std::FILE* out = stdout;
  if (output != "-") {
    std::error_code ec;
    if (fs::path(output).has_parent_path()) fs::create_directories(fs::path(output).parent_path(), ec);
    out = std::fopen(output.c_str(), "wb");
    if (out == nullptr) return IoError(output + ": cannot open for writing");
  }
  std::string record;
  Status status;
  while (status.ok()) {
    auto s = order->Next();
    if (!s.ok()) status = s.status();
    if (!s.ok() || *s == Interleave::kEnd) break;
    if (!readers[*s]->Next(record)) {
      status = DataLoss(inputs[*s] + ": fewer records than its order sidecar lists");
      break;
    }
    status = Put(out, record, output);
  }
  for (size_t i = 0; i < readers.size() && status.ok(); ++i)
    if (readers[i]->Peek() != nullptr)
      status = DataLoss(inputs[i] + ": more records than its order sidecar lists");
  if (out != stdout) {
    if (std::fclose(out) != 0 && status.ok()) status = IoError(output + ": write failed");
    std::error_code ec;
    if (!status.ok()) fs::remove(output, ec);  // no half-merged output
  } else {
    std::fflush(out);
  }
  if (!status.ok()) return status;
  return order->given();
}

// The first field of a CSV row as written, quotes included: the doc_id.
std::string_view FirstCsvField(std::string_view row) {
  if (!row.starts_with('"')) return row.substr(0, row.find_first_of(",\r\n"));
  for (size_t i = 1; i < row.size(); ++i) {
    if (row[i] != '"') continue;
    if (i + 1 < row.size() && row[i + 1] == '"') {
      ++i;
    } else {
      return row.substr(0, i + 1);
    }
  }
  return row;
}

// csv folders (csv_sink.h): each file keeps one header row; documents.csv rows are interleaved by
// the sidecars' numbers, and after each document the rows of mentions.csv and entities.csv that
// follow in its shard with its doc_id.
StatusOr<uint64_t> MergeCsv(const std::vector<std::string>& dirs, const std::string& output,
                            bool check_coverage) {
  static constexpr std::array<const char*, 3> kFiles = {"documents.csv", "mentions.csv", "entities.csv"};
  auto order = Interleave::Read(dirs, check_coverage, output);
  if (!order.ok()) return order.status();
  std::vector<std::array<std::unique_ptr<RecordReader>, 3>> shards(dirs.size());  // [shard][file]
  for (size_t s = 0; s < dirs.size(); ++s) {
    for (size_t f = 0; f < kFiles.size(); ++f) {
      auto reader = RecordReader::Open(Join(dirs[s], kFiles[f]), RecordReader::Unit::kCsvRow);
      if (!reader.ok()) return reader.status();
      shards[s][f] = std::move(reader).value();
    }
  }
  StagedOutput staged(output);
  ACCORD_RETURN_IF_ERROR(staged.Begin(true));
  using File = std::unique_ptr<std::FILE, int (*)(std::FILE*)>;
  std::vector<File> outs;
  std::vector<std::string> out_paths;
  for (const char* name : kFiles) {
    out_paths.push_back(Join(staged.path(), name));
    outs.emplace_back(std::fopen(out_paths.back().c_str(), "wb"), &std::fclose);
    if (outs.back() == nullptr) return IoError(out_paths.back() + ": cannot open for writing");
  }
  std::string row;
  for (size_t f = 0; f < kFiles.size(); ++f) {  // the header row, the same in every shard
    std::string header;
    for (size_t s = 0; s < dirs.size(); ++s) {
      const std::string path = Join(dirs[s], kFiles[f]);
      if (!shards[s][f]->Next(row)) return DataLoss(path + ": no header row");
      if (s == 0) header = row;
      if (row != header)
        return InvalidArgument(path + ": another header than " + Join(dirs[0], kFiles[f]) +
                               " (extracted with other options?)");
    }
    ACCORD_RETURN_IF_ERROR(Put(outs[f].get(), header, out_paths[f]));
  }
  // A shard's rows of one doc_id are taken whole by its first document of that doc_id; that is
  // only right when its next documents of the same doc_id come right after it in the merged run.
  struct Last {
    std::string doc_id;
    uint64_t position = 0;  // in the merged run
    bool had_rows = false;
  };
  std::vector<Last> last(dirs.size());
  for (;;) {
    auto s = order->Next();
    if (!s.ok()) return s.status();
    if (*s == Interleave::kEnd) break;
    const uint64_t position = order->given();
    auto& files = shards[*s];
    if (!files[0]->Next(row))
      return DataLoss(Join(dirs[*s], kFiles[0]) + ": fewer documents than its order sidecar lists");
    ACCORD_RETURN_IF_ERROR(Put(outs[0].get(), row, out_paths[0]));
    const std::string doc_id(FirstCsvField(row));
    Last& prev = last[*s];
    if (prev.had_rows && prev.doc_id == doc_id && prev.position + 1 != position)
      return InvalidArgument(Join(dirs[*s], kFiles[0]) + ": two documents with doc_id " + doc_id +
                             " are apart in the merged run; their mention and entity rows cannot "
                             "be told apart (merge jsonl or sqlite shards instead)");
    bool had_rows = false;
    for (size_t f = 1; f < kFiles.size(); ++f) {
      for (const std::string* next = files[f]->Peek(); next != nullptr && FirstCsvField(*next) == doc_id;
           next = files[f]->Peek()) {
        ACCORD_RETURN_IF_ERROR(Put(outs[f].get(), *next, out_paths[f]));
        files[f]->Next(row);
        had_rows = true;
      }
    }
    prev = {doc_id, position, had_rows};
  }
  for (size_t s = 0; s < dirs.size(); ++s) {
    if (shards[s][0]->Peek() != nullptr)
      return DataLoss(Join(dirs[s], kFiles[0]) + ": more documents than its order sidecar lists");
    for (size_t f = 1; f < kFiles.size(); ++f)
      if (const std::string* left = shards[s][f]->Peek())
        return DataLoss(Join(dirs[s], kFiles[f]) + ": rows of doc_id " + std::string(FirstCsvField(*left)) +
                        " out of the order of documents.csv");
  }
  for (size_t f = 0; f < kFiles.size(); ++f)
    if (std::fclose(outs[f].release()) != 0) return IoError(out_paths[f] + ": write failed");
  ACCORD_RETURN_IF_ERROR(staged.Commit());
  return order->given();
}

// brat folders (brat_sink.h): the document of merged position P (from 1) is the shard's
// doc-NNNNNN.txt/.ann of its own position, copied to doc-PPPPPP.txt/.ann; annotation.conf once.
StatusOr<uint64_t> MergeBrat(const std::vector<std::string>& dirs, const std::string& output,
                             bool check_coverage) {
  auto order = Interleave::Read(dirs, check_coverage, output);
  if (!order.ok()) return order.status();
  StagedOutput staged(output);
  ACCORD_RETURN_IF_ERROR(staged.Begin(true));
  auto copy = [](const std::string& from, const std::string& to) {
    std::error_code ec;
    fs::copy_file(from, to, ec);
    if (!ec) return Status::Ok();
    if (!fs::exists(from)) return DataLoss(from + ": missing: fewer documents than its order sidecar lists");
    return IoError(to + ": " + ec.message());
  };
  ACCORD_RETURN_IF_ERROR(copy(Join(dirs[0], "annotation.conf"), Join(staged.path(), "annotation.conf")));
  for (;;) {
    auto s = order->Next();
    if (!s.ok()) return s.status();
    if (*s == Interleave::kEnd) break;
    const std::string from = Join(dirs[*s], BratDocumentName(order->taken(*s)));
    const std::string to = Join(staged.path(), BratDocumentName(order->given()));
    ACCORD_RETURN_IF_ERROR(copy(from + ".txt", to + ".txt"));
    ACCORD_RETURN_IF_ERROR(copy(from + ".ann", to + ".ann"));
  }
  for (size_t s = 0; s < dirs.size(); ++s) {
    const std::string after = Join(dirs[s], BratDocumentName(order->listed(s) + 1)) + ".txt";
    std::error_code ec;
    if (fs::exists(after, ec)) return DataLoss(after + ": more documents than its order sidecar lists");
  }
  ACCORD_RETURN_IF_ERROR(staged.Commit());
  return order->given();
}

// One shard database, read by a cursor per table in row order.
class ShardDatabase {
 public:
  explicit ShardDatabase(std::string path) : path_(std::move(path)) {}
  ~ShardDatabase() {
    for (sqlite3_stmt* st : rows_) sqlite3_finalize(st);
    sqlite3_close(db_);
  }
  Status Open() {
    static constexpr std::array<const char*, 3> kSelects = {
        "SELECT id, doc_id, path, offset, message_id, list, doc_date, title, author, published, url, "
        "text FROM documents ORDER BY id",
        "SELECT doc, type, start, \"end\", text, canonical, code, value, kind FROM mentions ORDER BY rowid",
        "SELECT doc, type, key, code, mentions FROM entities ORDER BY rowid"};
    if (sqlite3_open_v2(path_.c_str(), &db_, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK)
      return Error("cannot open");
    for (size_t t = 0; t < kSelects.size(); ++t) {
      if (sqlite3_prepare_v2(db_, kSelects[t], -1, &rows_[t], nullptr) != SQLITE_OK)
        return InvalidArgument(path_ + ": not an accord sqlite output: " + sqlite3_errmsg(db_));
      ACCORD_RETURN_IF_ERROR(Step(static_cast<SqliteTable>(t)));
    }
    return Status::Ok();
  }
  const std::string& path() const { return path_; }
  // Whether `table`'s cursor is on a row, and that row's first column (the document's id).
  bool has_row(SqliteTable table) const { return has_row_[table]; }
  int64_t document(SqliteTable table) const { return sqlite3_column_int64(rows_[table], 0); }

  // Inserts the current row of `table` through `insert` with `id` as its first column (the
  // document's id in the merged run), then moves to the next row.
  Status CopyRow(SqliteTable table, int64_t id, sqlite3_stmt* insert, const SqliteOutput& out) {
    sqlite3_stmt* from = rows_[table];
    sqlite3_bind_int64(insert, 1, id);
    for (int c = 1; c < sqlite3_column_count(from); ++c)
      sqlite3_bind_value(insert, c + 1, sqlite3_column_value(from, c));
    if (sqlite3_step(insert) != SQLITE_DONE) return out.Error("cannot insert a row");
    sqlite3_reset(insert);
    return Step(table);
  }

 private:
  Status Error(const char* what) const {
    return IoError(path_ + ": " + what + ": " + (db_ ? sqlite3_errmsg(db_) : "out of memory"));
  }
  Status Step(SqliteTable table) {
    const int rc = sqlite3_step(rows_[table]);
    has_row_[table] = rc == SQLITE_ROW;
    return rc == SQLITE_ROW || rc == SQLITE_DONE ? Status::Ok() : Error("cannot read");
  }
  std::string path_;
  sqlite3* db_ = nullptr;
  std::array<sqlite3_stmt*, 3> rows_ = {nullptr, nullptr, nullptr};
  std::array<bool, 3> has_row_ = {false, false, false};
};

// sqlite databases (sqlite_sink.h): written through the sink's SqliteOutput, document by document
// in the order of one run, each followed by its mentions and entities, as the sink does; ids
// are the merged positions. The same statements in the same order give the same bytes.
StatusOr<uint64_t> MergeSqlite(const std::vector<std::string>& paths, const std::string& output,
                               bool check_coverage) {
  auto order = Interleave::Read(paths, check_coverage, output);
  if (!order.ok()) return order.status();
  std::vector<std::unique_ptr<ShardDatabase>> shards;
  for (const std::string& path : paths) {
    shards.push_back(std::make_unique<ShardDatabase>(path));
    ACCORD_RETURN_IF_ERROR(shards.back()->Open());
  }
  StagedOutput staged(output);
  ACCORD_RETURN_IF_ERROR(staged.Begin(false));
  SqliteOutput out;
  ACCORD_RETURN_IF_ERROR(out.Open(staged.path()));
  for (;;) {
    auto s = order->Next();
    if (!s.ok()) return s.status();
    if (*s == Interleave::kEnd) break;
    ShardDatabase& in = *shards[*s];
    const int64_t id = static_cast<int64_t>(order->given());
    if (!in.has_row(kDocumentsTable))
      return DataLoss(in.path() + ": fewer documents than its order sidecar lists");
    const int64_t own_id = in.document(kDocumentsTable);
    ACCORD_RETURN_IF_ERROR(in.CopyRow(kDocumentsTable, id, out.insert(kDocumentsTable), out));
    for (SqliteTable t : {kMentionsTable, kEntitiesTable})
      while (in.has_row(t) && in.document(t) == own_id)
        ACCORD_RETURN_IF_ERROR(in.CopyRow(t, id, out.insert(t), out));
  }
  for (const auto& in : shards) {
    if (in->has_row(kDocumentsTable))
      return DataLoss(in->path() + ": more documents than its order sidecar lists");
    for (SqliteTable t : {kMentionsTable, kEntitiesTable})
      if (in->has_row(t))
        return DataLoss(in->path() + ": rows of document " + std::to_string(in->document(t)) +
                        " out of the order of its documents table");
  }
  ACCORD_RETURN_IF_ERROR(out.Finish());
  ACCORD_RETURN_IF_ERROR(staged.Commit());
  return order->given();
}

// Merges the outputs of one format (not regeneration folders) into `output`.
StatusOr<uint64_t> MergeOutputs(const std::vector<std::string>& outputs, Format format,
                                const std::string& output, bool check_coverage) {
  if (output == "-" && format != Format::kJsonl && format != Format::kConll)
    return InvalidArgument("merging " + FormatName(format) + " shards needs -o");
  switch (format) {
    case Format::kEmpty:
    case Format::kJsonl:
    case Format::kConll: return MergeFiles(outputs, output, format == Format::kConll, check_coverage);
    case Format::kCsv: return MergeCsv(outputs, output, check_coverage);
    case Format::kSqlite: return MergeSqlite(outputs, output, check_coverage);
    case Format::kBrat: return MergeBrat(outputs, output, check_coverage);
    case Format::kRegeneration: break;
  }
  return Internal("regeneration folders are merged by MergeFolders");
}

StatusOr<MergeSummary> MergeFolders(const std::vector<std::string>& dirs, const std::string& outdir) {
  std::vector<Manifest> manifests;
  std::vector<Shard> shards;
  for (const std::string& d : dirs) {
    auto m = ReadManifest(d);
    if (!m.ok()) return m.status();
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
    for (const std::string& d : dirs) parts.push_back(Join(d, in.output));
    auto format = CommonFormat(parts);
    if (!format.ok()) return format.status();
    auto n = MergeOutputs(parts, *format, Join(outdir, in.output), false);
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
  auto format = CommonFormat(shards);
  if (!format.ok()) return format.status();
  if (*format == Format::kRegeneration) {
    if (output == "-") return InvalidArgument("merging regeneration folders needs -o DIR");
    return MergeFolders(shards, output);
  }
  auto n = MergeOutputs(shards, *format, output, true);
  if (!n.ok()) return n.status();
  return MergeSummary{*n, 1};
}

}  // namespace accord
