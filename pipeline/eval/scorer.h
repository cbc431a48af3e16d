// The scorer: per entity type and micro-averaged, under the four SemEval-2013 Task 9.1 schemes
// as the nervaluate package counts them, plus attribute accuracies (DATE value, NATION code,
// canonical names).
//
// Counting, per document, over the types both sides cover (predictions in order of end, gold in
// order of start; offsets half-open, so [0,5) and [5,8) do not overlap):
//   I   same start, end and type         strict cor, exact cor, partial cor, type cor
//   IV  same start and end, other type   strict inc, exact cor, partial cor, type inc
//   V   overlap, same type               strict inc, exact inc, partial par, type cor
//   VI  overlap, other type              strict inc, exact inc, partial par, type inc
//   II  no overlap with any gold         spurious in every scheme (for the predicted type)
//   III gold no prediction touched       missed in every scheme (for the gold type)
// A prediction is checked against the gold spans in order: IV may fire on any gold span, V/VI
// only on a gold span no earlier prediction overlapped, and one prediction may overlap (and be
// counted against) several gold spans. I, IV, V, VI count for the gold span's type.
//   possible = cor + inc + par + mis     actual = cor + inc + par + spu
//   strict, exact:  P = cor / actual,              R = cor / possible
//   partial, type:  P = (cor + 0.5 par) / actual,  R = (cor + 0.5 par) / possible
//   F1 = 2PR / (P + R), 0 when P + R = 0
// Strict is conlleval's exact match.
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "pipeline/eval/annotations.h"

namespace accord::eval {

enum class Scheme : uint8_t { kStrict = 0, kExact = 1, kPartial = 2, kType = 3 };
inline constexpr Scheme kAllSchemes[] = {Scheme::kStrict, Scheme::kExact, Scheme::kPartial,
                                         Scheme::kType};
std::string_view SchemeName(Scheme s);  // "strict", "exact", "partial", "type"
std::optional<Scheme> ParseScheme(std::string_view name);

struct Counts {
  int64_t correct = 0;
  int64_t incorrect = 0;
  int64_t partial = 0;
  int64_t missed = 0;
  int64_t spurious = 0;
  int64_t possible() const { return correct + incorrect + partial + missed; }
  int64_t actual() const { return correct + incorrect + partial + spurious; }
  Counts& operator+=(const Counts& o);
  bool operator==(const Counts&) const = default;
};

struct Prf {
  double precision = 0;
  double recall = 0;
  double f1 = 0;
};
Prf ComputePrf(const Counts& c, Scheme scheme);

// Whitespace runs become one space; leading and trailing whitespace go. Attributes (canonical
// names, meta fields) are compared in this form, so a name wrapped over two lines still agrees.
std::string CollapseSpace(std::string_view s);

// An attribute compared over matched spans: how many matched pairs had a gold attribute, and in
// how many the prediction agreed.
struct AttributeScore {
  int64_t compared = 0;
  int64_t agreed = 0;
  double accuracy() const { return compared ? static_cast<double>(agreed) / compared : 0.0; }
  AttributeScore& operator+=(const AttributeScore& o) {
    compared += o.compared;
    agreed += o.agreed;
    return *this;
  }
};

struct TypeScore {
  std::array<Counts, 4> counts;  // indexed by Scheme
  int64_t gold = 0;              // gold entities of the type
  int64_t predicted = 0;         // predicted entities of the type
  AttributeScore canonical;      // over strict matches, whitespace-normalised comparison
  AttributeScore code;           // NATION code, over type-scheme matches (overlap, same type)
  AttributeScore value;          // DATE TIMEX3 value, over type-scheme matches
  const Counts& at(Scheme s) const { return counts[static_cast<int>(s)]; }
  Counts& at(Scheme s) { return counts[static_cast<int>(s)]; }
  Prf prf(Scheme s) const { return ComputePrf(at(s), s); }
  // TempEval-3's attribute F1: relaxed (type-scheme) F1 times the value accuracy.
  double value_f1() const { return prf(Scheme::kType).f1 * value.accuracy(); }
  TypeScore& operator+=(const TypeScore& o);
};

// What happened to one predicted or gold entity (for error lists and the HTML page).
enum class Outcome : uint8_t {
  kCorrect,           // I
  kWrongType,         // IV
  kBoundary,          // V: overlap, same type, other boundaries
  kBoundaryAndType,   // VI
  kSpurious,          // II (predictions)
  kMissed,            // III (gold)
};
std::string_view OutcomeName(Outcome o);

struct DocResult {
  std::string doc_id;
  const AnnotatedDoc* gold = nullptr;
  const AnnotatedDoc* pred = nullptr;
  std::set<std::string> types;                 // covered by both
  std::vector<Annotation> gold_entities;       // of those types, sorted by start
  std::vector<Annotation> pred_entities;       // of those types, sorted by end
  std::vector<Outcome> pred_outcome;           // one per pred_entities
  std::vector<int> pred_gold;                  // the first gold entity it matched, or -1
  std::vector<Outcome> gold_outcome;           // kMissed, else how the first prediction met it
};

struct EvalResult {
  std::map<std::string, TypeScore> by_type;  // every type covered by both sides in some document
  TypeScore overall;                          // micro average: the sum of by_type
  std::vector<DocResult> docs;                // matched documents, in gold order
  std::vector<std::string> gold_only;         // doc_ids without a prediction
  std::vector<std::string> pred_only;         // predicted doc_ids absent from gold
};

// Scores one document pair (nervaluate's compute_metrics). Adds its counts into `scores`.
DocResult ScoreDocument(const AnnotatedDoc& gold, const AnnotatedDoc& pred,
                        std::map<std::string, TypeScore>& scores);

// Matches documents by doc_id and scores every pair. The result points into both sets.
EvalResult Score(const AnnotationSet& gold, const AnnotationSet& pred);

}  // namespace accord::eval
