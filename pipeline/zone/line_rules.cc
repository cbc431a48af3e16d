#include "pipeline/zone/line_rules.h"

#include <algorithm>
#include <bit>
#include <span>
#include <vector>

#include "pipeline/utf8.h"
#include "pipeline/zone/line_scan.h"

namespace accord::zone {

size_t BylineCut(std::string_view rest) {
  for (size_t i = 0; i < rest.size(); ++i) {
    const std::string_view at = rest.substr(i);
    switch (rest[i]) {
      case '|': case '(': case ';': case '\t': case '/': return i;
      case ',':
        if (at.starts_with(", ")) return i;
        break;
      case ' ':
        if (at.starts_with(" - ") || at.starts_with(" -- ") || at.starts_with(" \xE2\x80\x94 ") ||
            at.starts_with("  "))
          return i;
        break;
      default: break;
    }
  }
  return rest.size();
}

namespace {

struct RuleDef {
  LineRule rule;
  const char* name;
  const char* pattern;
};

// Patterns match one line without its quote prefix and outer spaces.
const RuleDef kRules[] = {
    {kFooterRule, "footer-rule", "^_{15,}$"},
    {kFooterMailingList, "footer-mailing-list", "^.+ (?i:mailing list)$"},
    {kFooterListinfo, "footer-listinfo",
     "(?i)(?:mailman/listinfo|/mailman/options|/listinfo/|to unsubscribe|unsubscribe send|"
     "majordomo@|listserv@|-request@|^reply via email to|^you are subscribed|"
     "^you received this message because)"},
    {kSignatureDelimiter, "signature-delimiter", "^--$"},
    {kPgpSignedBegin, "pgp-signed-begin", "^(?:- )?-----BEGIN PGP SIGNED MESSAGE-----"},
    {kPgpHash, "pgp-hash", "^Hash: [A-Za-z0-9, -]+$"},
    {kPgpSignatureBegin, "pgp-signature-begin", "^(?:- )?-----BEGIN PGP SIGNATURE-----"},
    {kPgpSignatureEnd, "pgp-signature-end", "^(?:- )?-----END PGP SIGNATURE-----"},
    {kForwardMarker, "forward-marker",
     "(?i)^[-=*_ <>]*(?:forwarded message|begin forwarded (?:text|message)|original message|"
     "forwarded by\\b|forwarded article|message forwarded|begin included message|"
     "start of forwarded message|forwarded text)\\b.*$"},
    {kForwardEnd, "forward-end",
     "(?i)^[-=*_ <>]*end (?:of )?(?:forwarded|included|original) (?:text|message)[-=*_ <>]*$"},
    {kHeaderLine, "header-line",
     "^(?:(?:From|To|Cc|CC|Bcc|Date|Sent|Subject|Newsgroups|Message-I[Dd]|Path|Organi[sz]ation|"
     "Lines|Reply-To|Sender|Return-Path|Received|X-[A-Za-z0-9-]+|Followup-To|References|"
     "In-Reply-To|Distribution|Keywords|Summary|Approved|Xref|M[Ii][Mm][Ee]-Version|"
     "Content-Type|Content-Transfer-Encoding|NNTP-Posting-Host|Precedence|Status|"
     "Resent-[A-Za-z]+|Posted-Date|Expires|Apparently-To|Mailing-List|List-[A-Za-z]+|"
     "Delivered-To|Errors-To|Priority|Importance|Article-I\\.D\\.):[ \\t]*\\S|"
     "From \\S+ +(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) )"},
    {kUrlLine, "url-line",
     "^[<\\[(]*(?:(?i:url|source|link|from|via|see|at|on the web)\\s*:?\\s+)?<?"
     "(?i:https?://|ftp://|www\\.)[^\\s<>]+>?\\s*[\\])>.]*$"},
    {kBoilerplate, "boilerplate",
     "(?i)(?:order reprints|today['’]s paper|\\|\\s*subscribe\\b|^advertisement$|^click here\\b|"
     "^sponsored by\\b|^\\[?(?:image|graphic|photo|video)\\]?$|^share this\\b|^e-?mail this\\b|"
     "^print this\\b|^related (?:stories|articles|links)\\b|^follow us\\b|"
     "^subscribe (?:now|today)\\b|^\\(?adv\\.?\\)?$|^back to (?:the )?top\\b|^top of page$|"
     "^home \\|)"},
    {kAttribution, "reply-attribution",
     "(?i)^(?:on\\s.+\\s(?:wrote|writes|said):|in (?:article|message|<).*"
     "(?:wrote|writes):?|.+\\s(?:writes|wrote):)$"},
    {kByline, "byline",
     "^(?:By|BY):?\\s+(?:the\\s+|The\\s+)?\\p{Lu}[\\p{L}.'’-]*(?:[ ]+[\\p{L}.'’&-]+){0,8}"
     "(?:\\s*[,/|(;-].*)?$"},
    {kDatelineStart, "dateline",
     "^(?:\\p{Lu}[\\p{Lu}.'’]+(?:[ -]\\p{Lu}[\\p{Lu}.'’]+){0,3}(?:,[^-—–(]+)?\\s*"
     "(?:\\([^)]+\\))?|\\p{Lu}[\\p{L}.'’]+(?:[ ,]+[\\p{L}.'’]+){0,5}\\s*"
     "\\((?:AP|Reuters?|UPI|AFP|NB|Bloomberg|CNN|Xinhua|dpa|IPS|KRT|CP|PA|IDG|Newsbytes|"
     "\\p{Lu}\\p{L}+ News(?: Service)?)\\))\\s*(?:\\[[^\\]]+\\])?\\s*(?:--|—|–|-)(?:\\s|$)"},
    {kWireSlug, "wire-slug",
     "^(?:(?:AP|UPI|WP|Reuters?|AFP|DJ|BC)\\b.*\\b\\d{1,2}/\\d{1,2}\\b|"
     "\\d{1,2}/\\d{1,2}/\\d{2,4}\\s+\\p{Lu})"},
    {kCopyright, "copyright",
     "(?i)^[\\\\\\s_>]*(?:copyright\\b|\\(c\\)\\s*(?:copyright\\s*)?\\d{4}|©|&copy|"
     "all rights reserved)"},
    {kElision, "elision",
     "(?i)^(?:\\[\\s*(?:\\.\\.\\.|…|snip\\w*|deleted|cut|edited|omitted)[^\\]]*\\]|"
     "\\.\\.\\.\\.*|…|<snip>|\\*snip\\*|-+\\s*snip\\s*-+)$"},
    {kClosingCredit, "closing-credit", "^\\((\\p{Lu}[\\p{L}.'’ -]+)/(\\d{6}|\\d{8})\\)$"},
    {kSourceLine, "source-line",
     "^>?(?i:from|source|via|reprinted from|excerpted from|taken from|as seen in)\\s*:?\\s+"
     "(?:the\\s+|The\\s+)?\\p{Lu}.*$"},
    {kFirstPerson, "first-person",
     "(?:^|[^\\p{L}'’])(?:I|I'm|I've|I'd|I'll|my|My|me|we're|We're|IMHO)(?:[^\\p{L}'’]|$)"},
    {kSeparator, "separator",
     "^(?:[-=_*~#+]{3,}|[-=_*~#+ ]{6,}|[-=]{3,}.*(?i:cut here|start quoted text|snip)"
     ".*[-=]{3,})$"},
};

std::string TitleCaseAllCaps(std::string_view s) {
  bool has_lower = false;
  for (char c : s)
    if (c >= 'a' && c <= 'z') has_lower = true;
  std::string out(s);
  if (has_lower) return out;
  bool word_start = true;
  for (char& c : out) {
    const bool letter = (c >= 'A' && c <= 'Z');
    if (letter && !word_start) c = static_cast<char>(c | 0x20);
    word_start = !(letter || c == '\'');
  }
  return out;
}

std::string_view TrimPunct(std::string_view s) {
  while (!s.empty() && (s.back() == ' ' || s.back() == ',' || s.back() == '.' ||
                        s.back() == ';' || s.back() == ':' || s.back() == '-'))
    s.remove_suffix(1);
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  return s;
}

// The author's name at the start of what follows "By": up to the first comma, dash, bar ...
// (BylineCut).
std::string AuthorOfBylineRest(std::string_view rest) {
  return TitleCaseAllCaps(TrimPunct(rest.substr(0, BylineCut(rest))));
}

bool AsciiLetter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
// ASCII lower case by table: one load for the literal comparisons at every trigger byte.
struct LowerTable {
  constexpr LowerTable() {
    for (int c = 0; c < 256; ++c) bytes[c] = static_cast<char>(c >= 'A' && c <= 'Z' ? c | 0x20 : c);
  }
  char bytes[256] = {};
};
constexpr LowerTable kLower;
inline char Lower(char c) { return kLower.bytes[static_cast<unsigned char>(c)]; }
inline bool Re2Space(char c) {  // RE2's \s
  return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r';
}

// `lit` (lower case) at line[i], ASCII letters in any case.
bool AtCI(std::string_view line, size_t i, std::string_view lit) {
  if (i > line.size() || line.size() - i < lit.size()) return false;
  for (size_t k = 0; k < lit.size(); ++k)
    if (Lower(line[i + k]) != lit[k]) return false;
  return true;
}
// `lit` (lower case) at line[i - back], ASCII letters in any case.
bool AtBackCI(std::string_view line, size_t i, size_t back, std::string_view lit) {
  return i >= back && AtCI(line, i - back, lit);
}
bool StartsCI(std::string_view line, std::string_view lit) { return AtCI(line, 0, lit); }
bool EndsCI(std::string_view line, std::string_view lit) {
  return line.size() >= lit.size() && AtCI(line, line.size() - lit.size(), lit);
}

constexpr LineRuleSet Bit(LineRule r) { return LineRuleSet{1} << r; }
constexpr LineRuleSet kAllRules = (LineRuleSet{1} << kLineRuleCount) - 1;

// What a cheap test can tell of one rule on one line.
enum class Verdict : uint8_t { kNo, kUnsure, kYes };  // in the order Either keeps the last
Verdict Either(Verdict a, Verdict b) { return std::max(a, b); }

// first-person (kRules): one of its words at line[i], with a boundary before and after
// ("(?:^|[^\p{L}'’])", "(?:[^\p{L}'’]|$)"). ASCII letters and "'" block it, other ASCII bytes do
// not; a byte beyond ASCII may belong to a letter or "’" or not: next to one, kUnsure.
// The words are grouped by their first byte, so that only the few that can match are compared.
Verdict FirstPersonAt(std::string_view line, size_t i) {
  static constexpr std::string_view kI[] = {"I", "I'm", "I've", "I'd", "I'll", "IMHO"};
  static constexpr std::string_view kLowerM[] = {"my", "me"};
  static constexpr std::string_view kUpperM[] = {"My"};
  static constexpr std::string_view kLowerW[] = {"we're"};
  static constexpr std::string_view kUpperW[] = {"We're"};
  std::span<const std::string_view> words;
  switch (line[i]) {
    case 'I': words = kI; break;
    case 'm': words = kLowerM; break;
    case 'M': words = kUpperM; break;
    case 'w': words = kLowerW; break;
    case 'W': words = kUpperW; break;
    default: return Verdict::kNo;
  }
  auto boundary = [](char c) {
    if (static_cast<unsigned char>(c) >= 0x80) return Verdict::kUnsure;
    return AsciiLetter(c) || c == '\'' ? Verdict::kNo : Verdict::kYes;
  };
  const Verdict before = i == 0 ? Verdict::kYes : boundary(line[i - 1]);
  if (before == Verdict::kNo) return Verdict::kNo;
  Verdict out = Verdict::kNo;
  for (std::string_view w : words) {
    // The words are short: a byte loop, not a call to memcmp.
    if (line.size() - i < w.size() || !std::equal(w.begin(), w.end(), line.begin() + i)) continue;
    const size_t j = i + w.size();
    const Verdict after = j == line.size() ? Verdict::kYes : boundary(line[j]);
    if (after == Verdict::kNo) continue;
    if (before == Verdict::kYes && after == Verdict::kYes) return Verdict::kYes;
    out = Verdict::kUnsure;
  }
  return out;
}

// Whether the byte after line[i] ("I", "m" or "M") leaves one of the first-person words
// starting there possible: "my"/"me" need 'y' or 'e', "My" needs 'y', and of the words with "I"
// only "IMHO" goes on with a letter. When it returns false, FirstPersonAt(line, i) is kNo.
bool MayStartFirstPerson(std::string_view line, size_t i) {
  if (line[i] == 'I') return i + 1 == line.size() || !AsciiLetter(line[i + 1]) || line[i + 1] == 'M';
  if (i + 1 == line.size()) return false;
  const char next = line[i + 1];
  return next == 'y' || (line[i] == 'm' && next == 'e');
}

// The bytes MatchCheaply stops at in its pass over a line (line_scan.h IsTriggerByte): every byte
// beyond ASCII, and the ASCII bytes that a literal it looks for anywhere in the line has at a
// known place:
//   /  footer-listinfo "mailman/listinfo", "/mailman/options", "/listinfo/"; wire-slug "9/13"
//   @  footer-listinfo "majordomo@", "listserv@", "-request@"
//   b  footer-listinfo "unsubscribe" (any case)
//   |  boilerplate "\|\s*subscribe", "^home \|"
//   p  boilerplate "order reprints" (any case)
//   '  boilerplate "today's paper"; first-person "we're"
//   :  url-line "://"
//   .  url-line "www."
//   -  dateline "-" before white space or the end
//   I m M  first-person words
//   \n  (never in a zoner's line) "." does not take it: no shortcut for footer-mailing-list
// A set of bytes, one load to test.
class ByteSet {
 public:
  constexpr ByteSet(std::string_view bytes, bool beyond_ascii = false) {
    if (beyond_ascii)
      for (int c = 0x80; c < 0x100; ++c) table_[c] = true;
    for (char c : bytes) table_[static_cast<unsigned char>(c)] = true;
  }
  bool Has(char c) const { return table_[static_cast<unsigned char>(c)]; }
  // The bytes not in the set.
  constexpr ByteSet Complement() const {
    ByteSet out("");
    for (int c = 0; c < 256; ++c) out.table_[c] = !table_[c];
    return out;
  }
  // The first byte of the set in `line` at or after i, or line.size().
  size_t Next(std::string_view line, size_t i) const {
    const auto* p = reinterpret_cast<const unsigned char*>(line.data());
    const size_t n = line.size();
    while (i + 4 <= n && !(table_[p[i]] | table_[p[i + 1]] | table_[p[i + 2]] | table_[p[i + 3]]))
      i += 4;
    while (i < n && !table_[p[i]]) ++i;
    return i;
  }

 private:
  bool table_[256] = {};
};
constexpr ByteSet kSeparatorBytes("-=_*~#+ ");
// First bytes after which MatchCheaply leaves the rules that start with them open (StartRulesOf):
// footer-rule, signature-delimiter, pgp-*, elision, closing-credit, separator, the prefixes of
// copyright, url-line, boilerplate and source-line, the decoration of forward-marker and
// forward-end. No other rule starts with one of them, except where its literal or end is
// checked anyway.
constexpr ByteSet kDecorationFirstBytes("_-=*~#+ [.<(>\\\t\r\f\n");
// The rules that may start with a byte of kDecorationFirstBytes, by their patterns (kRules).
LineRuleSet StartRulesOf(char first) {
  constexpr LineRuleSet kForward = Bit(kForwardMarker) | Bit(kForwardEnd);  // [-=*_ <>]*
  switch (first) {
    case '_': return Bit(kFooterRule) | kForward | Bit(kCopyright) | Bit(kSeparator);
    case '-':
      return Bit(kSignatureDelimiter) | Bit(kPgpSignedBegin) | Bit(kPgpSignatureBegin) |
             Bit(kPgpSignatureEnd) | kForward | Bit(kElision) | Bit(kSeparator);
    case '=': return kForward | Bit(kSeparator);
    case '*': return kForward | Bit(kElision) | Bit(kSeparator);  // "*snip*"
    case '~': case '#': case '+': return Bit(kSeparator);
    case ' ': return kForward | Bit(kCopyright) | Bit(kSeparator);
    case '[': return Bit(kUrlLine) | Bit(kBoilerplate) | Bit(kElision);  // "[image]", "[...]"
    case '.': return Bit(kElision);
    case '<': return kForward | Bit(kUrlLine) | Bit(kElision);  // "<http", "<snip>"
    case '(': return Bit(kUrlLine) | Bit(kBoilerplate) | Bit(kCopyright) | Bit(kClosingCredit);
    case '>': return kForward | Bit(kCopyright) | Bit(kSourceLine);
    case '\\': case '\t': case '\r': case '\f': case '\n': return Bit(kCopyright);  // [\\\s_>]*
    default: return 0;
  }
}
// Blocks a first-person word before or after it (ASCII only).
constexpr ByteSet kWordBytes("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ'");

// A line made only of bytes of "-=_*~#+ ": footer-rule, signature-delimiter and separator are
// the only rules that can match it (every other one needs some other byte), and they are read
// off directly.
constexpr ByteSet kOtherThanSeparatorBytes = kSeparatorBytes.Complement();
bool SeparatorBytesOnly(std::string_view line) {
  return kOtherThanSeparatorBytes.Next(line, 0) == line.size();
}
LineRuleSet MatchSeparatorBytes(std::string_view line) {
  const size_t n = line.size();
  LineRuleSet out = 0;
  if (n >= 15 && std::all_of(line.begin(), line.end(), [](char c) { return c == '_'; }))
    out |= Bit(kFooterRule);  // ^_{15,}$
  if (line == "--") out |= Bit(kSignatureDelimiter);  // ^--$
  // Three bytes without a space, or six bytes: the line is read only when it is shorter.
  if (n >= 6 || (n >= 3 && line.find(' ') == std::string_view::npos)) out |= Bit(kSeparator);
  return out;
}

// byline (kRules) on a line of ASCII bytes without '\n', where \p{Lu} is [A-Z], \p{L} is
// [A-Za-z] and "’" cannot occur:
//   ^(?:By|BY):?\s+(?:the\s+|The\s+)?[A-Z][A-Za-z.'-]*(?:[ ]+[A-Za-z.'&-]+){0,8}
//   (?:\s*[,/|(;-].*)?$
// Each \s+ ends where its run of white space does (what follows it is no white space), so the
// only choice is whether "the"/"The" is the optional word; the rest runs as an automaton whose
// states are sets of bits: in the first word or in the word of group g (bit g of `word`), in
// the spaces before the word of group g (bit g of `spaces`), in the \s* of the tail.
bool IsPunctOfBylineTail(char c) {
  return c == ',' || c == '/' || c == '|' || c == '(' || c == ';' || c == '-';
}
bool AsciiBylineNameFrom(std::string_view line, size_t p) {
  const size_t n = line.size();
  if (p >= n || !(line[p] >= 'A' && line[p] <= 'Z')) return false;
  uint32_t word = 1, spaces = 0;
  bool tail_space = false;
  for (size_t i = p + 1; i < n; ++i) {
    const char c = line[i];
    // The tail: \s* then one of [,/|(;-], then anything (".*" on a line without '\n').
    if ((word != 0 || tail_space) && IsPunctOfBylineTail(c)) return true;
    uint32_t next_word = 0, next_spaces = 0;
    if (AsciiLetter(c) || c == '.' || c == '\'' || c == '-') next_word = word | spaces;
    if (c == '&') next_word = (word & ~1u) | spaces;  // not in the first word
    if (c == ' ') next_spaces = ((word << 1) & 0x1FEu) | spaces;  // at most 8 groups
    const bool next_tail = Re2Space(c) && (tail_space || word != 0 || spaces != 0);
    word = next_word;
    spaces = next_spaces;
    tail_space = next_tail;
    if (word == 0 && spaces == 0 && !tail_space) return false;
  }
  return word != 0;
}
bool AsciiBylineMatches(std::string_view line) {
  const size_t n = line.size();
  if (n < 2 || line[0] != 'B' || (line[1] != 'y' && line[1] != 'Y')) return false;
  size_t i = 2;
  if (i < n && line[i] == ':') ++i;
  size_t j = i;
  while (j < n && Re2Space(line[j])) ++j;
  if (j == i) return false;
  if (AsciiBylineNameFrom(line, j)) return true;
  if (line.compare(j, 3, "the") != 0 && line.compare(j, 3, "The") != 0) return false;
  size_t k = j + 3;
  while (k < n && Re2Space(line[k])) ++k;
  return k > j + 3 && AsciiBylineNameFrom(line, k);
}

// Rules decided exactly on a plain line (ASCII bytes, no '\n'), where "." takes every byte, \s is
// [\t\n\f\r ], \S every other byte, \p{Lu} is [A-Z] and (?i) folds ASCII letters only. Each
// follows its pattern in kRules, quoted above it.
bool ContainsCI(std::string_view line, std::string_view lit) {
  for (size_t i = 0; i + lit.size() <= line.size(); ++i)
    if (AtCI(line, i, lit)) return true;
  return false;
}
size_t SkipSpaces(std::string_view line, size_t i) {  // \s*
  while (i < line.size() && Re2Space(line[i])) ++i;
  return i;
}
// After a word at i: "\s*:?\s+". Returns the end of that run, or npos. Both white-space runs end
// where they must: what follows is no white space.
size_t AfterColonAndSpaces(std::string_view line, size_t i) {
  const size_t r = SkipSpaces(line, i);
  if (r < line.size() && line[r] == ':') {
    const size_t after = SkipSpaces(line, r + 1);
    return after > r + 1 ? after : std::string_view::npos;
  }
  return r > i ? r : std::string_view::npos;
}
constexpr ByteSet kForwardDecoration("-=*_ <>");
size_t SkipDecoration(std::string_view line) {  // [-=*_ <>]*
  size_t i = 0;
  while (i < line.size() && kForwardDecoration.Has(line[i])) ++i;
  return i;
}
bool WordByteAt(std::string_view line, size_t i) {  // \w, what \b looks at
  const char c = line[i];
  return AsciiLetter(c) || (c >= '0' && c <= '9') || c == '_';
}

// footer-listinfo: its literals anywhere, three of them at the start.
bool PlainListinfo(std::string_view line) {
  for (std::string_view lit : {"mailman/listinfo", "/mailman/options", "/listinfo/", "to unsubscribe",
                               "unsubscribe send", "majordomo@", "listserv@", "-request@"})
    if (ContainsCI(line, lit)) return true;
  return StartsCI(line, "reply via email to") || StartsCI(line, "you are subscribed") ||
         StartsCI(line, "you received this message because");
}

// url-line: ^[<\[(]*(?:(?i:url|source|...)\s*:?\s+)?<?(?i:https?://|ftp://|www\.)[^\s<>]+>?\s*[\])>.]*$
constexpr ByteSet kUrlEndBytes(" \t\n\f\r<>");  // \s, '<' and '>': what [^\s<>] does not take
bool PlainUrlTail(std::string_view line, size_t s) {  // [^\s<>]+>?\s*[\])>.]*$ from s
  const size_t n = line.size();
  const size_t m = kUrlEndBytes.Next(line, s);  // end of the longest run of [^\s<>]
  // The end ">?\s*[\])>.]*$" can start at any e >= w, or at w - 1 on a '>'.
  size_t t = n;
  while (t > 0 && (line[t - 1] == ']' || line[t - 1] == ')' || line[t - 1] == '>' || line[t - 1] == '.')) --t;
  size_t w = t;
  while (w > 0 && Re2Space(line[w - 1])) --w;
  if (std::max(s + 1, w) <= m) return true;
  return w >= 1 && line[w - 1] == '>' && s + 1 <= w - 1 && w - 1 <= m;
}
bool PlainUrlAt(std::string_view line, size_t q) {  // <?(?i:https?://|ftp://|www\.) then the tail
  if (q < line.size() && line[q] == '<') ++q;
  for (std::string_view scheme : {"https://", "http://", "ftp://", "www."})
    if (AtCI(line, q, scheme)) return PlainUrlTail(line, q + scheme.size());
  return false;
}
bool PlainUrlLine(std::string_view line) {
  size_t p = 0;
  while (p < line.size() && (line[p] == '<' || line[p] == '[' || line[p] == '(')) ++p;
  if (PlainUrlAt(line, p)) return true;
  for (std::string_view word : {"url", "source", "link", "from", "via", "see", "at", "on the web"}) {
    if (!AtCI(line, p, word)) continue;
    const size_t q = AfterColonAndSpaces(line, p + word.size());
    if (q != std::string_view::npos && PlainUrlAt(line, q)) return true;
  }
  return false;
}

// header-line: a field name (case as written) and ":[ \t]*\S", or "From \S+ +(?:Mon|...|Sun) ".
bool HeaderFieldName(std::string_view name) {
  static constexpr std::string_view kNames[] = {
      "From", "To", "Cc", "CC", "Bcc", "Date", "Sent", "Subject", "Newsgroups", "Message-ID",
      "Message-Id", "Path", "Organisation", "Organization", "Lines", "Reply-To", "Sender",
      "Return-Path", "Received", "Followup-To", "References", "In-Reply-To", "Distribution",
      "Keywords", "Summary", "Approved", "Xref", "Content-Type", "Content-Transfer-Encoding",
      "NNTP-Posting-Host", "Precedence", "Status", "Posted-Date", "Expires", "Apparently-To",
      "Mailing-List", "Delivered-To", "Errors-To", "Priority", "Importance", "Article-I.D."};
  for (std::string_view k : kNames)
    if (name == k) return true;
  auto rest_of = [&](std::string_view prefix, bool digits_and_dash) {  // prefix[A-Za-z...]+
    if (name.size() <= prefix.size() || name.substr(0, prefix.size()) != prefix) return false;
    for (char c : name.substr(prefix.size()))
      if (!AsciiLetter(c) && !(digits_and_dash && ((c >= '0' && c <= '9') || c == '-'))) return false;
    return true;
  };
  if (rest_of("X-", true) || rest_of("Resent-", false) || rest_of("List-", false)) return true;
  // M[Ii][Mm][Ee]-Version
  return name.size() == 12 && name[0] == 'M' && (name[1] == 'I' || name[1] == 'i') &&
         (name[2] == 'M' || name[2] == 'm') && (name[3] == 'E' || name[3] == 'e') &&
         name.substr(4) == "-Version";
}
bool PlainHeaderLine(std::string_view line) {
  const size_t n = line.size();
  const size_t colon = line.find(':');
  if (colon != std::string_view::npos && HeaderFieldName(line.substr(0, colon))) {
    size_t i = colon + 1;
    while (i < n && (line[i] == ' ' || line[i] == '\t')) ++i;
    if (i < n && !Re2Space(line[i])) return true;
  }
  if (line.substr(0, 5) != "From ") return false;
  size_t i = 5;
  while (i < n && !Re2Space(line[i])) ++i;
  if (i == 5) return false;
  const size_t spaces = i;
  while (i < n && line[i] == ' ') ++i;
  if (i == spaces || i + 4 > n || line[i + 3] != ' ') return false;
  const std::string_view day = line.substr(i, 3);
  for (std::string_view d : {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"})
    if (day == d) return true;
  return false;
}
// pgp-hash: ^Hash: [A-Za-z0-9, -]+$
bool PlainPgpHash(std::string_view line) {
  if (line.size() <= 6 || line.substr(0, 6) != "Hash: ") return false;
  for (char c : line.substr(6))
    if (!AsciiLetter(c) && !(c >= '0' && c <= '9') && c != ',' && c != ' ' && c != '-') return false;
  return true;
}

// reply-attribution: (?i)^(?:on\s.+\s(?:wrote|writes|said):|in (?:article|message|<).*
// (?:wrote|writes):?|.+\s(?:writes|wrote):)$
bool PlainAttribution(std::string_view line) {
  const size_t n = line.size();
  // The white space before a final verb and colon, at `min` or later.
  auto space_before_end = [&](std::string_view verb, size_t min) {
    if (!EndsCI(line, verb)) return false;
    const size_t k = n - verb.size();
    return k >= 1 && k - 1 >= min && Re2Space(line[k - 1]);
  };
  if (space_before_end("writes:", 1) || space_before_end("wrote:", 1)) return true;
  if (StartsCI(line, "on") && n > 2 && Re2Space(line[2]) &&
      (space_before_end("wrote:", 4) || space_before_end("writes:", 4) || space_before_end("said:", 4)))
    return true;
  for (std::string_view start : {"in article", "in message", "in <"}) {
    if (!StartsCI(line, start)) continue;
    for (std::string_view end : {"wrote", "writes", "wrote:", "writes:"})
      if (EndsCI(line, end) && n - end.size() >= start.size()) return true;
  }
  return false;
}

// source-line: ^>?(?i:from|source|via|reprinted from|excerpted from|taken from|as seen in)\s*:?\s+
// (?:the\s+|The\s+)?\p{Lu}.*$
bool PlainSourceLine(std::string_view line) {
  const size_t p = !line.empty() && line[0] == '>' ? 1 : 0;
  auto upper = [&](size_t i) { return i < line.size() && line[i] >= 'A' && line[i] <= 'Z'; };
  for (std::string_view word : {"from", "source", "via", "reprinted from", "excerpted from",
                                "taken from", "as seen in"}) {
    if (!AtCI(line, p, word)) continue;
    const size_t q = AfterColonAndSpaces(line, p + word.size());
    if (q == std::string_view::npos) continue;
    if (upper(q)) return true;
    if (line.compare(q, 3, "the") == 0 || line.compare(q, 3, "The") == 0) {
      const size_t r = SkipSpaces(line, q + 3);
      if (r > q + 3 && upper(r)) return true;
    }
  }
  return false;
}

// forward-marker: (?i)^[-=*_ <>]*(?:forwarded message|...|forwarded text)\b.*$
bool PlainForwardMarker(std::string_view line) {
  const size_t p = SkipDecoration(line);
  for (std::string_view lit : {"forwarded message", "begin forwarded text", "begin forwarded message",
                               "original message", "forwarded by", "forwarded article",
                               "message forwarded", "begin included message",
                               "start of forwarded message", "forwarded text"}) {
    if (!AtCI(line, p, lit)) continue;
    const size_t e = p + lit.size();
    if (e == line.size() || !WordByteAt(line, e)) return true;
  }
  return false;
}
// forward-end: (?i)^[-=*_ <>]*end (?:of )?(?:forwarded|included|original) (?:text|message)[-=*_ <>]*$
bool PlainForwardEnd(std::string_view line) {
  size_t i = SkipDecoration(line);
  if (!AtCI(line, i, "end ")) return false;
  i += 4;
  if (AtCI(line, i, "of ")) i += 3;
  bool kind = false;
  for (std::string_view k : {"forwarded ", "included ", "original "})
    if (AtCI(line, i, k)) {
      i += k.size();
      kind = true;
      break;
    }
  if (!kind) return false;
  if (AtCI(line, i, "text")) i += 4;
  else if (AtCI(line, i, "message")) i += 7;
  else return false;
  for (; i < line.size(); ++i)
    if (!kForwardDecoration.Has(line[i])) return false;
  return true;
}

// The rules of kRules that `line` may match, found without RE2 where a cheap test can tell:
// each rule needs a literal somewhere, a first byte or a start, or an end, and most lines of
// body text have none of these (the ones a rule anchors at the start are checked there, the
// others in one pass over the trigger bytes). Several rules are then decided here on a plain
// line, and first-person and footer-mailing-list when the test is sure; the rest stay open.
// Case-insensitive literals are compared in ASCII: on a line holding one of the two non-ASCII
// case variants of ASCII letters (U+017F "ſ" of s, U+212A "K" of k) every rule stays open.
// `*open` gets the rules of the result that only the patterns can decide; the others are
// exact. tests/unit/zone_test.cc checks the result against the Set on every rule's examples, on
// random lines and on the shared corpora.
LineRuleSet MatchCheaply(std::string_view line, const std::vector<uint64_t>& trigger, size_t at,
                         LineRuleSet* open) {
  *open = 0;
  const char first = line[0];
  const auto first_byte = static_cast<unsigned char>(first);
  const bool decorated = kDecorationFirstBytes.Has(first);
  if (decorated && SeparatorBytesOnly(line)) return MatchSeparatorBytes(line);
  LineRuleSet may = 0;
  Verdict first_person = Verdict::kNo;
  bool plain = true;  // no byte beyond ASCII and no '\n'
  bool url_literal = false, dash = false, slash = false, colon = false;
  // One of the literals of footer-listinfo found whole: the rule matches, on any line.
  bool listinfo_literal = false;
  const size_t n = line.size();
  // The trigger bytes (line_scan.h IsTriggerByte), sixty-four at a time, in line order.
  for (size_t base = 0; base < n; base += 64) {
    uint64_t bits = BitsFrom(trigger, at + base);
    if (n - base < 64) bits &= (uint64_t{1} << (n - base)) - 1;
    for (; bits != 0; bits &= bits - 1) {
      const size_t i = base + static_cast<size_t>(std::countr_zero(bits));
      switch (line[i]) {
        case '/': {
          slash = true;
          // The byte after or before the "/" of each literal first: most slashes have neither.
          const char after = i + 1 < n ? Lower(line[i + 1]) : '\0';
          if ((after == 'm' && AtCI(line, i, "/mailman/options")) ||
              (after == 'l' && AtCI(line, i, "/listinfo/")) ||
              (i >= 7 && Lower(line[i - 1]) == 'n' && AtBackCI(line, i, 7, "mailman/listinfo")))
            listinfo_literal = true;
          break;
        }
        case '@': {
          const char before = i >= 1 ? Lower(line[i - 1]) : '\0';  // "o@", "v@", "t@"
          if ((before == 'o' && AtBackCI(line, i, 9, "majordomo@")) ||
              (before == 'v' && AtBackCI(line, i, 8, "listserv@")) ||
              (before == 't' && AtBackCI(line, i, 8, "-request@")))
            listinfo_literal = true;
          break;
        }
        case 'b': case 'B':
          if (i >= 4 && Lower(line[i - 1]) == 'u' && AtBackCI(line, i, 4, "unsubscribe"))
            may |= Bit(kFooterListinfo);
          break;
        case '|': may |= Bit(kBoilerplate); break;
        case 'p': case 'P':
          if (i >= 8 && Lower(line[i - 1]) == 'e' && AtBackCI(line, i, 8, "order reprints"))
            may |= Bit(kBoilerplate);
          break;
        case '\'':
          if (AtBackCI(line, i, 5, "today's paper")) may |= Bit(kBoilerplate);
          if (i >= 2 && (line[i - 2] == 'w' || line[i - 2] == 'W') && (i == 2 || !kWordBytes.Has(line[i - 3])))
            first_person = Either(first_person, FirstPersonAt(line, i - 2));
          break;
        case ':':
          colon = true;
          if (i + 1 < n && line[i + 1] == '/' && AtCI(line, i, "://")) url_literal = true;
          break;
        case '.':
          if (i >= 3 && Lower(line[i - 1]) == 'w' && AtBackCI(line, i, 3, "www.")) url_literal = true;
          break;
        case '-': if (i + 1 == n || Re2Space(line[i + 1])) dash = true; break;
        case 'I': case 'm': case 'M':
          if (first_person != Verdict::kYes && (i == 0 || !kWordBytes.Has(line[i - 1])) &&
              MayStartFirstPerson(line, i))
            first_person = Either(first_person, FirstPersonAt(line, i));
          break;
        case '\n': plain = false; break;
        default:  // beyond ASCII
          plain = false;
          // Each literal below starts with \xC5 or \xE2 at i: the other bytes have none of them.
          if (line[i] == '\xC5' && AtCI(line, i, "\xC5\xBF")) {  // ſ
            *open = kAllRules;
            return kAllRules;
          }
          if (line[i] != '\xE2') break;
          if (AtCI(line, i, "\xE2\x84\xAA")) {  // K
            *open = kAllRules;
            return kAllRules;
          }
          if ((AtCI(line, i, "\xE2\x80\x94") || AtCI(line, i, "\xE2\x80\x93")) &&  // — –
              (i + 3 == n || Re2Space(line[i + 3])))
            dash = true;
          if (AtBackCI(line, i, 5, "today\xE2\x80\x99s paper")) may |= Bit(kBoilerplate);
          break;
      }
    }
  }
  if (listinfo_literal) may |= Bit(kFooterListinfo);
  if (first_person != Verdict::kNo) may |= Bit(kFirstPerson);
  // footer-mailing-list, reply-attribution: the end of the line
  switch (Lower(line.back())) {
    case 't': if (EndsCI(line, " mailing list")) may |= Bit(kFooterMailingList); break;
    case 'e': if (EndsCI(line, "wrote")) may |= Bit(kAttribution); break;
    case 's': if (EndsCI(line, "writes")) may |= Bit(kAttribution); break;
    case ':':
      if (EndsCI(line, "wrote:") || EndsCI(line, "writes:") || EndsCI(line, "said:"))
        may |= Bit(kAttribution);
      break;
    default: break;
  }
  const bool upper = first >= 'A' && first <= 'Z';
  if (first == 'B' && n >= 2 && (line[1] == 'y' || line[1] == 'Y')) may |= Bit(kByline);
  // wire-slug: an agency and the "/" of its date, or a date first
  const bool agency_letter = first == 'A' || first == 'U' || first == 'W' || first == 'R' ||
                             first == 'D' || first == 'B';
  if ((agency_letter && slash) || (first >= '0' && first <= '9'))
    may |= Bit(kWireSlug);
  // dateline: a capital (ASCII, or a letter beyond ASCII) and a dash before white space; after
  // an ASCII capital, its first alternative needs one of [\p{Lu}.'’] and its second a "(".
  if ((upper || first_byte >= 0x80) && dash) {
    const auto second = n >= 2 ? static_cast<unsigned char>(line[1]) : 0;
    const bool caps = (second >= 'A' && second <= 'Z') || second == '.' || second == '\'' ||
                      second >= 0x80;
    if (!upper || caps || line.find('(') != std::string_view::npos) may |= Bit(kDatelineStart);
  }
  if (upper) {
    // header-line: a field name of [A-Za-z0-9.-] and its colon (the pass saw one), or an mbox
    // "From " line.
    if (colon) {
      size_t name = 0;
      while (name < n && (AsciiLetter(line[name]) || (line[name] >= '0' && line[name] <= '9') ||
                          line[name] == '.' || line[name] == '-'))
        ++name;
      if (name < n && line[name] == ':') {
        may |= Bit(kHeaderLine);
        if (first == 'H') may |= Bit(kPgpHash);  // "Hash: "
      }
    }
    if (line.starts_with("From ")) may |= Bit(kHeaderLine);
  }
  // url-line: an URL at the start, perhaps after a word that names it
  if (url_literal) {
    for (std::string_view start : {"url", "source", "link", "from", "via", "see", "at",
                                   "on the web", "http", "ftp", "www"})
      if (StartsCI(line, start)) may |= Bit(kUrlLine);
  }
  // Rules anchored at the start: footer-listinfo, forward-marker, forward-end, boilerplate,
  // copyright, elision, source-line.
  switch (Lower(first)) {
    case 'a':
      if (StartsCI(line, "adv")) may |= Bit(kBoilerplate);  // "advertisement", "adv."
      if (StartsCI(line, "as seen in")) may |= Bit(kSourceLine);
      if (StartsCI(line, "all rights reserved")) may |= Bit(kCopyright);
      break;
    case 'b':
      if (StartsCI(line, "back to")) may |= Bit(kBoilerplate);
      if (StartsCI(line, "begin ")) may |= Bit(kForwardMarker);
      break;
    case 'c':
      if (StartsCI(line, "click here")) may |= Bit(kBoilerplate);
      if (StartsCI(line, "copyright")) may |= Bit(kCopyright);
      break;
    case 'e':
      if (StartsCI(line, "e-mail this") || StartsCI(line, "email this")) may |= Bit(kBoilerplate);
      if (StartsCI(line, "excerpted from")) may |= Bit(kSourceLine);
      if (StartsCI(line, "end ")) may |= Bit(kForwardEnd);
      break;
    case 'f':
      if (StartsCI(line, "follow us")) may |= Bit(kBoilerplate);
      if (StartsCI(line, "from")) may |= Bit(kSourceLine);
      if (StartsCI(line, "forwarded")) may |= Bit(kForwardMarker);
      break;
    case 'g': if (StartsCI(line, "graphic")) may |= Bit(kBoilerplate); break;
    case 'h': if (StartsCI(line, "home ")) may |= Bit(kBoilerplate); break;
    case 'i': if (StartsCI(line, "image")) may |= Bit(kBoilerplate); break;
    case 'm': if (StartsCI(line, "message forwarded")) may |= Bit(kForwardMarker); break;
    case 'o': if (StartsCI(line, "original message")) may |= Bit(kForwardMarker); break;
    case 'p':
      if (StartsCI(line, "photo") || StartsCI(line, "print this")) may |= Bit(kBoilerplate);
      break;
    case 'r':
      if (StartsCI(line, "related ")) may |= Bit(kBoilerplate);
      if (StartsCI(line, "reprinted from")) may |= Bit(kSourceLine);
      if (StartsCI(line, "reply via email to")) may |= Bit(kFooterListinfo);
      break;
    case 's':
      if (StartsCI(line, "sponsored by") || StartsCI(line, "share this") ||
          StartsCI(line, "subscribe "))
        may |= Bit(kBoilerplate);
      if (StartsCI(line, "source")) may |= Bit(kSourceLine);
      if (StartsCI(line, "start of forwarded")) may |= Bit(kForwardMarker);
      break;
    case 't':
      if (StartsCI(line, "top of page")) may |= Bit(kBoilerplate);
      if (StartsCI(line, "taken from")) may |= Bit(kSourceLine);
      break;
    case 'v':
      if (StartsCI(line, "video")) may |= Bit(kBoilerplate);
      if (StartsCI(line, "via")) may |= Bit(kSourceLine);
      break;
    case 'y':
      if (StartsCI(line, "you are subscribed") || StartsCI(line, "you received this message because"))
        may |= Bit(kFooterListinfo);
      break;
    case '&': if (StartsCI(line, "&copy")) may |= Bit(kCopyright); break;
    case '\xC2': if (StartsCI(line, "\xC2\xA9")) may |= Bit(kCopyright); break;      // ©
    case '\xE2': if (StartsCI(line, "\xE2\x80\xA6")) may |= Bit(kElision); break;    // …
    default: break;
  }
  if (decorated) may |= StartRulesOf(first);
  // On a plain line, these rules are decided here (byline with MatchWithoutPrefilter's limit of
  // 120 bytes), and so is footer-mailing-list ("^.+ mailing list$" once the end is there).
  constexpr LineRuleSet kDecidedOnPlainLines =
      Bit(kByline) | Bit(kFooterListinfo) | Bit(kUrlLine) | Bit(kHeaderLine) | Bit(kPgpHash) |
      Bit(kAttribution) | Bit(kSourceLine) | Bit(kForwardMarker) | Bit(kForwardEnd);
  if (plain && (may & kDecidedOnPlainLines)) {
    auto decide = [&](LineRule r, bool (*matches)(std::string_view)) {
      if (Has(may, r) && !matches(line)) may &= ~Bit(r);
    };
    if (n > 120) may &= ~Bit(kByline);
    decide(kByline, AsciiBylineMatches);
    if (!listinfo_literal) decide(kFooterListinfo, PlainListinfo);
    decide(kUrlLine, PlainUrlLine);
    decide(kHeaderLine, PlainHeaderLine);
    decide(kPgpHash, PlainPgpHash);
    decide(kAttribution, PlainAttribution);
    decide(kSourceLine, PlainSourceLine);
    decide(kForwardMarker, PlainForwardMarker);
    decide(kForwardEnd, PlainForwardEnd);
  }
  // The rules of a line starting with "-" that are literals at the start, decided on any line.
  constexpr LineRuleSet kLiteralStartRules = Bit(kSignatureDelimiter) | Bit(kPgpSignedBegin) |
                                             Bit(kPgpSignatureBegin) | Bit(kPgpSignatureEnd);
  if (may & kLiteralStartRules) {
    const std::string_view armour = line.starts_with("- ") ? line.substr(2) : line;  // (?:- )?
    auto decide = [&](LineRule r, bool matches) {
      if (!matches) may &= ~Bit(r);
    };
    decide(kSignatureDelimiter, line == "--");                                          // ^--$
    decide(kPgpSignedBegin, armour.starts_with("-----BEGIN PGP SIGNED MESSAGE-----"));
    decide(kPgpSignatureBegin, armour.starts_with("-----BEGIN PGP SIGNATURE-----"));
    decide(kPgpSignatureEnd, armour.starts_with("-----END PGP SIGNATURE-----"));
  }
  // ... and so are first-person, when sure, and footer-mailing-list on a plain line.
  LineRuleSet left = may & ~kLiteralStartRules;
  if (plain) left &= ~kDecidedOnPlainLines;
  if (listinfo_literal) left &= ~Bit(kFooterListinfo);
  if (first_person == Verdict::kYes) left &= ~Bit(kFirstPerson);
  if (plain && n > 13) left &= ~Bit(kFooterMailingList);
  *open = left;
  return may;
}

RE2::Options RuleOptions() {
  RE2::Options options;
  options.set_log_errors(false);
  options.set_max_mem(int64_t{64} << 20);
  return options;
}

}  // namespace

// On a line whose characters beyond ASCII are all Latin-1 (U+0080-U+00FF) or general
// punctuation (U+2000-U+206F: dashes, quotes, spaces, no letters), \p{Lu} and \p{L} take the
// same characters of the line as these short classes, and a pattern with them rewritten
// (LatinForm) matches the line exactly when the pattern does. The rewritten forms compile in a
// small part of the time of the full Unicode classes, which byline and dateline repeat many
// times. tests/unit/zone_test.cc checks the classes against \p{Lu} and \p{L} on every
// character of those blocks.
namespace {
constexpr std::string_view kLatinUpper = "A-Z\\x{C0}-\\x{D6}\\x{D8}-\\x{DE}";
constexpr std::string_view kLatinLetter =
    "A-Za-z\\x{AA}\\x{B5}\\x{BA}\\x{C0}-\\x{D6}\\x{D8}-\\x{F6}\\x{F8}-\\x{FF}";
}  // namespace

bool CommonDateline(std::string_view line) {
  // A way through the first alternative of the dateline pattern (kRules): each step below takes
  // what the pattern takes there ([A-Z] of \p{Lu}, [A-Z.'] of [\p{Lu}.'’], " " of \s*), so
  // reaching the dash proves a match.
  const size_t n = line.size();
  auto upper = [&](size_t i) { return i < n && line[i] >= 'A' && line[i] <= 'Z'; };
  auto caps_word_end = [&](size_t i) {  // \p{Lu}[\p{Lu}.'’]+ from i, or npos
    if (!upper(i)) return std::string_view::npos;
    size_t j = i + 1;
    while (j < n && (upper(j) || line[j] == '.' || line[j] == '\'')) ++j;
    return j >= i + 2 ? j : std::string_view::npos;
  };
  size_t i = caps_word_end(0);
  if (i == std::string_view::npos) return false;
  for (int words = 0; words < 3 && i < n && (line[i] == ' ' || line[i] == '-'); ++words) {
    const size_t next = caps_word_end(i + 1);
    if (next == std::string_view::npos) break;
    i = next;
  }
  while (i < n && line[i] == ' ') ++i;
  size_t dash = 0;
  if (line.compare(i, 2, "--") == 0) dash = 2;
  else if (line.compare(i, 3, "\xE2\x80\x94") == 0 || line.compare(i, 3, "\xE2\x80\x93") == 0) dash = 3;
  else if (i < n && line[i] == '-') dash = 1;
  if (dash == 0) return false;
  i += dash;
  return i == n || Re2Space(line[i]);
}

bool LatinLine(std::string_view line) {
  const auto* p = reinterpret_cast<const unsigned char*>(line.data());
  const size_t n = line.size();
  for (size_t i = 0; i < n;) {
    if (p[i] < 0x80) {
      ++i;
    } else if ((p[i] == 0xC2 || p[i] == 0xC3) && i + 1 < n && (p[i + 1] & 0xC0) == 0x80) {
      i += 2;  // U+0080-U+00FF
    } else if (p[i] == 0xE2 && i + 2 < n && (p[i + 1] == 0x80 || (p[i + 1] == 0x81 && p[i + 2] <= 0xAF)) &&
               (p[i + 2] & 0xC0) == 0x80) {
      i += 3;  // U+2000-U+206F
    } else {
      return false;
    }
  }
  return true;
}

// `pattern` with \p{Lu} and \p{L} replaced by kLatinUpper and kLatinLetter (inside a class
// or as a class of their own).
std::string LatinForm(std::string_view pattern) {
  std::string out;
  bool in_class = false;
  auto put = [&](std::string_view ranges) {
    if (!in_class) out += '[';
    out += ranges;
    if (!in_class) out += ']';
  };
  size_t i = 0;
  while (i < pattern.size()) {
    const std::string_view rest = pattern.substr(i);
    if (rest.starts_with("\\p{Lu}")) {
      put(kLatinUpper);
      i += 6;
    } else if (rest.starts_with("\\p{L}")) {
      put(kLatinLetter);
      i += 5;
    } else if (rest[0] == '\\') {
      out += rest.substr(0, 2);
      i += 2;
    } else {
      if (rest[0] == '[') in_class = true;
      if (rest[0] == ']') in_class = false;
      out += rest[0];
      ++i;
    }
  }
  return out;
}

std::string_view LineRuleName(LineRule r) {
  for (const RuleDef& d : kRules)
    if (d.rule == r) return d.name;
  return "?";
}

const RE2& LineRules::RuleRegex(LineRule r, bool latin) const {
  // Compiled on first use: byline and dateline, with their Unicode letter classes repeated, take
  // most of the time of compiling all the rules, and a run whose lines are ASCII or Latin-1
  // never compiles them.
  std::call_once(rule_once_[latin][r], [&] {
    const RuleDef& d = kRules[r];
    auto& re = rule_[latin][r];
    re = std::make_unique<RE2>(latin ? LatinForm(d.pattern) : std::string(d.pattern), RuleOptions());
    if (d.rule != r || !re->ok()) {
      // A bad pattern is a bug in this file: fail loudly.
      fprintf(stderr, "zone line rule %s: %s\n", d.name, re->error().c_str());
      abort();
    }
  });
  return *rule_[latin][r];
}

const RE2::Set& LineRules::AllRules() const {
  std::call_once(set_once_, [&] {
    set_ = std::make_unique<RE2::Set>(RuleOptions(), RE2::UNANCHORED);
    for (const RuleDef& d : kRules) {
      std::string error;
      const int index = set_->Add(d.pattern, &error);
      if (index != static_cast<int>(d.rule)) {
        fprintf(stderr, "zone line rule %s: %s\n", d.name, error.c_str());
        abort();
      }
    }
    if (!set_->Compile()) abort();
  });
  return *set_;
}

LineRules::LineRules() {
  list_name_ = std::make_unique<RE2>("^(.{1,60}?) (?i:mailing list)$");
  byline_ = std::make_unique<RE2>("^(?:By|BY):?\\s+(.+)$");
  closing_credit_ = std::make_unique<RE2>("^\\(([^/]+)/");
  url_ = std::make_unique<RE2>("((?i:https?://|ftp://|www\\.)[^\\s<>\\]]+)");
}

const LineRules& LineRules::Get() {
  static const LineRules* rules = new LineRules();
  return *rules;
}

LineRuleSet LineRules::Match(std::string_view line) const {
  thread_local ByteBits bits;  // scratch, reused across lines
  FindByteBits(line, &bits);
  return Match(line, bits.trigger, 0);
}

LineRuleSet LineRules::Match(std::string_view line, const std::vector<uint64_t>& trigger,
                             size_t at) const {
  if (line.empty()) return 0;
  LineRuleSet open = 0;
  LineRuleSet out = MatchCheaply(line, trigger, at, &open);
  if (open == 0) return out;
  out &= ~open;
  if (Has(open, kDatelineStart) && CommonDateline(line)) {
    out |= Bit(kDatelineStart);
    open &= ~Bit(kDatelineStart);
  }
  // Only the rules with \p{Lu} or \p{L} have a Latin form worth the test.
  constexpr LineRuleSet kUnicodeRules = Bit(kByline) | Bit(kDatelineStart) | Bit(kWireSlug) |
                                        Bit(kClosingCredit) | Bit(kSourceLine) | Bit(kFirstPerson);
  const bool latin = (open & kUnicodeRules) != 0 && LatinLine(line);
  for (LineRuleSet left = open; left != 0; left &= left - 1) {
    const auto r = static_cast<LineRule>(std::countr_zero(left));
    if (RE2::PartialMatch(line, RuleRegex(r, latin))) out |= Bit(r);
  }
  if (Has(out, kByline) && line.size() > 120) out &= ~Bit(kByline);  // as MatchWithoutPrefilter
  return out;
}

LineRuleSet LineRules::MatchWithoutPrefilter(std::string_view line) const {
  thread_local std::vector<int> matched;
  matched.clear();
  if (line.empty() || !AllRules().Match(line, &matched)) return 0;
  LineRuleSet out = 0;
  for (int i : matched) out |= 1u << i;
  if ((out >> kByline & 1u) && line.size() > 120) out &= ~(1u << kByline);
  return out;
}

std::string LineRules::ListName(std::string_view line) const {
  // Fast path for an ASCII line, same result as list_name_: the name is all before a final
  // " mailing list" (any case), 1 to 60 characters without a newline.
  static constexpr std::string_view kSuffix = " mailing list";
  const bool ascii =
      utf8::AsciiPrefix(line) == line.size() && line.find('\n') == std::string_view::npos;
  if (ascii) {
    if (line.size() <= kSuffix.size()) return "";
    const std::string_view name = line.substr(0, line.size() - kSuffix.size());
    const std::string_view tail = line.substr(name.size());
    for (size_t i = 0; i < kSuffix.size(); ++i)
      if (tail[i] != kSuffix[i] && (kSuffix[i] == ' ' || (tail[i] | 0x20) != kSuffix[i])) return "";
    if (name.size() > 60) return "";
    return std::string(TrimPunct(name));
  }
  std::string name;
  if (!RE2::FullMatch(line, *list_name_, &name)) return "";
  return std::string(TrimPunct(name));
}

std::string LineRules::BylineAuthor(std::string_view line) const {
  // Fast path for a line of valid UTF-8 without a newline, where "." takes every character:
  // same result as byline_ ("^(?:By|BY):?\\s+(.+)$"): after "By" or "BY", an optional ':' and a
  // run of \\s, the rest of the line, which takes the last byte of the run when nothing else is
  // left.
  if (line.find('\n') != std::string_view::npos || !utf8::IsValid(line))
    return BylineAuthorByRegex(line);
  if (line.size() < 2 || line[0] != 'B' || (line[1] != 'y' && line[1] != 'Y')) return "";
  size_t i = 2;
  if (i < line.size() && line[i] == ':') ++i;
  const size_t run_start = i;
  auto space = [](char c) { return c == ' ' || c == '\t' || c == '\f' || c == '\r'; };
  while (i < line.size() && space(line[i])) ++i;
  if (i == run_start) return "";
  if (i == line.size()) {
    if (i - run_start < 2) return "";
    --i;
  }
  return AuthorOfBylineRest(line.substr(i));
}

std::string LineRules::BylineAuthorByRegex(std::string_view line) const {
  std::string rest;
  if (!RE2::FullMatch(line, *byline_, &rest)) return "";
  return AuthorOfBylineRest(rest);
}

std::string LineRules::ClosingCreditAuthor(std::string_view line) const {
  std::string name;
  if (!RE2::PartialMatch(line, *closing_credit_, &name)) return "";
  return std::string(TrimPunct(name));
}

namespace {

// The URL's trailing punctuation, which the mailer or the sentence put there, cut off.
std::string TrimUrl(std::string url) {
  while (!url.empty() && (url.back() == ')' || url.back() == '.' || url.back() == ',' ||
                          url.back() == '>' || url.back() == ']'))
    url.pop_back();
  return url;
}

}  // namespace

std::string LineRules::Url(std::string_view line) const {
  // Fast path for a line of valid UTF-8 without "ſ" (which (?i) folds with "s"), same result as
  // url_ ("((?i:https?://|ftp://|www\\.)[^\\s<>\\]]+)"): at the leftmost place where a scheme
  // (ASCII, any case) is followed by at least one byte other than \s, '<', '>' and ']', the
  // scheme and the whole run of such bytes. At one place only one scheme can start ("https://"
  // and "http://" differ in their fifth byte).
  if (line.find("\xC5\xBF") != std::string_view::npos || !utf8::IsValid(line)) return UrlByRegex(line);
  auto url_byte = [](char c) { return !Re2Space(c) && c != '<' && c != '>' && c != ']'; };
  for (size_t p = 0; p < line.size(); ++p) {
    size_t scheme = 0;
    for (std::string_view s : {"https://", "http://", "ftp://", "www."})
      if (AtCI(line, p, s)) {
        scheme = s.size();
        break;
      }
    size_t e = p + scheme;
    if (scheme == 0 || e == line.size() || !url_byte(line[e])) continue;
    while (e < line.size() && url_byte(line[e])) ++e;
    return TrimUrl(std::string(line.substr(p, e - p)));
  }
  return "";
}

std::string LineRules::UrlByRegex(std::string_view line) const {
  std::string url;
  if (!RE2::PartialMatch(line, *url_, &url)) return "";
  return TrimUrl(std::move(url));
}

std::string LineRules::SlugTitle(std::string_view line) const {
  // Compiled on first use, as the rules are: ".{0,30}?" and \\p{Lu} make it slow to compile,
  // and only wire-slug lines ask for it.
  static const RE2 slug_title(
      "^(?:(?:AP|UPI|WP(?: \\([^)]*\\))?|Reuters?|AFP|DJ|BC)\\b.{0,30}?\\d{1,2}/\\d{1,2}"
      "(?:/\\d{2,4})?(?:\\s+\\d{1,2}:?\\d\\d)?(?:\\s+(?:EST|EDT|PST|PDT|CST|CDT|GMT|ET))?|"
      "\\d{1,2}/\\d{1,2}/\\d{2,4})\\s+(\\p{Lu}.+)$");
  std::string title;
  if (!RE2::FullMatch(line, slug_title, &title)) return "";
  static const RE2 zone_only("(?:EST|EDT|CST|CDT|MST|MDT|PST|PDT|GMT|ET|PT)");
  if (RE2::FullMatch(title, zone_only)) return "";
  return std::string(TrimPunct(title));
}

}  // namespace accord::zone
