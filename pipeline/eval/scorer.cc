// The nervaluate counting and the attribute accuracies (scorer.h).
#include "pipeline/eval/scorer.h"

#include <algorithm>
#include <unordered_map>

namespace accord::eval {

std::string_view SchemeName(Scheme s) {
  switch (s) {
    case Scheme::kStrict: return "strict";
    case Scheme::kExact: return "exact";
    case Scheme::kPartial: return "partial";
    case Scheme::kType: return "type";
  }
  return "strict";
}

std::optional<Scheme> ParseScheme(std::string_view name) {
  for (Scheme s : kAllSchemes) {
    if (SchemeName(s) == name) return s;
  }
  if (name == "ent_type") return Scheme::kType;
  return std::nullopt;
}

std::string_view OutcomeName(Outcome o) {
  switch (o) {
    case Outcome::kCorrect: return "correct";
    case Outcome::kWrongType: return "wrong type";
    case Outcome::kBoundary: return "boundary";
    case Outcome::kBoundaryAndType: return "boundary and type";
    case Outcome::kSpurious: return "spurious";
    case Outcome::kMissed: return "missed";
  }
  return "";
}

Counts& Counts::operator+=(const Counts& o) {
  correct += o.correct;
  incorrect += o.incorrect;
  partial += o.partial;
  missed += o.missed;
  spurious += o.spurious;
  return *this;
}

TypeScore& TypeScore::operator+=(const TypeScore& o) {
  for (size_t i = 0; i < counts.size(); ++i) counts[i] += o.counts[i];
  gold += o.gold;
  predicted += o.predicted;
  canonical += o.canonical;
  code += o.code;
  value += o.value;
  return *this;
}

Prf ComputePrf(const Counts& c, Scheme scheme) {
  const bool half_partial = scheme == Scheme::kPartial || scheme == Scheme::kType;
  const double hits = static_cast<double>(c.correct) + (half_partial ? 0.5 * c.partial : 0.0);
  Prf r;
  r.precision = c.actual() > 0 ? hits / c.actual() : 0.0;
  r.recall = c.possible() > 0 ? hits / c.possible() : 0.0;
  r.f1 = r.precision + r.recall > 0 ? 2 * r.precision * r.recall / (r.precision + r.recall) : 0.0;
  return r;
}

std::string CollapseSpace(std::string_view s) {
  std::string out;
  bool space = false;
  for (char c : s) {
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
      space = !out.empty();
      continue;
    }
    if (space) out.push_back(' ');
    space = false;
    out.push_back(c);
  }
  return out;
}

namespace {

void Compare(AttributeScore& score, const std::string& gold, const std::string& pred) {
  if (gold.empty()) return;
  ++score.compared;
  if (CollapseSpace(gold) == CollapseSpace(pred)) ++score.agreed;
}

// Attributes of a pair that overlaps with the same type (schemes I and V).
void CompareRelaxed(TypeScore& s, const Annotation& g, const Annotation& p) {
  if (g.type == "DATE") Compare(s.value, g.value, p.value);
  if (g.type == "NATION") Compare(s.code, g.code, p.code);
}

bool Overlaps(const Annotation& a, const Annotation& b) {
  return a.start < b.end && b.start < a.end;
}

}  // namespace

DocResult ScoreDocument(const AnnotatedDoc& gold, const AnnotatedDoc& pred,
                        std::map<std::string, TypeScore>& scores) {
  DocResult r;
  r.doc_id = gold.doc_id;
  r.gold = &gold;
  r.pred = &pred;
  std::set_intersection(gold.types.begin(), gold.types.end(), pred.types.begin(), pred.types.end(),
                        std::inserter(r.types, r.types.end()));
  for (const std::string& t : r.types) scores[t];  // a covered type shows even with no entities
  for (const Annotation& a : gold.entities) {
    if (r.types.count(a.type)) r.gold_entities.push_back(a);
  }
  for (const Annotation& a : pred.entities) {
    if (r.types.count(a.type)) r.pred_entities.push_back(a);
  }
  std::stable_sort(r.gold_entities.begin(), r.gold_entities.end(),
                   [](const Annotation& a, const Annotation& b) { return a.start < b.start; });
  std::stable_sort(r.pred_entities.begin(), r.pred_entities.end(),
                   [](const Annotation& a, const Annotation& b) { return a.end < b.end; });
  for (const Annotation& a : r.gold_entities) ++scores[a.type].gold;
  for (const Annotation& a : r.pred_entities) ++scores[a.type].predicted;

  const auto& G = r.gold_entities;
  std::vector<bool> overlapped(G.size(), false);
  r.gold_outcome.assign(G.size(), Outcome::kMissed);
  r.pred_outcome.assign(r.pred_entities.size(), Outcome::kSpurious);
  r.pred_gold.assign(r.pred_entities.size(), -1);

  auto note_gold = [&](size_t gi, Outcome o) {
    if (!overlapped[gi]) r.gold_outcome[gi] = o;
    overlapped[gi] = true;
  };
  auto add = [](TypeScore& s, int64_t Counts::*strict, int64_t Counts::*exact,
                int64_t Counts::*partial, int64_t Counts::*type) {
    ++(s.at(Scheme::kStrict).*strict);
    ++(s.at(Scheme::kExact).*exact);
    ++(s.at(Scheme::kPartial).*partial);
    ++(s.at(Scheme::kType).*type);
  };

  // Gold spans before index i all end at or before max_end[i]: a prediction that starts at or
  // after it cannot touch them, so the scan starts at the first index where max_end passes its
  // start (the same result as scanning from 0, without the quadratic walk).
  std::vector<uint32_t> max_end(G.size());
  for (size_t gi = 0; gi < G.size(); ++gi) {
    max_end[gi] = std::max(G[gi].end, gi ? max_end[gi - 1] : 0u);
  }

  for (size_t pi = 0; pi < r.pred_entities.size(); ++pi) {
    const Annotation& p = r.pred_entities[pi];
    // I: the same span and type is in the gold.
    auto exact = std::lower_bound(G.begin(), G.end(), p.start,
                                  [](const Annotation& g, uint32_t start) { return g.start < start; });
    while (exact != G.end() && exact->start == p.start && !(exact->end == p.end && exact->type == p.type)) {
      ++exact;
    }
    if (exact != G.end() && exact->start != p.start) exact = G.end();
    if (exact != G.end()) {
      const size_t gi = static_cast<size_t>(exact - G.begin());
      TypeScore& s = scores[p.type];
      add(s, &Counts::correct, &Counts::correct, &Counts::correct, &Counts::correct);
      Compare(s.canonical, exact->canonical, p.canonical);
      CompareRelaxed(s, *exact, p);
      r.pred_outcome[pi] = Outcome::kCorrect;
      r.pred_gold[pi] = static_cast<int>(gi);
      note_gold(gi, Outcome::kCorrect);
      continue;
    }
    bool found = false;
    const size_t first = static_cast<size_t>(
        std::upper_bound(max_end.begin(), max_end.end(), p.start) - max_end.begin());
    for (size_t gi = p.start < p.end ? first : 0; gi < G.size(); ++gi) {
      const Annotation& g = G[gi];
      if (p.end <= g.start && !(p.start == g.start && p.end == g.end)) break;
      TypeScore& s = scores[g.type];
      if (g.start == p.start && g.end == p.end && g.type != p.type) {  // IV
        add(s, &Counts::incorrect, &Counts::correct, &Counts::correct, &Counts::incorrect);
        r.pred_outcome[pi] = Outcome::kWrongType;
        if (r.pred_gold[pi] < 0) r.pred_gold[pi] = static_cast<int>(gi);
        note_gold(gi, Outcome::kWrongType);
        found = true;
        break;
      }
      if (Overlaps(g, p) && !overlapped[gi]) {
        const Outcome o = g.type == p.type ? Outcome::kBoundary : Outcome::kBoundaryAndType;
        if (o == Outcome::kBoundary) {  // V
          add(s, &Counts::incorrect, &Counts::incorrect, &Counts::partial, &Counts::correct);
          CompareRelaxed(s, g, p);
        } else {  // VI
          add(s, &Counts::incorrect, &Counts::incorrect, &Counts::partial, &Counts::incorrect);
        }
        if (r.pred_gold[pi] < 0) {
          r.pred_outcome[pi] = o;
          r.pred_gold[pi] = static_cast<int>(gi);
        }
        note_gold(gi, o);
        found = true;
      }
    }
    if (!found) {  // II
      add(scores[p.type], &Counts::spurious, &Counts::spurious, &Counts::spurious,
          &Counts::spurious);
    }
  }
  for (size_t gi = 0; gi < G.size(); ++gi) {  // III
    if (overlapped[gi]) continue;
    add(scores[G[gi].type], &Counts::missed, &Counts::missed, &Counts::missed, &Counts::missed);
  }
  return r;
}

EvalResult Score(const AnnotationSet& gold, const AnnotationSet& pred) {
  EvalResult result;
  std::unordered_map<std::string_view, const AnnotatedDoc*> by_id;
  by_id.reserve(pred.docs.size());
  for (const AnnotatedDoc& d : pred.docs) by_id.emplace(d.doc_id, &d);
  std::unordered_map<std::string_view, bool> in_gold;
  for (const AnnotatedDoc& g : gold.docs) {
    in_gold[g.doc_id] = true;
    auto it = by_id.find(g.doc_id);
    if (it == by_id.end()) {
      result.gold_only.push_back(g.doc_id);
      continue;
    }
    result.docs.push_back(ScoreDocument(g, *it->second, result.by_type));
  }
  for (const AnnotatedDoc& d : pred.docs) {
    if (!in_gold.count(d.doc_id)) result.pred_only.push_back(d.doc_id);
  }
  for (const auto& [type, s] : result.by_type) result.overall += s;
  return result;
}

}  // namespace accord::eval
