// The tabular view of a Document that the CSV and SQLite sinks share: one document row, one row
// per mention (the accord/1 entity) and one row per distinct entity of the document.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "pipeline/document.h"

namespace accord {

struct DocumentRow {
  std::string doc_id, path, message_id, list, doc_date, title, author, published, url;
  uint64_t offset = 0;
  bool has_offset = false;
};

struct MentionRow {
  std::string_view type;
  uint64_t start = 0, end = 0;  // code points
  std::string_view text, canonical, code, value, kind;  // empty when the type has no such field
};

// A distinct entity of one document: (type, key), where key is the canonical name (PERSON,
// ORGANIZATION, NATION) or the TIMEX3 value, else the text (DATE); with its mention count.
struct EntityRow {
  std::string_view type;
  std::string key, code;
  uint64_t mentions = 0;
};

DocumentRow MakeDocumentRow(const Document& doc);
// The fields of mention `e` as every sink writes them, offsets left at 0: a DATE's value and kind
// ("date" when none is set), another type's canonical (its text when none is set) and a NATION's
// code.
inline MentionRow MentionFields(const Document& doc, const Entity& e) {
  // Every field given once (the row is not zeroed first and then filled).
  const std::string_view type = EntityTypeName(e.type), text = doc.TextOf(e);
  if (e.type == EntityType::kDate) {
    const std::string_view kind = e.kind.empty() ? "date" : std::string_view(e.kind);
    return MentionRow{type, 0, 0, text, {}, {}, e.value, kind};
  }
  const std::string_view canonical = e.canonical.empty() ? text : std::string_view(e.canonical);
  const std::string_view code = e.type == EntityType::kNation ? e.code : std::string_view();
  return MentionRow{type, 0, 0, text, canonical, code, {}, {}};
}

// Mentions in the document's entity order (string views into `doc`).
std::vector<MentionRow> MakeMentionRows(const Document& doc);
// Distinct entities, sorted by (type, key).
std::vector<EntityRow> MakeEntityRows(const Document& doc, const std::vector<MentionRow>& mentions);

}  // namespace accord
