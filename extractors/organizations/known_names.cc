// Phase: names and aliases of the known-organizations table (data/known_organizations.tsv).
//
// Rule "known-name": the longest token sequence whose folded key is an alias of a known
// organization, when the text's letter case fits the alias ("AP" needs capitals, so "ap" or
// "Ap" is not the Associated Press) and, for an alias that is a common word ("Apple", "Oracle"),
// the word does not merely open a sentence or a line.
//   "the F.B.I. said" -> "F.B.I." (Federal Bureau of Investigation)
//   "Telephonica of Spain" -> "Telephonica" (Telefónica, by the ph -> f fold)
// Rule "product-model": a company name directly followed by a model code of letters and digits
// names a product, not the company: "an Airbus A380", "a Lockheed C-130" give nothing (a bare
// number does not count: "Boeing 787" keeps "Boeing").
#include "extractors/organizations/org_scan.h"

namespace accord::orgs {

bool CaseFits(const OrgScan& scan, uint32_t first, const std::vector<CaseNeed>& needs) {
  for (size_t k = 0; k < needs.size(); ++k) {
    const OrgToken& t = scan.Tok(first + k);
    if (needs[k] == CaseNeed::kCapitalized && !t.Is(OrgToken::kCapitalized) &&
        !t.Is(OrgToken::kNumber) && !t.Is(OrgToken::kPunct))
      return false;
    if (needs[k] == CaseNeed::kAllCaps && !t.Is(OrgToken::kAllCaps)) return false;
  }
  return true;
}

bool FollowedByModelNumber(const OrgScan& scan, uint32_t last) {
  if (last >= scan.toks.size() || !scan.toks.Joined(last - 1)) return false;
  const OrgToken& t = scan.Tok(last);
  // A bare number is not enough ("60 Boeing 787 aircraft" still names Boeing, as annotators
  // read it); a letter-and-digit model code is ("Airbus A380").
  if (!t.Is(OrgToken::kWord)) return false;
  std::string_view w = scan.Text(last);
  // "A380", "B-52", "MD-11": letters then digits.
  bool digit = false;
  for (char c : w) digit |= (c >= '0' && c <= '9');
  return digit && w.size() <= 8;
}

// An all-caps acronym inside an all-caps line ("TECH WHO CARES") is a word, not a name.
static bool InShoutedLine(const OrgScan& scan, uint32_t i) {
  auto shouted = [&](size_t j) {
    return j < scan.toks.size() && scan.Tok(j).Is(OrgToken::kAllCaps) &&
           !scan.Tok(j).Is(OrgToken::kDottedAcronym) && scan.Text(j).size() >= 4 &&
           scan.tables.FindAlias(scan.toks.Key(j, j + 1)) == nullptr;
  };
  return (i > 0 && shouted(i - 1)) || shouted(i + 1);
}

void FindKnownNames(OrgScan& scan) {
  const OrgTables& tables = scan.tables;
  const auto n = static_cast<uint32_t>(scan.toks.size());
  // Every alias opens with a capital ("eBay" aside, which the table leaves out): the loop visits
  // the capitalized words whose key the alias-start sieve lets through (OrgScan::alias_caps).
  for (const uint32_t i : scan.alias_caps) {
    const OrgToken& t = scan.Tok(i);
    // Grow the key while it is an alias prefix; remember the longest alias that fits.
    const uint32_t max_len = std::min<uint32_t>(tables.max_alias_tokens(), n - i);
    uint32_t best_len = 0;
    const KnownAlias* best = nullptr;
    for (uint32_t len = 1; len <= max_len; ++len) {
      const KnownAlias* alias = nullptr;
      if (!tables.FindAliasOrPrefix(scan.toks.Key(i, i + len), alias)) break;
      if (alias == nullptr) continue;
      // One alias may be written in other tokens ("Time-Warner" / "Time Warner"): then only
      // the first letter's case is checked.
      bool fits = alias->case_needs.size() == len ? CaseFits(scan, i, alias->case_needs)
                                                  : t.Is(OrgToken::kCapitalized);
      if (!scan.toks.SameParagraph(i, i + len) || !fits) continue;
      if (alias->common_word && (t.Is(OrgToken::kSentenceStart) || t.Is(OrgToken::kLineStart)))
        continue;
      if (len == 1 && alias->case_needs[0] == CaseNeed::kAllCaps && InShoutedLine(scan, i))
        continue;
      best = alias;
      best_len = len;
    }
    if (best == nullptr) continue;
    if (tables.org(best->org).kind == "company" && FollowedByModelNumber(scan, i + best_len)) continue;
    uint32_t first = i;
    if (best_len > 1 && scan.toks.Key(i, i + 1) == "the") ++first;  // "The Associated Press"
    scan.Propose(first, i + best_len, best->org, kPriorityKnown, "known-name");
  }
}

}  // namespace accord::orgs
