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

class SqliteSink final : public Sink {
 public:
  SqliteSink(std::string path, OutputOptions options) : path_(std::move(path)), options_(options) {}
  ~SqliteSink() override;
  Status Begin() override;
  Status Write(const Document& doc) override;
  Status Finish() override;

 private:
  Status Error(const char* what);
  void Close();
  std::string path_;
  OutputOptions options_;
  sqlite3* db_ = nullptr;
  sqlite3_stmt* insert_document_ = nullptr;
  sqlite3_stmt* insert_mention_ = nullptr;
  sqlite3_stmt* insert_entity_ = nullptr;
  int64_t next_id_ = 1;
};

}  // namespace accord
