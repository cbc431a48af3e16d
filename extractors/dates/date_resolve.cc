#include "extractors/dates/date_resolve.h"
#include "extractors/dates/word_set.h"
#include "pipeline/ascii.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdio>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace accord::dates {

// ---------------------------------------------------------------- calendar arithmetic

int64_t ToDays(CivilDate c) {  // H. Hinnant's days_from_civil
  const int y = c.y - (c.m <= 2);
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (c.m + (c.m > 2 ? -3 : 9)) + 2) / 5 + c.d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<int64_t>(doe) - 719468;
}

CivilDate FromDays(int64_t z) {
  z += 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t y = static_cast<int64_t>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  return {static_cast<int>(y + (m <= 2)), static_cast<int>(m), static_cast<int>(d)};
}

int IsoWeekday(CivilDate c) {
  const int64_t z = ToDays(c);  // 1970-01-01 was a Thursday (4)
  return static_cast<int>(((z % 7) + 7 + 3) % 7) + 1;
}

std::pair<int, int> IsoWeek(CivilDate c) {
  const int64_t thursday = ToDays(c) + (4 - IsoWeekday(c));
  const CivilDate t = FromDays(thursday);
  const int64_t jan1 = ToDays({t.y, 1, 1});
  return {t.y, static_cast<int>((thursday - jan1) / 7) + 1};
}

int DaysInMonth(int y, int m) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0)) return 29;
  return kDays[(m - 1) % 12];
}

std::optional<CivilDate> ParseIsoDate(std::string_view s) {
  if (s.size() < 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
  CivilDate c;
  auto num = [&](size_t at, size_t len, int& out) {
    return std::from_chars(s.data() + at, s.data() + at + len, out).ptr == s.data() + at + len;
  };
  if (!num(0, 4, c.y) || !num(5, 2, c.m) || !num(8, 2, c.d)) return std::nullopt;
  if (c.m < 1 || c.m > 12 || c.d < 1 || c.d > DaysInMonth(c.y, c.m)) return std::nullopt;
  return c;
}

double ReadNumber(std::string_view text, size_t* read) {
  // A run of up to 15 digits is an integer that a double holds exactly: no strtod, no string.
  if (!text.empty() && text.size() <= 15 &&
      std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    int64_t v = 0;
    for (char c : text) v = v * 10 + (c - '0');
    *read = text.size();
    return static_cast<double>(v);
  }
  const std::string copy(text);
  char* end = nullptr;
  const double v = std::strtod(copy.c_str(), &end);
  *read = static_cast<size_t>(end - copy.c_str());
  return v;
}

namespace {

// printf's "%0<width>d" of v.
void AppendPadded(std::string& out, int v, int width) {
  char digits[16];
  const unsigned magnitude = v < 0 ? 0u - static_cast<unsigned>(v) : static_cast<unsigned>(v);
  char* const end = std::to_chars(digits, digits + sizeof digits, magnitude).ptr;
  const int length = static_cast<int>(end - digits) + (v < 0 ? 1 : 0);
  if (v < 0) out += '-';
  if (length < width) out.append(static_cast<size_t>(width - length), '0');
  out.append(digits, static_cast<size_t>(end - digits));
}

}  // namespace

std::string FormatDate(CivilDate c) {  // %04d-%02d-%02d
  if (c.y >= 0 && c.y <= 9999 && c.m >= 0 && c.m <= 99 && c.d >= 0 && c.d <= 99) {
    // Every field fits its width: the ten bytes at once, in one small string.
    const char out[10] = {static_cast<char>('0' + c.y / 1000), static_cast<char>('0' + c.y / 100 % 10),
                          static_cast<char>('0' + c.y / 10 % 10), static_cast<char>('0' + c.y % 10), '-',
                          static_cast<char>('0' + c.m / 10), static_cast<char>('0' + c.m % 10), '-',
                          static_cast<char>('0' + c.d / 10), static_cast<char>('0' + c.d % 10)};
    return std::string(out, sizeof out);
  }
  std::string out;
  AppendPadded(out, c.y, 4);
  out += '-';
  AppendPadded(out, c.m, 2);
  out += '-';
  AppendPadded(out, c.d, 2);
  return out;
}

std::string FormatWeek(CivilDate c) {  // %04d-W%02d
  auto [y, w] = IsoWeek(c);
  std::string out;
  AppendPadded(out, y, 4);
  out += "-W";
  AppendPadded(out, w, 2);
  return out;
}

namespace {

std::string Year4(int y) {
  std::string out;
  AppendPadded(out, y, 4);
  return out;
}

std::string YearMonth(int y, int m) {
  std::string out;
  AppendPadded(out, y, 4);
  out += '-';
  AppendPadded(out, m, 2);
  return out;
}

// std::atoi of a view: blanks, a sign, then the digits up to the first other byte.
int ToInt(std::string_view s) {
  size_t i = 0;
  while (i < s.size() && std::isspace(static_cast<unsigned char>(s[i]))) ++i;
  bool negative = false;
  if (i < s.size() && (s[i] == '+' || s[i] == '-')) negative = s[i++] == '-';
  int v = 0;
  for (; i < s.size() && s[i] >= '0' && s[i] <= '9'; ++i) v = v * 10 + (s[i] - '0');
  return negative ? -v : v;
}

CivilDate AddMonths(CivilDate c, int months) {
  int total = c.y * 12 + (c.m - 1) + months;
  CivilDate out{total / 12, total % 12 + 1, 1};
  out.d = std::min(c.d, DaysInMonth(out.y, out.m));
  return out;
}

CivilDate AddDays(CivilDate c, int64_t days) { return FromDays(ToDays(c) + days); }

bool IEquals(std::string_view a, std::string_view b) { return ascii::EqualsIgnoreCase(a, b); }

bool IStartsWith(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && IEquals(s.substr(0, prefix.size()), prefix);
}

// Seasons as a running index: year * 4 + {SP 0, SU 1, FA 2, WI 3}; winter Y runs Dec Y - Feb Y+1.
constexpr std::string_view kSeasonCodes[] = {"SP", "SU", "FA", "WI"};
int SeasonIndex(CivilDate c) {
  if (c.m <= 2) return (c.y - 1) * 4 + 3;
  if (c.m == 12) return c.y * 4 + 3;
  return c.y * 4 + (c.m - 3) / 3;
}

// The year of the occurrence of (month, day) nearest to `ref`; the tense of the clause moves it
// only when the nearest one is more than a season on the wrong side ("was arrested in March" in
// November is the last March, "returns in January" in November the next January).
int YearFor(int month, int day, CivilDate ref, Tense tense) {
  constexpr int64_t kSeason = 92;
  const int64_t r = ToDays(ref);
  int nearest = ref.y;
  int64_t best_distance = INT64_MAX;
  for (int y = ref.y - 1; y <= ref.y + 1; ++y) {
    const int64_t t = ToDays({y, month, std::min(day, DaysInMonth(y, month))});
    const int64_t distance = t > r ? t - r : r - t;
    if (distance < best_distance) {
      best_distance = distance;
      nearest = y;
    }
  }
  const int64_t t = ToDays({nearest, month, std::min(day, DaysInMonth(nearest, month))});
  if (tense == Tense::kPast && t - r > kSeason) return nearest - 1;
  if (tense == Tense::kFuture && r - t > kSeason) return nearest + 1;
  return nearest;
}

// FoldKey of the short texts a value reads (a unit, a day word), on the stack; past kInline
// bytes in a string.
class FoldedKey {
 public:
  explicit FoldedKey(std::string_view s) {
    if (s.size() <= sizeof inline_) {
      key_ = FoldKeyInto(s, inline_);
    } else {
      long_ = FoldKey(s);
      key_ = long_;
    }
  }
  FoldedKey(const FoldedKey&) = delete;
  FoldedKey& operator=(const FoldedKey&) = delete;
  std::string_view view() const { return key_; }

 private:
  char inline_[32];
  std::string long_;
  std::string_view key_;
};

// A folded unit without its plural: "years" -> "year", "centuries" -> "century".
std::string_view Singular(std::string_view folded) {
  if (folded == "centuries") return "century";
  if (folded.size() > 1 && folded.back() == 's') folded.remove_suffix(1);
  return folded;
}

std::string FormatNumber(double n) {
  if (n == std::floor(n)) return std::to_string(static_cast<long long>(n));
  char buf[32];
  std::snprintf(buf, sizeof buf, "%g", n);
  return buf;
}

// "10Y" -> {10, "Y"}; "TH" -> {1, "TH"}.
std::pair<int, std::string_view> SplitUnit(std::string_view v) {
  int k = 0;
  size_t i = 0;
  while (i < v.size() && std::isdigit(static_cast<unsigned char>(v[i]))) k = k * 10 + (v[i++] - '0');
  return {i == 0 ? 1 : k, v.substr(i)};
}

std::string DurationValue(std::optional<double> n, std::string_view unit_value) {
  auto [k, letters] = SplitUnit(unit_value);
  const bool clock = !letters.empty() && letters[0] == 'T';
  std::string out = clock ? "PT" : "P";
  std::string_view letter = clock ? letters.substr(1) : letters;
  if (n) {
    out += FormatNumber(*n * k);
  } else {
    out += 'X';
  }
  out += letter;
  return out;
}

// --- tense cues

// Letters and the apostrophe ("won't"); the C locale's isalpha, without its call.
constexpr bool IsWordChar(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '\''; }

enum class Cue : uint8_t { kNone, kPast, kPlan, kFuture };

constexpr std::string_view kFutureWords[] = {"will", "shall", "won't", "going", "scheduled", "slated",
                                             "until", "till", "upcoming", "tomorrow", "next",
                                             "due", "would"};
constexpr std::string_view kPlanWords[] = {"plan", "plans", "planned", "planning", "intend",
                                           "intends", "intended", "aims", "hopes", "expects",
                                           "expected"};
constexpr std::string_view kPastWords[] = {
    "said", "was", "were", "had", "did", "told", "began", "made", "took", "came", "went", "met",
    "gave", "held", "wrote", "left", "ran", "saw", "won", "lost", "sent", "sold", "spoke", "became",
    "brought", "fell", "found", "got", "knew", "paid", "rose", "sat", "stood", "struck", "thought",
    "broke", "chose", "flew", "grew", "hit", "led", "quit", "spent", "shot", "caught", "drew",
    "drove", "forgot", "froze", "hid", "hung", "kept", "laid", "lent", "meant", "overtook",
    "ago", "yesterday", "last", "earlier"};

// The cue words above as bits, plus the words that are cues only before "to".
enum CueBits : uint8_t { kFutureWord = 1, kPlanWord = 2, kPastWord = 4, kFutureBeforeTo = 8 };
const WordSet& CueWords() {
  static const WordSet words = [] {
    WordSet w;
    for (std::string_view f : kFutureWords) w.Add(f, f == "going" ? kFutureBeforeTo : kFutureWord);
    for (std::string_view p : kPlanWords) w.Add(p, kPlanWord);
    for (std::string_view p : kPastWords) w.Add(p, kPastWord);
    w.Add("set", kFutureBeforeTo);       // "is set to begin"
    w.Add("expected", kFutureBeforeTo);  // "is expected to"; alone a plan
    return w;
  }();
  return words;
}

Cue Classify(std::string_view w, std::string_view next, std::string_view prev) {
  if (w.size() > 3 && (w.substr(w.size() - 3) == "'ll")) return Cue::kFuture;
  const uint8_t bits = CueWords().Find(w);
  if (bits & kFutureWord) return Cue::kFuture;
  if ((bits & kFutureBeforeTo) && IEquals(next, "to")) return Cue::kFuture;
  if (bits & kPlanWord) return Cue::kPlan;
  const bool past = (w.size() > 4 && w.substr(w.size() - 2) == "ed") || (bits & kPastWord);
  // "to be held", "be released": a passive infinitive looks ahead.
  if (past && IEquals(prev, "be")) return Cue::kFuture;
  return past ? Cue::kPast : Cue::kNone;
}

}  // namespace

bool SentenceBreak(std::string_view t, size_t i) {
  if (t[i] == '\n') {  // a blank line, possibly holding quote marks
    size_t j = i + 1;
    while (j < t.size() && (t[j] == ' ' || t[j] == '\t' || t[j] == '>')) ++j;
    return j < t.size() && t[j] == '\n';
  }
  if ((t[i] == '.' || t[i] == '?' || t[i] == '!') && i + 2 < t.size() &&
      (t[i + 1] == ' ' || t[i + 1] == '\n') && std::isupper(static_cast<unsigned char>(t[i + 2])))
    return i < 2 || !std::isupper(static_cast<unsigned char>(t[i - 1])) ||
           std::isalpha(static_cast<unsigned char>(t[i - 2]));  // not "U.S." or "A."
  return false;
}

namespace {

// The bytes a sentence break may be after, to test before SentenceBreak: one look-up a byte, as
// the clause scans test every byte.
constexpr auto kMayBreakAfter = [] {
  std::array<bool, 256> table{};
  for (char c : {'\n', '.', '?', '!'}) table[static_cast<uint8_t>(c)] = true;
  return table;
}();
bool MayBreakAfter(char c) { return kMayBreakAfter[static_cast<uint8_t>(c)]; }

#if defined(__SSE2__)
// Bit i: byte p[i] is one a sentence break may be after.
unsigned MayBreakMask(const char* p) {
  const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
  const __m128i hits = _mm_or_si128(
      _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('\n')), _mm_cmpeq_epi8(v, _mm_set1_epi8('.'))),
      _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('?')), _mm_cmpeq_epi8(v, _mm_set1_epi8('!'))));
  return static_cast<unsigned>(_mm_movemask_epi8(hits));
}
#endif

}  // namespace

// The clause scans cover up to 300 bytes a date: sixteen a step.
size_t SentenceStart(std::string_view t, size_t limit, size_t begin) {
  size_t i = begin;
#if defined(__SSE2__)
  for (; i >= limit + 16; i -= 16)
    for (unsigned mask = MayBreakMask(t.data() + i - 16); mask != 0;) {
      const int bit = 31 - std::countl_zero(mask);
      if (SentenceBreak(t, i - 16 + bit)) return i - 16 + bit + 1;
      mask &= ~(1u << bit);
    }
#endif
  for (; i > limit; --i)
    if (MayBreakAfter(t[i - 1]) && SentenceBreak(t, i - 1)) return i;
  return limit;
}

size_t SentenceEnd(std::string_view t, size_t end, size_t limit) {
  size_t i = end;
#if defined(__SSE2__)
  for (; i + 16 <= limit; i += 16)
    for (unsigned mask = MayBreakMask(t.data() + i); mask != 0; mask &= mask - 1) {
      const size_t at = i + static_cast<size_t>(std::countr_zero(mask));
      if (SentenceBreak(t, at)) return at;
    }
#endif
  for (; i < limit; ++i)
    if (MayBreakAfter(t[i]) && SentenceBreak(t, i)) return i;
  return limit;
}

namespace {

// The words of a clause are runs of letters, apostrophes and hyphens, without their leading
// hyphens ("well-planned", "won't"). A word is [b, e); b == e is none.
struct WordSpan {
  size_t b = 0, e = 0;
  bool empty() const { return b == e; }
};
// Per byte: 1 a word character, 2 a hyphen: one look-up a byte, as the clause scans test every
// byte of the words they walk.
constexpr auto kClauseBytes = [] {
  std::array<uint8_t, 256> table{};
  for (int c = 0; c < 256; ++c) table[c] = IsWordChar(static_cast<char>(c)) ? 1 : c == '-' ? 2 : 0;
  return table;
}();
bool InWord(char c) { return kClauseBytes[static_cast<uint8_t>(c)] != 0; }

// The first word of text[i, to).
WordSpan FirstWord(std::string_view t, size_t i, size_t to) {
  while (i < to && !IsWordChar(t[i])) ++i;
  size_t j = i;
  while (j < to && InWord(t[j])) ++j;
  return {i, j};
}

// The last word of text[from, j), cut as FirstWord would cut it reading from `from`.
WordSpan LastWord(std::string_view t, size_t from, size_t j) {
  while (true) {
    while (j > from && !InWord(t[j - 1])) --j;
    size_t b = j;
    while (b > from && InWord(t[b - 1])) --b;
    const size_t run = b;
    while (b < j && t[b] == '-') ++b;
    if (b < j || run == from) return {b, j};
    j = run;  // a run of hyphens only: no word
  }
}

Tense TenseOf(Cue cue) {
  switch (cue) {
    case Cue::kPast: return Tense::kPast;
    case Cue::kPlan: return Tense::kPlan;
    case Cue::kFuture: return Tense::kFuture;
    case Cue::kNone: return Tense::kUnknown;
  }
  return Tense::kUnknown;
}

}  // namespace

Tense ClauseTense(std::string_view t, size_t begin, size_t end) {
  const size_t lo = SentenceStart(t, begin > 300 ? begin - 300 : 0, begin);

  // The nearest cue word, walking words from the expression outwards and counting the distance
  // in words; a cue before wins a tie.
  auto view = [&](WordSpan w) { return t.substr(w.b, w.e - w.b); };
  Cue cue = Cue::kNone;
  size_t best = SIZE_MAX;
  size_t words = 0;
  WordSpan later;  // in reading order, the word after `w`
  for (WordSpan w = LastWord(t, lo, begin); !w.empty();) {
    ++words;
    const WordSpan earlier = LastWord(t, lo, w.b);
    const Cue c = Classify(view(w), view(later), view(earlier));
    if (c != Cue::kNone) {
      cue = c;
      best = words * 2;
      break;
    }
    later = w;
    w = earlier;
  }
  // The words after the expression, up to the end of its sentence, only while one of them may
  // be nearer than the cue found before it (the loop's own test for its first word).
  if ((0 + 1) * 2 + 1 >= best) return TenseOf(cue);
  const size_t hi = SentenceEnd(t, end, std::min(t.size(), end + 200));
  words = 0;
  WordSpan earlier;
  for (WordSpan w = FirstWord(t, end, hi); !w.empty() && (words + 1) * 2 + 1 < best;) {
    ++words;
    const WordSpan next = FirstWord(t, w.e, hi);
    const Cue c = Classify(view(w), view(next), view(earlier));
    if (c != Cue::kNone) {
      cue = c;
      break;
    }
    earlier = w;
    w = next;
  }
  return TenseOf(cue);
}

// ---------------------------------------------------------------- values

std::optional<double> Resolver::Number(std::string_view s) const {
  std::string key = FoldKey(s);
  double extra = 0;
  for (std::string_view half : {" and a half"}) {
    if (key.size() > half.size() && key.compare(key.size() - half.size(), half.size(), half) == 0) {
      key.resize(key.size() - half.size());
      extra = 0.5;
    }
  }
  if (!key.empty() && std::isdigit(static_cast<unsigned char>(key[0]))) {
    std::string digits;
    for (char c : key)
      if (c != ',') digits += c;
    size_t read = 0;
    const double v = ReadNumber(digits, &read);
    if (read == 0) return std::nullopt;
    return v + extra;
  }
  double total = 0;
  size_t pos = 0;
  while (pos <= key.size()) {
    size_t dash = key.find('-', pos);
    std::string_view part = std::string_view(key).substr(pos, dash == std::string::npos ? std::string::npos : dash - pos);
    std::string_view v = lex_.Value(WordClass::kNumber, part);
    if (v.empty()) return std::nullopt;
    size_t read = 0;
    total += ReadNumber(v, &read);
    if (dash == std::string::npos) break;
    pos = dash + 1;
  }
  return total + extra;
}

int Resolver::Year(std::string_view digits, std::optional<CivilDate> ref) const {
  int v = 0;
  for (char c : digits)
    if (std::isdigit(static_cast<unsigned char>(c))) v = v * 10 + (c - '0');
  size_t n = 0;
  for (char c : digits) n += std::isdigit(static_cast<unsigned char>(c)) ? 1 : 0;
  if (n >= 3) return v;
  // Two digits: the century that puts the year nearest the article's date (else 1950-2049).
  const int pivot = ref ? ref->y : 2000;
  int best = 1900 + v;
  for (int century : {1800, 1900, 2000, 2100})
    if (std::abs(century + v - pivot) < std::abs(best - pivot)) best = century + v;
  return best;
}

Resolver::Resolver(const Lexicon& lexicon) : lex_(lexicon) {
  for (WordClass c : {WordClass::kMonth, WordClass::kMonthAbbr})
    for (const auto& [word, value] : lex_.Words(c))
      if (!months_.Contains(word)) months_.Add(word, static_cast<uint8_t>(ToInt(value)));
}

int Resolver::Month(std::string_view name) const {
  // A month as the rules capture it, letters and the dot of an abbreviation ("Sept."): a look-up
  // without folding into a key.
  std::string_view letters = name;
  while (!letters.empty() && letters.back() == '.') letters.remove_suffix(1);
  if (!letters.empty() && std::all_of(letters.begin(), letters.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
      }))
    return months_.Find(letters);
  std::string key = FoldKey(name);
  while (!key.empty() && key.back() == '.') key.pop_back();
  std::string_view v = lex_.Value(WordClass::kMonth, key);
  if (v.empty()) v = lex_.Value(WordClass::kMonthAbbr, key);
  return v.empty() ? 0 : ToInt(v);
}

std::string Resolver::Zone(std::string_view zone, CivilDate date) const {
  std::string_view v = lex_.Value(WordClass::kZone, zone);
  if (v.empty() || v[0] != 'U') return std::string(v);
  // A US zone named without standard/daylight: daylight time from April to October.
  const bool daylight = date.m >= 4 && date.m <= 10;
  const int standard = v == "US/Eastern" ? 5 : v == "US/Central" ? 6 : v == "US/Mountain" ? 7 : 8;
  std::string out = "-";
  AppendPadded(out, standard - (daylight ? 1 : 0), 2);
  out += ":00";
  return out;
}

static std::string ClockSuffix(std::string_view hour_s, std::string_view min_s, std::string_view ampm) {
  int hour = ToInt(hour_s);
  int minute = min_s.empty() ? 0 : ToInt(min_s);
  if (!ampm.empty()) {
    const bool pm = std::tolower(static_cast<unsigned char>(ampm[0])) == 'p';
    if (pm && hour < 12) hour += 12;
    if (!pm && hour == 12) hour = 0;
  }
  std::string out = "T";
  AppendPadded(out, hour, 2);
  out += ':';
  AppendPadded(out, minute, 2);
  return out;
}

std::optional<Value> Resolver::Calendar(const Match& m, std::string_view text, size_t begin,
                                        size_t end, std::optional<CivilDate> ref) const {
  int month = m.has(kSlotMonth) ? Month(m.slots[kSlotMonth])
                                : (m.has(kSlotMnum) ? ToInt(m.slots[kSlotMnum]) : 0);
  int day = m.has(kSlotDay) ? ToInt(m.slots[kSlotDay]) : 0;
  if (m.has(kSlotHoliday)) {  // "Christmas" -> 12-25
    const std::string_view v = lex_.Value(WordClass::kHoliday, m.slots[kSlotHoliday]);
    if (v.size() != 5) return std::nullopt;
    month = ToInt(v.substr(0, 2));
    day = ToInt(v.substr(3, 2));
  }
  if (month < 1 || month > 12) return std::nullopt;
  std::optional<int> year;
  if (m.has(kSlotYear)) year = Year(m.slots[kSlotYear], ref);
  else if (m.has(kSlotYy)) year = Year(m.slots[kSlotYy], ref);
  if (day > 31) return std::nullopt;
  if (year && day > DaysInMonth(*year, month)) return std::nullopt;
  if (!year) {
    if (!ref) return Value{"", m.has(kSlotHour) ? "time" : "date"};
    const Tense tense = ClauseTense(text, begin, end);
    year = YearFor(month, day ? day : 15, *ref, tense == Tense::kPlan ? Tense::kUnknown : tense);
    if (day > DaysInMonth(*year, month)) return std::nullopt;
  }
  if (day == 0) return Value{YearMonth(*year, month), "date"};
  const CivilDate date{*year, month, day};
  std::string value = FormatDate(date);
  if (!m.has(kSlotHour)) return Value{value, "date"};
  value += ClockSuffix(m.slots[kSlotHour], m.slots[kSlotMin], m.slots[kSlotAmpm]);
  if (m.has(kSlotZone)) value += Zone(m.slots[kSlotZone], date);
  return Value{value, "time"};
}

std::optional<Value> Resolver::Resolve(const RuleSpec& spec, const Match& m, std::string_view text,
                                       std::optional<CivilDate> ref) const {
  const size_t begin = m.begin, end = m.end;
  switch (spec.kind) {
    case RuleKind::kCalendar:
      return Calendar(m, text, begin, end, ref);

    case RuleKind::kNumericDate: {
      const int n1 = ToInt(m.slots[kSlotN1]);
      const int n2 = ToInt(m.slots[kSlotN2]);
      // Month first (US) unless the first number cannot be a month (17/04/2018).
      int month = n1, day = n2;
      if (n1 > 12 && n2 <= 12) std::swap(month, day);
      const int year = Year(m.slots[kSlotYear], ref);
      if (month < 1 || month > 12 || day < 1 || day > DaysInMonth(year, month)) return std::nullopt;
      return Value{FormatDate({year, month, day}), "date"};
    }

    case RuleKind::kYear:
      return Value{Year4(Year(m.slots[kSlotYear], ref)), "date"};

    case RuleKind::kRange:
      return std::nullopt;  // ResolveRange

    case RuleKind::kDecade: {
      if (m.has(kSlotDecade)) return Value{std::string(m.slots[kSlotDecade]), "date"};
      const int yy = ToInt(m.slots[kSlotYy]) * 10;
      return Value{std::to_string(Year(Year4(yy).substr(2), ref) / 10), "date"};
    }

    case RuleKind::kQuarter: {
      std::string_view q = m.slots[kSlotQord];
      int quarter = 0;
      bool relative = false;
      if (!q.empty() && (q[0] == 'Q' || q[0] == 'q')) {
        quarter = q[1] - '0';
      } else {
        std::string_view v = lex_.Value(WordClass::kQuarterOrdinal, q);
        if (v.empty()) return std::nullopt;
        relative = v[0] == '-' || v[0] == '+' || v == "0";
        quarter = ToInt(v);
      }
      if (m.has(kSlotYear) && !relative)
        return Value{Year4(Year(m.slots[kSlotYear], ref)) + "-Q" + std::to_string(quarter), "date"};
      if (!ref) return Value{"", "date"};
      int y = ref->y;
      if (relative) {
        int index = ref->y * 4 + (ref->m - 1) / 3 + quarter;
        y = index / 4;
        quarter = index % 4 + 1;
      }
      return Value{Year4(y) + "-Q" + std::to_string(quarter), "date"};
    }

    case RuleKind::kFiscalYear:
      return Value{"FY" + Year4(Year(m.has(kSlotYear) ? m.slots[kSlotYear] : m.slots[kSlotYy], ref)),
                   "date"};

    case RuleKind::kRelative: {
      if (!ref) return Value{"", "date"};
      const FoldedKey folded_unit(m.slots[kSlotUnit]);
      const std::string_view unit = folded_unit.view();
      std::string_view rel = m.slots[kSlotRel];
      int delta = 0;
      if (IEquals(rel, "last") || IEquals(rel, "previous")) delta = -1;
      if (IEquals(rel, "next") || IEquals(rel, "coming") || IEquals(rel, "following")) delta = 1;
      if (unit.starts_with("fiscal") || unit.starts_with("financial"))
        return Value{"FY" + Year4(ref->y + delta), "date"};
      if (unit == "weekend") {
        int weeks = delta;
        if (IEquals(rel, "the")) {
          const Tense tense = ClauseTense(text, begin, end);
          weeks = (tense == Tense::kFuture || tense == Tense::kPlan || IsoWeekday(*ref) >= 6) ? 0 : -1;
        }
        return Value{FormatWeek(AddDays(*ref, 7 * weeks)) + "-WE", "date"};
      }
      if (unit == "week") return Value{FormatWeek(AddDays(*ref, 7 * delta)), "date"};
      if (unit == "month") {
        CivilDate c = AddMonths(*ref, delta);
        return Value{YearMonth(c.y, c.m), "date"};
      }
      if (unit == "quarter") {
        int index = ref->y * 4 + (ref->m - 1) / 3 + delta;
        return Value{Year4(index / 4) + "-Q" + std::to_string(index % 4 + 1), "date"};
      }
      if (unit == "decade") return Value{std::to_string(ref->y / 10 + delta), "date"};
      if (unit == "century") return Value{std::to_string(ref->y / 100 + delta), "date"};
      return Value{Year4(ref->y + delta), "date"};
    }

    case RuleKind::kSeason: {
      const std::string_view code = lex_.Value(WordClass::kSeason, m.slots[kSlotSeason]);
      int k = 0;
      for (int i = 0; i < 4; ++i)
        if (kSeasonCodes[i] == code) k = i;
      if (m.has(kSlotYear)) return Value{Year4(Year(m.slots[kSlotYear], ref)) + "-" + std::string(code), "date"};
      if (!ref) return Value{"", "date"};
      const int current = SeasonIndex(*ref);
      std::string_view rel = m.slots[kSlotRel];
      int index = ref->y * 4 + k;
      if (k == 3 && ref->m <= 2) index -= 4;  // "this winter" in January
      if (IEquals(rel, "last") || IEquals(rel, "past")) {
        index = current - 1;
        while (((index % 4) + 4) % 4 != k) --index;
      } else if (IEquals(rel, "next") || IEquals(rel, "coming")) {
        index = current + 1;
        while (((index % 4) + 4) % 4 != k) ++index;
      }
      return Value{Year4(index / 4) + "-" + std::string(code), "date"};
    }

    case RuleKind::kDayWord: {
      if (!ref) return Value{"", m.has(kSlotPart) ? "time" : "date"};
      const FoldedKey folded_word(m.slots[kSlotDw]);
      const std::string_view word = folded_word.view();
      int offset = 0;
      std::string part;
      if (m.has(kSlotPart)) part = lex_.Value(WordClass::kDaypart, m.slots[kSlotPart]);
      if (word == "yesterday" || word == "last") offset = -1;
      if (word == "tomorrow") offset = 1;
      if (word == "tonight") part = "NI";
      if (word == "today") {
        // "today's TV", "the Internet today is": today in general, not the article's day.
        std::string_view after = text.substr(end, 8);
        if (IStartsWith(after, "'s") || IStartsWith(after, "\u2019s") || IStartsWith(after, " is ") ||
            IStartsWith(after, " are "))
          return Value{"PRESENT_REF", "date"};
      }
      std::string value = FormatDate(AddDays(*ref, offset));
      if (!part.empty()) return Value{value + "T" + part, "time"};
      return Value{value, "date"};
    }

    case RuleKind::kWeekday: {
      const std::string_view kind = m.has(kSlotPart) ? "time" : "date";
      if (!ref) return Value{"", kind};
      const int target = ToInt(lex_.Value(WordClass::kWeekday, m.slots[kSlotWday]));
      const int today = IsoWeekday(*ref);
      std::string_view rel = m.slots[kSlotRel];
      int64_t offset;
      const int back = (today - target + 7) % 7;     // 0..6 days back to the last such day
      const int ahead = (target - today + 7) % 7;    // 0..6 days ahead to the next one
      if (IEquals(rel, "last") || IEquals(rel, "past")) {
        offset = -(back == 0 ? 7 : back);
      } else if (IEquals(rel, "next") || IEquals(rel, "coming")) {
        offset = ahead == 0 ? 7 : ahead;
      } else if (IEquals(rel, "this")) {
        offset = target - today;  // the same ISO week
      } else {
        switch (ClauseTense(text, begin, end)) {
          case Tense::kFuture: offset = ahead; break;
          case Tense::kPlan: offset = back <= ahead ? -back : ahead; break;
          default: offset = -back; break;
        }
      }
      std::string value = FormatDate(AddDays(*ref, offset));
      if (m.has(kSlotPart)) value += "T" + std::string(lex_.Value(WordClass::kDaypart, m.slots[kSlotPart]));
      return Value{value, kind};
    }

    case RuleKind::kOffset: {
      const FoldedKey folded_unit(m.slots[kSlotUnit]);
      const std::string_view unit = Singular(folded_unit.view());
      const std::string_view unit_value = lex_.Value(WordClass::kUnit, unit);
      if (unit_value.empty()) return std::nullopt;
      const bool forward = !(IEquals(m.slots[kSlotDir], "ago") || IEquals(m.slots[kSlotDir], "earlier"));
      std::optional<double> n;
      if (m.has(kSlotNum)) n = Number(m.slots[kSlotNum]);
      if (!n || *n != std::floor(*n)) return Value{forward ? "FUTURE_REF" : "PAST_REF", "date"};
      if (!ref) return Value{"", "date"};
      auto [k, letters] = SplitUnit(unit_value);
      const int amount = static_cast<int>(*n) * k * (forward ? 1 : -1);
      if (letters == "D") return Value{FormatDate(AddDays(*ref, amount)), "date"};
      if (letters == "W") return Value{FormatWeek(AddDays(*ref, 7 * amount)), "date"};
      if (letters == "M") {
        CivilDate c = AddMonths(*ref, amount);
        return Value{YearMonth(c.y, c.m), "date"};
      }
      if (letters == "Y") {
        if (k == 10) return Value{std::to_string((ref->y + amount) / 10), "date"};
        if (k == 100) return Value{std::to_string((ref->y + amount) / 100), "date"};
        return Value{Year4(ref->y + amount), "date"};
      }
      return Value{FormatDate(*ref), "date"};  // hours, minutes: the article's day
    }

    case RuleKind::kDuration: {
      const std::string_view raw_unit = m.slots[kSlotUnit];
      const FoldedKey folded_unit(raw_unit);
      const std::string_view unit = Singular(folded_unit.view());
      const std::string_view unit_value = lex_.Value(WordClass::kUnit, unit);
      if (unit_value.empty()) return std::nullopt;
      const bool plural = folded_unit.view() != unit;
      std::optional<double> n;
      if (m.has(kSlotNum)) {
        n = Number(m.slots[kSlotNum]);
        if (!n) return std::nullopt;
      } else if (!m.has(kSlotVague) && !plural) {
        n = 1;  // "the past year", "week-long"
      }
      return Value{DurationValue(n, unit_value), "duration"};
    }

    case RuleKind::kClock: {
      // The stage puts the date of the sentence in front; here only the clock part.
      std::string value = ClockSuffix(m.slots[kSlotHour], m.slots[kSlotMin], m.slots[kSlotAmpm]);
      if (m.has(kSlotZone)) value += Zone(m.slots[kSlotZone], ref.value_or(CivilDate{2000, 1, 1}));
      return Value{value, "time"};
    }

    case RuleKind::kFixed:
      return Value{std::string(spec.value), "date"};
  }
  return std::nullopt;
}

std::optional<std::pair<Value, Value>> Resolver::ResolveRange(const Match& m,
                                                              std::optional<CivilDate> ref) const {
  std::string_view a = m.slots[kSlotA], b = m.slots[kSlotB];
  if (a.empty() || b.empty()) return std::nullopt;
  if (std::isdigit(static_cast<unsigned char>(a[0]))) {  // 1981-83, 1985-1993
    const int first = Year(a, ref);
    int second = Year(b, ref);
    if (b.size() == 2) second = first / 100 * 100 + ToInt(b);
    if (second <= first) return std::nullopt;  // not a range (and not 2018-04, an ISO month)
    return std::make_pair(Value{Year4(first), "date"}, Value{Year4(second), "date"});
  }
  // April-December 1983: b is "<month> <year>".
  size_t space = b.find_first_of(" \t\n");
  const int first_month = Month(a);
  const int second_month = Month(b.substr(0, space));
  size_t digits = b.find_first_of("0123456789");
  if (first_month == 0 || second_month == 0 || digits == std::string_view::npos) return std::nullopt;
  const int year = Year(b.substr(digits), ref);
  return std::make_pair(Value{YearMonth(year, first_month), "date"},
                        Value{YearMonth(year, second_month), "date"});
}

}  // namespace accord::dates
