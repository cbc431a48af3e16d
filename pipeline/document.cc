#include "pipeline/document.h"

#include <algorithm>

namespace accord {
namespace {

// The entities a document starts with room for: more than most articles hold.
constexpr size_t kEntityRoom = 32;

}  // namespace

std::string_view EntityTypeName(EntityType t) {
  switch (t) {
    case EntityType::kPerson: return "PERSON";
    case EntityType::kOrganization: return "ORGANIZATION";
    case EntityType::kNation: return "NATION";
    case EntityType::kDate: return "DATE";
  }
  return "?";
}

std::optional<EntityType> ParseEntityType(std::string_view name) {
  for (EntityType t : kAllEntityTypes)
    if (EntityTypeName(t) == name) return t;
  return std::nullopt;
}

std::string_view ZoneKindName(ZoneKind k) {
  switch (k) {
    case ZoneKind::kPreamble: return "preamble";
    case ZoneKind::kForwardHeaders: return "forward-headers";
    case ZoneKind::kTitle: return "title";
    case ZoneKind::kByline: return "byline";
    case ZoneKind::kDateline: return "dateline";
    case ZoneKind::kUrl: return "url";
    case ZoneKind::kBody: return "body";
    case ZoneKind::kQuote: return "quote";
    case ZoneKind::kSignature: return "signature";
    case ZoneKind::kFooter: return "footer";
    case ZoneKind::kBoilerplate: return "boilerplate";
    case ZoneKind::kOther: return "other";
  }
  return "?";
}

bool IsArticleZone(ZoneKind k) {
  return k == ZoneKind::kTitle || k == ZoneKind::kByline || k == ZoneKind::kDateline ||
         k == ZoneKind::kBody;
}

uint16_t Document::ArticleAt(uint32_t norm_offset) const {
  for (const auto& [span, article] : norm_articles)
    if (norm_offset >= span.begin && norm_offset < span.end) return article;
  return 0;
}

std::optional<std::string> Document::DateForNormOffset(uint32_t norm_offset) const {
  const uint16_t a = ArticleAt(norm_offset);
  if (a < articles.size() && articles[a].date) return articles[a].date;
  return doc_date;
}

Entity& Document::AddFromNorm(EntityType type, uint32_t norm_begin, uint32_t norm_end,
                              std::string rule) {
  auto [start, end] = norm.ToRaw(norm_begin, norm_end);
  // Articles hold tens of mentions: grow to room for them at once rather than 1, 2, 4, ..., also
  // after a stage reserved exactly what it adds (each growth moves every entity and its strings).
  if (entities.size() == entities.capacity())
    entities.reserve(std::max<size_t>(kEntityRoom, 2 * entities.size()));
  Entity& e = entities.emplace_back();
  e.type = type;
  e.start = start;
  e.end = end;
  e.rule = std::move(rule);
  return e;
}

}  // namespace accord
