// Phase: acronym definitions.
//
// Rule "acronym-definition": an organization's name followed by an acronym in parentheses
// defines the acronym: the acronym there, and alone later (propagation.cc), names the same
// organization, with the same canonical.
//   "Federal Bureau of Investigation (FBI)", "Whale and Dolphin Conservation Society (WDCS)",
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

void FindAcronymDefinitions(OrgScan& scan) {
  const auto n = static_cast<uint32_t>(scan.toks.size());
  for (uint32_t i = 1; i + 2 < n; ++i) {
    if (!scan.IsPunct(i, "(") || !scan.IsPunct(i + 2, ")")) continue;
    int32_t before = scan.owner[i - 1];
    if (IsAcronym(scan, i + 1) && before >= 0 && scan.mentions[before].last == i &&
        scan.owner[i + 1] < 0) {
      scan.AddMention(i + 1, i + 2, scan.mentions[before].known, before, "acronym-definition");
    }
  }
  // "ACRONYM (Full Name)": the full name is a mention ending before ")".
  for (uint32_t i = 1; i + 2 < n; ++i) {
    if (!scan.IsPunct(i, "(") || !IsAcronym(scan, i - 1) || scan.owner[i - 1] >= 0) continue;
    int32_t inside = scan.owner[i + 1];
    if (inside < 0) continue;
    const OrgMention& m = scan.mentions[inside];
    if (m.first != i + 1 || !scan.IsPunct(m.last, ")")) continue;
    scan.AddMention(i - 1, i, m.known, inside, "acronym-first");
  }
}

}  // namespace accord::orgs
