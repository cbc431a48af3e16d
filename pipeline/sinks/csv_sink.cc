#include "pipeline/sinks/csv_sink.h"

#include <filesystem>

#include "pipeline/sinks/rows.h"

namespace accord {
namespace {

void AppendRow(std::initializer_list<std::string_view> fields, std::string& out) {
  bool first = true;
  for (std::string_view f : fields) {
    if (!first) out.push_back(',');
    first = false;
    AppendCsvField(f, out);
  }
  out += "\r\n";
}

Status Put(std::FILE* f, std::string& buf) {
  const bool ok = std::fwrite(buf.data(), 1, buf.size(), f) == buf.size();
  buf.clear();
  return ok ? Status::Ok() : IoError("write failed");
}

}  // namespace

void AppendCsvField(std::string_view field, std::string& out) {
  if (field.find_first_of(",\"\r\n") == std::string_view::npos) {
    out += field;
    return;
  }
  out.push_back('"');
  for (char c : field) {
    if (c == '"') out.push_back('"');
    out.push_back(c);
  }
  out.push_back('"');
}

CsvSink::~CsvSink() { Close(); }

void CsvSink::Close() {
  for (std::FILE** f : {&documents_, &mentions_, &entities_}) {
    if (*f != nullptr) std::fclose(*f);
    *f = nullptr;
  }
}

Status CsvSink::Begin() {
  std::error_code ec;
  std::filesystem::create_directories(folder_, ec);
  if (ec) return IoError(folder_ + ": cannot create folder: " + ec.message());
  const std::string dir = folder_ + "/";
  documents_ = std::fopen((dir + "documents.csv").c_str(), "wb");
  mentions_ = std::fopen((dir + "mentions.csv").c_str(), "wb");
  entities_ = std::fopen((dir + "entities.csv").c_str(), "wb");
  if (!documents_ || !mentions_ || !entities_) return IoError(folder_ + ": cannot open CSV files");
  if (options_.include_text) {
    AppendRow({"doc_id", "path", "offset", "message_id", "list", "doc_date", "title", "author",
               "published", "url", "text"}, buf_);
  } else {
    AppendRow({"doc_id", "path", "offset", "message_id", "list", "doc_date", "title", "author",
               "published", "url"}, buf_);
  }
  ACCORD_RETURN_IF_ERROR(Put(documents_, buf_));
  AppendRow({"doc_id", "type", "start", "end", "text", "canonical", "code", "value", "kind"}, buf_);
  ACCORD_RETURN_IF_ERROR(Put(mentions_, buf_));
  AppendRow({"doc_id", "type", "key", "code", "mentions"}, buf_);
  return Put(entities_, buf_);
}

Status CsvSink::Write(const Document& doc) {
  const DocumentRow d = MakeDocumentRow(doc);
  const std::string offset = d.has_offset ? std::to_string(d.offset) : "";
  if (options_.include_text) {
    AppendRow({d.doc_id, d.path, offset, d.message_id, d.list, d.doc_date, d.title, d.author,
               d.published, d.url, doc.text}, buf_);
  } else {
    AppendRow({d.doc_id, d.path, offset, d.message_id, d.list, d.doc_date, d.title, d.author,
               d.published, d.url}, buf_);
  }
  ACCORD_RETURN_IF_ERROR(Put(documents_, buf_));
  const auto mentions = MakeMentionRows(doc);
  for (const MentionRow& m : mentions) {
    AppendRow({d.doc_id, m.type, std::to_string(m.start), std::to_string(m.end), m.text, m.canonical,
               m.code, m.value, m.kind}, buf_);
  }
  ACCORD_RETURN_IF_ERROR(Put(mentions_, buf_));
  for (const EntityRow& e : MakeEntityRows(doc, mentions))
    AppendRow({d.doc_id, e.type, e.key, e.code, std::to_string(e.mentions)}, buf_);
  return Put(entities_, buf_);
}

Status CsvSink::Finish() {
  bool ok = true;
  for (std::FILE* f : {documents_, mentions_, entities_}) ok = ok && f && std::fflush(f) == 0;
  Close();
  return ok ? Status::Ok() : IoError(folder_ + ": flush failed");
}

}  // namespace accord
