#include "pipeline/zone/zone_dates.h"

#include <re2/re2.h>
#include <re2/set.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <iterator>
#include <memory>
#include <vector>

#include "pipeline/zone/line_scan.h"

namespace accord::zone {
namespace {

#define MONTHS                                                                           \
  "(Jan(?:uary|\\.)?|Feb(?:ruary|\\.)?|Mar(?:ch|\\.)?|Apr(?:il|\\.)?|May|June?|July?|" \
  "Aug(?:ust|\\.)?|Sep(?:tember|t\\.?|\\.)?|Oct(?:ober|\\.)?|Nov(?:ember|\\.)?|Dec(?:ember|\\.)?)"
#define WEEKDAY "(?:(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs)?|Fri|Sat(?:ur)?|Sun)(?:day)?\\.?,?\\s+)?"

int MonthNumber(std::string_view m) {
  static const char* kNames[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                 "jul", "aug", "sep", "oct", "nov", "dec"};
  if (m.size() < 3) return 0;
  char lower[3] = {static_cast<char>(m[0] | 0x20), static_cast<char>(m[1] | 0x20),
                   static_cast<char>(m[2] | 0x20)};
  for (int i = 0; i < 12; ++i)
    if (lower[0] == kNames[i][0] && lower[1] == kNames[i][1] && lower[2] == kNames[i][2])
      return i + 1;
  return 0;
}

int Year(int y) {
  if (y < 100) return y < 50 ? 2000 + y : 1900 + y;
  return y;
}

std::optional<std::string> Iso(int y, int m, int d) {
  if (y < 1900 || y > 2100 || m < 1 || m > 12 || d < 1 || d > 31) return std::nullopt;
  std::string out = "0000-00-00";
  out[0] = static_cast<char>('0' + y / 1000);
  out[1] = static_cast<char>('0' + y / 100 % 10);
  out[2] = static_cast<char>('0' + y / 10 % 10);
  out[3] = static_cast<char>('0' + y % 10);
  out[5] = static_cast<char>('0' + m / 10);
  out[6] = static_cast<char>('0' + m % 10);
  out[8] = static_cast<char>('0' + d / 10);
  out[9] = static_cast<char>('0' + d % 10);
  return out;
}

// month-day-year
#define MDY "(?i)\\b" MONTHS "\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b"
// day-month-year
#define DMY "(?i)\\b(\\d{1,2})[\\s.-]+" MONTHS "[\\s.,-]+(\\d{4}|\\d{2})\\b"
// year-month-day
#define YMD_WORDS "(?i)\\b(\\d{4})\\s+" MONTHS "\\s+(\\d{1,2})\\b"
#define ISO "\\b(\\d{4})-(\\d\\d)-(\\d\\d)\\b"
// numeric
#define NUMERIC "(?:^|[^\\d/.])(\\d{1,2})[/.](\\d{1,2})[/.](\\d{2}|\\d{4})(?:$|[^\\d/.])"
// a line that is only a date
#define DATE_LINE                                                                              \
  "(?i)^[\\s_*\\[(]*(?:(?:published|posted|updated|filed|date|dated)(?::|\\s+on|\\s+at)?\\s+)?" \
  WEEKDAY                                                                                      \
  "(?:" MONTHS "\\s+\\d{1,2}(?:st|nd|rd|th)?,?(?:\\s+\\d{4})?|\\d{1,2}\\s+" MONTHS                \
  ",?\\s+\\d{4}|\\d{4}-\\d\\d-\\d\\d|\\d{1,2}/\\d{1,2}/\\d{2,4})"                               \
  "(?:,?\\s*(?:at\\s+)?\\d{1,2}[:.]\\d\\d(?:\\s*[ap]\\.?m\\.?)?(?:\\s*[A-Z]{2,4})?)?"              \
  "[\\s_*\\])]*$"
#define FILED_LINE "(?i)^\\s*(?:filed|posted|updated)\\s+(?:at|on)?\\s*\\d{1,2}[:.]\\d\\d.*$"
#define NUMERIC_MD "^(?:AP|UPI|WP|Reuters?|AFP)\\b[^\\d]{0,30}(\\d{1,2})/(\\d{1,2})\\b"
// month-day
#define MD "(?i)\\b" MONTHS "\\s+(\\d{1,2})(?:st|nd|rd|th)?\\b"

// The patterns FindDate tries in order (bit i of a PatternMask: the i-th may match).
enum : uint32_t {
  kMdy, kDmy, kYmdWords, kIso, kNumeric, kDateLine, kFiledLine, kNumericMd, kMd, kPatternCount
};
using PatternMask = uint32_t;
constexpr PatternMask kAllPatterns = (1u << kPatternCount) - 1;
constexpr PatternMask kYearPatterns =
    (1u << kMdy) | (1u << kDmy) | (1u << kYmdWords) | (1u << kIso) | (1u << kNumeric);

struct Patterns {
  Patterns() {
    // All the patterns of a line in one pass (MayMatch); their order is the enum's.
    RE2::Options options;
    options.set_log_errors(false);
    options.set_max_mem(int64_t{16} << 20);
    set = std::make_unique<RE2::Set>(options, RE2::UNANCHORED);
    for (const char* pattern : {MDY, DMY, YMD_WORDS, ISO, NUMERIC, DATE_LINE, FILED_LINE, NUMERIC_MD, MD})
      if (set->Add(pattern, nullptr) < 0) abort();
    if (!set->Compile()) abort();
  }
  std::unique_ptr<RE2::Set> set;
};

const Patterns& P() {
  static const Patterns* p = new Patterns();
  return *p;
}

// The single patterns, each compiled on first use: FindDateIn runs only the few the set's pass
// names, and some run only in tests (header, month-day-year) or when the pass gives up.
const RE2& HeaderRe() {
  static const RE2 re("(?:[A-Za-z]{3},?\\s+)?(\\d{1,2})\\s+([A-Za-z]{3})[a-z]*\\.?\\s+(\\d{2,4})");
  return re;
}
const RE2& MdyRe() { static const RE2 re(MDY); return re; }
const RE2& DmyRe() { static const RE2 re(DMY); return re; }
const RE2& YmdWordsRe() { static const RE2 re(YMD_WORDS); return re; }
const RE2& IsoRe() { static const RE2 re(ISO); return re; }
const RE2& NumericRe() { static const RE2 re(NUMERIC); return re; }
const RE2& NumericMdRe() { static const RE2 re(NUMERIC_MD); return re; }
const RE2& MdRe() { static const RE2 re(MD); return re; }
const RE2& DateLineRe() { static const RE2 re(DATE_LINE); return re; }
const RE2& FiledLineRe() { static const RE2 re(FILED_LINE); return re; }

}  // namespace

void CompileDatePatterns() { P(); }

std::optional<std::string> ParseHeaderDateByRegex(std::string_view header) {
  int d = 0, y = 0;
  re2::StringPiece mon;
  if (!RE2::PartialMatch(header, HeaderRe(), &d, &mon, &y)) return std::nullopt;
  return Iso(Year(y), MonthNumber(std::string_view(mon.data(), mon.size())), d);
}

namespace {

inline bool IsDigit(char c) { return c >= '0' && c <= '9'; }
inline bool IsAsciiLetter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
inline bool IsRe2Space(char c) {  // RE2's \s
  return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r';
}
size_t RunOf(std::string_view s, size_t i, bool (*in)(char)) {
  const size_t from = i;
  while (i < s.size() && in(s[i])) ++i;
  return i - from;
}

// The header pattern's groups (\d{1,2}) (month) (\d{2,4}) when it matches at `at` without the
// weekday. Every quantifier of the pattern is followed by a byte it cannot take, so the first
// way to match is the only one: no backtracking is needed.
bool HeaderDateRestAt(std::string_view s, size_t at, int* d, std::string_view* mon, int* y) {
  size_t i = at;
  const size_t day = RunOf(s, i, IsDigit);
  if (day == 0 || day > 2) return false;  // a third digit would have to be \s
  *d = day == 1 ? s[i] - '0' : (s[i] - '0') * 10 + (s[i + 1] - '0');
  i += day;
  size_t n = RunOf(s, i, IsRe2Space);
  if (n == 0) return false;
  i += n;
  if (RunOf(s, i, IsAsciiLetter) < 3) return false;
  *mon = s.substr(i, 3);
  i += 3;
  i += RunOf(s, i, [](char c) { return c >= 'a' && c <= 'z'; });
  if (i < s.size() && s[i] == '.') ++i;
  n = RunOf(s, i, IsRe2Space);
  if (n == 0) return false;
  i += n;
  const size_t year = RunOf(s, i, IsDigit);
  if (year < 2) return false;
  *y = 0;
  for (size_t k = 0; k < year && k < 4; ++k) *y = *y * 10 + (s[i + k] - '0');
  return true;
}

}  // namespace

// The same as ParseHeaderDateByRegex without RE2: the leftmost start where the pattern matches,
// the weekday "(?:[A-Za-z]{3},?\s+)?" taken there when it can be.
std::optional<std::string> ParseHeaderDate(std::string_view header) {
  int d = 0, y = 0;
  std::string_view mon;
  for (size_t at = 0; at < header.size(); ++at) {
    bool found = false;
    if (RunOf(header, at, IsAsciiLetter) >= 3) {
      size_t i = at + 3;
      if (i < header.size() && header[i] == ',') ++i;
      const size_t spaces = RunOf(header, i, IsRe2Space);
      found = spaces > 0 && HeaderDateRestAt(header, i + spaces, &d, &mon, &y);
    } else {
      found = HeaderDateRestAt(header, at, &d, &mon, &y);
    }
    if (found) return Iso(Year(y), MonthNumber(mon), d);
  }
  return std::nullopt;
}

namespace {

// The three letters at s[i] (ASCII, any case) start a month name: "jan" ... "dec".
bool MonthAt(std::string_view s, size_t i) {
  if (i + 3 > s.size()) return false;
  const char a = static_cast<char>(s[i] | 0x20), b = static_cast<char>(s[i + 1] | 0x20),
             c = static_cast<char>(s[i + 2] | 0x20);
  switch (a) {
    case 'j': return b == 'a' ? c == 'n' : b == 'u' && (c == 'n' || c == 'l');
    case 'f': return b == 'e' && c == 'b';
    case 'm': return b == 'a' && (c == 'r' || c == 'y');
    case 'a': return (b == 'p' && c == 'r') || (b == 'u' && c == 'g');
    case 's': return b == 'e' && c == 'p';
    case 'o': return b == 'c' && c == 't';
    case 'n': return b == 'o' && c == 'v';
    case 'd': return b == 'e' && c == 'c';
    default: return false;
  }
}

// A cheap test that no date pattern can match `line`: false only when the line has neither a
// month name (its first three letters) after a byte that is not an ASCII letter, which every
// pattern with words needs (they put \b, white space, '.', '-', '_' or a line start before
// it), nor a digit, then one of "/.:-", then a digit, which every numeric pattern and the
// clock time of FILED_LINE need. Month names are compared in ASCII; their only letter with a
// non-ASCII case variant under (?i) is s (U+017F "ſ"), so a line holding that one always goes
// on to the Set.
bool MayHoldDate(std::string_view line) {
  // Every pattern has a \d (ASCII digits only in RE2): a line without one is soon told.
  if (!HasDigit(line)) return false;
  const size_t n = line.size();
  bool after_letter = false;
  for (size_t i = 0; i < n; ++i) {
    const char c = line[i];
    const bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    if (letter) {
      if (!after_letter && MonthAt(line, i)) return true;
    } else if (IsDigit(c)) {
      if (i + 2 < n && IsDigit(line[i + 2]) &&
          (line[i + 1] == '/' || line[i + 1] == '.' || line[i + 1] == ':' || line[i + 1] == '-'))
        return true;
    } else if (c == '\xC5' && i + 1 < n && line[i + 1] == '\xBF') {
      return true;  // ſ
    }
    after_letter = letter;
  }
  return false;
}

// The patterns that match `line`; `exact` false when the set gave up (all patterns may match).
PatternMask MayMatch(std::string_view line, bool* exact = nullptr) {
  if (exact) *exact = true;
  if (!MayHoldDate(line)) return 0;
  thread_local std::vector<int> matched;
  RE2::Set::ErrorInfo error;
  PatternMask may_match = 0;
  if (P().set->Match(line, &matched, &error)) {
    for (int i : matched) may_match |= 1u << i;
  } else if (error.kind != RE2::Set::kNoError) {
    may_match = kAllPatterns;  // out of memory: try every pattern
    if (exact) *exact = false;
  }
  return may_match;
}

std::string_view View(const re2::StringPiece& s) { return std::string_view(s.data(), s.size()); }
// The value of a captured run of digits (\d{1,4}).
int Number(const re2::StringPiece& s) {
  int n = 0;
  for (char c : s) n = n * 10 + (c - '0');
  return n;
}

// month-day-year (MDY) without RE2: its groups where it first matches. At a place where \b and a
// month's first three letters are, every step has one way to go: of the spellings of the month
// ("Sep", "Sep.", "Sept", "Sept.", "September"), only the one that ends where the white space
// starts can be followed by \s+; \s+ ends where the digits start; the day is the whole run of
// digits (one or two); a suffix, if there, is taken ("5th"), a comma too; the year is four digits
// and a \b. Returns 1 with the groups, 0 when MDY matches nowhere, -1 when the line holds "ſ",
// which (?i) folds with "s": then the pattern decides.
int MonthDayYear(std::string_view line, int* month, int* day, int* year) {
  static constexpr std::string_view kEndings[12][5] = {
      {"uary", "."}, {"ruary", "."}, {"ch", "."}, {"il", "."}, {}, {"e"},
      {"y"}, {"ust", "."}, {"tember", "t.", "t", "."}, {"ober", "."}, {"ember", "."}, {"ember", "."}};
  if (line.find("\xC5\xBF") != std::string_view::npos) return -1;
  const size_t n = line.size();
  auto word = [&](size_t i) { return IsAsciiLetter(line[i]) || IsDigit(line[i]) || line[i] == '_'; };
  auto at_ci = [&](size_t i, std::string_view lit) {
    if (i + lit.size() > n) return false;
    for (size_t k = 0; k < lit.size(); ++k)
      if ((IsAsciiLetter(line[i + k]) ? line[i + k] | 0x20 : line[i + k]) != lit[k]) return false;
    return true;
  };
  for (size_t i = 0; i + 3 <= n; ++i) {
    if (!MonthAt(line, i) || (i > 0 && word(i - 1))) continue;
    const int m = MonthNumber(line.substr(i, 3));
    // The end of the month's name: three letters, or one of the longer spellings, before \s.
    size_t e = i + 3;
    if (!(e < n && IsRe2Space(line[e]))) {
      bool found = false;
      for (std::string_view ending : kEndings[m - 1]) {
        if (ending.empty()) break;
        if (at_ci(e, ending) && e + ending.size() < n && IsRe2Space(line[e + ending.size()])) {
          e += ending.size();
          found = true;
          break;
        }
      }
      if (!found) continue;
    }
    size_t k = e + RunOf(line, e, IsRe2Space);
    const size_t digits = RunOf(line, k, IsDigit);
    if (digits == 0 || digits > 2) continue;
    const int d = digits == 1 ? line[k] - '0' : (line[k] - '0') * 10 + (line[k + 1] - '0');
    k += digits;
    if (at_ci(k, "st") || at_ci(k, "nd") || at_ci(k, "rd") || at_ci(k, "th")) k += 2;
    if (k < n && line[k] == ',') ++k;
    const size_t spaces = RunOf(line, k, IsRe2Space);
    if (spaces == 0) continue;
    k += spaces;
    if (RunOf(line, k, IsDigit) < 4 || (k + 4 < n && word(k + 4))) continue;
    *month = m;
    *day = d;
    *year = (line[k] - '0') * 1000 + (line[k + 1] - '0') * 100 + (line[k + 2] - '0') * 10 + (line[k + 3] - '0');
    return 1;
  }
  return 0;
}

// FindDate, trying only the patterns of `may_match` among the ones with a year (the others are
// known not to match).
std::optional<std::string> FindDateIn(std::string_view line, int default_year,
                                      PatternMask may_match, bool fast_paths = true) {
  re2::StringPiece a, b, c;  // views of `line`
  if (may_match >> kMdy & 1u) {
    int m = 0, d = 0, y = 0;
    const int found = fast_paths ? MonthDayYear(line, &m, &d, &y) : -1;
    if (found == 1) return Iso(y, m, d);
    if (found < 0 && RE2::PartialMatch(line, MdyRe(), &a, &b, &c))
      return Iso(Number(c), MonthNumber(View(a)), Number(b));
  }
  if ((may_match >> kDmy & 1u) && RE2::PartialMatch(line, DmyRe(), &a, &b, &c))
    return Iso(Year(Number(c)), MonthNumber(View(b)), Number(a));
  if ((may_match >> kYmdWords & 1u) && RE2::PartialMatch(line, YmdWordsRe(), &a, &b, &c))
    return Iso(Number(a), MonthNumber(View(b)), Number(c));
  if ((may_match >> kIso & 1u) && RE2::PartialMatch(line, IsoRe(), &a, &b, &c))
    return Iso(Number(a), Number(b), Number(c));
  if ((may_match >> kNumeric & 1u) && RE2::PartialMatch(line, NumericRe(), &a, &b, &c))
    return Iso(Year(Number(c)), Number(a), Number(b));
  if (default_year > 0) {
    if ((may_match >> kNumericMd & 1u) && RE2::PartialMatch(line, NumericMdRe(), &a, &b))
      return Iso(default_year, Number(a), Number(b));
    if ((may_match >> kMd & 1u) && RE2::PartialMatch(line, MdRe(), &a, &b)) {
      // "May 5" only with a capital M: "may 5" is a verb.
      if (MonthNumber(View(a)) == 5 && a[0] != 'M') return std::nullopt;
      return Iso(default_year, MonthNumber(View(a)), Number(b));
    }
  }
  return std::nullopt;
}

}  // namespace

std::optional<std::string> FindDate(std::string_view line, int default_year) {
  return FindDateIn(line, default_year, MayMatch(line));
}

std::optional<std::string> FindDateByRegex(std::string_view line, int default_year) {
  return FindDateIn(line, default_year, kAllPatterns, /*fast_paths=*/false);
}

bool IsDateLine(std::string_view line) {
  return RE2::FullMatch(line, DateLineRe()) || RE2::FullMatch(line, FiledLineRe());
}

LineDates ScanLineDatePatterns(std::string_view line) {
  bool exact = true;
  const PatternMask may_match = MayMatch(line, &exact);
  LineDates out;
  // DATE_LINE and FILED_LINE are anchored at both ends: the set's match is IsDateLine's.
  const PatternMask date_line = may_match & ((1u << kDateLine) | (1u << kFiledLine));
  if (date_line) out.date_line = exact || IsDateLine(line);
  out.patterns = may_match;
  out.exact = exact;
  out.year_date_known = (may_match & kYearPatterns) == 0;
  return out;
}

uint32_t DatePatternsByRegex(std::string_view line) {
  const RE2* const kSingle[] = {&MdyRe(), &DmyRe(), &YmdWordsRe(), &IsoRe(), &NumericRe(),
                                &DateLineRe(), &FiledLineRe(), &NumericMdRe(), &MdRe()};
  static_assert(std::size(kSingle) == kPatternCount);
  PatternMask out = 0;
  for (uint32_t p = 0; p < kPatternCount; ++p)
    if (RE2::PartialMatch(line, *kSingle[p])) out |= 1u << p;
  return out;
}

void FindYearDate(std::string_view line, LineDates& scanned) {
  if (scanned.year_date_known) return;
  scanned.date = FindDateIn(line, 0, scanned.patterns);
  scanned.year_date = scanned.date.has_value();
  scanned.year_date_known = true;
}

LineDates ScanLineDates(std::string_view line) {
  LineDates out = ScanLineDatePatterns(line);
  FindYearDate(line, out);
  return out;
}

std::optional<std::string> FindDate(std::string_view line, int default_year, const LineDates& scanned) {
  if (!scanned.exact) return FindDate(line, default_year);
  // The first pattern with a year that matches gives the answer, whatever the default year.
  if (scanned.patterns & kYearPatterns) return scanned.date;
  if (default_year <= 0) return std::nullopt;
  return FindDateIn(line, default_year, scanned.patterns);
}

}  // namespace accord::zone
