// Phase: names built on a designator (data/designators.tsv).
//
// Rule "designator-suffix": capitalized words ending in a designator name an organization; a
// chain of designators stays in ("Aer Lingus Group PLC", "Receptors, Inc."), an abbreviation
// keeps its period ("Acme Corp."), and "and"/"&" may join two capitalized words ("Whale and
// Dolphin Conservation Society", "Johnson & Johnson Co.").
//   "Juniper Systems", "Nissan Motor Co.", "Electronic Frontier Foundation", "Houston Chronicle"
// Rule "designator-prefix": a prefix designator followed by "of"/"for"/"on" and capitalized words
// ("University of Texas", "Ministry of Transport, Ports and Shipping", "Federal Bureau of
// Prisons", "Center for Democracy and Technology").
// Both drop leading function words ("The", "Yesterday", "Chairman") and a leading "U.S."/"US":
// "the U.S. Federal Maritime Commission" gives the nation "U.S." (nations stage) and the
// organization "Federal Maritime Commission"; official names with "U.S." come from the known table.
// A bare designator ("the Service", "Council officials") gives nothing, nor do Title Case
// headlines ("Apple Wins Court Battle"), where every word is capitalized.
#include "extractors/organizations/org_scan.h"

namespace accord::orgs {
namespace {

bool IsNationPrefix(const OrgScan& scan, uint32_t i) {
  std::string_view w = scan.Text(i);
  return w == "U.S." || w == "US" || w == "U.S" || w == "USA" || w == "U.S.A.";
}

// Walks left from `k` (exclusive) over capitalized words and the connectors between them.
uint32_t ExtendLeft(const OrgScan& scan, uint32_t k) {
  uint32_t j = k;
  while (j > 0 && scan.toks.Joined(j - 1)) {
    if (scan.IsCap(j - 1) && !scan.TitleLine(j - 1)) {
      --j;
      continue;
    }
    // "Whale and Dolphin Society", but not "Hainan Airlines and Sichuan Airlines".
    if (j >= 2 && scan.IsCap(j - 2) && scan.toks.Joined(j - 2) &&
        (scan.IsWord(j - 1, "and") || scan.IsPunct(j - 1, "&")) &&
        scan.DesignatorAt(j - 2) == nullptr) {
      j -= 2;
      continue;
    }
    break;
  }
  return j;
}

// The start of a name whose words begin at `j`: function words and "U.S." dropped.
uint32_t TrimStart(const OrgScan& scan, uint32_t j, uint32_t k) {
  j = scan.SkipLeading(j, k);
  if (j < k && IsNationPrefix(scan, j)) j = scan.SkipLeading(j + 1, k);
  // A connector cannot open a name.
  while (j < k && !scan.IsCap(j)) ++j;
  return j;
}

const Designator* SuffixAt(const OrgScan& scan, uint32_t i) {
  if (!scan.IsCap(i)) return nullptr;
  const Designator* d = scan.DesignatorAt(i);
  return d != nullptr && (d->position & Designator::kSuffix) ? d : nullptr;
}

// Past the designator at `k`: further designators, ", Inc.", the period of an abbreviation.
uint32_t ExtendChain(const OrgScan& scan, uint32_t k) {
  uint32_t e = k + 1;
  const Designator* d = SuffixAt(scan, k);
  while (true) {
    if (d != nullptr && d->takes_period && scan.IsPunct(e, ".") &&
        scan.Tok(e).begin == scan.Tok(e - 1).end) {
      ++e;
      const Designator* next = SuffixAt(scan, e);
      if (next == nullptr || !next->company) break;
      d = next;
      ++e;
      continue;
    }
    if (scan.IsPunct(e, ",") && scan.toks.Joined(e)) {
      const Designator* next = SuffixAt(scan, e + 1);
      if (next != nullptr && next->company && next->short_form) {
        d = next;
        e += 2;
        continue;
      }
      break;
    }
    const Designator* next = e < scan.toks.size() && scan.toks.Joined(e - 1) ? SuffixAt(scan, e) : nullptr;
    if (next == nullptr || !next->company) break;
    d = next;
    ++e;
  }
  return e;
}

// A name needs a word of its own besides designators: "National Security Agency" has one, "the
// Group Council" has none.
bool HasOwnWord(const OrgScan& scan, uint32_t first, uint32_t last) {
  for (uint32_t i = first; i < last; ++i)
    if (scan.IsCap(i) && scan.DesignatorAt(i) == nullptr) return true;
  return false;
}

void SuffixRule(OrgScan& scan, uint32_t k) {
  if (k == 0 || scan.TitleLine(k)) return;
  // "Receptors, Inc.": a company designator after a comma still ends the name.
  uint32_t left_of = k;
  const Designator* d = SuffixAt(scan, k);
  if (k >= 2 && d != nullptr && d->company && d->short_form && scan.IsPunct(k - 1, ",") &&
      scan.IsCap(k - 2) && scan.toks.Joined(k - 2))
    left_of = k - 1;
  uint32_t start = TrimStart(scan, ExtendLeft(scan, left_of), left_of);
  if (start >= left_of) return;
  if (start >= k) return;
  uint32_t end = ExtendChain(scan, k);
  if (!HasOwnWord(scan, start, left_of)) return;
  if (!scan.toks.SameParagraph(start, end)) return;
  // Inside a longer title the designator is a word of it: "Electronic Communications Privacy
  // Act", "Data Encryption Standard Committee" is left to the designator at its end.
  if (end < scan.toks.size() && scan.toks.Joined(end - 1) && scan.IsCap(end) &&
      !scan.IsPunct(end - 1, ".") &&  // "Nissan Motor Co. Toyota said" ends at the period
      !scan.HasRole(end, WordInfo::kLeading) && scan.Other(end) != OtherKind::kPerson)
    return;
  // A person's name before a generic designator ("Smith Group") is still a name: the people
  // stage and resolve settle it; a name that is only a nation and a designator is left too.
  scan.Propose(start, end, -1, kPriorityDesignator, "designator-suffix");
}

void PrefixRule(OrgScan& scan, uint32_t k) {
  const auto n = static_cast<uint32_t>(scan.toks.size());
  if (scan.TitleLine(k)) return;
  uint32_t i = k + 1;
  // "on" only after a body that deliberates: "Commission on Civil Rights".
  const std::string_view head = scan.Text(k);
  const bool on_ok = head == "Commission" || head == "Committee" || head == "Council";
  if (!(scan.IsWord(i, "of") || scan.IsWord(i, "for") || (on_ok && scan.IsWord(i, "on")))) return;
  if (!scan.toks.Joined(k) || !scan.toks.Joined(i)) return;
  ++i;
  if (scan.IsWord(i, "the") && scan.toks.Joined(i)) ++i;
  if (!scan.IsCap(i) || scan.TitleLine(i)) return;
  uint32_t e = i;
  while (true) {
    uint32_t run = e;
    // Capitalized words, up to a date word ("Office on June 18", "House on Monday").
    while (run < n && scan.IsCap(run) && (run == e || scan.toks.Joined(run - 1)) &&
           !scan.HasRole(run, WordInfo::kLeading) && scan.Other(run) != OtherKind::kDate)
      ++run;
    if (run == e) break;
    e = run;
    // "Association for the Advancement of Science".
    // Not over "of the": "Center for Security Studies of the American Civil Liberties Union"
    // is two bodies.
    if (e + 1 < n && scan.toks.Joined(e) && (scan.IsWord(e, "of") || scan.IsWord(e, "for"))) {
      uint32_t next = e + 1;
      if (scan.IsCap(next) && !scan.HasRole(next, WordInfo::kLeading)) {
        e = next;
        continue;
      }
    }
    // "Standards and Technology", "Alcohol, Tobacco and Firearms"; not "Justice and FBI".
    if (e + 1 < n && scan.toks.Joined(e) && (scan.IsWord(e, "and") || scan.IsPunct(e, "&")) &&
        scan.IsCap(e + 1) && !scan.Tok(e + 1).Is(OrgToken::kAllCaps)) {
      ++e;
      continue;
    }
    if (e + 1 < n && scan.IsPunct(e, ",") && scan.IsCap(e + 1) && scan.toks.Joined(e)) {
      uint32_t next = scan.CapRunEnd(e + 1, false);
      if (next + 1 < n && scan.IsWord(next, "and") && scan.IsCap(next + 1)) {
        e = next + 1;
        continue;
      }
    }
    break;
  }
  if (e == i) return;
  uint32_t start = TrimStart(scan, ExtendLeft(scan, k), k + 1);
  if (start > k) return;
  if (!scan.toks.SameParagraph(start, e)) return;
  scan.Propose(start, e, -1, kPriorityDesignator, "designator-prefix");
}

}  // namespace

// Rule "designator-domain": a capitalized name ending in an Internet domain names an online
// service or publication: "Nando.net", "Detik.com" (never inside a URL, which is one token).
bool IsDomainName(std::string_view w) {
  if (w.size() < 6 || w[w.size() - 4] != '.') return false;
  for (std::string_view tld : {".com", ".net", ".org"})
    if (w.size() > tld.size() + 1 && w.ends_with(tld)) return true;
  return false;
}

void FindDesignatedNames(OrgScan& scan) {
  const char* const text = scan.toks.text.data();
  for (const uint32_t k : scan.caps) {
    const OrgToken& t = scan.Tok(k);
    // The "." four bytes before the end, which IsDomainName asks first, tested here: most
    // capitalized words fail it without a call.
    if (t.end - t.begin >= 6 && text[t.end - 4] == '.' && IsDomainName(scan.Text(k)) &&
        !scan.TitleLine(k)) {
      scan.Propose(k, k + 1, -1, kPriorityDesignator, "designator-domain");
      continue;
    }
    if (scan.words[k] == nullptr) continue;
    const Designator* d = scan.DesignatorAt(k);
    if (d == nullptr) continue;
    if (d->position & Designator::kPrefix) PrefixRule(scan, k);
    if (d->position & Designator::kSuffix) SuffixRule(scan, k);
  }
}

}  // namespace accord::orgs
