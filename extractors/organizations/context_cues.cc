// Phase: organizations told by their context (cue words in data/words.tsv).
//
// Rule "context-appositive": a name followed by ", a/an/the ... <cue head>".
//   "Kaspersky, a Russian firm", "Acme, the Ohio-based maker of ..."
// Rule "context-head-before": a cue head directly before a name.
//   "the Finnish company Nokia", "the airline Ryanair"
// Rule "context-after": a name followed by a cue word ("Acme spokesman", "Acme shareholders").
// Rule "context-possessive": "X's" followed by a possessive cue ("Acme's chief executive",
//   "Acme's shares").
// Rule "context-shares-of": "shares of X".
// Rule "context-list": a list cue and an introducer, then a list of names.
//   "companies including Google, Apple and Amazon", "signatories were Dell, Juniper Systems, the
//   two parts of Hewlett-Packard, Symantec and FireEye", "Two foreign firms, Telephonica of Spain
//   and Nokia of Finland"
// None of them takes a name that a person or nation already covers.
#include "extractors/organizations/org_scan.h"

namespace accord::orgs {
namespace {

constexpr uint32_t kMaxNameTokens = 6;

bool Usable(const OrgScan& scan, uint32_t first, uint32_t last, bool at_sentence_start = false) {
  if (first >= last || last - first > kMaxNameTokens) return false;
  if (scan.Covers(first, last, OtherKind::kPerson) || scan.Covers(first, last, OtherKind::kNation) ||
      scan.Covers(first, last, OtherKind::kDate))
    return false;
  for (uint32_t i = first; i < last; ++i)
    if (scan.TitleLine(i)) return false;
  // A bare designator is a generic noun: "Council officials", "the Agency's chief".
  if (last - first == 1 && scan.DesignatorAt(first) != nullptr) return false;
  // One capitalized word at a sentence start may just be an ordinary word.
  if (!at_sentence_start && last - first == 1 && scan.Tok(first).Is(OrgToken::kSentenceStart) &&
      !scan.Tok(first).Is(OrgToken::kAllCaps))
    return false;
  return true;
}

// The capitalized run that ends just before `end` (with "&"/"and" connectors), trimmed.
uint32_t RunStartBefore(const OrgScan& scan, uint32_t end) {
  uint32_t j = end;
  while (j > 0 && scan.toks.Joined(j - 1) && end - j < kMaxNameTokens) {
    if (scan.IsCap(j - 1)) {
      --j;
      continue;
    }
    if (j >= 2 && scan.IsCap(j - 2) && scan.IsPunct(j - 1, "&")) {
      j -= 2;
      continue;
    }
    break;
  }
  return scan.SkipLeading(j, end);
}

bool IsPossessiveAt(const OrgScan& scan, uint32_t i) {
  return (scan.IsPunct(i, "'") || scan.IsPunct(i, "\xE2\x80\x99")) && scan.IsWord(i + 1, "s");
}

void Appositive(OrgScan& scan, uint32_t comma) {
  const auto n = static_cast<uint32_t>(scan.toks.size());
  uint32_t i = comma + 1;
  if (!(scan.IsWord(i, "a") || scan.IsWord(i, "an") || scan.IsWord(i, "the"))) return;
  for (uint32_t j = i + 1; j < n && j <= i + 5; ++j) {
    const OrgToken& t = scan.Tok(j);
    if (!t.Is(OrgToken::kWord)) {
      if (scan.IsPunct(j, "-")) continue;
      return;
    }
    if (scan.HasRole(j, WordInfo::kCueHead)) {
      uint32_t start = RunStartBefore(scan, comma);
      if (Usable(scan, start, comma)) scan.Propose(start, comma, -1, kPriorityContext, "context-appositive");
      return;
    }
  }
}

// Parses "X, Y and Z" from `i`; each item may open with lowercase words ("the two parts of").
void ListItems(OrgScan& scan, uint32_t i) {
  const auto n = static_cast<uint32_t>(scan.toks.size());
  for (int items = 0; items < 12 && i < n; ++items) {
    uint32_t skipped = 0;
    while (i < n && scan.toks.Joined(i - 1) && scan.Tok(i).Is(OrgToken::kWord) && !scan.IsCap(i) &&
           skipped < 7) {
      ++i;
      ++skipped;
    }
    if (!scan.IsCap(i) || !scan.toks.Joined(i - 1)) return;
    uint32_t e = i;
    while (e < n && scan.IsCap(e) && e - i < kMaxNameTokens && (e == i || scan.toks.Joined(e - 1))) ++e;
    uint32_t start = scan.SkipLeading(i, e);
    if (Usable(scan, start, e)) scan.Propose(start, e, -1, kPriorityContext, "context-list");
    i = e;
    if (scan.IsWord(i, "of") && scan.IsCap(i + 1)) i += 2;  // "Nokia of Finland"
    if (scan.IsPunct(i, ",")) ++i;
    if (scan.IsWord(i, "and") || scan.IsWord(i, "or")) {
      ++i;
    } else if (!scan.IsPunct(i - 1, ",")) {
      return;
    }
  }
}

void ListCue(OrgScan& scan, uint32_t cue) {
  const auto n = static_cast<uint32_t>(scan.toks.size());
  for (uint32_t j = cue + 1; j < n && j <= cue + 5; ++j) {
    if (scan.IsPunct(j, ".") || scan.IsPunct(j, ";")) return;
    if ((j == cue + 1 && (scan.IsPunct(j, ",") || scan.IsPunct(j, ":"))) ||
        scan.HasRole(j, WordInfo::kListIntro)) {
      uint32_t from = j + 1;
      if (scan.IsWord(j, "such") && scan.IsWord(from, "as")) ++from;
      if (from < n) ListItems(scan, from);
      return;
    }
  }
}

}  // namespace

void FindContextCues(OrgScan& scan) {
  const auto n = static_cast<uint32_t>(scan.toks.size());
  // Every rule opens at punctuation or at a word with an entry in the word tables ("shares" has
  // one, see OrgTables::Parse): the loop visits those (OrgScan::listed).
  for (const uint32_t i : scan.listed) {
    const OrgToken& t = scan.Tok(i);
    if (t.Is(OrgToken::kPunct)) {
      // Only "," and the apostrophes ("'", the three bytes of "’") open a rule here.
      if (t.punct != ',' && t.punct != '\'' && (t.punct != 0 || t.end - t.begin != 3)) continue;
      if (scan.IsPunct(i, ",") && i > 0 && scan.IsCap(i - 1)) Appositive(scan, i);
      if (IsPossessiveAt(scan, i) && i > 0 && scan.IsCap(i - 1) && i + 2 < n &&
          scan.HasRole(i + 2, WordInfo::kPossessiveCue)) {
        uint32_t start = RunStartBefore(scan, i);
        // "Zentrix's chief executive" may open a sentence: the cue is specific enough.
        if (Usable(scan, start, i, /*at_sentence_start=*/true))
          scan.Propose(start, i, -1, kPriorityContext, "context-possessive");
      }
      continue;
    }
    if (!t.Is(OrgToken::kWord) || t.Is(OrgToken::kCapitalized)) continue;
    const std::string_view w = scan.Text(i);
    if (scan.HasRole(i, WordInfo::kAfterCue) && i > 0 && scan.IsCap(i - 1) && scan.toks.Joined(i - 1)) {
      uint32_t start = RunStartBefore(scan, i);
      if (Usable(scan, start, i)) scan.Propose(start, i, -1, kPriorityContext, "context-after");
    }
    if (scan.HasRole(i, WordInfo::kCueHead) && scan.IsCap(i + 1) && scan.toks.Joined(i) && i > 0 &&
        (scan.IsWord(i - 1, "the") || scan.Tok(i - 1).Is(OrgToken::kCapitalized))) {
      uint32_t e = scan.CapRunEnd(i + 1, false);
      uint32_t start = scan.SkipLeading(i + 1, e);
      if (Usable(scan, start, e)) scan.Propose(start, e, -1, kPriorityContext, "context-head-before");
    }
    if (w == "shares" && scan.IsWord(i + 1, "of") && scan.IsCap(i + 2)) {
      uint32_t e = scan.CapRunEnd(i + 2, false);
      uint32_t start = scan.SkipLeading(i + 2, e);
      if (Usable(scan, start, e)) scan.Propose(start, e, -1, kPriorityContext, "context-shares-of");
    }
    if (scan.HasRole(i, WordInfo::kListCue)) ListCue(scan, i);
  }
}

}  // namespace accord::orgs
