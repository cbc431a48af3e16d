// Reads accord/1 JSONL (design: dataset-format.md): one record a line, code-point offsets.
//
// A record without `text` takes its text from a .txt file: <text dir>/<basename of doc_id>.txt,
// else <text dir>/<basename of source.path> (with .txt added when it has none), where the text
// dir is ReadOptions::text_dir or the JSONL file's own folder. A record with neither is kept
// without text (scoring against a second file still works; running the pipeline does not).
#include <filesystem>

#include "pipeline/eval/annotations.h"
#include "pipeline/lines.h"
#include "pipeline/utf8.h"

namespace accord::eval {

namespace fs = std::filesystem;

namespace {

std::string StringField(const Json& j, const char* key) {
  auto it = j.find(key);
  if (it == j.end() || !it->is_string()) return {};
  return it->get<std::string>();
}

std::optional<std::string> FindTextFile(const AnnotatedDoc& doc, const std::string& jsonl_path,
                                        const std::string& text_dir) {
  const fs::path dir = text_dir.empty() ? fs::path(jsonl_path).parent_path() : fs::path(text_dir);
  std::vector<fs::path> candidates;
  if (!doc.doc_id.empty()) {
    const fs::path id = fs::path(doc.doc_id).filename();
    if (!id.empty()) candidates.push_back(dir / (id.string() + ".txt"));
    if (id.extension() == ".txt") candidates.push_back(dir / id);
  }
  const std::string source_path = StringField(doc.source, "path");
  if (!source_path.empty()) {
    const fs::path name = fs::path(source_path).filename();
    candidates.push_back(dir / name);
    candidates.push_back(dir / (name.string() + ".txt"));
  }
  std::error_code ec;
  for (const fs::path& p : candidates) {
    if (fs::is_regular_file(p, ec)) return p.string();
  }
  return std::nullopt;
}

}  // namespace

StatusOr<AnnotationSet> ParseAccordJsonl(std::string_view content, const std::string& name,
                                         const ReadOptions& options) {
  AnnotationSet set;
  set.path = name;
  set.format = "jsonl";
  Lines lines(content);
  std::string_view line;
  while (lines.Next(line)) {
    if (line.find_first_not_of(" \t") == std::string_view::npos) continue;
    const std::string where = name + ":" + std::to_string(lines.number());
    Json r = Json::parse(line.begin(), line.end(), nullptr, /*allow_exceptions=*/false);
    if (r.is_discarded() || !r.is_object()) return DataLoss(where + ": not a JSON object");

    AnnotatedDoc doc;
    doc.doc_id = StringField(r, "doc_id");
    if (doc.doc_id.empty()) return DataLoss(where + ": record has no doc_id");
    if (auto it = r.find("text"); it != r.end() && it->is_string()) doc.text = it->get<std::string>();
    if (auto it = r.find("doc_date"); it != r.end() && it->is_string()) {
      doc.doc_date = it->get<std::string>();
    }
    if (auto it = r.find("meta"); it != r.end() && it->is_object()) doc.meta = *it;
    if (auto it = r.find("source"); it != r.end() && it->is_object()) doc.source = *it;
    if (auto it = r.find("types"); it != r.end() && it->is_array()) {
      for (const Json& t : *it) {
        if (!t.is_string()) continue;
        if (auto mapped = options.map.Apply(t.get<std::string>())) doc.types.insert(*mapped);
      }
    } else {
      for (EntityType t : kAllEntityTypes) doc.types.insert(std::string(EntityTypeName(t)));
    }

    auto ents = r.find("entities");
    if (ents != r.end() && !ents->is_array()) return DataLoss(where + ": entities is not an array");
    if (ents != r.end()) {
      for (const Json& e : *ents) {
        if (!e.is_object() || !e.contains("type") || !e.contains("start") || !e.contains("end") ||
            !e["start"].is_number_unsigned() || !e["end"].is_number_unsigned()) {
          set.skipped.push_back({where, "entity without type, start or end"});
          continue;
        }
        auto mapped = options.map.Apply(StringField(e, "type"));
        if (!mapped) continue;
        Annotation a;
        a.type = *mapped;
        a.start = e["start"].get<uint32_t>();
        a.end = e["end"].get<uint32_t>();
        if (a.end < a.start) {
          set.skipped.push_back({where, "entity with end before start"});
          continue;
        }
        a.text = StringField(e, "text");
        a.canonical = StringField(e, "canonical");
        a.code = StringField(e, "code");
        a.value = StringField(e, "value");
        a.kind = StringField(e, "kind");
        doc.entities.push_back(std::move(a));
      }
    }
    SortEntities(doc.entities);

    if (!doc.text) {
      if (auto txt = FindTextFile(doc, name, options.text_dir)) {
        auto text = ReadWholeFile(*txt);
        if (!text.ok()) return text.status();
        doc.text = std::move(*text);
      }
    }
    if (doc.text) {
      if (!utf8::IsValid(*doc.text)) return DataLoss(where + ": text is not valid UTF-8");
      const size_t length = utf8::CodePointCount(*doc.text);
      for (const Annotation& a : doc.entities) {
        if (a.end > length) {
          return DataLoss(where + ": entity [" + std::to_string(a.start) + ", " +
                          std::to_string(a.end) + ") lies beyond the text (" +
                          std::to_string(length) + " code points)");
        }
      }
    }
    set.docs.push_back(std::move(doc));
  }
  return set;
}

StatusOr<AnnotationSet> ReadAccordJsonl(const std::string& path, const ReadOptions& options) {
  auto content = ReadWholeFile(path);
  if (!content.ok()) return content.status();
  return ParseAccordJsonl(*content, path, options);
}

}  // namespace accord::eval
