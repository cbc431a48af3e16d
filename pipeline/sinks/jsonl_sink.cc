#include "pipeline/sinks/jsonl_sink.h"

#include "pipeline/utf8.h"

namespace accord {

std::string FormatAccordRecord(const Document& doc, const OutputOptions& options) {
  Json r = Json::object();
  r["schema"] = "accord/1";
  r["doc_id"] = doc.doc_id;
  r["source"] = doc.source;
  r["doc_date"] = doc.doc_date ? Json(*doc.doc_date) : Json(nullptr);
  r["meta"] = doc.meta;
  r["types"] = doc.types;
  if (options.include_text) r["text"] = doc.text;
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

Status JsonlSink::Write(const Document& doc) {
  std::string line = FormatAccordRecord(doc, options_);
  line.push_back('\n');
  if (std::fwrite(line.data(), 1, line.size(), out_) != line.size()) return IoError("write failed");
  return Status::Ok();
}

Status JsonlSink::Finish() {
  return std::fflush(out_) == 0 ? Status::Ok() : IoError("flush failed");
}

}  // namespace accord
