#include "pipeline/sinks/rows.h"

#include <algorithm>
#include <map>

#include "pipeline/sinks/offsets.h"

namespace accord {
namespace {

std::string Field(const Json& object, const char* key) {
  if (!object.is_object()) return {};
  auto it = object.find(key);
  if (it == object.end() || it->is_null()) return {};
  if (it->is_string()) return it->get<std::string>();
  return it->dump(-1, ' ', false, Json::error_handler_t::replace);
}

}  // namespace

DocumentRow MakeDocumentRow(const Document& doc) {
  DocumentRow r;
  r.doc_id = doc.doc_id;
  r.path = Field(doc.source, "path");
  r.message_id = Field(doc.source, "message_id");
  r.list = Field(doc.source, "list");
  if (auto it = doc.source.find("offset"); it != doc.source.end() && it->is_number_unsigned()) {
    r.offset = it->get<uint64_t>();
    r.has_offset = true;
  }
  r.doc_date = doc.doc_date.value_or("");
  r.title = Field(doc.meta, "title");
  r.author = Field(doc.meta, "author");
  r.published = Field(doc.meta, "published");
  r.url = Field(doc.meta, "url");
  return r;
}

std::vector<MentionRow> MakeMentionRows(const Document& doc) {
  std::vector<MentionRow> rows;
  rows.reserve(doc.entities.size());
  CodePointCursor cursor(doc.text);
  for (const Entity& e : doc.entities) {
    MentionRow m = MentionFields(doc, e);
    m.start = cursor.ToCodePoint(e.start);
    m.end = cursor.ToCodePointFrom(e.start, m.start, e.end);
    rows.push_back(m);
  }
  return rows;
}

std::vector<EntityRow> MakeEntityRows(const Document& doc, const std::vector<MentionRow>& mentions) {
  std::map<std::pair<std::string_view, std::string_view>, EntityRow> distinct;
  for (const MentionRow& m : mentions) {
    std::string_view key = m.type == "DATE" ? (m.value.empty() ? m.text : m.value) : m.canonical;
    EntityRow& row = distinct[{m.type, key}];
    if (row.mentions == 0) {
      row.type = m.type;
      row.key = std::string(key);
      row.code = std::string(m.code);
    }
    ++row.mentions;
  }
  std::vector<EntityRow> rows;
  rows.reserve(distinct.size());
  for (auto& [k, row] : distinct) rows.push_back(std::move(row));
  return rows;
}

}  // namespace accord
