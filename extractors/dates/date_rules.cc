#include "extractors/dates/date_rules.h"

#include <algorithm>
#include <cstring>
#include <mutex>

#include "extractors/dates/blank_bytes.h"
#include "pipeline/ascii.h"

namespace accord::dates {

// The rules, in priority order. Each is documented by its examples in corpus/positive.tsv
// (grouped by expected value at a fixed reference date) and guarded by corpus/negative.tsv.
//
// Placeholders: {_} one blank run, which may wrap one line (and its "> " quote marks); {_?} an
// optional one; {MONTH} a month name or abbreviation ("Sept."); {MONTH_FULL}; {WEEKDAY};
// {DAY} 1..31 with an optional ordinal suffix; {YEAR} 1500..2099; {NUM} a number in words or
// digits ("two", "twenty-five", "2.5", "two and a half"); {VAGUE} "several", "a few";
// {UNIT} a calendar unit, {UNITS} the same with an optional plural; {SEASON}; {ZONE} a time
// zone; {DAYPART} morning/afternoon/evening/night; {QORD} "third", "last" (quarters);
// {AP} a.m./p.m.; {MOD} "early ", "mid-", "the end of ".
//
// The rules named in WordGroupRules and kWordReaders (below) have their groups read off the
// words of a match rather than captured by RE2: a change to one of them goes with its reader,
// which DateRulesTest.GroupsReadOffWordsAreRe2Groups holds to RE2's groups.
const std::vector<RuleSpec>& RuleSpecs() {
  static const std::vector<RuleSpec> kRules = {
      // --- Dates with a clock time.
      {"month-day-year-clock", RuleKind::kCalendar,
       R"((?:(?P<wday>{WEEKDAY}),?{_})?(?P<month>{MONTH}){_}(?P<day>{DAY}),?(?:{_}(?P<year>{YEAR}))?,?{_}(?P<hour>[01]?\d|2[0-3])[:.](?P<min>[0-5]\d)(?:{_?}(?P<ampm>{AP}))?(?:{_}(?P<zone>{ZONE}))?)"},
      {"clock-month-day-year", RuleKind::kCalendar,
       R"(\b(?P<hour>[01]?\d|2[0-3])[:.](?P<min>[0-5]\d)(?:{_?}(?P<ampm>{AP}))?(?:{_}(?P<zone>{ZONE}))?,?{_}(?P<month>{MONTH}){_}(?P<day>{DAY}),?{_}(?P<year>{YEAR})\b)"},
      {"numeric-month-day-clock", RuleKind::kCalendar,
       R"(\b(?P<mnum>0?[1-9]|1[0-2])/(?P<day>[12]\d|3[01]|0?[1-9]){_}(?P<hour>[01]\d|2[0-3]):?(?P<min>[0-5]\d)(?:{_}(?P<zone>{ZONE}))?\b)"},
      // --- Clock times alone (their date comes from the sentence, else the article's date).
      {"clock-ampm", RuleKind::kClock,
       R"(\b(?P<hour>1[0-2]|0?[1-9])(?:[:.](?P<min>[0-5]\d))?{_?}(?P<ampm>{AP})(?:{_}(?P<zone>{ZONE}))?)"},
      {"clock-24h-zone", RuleKind::kClock,
       R"(\b(?P<hour>[01]?\d|2[0-3]):?(?P<min>[0-5]\d){_}(?P<zone>{ZONE}))"},
      // --- Calendar dates.
      {"month-day-year", RuleKind::kCalendar,
       R"((?:(?P<wday>{WEEKDAY}),?{_})?(?P<month>{MONTH}){_}(?P<day>{DAY}),?{_}(?P<year>{YEAR})\b)"},
      {"day-month-year", RuleKind::kCalendar,
       R"((?:(?P<wday>{WEEKDAY}),?{_})?\b(?P<day>{DAY}){_}(?:(?i:of){_})?(?P<month>{MONTH}),?{_}(?:(?P<year>{YEAR})|['’]?(?P<yy>\d\d))\b)"},
      {"year-month-day", RuleKind::kCalendar,
       R"(\b(?P<year>{YEAR}){_}(?P<month>{MONTH}){_}(?P<day>{DAY})\b)"},
      {"iso-date", RuleKind::kCalendar,
       R"(\b(?P<year>{YEAR})-(?P<mnum>0[1-9]|1[0-2])-(?P<day>[12]\d|3[01]|0[1-9])(?:T(?P<hour>[01]\d|2[0-3]):(?P<min>[0-5]\d))?\b)"},
      {"compact-date", RuleKind::kCalendar,
       R"(\b(?P<year>19\d\d|20\d\d)(?P<mnum>0[1-9]|1[0-2])(?P<day>[12]\d|3[01]|0[1-9])\b)"},
      {"numeric-date-slash", RuleKind::kNumericDate,
       R"(\b(?P<n1>\d{1,2})/(?P<n2>\d{1,2})/(?P<year>\d{4}|\d\d)\b)"},
      {"numeric-date-dash", RuleKind::kNumericDate,
       R"(\b(?P<n1>\d{1,2})-(?P<n2>\d{1,2})-(?P<year>\d{4}|\d\d)\b)"},
      {"numeric-date-dot", RuleKind::kNumericDate,
       R"(\b(?P<n1>\d{1,2})\.(?P<n2>\d{1,2})\.(?P<year>\d{4}|\d\d)\b)"},
      {"iso-month", RuleKind::kCalendar,
       R"(\b(?P<year>{YEAR})-(?P<mnum>0[1-9]|1[0-2])\b)"},
      {"month-day", RuleKind::kCalendar,
       R"((?:(?P<wday>{WEEKDAY}),?{_})?(?P<month>{MONTH}){_}(?P<day>{DAY})\b)"},
      {"day-month", RuleKind::kCalendar,
       R"(\b(?P<day>{DAY}){_}(?:(?i:of){_})?(?P<month>{MONTH_FULL}))"},
      {"month-year", RuleKind::kCalendar,
       R"((?P<mod>{MOD})?(?P<month>{MONTH}),?{_}(?P<year>{YEAR})\b)"},
      {"month-range-year", RuleKind::kRange,
       R"((?P<a>{MONTH_FULL})(?:-|–|{_}(?i:to|through|and){_})(?P<b>{MONTH}{_}{YEAR})\b)"},
      {"year-range", RuleKind::kRange,
       R"(\b(?P<a>{YEAR})[-–/](?P<b>{YEAR}|\d\d)\b)"},
      {"decade", RuleKind::kDecade,
       R"((?:(?i:the){_})?(?P<mod>{MOD})?(?:(?P<decade>(?:1[5-9]|20)\d)0['’]?s|['’](?P<yy>\d)0['’]?s)\b)"},
      {"quarter", RuleKind::kQuarter,
       R"((?:(?i:the){_})?(?P<qord>{QORD}){_}(?i:quarter|qtr\.?)(?:{_}(?i:of){_}(?P<year>{YEAR}))?\b)"},
      {"quarter-q", RuleKind::kQuarter,
       R"(\b(?P<qord>Q[1-4])(?:{_}(?P<year>{YEAR}))?\b)"},
      {"fiscal-year", RuleKind::kFiscalYear,
       R"(\b(?i:fiscal(?:{_}year)?){_}(?P<year>{YEAR})\b)"},
      {"fiscal-year-fy", RuleKind::kFiscalYear,
       R"(\bFY{_?}(?:(?P<year>{YEAR})|['’]?(?P<yy>\d\d))\b)"},
      {"modified-year", RuleKind::kYear, R"((?P<mod>{MOD})(?P<year>{YEAR})\b)"},
      {"year", RuleKind::kYear, R"(\b(?P<year>{YEAR})\b)"},
      {"month", RuleKind::kCalendar, R"((?P<mod>{MOD})?\b(?P<month>{MONTH_FULL}))"},
      {"holiday", RuleKind::kCalendar,
       R"(\b(?P<holiday>{HOLIDAY})(?:,?{_}(?P<year>{YEAR}))?\b)"},
      // --- Relative to the article's date.
      {"relative-unit", RuleKind::kRelative,
       R"((?P<mod>{MOD}|(?i:earlier|later){_})?\b(?P<rel>(?i:last|next|this|coming|current)){_}(?P<unit>(?i:weekend|week|month|year|quarter|decade|century))\b)"},
      {"the-previous-unit", RuleKind::kRelative,
       R"(\b(?i:the){_}(?P<rel>(?i:previous|following|current|same)){_}(?P<unit>(?i:weekend|week|month|year|quarter|decade))\b)"},
      {"fiscal-year-relative", RuleKind::kRelative,
       R"((?P<mod>{MOD})?(?:\b(?i:the){_})?\b(?P<rel>(?i:the|this|last|next|current|previous|coming)){_}(?P<unit>(?i:fiscal|financial){_}(?i:year))\b)"},
      {"the-weekend", RuleKind::kRelative,
       R"(\b(?P<rel>(?i:the)){_}(?P<unit>(?i:weekend))\b)"},
      {"modified-the-unit", RuleKind::kRelative,
       R"((?P<mod>{MOD})(?P<rel>(?i:the)){_}(?P<unit>(?i:year|month|week|decade))\b)"},
      {"unit-end", RuleKind::kRelative,
       R"((?:\b(?i:the){_})?\b(?P<unit>(?i:year|month|week))['’]s{_}(?P<mod>(?i:end|beginning|start))\b)"},
      {"season", RuleKind::kSeason,
       R"((?P<mod>{MOD})?(?:\b(?P<rel>(?i:last|next|this|past|coming)){_})?\b(?P<season>{SEASON})(?:{_}(?:(?i:of){_})?(?P<year>{YEAR}))?\b)"},
      {"day-word", RuleKind::kDayWord,
       R"(\b(?P<dw>(?i:today|tonight|yesterday|tomorrow))(?:{_}(?P<part>{DAYPART}))?\b)"},
      {"this-daypart", RuleKind::kDayWord,
       R"(\b(?P<dw>(?i:this|last))(?:{_})(?P<part>{DAYPART})\b)"},
      {"weekday", RuleKind::kWeekday,
       R"((?:\b(?P<rel>(?i:last|next|this|past|coming)){_})?(?P<wday>{WEEKDAY})(?:{_}(?P<part>{DAYPART}))?)"},
      {"units-ago", RuleKind::kOffset,
       R"((?:\b(?P<mod>(?i:more{_}than|less{_}than|almost|nearly|about|just|only|some|over)){_})?\b(?:(?P<num>{NUM})|(?P<vague>{VAGUE})){_}(?P<unit>{UNITS}){_}(?P<dir>(?i:ago|from{_}now|hence))\b)"},
      {"units-earlier", RuleKind::kOffset,
       R"(\b(?P<num>{NUM}){_}(?P<unit>{UNITS}){_}(?P<dir>(?i:earlier|later))\b)"},
      // --- Durations.
      {"the-past-units", RuleKind::kDuration,
       R"(\b(?i:the){_}(?P<rel>(?i:past|last|next|coming|previous|first|final|following)){_}(?:(?:(?P<num>{NUM})|(?P<vague>{VAGUE})){_})?(?P<unit>{UNITS}))"},
      {"units", RuleKind::kDuration,
       R"((?:\b(?P<mod>(?i:almost|nearly|more{_}than|less{_}than|at{_}least|roughly|approximately|about)){_})?\b(?:(?P<num>{NUM})|(?P<vague>{VAGUE})){_}(?P<unit>{UNITS})(?:{_}(?i:period))?)"},
      {"units-adjective", RuleKind::kDuration,
       R"(\b(?P<num>{NUM})-[ \t]*(?:\n[ \t>]*)?(?P<unit>{UNIT})(?:-(?P<dir>(?i:old|long)))?(?:{_}(?i:period))?\b)"},
      {"unit-long", RuleKind::kDuration, R"(\b(?P<unit>{UNITS})-(?i:long)\b)"},
      {"over-the-years", RuleKind::kDuration,
       R"(\b(?i:over|through|throughout){_}(?P<span>(?i:the){_}(?P<unit>(?i:years|decades|months|weeks))\b))"},
      {"for-units", RuleKind::kDuration,
       R"(\b(?i:for|in|of|about|over|within|after){_}(?P<span>(?P<unit>(?i:days|weeks|months|years|decades|hours|minutes)))\b)"},
      // --- Vague references (only where TimeML tags them).
      {"now", RuleKind::kFixed, R"(\b(?i:now|nowadays|currently|presently)\b)", "PRESENT_REF"},
      {"these-days", RuleKind::kFixed, R"(\b(?i:these{_}days)\b)", "PRESENT_REF"},
      {"at-present", RuleKind::kFixed, R"(\b(?i:at){_}(?P<span>(?i:present|the{_}moment))\b)",
       "PRESENT_REF"},
      {"recently", RuleKind::kFixed, R"(\b(?:(?i:more|most){_})?(?i:recently|lately)\b)", "PAST_REF"},
      {"in-the-past", RuleKind::kFixed, R"(\b(?i:in){_}(?P<span>(?i:the){_}(?i:past))\b)", "PAST_REF"},
      {"in-the-future", RuleKind::kFixed,
       R"(\b(?i:in){_}(?P<span>(?i:the){_}(?:(?i:near|distant|foreseeable){_})?(?i:future))\b)",
       "FUTURE_REF"},
      {"some-day", RuleKind::kFixed, R"(\b(?i:some{_}day|someday)\b)", "FUTURE_REF"},
  };
  return kRules;
}

// --- Groups read off the words of a match.
//
// Capturing groups costs RE2 some 3,000 instructions a match with its backtracker, and some
// 15,000 for the rules whose programs are past the 512 instructions it takes the backtracker
// for (the rules of a count and a unit: {NUM} holds the number words twice). The rules below
// are rows of words in which the vocabulary keeps the groups apart, so that the blanks of a
// match (and where the letters of a word end: "mid-summer") tell where each group begins and
// ends: their groups are read off its words.
// DateRulesTest.GroupsReadOffWordsAreRe2Groups compares them with RE2's on many phrasings: a
// change of a rule or a new word that breaks one of the facts stated here fails it.
namespace {

using Words = std::span<const std::string_view>;

bool IsOneOf(std::string_view word, Words words) {
  for (std::string_view w : words)
    if (ascii::EqualsIgnoreCase(word, w)) return true;
  return false;
}

// The rules of a count and a unit: an optional modifier, the count (a number or a vague
// quantity), the unit, then an optional "period" or a direction. No modifier is a count word,
// the count is never one word with the unit, numbers and vague quantities are disjoint, and no
// unit is "period" or a direction.
struct WordGroups {
  std::string_view rule;
  std::vector<std::string_view> mods;  // the modifiers it may open with: (?P<mod>...), in order
  std::vector<std::string_view> dirs;  // the directions it ends with: (?P<dir>...); none: the
                                       // optional "period" of (?:{_}(?i:period))?
  bool vague = true;                   // whether the count may be (?P<vague>{VAGUE})
};

const std::vector<WordGroups>& WordGroupRules() {
  static const std::vector<WordGroups> kRules = {
      {"units-ago",
       {"more than", "less than", "almost", "nearly", "about", "just", "only", "some", "over"},
       {"ago", "from now", "hence"}},
      {"units-earlier", {}, {"earlier", "later"}, /*vague=*/false},
      {"units",
       {"almost", "nearly", "more than", "less than", "at least", "roughly", "approximately",
        "about"},
       {}},
  };
  return kRules;
}

// The other rules read off their words, each by a function of the words and the whole match.

// "year": the whole match.
bool ReadYear(Words, std::string_view match, Match& m) {
  m.slots[kSlotYear] = match;
  return true;
}

// "for-units": "for years" -> span and unit "years".
bool ReadForUnits(Words w, std::string_view, Match& m) {
  if (w.size() != 2) return false;
  m.slots[kSlotSpan] = m.slots[kSlotUnit] = w[1];
  return true;
}

// "day-word": "yesterday", "tomorrow morning".
bool ReadDayWord(Words w, std::string_view, Match& m) {
  if (w.size() > 2) return false;
  m.slots[kSlotDw] = w[0];
  if (w.size() == 2) m.slots[kSlotPart] = w[1];
  return true;
}

// "weekday": "Monday", "last Friday", "Sunday morning", "next Monday night". No weekday is one
// of its relative words or a part of the day.
constexpr std::string_view kWeekdayRel[] = {"last", "next", "this", "past", "coming"};
bool ReadWeekday(Words w, std::string_view, Match& m) {
  size_t i = 0;
  if (w.size() == 3 || (w.size() == 2 && IsOneOf(w[0], kWeekdayRel))) {
    if (!IsOneOf(w[0], kWeekdayRel)) return false;
    m.slots[kSlotRel] = w[0];
    i = 1;
  }
  if (w.size() - i > 2) return false;
  m.slots[kSlotWday] = w[i];
  if (w.size() - i == 2) m.slots[kSlotPart] = w[i + 1];
  return true;
}

// "relative-unit": "next year", "earlier this month", "the end of last week", "mid-next year":
// the relative word and the unit are the last two words, the modifier all before them.
constexpr std::string_view kRelativeRel[] = {"last", "next", "this", "coming", "current"};
bool ReadRelativeUnit(Words w, std::string_view match, Match& m) {
  if (w.size() < 2 || !IsOneOf(w[w.size() - 2], kRelativeRel)) return false;  // "mid-next": RE2
  const std::string_view rel = w[w.size() - 2];
  if (rel.data() > match.data()) m.slots[kSlotMod] = match.substr(0, rel.data() - match.data());
  m.slots[kSlotRel] = rel;
  m.slots[kSlotUnit] = w.back();
  return true;
}

// "month": "October", "early October", "mid-October", "the end of October": the month is the
// letters that end the match, the modifier all before them.
bool ReadMonth(Words, std::string_view match, Match& m) {
  size_t b = match.size();
  while (b > 0 && ((match[b - 1] >= 'a' && match[b - 1] <= 'z') || (match[b - 1] >= 'A' && match[b - 1] <= 'Z'))) --b;
  if (b == match.size()) return false;
  if (b > 0) m.slots[kSlotMod] = match.substr(0, b);
  m.slots[kSlotMonth] = match.substr(b);
  return true;
}

// "month-day-year": "April 17, 2018", "Tuesday, April 17, 2018", "Sept. 3 1999": the commas
// after the weekday and the day are no part of them.
bool ReadMonthDayYear(Words w, std::string_view, Match& m) {
  if (w.size() != 3 && w.size() != 4) return false;
  auto without_comma = [](std::string_view s) { return s.ends_with(',') ? s.substr(0, s.size() - 1) : s; };
  const size_t n = w.size();
  if (n == 4) m.slots[kSlotWday] = without_comma(w[0]);
  m.slots[kSlotMonth] = w[n - 3];
  m.slots[kSlotDay] = without_comma(w[n - 2]);
  m.slots[kSlotYear] = w[n - 1];
  return true;
}

// The letters that end a word ("summer" of "mid-summer").
std::string_view TrailingLetters(std::string_view word) {
  size_t b = word.size();
  while (b > 0 && ((word[b - 1] >= 'a' && word[b - 1] <= 'z') || (word[b - 1] >= 'A' && word[b - 1] <= 'Z'))) --b;
  return word.substr(b);
}

// "season": "summer", "last winter", "early spring", "mid-summer", "the end of last summer",
// "summer 2018", "fall of 1998". The year is a last word of digits, after an optional "of"; the
// season the letters before them; the relative word the word before it, when one of its own
// (no modifier word is one), and the modifier all before those.
constexpr std::string_view kSeasonRel[] = {"last", "next", "this", "past", "coming"};
bool ReadSeason(Words w, std::string_view match, Match& m) {
  size_t last = w.size();  // the season is word last - 1
  if (std::all_of(w.back().begin(), w.back().end(), [](char c) { return c >= '0' && c <= '9'; })) {
    m.slots[kSlotYear] = w.back();
    --last;
    if (last >= 2 && ascii::EqualsIgnoreCase(w[last - 1], "of")) --last;
  }
  if (last == 0) return false;
  const std::string_view season = TrailingLetters(w[last - 1]);
  if (season.empty()) return false;
  m.slots[kSlotSeason] = season;
  const char* first = season.data();  // of the relative word, else of the season
  if (season.size() == w[last - 1].size() && last >= 2) {
    const std::string_view rel = TrailingLetters(w[last - 2]);
    if (IsOneOf(rel, kSeasonRel)) {
      m.slots[kSlotRel] = rel;
      first = rel.data();
    }
  }
  if (first > match.data()) m.slots[kSlotMod] = match.substr(0, first - match.data());
  return true;
}

struct WordReader {
  std::string_view rule;
  bool (*read)(Words words, std::string_view match, Match& m);  // false: left to RE2
};
constexpr WordReader kWordReaders[] = {
    {"year", ReadYear},          {"for-units", ReadForUnits},         {"day-word", ReadDayWord},
    {"weekday", ReadWeekday},    {"relative-unit", ReadRelativeUnit}, {"month", ReadMonth},
    {"month-day-year", ReadMonthDayYear}, {"season", ReadSeason},
};

// Rules whose end, where the set says one matches at a start, the text there tells without a
// search (RuleSet::KnownLength).
struct RuleEnd {
  std::string_view rule;
  MatchEnd end;
};
constexpr RuleEnd kKnownEnds[] = {
    // \b(?P<year>{YEAR})\b: four digits.
    {"year", MatchEnd::kFourDigits},
    // (?P<mod>{MOD})?\b(?P<month>{MONTH_FULL}): no modifier opens with a month, so a match that
    // opens with a month name in Title or UPPER case is that name.
    {"month", MatchEnd::kMonthName},
    // (?:\b(?P<rel>...){_})?(?P<wday>{WEEKDAY})(?:{_}(?P<part>{DAYPART}))?: no relative word is
    // a weekday, so a match that opens with a weekday name in Title or UPPER case is that name,
    // and the blank and part of the day after it where they follow.
    {"weekday", MatchEnd::kWeekdayName},
    // (?:(?P<wday>{WEEKDAY}),?{_})?(?P<month>{MONTH}){_}(?P<day>{DAY})\b, and with
    // ,?{_}(?P<year>{YEAR})\b after the day: a match that opens with a month's name is the name,
    // the blank and the day (and the year) that follow it (RuleSet::MonthDayLength).
    {"month-day", MatchEnd::kMonthDay},
    {"month-day-year", MatchEnd::kMonthDayYear},
    // \b(?i:for|in|...){_}(?P<span>(?P<unit>(?i:days|weeks|...)))\b: the word, the blank and the
    // plural unit.
    {"for-units", MatchEnd::kForUnits},
    // (?:\b(?P<mod>...){_})?\b(?:(?P<num>{NUM})|(?P<vague>{VAGUE})){_}(?P<unit>{UNITS})
    // (?:{_}(?i:period))?: no modifier is a count, so a match that opens with a count of one
    // word, a blank and a unit followed by no blank and "period" is those three
    // (RuleSet::CountUnitsLength).
    {"units", MatchEnd::kCountUnits},
    // (?P<mod>{MOD})?(?:\b(?P<rel>...){_})?\b(?P<season>{SEASON})(?:{_}(?:(?i:of){_})?(?P<year>{YEAR}))?\b:
    // no modifier or relative word is a season, so a match that opens with a season's name that
    // no blank and a digit or "of" follow is the name.
    {"season", MatchEnd::kSeasonName},
    // (?P<mod>{MOD}|(?i:earlier|later){_})?\b(?P<rel>(?i:last|next|...)){_}(?P<unit>...)\b: no
    // modifier opens with a relative word, so a match that opens with one is it, the blank and
    // the unit.
    {"relative-unit", MatchEnd::kRelativeUnit},
};
// Their words, as the rules above spell them ((?i): any case).
constexpr std::string_view kWeekdayRels[] = {"last", "next", "this", "past", "coming"};
constexpr std::string_view kForWords[] = {"for", "in", "of", "about", "over", "within", "after"};
constexpr std::string_view kForUnits[] = {"days", "weeks", "months", "years", "decades", "hours", "minutes"};
constexpr std::string_view kRelativeRels[] = {"last", "next", "this", "coming", "current"};
constexpr std::string_view kRelativeUnits[] = {"weekend", "week", "month", "year", "quarter", "decade", "century"};
// The words that open one rule only (RuleSet::LoneWordsAt). "relative-unit" alone: its relative
// words but "coming" ({VAGUE}: "coming weeks" is "units" too), and its units but "quarter" (the
// relative words are {QORD}s too: "last quarter" is "quarter" too).
enum : uint8_t { kLoneFor = 1, kLoneRelative = 2, kLoneCount = 4, kLoneSeason = 8, kLoneDayWord = 16 };
constexpr std::string_view kDayWords[] = {"today", "tonight", "yesterday", "tomorrow"};  // "day-word"
// The words that open a direction of "units-ago" and "units-earlier".
constexpr std::string_view kDirectionWords[] = {"ago", "from", "hence", "earlier", "later"};
constexpr std::string_view kLoneRelativeRels[] = {"last", "next", "this", "current"};
constexpr std::string_view kLoneRelativeUnits[] = {"weekend", "week", "month", "year", "decade", "century"};

struct SlotName {
  const char* name;
  Slot slot;
};
constexpr SlotName kSlotNames[] = {
    {"year", kSlotYear},   {"yy", kSlotYy},       {"month", kSlotMonth},   {"mnum", kSlotMnum},
    {"day", kSlotDay},     {"wday", kSlotWday},   {"rel", kSlotRel},       {"num", kSlotNum},
    {"vague", kSlotVague}, {"unit", kSlotUnit},   {"season", kSlotSeason}, {"qord", kSlotQord},
    {"hour", kSlotHour},   {"min", kSlotMin},     {"ampm", kSlotAmpm},     {"zone", kSlotZone},
    {"part", kSlotPart},   {"mod", kSlotMod},     {"dir", kSlotDir},       {"a", kSlotA},
    {"b", kSlotB},         {"span", kSlotSpan},   {"n1", kSlotN1},         {"n2", kSlotN2},
    {"decade", kSlotDecade}, {"dw", kSlotDw}, {"holiday", kSlotHoliday},
};

// "more than" -> {"more", "than"}.
std::vector<std::string> SplitWords(std::string_view phrase) {
  std::vector<std::string> words;
  for (size_t b = 0; b <= phrase.size();) {
    size_t e = phrase.find(' ', b);
    if (e == std::string_view::npos) e = phrase.size();
    words.emplace_back(phrase.substr(b, e - b));
    b = e + 1;
  }
  return words;
}

RE2::Options RuleOptions() {
  RE2::Options o;
  o.set_log_errors(false);
  o.set_encoding(RE2::Options::EncodingUTF8);
  return o;
}

RE2::Options SetOptions() {
  RE2::Options o = RuleOptions();
  o.set_max_mem(int64_t{256} << 20);
  return o;
}

}  // namespace

StatusOr<std::string> ExpandPattern(std::string_view pattern, const Lexicon& lex) {
  const std::string blank = R"((?:[ \t\x{00A0}]+(?:>[ \t>]*)?(?:\n[ \t>]*)?|\n[ \t>]*))";
  const std::string num_word = lex.Alternation(WordClass::kNumber);
  const std::string unit = lex.Alternation(WordClass::kUnit);
  auto value_of = [&](std::string_view key) -> std::optional<std::string> {
    if (key == "_") return blank;
    if (key == "_?") return "(?:" + blank + ")?";
    if (key == "MONTH")
      return "(?:" + lex.Alternation(WordClass::kMonth) + "\\b|" +
             lex.Alternation(WordClass::kMonthAbbr) + "\\b\\.?)";
    if (key == "MONTH_FULL") return lex.Alternation(WordClass::kMonth) + "\\b";
    if (key == "WEEKDAY") return lex.Alternation(WordClass::kWeekday) + "\\b";
    if (key == "DAY") return R"((?:[12]\d|3[01]|0?[1-9])(?i:st|nd|rd|th)?)";
    if (key == "YEAR") return R"((?:1[5-9]\d\d|20\d\d))";
    if (key == "NUM")
      return "(?:" + num_word + "(?:-" + num_word + ")?\\b|\\d{1,3}(?:,\\d{3})*(?:\\.\\d+)?)(?:" +
             blank + "(?i:and)" + blank + "(?i:a)" + blank + "(?i:half))?";
    if (key == "VAGUE") return lex.Alternation(WordClass::kVagueNumber) + "\\b";
    if (key == "UNIT") return unit;
    if (key == "UNITS") return "(?:(?i:centuries)|" + unit + "(?i:s)?)\\b";
    if (key == "SEASON") return lex.Alternation(WordClass::kSeason) + "\\b";
    if (key == "ZONE") return lex.Alternation(WordClass::kZone) + "\\b";
    if (key == "HOLIDAY") return lex.Alternation(WordClass::kHoliday);
    if (key == "DAYPART") return lex.Alternation(WordClass::kDaypart) + "\\b";
    if (key == "QORD") return lex.Alternation(WordClass::kQuarterOrdinal) + "\\b";
    if (key == "AP") return R"((?i:[ap]\.?m\b\.?))";
    if (key == "MOD")
      return "(?i:(?:early|late|mid)(?:-|" + blank + ")|(?:the" + blank + ")?(?:very" + blank +
             ")?(?:end|beginning|start|middle|close|first" + blank + "half|second" + blank +
             "half)" + blank + "of" + blank + ")";
    return std::nullopt;
  };
  std::string out;
  size_t i = 0;
  while (i < pattern.size()) {
    if (pattern[i] == '{') {
      size_t close = pattern.find('}', i);
      if (close != std::string_view::npos) {
        std::string_view key = pattern.substr(i + 1, close - i - 1);
        if (auto v = value_of(key)) {
          out += *v;
          i = close + 1;
          continue;
        }
        // Not a placeholder (a repetition such as \d{1,2}): copy as is.
        if (key.empty() || !std::isdigit(static_cast<unsigned char>(key[0])))
          return InvalidArgument("unknown placeholder {" + std::string(key) + "}");
      }
    }
    out += pattern[i++];
  }
  return out;
}

StatusOr<std::unique_ptr<RuleSet>> RuleSet::Create(const Lexicon& lex) {
  auto rs = std::unique_ptr<RuleSet>(new RuleSet());
  rs->specs_ = RuleSpecs();
  rs->anchored_set_ = std::make_unique<RE2::Set>(SetOptions(), RE2::ANCHOR_START);
  for (const RuleSpec& spec : rs->specs_) {
    auto expanded = ExpandPattern(spec.pattern, lex);
    if (!expanded.ok())
      return InvalidArgument("date rule '" + std::string(spec.name) +
                             "': " + expanded.status().message());
    Compiled c;
    c.re = std::make_unique<RE2>(*expanded, RuleOptions());
    if (!c.re->ok())
      return InvalidArgument("date rule '" + std::string(spec.name) + "': " + c.re->error());
    c.group_slot.assign(c.re->NumberOfCapturingGroups() + 1, -1);
    for (const auto& [name, index] : c.re->NamedCapturingGroups()) {
      bool known = false;
      for (const SlotName& sn : kSlotNames)
        if (name == sn.name) {
          c.group_slot[index] = static_cast<int8_t>(sn.slot);
          known = true;
        }
      if (!known)
        return InvalidArgument("date rule '" + std::string(spec.name) + "': unknown group '" +
                               name + "'");
    }
    for (const WordReader& reader : kWordReaders)
      if (reader.rule == spec.name) c.read = reader.read;
    for (const RuleEnd& e : kKnownEnds)
      if (e.rule == spec.name) c.end = e.end;
    for (const WordGroups& g : WordGroupRules())
      if (g.rule == spec.name) {
        c.words.emplace();
        for (std::string_view mod : g.mods) c.words->mods.push_back(SplitWords(mod));
        for (const std::vector<std::string>& mod : c.words->mods) c.words->mod_first_words.Add(mod[0]);
        for (std::string_view dir : g.dirs) c.words->dirs.push_back(SplitWords(dir));
        c.words->vague = g.vague;
      }
    std::string error;
    if (rs->anchored_set_->Add(*expanded, &error) < 0)
      return InvalidArgument("date rule '" + std::string(spec.name) + "': " + error);
    rs->rules_.push_back(std::move(c));
  }
  for (const auto& [phrase, value] : lex.Words(WordClass::kVagueNumber))
    rs->vague_phrases_.push_back(SplitWords(phrase));
  for (const std::vector<std::string>& phrase : rs->vague_phrases_)
    if (phrase.size() == 1) rs->vague_words_.Add(phrase[0]);
  for (const auto& [word, value] : lex.Words(WordClass::kMonth)) rs->month_names_.Add(word);
  for (const auto& [word, value] : lex.Words(WordClass::kWeekday)) rs->weekday_names_.Add(word);
  for (const auto& [word, value] : lex.Words(WordClass::kMonthAbbr)) rs->month_abbreviations_.Add(word);
  rs->weekday_rels_ = WordSet::Of(kWeekdayRels);
  rs->for_words_ = WordSet::Of(kForWords);
  rs->for_units_ = WordSet::Of(kForUnits);
  rs->relative_rels_ = WordSet::Of(kRelativeRels);
  rs->relative_units_ = WordSet::Of(kRelativeUnits);
  for (const auto& [word, value] : lex.Words(WordClass::kDaypart)) rs->dayparts_.Add(word);
  for (const auto& [word, value] : lex.Words(WordClass::kZone)) rs->zones_.Add(word);
  for (const WordClass c : {WordClass::kNumber, WordClass::kVagueNumber})
    for (const auto& [word, value] : lex.Words(c))
      if (std::all_of(word.begin(), word.end(), [](char ch) { return ch >= 'a' && ch <= 'z'; }))
        rs->counts_.Add(word);
  for (const auto& [word, value] : lex.Words(WordClass::kUnit)) {
    rs->units_.Add(word);
    rs->units_.Add(std::string(word) + "s");
  }
  rs->units_.Add("centuries");
  for (const auto& [word, value] : lex.Words(WordClass::kSeason)) rs->seasons_.Add(word);
  for (std::string_view w : kForWords) rs->lone_openers_.Add(w, kLoneFor);
  for (std::string_view w : kLoneRelativeRels) rs->lone_openers_.Add(w, kLoneRelative);
  for (const WordClass c : {WordClass::kNumber, WordClass::kVagueNumber})
    for (const auto& [word, value] : lex.Words(c))
      if (rs->counts_.Contains(word) && !rs->relative_rels_.Contains(word)) rs->lone_openers_.Add(word, kLoneCount);
  for (const auto& [word, value] : lex.Words(WordClass::kSeason)) rs->lone_openers_.Add(word, kLoneSeason);
  for (std::string_view w : kDayWords) rs->lone_openers_.Add(w, kLoneDayWord);
  rs->direction_words_ = WordSet::Of(kDirectionWords);
  rs->lone_relative_rels_ = WordSet::Of(kLoneRelativeRels);
  rs->lone_relative_units_ = WordSet::Of(kLoneRelativeUnits);
  for (size_t i = 0; i < rs->specs_.size(); ++i)
    if (rs->specs_[i].name == "year") rs->year_rule_ = static_cast<int>(i);
    else if (rs->specs_[i].name == "weekday") rs->weekday_rule_ = static_cast<int>(i);
    else if (rs->specs_[i].name == "month") rs->month_rule_ = static_cast<int>(i);
    else if (rs->specs_[i].name == "month-day") rs->month_day_rule_ = static_cast<int>(i);
    else if (rs->specs_[i].name == "month-day-year") rs->month_day_year_rule_ = static_cast<int>(i);
    else if (rs->specs_[i].name == "for-units") rs->for_units_rule_ = static_cast<int>(i);
    else if (rs->specs_[i].name == "relative-unit") rs->relative_unit_rule_ = static_cast<int>(i);
    else if (rs->specs_[i].name == "units") rs->units_rule_ = static_cast<int>(i);
    else if (rs->specs_[i].name == "season") rs->season_rule_ = static_cast<int>(i);
    else if (rs->specs_[i].name == "day-word") rs->day_word_rule_ = static_cast<int>(i);
  if (!rs->anchored_set_->Compile())
    return Internal("date rules: RE2::Set does not compile");
  return rs;
}

void RuleSet::FindAll(std::string_view text, size_t begin, size_t end,
                      std::vector<Candidate>& out) const {
  // The unanchored set serves only this slow path: it is compiled on first use.
  std::call_once(set_once_, [this] {
    auto set = std::make_unique<RE2::Set>(SetOptions(), RE2::UNANCHORED);
    for (const Compiled& c : rules_) set->Add(c.re->pattern(), nullptr);
    set->Compile();  // if not, Match fails with kNotCompiled and every rule is tried
    set_ = std::move(set);
  });
  const std::string_view chunk = text.substr(begin, end - begin);
  std::vector<int> fired;
  RE2::Set::ErrorInfo info{};
  if (!set_->Match(re2::StringPiece(chunk.data(), chunk.size()), &fired, &info)) {
    if (info.kind == RE2::Set::kNoError) return;  // nothing can match here
    fired.clear();                                // out of memory: try every rule
    for (size_t i = 0; i < rules_.size(); ++i) fired.push_back(static_cast<int>(i));
  }
  const re2::StringPiece whole(text.data(), text.size());
  re2::StringPiece found;
  for (int r : fired) {
    const RE2& re = *rules_[r].re;
    size_t pos = begin;
    while (pos < end && re.Match(whole, pos, end, RE2::UNANCHORED, &found, 1)) {
      Candidate m;
      m.rule = static_cast<uint16_t>(r);
      m.begin = static_cast<uint32_t>(found.data() - text.data());
      m.end = static_cast<uint32_t>(m.begin + found.size());
      if (m.end > m.begin) out.push_back(m);
      pos = m.end > pos ? m.end : pos + 1;
    }
  }
}

namespace {

bool IsUpper(char c) { return c >= 'A' && c <= 'Z'; }
bool IsLower(char c) { return c >= 'a' && c <= 'z'; }
// Per byte: 1 an ASCII letter, 2 another byte of RE2's \w (a digit or '_').
constexpr auto kWordBytes = [] {
  std::array<uint8_t, 256> table{};
  for (int c = 0; c < 256; ++c)
    table[c] = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ? 1 : (c >= '0' && c <= '9') || c == '_' ? 2 : 0;
  return table;
}();
// RE2's \w: where one follows a word, \b does not hold.
bool IsWordByte(char c) { return kWordBytes[static_cast<uint8_t>(c)] != 0; }

// The letters at the start of `s`.
size_t LettersAt(std::string_view s) {
  size_t e = 0;
  while (e < s.size() && kWordBytes[static_cast<uint8_t>(s[e])] == 1) ++e;
  return e;
}

// The name `word`, ASCII letters, in Title or UPPER case, as the name alternations spell it: the
// first a capital, and the others' case bits (0x20) all the second's.
bool TitleOrUpper(std::string_view word) {
  if (word.size() < 2 || !IsUpper(word[0])) return false;
  const char case_bit = word[1] & 0x20;
  for (size_t i = 2; i < word.size(); ++i)
    if ((word[i] & 0x20) != case_bit) return false;
  return true;
}

// Whether all of `s` is one blank of the rules ({_}):
// (?:[ \t\x{00A0}]+(?:>[ \t>]*)?(?:\n[ \t>]*)?|\n[ \t>]*). Each part must take all it can, as
// what may follow it is no byte it takes.
bool IsRuleBlank(std::string_view s) {
  size_t i = 0;
  auto quote_marks = [&] {
    while (i < s.size() && (s[i] == ' ' || s[i] == '\t' || s[i] == '>')) ++i;
  };
  if (!s.empty() && s[0] == '\n') {
    ++i;
    quote_marks();
    return i == s.size();
  }
  while (i < s.size()) {
    if (s[i] == ' ' || s[i] == '\t') {
      ++i;
    } else if (s[i] == '\xC2' && i + 1 < s.size() && s[i + 1] == '\xA0') {
      i += 2;
    } else {
      break;
    }
  }
  if (i == 0) return false;
  if (i < s.size() && s[i] == '>') {
    ++i;
    quote_marks();
  }
  if (i < s.size() && s[i] == '\n') {
    ++i;
    quote_marks();
  }
  return i == s.size();
}

// Whether text[p] begins a character of General Punctuation (U+2000-U+206F: dashes, quote marks,
// "…"): no rule reads on at one after a blank, as none opens a month, a zone or a number.
bool GeneralPunctuationAt(std::string_view t, size_t p) {
  return p + 2 < t.size() && t[p] == '\xE2' && (t[p + 1] == '\x80' || t[p + 1] == '\x81');
}

// Where the blank ({_}) that begins at rest[i] ends: the blank bytes up to the first other one,
// which must follow them; 0 when they are no blank.
size_t BlankEnd(std::string_view rest, size_t i) {
  const size_t p = BlankBytesEnd(rest, i);
  return p > i && p < rest.size() && IsRuleBlank(rest.substr(i, p - i)) ? p : 0;
}

}  // namespace

void RuleSet::FindAt(std::string_view text, std::span<const uint32_t> starts, size_t max_length,
                     std::vector<Candidate>& out) const {
  const re2::StringPiece whole(text.data(), text.size());
  std::vector<int> fired;
  re2::StringPiece found;
  for (const uint32_t start : starts) {
    const size_t limit = std::min(text.size(), start + max_length);
    if (year_rule_ >= 0 && LoneYearAt(text, start)) {
      out.push_back({static_cast<uint16_t>(year_rule_), start, start + 4});
      continue;
    }
    // A lone weekday's match is its name and a part of the day after it (KnownLength's
    // kWeekdayName from the name's end: no relative word is a weekday's name).
    if (const size_t name = weekday_rule_ >= 0 ? LoneWeekdayAt(text, start) : 0; name != 0 && start + name <= limit) {
      if (const size_t length = WeekdayPartEnd(text.substr(start, limit - start), name)) {
        out.push_back({static_cast<uint16_t>(weekday_rule_), start, static_cast<uint32_t>(start + length)});
        continue;
      }
    }
    // A lone month's match is its name (KnownLength's kMonthName, which the name fits).
    if (const size_t length = month_rule_ >= 0 ? LoneMonthAt(text, start) : 0; length != 0 && start + length <= limit) {
      out.push_back({static_cast<uint16_t>(month_rule_), start, static_cast<uint32_t>(start + length)});
      continue;
    }
    // A month's name and day that no year or clock time reads on past (MonthDayAt).
    size_t year_end = 0;
    const size_t day_end = month_day_rule_ >= 0 && month_day_year_rule_ >= 0 && month_rule_ >= 0
                               ? MonthDayAt(text.substr(start, limit - start), &year_end)
                               : 0;
    if (day_end != 0) {
      if (year_end != 0)
        out.push_back({static_cast<uint16_t>(month_day_year_rule_), start, static_cast<uint32_t>(start + year_end)});
      out.push_back({static_cast<uint16_t>(month_day_rule_), start, static_cast<uint32_t>(start + day_end)});
      if (const size_t length = KnownLength(MatchEnd::kMonthName, text.substr(start, limit - start), false))
        out.push_back({static_cast<uint16_t>(month_rule_), start, static_cast<uint32_t>(start + length)});
      continue;
    }
    if (const std::optional<LoneMatch> lone = LoneWordsAt(text, start, limit)) {
      if (lone->rule >= 0)
        out.push_back({static_cast<uint16_t>(lone->rule), start, static_cast<uint32_t>(start + lone->length)});
      continue;
    }
    RE2::Set::ErrorInfo info{};
    if (!anchored_set_->Match(re2::StringPiece(text.data() + start, limit - start), &fired, &info)) {
      if (info.kind != RE2::Set::kNoError) FindAll(text, start, limit, out);  // out of memory: the slow path
      continue;
    }
    for (int r : fired) {
      if (const size_t length = KnownLength(rules_[r].end, text.substr(start, limit - start),
                                            start > 0 && IsWordByte(text[start - 1]))) {
        out.push_back({static_cast<uint16_t>(r), start, static_cast<uint32_t>(start + length)});
        continue;
      }
      if (!rules_[r].re->Match(whole, start, limit, RE2::ANCHOR_START, &found, 1) || found.empty()) continue;
      out.push_back({static_cast<uint16_t>(r), start, static_cast<uint32_t>(start + found.size())});
    }
  }
}

size_t RuleSet::KnownLength(MatchEnd end, std::string_view rest, bool after_word) const {
  switch (end) {
    case MatchEnd::kSearch:
      return 0;
    case MatchEnd::kFourDigits:
      return 4;
    case MatchEnd::kMonthName: {
      const size_t e = LettersAt(rest);
      // Where a digit or '_' follows, RE2's \b decides.
      if (e < rest.size() && IsWordByte(rest[e])) return 0;
      const std::string_view word = rest.substr(0, e);
      return TitleOrUpper(word) && month_names_.Contains(word) ? e : 0;
    }
    case MatchEnd::kWeekdayName: {
      size_t b = 0;  // where the name begins: after "last ", "next ", ... (any case)
      if (const size_t r = LettersAt(rest); r < rest.size() && static_cast<unsigned char>(rest[r]) < 0x80 &&
                                             weekday_rels_.Contains(rest.substr(0, r))) {
        if (after_word) return 0;  // \b(?P<rel>...)
        b = BlankEnd(rest, r);
        if (b == 0) return 0;
      }
      const size_t e = b + LettersAt(rest.substr(b));
      if (e < rest.size() && IsWordByte(rest[e])) return 0;
      const std::string_view word = rest.substr(b, e - b);
      if (!TitleOrUpper(word) || !weekday_names_.Contains(word)) return 0;
      return WeekdayPartEnd(rest, e);
    }
    case MatchEnd::kMonthDay:
      return MonthDayLength(rest, false);
    case MatchEnd::kMonthDayYear:
      return MonthDayLength(rest, true);
    case MatchEnd::kForUnits:  // both open with \b
      return after_word ? 0 : WordBlankWordLength(rest, for_words_, for_units_);
    case MatchEnd::kRelativeUnit:
      return after_word ? 0 : WordBlankWordLength(rest, relative_rels_, relative_units_);
    case MatchEnd::kCountUnits:  // opens with \b
      return after_word ? 0 : CountUnitsLength(rest);
    case MatchEnd::kSeasonName: {  // \b(?P<season>{SEASON})
      const size_t e = LettersAt(rest);
      if (after_word || e == 0 || e == rest.size() || IsWordByte(rest[e]) ||
          static_cast<unsigned char>(rest[e]) >= 0x80 || !seasons_.Contains(rest.substr(0, e)))
        return 0;
      // Where a blank and a digit, an "o" or a byte outside ASCII follow, RE2 decides.
      const size_t p = BlankEnd(rest, e);
      if (p != 0 && ((rest[p] >= '0' && rest[p] <= '9') || (rest[p] | 0x20) == 'o' ||
                     static_cast<unsigned char>(rest[p]) >= 0x80))
        return 0;
      return e;
    }
  }
  return 0;
}

size_t RuleSet::WeekdayPartEnd(std::string_view rest, size_t e) const {
  // A part of the day after a blank: the blank runs up to its first letter.
  const size_t p = BlankBytesEnd(rest, e);
  const size_t q = p + LettersAt(rest.substr(p));
  // Letters up to the end of `rest`, the search's window, may go on past it: RE2 decides.
  if (q == rest.size() && q > p) return 0;
  if (q > p && !IsWordByte(rest[q]) && dayparts_.Contains(rest.substr(p, q - p)) &&
      IsRuleBlank(rest.substr(e, p - e)))
    return q;
  return e;
}

size_t RuleSet::CountUnitsLength(std::string_view rest) const {
  return CountUnitsEnd(rest, WordBlankWordLength(rest, counts_, units_));
}

size_t RuleSet::CountUnitsEnd(std::string_view rest, size_t e) const {
  if (e == 0) return 0;
  // "(?:{_}(?i:period))?": where a blank and a "p" (or a byte outside ASCII) follow, RE2 decides.
  const size_t p = BlankEnd(rest, e);
  if (p != 0 && ((rest[p] | 0x20) == 'p' || static_cast<unsigned char>(rest[p]) >= 0x80)) return 0;
  return e;
}

std::optional<RuleSet::LoneMatch> RuleSet::LoneWordsAt(std::string_view t, size_t start, size_t limit) const {
  // A letter after no word byte (where the rules' \b fails, the set decides).
  if (start >= t.size() || kWordBytes[static_cast<uint8_t>(t[start])] != 1 || (start > 0 && IsWordByte(t[start - 1])))
    return std::nullopt;
  const std::string_view rest = t.substr(start, limit - start);
  const size_t a = LettersAt(rest);
  if (a == rest.size() || a > WordSet::kMaxLength) return std::nullopt;
  const bool ascii_after = static_cast<unsigned char>(rest[a]) < 0x80;  // where the first word ends
  // A match of `rule` that ends at `e`, where 0 leaves it to the set.
  auto match = [](int rule, size_t e) -> std::optional<LoneMatch> {
    if (rule < 0 || e == 0) return std::nullopt;
    return LoneMatch{rule, e};
  };
  switch (lone_openers_.Find(rest.substr(0, a))) {
    case kLoneFor: {
      // The first word is one of for_words_, and so one of "for-units" (WordBlankWordLength).
      if (const size_t e = ascii_after ? BlankWordEnd(rest, a, for_units_) : 0) return match(for_units_rule_, e);
      // "over five years": "units-ago" reads a direction after the unit; "for-units" and
      // "over-the-years" read a unit or "the" after "over", no count.
      if (!ascii::EqualsIgnoreCase(rest.substr(0, a), "over") || units_rule_ < 0) return std::nullopt;
      const size_t b = BlankEnd(rest, a);
      if (b == 0) return std::nullopt;
      const size_t e = CountUnitsLength(rest.substr(b));
      if (e == 0 || DirectionMayFollow(rest, b + e)) return std::nullopt;
      return LoneMatch{};
    }
    case kLoneRelative:
      return match(relative_unit_rule_, ascii_after ? BlankWordEnd(rest, a, lone_relative_units_) : 0);
    case kLoneCount: {
      // A count of counts_: CountUnitsLength from the blank on.
      const size_t e = units_rule_ < 0 || !ascii_after ? 0 : CountUnitsEnd(rest, BlankWordEnd(rest, a, units_));
      if (e == 0 || DirectionMayFollow(rest, e)) return std::nullopt;
      return match(units_rule_, e);
    }
    case kLoneSeason:
      return match(season_rule_, KnownLength(MatchEnd::kSeasonName, rest, false));
    case kLoneDayWord: {
      // \b(?P<dw>...)(?:{_}(?P<part>{DAYPART}))?\b: the word, and the blank and part of the day
      // after it where they follow. Bytes outside ASCII and the window's end go to the set.
      if (IsWordByte(rest[a]) || static_cast<unsigned char>(rest[a]) >= 0x80) return std::nullopt;
      const size_t p = BlankBytesEnd(rest, a);
      if (p == rest.size() || static_cast<unsigned char>(rest[p]) >= 0x80) return std::nullopt;
      const size_t q = p + LettersAt(rest.substr(p));
      if (q == rest.size() || static_cast<unsigned char>(rest[q]) >= 0x80) return std::nullopt;
      if (p > a && q > p && !IsWordByte(rest[q]) && dayparts_.Contains(rest.substr(p, q - p)))
        return IsRuleBlank(rest.substr(a, p - a)) ? match(day_word_rule_, q) : std::nullopt;
      return match(day_word_rule_, a);
    }
    default:
      return std::nullopt;
  }
}

bool RuleSet::DirectionMayFollow(std::string_view rest, size_t e) const {
  const size_t p = BlankBytesEnd(rest, e);
  if (p == e) return false;  // no blank
  if (p == rest.size() || static_cast<unsigned char>(rest[p]) >= 0x80) return true;
  const size_t q = p + LettersAt(rest.substr(p));
  if (q == rest.size() || static_cast<unsigned char>(rest[q]) >= 0x80) return true;
  return direction_words_.Contains(rest.substr(p, q - p));
}

size_t RuleSet::WordBlankWordLength(std::string_view rest, const WordSet& first, const WordSet& second) const {
  // A letter that (?i) folds to an ASCII one (the Kelvin sign, the long s) is outside ASCII:
  // each word must end at an ASCII byte.
  const size_t a = LettersAt(rest);
  if (a == 0 || a == rest.size() || static_cast<unsigned char>(rest[a]) >= 0x80 || !first.Contains(rest.substr(0, a)))
    return 0;
  return BlankWordEnd(rest, a, second);
}

size_t RuleSet::BlankWordEnd(std::string_view rest, size_t a, const WordSet& second) const {
  const size_t b = BlankEnd(rest, a);
  if (b == 0) return 0;
  const size_t e = b + LettersAt(rest.substr(b));
  if (e == b || e == rest.size() || static_cast<unsigned char>(rest[e]) >= 0x80 || IsWordByte(rest[e]) ||
      !second.Contains(rest.substr(b, e - b)))
    return 0;
  return e;
}

size_t RuleSet::MonthDayLength(std::string_view rest, bool year) const {
  size_t year_end = 0;
  const size_t day_end = MonthDayEnds(rest, year ? &year_end : nullptr);
  return year ? year_end : day_end;
}

size_t RuleSet::MonthDayEnds(std::string_view rest, size_t* year_end) const {
  auto is_digit = [](char c) { return c >= '0' && c <= '9'; };
  auto blank_end = [&](size_t i) { return BlankEnd(rest, i); };
  // The month: a name ("May\b"), or an abbreviation and an optional dot ("Sept.").
  size_t i = LettersAt(rest);
  if (i == rest.size() || IsWordByte(rest[i])) return 0;
  const std::string_view word = rest.substr(0, i);
  if (!TitleOrUpper(word)) return 0;
  if (!month_names_.Contains(word)) {
    if (!month_abbreviations_.Contains(word)) return 0;
    if (rest[i] == '.') ++i;
  }
  // The day: 1-9, 01-09, 10-29, 30 or 31, an optional ordinal suffix in any case, then \b. A
  // byte outside ASCII after the digits may be a letter that (?i) folds to one of the suffix's.
  i = blank_end(i);
  if (i == 0) return 0;
  size_t d = i;
  while (d < rest.size() && is_digit(rest[d])) ++d;
  const std::string_view day = rest.substr(i, d - i);
  const bool valid = (day.size() == 1 && day[0] != '0') ||
                     (day.size() == 2 && (day[0] == '1' || day[0] == '2' || (day[0] == '0' && day[1] != '0') ||
                                          (day[0] == '3' && day[1] <= '1')));
  if (!valid || d + 2 >= rest.size() || static_cast<unsigned char>(rest[d]) >= 0x80) return 0;
  const char s0 = static_cast<char>(rest[d] | 0x20), s1 = static_cast<char>(rest[d + 1] | 0x20);
  if ((s0 == 's' && s1 == 't') || (s0 == 'n' && s1 == 'd') || (s0 == 'r' && s1 == 'd') ||
      (s0 == 't' && s1 == 'h'))
    d += 2;
  if (IsWordByte(rest[d])) return 0;
  if (year_end == nullptr) return d;
  // The year: an optional comma, a blank, 1500-2099, then \b.
  size_t e = d;
  if (rest[e] == ',') ++e;
  const size_t y = blank_end(e);
  if (y == 0 || y + 4 >= rest.size()) return d;
  for (size_t k = y; k < y + 4; ++k)
    if (!is_digit(rest[k])) return d;
  if (!((rest[y] == '1' && rest[y + 1] >= '5') || (rest[y] == '2' && rest[y + 1] == '0'))) return d;
  if (!IsWordByte(rest[y + 4])) *year_end = y + 4;
  return d;
}

// The rules that may match at four digits read on after them: "year-range", "iso-date" and
// "iso-month" a "-", "–" or "/"; "decade" an "s", "'s" or "’s"; "compact-date" more digits;
// "year-month-day" a blank and a month (Title or UPPER case); "clock-24h-zone" a blank and a
// time zone (any case). A byte outside ASCII after the blank is left to the set.
// DateRulesTest.LoneYearIsTheOneMatchAtItsStart holds this to the rules.
bool RuleSet::LoneYearAt(std::string_view t, size_t s) const {
  if (s + 4 > t.size() || (t[s] != '1' && t[s] != '2') || (s > 0 && IsWordByte(t[s - 1]))) return false;
  const char* y = t.data() + s;
  for (int i = 0; i < 4; ++i)
    if (y[i] < '0' || y[i] > '9') return false;
  if (!((y[0] == '1' && y[1] >= '5') || (y[0] == '2' && y[1] == '0'))) return false;
  size_t p = s + 4;
  if (p == t.size()) return true;
  const char c = t[p];
  if (IsWordByte(c) || c == '-' || c == '/' || c == '\'') return false;
  auto blank_at = [&](size_t i) {
    return t[i] == ' ' || t[i] == '\t' || t[i] == '\n' || t[i] == '>' ||
           (t[i] == '\xC2' && i + 1 < t.size() && t[i + 1] == '\xA0');
  };
  if (!blank_at(p)) {
    const std::string_view rest = t.substr(p);
    return !rest.starts_with("\u2013") && !rest.starts_with("\u2019");  // "–", "’"
  }
  int newlines = 0;
  for (; p < t.size() && blank_at(p); p += t[p] == '\xC2' ? 2 : 1) newlines += t[p] == '\n';
  // One blank ({_}) holds one line break at most: after a blank line no rule reads on.
  if (p == t.size() || newlines > 1) return true;
  if (static_cast<unsigned char>(t[p]) >= 0x80) return GeneralPunctuationAt(t, p);  // "2021 — A bill"
  if (!IsLower(t[p])) return !IsUpper(t[p]);
  const size_t q = p + LettersAt(t.substr(p));
  if (q < t.size() && static_cast<unsigned char>(t[q]) >= 0x80) return false;
  return !zones_.Contains(t.substr(p, q - p));
}

namespace {

// The end of the name of `names` that `rest` opens with, in Title or UPPER case and followed by
// an ASCII byte that ends a word (a name at the text's end is left to the search); else 0.
size_t CapitalNameEnd(std::string_view rest, const WordSet& names) {
  if (rest.empty() || !IsUpper(rest[0])) return 0;
  const size_t e = LettersAt(rest);
  if (e == rest.size() || IsWordByte(rest[e]) || static_cast<unsigned char>(rest[e]) >= 0x80) return 0;
  const std::string_view word = rest.substr(0, e);
  return TitleOrUpper(word) && names.Contains(word) ? e : 0;
}

}  // namespace

// The rules that may match at a weekday's name: "weekday", and the calendar rules that open with
// (?:(?P<wday>{WEEKDAY}),?{_})?, which read on to a month (Title or UPPER case) or a day.
// DateRulesTest.LoneYearIsTheOneMatchAtItsStart holds this to the rules too.
size_t RuleSet::LoneWeekdayAt(std::string_view t, size_t s) const {
  const std::string_view rest = t.substr(std::min(s, t.size()));
  const size_t e = CapitalNameEnd(rest, weekday_names_);
  if (e == 0) return 0;  // most starts
  size_t p = e;
  if (rest[p] == ',') ++p;
  p = BlankBytesEnd(rest, p);
  if (p == rest.size()) return e;
  const char c = rest[p];
  return !IsUpper(c) && !(c >= '0' && c <= '9') && static_cast<unsigned char>(c) < 0x80 ? e : 0;
}

// The rules that may match at a month's full name: "month", the calendar rules that read a blank
// and a day or a year after it (with a comma: "May 5, 2018", "May, 2018"), and "month-range-year",
// which reads a dash, an en dash or a blank and "to", "through" or "and" ((?i): any case).
// DateRulesTest.LoneYearIsTheOneMatchAtItsStart holds this to the rules too.
size_t RuleSet::LoneMonthAt(std::string_view t, size_t s) const {
  const std::string_view rest = t.substr(std::min(s, t.size()));
  const size_t e = CapitalNameEnd(rest, month_names_);
  if (e == 0) return 0;
  size_t p = e;
  if (rest[p] == '-') return 0;
  if (rest[p] == ',') ++p;
  p = BlankBytesEnd(rest, p);
  if (p == rest.size()) return e;
  const char c = static_cast<char>(rest[p] | 0x20);
  return !(rest[p] >= '0' && rest[p] <= '9') && c != 't' && c != 'a' && static_cast<unsigned char>(rest[p]) < 0x80 ? e : 0;
}

size_t RuleSet::MonthDayAt(std::string_view rest, size_t* year_end) const {
  *year_end = 0;
  if (rest.empty() || !IsUpper(rest[0])) return 0;
  const size_t day_end = MonthDayEnds(rest, year_end);
  if (day_end == 0) return 0;
  size_t p = *year_end != 0 ? *year_end : day_end;
  if (rest[p] == ',') ++p;
  p = BlankBytesEnd(rest, p);
  // A byte that no blank holds and that no year or hour opens with ("Nov. 15, 2021 — A bill");
  // anything else goes to the set.
  if (p == rest.size()) return 0;
  const auto c = static_cast<unsigned char>(rest[p]);
  return (c > ' ' && c < 0x80 && !(c >= '0' && c <= '9')) || GeneralPunctuationAt(rest, p) ? day_end : 0;
}

Match RuleSet::Capture(std::string_view text, const Candidate& found) const {
  Match m;
  CaptureInto(text, found, m);
  return m;
}

void RuleSet::CaptureInto(std::string_view text, const Candidate& found, Match& m) const {
  static_cast<Candidate&>(m) = found;
  const Compiled& c = rules_[found.rule];
  if ((c.words || c.read != nullptr) && CaptureFromWords(c, text, m)) return;
  m = CaptureByRegex(text, found);
}

namespace {

// Each byte of a match: of a word, of a blank ({_}, and the spaces of the vocabulary's phrases,
// (?:\s|>)+), or outside ASCII.
enum : uint8_t { kWordByte, kBlankByte, kOtherScript };
constexpr auto kByteKind = [] {
  std::array<uint8_t, 256> kinds{};
  for (char c : {' ', '\t', '\n', '\r', '\f', '>'}) kinds[static_cast<uint8_t>(c)] = kBlankByte;
  for (int c = 0x80; c < 0x100; ++c) kinds[c] = kOtherScript;
  return kinds;
}();
uint8_t KindOf(char c) { return kByteKind[static_cast<uint8_t>(c)]; }

// Whether `words` from `at` on spell `phrase` (its words, any case).
bool PhraseAt(std::span<const std::string_view> words, size_t at, const std::vector<std::string>& phrase) {
  if (phrase.size() > words.size() - at) return false;
  for (size_t i = 0; i < phrase.size(); ++i)
    if (!ascii::EqualsIgnoreCase(words[at + i], phrase[i])) return false;
  return true;
}

}  // namespace

bool RuleSet::CaptureFromWords(const Compiled& c, std::string_view text, Match& m) const {
  const std::string_view span = text.substr(m.begin, m.end - m.begin);
  // The words of the match. A byte outside ASCII (a no-break space, or a letter that (?i) folds
  // to an ASCII one, as the Kelvin sign to "k") is left to RE2.
  // Kept per thread: value-initializing sixteen views at every call cost more than cutting the
  // words; only the first n, set here, are read.
  thread_local std::array<std::string_view, 16> words;
  size_t n = 0;
  for (size_t i = 0; i < span.size();) {
    const uint8_t kind = KindOf(span[i]);
    if (kind == kOtherScript) return false;
    if (kind == kBlankByte) {
      ++i;
      continue;
    }
    size_t j = i + 1;
    while (j < span.size() && KindOf(span[j]) == kWordByte) ++j;
    if (n == words.size()) return false;
    words[n++] = span.substr(i, j - i);
    i = j;
  }
  const std::span<const std::string_view> all(words.data(), n);
  if (n == 0) return false;
  if (c.read != nullptr) return c.read(all, span, m);

  const Compiled::WordGrammar& g = *c.words;
  auto join = [&](size_t first, size_t last) {  // words [first, last) with the blanks between
    return std::string_view(all[first].data(), all[last - 1].data() + all[last - 1].size() - all[first].data());
  };

  size_t first = 0, last = n;  // the count and the unit are words [first, last)
  if (g.mod_first_words.Contains(all[0]))
    for (const std::vector<std::string>& mod : g.mods)
      if (PhraseAt(all, 0, mod)) {
        m.slots[kSlotMod] = join(0, mod.size());
        first = mod.size();
        break;
      }
  if (!g.dirs.empty()) {
    bool found = false;
    for (const std::vector<std::string>& dir : g.dirs)
      if (last >= first + dir.size() && PhraseAt(all, last - dir.size(), dir)) {
        m.slots[kSlotDir] = join(last - dir.size(), last);
        last -= dir.size();
        found = true;
        break;
      }
    if (!found) return false;
  } else if (last >= first + 3 && ascii::EqualsIgnoreCase(all[last - 1], "period")) {
    --last;
  }
  if (last < first + 2) return false;
  m.slots[kSlotUnit] = all[last - 1];
  const std::span<const std::string_view> count = all.subspan(first, last - 1 - first);
  bool vague = false;
  if (g.vague && count.size() == 1) {
    vague = vague_words_.Contains(count[0]);
  } else if (g.vague) {
    for (const std::vector<std::string>& phrase : vague_phrases_)
      if (phrase.size() == count.size() && PhraseAt(count, 0, phrase)) vague = true;
  }
  m.slots[vague ? kSlotVague : kSlotNum] = join(first, last - 1);
  return true;
}

Match RuleSet::CaptureByRegex(std::string_view text, const Candidate& found) const {
  Match m;
  static_cast<Candidate&>(m) = found;
  const Compiled& c = rules_[m.rule];
  if (c.group_slot.size() <= 1) return m;  // a rule without groups ("now")
  re2::StringPiece groups[40];
  const int n = static_cast<int>(std::min<size_t>(c.group_slot.size(), 40));
  // The rules look at most one byte outside their match (\b), so the match and a byte either
  // side are all the context RE2 needs; a small text lets it take its small-text engines.
  const size_t lo = m.begin > 0 ? m.begin - 1 : 0;
  const size_t hi = std::min<size_t>(text.size(), m.end + 1);
  if (!c.re->Match(re2::StringPiece(text.data() + lo, hi - lo), m.begin - lo, m.end - lo,
                   RE2::ANCHOR_BOTH, groups, n))
    return m;
  for (int g = 1; g < n; ++g)
    if (c.group_slot[g] >= 0 && groups[g].data() != nullptr)
      m.slots[c.group_slot[g]] = std::string_view(groups[g].data(), groups[g].size());
  return m;
}

}  // namespace accord::dates
