#include "extractors/dates/date_filters.h"
#include "extractors/dates/word_set.h"
#include "pipeline/ascii.h"

#include <array>
#include <bit>
#include <cctype>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace accord::dates {
namespace {

// ASCII letters and digits: the C locale's isalnum and isdigit, without their calls.
constexpr bool IsDigit(char c) { return c >= '0' && c <= '9'; }
constexpr bool IsAlnum(char c) { return IsDigit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
constexpr bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

bool IEquals(std::string_view a, std::string_view b) { return ascii::EqualsIgnoreCase(a, b); }

bool OneOf(std::string_view w, std::initializer_list<std::string_view> words) {
  for (auto x : words)
    if (IEquals(w, x)) return true;
  return false;
}

// The bytes the context scans below step over, as bits: one look-up a byte, as every match that
// may win pays for these scans.
enum : uint8_t { kSpaceByte = 1, kGap = 2, kWordBeforeByte = 4, kWordAfterByte = 8 };
constexpr auto kContextBytes = [] {
  std::array<uint8_t, 256> table{};
  for (int c = 0; c < 256; ++c) {
    const char ch = static_cast<char>(c);
    if (IsSpace(ch)) table[c] |= kSpaceByte | kGap;
    if (ch == '>') table[c] |= kGap;
    if (IsAlnum(ch) || ch == '\'') table[c] |= kWordBeforeByte | kWordAfterByte;
    if (ch == '.') table[c] |= kWordBeforeByte;
  }
  return table;
}();
bool Is(char c, uint8_t bits) { return (kContextBytes[static_cast<uint8_t>(c)] & bits) != 0; }

// The word (letters, digits, '.', '\'') that ends right before `pos`, skipping blanks and '>'.
std::string_view WordBefore(std::string_view t, size_t pos) {
  size_t e = pos;
  while (e > 0 && Is(t[e - 1], kGap)) --e;
  size_t b = e;
  while (b > 0 && Is(t[b - 1], kWordBeforeByte)) --b;
  std::string_view w = t.substr(b, e - b);
  while (!w.empty() && w.back() == '.') w.remove_suffix(1);
  return w;
}

// The word that starts after `pos`, skipping blanks.
std::string_view WordAfter(std::string_view t, size_t pos) {
  size_t b = pos;
  while (b < t.size() && Is(t[b], kGap)) ++b;
  size_t e = b;
  while (e < t.size() && Is(t[e], kWordAfterByte)) ++e;
  return t.substr(b, e - b);
}

// The blank-delimited token around [begin, end), at most 200 bytes either side.
std::string_view TokenAround(std::string_view t, size_t begin, size_t end) {
  size_t b = begin, e = end;
  const size_t lo = begin > 200 ? begin - 200 : 0, hi = std::min(t.size(), end + 200);
  while (b > lo && !Is(t[b - 1], kSpaceByte)) --b;
  while (e < hi && !Is(t[e], kSpaceByte)) ++e;
  return t.substr(b, e - b);
}

}  // namespace

namespace {

// ':', '.' and '@': one look-up a byte for the last bytes of a token.
constexpr auto kMarkerBytes = [] {
  std::array<bool, 256> table{};
  for (char c : {':', '.', '@'}) table[static_cast<uint8_t>(c)] = true;
  return table;
}();

// The first ':', '.' or '@' of token[i, end), else token.size(): sixteen bytes a step, as every
// match's token is searched.
size_t NextMarker(std::string_view token, size_t i) {
#if defined(__SSE2__)
  for (; i + 16 <= token.size(); i += 16) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(token.data() + i));
    const __m128i hits = _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8(':')),
                                      _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('.')),
                                                   _mm_cmpeq_epi8(v, _mm_set1_epi8('@'))));
    if (const unsigned mask = static_cast<unsigned>(_mm_movemask_epi8(hits)); mask != 0)
      return i + static_cast<size_t>(std::countr_zero(mask));
  }
#endif
  for (; i < token.size(); ++i)
    if (kMarkerBytes[static_cast<uint8_t>(token[i])]) return i;
  return token.size();
}

}  // namespace

// One pass over the token: each marker holds a ':', a '.' or an '@' at a known place ("www." its
// '.' fourth), and ".html" begins with ".htm".
bool InsideUrlOrAddress(std::string_view token) {
  for (size_t i = NextMarker(token, 0); i < token.size(); i = NextMarker(token, i + 1)) {
    switch (token[i]) {
      case '@':
        return true;
      case ':':
        if (token.substr(i).starts_with("://")) return true;
        break;
      case '.': {
        const std::string_view rest = token.substr(i);
        if (i >= 3 && token.substr(i - 3, 4) == "www.") return true;
        if (rest.starts_with(".htm") || rest.starts_with(".com/") || rest.starts_with(".org/") ||
            rest.starts_with(".net/") || rest.starts_with(".gov/"))
          return true;
        break;
      }
      default:
        break;
    }
  }
  return false;
}

namespace {

// Numbers glued to other numbers or symbols: phone numbers (555-2018), money ($2018),
// decimals and versions (2.2018, 10.2018.1), percentages, thousands (2,018), clock readings.
const char* NumericContext(std::string_view t, size_t begin, size_t end) {
  const char before = begin > 0 ? t[begin - 1] : ' ';
  const char before2 = begin > 1 ? t[begin - 2] : ' ';
  const char after = end < t.size() ? t[end] : ' ';
  const char after2 = end + 1 < t.size() ? t[end + 1] : ' ';
  if (IsDigit(t[begin])) {
    if (before == '$' || before == '#' || before == '+') return "money-or-number-sign";
    if (begin >= 2 && (t.compare(begin - 2, 2, "\xC2\xA3") == 0)) return "money-or-number-sign";  // £
    if (begin >= 3 && (t.compare(begin - 3, 3, "\xE2\x82\xAC") == 0)) return "money-or-number-sign";  // €
    if ((before == '-' || before == '.' || before == ',' || before == ':' || before == '/') && IsDigit(before2))
      return "part-of-a-longer-number";
    if (before == '(' && IsDigit(after2) && after == ')') return "part-of-a-longer-number";
  }
  if (IsDigit(t[end - 1])) {
    if (after == '%') return "percentage";
    if ((after == '-' || after == '.' || after == ',' || after == ':' || after == '/') && IsDigit(after2))
      return "part-of-a-longer-number";
  }
  return nullptr;
}

// Words after which a number is a label, not a year: "version 2000", "page 1998", "No. 2001".
constexpr std::string_view kLabelWords[] = {
    "version", "v", "ver", "release", "rev", "revision", "model", "no", "nos",
    "number", "num", "page", "pages", "p", "pp", "section", "sec", "sect",
    "chapter", "ch", "article", "art", "room", "flight", "route", "highway",
    "interstate", "box", "suite", "ext", "extension", "code", "rule", "paragraph",
    "para", "part", "item", "vol", "volume", "issue", "windows", "office", "build",
    "patch", "firmware", "iso", "rfc", "ieee", "line", "lines", "file", "id",
    "phone", "fax", "tel", "call", "dial", "zip"};

// Words after a number that make it a quantity, not a year: "2000 people", "1500 miles".
constexpr std::string_view kQuantityNouns[] = {
    "people", "persons", "person", "employees", "workers", "users", "jobs",
    "members", "troops", "soldiers", "copies", "units", "computers", "machines",
    "dollars", "euros", "pounds", "yen", "marks", "francs", "miles", "km",
    "kilometers", "kilometres", "feet", "ft", "meters", "metres", "pages", "words",
    "times", "messages", "sites", "companies", "points", "votes", "cases", "deaths",
    "bytes", "bits", "kb", "mb", "gb", "mhz", "ghz", "hours", "minutes", "seconds",
    "days", "weeks", "months", "years", "calls", "lines", "items", "files",
    "customers", "subscribers", "homes", "students", "children", "of", "percent",
    "pct", "per", "to", "x", "and"};

// Words that introduce a year before 1900 ("in 1776").
constexpr std::string_view kOldYearWords[] = {"in", "since", "of", "until", "from", "before", "after",
                                              "during", "circa", "c", "around", "year"};
// Words that introduce a month name alone ("in May", "early June").
constexpr std::string_view kMonthContextWords[] = {
    "in", "since", "until", "till", "by", "of", "from", "through", "to", "before", "after",
    "during", "early", "late", "mid", "last", "next", "this", "between", "and", "or", "around",
    "for", "that", "each", "every", "on", "throughout", "later", "earlier", "end"};
// Newspapers and institutions named after a day: "Sunday Times", "Monday Night".
constexpr std::string_view kWeekdayNameWords[] = {
    "Times", "Telegraph", "Herald", "Express", "Mirror", "Mail", "Post", "Tribune", "Independent",
    "Observer", "Star", "School", "Sport", "Night"};
// Words after which "a minute" is the unit ("a minute ago"), not the adjective.
constexpr std::string_view kAfterMinuteWords[] = {
    "ago", "later", "earlier", "before", "after", "or", "and", "to", "of", "for", "in", "from",
    "when", "while", "longer", "more", "now"};

bool OldYearWord(std::string_view w) {
  static const WordSet words = WordSet::Of(kOldYearWords);
  return words.Contains(w);
}

bool MonthContextWord(std::string_view w) {
  static const WordSet words = WordSet::Of(kMonthContextWords);
  return words.Contains(w);
}

bool WeekdayNameWord(std::string_view w) {
  static const WordSet words = WordSet::Of(kWeekdayNameWords);
  return words.Contains(w);
}

bool AfterMinuteWord(std::string_view w) {
  static const WordSet words = WordSet::Of(kAfterMinuteWords);
  return words.Contains(w);
}

bool LabelWord(std::string_view w) {
  static const WordSet words = WordSet::Of(kLabelWords);
  return words.Contains(w);
}

bool QuantityNoun(std::string_view w) {
  static const WordSet words = WordSet::Of(kQuantityNouns);
  return words.Contains(w);
}

bool StartsWithDigit(std::string_view s) { return !s.empty() && IsDigit(s[0]); }

}  // namespace

const char* RejectReason(const RuleSpec& spec, const Match& m, std::string_view t) {
  const size_t begin = m.begin, end = m.end;
  // Word boundaries (the patterns' \b do not see a match that starts or ends inside a word).
  if (begin > 0 && IsAlnum(t[begin - 1]) && IsAlnum(t[begin])) return "inside-a-word";
  if (end < t.size() && IsAlnum(t[end]) && IsAlnum(t[end - 1])) return "inside-a-word";

  const std::string_view token = TokenAround(t, begin, end);
  if (InsideUrlOrAddress(token)) return "inside-a-url-or-address";

  if (const char* why = NumericContext(t, begin, end)) return why;

  const std::string_view before = WordBefore(t, begin);
  const std::string_view after = WordAfter(t, end);

  switch (spec.kind) {
    case RuleKind::kYear:
    case RuleKind::kRange: {
      if (m.has(kSlotMod)) break;
      if (LabelWord(before)) return "label-number";
      if (StartsWithDigit(before)) return "number-sequence";
      // "bugs 1024 and 2048": one of a list of numbers that are not years.
      if (OneOf(before, {"and", "or", "to", "through"})) {
        std::string_view first = WordBefore(t, before.data() - t.data());
        if (StartsWithDigit(first) && (first.size() != 4 || first < "1500" || first > "2099"))
          return "number-sequence";
      }
      // "a 1989 Honda": a model year.
      if (OneOf(before, {"a", "an"})) return "model-year";
      if (OneOf(before, {"new", "used", "vintage"}) &&
          OneOf(WordBefore(t, before.data() - t.data()), {"a", "an"}))
        return "model-year";
      if (StartsWithDigit(after)) return "number-sequence";
      if (QuantityNoun(after) && !OneOf(after, {"of", "to", "and"})) return "quantity";
      // Laws and products named with their year: "the Telecommunications Act of 1996".
      if (IEquals(before, "of")) {
        std::string_view two = WordBefore(t, before.data() - t.data());
        if (OneOf(two, {"act", "acts", "bill", "law", "amendment", "amendments"})) return "name-of-a-law";
      }
      // Years before 1900 only after a preposition ("in 1776").
      if (spec.kind == RuleKind::kYear && m.slots[kSlotYear] < std::string_view("1900") &&
          !OldYearWord(before))
        return "old-year-without-preposition";
      break;
    }
    case RuleKind::kNumericDate:
    case RuleKind::kCalendar:
      if (StartsWithDigit(m.slots[kSlotN1]) || m.has(kSlotMnum)) {
        if (LabelWord(before)) return "label-number";
      }
      if (m.has(kSlotMonth) && !m.has(kSlotDay) && !m.has(kSlotYear) && !m.has(kSlotMod)) {
        // A month name alone is a date only after a word that introduces one: not "May" the
        // modal verb, "March" the verb or "June" the given name.
        if (!MonthContextWord(before))
          return "month-name-without-context";
        if (OneOf(before, {"each", "every"})) return "recurring";
      }
      if (m.has(kSlotMonth) && m.has(kSlotDay) && !m.has(kSlotYear) && !m.has(kSlotHour)) {
        // "May 5 people": a month-day must not run into a noun.
        if (QuantityNoun(after) && !OneOf(after, {"to", "and", "of"})) return "quantity";
        if (OneOf(FoldKey(m.slots[kSlotMonth]), {"may", "march"}) && IEquals(before, "I")) return "modal-or-verb";
      }
      break;
    case RuleKind::kWeekday:
      // Newspapers and institutions named after a day.
      if (WeekdayNameWord(after))
        return "part-of-a-name";
      if (OneOf(before, {"every", "each"})) return "recurring";
      break;
    case RuleKind::kDuration:
    case RuleKind::kOffset: {
      std::string_view num = m.slots[kSlotNum];
      if (OneOf(num, {"a", "an", "one", "per"})) {
        // Recurring: "$69,000 a year", "twice a day", "three times a week".
        if (StartsWithDigit(before) || OneOf(before, {"once", "twice", "thrice", "times", "per"}))
          return "recurring";
        if (begin > 0 && before.empty()) break;
        std::string_view unit = m.slots[kSlotUnit];
        if (OneOf(unit, {"second"}) && spec.kind == RuleKind::kDuration) return "ordinal-second";
        // "a minute fraction": the adjective, not the unit.
        if (OneOf(unit, {"minute"}) && !after.empty() && std::islower(static_cast<unsigned char>(after[0])) &&
            !AfterMinuteWord(after))
          return "adjective-minute";
      }
      if (OneOf(before, {"every", "each", "per"})) return "recurring";
      if (spec.kind == RuleKind::kDuration && m.has(kSlotNum) && StartsWithDigit(num) &&
          LabelWord(before))
        return "label-number";
      break;
    }
    case RuleKind::kSeason:
      if (!m.has(kSlotRel) && !m.has(kSlotYear) && !m.has(kSlotMod)) {
        // "spring" and "fall" alone are as often a verb or a noun; the others after "the",
        // "in", "this" or an adjective.
        if (OneOf(m.slots[kSlotSeason], {"spring", "fall"}) && !OneOf(before, {"the", "in", "this"}))
          return "season-word-without-context";
        if (after.size() > 0 && OneOf(after, {"olympics", "games", "school", "camp", "session"}))
          return "part-of-a-name";
      }
      break;
    case RuleKind::kFixed:
      // Adverbs inside compound adjectives ("now-defunct", "recently-split"), and "for now".
      if (end < t.size() && t[end] == '-') return "part-of-a-compound";
      if (IEquals(t.substr(begin, end - begin), "now") && OneOf(before, {"for", "until", "till", "by"}))
        return "idiom";
      break;
    default:
      break;
  }
  return nullptr;
}

}  // namespace accord::dates
