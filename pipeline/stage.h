// The stage contract. Every phase of accord after ingest is a Stage: it says which parts of the
// Document it reads and which it adds, and Run() fills in what it adds. Stages are built once,
// immutable afterwards, and shared by all worker threads (Run is const and must be thread-safe).
// Pipeline::Create() checks that each stage's inputs are added by an earlier stage, so a
// misordered pipeline fails before any input is read.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "pipeline/document.h"
#include "pipeline/status.h"

namespace accord {

// The parts of a Document, as a bit set.
enum Facet : uint32_t {
  kFacetText = 1u << 0,          // text, doc_id, source, headers (ingest)
  kFacetZones = 1u << 1,         // zones, articles, meta, doc_date (zone)
  kFacetNormalized = 1u << 2,    // norm, norm_articles (normalize)
  kFacetSentences = 1u << 3,     // sentences (segment)
  kFacetTokens = 1u << 4,        // tokens (segment)
  kFacetDates = 1u << 5,         // DATE entities
  kFacetNations = 1u << 6,       // NATION entities
  kFacetPeople = 1u << 7,        // PERSON entities
  kFacetOrganizations = 1u << 8, // ORGANIZATION entities
  kFacetResolved = 1u << 9,      // overlaps settled, canonicals set, entities sorted (resolve)
};
using Facets = uint32_t;
std::string FacetNames(Facets f);  // "zones|tokens"

// Options every stage may consult; fixed for the run.
struct StageOptions {
  std::optional<std::string> default_doc_date;  // --doc-date: used when a document has none
};

class Stage {
 public:
  virtual ~Stage() = default;
  virtual std::string_view name() const = 0;
  virtual Facets reads() const = 0;
  virtual Facets adds() const = 0;
  virtual Status Run(Document& doc) const = 0;
};

}  // namespace accord
