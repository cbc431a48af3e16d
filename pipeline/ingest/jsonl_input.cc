#include "pipeline/ingest/jsonl_input.h"

#include "pipeline/ingest/mime_message.h"

namespace accord::ingest {
namespace {

// One record to a Document; an error message when it is not a usable accord/1 record.
std::string ToDocument(Json& rec, const std::string& path, uint64_t offset, Document* doc) {
  if (!rec.is_object()) return "not a JSON object";
  auto text = rec.find("text");
  if (text == rec.end() || !text->is_string()) return "record without a \"text\" string";
  doc->text = text->get<std::string>();
  doc->from_jsonl = true;
  auto id = rec.find("doc_id");
  if (id != rec.end() && id->is_string()) {
    doc->doc_id = id->get<std::string>();
  } else {
    doc->doc_id = StableId(path, offset, 0);
  }
  auto date = rec.find("doc_date");
  if (date != rec.end() && date->is_string()) doc->doc_date = date->get<std::string>();
  auto meta = rec.find("meta");
  if (meta != rec.end() && meta->is_object()) doc->meta = std::move(*meta);
  auto source = rec.find("source");
  if (source != rec.end() && source->is_object()) {
    doc->source = std::move(*source);
  } else {
    doc->source = Json::object({{"path", path}, {"offset", offset}});
  }
  auto types = rec.find("types");
  if (types != rec.end() && types->is_array()) {
    doc->types.clear();
    for (const auto& t : *types)
      if (t.is_string()) doc->types.push_back(t.get<std::string>());
  }
  return {};
}

}  // namespace

void ReadJsonl(LineReader& in, const std::string& path, const DocumentCallback& on_doc,
               const ErrorCallback& on_error) {
  LineReader::Line line;
  while (in.Next(&line)) {
    if (line.too_long) {
      on_error({path, line.offset, "JSONL record longer than the line limit: skipped"});
      continue;
    }
    if (line.text.find_first_not_of(" \t\r\n") == std::string_view::npos) continue;
    Json rec = Json::parse(line.text, nullptr, /*allow_exceptions=*/false);
    if (rec.is_discarded()) {
      on_error({path, line.offset, "not valid JSON (or not valid UTF-8): record skipped"});
      continue;
    }
    Document doc;
    const std::string problem = ToDocument(rec, path, line.offset, &doc);
    if (!problem.empty()) {
      on_error({path, line.offset, problem + ": record skipped"});
      continue;
    }
    if (!on_doc(std::move(doc))) return;
  }
  if (!in.status().ok()) on_error({path, in.error_offset(), in.status().message()});
}

}  // namespace accord::ingest
