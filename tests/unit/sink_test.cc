// The sinks on hand-built documents: the JSONL writer keeps the accord/1 bytes (checked against a
// JSON tree built the obvious way), CSV escaping follows RFC 4180, brat splits wrapped entities
// into fragments, CoNLL tags IOB2, SQLite holds what was written.
#include <sqlite3.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>

#include "pipeline/sinks/brat_sink.h"
#include "pipeline/sinks/conll_sink.h"
#include "pipeline/sinks/csv_sink.h"
#include "pipeline/sinks/jsonl_sink.h"
#include "pipeline/sinks/sqlite_sink.h"
#include "pipeline/utf8.h"

namespace accord {
namespace {

// The accord/1 record built as a JSON tree (dataset-format.md), the reference for the writer.
std::string ReferenceRecord(const Document& doc, bool include_text) {
  Json r = Json::object();
  r["schema"] = "accord/1";
  r["doc_id"] = doc.doc_id;
  r["source"] = doc.source;
  r["doc_date"] = doc.doc_date ? Json(*doc.doc_date) : Json(nullptr);
  r["meta"] = doc.meta;
  r["types"] = doc.types;
  if (include_text) r["text"] = doc.text;
  const utf8::CodePointIndex index(doc.text);
  Json entities = Json::array();
  for (const Entity& e : doc.entities) {
    Json j = Json::object();
    j["type"] = EntityTypeName(e.type);
    j["start"] = index.ToCodePoint(e.start);
    j["end"] = index.ToCodePoint(e.end);
    j["text"] = doc.TextOf(e);
    if (e.type == EntityType::kDate) {
      if (!e.value.empty()) j["value"] = e.value;
      j["kind"] = e.kind.empty() ? "date" : e.kind;
    } else {
      j["canonical"] = e.canonical.empty() ? std::string(doc.TextOf(e)) : e.canonical;
      if (e.type == EntityType::kNation) j["code"] = e.code;
    }
    entities.push_back(std::move(j));
  }
  r["entities"] = std::move(entities);
  return r.dump(-1, ' ', false, Json::error_handler_t::replace);
}

Entity MakeEntity(const Document& doc, EntityType type, std::string_view text, std::string canonical = "",
                  std::string code = "", std::string value = "") {
  Entity e;
  e.type = type;
  e.start = static_cast<uint32_t>(doc.text.find(text));
  e.end = e.start + static_cast<uint32_t>(text.size());
  e.canonical = std::move(canonical);
  e.code = std::move(code);
  e.value = std::move(value);
  return e;
}

// A document with multi-byte text, quotes, control characters, a wrapped name and every type.
Document SampleDocument(const std::string& text, std::string id = "<a\"b@example.org>") {
  Document doc;
  doc.doc_id = std::move(id);
  doc.text = text;
  doc.source = {{"path", "lists/x.mbox"}, {"offset", 1234}, {"message_id", doc.doc_id}};
  doc.meta = {{"title", "Zürich \"talks\"\tend"}, {"author", "Ana Souza"}};
  doc.doc_date = "2018-04-17";
  return doc;
}

const char kText[] =
    "Zürich, Monday \xe2\x80\x94 Ana Souza of the United \nNations met \xe2\x80\x9c"
    "French\xe2\x80\x9d officials.\x01 Back\\slash, \"quoted\", Télécom Paris.";

Document RichDocument() {
  Document doc = SampleDocument(kText);
  doc.entities.push_back(MakeEntity(doc, EntityType::kDate, "Monday", "", "", "2018-04-16"));
  doc.entities.push_back(MakeEntity(doc, EntityType::kPerson, "Ana Souza"));
  doc.entities.push_back(MakeEntity(doc, EntityType::kOrganization, "United \nNations", "United Nations"));
  doc.entities.push_back(MakeEntity(doc, EntityType::kNation, "French", "France", "FR"));
  doc.entities.push_back(MakeEntity(doc, EntityType::kOrganization, "Télécom Paris"));
  return doc;
}

TEST(JsonlSinkTest, RecordEqualsTheJsonTreeReference) {
  std::vector<Document> docs = {RichDocument(), SampleDocument(""), SampleDocument("no entities")};
  docs[1].doc_date.reset();
  docs[2].text += std::string("\xff\xfe bad bytes");  // invalid UTF-8 goes through the replacement
  docs[2].meta = Json::object();
  for (const Document& doc : docs) {
    for (bool text : {false, true}) {
      EXPECT_EQ(FormatAccordRecord(doc, {text}), ReferenceRecord(doc, text)) << doc.text;
    }
  }
}

// The writer fills a buffer of a few kilobytes and appends it when full: records of every size
// around it (many entities, long meta values and names, nested and empty containers), appended
// after text already in the string, still equal the reference.
TEST(JsonlSinkTest, RecordsLongerThanTheWritersBuffer) {
  for (size_t entities : {0, 1, 40, 90, 400}) {
    for (size_t meta_size : {0, 100, 5000, 9000, 20000}) {
      Document doc =
          SampleDocument(std::string(kText) + std::string(meta_size, 'x') + " Ana Souza");
      doc.meta["title"] = std::string(meta_size, 'T') + "\"\x02";
      doc.meta["list"] =
          Json::array({1, -2, "three", Json::object(), Json::array(), nullptr, true});
      doc.source["nested"] = {{"a", Json::object()}, {"b", Json::array({Json::array()})}};
      for (size_t k = 0; k < entities; ++k) {
        Entity e = MakeEntity(doc, EntityType::kPerson, "Ana Souza");
        if (k % 7 == 0) e.canonical = std::string(meta_size / 2, 'c');
        if (k % 5 == 0) {
          e.start = 0;
          e.end = static_cast<uint32_t>(doc.text.size());  // longer than the buffer at times
        }
        doc.entities.push_back(std::move(e));
      }
      for (bool text : {false, true}) {
        std::string out = "before\n";
        AppendAccordRecord(doc, {text}, out);
        EXPECT_EQ(out, "before\n" + ReferenceRecord(doc, text) + "\n")
            << entities << " entities, meta " << meta_size;
      }
    }
  }
}

TEST(JsonlSinkTest, OffsetsAreCodePoints) {
  const Document doc = RichDocument();
  const Json j = Json::parse(FormatAccordRecord(doc, {}));
  const std::u32string text = [&] {
    std::u32string out;
    for (size_t i = 0; i < doc.text.size();) out.push_back(utf8::Next(doc.text, i));
    return out;
  }();
  for (const auto& e : j["entities"]) {
    std::string slice;
    for (size_t i = e["start"]; i < e["end"].get<size_t>(); ++i) utf8::Append(text[i], slice);
    EXPECT_EQ(slice, e["text"].get<std::string>());
  }
}

TEST(JsonlSinkTest, WriteEqualsRender) {
  const Document doc = RichDocument();
  std::string path = std::filesystem::temp_directory_path() / "accord-sink-test.jsonl";
  auto sink = OpenSink(SinkFormat::kJsonl, path, {});
  ASSERT_TRUE(sink.ok());
  ASSERT_TRUE((*sink)->Renders());
  std::string rendered;
  (*sink)->Render(doc, rendered);
  ASSERT_TRUE((*sink)->Begin().ok());
  ASSERT_TRUE((*sink)->Write(doc).ok());
  ASSERT_TRUE((*sink)->Finish().ok());
  std::ifstream in(path);
  std::stringstream ss;
  ss << in.rdbuf();
  EXPECT_EQ(ss.str(), rendered);
  EXPECT_EQ(rendered, FormatAccordRecord(doc, {}) + "\n");
  std::filesystem::remove(path);
}

// Records are gathered into pieces of about StreamSink::kWriteChunk bytes: whatever reaches the
// file before Finish() is whole records, and after Finish() the file holds every record in order.
TEST(StreamSinkTest, GatheredRecordsReachTheFileWholeAndInOrder) {
  const std::string path = std::filesystem::temp_directory_path() / "accord-stream-sink-test.jsonl";
  auto sink = OpenSink(SinkFormat::kJsonl, path, {});
  ASSERT_TRUE(sink.ok());
  ASSERT_TRUE((*sink)->Begin().ok());
  std::string all;
  std::vector<size_t> ends{0};  // where each record ends in `all`
  for (int i = 0; all.size() < 3 * StreamSink::kWriteChunk; ++i) {
    // Sizes from 1 byte to past a whole chunk, so some records are larger than a piece.
    const size_t size = i % 97 == 96 ? StreamSink::kWriteChunk + 5 : 1 + (i * 7919) % 3000;
    std::string record(size - 1, static_cast<char>('a' + i % 26));
    record += '\n';
    ASSERT_TRUE((*sink)->WriteRendered(record).ok());
    all += record;
    ends.push_back(all.size());
    const uintmax_t written = std::filesystem::file_size(path);
    ASSERT_TRUE(std::binary_search(ends.begin(), ends.end(), written)) << written << " bytes";
  }
  ASSERT_TRUE((*sink)->WriteRendered("last\n").ok());
  all += "last\n";
  EXPECT_LT(std::filesystem::file_size(path), all.size());  // the last piece waits for Finish()
  ASSERT_TRUE((*sink)->Finish().ok());
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  EXPECT_TRUE(ss.str() == all) << ss.str().size() << " of " << all.size() << " bytes";
  std::filesystem::remove(path);
}

TEST(CsvSinkTest, FieldsAreQuotedPerRfc4180) {
  struct Case {
    const char* in;
    const char* out;
  };
  const Case cases[] = {
      {"plain", "plain"},          {"", ""},
      {"a,b", "\"a,b\""},          {"say \"hi\"", "\"say \"\"hi\"\"\""},
      {"two\nlines", "\"two\nlines\""}, {"cr\rhere", "\"cr\rhere\""},
      {"Zürich", "Zürich"},        {"'single'", "'single'"},
  };
  for (const Case& c : cases) {
    std::string out;
    AppendCsvField(c.in, out);
    EXPECT_EQ(out, c.out) << c.in;
  }
}

TEST(BratSinkTest, WrappedEntityBecomesFragments) {
  const Document doc = RichDocument();
  const std::string ann = FormatBratAnnotations(doc);
  // "United \nNations": code points of "United " and "Nations" on their own lines.
  const size_t u = utf8::CodePointCount(std::string_view(doc.text).substr(0, doc.text.find("United")));
  const std::string expected = "T3\tORGANIZATION " + std::to_string(u) + " " + std::to_string(u + 7) + ";" +
                               std::to_string(u + 8) + " " + std::to_string(u + 15) + "\tUnited  Nations\n";
  EXPECT_NE(ann.find(expected), std::string::npos) << ann;
  EXPECT_NE(ann.find("T4\tNATION "), std::string::npos);
  EXPECT_NE(ann.find("AnnotatorNotes T4\tcanonical=France; code=FR"), std::string::npos) << ann;
  EXPECT_NE(ann.find("AnnotatorNotes T1\tvalue=2018-04-16; kind=date"), std::string::npos) << ann;
}

TEST(ConllSinkTest, TagsAreIob2OverTokens) {
  Document doc = SampleDocument("Ana Souza met French officials .");
  doc.norm.AppendVerbatim(doc.text, 0);
  uint32_t b = 0;
  for (uint32_t i = 0; i <= doc.text.size(); ++i) {
    if (i == doc.text.size() || doc.text[i] == ' ') {
      doc.tokens.push_back({b, i, 0});
      b = i + 1;
    }
  }
  doc.sentences.push_back({0, static_cast<uint32_t>(doc.text.size())});
  doc.entities.push_back(MakeEntity(doc, EntityType::kPerson, "Ana Souza"));
  doc.entities.push_back(MakeEntity(doc, EntityType::kNation, "French", "France", "FR"));
  ConllSink sink(nullptr, false);
  std::string out;
  sink.Render(doc, out);
  EXPECT_EQ(out,
            "-DOCSTART-\tO\n\n"
            "Ana\tB-PERSON\nSouza\tI-PERSON\nmet\tO\nFrench\tB-NATION\nofficials\tO\n.\tO\n\n");
}

TEST(SqliteSinkTest, HoldsDocumentsMentionsAndDistinctEntities) {
  const std::string path = std::filesystem::temp_directory_path() / "accord-sink-test.sqlite";
  Document a = RichDocument();
  Document b = SampleDocument("Ana Souza and Ana Souza again.", "<b@example.org>");
  b.entities.push_back(MakeEntity(b, EntityType::kPerson, "Ana Souza"));
  Entity second = b.entities[0];
  second.start = static_cast<uint32_t>(b.text.rfind("Ana"));
  second.end = second.start + 9;
  b.entities.push_back(second);
  {
    SqliteSink sink(path, {});
    ASSERT_TRUE(sink.Begin().ok());
    ASSERT_TRUE(sink.Write(a).ok());
    ASSERT_TRUE(sink.Write(b).ok());
    ASSERT_TRUE(sink.Finish().ok());
  }
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  auto scalar = [&](const char* sql) {
    sqlite3_stmt* st = nullptr;
    EXPECT_EQ(sqlite3_prepare_v2(db, sql, -1, &st, nullptr), SQLITE_OK) << sql;
    std::string v;
    if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0))
      v = reinterpret_cast<const char*>(sqlite3_column_text(st, 0));
    sqlite3_finalize(st);
    return v;
  };
  EXPECT_EQ(scalar("SELECT count(*) FROM documents"), "2");
  EXPECT_EQ(scalar("SELECT count(*) FROM mentions"), "7");
  EXPECT_EQ(scalar("SELECT mentions FROM entities WHERE doc = 2 AND key = 'Ana Souza'"), "2");
  EXPECT_EQ(scalar("SELECT canonical FROM mentions WHERE text = 'United \nNations'"), "United Nations");
  EXPECT_EQ(scalar("SELECT code FROM mentions WHERE type = 'NATION'"), "FR");
  EXPECT_EQ(scalar("SELECT value FROM mentions WHERE type = 'DATE'"), "2018-04-16");
  EXPECT_EQ(scalar("SELECT count(*) FROM sqlite_master WHERE type = 'index'"), "4");
  sqlite3_close(db);
  std::filesystem::remove(path);
}

TEST(SinkTest, FormatsParseAndFolderFormatsNeedAPath) {
  for (auto name : {"jsonl", "csv", "sqlite", "brat", "conll"}) {
    auto f = ParseSinkFormat(name);
    ASSERT_TRUE(f.ok()) << name;
    EXPECT_EQ(SinkFormatName(*f), name);
  }
  EXPECT_FALSE(ParseSinkFormat("xml").ok());
  EXPECT_FALSE(OpenSink(SinkFormat::kCsv, "-", {}).ok());
  EXPECT_FALSE(OpenSink(SinkFormat::kSqlite, "-", {}).ok());
}

}  // namespace
}  // namespace accord
