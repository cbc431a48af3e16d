#include "pipeline/sinks/sqlite_sink.h"

#include <filesystem>

#include <sqlite3.h>

#include "pipeline/sinks/rows.h"

namespace accord {

const char* const kSqliteSchema =
    "CREATE TABLE documents(id INTEGER PRIMARY KEY, doc_id TEXT NOT NULL, path TEXT, "
    "offset INTEGER, message_id TEXT, list TEXT, doc_date TEXT, title TEXT, author TEXT, "
    "published TEXT, url TEXT, text TEXT);\n"
    "CREATE TABLE mentions(doc INTEGER NOT NULL REFERENCES documents(id), type TEXT NOT NULL, "
    "start INTEGER NOT NULL, \"end\" INTEGER NOT NULL, text TEXT NOT NULL, canonical TEXT, "
    "code TEXT, value TEXT, kind TEXT);\n"
    "CREATE TABLE entities(doc INTEGER NOT NULL REFERENCES documents(id), type TEXT NOT NULL, "
    "key TEXT NOT NULL, code TEXT, mentions INTEGER NOT NULL);\n";

namespace {

const char* const kIndexes =
    "CREATE INDEX mentions_type ON mentions(type);\n"
    "CREATE INDEX mentions_canonical ON mentions(canonical);\n"
    "CREATE INDEX mentions_doc ON mentions(doc);\n"
    "CREATE INDEX entities_type_key ON entities(type, key);\n";

// Binds text, or NULL for an empty optional field.
void BindText(sqlite3_stmt* st, int i, std::string_view s, bool null_when_empty = true) {
  if (s.empty() && null_when_empty) {
    sqlite3_bind_null(st, i);
  } else {
    sqlite3_bind_text(st, i, s.data(), static_cast<int>(s.size()), SQLITE_TRANSIENT);
  }
}

}  // namespace

void SqliteOutput::Close() {
  for (sqlite3_stmt*& st : inserts_) {
    sqlite3_finalize(st);
    st = nullptr;
  }
  if (db_ != nullptr) sqlite3_close(db_);
  db_ = nullptr;
}

Status SqliteOutput::Error(const char* what) const {
  return IoError(path_ + ": " + what + ": " + (db_ ? sqlite3_errmsg(db_) : "out of memory"));
}

Status SqliteOutput::Open(const std::string& path) {
  namespace fs = std::filesystem;
  path_ = path;
  std::error_code ec;
  const fs::path parent = fs::path(path_).parent_path();
  if (!parent.empty()) fs::create_directories(parent, ec);
  fs::remove(path_, ec);  // an existing output is replaced
  if (sqlite3_open(path_.c_str(), &db_) != SQLITE_OK) return Error("cannot open database");
  const std::string setup = std::string("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; ") +
                            kSqliteSchema + "BEGIN;";
  if (sqlite3_exec(db_, setup.c_str(), nullptr, nullptr, nullptr) != SQLITE_OK)
    return Error("cannot create schema");
  if (sqlite3_prepare_v2(db_,
                         "INSERT INTO documents VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, "
                         "?11, ?12)",
                         -1, &inserts_[kDocumentsTable], nullptr) != SQLITE_OK ||
      sqlite3_prepare_v2(db_, "INSERT INTO mentions VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)", -1,
                         &inserts_[kMentionsTable], nullptr) != SQLITE_OK ||
      sqlite3_prepare_v2(db_, "INSERT INTO entities VALUES(?1, ?2, ?3, ?4, ?5)", -1,
                         &inserts_[kEntitiesTable], nullptr) != SQLITE_OK)
    return Error("cannot prepare statements");
  return Status::Ok();
}

Status SqliteOutput::Finish() {
  if (db_ == nullptr) return Status::Ok();
  const std::string end = std::string(kIndexes) + "COMMIT;";
  Status s = sqlite3_exec(db_, end.c_str(), nullptr, nullptr, nullptr) == SQLITE_OK
                 ? Status::Ok()
                 : Error("cannot commit");
  Close();
  return s;
}

Status SqliteSink::Write(const Document& doc) {
  const int64_t id = next_id_++;
  const DocumentRow d = MakeDocumentRow(doc);
  sqlite3_stmt* st = out_.insert(kDocumentsTable);
  sqlite3_bind_int64(st, 1, id);
  BindText(st, 2, d.doc_id, false);
  BindText(st, 3, d.path);
  if (d.has_offset) sqlite3_bind_int64(st, 4, static_cast<int64_t>(d.offset));
  else sqlite3_bind_null(st, 4);
  BindText(st, 5, d.message_id);
  BindText(st, 6, d.list);
  BindText(st, 7, d.doc_date);
  BindText(st, 8, d.title);
  BindText(st, 9, d.author);
  BindText(st, 10, d.published);
  BindText(st, 11, d.url);
  if (options_.include_text) BindText(st, 12, doc.text, false);
  else sqlite3_bind_null(st, 12);
  if (sqlite3_step(st) != SQLITE_DONE) return out_.Error("cannot insert document");
  sqlite3_reset(st);

  const auto mentions = MakeMentionRows(doc);
  st = out_.insert(kMentionsTable);
  for (const MentionRow& m : mentions) {
    sqlite3_bind_int64(st, 1, id);
    BindText(st, 2, m.type, false);
    sqlite3_bind_int64(st, 3, static_cast<int64_t>(m.start));
    sqlite3_bind_int64(st, 4, static_cast<int64_t>(m.end));
    BindText(st, 5, m.text, false);
    BindText(st, 6, m.canonical);
    BindText(st, 7, m.code);
    BindText(st, 8, m.value);
    BindText(st, 9, m.kind);
    if (sqlite3_step(st) != SQLITE_DONE) return out_.Error("cannot insert mention");
    sqlite3_reset(st);
  }
  st = out_.insert(kEntitiesTable);
  for (const EntityRow& e : MakeEntityRows(doc, mentions)) {
    sqlite3_bind_int64(st, 1, id);
    BindText(st, 2, e.type, false);
    BindText(st, 3, e.key, false);
    BindText(st, 4, e.code);
    sqlite3_bind_int64(st, 5, static_cast<int64_t>(e.mentions));
    if (sqlite3_step(st) != SQLITE_DONE) return out_.Error("cannot insert entity");
    sqlite3_reset(st);
  }
  return Status::Ok();
}

}  // namespace accord
