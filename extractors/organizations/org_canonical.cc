// Phase: one canonical per organization of the document.
//
// Mentions are one organization (rules in parentheses) when one was derived from the other
// (same-derivation: acronym definition, propagation), when they match the same row of the
// known-organizations table (same-known-row), when their folded spellings are equal
// (same-spelling: "Telephonica" / "Telefónica"), when one is the other without its company
// designators (same-short-form: "Aer Lingus" / "Aer Lingus Group PLC", "Toyota" / "Toyota Motor
// Corp."), or when an acronym's letters are the initials of a name of the document
// (same-initials: "EADS" / "European Aeronautic Defence & Space NV").
// Each organization's canonical is, in order:
//   (canonical-fullest) the fullest name the document writes, acronyms aside
//       ("Cisco" -> "Cisco Systems", "Apple" -> "Apple Computer"), except that the table's
//       canonical, as the document writes it, wins when it is as full ("Telephonica ...
//       Telefónica" -> "Telefónica") and a one-word name yields to the table's one-word canonical
//       ("Reuter" -> "Reuters");
//   (canonical-known) the table's canonical ("N.S.A." -> "National Security Agency");
//   (canonical-as-written) the mention itself.
// Names are written with their whitespace collapsed ("United \nNations" -> "United Nations").
#include <algorithm>
#include <array>
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

}  // namespace

std::string CollapseSpaces(std::string_view s) {
  // Most names are written on one line with single spaces (and, as tokens bound them, no space
  // at either end): they stay as they are.
  bool plain = true;
  for (size_t k = 0; k < s.size() && plain; ++k) {
    const char c = s[k];
    if (static_cast<unsigned char>(c) > ' ') continue;  // no whitespace: one compare a byte
    plain = !(c == '\n' || c == '\t' || c == '\r' ||
              (c == ' ' && (k == 0 || k + 1 == s.size() || s[k + 1] == ' ' || s[k + 1] == '>')));
  }
  if (plain) return std::string(s);
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

void AssignCanonicals(OrgScan& scan) {
  auto& ms = scan.mentions;
  const auto count = static_cast<int32_t>(ms.size());
  if (count == 0) return;
  // Per-thread buffers, kept across documents so that a document allocates none once they grew.
  thread_local std::vector<int32_t> parent;
  parent.resize(count);
  std::iota(parent.begin(), parent.end(), 0);
  // Known row -> its first mention. Kept across documents: entries are set back to -1 after use.
  thread_local std::vector<int32_t> by_known;
  // same-spelling and same-short-form (names equal once their trailing company designators are
  // dropped) share one table of keys, so that the many names without designators, whose short
  // form is the name, are hashed once: key -> index of `firsts`, which holds the first mention
  // with the key as its name and as its short form.
  DocIndex& keys = scan.scratch.index_a;
  keys.Clear();
  thread_local std::vector<std::array<int32_t, 2>> firsts;
  firsts.clear();
  auto key_slot = [&](std::string_view key) {
    auto [slot, added] = keys.Insert(key, static_cast<int32_t>(firsts.size()));
    if (added) firsts.push_back({-1, -1});
    return *slot;
  };
  // Unions mention i with the first one seen in `first`, or makes i that one.
  auto join_first = [&](int32_t& first, int32_t i) {
    if (first < 0) first = i;
    else Union(parent, i, first);
  };
  for (int32_t i = 0; i < count; ++i) {
    const OrgMention& m = ms[i];
    if (m.source >= 0) Union(parent, i, m.source);
    if (m.known >= 0) {
      if (by_known.size() <= static_cast<size_t>(m.known)) by_known.resize(m.known + 1, -1);
      join_first(by_known[m.known], i);
    }
    uint32_t short_last = m.last;
    while (short_last > m.first + 1) {
      if (scan.IsPunct(short_last - 1, ".") || scan.IsPunct(short_last - 1, ",")) {
        --short_last;
        continue;
      }
      const Designator* d = scan.DesignatorAt(short_last - 1);
      if (d == nullptr || !d->company) break;
      --short_last;
    }
    const int32_t name = key_slot(scan.toks.Key(m.first, m.last));
    join_first(firsts[name][0], i);
    const int32_t short_form =
        short_last == m.last ? name : key_slot(scan.toks.Key(m.first, short_last));
    join_first(firsts[short_form][1], i);
  }
  for (int32_t i = 0; i < count; ++i)
    if (ms[i].known >= 0) by_known[ms[i].known] = -1;
  // same-initials: an acronym and a longer name whose initials it spells. The initials of each
  // longer name are gathered once, into one buffer, when the document has an acronym to match.
  auto is_acronym = [&](const OrgMention& m) {
    return m.last - m.first == 1 && scan.Tok(m.first).Is(OrgToken::kAllCaps) && m.source < 0;
  };
  bool any_acronym = false;
  for (int32_t i = 0; i < count && !any_acronym; ++i) any_acronym = is_acronym(ms[i]);
  thread_local std::string initials;
  thread_local std::vector<uint32_t> initials_end;  // per mention: the end of its initials
  initials.clear();
  initials_end.clear();
  for (int32_t j = 0; j < count && any_acronym; ++j) {
    if (ms[j].last - ms[j].first >= 2) NameInitials(scan, ms[j].first, ms[j].last, initials);
    initials_end.push_back(static_cast<uint32_t>(initials.size()));
  }
  thread_local std::string letters;
  for (int32_t i = 0; i < count; ++i) {
    if (!is_acronym(ms[i])) continue;
    letters.clear();
    AcronymLetters(scan, ms[i].first, letters);
    if (letters.size() < 2) continue;  // spells nothing
    for (int32_t j = 0; j < count; ++j) {
      if (ms[j].last - ms[j].first < 2) continue;
      if (ms[i].known >= 0 && ms[j].known >= 0 && ms[i].known != ms[j].known) continue;
      const uint32_t begin = j == 0 ? 0 : initials_end[j - 1];
      if (InitialsSpell(letters, std::string_view(initials).substr(begin, initials_end[j] - begin))) {
        Union(parent, i, j);
        break;
      }
    }
  }
  // Per cluster: its known row, whether the text writes the table's canonical, its fullest form.
  struct Cluster {
    int32_t known = -1;
    int32_t canonical_written = -1;  // a mention that writes the table's canonical
    int32_t fullest = -1;
  };
  thread_local std::vector<Cluster> clusters;
  clusters.assign(count, Cluster{});
  for (int32_t i = 0; i < count; ++i) {
    Cluster& c = clusters[FindRoot(parent, i)];
    if (ms[i].known >= 0 && c.known < 0) c.known = ms[i].known;
  }
  for (int32_t i = 0; i < count; ++i) {
    Cluster& c = clusters[FindRoot(parent, i)];
    const OrgMention& m = ms[i];
    if (c.known >= 0 && scan.toks.Key(m.first, m.last) == scan.tables.org(c.known).canonical_key) {
      // The first mention that folds to the table's canonical; one spelled exactly so is better.
      std::string_view written = scan.toks.text.substr(
          scan.Tok(m.first).begin, scan.Tok(m.last - 1).end - scan.Tok(m.first).begin);
      if (c.canonical_written < 0 || written == scan.tables.org(c.known).canonical)
        c.canonical_written = i;
    }
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
    const KnownOrg* known = c.known >= 0 ? &scan.tables.org(c.known) : nullptr;
    if (c.fullest >= 0) {
      const OrgMention& f = ms[c.fullest];
      const bool one_word = f.last - f.first == 1;
      const bool canonical_as_full =
          known != nullptr && c.canonical_written >= 0 &&
          static_cast<uint32_t>(std::count(known->canonical_key.begin(), known->canonical_key.end(), ' ') + 1) >=
              f.last - f.first;
      if (canonical_as_full)
        m.canonical = text_of(ms[c.canonical_written]);  // "Telephonica" -> "Telefónica"
      else if (known != nullptr && one_word && known->canonical_key.find(' ') == std::string::npos)
        m.canonical = known->canonical;  // "Reuter" -> "Reuters"
      else
        m.canonical = text_of(f);
    } else if (known != nullptr) {
      m.canonical = known->canonical;
    } else {
      m.canonical = text_of(m);
    }
  }
}

}  // namespace accord::orgs
