// The SQLite sink: one database, written with prepared statements in one transaction; indexes are
// built at the end. The schema (docs/scale.md has example queries):
//
//   documents(id INTEGER PRIMARY KEY  -- 1, 2, ... in input order
//             doc_id, path, offset, message_id, list, doc_date, title, author, published, url,
//             text  -- NULL unless --include-text)
//   mentions(doc REFERENCES documents(id), type, start, "end", text, canonical, code, value, kind)
//             -- one row per accord/1 entity, code-point offsets
//   entities(doc REFERENCES documents(id), type, key, code, mentions)
//             -- distinct entities per document: key is the canonical name, or a DATE's value
//   indexes: mentions(type), mentions(canonical), entities(type, key), mentions(doc)
#pragma once

#include <string>

#include "pipeline/sinks/sink.h"

struct sqlite3;
struct sqlite3_stmt;

namespace accord {

// The schema the sink creates (the statements, joined with ";\n").
extern const char* const kSqliteSchema;

enum SqliteTable { kDocumentsTable, kMentionsTable, kEntitiesTable };

// The output database as the sink writes it. `accord merge` (pipeline/batch/merge.h) writes
// through it too, so that a merged database is made by the same statements in the same order as
// one run's, which gives the same bytes.
class SqliteOutput {
 public:
  SqliteOutput() = default;
  SqliteOutput(const SqliteOutput&) = delete;
  SqliteOutput& operator=(const SqliteOutput&) = delete;
  ~SqliteOutput() { Close(); }

  // Replaces `path` with a new database holding the schema, begins the one transaction and
  // prepares the inserts.
  Status Open(const std::string& path);
  // The insert into `table`: one parameter per column, in the table's column order.
  sqlite3_stmt* insert(SqliteTable table) const { return inserts_[table]; }
  // Builds the indexes, commits and closes.
  Status Finish();
  // "<path>: <what>: <SQLite's message>".
  Status Error(const char* what) const;

 private:
  void Close();
  std::string path_;
  sqlite3* db_ = nullptr;
  sqlite3_stmt* inserts_[3] = {nullptr, nullptr, nullptr};
};

class SqliteSink final : public Sink {
 public:
  SqliteSink(std::string path, OutputOptions options) : path_(std::move(path)), options_(options) {}
  Status Begin() override { return out_.Open(path_); }
  Status Write(const Document& doc) override;
  Status Finish() override { return out_.Finish(); }

 private:
  std::string path_;
  OutputOptions options_;
  SqliteOutput out_;
  int64_t next_id_ = 1;
};

}  // namespace accord
