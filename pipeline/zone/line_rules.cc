#include "pipeline/zone/line_rules.h"

#include <vector>

#include "pipeline/utf8.h"

namespace accord::zone {
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
std::string AuthorOfBylineRest(std::string_view rest) {
  static const std::string_view kCuts[] = {", ", " - ", " -- ", " — ", "|", "(", ";", "  ",
                                           "\t", "/"};
  size_t cut = rest.size();
  for (std::string_view c : kCuts) cut = std::min(cut, rest.find(c));
  return TitleCaseAllCaps(TrimPunct(rest.substr(0, cut)));
}

bool AsciiLetter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// first-person keywords: a boundary before and after ("(?:^|[^\p{L}'’])" and
// "(?:[^\p{L}'’]|$)"); a non-ASCII byte counts as a boundary, which can only say "may match".
// True when one of them starts at line[i].
bool FirstPersonAt(std::string_view line, size_t i) {
  static constexpr std::string_view kWords[] = {"I",  "I'm", "I've", "I'd",   "I'll", "my",
                                                "My", "me",  "we're", "We're", "IMHO"};
  auto blocks = [](char c) { return AsciiLetter(c) || c == '\''; };
  const char c = line[i];
  if (i > 0 && blocks(line[i - 1])) return false;
  for (std::string_view w : kWords) {
    if (w[0] != c || line.compare(i, w.size(), w) != 0) continue;
    const size_t j = i + w.size();
    if (j == line.size() || !blocks(line[j])) return true;
  }
  return false;
}

inline char Lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c | 0x20) : c; }

// `lit` (lower case) at line[i], ASCII letters in any case.
bool AtCI(std::string_view line, size_t i, std::string_view lit) {
  if (line.size() - i < lit.size()) return false;
  for (size_t k = 0; k < lit.size(); ++k)
    if (Lower(line[i + k]) != lit[k]) return false;
  return true;
}
bool StartsCI(std::string_view line, std::string_view lit) { return AtCI(line, 0, lit); }
bool EndsCI(std::string_view line, std::string_view lit) {
  return line.size() >= lit.size() && AtCI(line, line.size() - lit.size(), lit);
}

// What MayMatchAnyRule looks for in one pass over a line, read from the pair of bytes (previous,
// current): a literal starting at the previous byte (the first two bytes, ASCII letters in
// either case, of the literals it looks for anywhere), the first letter of a first-person word
// after a byte that does not block it, and '|'. A table of all pairs answers with one load per
// byte; most pairs start nothing.
class PairScan {
 public:
  enum : uint8_t { kLiteralBefore = 1, kPerson = 2, kPipe = 4 };
  // The byte before the first one of a line: it blocks no word and starts no literal.
  static constexpr char kLineStart = ' ';
  PairScan() {
    auto blocks = [](char c) { return AsciiLetter(c) || c == '\''; };
    for (int a = 0; a < 256; ++a) {
      const char prev = static_cast<char>(a);
      Add(prev, '|', kPipe);
      if (!blocks(prev))
        for (char c : {'I', 'm', 'M', 'w', 'W'}) Add(prev, c, kPerson);
    }
    for (std::string_view lit :
         {"://", "-request@", "(c)", "/mailman/options", "/listinfo/", "copy", "forward",
          "included", "listserv@", "mailman/listinfo", "majordomo@", "original", "paper",
          "reprint", "rights reserved", "unsubscribe", "www.", "\xC2\xA9", "\xC5\xBF",
          "\xE2\x84\xAA"})
      for (char a : {lit[0], Upper(lit[0])})
        for (char b : {lit[1], Upper(lit[1])}) Add(a, b, kLiteralBefore);
  }
  uint8_t At(char prev, char cur) const {
    return table_[static_cast<size_t>(static_cast<unsigned char>(prev)) << 8 |
                  static_cast<unsigned char>(cur)];
  }

 private:
  static char Upper(char c) { return c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c; }
  void Add(char prev, char cur, uint8_t what) {
    table_[static_cast<size_t>(static_cast<unsigned char>(prev)) << 8 |
           static_cast<unsigned char>(cur)] |= what;
  }
  uint8_t table_[65536] = {};
};
const PairScan kPairScan;

// One of the literals MayMatchAnyRule looks for anywhere starts at line[i] (whose two bytes
// are a literal's start).
bool LiteralAt(std::string_view line, size_t i) {
  switch (Lower(line[i])) {
    case ':': if (AtCI(line, i, "://")) return true; break;
    case '-': if (AtCI(line, i, "-request@")) return true; break;
    case '(': if (AtCI(line, i, "(c)")) return true; break;
    case '/':
      if (AtCI(line, i, "/mailman/options") || AtCI(line, i, "/listinfo/")) return true;
      break;
    case 'c': if (AtCI(line, i, "copy")) return true; break;
    case 'f': if (AtCI(line, i, "forward")) return true; break;
    case 'i': if (AtCI(line, i, "included")) return true; break;
    case 'l': if (AtCI(line, i, "listserv@")) return true; break;
    case 'm': if (AtCI(line, i, "mailman/listinfo") || AtCI(line, i, "majordomo@")) return true; break;
    case 'o': if (AtCI(line, i, "original")) return true; break;
    case 'p': if (AtCI(line, i, "paper")) return true; break;
    case 'r': if (AtCI(line, i, "reprint") || AtCI(line, i, "rights reserved")) return true; break;
    case 'u': if (AtCI(line, i, "unsubscribe")) return true; break;
    case 'w': if (AtCI(line, i, "www.")) return true; break;
    case '\xC2': if (AtCI(line, i, "\xC2\xA9")) return true; break;      // ©
    case '\xC5': if (AtCI(line, i, "\xC5\xBF")) return true; break;      // ſ
    case '\xE2': if (AtCI(line, i, "\xE2\x84\xAA")) return true; break;  // K (Kelvin)
    default: return true;
  }
  return false;
}

// A cheap test that no rule of kRules can match `line`: false only when each rule lacks a
// literal, first byte or last byte it needs. Lines it rejects skip the RE2::Set (most body text);
// it must never reject a line a rule matches (tests/unit/zone_test.cc checks it on every rule's
// examples). Case-insensitive literals are compared in ASCII, so a line holding one of the two
// non-ASCII case variants of ASCII letters (U+017F "ſ" of s, U+212A "K" of k) always goes on to
// the Set.
bool MayMatchAnyRule(std::string_view line) {
  const char first = line[0];
  // footer-rule, signature-delimiter, pgp-*, elision, closing-credit, separator, copyright
  // prefix, a capital beyond ASCII (dateline)
  if (static_cast<unsigned char>(first) >= 0x80 ||
      std::string_view("_-=*~#+ [.<(>\\\t\r\f\n").find(first) != std::string_view::npos)
    return true;
  // footer-mailing-list, reply-attribution
  switch (Lower(line.back())) {
    case 't': if (EndsCI(line, " mailing list")) return true; break;
    case 'e': if (EndsCI(line, "wrote")) return true; break;
    case 's': if (EndsCI(line, "writes")) return true; break;
    case ':':
      if (EndsCI(line, "wrote:") || EndsCI(line, "writes:") || EndsCI(line, "said:")) return true;
      break;
    default: break;
  }
  // byline ("By", "BY"); wire-slug (an agency and a "/" of its date, or a date first)
  if (line.compare(0, 2, "By") == 0 || line.compare(0, 2, "BY") == 0) return true;
  if ((std::string_view("AUWRDB").find(first) != std::string_view::npos &&
       line.find('/') != std::string_view::npos) ||
      (first >= '0' && first <= '9'))
    return true;
  // Rules anchored at the start: footer-listinfo, pgp-hash, boilerplate, source-line.
  switch (Lower(first)) {
    case 'a':
      if (StartsCI(line, "advertisement") || StartsCI(line, "adv") || StartsCI(line, "as seen in"))
        return true;
      break;
    case 'b': if (StartsCI(line, "back to")) return true; break;
    case 'c': if (StartsCI(line, "click here")) return true; break;
    case 'e':
      if (StartsCI(line, "e-mail this") || StartsCI(line, "email this") || StartsCI(line, "excerpted from"))
        return true;
      break;
    case 'f': if (StartsCI(line, "follow us") || StartsCI(line, "from")) return true; break;
    case 'g': if (StartsCI(line, "graphic")) return true; break;
    case 'h': if (StartsCI(line, "hash: ") || StartsCI(line, "home ")) return true; break;
    case 'i': if (StartsCI(line, "image")) return true; break;
    case 'p': if (StartsCI(line, "photo") || StartsCI(line, "print this")) return true; break;
    case 'r':
      if (StartsCI(line, "related ") || StartsCI(line, "reprinted from") ||
          StartsCI(line, "reply via email to"))
        return true;
      break;
    case 's':
      if (StartsCI(line, "sponsored by") || StartsCI(line, "share this") ||
          StartsCI(line, "subscribe ") || StartsCI(line, "source"))
        return true;
      break;
    case 't': if (StartsCI(line, "top of page") || StartsCI(line, "taken from")) return true; break;
    case 'v': if (StartsCI(line, "video") || StartsCI(line, "via")) return true; break;
    case 'y':
      if (StartsCI(line, "you are subscribed") || StartsCI(line, "you received this message because"))
        return true;
      break;
    default: break;
  }
  // Literals anywhere: footer-listinfo, forward-marker, forward-end, url-line, boilerplate,
  // copyright, and the non-ASCII case variants of s and k; only at the byte pairs that start one.
  // The same pass notes whether a first-person word may be in the line (the last test below).
  bool first_person = false;
  char prev = PairScan::kLineStart;
  for (size_t i = 0; i < line.size(); ++i) {
    const uint8_t k = kPairScan.At(prev, line[i]);
    prev = line[i];
    if (k == 0) continue;
    if (k & PairScan::kPipe) return true;
    if ((k & PairScan::kLiteralBefore) && LiteralAt(line, i - 1)) return true;
    if ((k & PairScan::kPerson) && !first_person) first_person = FirstPersonAt(line, i);
  }
  if (first >= 'A' && first <= 'Z') {
    // header-line: a field name of [A-Za-z0-9.-] and its colon, or an mbox "From " line.
    size_t name = 0;
    while (name < line.size() && (AsciiLetter(line[name]) || (line[name] >= '0' && line[name] <= '9') ||
                                  line[name] == '.' || line[name] == '-'))
      ++name;
    if ((name < line.size() && line[name] == ':') || line.substr(0, 5) == "From ") return true;
    // dateline: a dash then white space or the end ("WASHINGTON --", "Tokyo (AP) - "), or — –.
    for (size_t i = line.find('-'); i != std::string_view::npos; i = line.find('-', i + 1))
      if (i + 1 == line.size() || std::string_view(" \t\n\v\f\r").find(line[i + 1]) != std::string_view::npos)
        return true;
    if (line.find("\xE2\x80\x94") != std::string_view::npos ||
        line.find("\xE2\x80\x93") != std::string_view::npos)
      return true;
  }
  return first_person;
}

}  // namespace

std::string_view LineRuleName(LineRule r) {
  for (const RuleDef& d : kRules)
    if (d.rule == r) return d.name;
  return "?";
}

LineRules::LineRules() {
  RE2::Options options;
  options.set_log_errors(false);
  options.set_max_mem(int64_t{64} << 20);
  set_ = std::make_unique<RE2::Set>(options, RE2::UNANCHORED);
  for (const RuleDef& d : kRules) {
    std::string error;
    const int index = set_->Add(d.pattern, &error);
    if (index != static_cast<int>(d.rule)) {
      // A bad pattern is a bug in this file: fail loudly at start-up.
      fprintf(stderr, "zone line rule %s: %s\n", d.name, error.c_str());
      abort();
    }
  }
  if (!set_->Compile()) abort();
  list_name_ = std::make_unique<RE2>("^(.{1,60}?) (?i:mailing list)$");
  byline_ = std::make_unique<RE2>("^(?:By|BY):?\\s+(.+)$");
  closing_credit_ = std::make_unique<RE2>("^\\(([^/]+)/");
  url_ = std::make_unique<RE2>("((?i:https?://|ftp://|www\\.)[^\\s<>\\]]+)");
  slug_title_ = std::make_unique<RE2>(
      "^(?:(?:AP|UPI|WP(?: \\([^)]*\\))?|Reuters?|AFP|DJ|BC)\\b.{0,30}?\\d{1,2}/\\d{1,2}"
      "(?:/\\d{2,4})?(?:\\s+\\d{1,2}:?\\d\\d)?(?:\\s+(?:EST|EDT|PST|PDT|CST|CDT|GMT|ET))?|"
      "\\d{1,2}/\\d{1,2}/\\d{2,4})\\s+(\\p{Lu}.+)$");
}

const LineRules& LineRules::Get() {
  static const LineRules* rules = new LineRules();
  return *rules;
}

LineRuleSet LineRules::Match(std::string_view line) const {
  if (line.empty() || !MayMatchAnyRule(line)) return 0;
  return MatchWithoutPrefilter(line);
}

LineRuleSet LineRules::MatchWithoutPrefilter(std::string_view line) const {
  thread_local std::vector<int> matched;
  matched.clear();
  if (line.empty() || !set_->Match(line, &matched)) return 0;
  LineRuleSet out = 0;
  for (int i : matched) out |= 1u << i;
  if ((out >> kByline & 1u) && line.size() > 120) out &= ~(1u << kByline);
  return out;
}

std::string LineRules::ListName(std::string_view line) const {
  // Fast path for an ASCII line, same result as list_name_: the name is all before a final
  // " mailing list" (any case), 1 to 60 characters without a newline.
  static constexpr std::string_view kSuffix = " mailing list";
  bool ascii = true;
  for (char c : line) ascii &= static_cast<unsigned char>(c) < 0x80 && c != '\n';
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
  // Fast path for an ASCII line without a newline, same result as byline_
  // ("^(?:By|BY):?\\s+(.+)$"): after "By" or "BY", an optional ':' and a run of \\s, the rest of
  // the line, which takes the last byte of the run when nothing else is left.
  bool ascii = true;
  for (char c : line) ascii &= static_cast<unsigned char>(c) < 0x80 && c != '\n';
  if (!ascii) return BylineAuthorByRegex(line);
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

std::string LineRules::Url(std::string_view line) const {
  std::string url;
  if (!RE2::PartialMatch(line, *url_, &url)) return "";
  while (!url.empty() && (url.back() == ')' || url.back() == '.' || url.back() == ',' ||
                          url.back() == '>' || url.back() == ']'))
    url.pop_back();
  return url;
}

std::string LineRules::SlugTitle(std::string_view line) const {
  std::string title;
  if (!RE2::FullMatch(line, *slug_title_, &title)) return "";
  static const RE2 zone_only("(?:EST|EDT|CST|CDT|MST|MDT|PST|PDT|GMT|ET|PT)");
  if (RE2::FullMatch(title, zone_only)) return "";
  return std::string(TrimPunct(title));
}

}  // namespace accord::zone
