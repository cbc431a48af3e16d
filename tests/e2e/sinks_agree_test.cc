// All sinks, fed the same run, hold the same documents and the same entity spans: JSONL (the
// accord/1 contract) against CSV, SQLite, brat and CoNLL.
#include <sqlite3.h>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "tests/e2e/batch_fixture.h"

namespace accord::testing {
namespace {

// (document ordinal, type, start, end): one entity span, code points.
using Span4 = std::tuple<size_t, std::string, uint64_t, uint64_t>;

struct Dataset {
  std::vector<std::string> doc_ids;
  std::vector<Span4> spans;
  std::vector<std::string> texts;  // of the spans, in order (empty when the sink has none)
};

// RFC 4180 records of a CSV file (quoted fields, doubled quotes, CRLF).
std::vector<std::vector<std::string>> ParseCsv(const std::string& s) {
  std::vector<std::vector<std::string>> rows(1, std::vector<std::string>(1));
  bool quoted = false;
  for (size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (quoted) {
      if (c == '"' && i + 1 < s.size() && s[i + 1] == '"') rows.back().back() += '"', ++i;
      else if (c == '"') quoted = false;
      else rows.back().back() += c;
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      rows.back().emplace_back();
    } else if (c == '\r' && i + 1 < s.size() && s[i + 1] == '\n') {
      ++i;
      rows.emplace_back(1);
    } else {
      rows.back().back() += c;
    }
  }
  if (rows.back().size() == 1 && rows.back()[0].empty()) rows.pop_back();
  return rows;
}

Dataset FromJsonl(const std::string& path) {
  Dataset d;
  std::istringstream in(ReadText(path));
  std::string line;
  while (std::getline(in, line)) {
    auto j = nlohmann::json::parse(line);
    d.doc_ids.push_back(j["doc_id"]);
    for (const auto& e : j["entities"]) {
      d.spans.emplace_back(d.doc_ids.size() - 1, e["type"], e["start"], e["end"]);
      d.texts.push_back(e["text"]);
    }
  }
  return d;
}

Dataset FromCsv(const std::string& dir) {
  Dataset d;
  auto docs = ParseCsv(ReadText(dir + "/documents.csv"));
  std::map<std::string, size_t> ordinal;
  for (size_t i = 1; i < docs.size(); ++i) {
    ordinal.emplace(docs[i][0], d.doc_ids.size());
    d.doc_ids.push_back(docs[i][0]);
  }
  auto mentions = ParseCsv(ReadText(dir + "/mentions.csv"));
  EXPECT_EQ(mentions[0][0], "doc_id");
  for (size_t i = 1; i < mentions.size(); ++i) {
    const auto& r = mentions[i];
    EXPECT_EQ(r.size(), 9u);
    d.spans.emplace_back(ordinal.at(r[0]), r[1], std::stoull(r[2]), std::stoull(r[3]));
    d.texts.push_back(r[4]);
  }
  return d;
}

Dataset FromSqlite(const std::string& path) {
  Dataset d;
  sqlite3* db = nullptr;
  EXPECT_EQ(sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr), SQLITE_OK);
  sqlite3_stmt* st = nullptr;
  sqlite3_prepare_v2(db, "SELECT doc_id FROM documents ORDER BY id", -1, &st, nullptr);
  while (sqlite3_step(st) == SQLITE_ROW) d.doc_ids.emplace_back(reinterpret_cast<const char*>(sqlite3_column_text(st, 0)));
  sqlite3_finalize(st);
  sqlite3_prepare_v2(db, "SELECT doc - 1, type, start, \"end\", text FROM mentions ORDER BY rowid", -1, &st, nullptr);
  while (sqlite3_step(st) == SQLITE_ROW) {
    d.spans.emplace_back(sqlite3_column_int64(st, 0), reinterpret_cast<const char*>(sqlite3_column_text(st, 1)),
                         sqlite3_column_int64(st, 2), sqlite3_column_int64(st, 3));
    d.texts.emplace_back(reinterpret_cast<const char*>(sqlite3_column_text(st, 4)));
  }
  sqlite3_finalize(st);
  sqlite3_close(db);
  return d;
}

// brat: spans from the .ann files (first fragment's start, last fragment's end).
Dataset FromBrat(const std::string& dir, size_t documents) {
  Dataset d;
  for (size_t i = 0; i < documents; ++i) {
    char name[32];
    std::snprintf(name, sizeof name, "/doc-%06zu", i + 1);
    EXPECT_TRUE(fs::exists(dir + name + ".txt")) << name;
    std::istringstream ann(ReadText(dir + name + ".ann"));
    std::string line;
    while (std::getline(ann, line)) {
      if (line.empty() || line[0] != 'T') continue;
      std::istringstream fields(line.substr(line.find('\t') + 1));
      std::string type, offsets;
      fields >> type;
      std::getline(fields, offsets, '\t');
      uint64_t start = std::stoull(offsets);
      uint64_t end = std::stoull(offsets.substr(offsets.find_last_of(' ') + 1));
      d.spans.emplace_back(i, type, start, end);
    }
  }
  return d;
}

void ExpectSameSpans(const Dataset& a, const Dataset& b, const char* what) {
  EXPECT_EQ(a.spans.size(), b.spans.size()) << what;
  EXPECT_TRUE(a.spans == b.spans) << what << ": other entity spans than JSONL";
}

TEST(SinksAgreeTest, JsonlCsvSqliteBratConllHoldTheSameEntities) {
  TempDir tmp;
  auto inputs = MakeArchive(tmp / "in", 30);
  if (auto shared = SharedCorporaDir()) inputs.push_back(*shared + "/meantime-dev/dev.mbox");
  auto run = [&](SinkFormat f, const std::string& out) {
    ExtractOptions o = Options(inputs, tmp / out, 2);
    o.format = f;
    return RunOk(o);
  };
  const RunSummary s = run(SinkFormat::kJsonl, "out.jsonl");
  run(SinkFormat::kCsv, "csv");
  run(SinkFormat::kSqlite, "out.sqlite");
  run(SinkFormat::kBrat, "brat");
  run(SinkFormat::kConll, "out.conll");

  const Dataset jsonl = FromJsonl(tmp / "out.jsonl");
  ASSERT_EQ(jsonl.doc_ids.size(), s.documents);
  uint64_t entities = 0;
  for (uint64_t n : s.entities_by_type) entities += n;
  EXPECT_EQ(jsonl.spans.size(), entities);

  const Dataset csv = FromCsv(tmp / "csv");
  EXPECT_EQ(csv.doc_ids, jsonl.doc_ids);
  ExpectSameSpans(jsonl, csv, "csv");
  EXPECT_EQ(csv.texts, jsonl.texts);

  const Dataset db = FromSqlite(tmp / "out.sqlite");
  EXPECT_EQ(db.doc_ids, jsonl.doc_ids);
  ExpectSameSpans(jsonl, db, "sqlite");
  EXPECT_EQ(db.texts, jsonl.texts);

  ExpectSameSpans(jsonl, FromBrat(tmp / "brat", jsonl.doc_ids.size()), "brat");

  // CoNLL: one -DOCSTART- per document, and no more B- tags than entities.
  const std::string conll = ReadText(tmp / "out.conll");
  size_t docstarts = 0, begins = 0;
  for (size_t p = 0; (p = conll.find("-DOCSTART-", p)) != std::string::npos; ++p) ++docstarts;
  for (size_t p = 0; (p = conll.find("\tB-", p)) != std::string::npos; ++p) ++begins;
  EXPECT_EQ(docstarts, jsonl.doc_ids.size());
  EXPECT_LE(begins, jsonl.spans.size());
}

}  // namespace
}  // namespace accord::testing
