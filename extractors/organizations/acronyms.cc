// Phase: acronym definitions.
//
// Rule "acronym-definition": an organization's name followed by an acronym in parentheses
// defines the acronym: the acronym there, and alone later (propagation.cc), names the same
// organization, with the same canonical.
//   "Federal Bureau of Investigation (FBI)", "Marine Mammal Protection League (MMPL)",
//   "European Aeronautic Defence and Space Company EADS N.V. (EADS)"
// Rule "acronym-first": an acronym followed by its organization's name in parentheses:
//   "the WDCS (Whale and Dolphin Conservation Society)".
#include "extractors/organizations/org_scan.h"

namespace accord::orgs {
namespace {

bool IsAcronym(const OrgScan& scan, uint32_t i) {
  if (i >= scan.toks.size() || !scan.Tok(i).Is(OrgToken::kAllCaps)) return false;
  std::string_view w = scan.Text(i);
  return w.size() >= 2 && w.size() <= 12;
}

}  // namespace

void AcronymLetters(const OrgScan& scan, uint32_t acronym, std::string& out) {
  for (char c : scan.Text(acronym))
    if (c >= 'A' && c <= 'Z') out.push_back(c);
}

void NameInitials(const OrgScan& scan, uint32_t first, uint32_t last, std::string& out) {
  for (uint32_t i = first; i < last; ++i) {
    if (!scan.IsCap(i)) continue;
    std::string_view w = scan.Text(i);
    for (size_t p = 0; p < w.size(); ++p)  // "Hewlett-Packard" gives H and P
      if ((p == 0 || w[p - 1] == '-') && w[p] >= 'A' && w[p] <= 'Z') out.push_back(w[p]);
  }
}

bool InitialsSpell(std::string_view letters, std::string_view initials) {
  // All the initials, or the first ones: the acronym may leave out designators at the end
  // ("EADS" for "... Space Company N.V.").
  return letters.size() >= 2 && initials.starts_with(letters);
}

bool InitialsMatch(const OrgScan& scan, uint32_t acronym, uint32_t first, uint32_t last) {
  std::string letters, initials;
  AcronymLetters(scan, acronym, letters);
  NameInitials(scan, first, last, initials);
  return InitialsSpell(letters, initials);
}

void FindAcronymDefinitions(OrgScan& scan) {
  const auto n = static_cast<uint32_t>(scan.toks.size());
  // Both rules hinge on a "(": find those first (a document has few), among the punctuation
  // (OrgScan::listed holds it, in order).
  thread_local std::vector<uint32_t> parens;
  parens.clear();
  for (const uint32_t i : scan.listed)
    if (i >= 1 && i + 2 < n && scan.Tok(i).punct == '(') parens.push_back(i);
  for (uint32_t i : parens) {
    if (!scan.IsPunct(i + 2, ")")) continue;
    int32_t before = scan.owner[i - 1];
    if (IsAcronym(scan, i + 1) && before >= 0 && scan.mentions[before].last == i &&
        scan.owner[i + 1] < 0) {
      scan.AddMention(i + 1, i + 2, scan.mentions[before].known, before, "acronym-definition");
    }
  }
  // "ACRONYM (Full Name)": the full name is a mention ending before ")".
  for (uint32_t i : parens) {
    if (!IsAcronym(scan, i - 1) || scan.owner[i - 1] >= 0) continue;
    int32_t inside = scan.owner[i + 1];
    if (inside < 0) continue;
    const OrgMention& m = scan.mentions[inside];
    if (m.first != i + 1 || !scan.IsPunct(m.last, ")") || m.last - m.first < 2) continue;
    if (!InitialsMatch(scan, i - 1, m.first, m.last)) continue;  // not "WASHINGTON (Reuter)"

    scan.AddMention(i - 1, i, m.known, inside, "acronym-first");
  }
}

}  // namespace accord::orgs
