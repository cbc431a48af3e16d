// The document model: what flows through the stages.
//
// A Document is one article-bearing unit: one mail message of an archive, one plain-text file or
// one accord/1 JSONL record. `text` is the raw decoded text (after MIME transfer decoding and
// charset conversion, nothing else); every span in a Document is a *byte* range of `text`,
// except the spans over `norm`, which are byte ranges of the normalized copy and are mapped back
// through it. The sinks turn byte offsets into code-point offsets (pipeline/utf8.h).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "pipeline/offset_map.h"

namespace accord {

using Json = nlohmann::ordered_json;

enum class EntityType : uint8_t { kPerson = 0, kOrganization = 1, kNation = 2, kDate = 3 };
inline constexpr EntityType kAllEntityTypes[] = {EntityType::kPerson, EntityType::kOrganization,
                                                 EntityType::kNation, EntityType::kDate};
std::string_view EntityTypeName(EntityType t);  // "PERSON", "ORGANIZATION", "NATION", "DATE"
std::optional<EntityType> ParseEntityType(std::string_view name);

// A byte range [begin, end).
struct Span {
  uint32_t begin = 0;
  uint32_t end = 0;
  uint32_t size() const { return end - begin; }
  bool operator==(const Span&) const = default;
};

struct Entity {
  EntityType type = EntityType::kPerson;
  uint32_t start = 0;  // byte offsets into Document::text
  uint32_t end = 0;
  std::string canonical;  // PERSON, ORGANIZATION, NATION
  std::string code;       // NATION: ISO 3166-1 alpha-2 (or 3166-3 for historical states)
  std::string value;      // DATE: TIMEX3 value ("" when unresolved)
  std::string kind;       // DATE: "date", "time" or "duration"
  std::string rule;       // the name of the rule that found it (for --explain and eval reports)
};

// What a part of a message body is. Zoning labels the whole body; entities come only from the
// zones for which IsArticleZone() holds.
enum class ZoneKind : uint8_t {
  kPreamble,     // the forwarder's own words before the article
  kForwardHeaders,  // "---------- Forwarded message", mail or Usenet headers inside the body
  kTitle,
  kByline,
  kDateline,     // a line that only gives the article's date
  kUrl,          // a source URL line
  kBody,         // the article's own text (including its copyright and story lines)
  kQuote,        // quoted reply lines that are not the article
  kSignature,    // after "-- " or a PGP signature block
  kFooter,       // the list footer (Mailman's ____ / "X mailing list" / listinfo)
  kBoilerplate,  // "Order Reprints | Today's Paper | Subscribe", sponsor lines
  kOther,        // anything else that is not article
};
std::string_view ZoneKindName(ZoneKind k);
bool IsArticleZone(ZoneKind k);  // title, byline, dateline, body

struct Zone {
  ZoneKind kind = ZoneKind::kOther;
  Span span;              // bytes of Document::text
  uint16_t article = 0;   // which forwarded article it belongs to (0-based)
  bool quoted = false;    // lines carry a "> " quote prefix, stripped by normalization
};

// One forwarded article inside the body (most messages have one, digests several).
struct Article {
  std::optional<std::string> date;  // its own date (ISO YYYY-MM-DD), resolves its relative dates
};

// A token of the normalized text.
struct Token {
  uint32_t begin = 0;  // bytes of Document::norm
  uint32_t end = 0;
  uint16_t flags = 0;
  enum : uint16_t {
    kWord = 1 << 0,         // letters (and inner apostrophes, hyphens, periods as in "U.S.")
    kNumber = 1 << 1,
    kPunct = 1 << 2,
    kCapitalized = 1 << 3,  // first letter upper case
    kAllCaps = 1 << 4,
    kSentenceStart = 1 << 5,
    kLineStart = 1 << 6,    // first token of a raw line (headline and list detection)
  };
};

// Mail headers zoning and doc_date use (decoded: RFC 2047 words to UTF-8).
struct MailHeaders {
  std::string subject;
  std::string from;
  std::string date;        // as written
  std::string message_id;  // with angle brackets
  std::string list_id;
  std::string content_type;
};

struct Document {
  // Identity and provenance (ingest).
  std::string doc_id;
  Json source = Json::object();   // path, offset, message_id, list (or carried from JSONL input)
  MailHeaders headers;
  std::string text;               // raw decoded UTF-8 text; all spans index it
  bool from_jsonl = false;        // JSONL input: doc_id, doc_date, meta, source carry through

  // Metadata (zoning fills title, author, published, url; JSONL input carries its own).
  Json meta = Json::object();
  std::optional<std::string> doc_date;  // ISO YYYY-MM-DD
  std::vector<std::string> types = {"PERSON", "ORGANIZATION", "NATION", "DATE"};

  // Zoning.
  std::vector<Zone> zones;
  std::vector<Article> articles;

  // Normalization: the article zones, unwrapped and folded, with the map back to `text`.
  NormalizedText norm;
  std::vector<std::pair<Span, uint16_t>> norm_articles;  // normalized ranges, their article

  // Segmentation (over norm).
  std::vector<Span> sentences;
  std::vector<Token> tokens;

  // Extraction and resolution.
  std::vector<Entity> entities;

  // The article a normalized offset belongs to, and that article's date (else doc_date).
  uint16_t ArticleAt(uint32_t norm_offset) const;
  std::optional<std::string> DateForNormOffset(uint32_t norm_offset) const;

  // Adds an entity found on the normalized text at [norm_begin, norm_end); maps it to raw.
  Entity& AddFromNorm(EntityType type, uint32_t norm_begin, uint32_t norm_end, std::string rule);

  // The raw text of an entity.
  std::string_view TextOf(const Entity& e) const {
    return std::string_view(text).substr(e.start, e.end - e.start);
  }
};

}  // namespace accord
