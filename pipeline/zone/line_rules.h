// The line rules of zoning: what one line of a message body looks like. Each line (without its
// "> " quote prefix and surrounding spaces) is matched once against all rules; the result is a
// bit set the zoner (zoner.cc) reads. A cheap test decides most rules on most lines; the rules
// it leaves open run as single RE2s, each compiled on its first use, in a short Latin form on
// lines without characters beyond Latin-1 (the full Unicode forms of byline and dateline are
// slow to compile). All rules at once, in one RE2::Set, is the plain meaning the tests compare
// with. Every rule has a name and examples in tests/unit/zone_test.cc.
#pragma once

#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include <re2/re2.h>
#include <re2/set.h>

namespace accord::zone {

enum LineRule : uint32_t {
  kFooterRule,          // "_______________________________________________" (Mailman)
  kFooterMailingList,   // "Netwatch mailing list"
  kFooterListinfo,      // "https://lists.example.net/mailman/listinfo/netwatch", "To unsubscribe..."
  kSignatureDelimiter,  // "-- "
  kPgpSignedBegin,      // "-----BEGIN PGP SIGNED MESSAGE-----"
  kPgpHash,             // "Hash: SHA1"
  kPgpSignatureBegin,   // "-----BEGIN PGP SIGNATURE-----"
  kPgpSignatureEnd,     // "-----END PGP SIGNATURE-----"
  kForwardMarker,       // "---------- Forwarded message ----------", "begin forwarded text"
  kForwardEnd,          // "end forwarded text"
  kHeaderLine,          // "From: Jane Roe <jane@example.org>", "Newsgroups: comp.org.eff.news"
  kUrlLine,             // "https://www.nytimes.com/2018/04/17/us/politics/accord.html"
  kBoilerplate,         // "Order Reprints | Today's Paper | Subscribe", "Advertisement"
  kAttribution,         // "On Tue, 3 Mar 1998, Jane Roe wrote:", "In article <x@y>, jr@z writes:"
  kByline,              // "By David E. Sanger", "By JOE ABERNATHY"
  kDatelineStart,       // "WASHINGTON —", "LOS ANGELES (Reuter) --", "Tokyo (AP) --"
  kWireSlug,            // "AP 09/21 0844  Encryption Software", "9/13/94 Company Plans ..."
  kCopyright,           // "Copyright 1994, Denver Ledger", "(c) 1996 Nando.net"
  kElision,             // "[...]", "[snip]", "..."
  kClosingCredit,       // "(Steve Gold/19940304)"
  kSourceLine,          // "From the Boston Globe Op-Ed Page", "Source: Reuters"
  kFirstPerson,         // "I think", "my view", "we'd" (a forwarder's voice)
  kSeparator,           // "-------------------", "=-=-=-= cut here =-=-=-="
  kLineRuleCount,
};

using LineRuleSet = uint32_t;
inline bool Has(LineRuleSet s, LineRule r) { return (s >> r) & 1u; }

std::string_view LineRuleName(LineRule r);

// On a line whose characters beyond ASCII are all Latin-1 (U+0080-U+00FF) or general
// punctuation (U+2000-U+206F), valid UTF-8 (LatinLine), a pattern's \p{Lu} and \p{L} take the
// same characters as the short classes LatinForm puts in their place.
bool LatinLine(std::string_view line);
std::string LatinForm(std::string_view pattern);

// Where the author's name ends in what follows a byline's "By": the first place where one of
// ", ", " - ", " -- ", " — ", "|", "(", ";", "  ", "\t", "/" starts (the least of their
// rest.find()), or rest.size().
size_t BylineCut(std::string_view rest);

// The most common shape of a dateline, read without RE2: "WASHINGTON —", "LOS ANGELES -- ",
// "FORT-DE-FRANCE - ...": two or more capitals, ".", "'" (ASCII), up to three more such words
// after a space or "-", spaces, then "--", "—", "–" or "-" before white space or the end. Such a
// line matches the dateline rule; false says nothing (the rule's pattern decides).
bool CommonDateline(std::string_view line);

class LineRules {
 public:
  static const LineRules& Get();  // compiled once, shared by all threads

  // The rules that match `line` (already stripped of its quote prefix and outer spaces).
  // A cheap test of the literals and first/last bytes the rules need decides every rule on
  // most lines of body text; each rule it cannot decide runs as its own RE2.
  LineRuleSet Match(std::string_view line) const;
  // The same, with the trigger bits (line_scan.h ByteBits::trigger) of the text `line` lies in,
  // from `at` on: line == text.substr(at, line.size()). The zoner finds them once for a whole
  // document.
  LineRuleSet Match(std::string_view line, const std::vector<uint64_t>& trigger, size_t at) const;
  // The same, always through one RE2::Set of all the rules (tests check that Match agrees
  // with it). The Set is compiled on the first call.
  LineRuleSet MatchWithoutPrefilter(std::string_view line) const;

  // The list name of a kFooterMailingList line ("Netwatch"), or "".
  std::string ListName(std::string_view line) const;
  // The author of a kByline line: "By JOE ABERNATHY, Chronicle" → "Joe Abernathy".
  std::string BylineAuthor(std::string_view line) const;
  // The same, always through the byline_ pattern (tests check that the two agree).
  std::string BylineAuthorByRegex(std::string_view line) const;
  // The author of a kClosingCredit line: "(Steve Gold/19940304)" → "Steve Gold".
  std::string ClosingCreditAuthor(std::string_view line) const;
  // The URL of a kUrlLine line, without "<>", "[From ...]" or "URL:".
  std::string Url(std::string_view line) const;
  // The same, always through the url_ pattern (tests check that the two agree).
  std::string UrlByRegex(std::string_view line) const;
  // The headline that follows the date of a kWireSlug line ("Encryption Software"), or "".
  std::string SlugTitle(std::string_view line) const;

 private:
  LineRules();
  // The pattern of rule r, compiled on first use; with `latin`, its form for a line whose
  // characters beyond ASCII are all Latin-1 or general punctuation (line_rules.cc LatinLine).
  const RE2& RuleRegex(LineRule r, bool latin) const;
  const RE2::Set& AllRules() const;  // compiled on first use

  mutable std::once_flag rule_once_[2][kLineRuleCount];
  mutable std::unique_ptr<RE2> rule_[2][kLineRuleCount];
  mutable std::once_flag set_once_;
  mutable std::unique_ptr<RE2::Set> set_;
  std::unique_ptr<RE2> list_name_, byline_, closing_credit_, url_;
};

}  // namespace accord::zone
