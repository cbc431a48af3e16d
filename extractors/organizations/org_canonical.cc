// Phase: one canonical per organization of the document.
//
// Mentions are one organization when one was derived from the other (acronym definition,
// propagation), when they match the same row of the known-organizations table, or when their
// folded spellings are equal ("Telephonica" / "Telefónica"). Each organization's canonical is,
// in order (rule names in parentheses):
//   (canonical-known-in-text) the table's canonical, when the document writes it
//       ("Reuter ... Reuters" -> "Reuters");
//   (canonical-fullest) the fullest name the document writes, acronyms aside
//       ("Cisco" -> "Cisco Systems", "Apple" -> "Apple Computer");
//   (canonical-known) the table's canonical ("N.S.A." -> "National Security Agency");
//   (canonical-as-written) the mention itself.
// Names are written with their whitespace collapsed ("United \nNations" -> "United Nations").
#include <numeric>

#include "extractors/organizations/org_scan.h"

namespace accord::orgs {
namespace {

int32_t FindRoot(std::vector<int32_t>& parent, int32_t x) {
  while (parent[x] != x) {
    parent[x] = parent[parent[x]];
    x = parent[x];
  }
  return x;
}

void Union(std::vector<int32_t>& parent, int32_t a, int32_t b) {
  a = FindRoot(parent, a);
  b = FindRoot(parent, b);
  if (a != b) parent[std::max(a, b)] = std::min(a, b);
}

std::string CollapseSpaces(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool space = false;
  for (char c : s) {
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
      space = !out.empty();
      continue;
    }
    if (c == '>' && space) continue;  // a quote mark at the start of a wrapped line
    if (space) out.push_back(' ');
    space = false;
    out.push_back(c);
  }
  return out;
}

}  // namespace

void AssignCanonicals(OrgScan& scan) {
  auto& ms = scan.mentions;
  const auto count = static_cast<int32_t>(ms.size());
  if (count == 0) return;
  std::vector<int32_t> parent(count);
  std::iota(parent.begin(), parent.end(), 0);
  StringMap<int32_t> by_key;
  std::vector<int32_t> by_known;
  for (int32_t i = 0; i < count; ++i) {
    if (ms[i].source >= 0) Union(parent, i, ms[i].source);
    if (ms[i].known >= 0) {
      if (by_known.size() <= static_cast<size_t>(ms[i].known)) by_known.resize(ms[i].known + 1, -1);
      int32_t& first = by_known[ms[i].known];
      if (first < 0) first = i;
      else Union(parent, i, first);
    }
    auto [it, inserted] = by_key.try_emplace(std::string(scan.toks.Key(ms[i].first, ms[i].last)), i);
    if (!inserted) Union(parent, i, it->second);
  }
  // Per cluster: its known row, whether the text writes the table's canonical, its fullest form.
  struct Cluster {
    int32_t known = -1;
    bool canonical_written = false;
    int32_t fullest = -1;
  };
  std::vector<Cluster> clusters(count);
  for (int32_t i = 0; i < count; ++i) {
    Cluster& c = clusters[FindRoot(parent, i)];
    if (ms[i].known >= 0 && c.known < 0) c.known = ms[i].known;
  }
  for (int32_t i = 0; i < count; ++i) {
    Cluster& c = clusters[FindRoot(parent, i)];
    const OrgMention& m = ms[i];
    if (c.known >= 0 && scan.toks.Key(m.first, m.last) == scan.tables.org(c.known).canonical_key)
      c.canonical_written = true;
    bool acronym = m.last - m.first == 1 && scan.Tok(m.first).Is(OrgToken::kAllCaps);
    if (acronym) continue;
    if (c.fullest < 0) {
      c.fullest = i;
      continue;
    }
    const OrgMention& f = ms[c.fullest];
    uint32_t lm = m.last - m.first, lf = f.last - f.first;
    if (lm > lf || (lm == lf && scan.Tok(m.last - 1).end - scan.Tok(m.first).begin >
                                    scan.Tok(f.last - 1).end - scan.Tok(f.first).begin))
      c.fullest = i;
  }
  for (int32_t i = 0; i < count; ++i) {
    const Cluster& c = clusters[FindRoot(parent, i)];
    OrgMention& m = ms[i];
    auto text_of = [&](const OrgMention& x) {
      return CollapseSpaces(scan.toks.text.substr(
          scan.Tok(x.first).begin, scan.Tok(x.last - 1).end - scan.Tok(x.first).begin));
    };
    if (c.known >= 0 && c.canonical_written) m.canonical = scan.tables.org(c.known).canonical;
    else if (c.fullest >= 0 && (c.known < 0 || ms[c.fullest].last - ms[c.fullest].first > 1 ||
                                ms[c.fullest].known >= 0))
      m.canonical = text_of(ms[c.fullest]);
    else if (c.known >= 0) m.canonical = scan.tables.org(c.known).canonical;
    else m.canonical = text_of(m);
  }
}

}  // namespace accord::orgs
