#include "extractors/organizations/org_scan.h"

#include <algorithm>

namespace accord::orgs {
namespace {

OtherKind OtherKindOf(EntityType type) {
  return type == EntityType::kPerson   ? OtherKind::kPerson
         : type == EntityType::kNation ? OtherKind::kNation
         : type == EntityType::kDate   ? OtherKind::kDate
                                       : OtherKind::kNone;
}

}  // namespace

OrgScan::OrgScan(const OrgTables& t, const Document& d, OrgScratch& s)
    : tables(t),
      doc(d),
      scratch(s),
      toks(s.toks),
      other(s.other),
      other_marks(s.other_marks),
      title_line(s.title_line),
      words(s.words),
      caps(s.caps),
      listed(s.listed),
      alias_caps(s.alias_caps),
      candidates(s.candidates),
      mentions(s.mentions),
      owner(s.owner) {
  Tokenize(doc.norm.text(), toks);
  const size_t n = toks.size();
  candidates.clear();
  mentions.clear();
  owner.assign(n, -1);
  other.assign(n, OtherKind::kUnknown);
  title_line.assign(n, kTitleUnknown);
  words.resize(n);
  caps.clear();
  listed.clear();
  alias_caps.clear();
  // The entities of the earlier stages, for Other.
  other_marks.clear();
  for (const Entity& e : doc.entities) {
    const OtherKind kind = OtherKindOf(e.type);
    if (kind != OtherKind::kNone) other_marks.push_back({e.start, e.end, kind});
  }
  if (n == 0) return;
  // Each token's entry in the word tables, and the token lists. The arrays and the tables in
  // locals, and the lists written through pointers into room made first: the loop's stores could
  // otherwise alias any of them, which would be loaded anew after each store.
  const OrgTables* const tbl = &tables;
  const char* const text = toks.text.data();
  const char* const folded = toks.folded.data();
  const OrgToken* const tok = toks.tokens.data();
  const WordInfo** const word = words.data();
  caps.resize(n);
  listed.resize(n);
  alias_caps.resize(n);
  uint32_t* cap_out = caps.data();
  uint32_t* listed_out = listed.data();
  uint32_t* alias_out = alias_caps.data();
  for (size_t i = 0; i < n; ++i) {
    const OrgToken& t = tok[i];
    const WordInfo* w = tbl->FindWord(std::string_view(text + t.begin, t.end - t.begin));
    word[i] = w;
    const uint16_t flags = t.flags;
    if (w != nullptr || (flags & OrgToken::kPunct)) *listed_out++ = static_cast<uint32_t>(i);
    if ((flags & (OrgToken::kWord | OrgToken::kCapitalized)) !=
        (OrgToken::kWord | OrgToken::kCapitalized))
      continue;
    *cap_out++ = static_cast<uint32_t>(i);
    // toks.Key(i, i + 1), from the locals.
    const uint32_t key_end = i + 1 < n ? tok[i + 1].fold_begin - 1 : toks.fold_end;
    if (tbl->MayStartAlias(std::string_view(folded + t.fold_begin, key_end - t.fold_begin)))
      *alias_out++ = static_cast<uint32_t>(i);
  }
  caps.resize(static_cast<size_t>(cap_out - caps.data()));
  listed.resize(static_cast<size_t>(listed_out - listed.data()));
  alias_caps.resize(static_cast<size_t>(alias_out - alias_caps.data()));
}

bool OrgScan::LookUpTitleLine(size_t i) const {
  // A line runs from a token that starts one (or the first token) to the next that does; it is
  // Title Case when it has three or more long words (four letters and more), all capitalized.
  // Lines can be long (a paragraph on one line), so the walk stops as soon as the line is
  // settled: at a token of it already known, or at a long word not capitalized. The tokens walked
  // over take the answer.
  auto settle = [&](size_t from, size_t to, bool title) {
    std::fill(title_line.begin() + from, title_line.begin() + to, title ? kTitle : kNotTitle);
    return title;
  };
  int long_words = 0;
  // Back to the start of the line.
  size_t first = i;
  while (true) {
    const OrgToken& t = toks[first];
    if (title_line[first] != kTitleUnknown)
      return settle(first + 1, i + 1, title_line[first] == kTitle);
    if (t.Is(OrgToken::kWord) && t.end - t.begin >= 4) {
      if (!t.Is(OrgToken::kCapitalized)) return settle(first, i + 1, false);
      ++long_words;
    }
    if (first == 0 || t.Is(OrgToken::kLineStart)) break;
    --first;
  }
  // On to its end.
  size_t end = i + 1;
  for (; end < toks.size() && !toks[end].Is(OrgToken::kLineStart); ++end) {
    const OrgToken& t = toks[end];
    if (title_line[end] != kTitleUnknown) return settle(first, end, title_line[end] == kTitle);
    if (t.Is(OrgToken::kWord) && t.end - t.begin >= 4) {
      if (!t.Is(OrgToken::kCapitalized)) return settle(first, end + 1, false);
      ++long_words;
    }
  }
  return settle(first, end, long_words >= 3);
}

OtherKind OrgScan::LookUpOther(size_t i) const {
  OtherKind kind = OtherKind::kNone;
  if (!other_marks.empty()) {
    // Entities hold raw offsets: the token's raw range meets the entity's.
    const uint32_t raw_begin = doc.norm.RawBegin(toks[i].begin);
    const uint32_t raw_end = doc.norm.RawEnd(toks[i].end - 1);
    for (const OtherMark& m : other_marks)
      if (raw_end > m.start && raw_begin < m.end) kind = m.kind;
  }
  other[i] = kind;
  return kind;
}

uint32_t OrgScan::CapRunEnd(uint32_t first, bool connectors) const {
  uint32_t i = first;
  const uint32_t n = static_cast<uint32_t>(toks.size());
  while (i < n) {
    if (i > first && toks[i].Is(OrgToken::kParagraphStart)) break;
    if (IsCap(i) || (i > first && toks[i].Is(OrgToken::kNumber))) {
      ++i;
      continue;
    }
    if (connectors && i > first && i + 1 < n && IsCap(i + 1) &&
        !toks[i + 1].Is(OrgToken::kParagraphStart) && HasRole(i, WordInfo::kConnector)) {
      ++i;
      continue;
    }
    break;
  }
  return i;
}

uint32_t OrgScan::SkipLeading(uint32_t first, uint32_t last) const {
  while (first < last && (HasRole(first, WordInfo::kLeading) || !IsCap(first))) ++first;
  return first;
}

bool OrgScan::Free(uint32_t first, uint32_t last) const {
  for (uint32_t i = first; i < last; ++i)
    if (owner[i] >= 0) return false;
  return true;
}

bool OrgScan::Covers(uint32_t first, uint32_t last, OtherKind kind) const {
  for (uint32_t i = first; i < last; ++i)
    if (Other(i) == kind) return true;
  return false;
}

void OrgScan::Propose(uint32_t first, uint32_t last, int32_t known, int priority,
                      const char* rule) {
  if (first >= last) return;
  candidates.push_back(
      {first, last, known, priority, rule, static_cast<uint32_t>(candidates.size())});
}

int32_t OrgScan::AddMention(uint32_t first, uint32_t last, int32_t known, int32_t source,
                            const char* rule) {
  if (first >= last || !Free(first, last)) return -1;
  auto id = static_cast<int32_t>(mentions.size());
  mentions.push_back({first, last, known, source, rule, {}});
  for (uint32_t i = first; i < last; ++i) owner[i] = id;
  return id;
}

void OrgScan::SelectCandidates() {
  // The order as proposed breaks the last ties, so that std::sort gives the order of a stable sort
  // (which would allocate a buffer for each document).
  std::sort(candidates.begin(), candidates.end(), [](const OrgCandidate& a, const OrgCandidate& b) {
    uint32_t la = a.last - a.first, lb = b.last - b.first;
    if (la != lb) return la > lb;
    if (a.priority != b.priority) return a.priority > b.priority;
    if (a.first != b.first) return a.first < b.first;
    return a.order < b.order;
  });
  for (const OrgCandidate& c : candidates) AddMention(c.first, c.last, c.known, -1, c.rule);
  candidates.clear();
}

}  // namespace accord::orgs
