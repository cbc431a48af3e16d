// The date rules: named regular expressions over the normalized text, compiled once.
//
// Each rule (date_rules.cc) is a pattern written with placeholders that the lexicon expands
// ({MONTH}, {WEEKDAY}, {NUM}, {UNIT}, {_} for a blank that may wrap a line, ...) and named
// capture groups that say what the resolver (date_resolve.h) reads: (?P<month>...),
// (?P<day>...), (?P<unit>...). One RE2::Set pass over a paragraph tells which rules may fire;
// only those run their own RE2 to find the matches and their groups (the rules that are rows of
// words have their groups read off the words of a match instead).
#pragma once

#include <array>
#include <memory>
#include <mutex>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <re2/re2.h>
#include <re2/set.h>

#include "extractors/dates/date_lexicon.h"
#include "extractors/dates/word_set.h"
#include "pipeline/status.h"

namespace accord::dates {

// How a rule's value is computed (date_resolve.cc).
enum class RuleKind : uint8_t {
  kCalendar,      // month/day/year (any of them), optional clock time: "April 17, 2018"
  kNumericDate,   // "4/17/2018", "17.04.2018" (US month-first unless the first number is > 12)
  kYear,          // "2018"
  kRange,         // "1981-83", "April-December 1983": two dates, groups a and b
  kDecade,        // "the 1990s", "the '90s"
  kQuarter,       // "the third quarter", "Q3 2018", "the last quarter"
  kFiscalYear,    // "fiscal 2019"
  kRelative,      // "last week", "this month", "next year", "the weekend", "the end of the year"
  kSeason,        // "last summer", "winter 2017"
  kDayWord,       // "today", "yesterday", "tomorrow", "tonight", "this morning"
  kWeekday,       // "Monday", "last Friday", "Sunday morning"
  kOffset,        // "two days ago", "a year earlier", "three weeks from now"
  kDuration,      // "three months", "several years", "the past year", "30-year-old"
  kClock,         // "2:04 p.m. EST", "18:00 UTC" (its date comes from the sentence)
  kFixed,         // a fixed value: "recently" PAST_REF, "now" PRESENT_REF
};

// The named groups a rule may capture.
enum Slot : uint8_t {
  kSlotYear, kSlotYy, kSlotMonth, kSlotMnum, kSlotDay, kSlotWday, kSlotRel, kSlotNum,
  kSlotVague, kSlotUnit, kSlotSeason, kSlotQord, kSlotHour, kSlotMin, kSlotAmpm, kSlotZone,
  kSlotPart, kSlotMod, kSlotDir, kSlotA, kSlotB, kSlotSpan, kSlotN1, kSlotN2, kSlotDecade,
  kSlotDw, kSlotHoliday,
  kSlotCount
};

struct RuleSpec {
  std::string_view name;
  RuleKind kind;
  std::string_view pattern;  // with {PLACEHOLDERS}
  std::string_view value;    // kFixed: the value; otherwise empty
};

// The rule table, in priority order (an earlier rule wins a tie between equally long matches).
const std::vector<RuleSpec>& RuleSpecs();

// A match of one rule as the search finds it: the rule and its byte range in the scanned text.
struct Candidate {
  uint16_t rule = 0;
  uint32_t begin = 0;
  uint32_t end = 0;
};

// A match with its groups (empty when unset).
struct Match : Candidate {
  std::array<std::string_view, kSlotCount> slots{};
  bool has(Slot s) const { return slots[s].data() != nullptr; }
};

// How FindAt learns where a match of a rule ends: by a search, or from the text at its start
// (date_rules.cc, kKnownEnds).
enum class MatchEnd : uint8_t {
  kSearch, kFourDigits, kMonthName, kWeekdayName, kMonthDay, kMonthDayYear, kForUnits, kRelativeUnit,
  kCountUnits, kSeasonName
};

class RuleSet {
 public:
  // Expands and compiles every rule; a bad pattern is an error naming the rule.
  static StatusOr<std::unique_ptr<RuleSet>> Create(const Lexicon& lexicon);

  // Appends every match of every rule inside text[begin, end) to `out` (overlapping matches of
  // different rules included), with their spans only: the groups cost a second, anchored match,
  // which Capture() runs only for the matches that survive. Offsets are offsets of `text`.
  void FindAll(std::string_view text, size_t begin, size_t end, std::vector<Candidate>& out) const;

  // Appends the matches of every rule that start exactly at one of `starts` and end within
  // `max_length` bytes of it: at each start, one anchored RE2::Set pass names the rules, which
  // then run anchored. The fast path of the stage.
  void FindAt(std::string_view text, std::span<const uint32_t> starts, size_t max_length,
              std::vector<Candidate>& out) const;

  // The groups of a match found by FindAll or FindAt. The rules that are rows of words ("units",
  // "weekday", "month-day-year", ...) read them off the words of the match (date_rules.cc,
  // "Groups read off the words of a match"); the others run their RE2.
  Match Capture(std::string_view text, const Candidate& c) const;
  // The same into `m`, a match with no groups set: the stage fills its matches in place.
  void CaptureInto(std::string_view text, const Candidate& c, Match& m) const;

  // Whether a year (1500-2099) stands alone at `start`: four digits after no word byte and before
  // none that another rule reads on ("-", "/", "'", "s", a blank and a month or a time zone).
  // There "year" is the one rule that matches, four bytes long, and FindAt takes it without a
  // set pass (date_rules.cc).
  bool LoneYearAt(std::string_view text, size_t start) const;
  // Whether a weekday's name (Title or UPPER case) stands alone at `start`: after it and an
  // optional comma and blank, no capital, digit or byte outside ASCII that a calendar rule
  // reads on ("Tuesday, May 5", "Friday, 17 April"). There "weekday" is the one rule that matches.
  // Returns the name's length, 0 where it is not alone.
  size_t LoneWeekdayAt(std::string_view text, size_t start) const;
  // Whether a month's full name (Title or UPPER case) stands alone at `start`: after it and an
  // optional comma and blank, no digit, dash or "to", "through", "and" that a calendar or range
  // rule reads on ("May 5", "May 2018", "April-June 2018"). There "month" is the one rule that
  // matches, and its match is the name: returns the name's length, 0 where it is not alone.
  size_t LoneMonthAt(std::string_view text, size_t start) const;
  // Where a month's name and a day ("May 5", "Sept. 5th", "March 3, 2021") at `start` are
  // followed, after an optional comma and blank, by no digit (no year or clock time that
  // "month-day-year" or "month-day-year-clock" reads on; the year itself counts as read): the
  // rules that match there are "month-day", "month-day-year" when its year is read, and "month"
  // for a full name, each ending where MonthDayLength and KnownLength say. Returns the end of
  // "month-day" (from `start`) and sets `year_end` to that of "month-day-year" (0: no year), or
  // returns 0 where the set must decide (anything unusual: a byte outside ASCII or a control
  // byte after the blank, the window's end).
  size_t MonthDayAt(std::string_view window, size_t* year_end) const;
  // "units" opening at `rest` with a count of one word: the count, a blank and the unit, where no
  // "period" may follow (0 where RE2 decides).
  size_t CountUnitsLength(std::string_view rest) const;
  // The one match of LoneWordsAt: its rule and length; no rule matches where `rule` is -1.
  struct LoneMatch {
    int rule = -1;
    size_t length = 0;
  };
  // Where the first words at `start` open one rule only and tell its match, that match
  // (nullopt where the set must decide): "for-units" ("for years", "within weeks");
  // "relative-unit" ("next week", "this year"; not "coming", which is also a count, nor
  // "quarter", which "quarter" reads too); "units" ("three years", "several months") where no
  // direction ("ago", "earlier") or "period" follows; "season" ("summer") where no year may
  // follow; "day-word" ("yesterday", "tomorrow morning"). No other rule opens with these words.
  // And none matches at "over" and a count and unit that no direction follows ("over five
  // years": "units-ago" needs its direction). The window ends at `limit`.
  std::optional<LoneMatch> LoneWordsAt(std::string_view text, size_t start, size_t limit) const;

  // The groups as the rule's own RE2 captures them (the plain meaning of Capture; for tests).
  Match CaptureByRegex(std::string_view text, const Candidate& c) const;

  const RuleSpec& spec(size_t i) const { return specs_[i]; }
  size_t size() const { return rules_.size(); }

  // The expanded pattern of rule `i` (for tests and --explain).
  const std::string& pattern(size_t i) const { return rules_[i].re->pattern(); }

 private:
  struct Compiled {
    std::unique_ptr<RE2> re;
    std::vector<int8_t> group_slot;  // RE2 group index -> Slot, or -1
    // Set for the rules of a count and a unit (date_rules.cc, WordGroups): their modifiers
    // and directions, each split into its words.
    struct WordGrammar {
      std::vector<std::vector<std::string>> mods, dirs;
      WordSet mod_first_words;  // the first words of `mods`: most matches open with none
      bool vague = true;
    };
    std::optional<WordGrammar> words;
    // Set for the other rules whose groups are read off the words of a match (kWordReaders).
    bool (*read)(std::span<const std::string_view> words, std::string_view match, Match& m) = nullptr;
    MatchEnd end = MatchEnd::kSearch;  // date_rules.cc, kKnownEnds
  };
  // The length of the match of a rule with a known end that the set says opens `rest`; 0 when
  // it takes a search.
  // `after_word`: a word byte comes right before `rest`, where a \b that opens a rule fails
  // (the anchored set does not see that byte; the search that finds the end does).
  size_t KnownLength(MatchEnd end, std::string_view rest, bool after_word) const;
  // The end of a "weekday" match whose name ends at rest[e]: there, or after the blank and part
  // of the day that follow it; 0 where RE2 decides.
  size_t WeekdayPartEnd(std::string_view rest, size_t e) const;
  // The length of a month's name, a blank and a day at the start of `rest` (and a comma, a blank
  // and a year after them with `year`), as "month-day" and "month-day-year" read them; 0 when
  // `rest` holds anything else, for RE2 to search.
  size_t MonthDayLength(std::string_view rest, bool year) const;
  // MonthDayLength's two ends in one pass: that of the day (0: none), and in `year_end`, if not
  // null, that of the year after it (0: none).
  size_t MonthDayEnds(std::string_view rest, size_t* year_end) const;
  // The length of a word of `first`, a blank and a word of `second` at the start of `rest`, each
  // word all the letters there and followed by an ASCII byte; 0 otherwise.
  size_t WordBlankWordLength(std::string_view rest, const WordSet& first, const WordSet& second) const;
  // Its end from the first word's end `a` on: the blank and a word of `second`; 0 otherwise.
  size_t BlankWordEnd(std::string_view rest, size_t a, const WordSet& second) const;
  // CountUnitsLength's end from `e`, the end of a count, a blank and a unit (0: none).
  size_t CountUnitsEnd(std::string_view rest, size_t e) const;
  // Whether "units-ago" or "units-earlier" may read on at rest[e], after a count and a unit:
  // a blank and a word of a direction ("ago", "from now", "earlier"), or what RE2 must decide
  // (a byte outside ASCII, the window's end).
  bool DirectionMayFollow(std::string_view rest, size_t e) const;
  // Reads the groups of a match of a rule with a WordGrammar or a reader off its words; false
  // when the match holds something the reading does not cover, for RE2 to capture.
  bool CaptureFromWords(const Compiled& rule, std::string_view text, Match& m) const;

  std::vector<RuleSpec> specs_;
  std::vector<std::vector<std::string>> vague_phrases_;  // the phrases of {VAGUE}, in words
  WordSet vague_words_;  // its phrases of one word ("several"): a count of one word is looked up
  WordSet month_names_;  // {MONTH_FULL}'s names
  WordSet weekday_names_;  // {WEEKDAY}'s names
  WordSet month_abbreviations_;  // {MONTH}'s abbreviations
  // The words of "weekday", "for-units" and "relative-unit" (date_rules.cc, kKnownEnds).
  WordSet weekday_rels_, for_words_, for_units_, relative_rels_, relative_units_;
  WordSet dayparts_;  // {DAYPART}'s words
  WordSet seasons_;  // {SEASON}'s words
  WordSet counts_;  // {NUM}'s and {VAGUE}'s words of one word ("three", "an", "several")
  WordSet units_;  // {UNITS}'s words: each unit, with an "s", and "centuries" 
  WordSet zones_;  // {ZONE}'s words
  // The first words of LoneWordsAt, each with the rule it opens there (date_rules.cc), and the
  // relative words and units of its "relative-unit".
  WordSet lone_openers_, lone_relative_rels_, lone_relative_units_;
  WordSet direction_words_;  // the first words of the directions of "units-ago" and "units-earlier"
  int year_rule_ = -1;  // the rule "year"
  int month_day_rule_ = -1, month_day_year_rule_ = -1;  // "month-day", "month-day-year"
  int weekday_rule_ = -1;  // the rule "weekday"
  int month_rule_ = -1;  // the rule "month"
  // "for-units", "relative-unit", "units", "season"
  int for_units_rule_ = -1, relative_unit_rule_ = -1, units_rule_ = -1, season_rule_ = -1, day_word_rule_ = -1;
  std::vector<Compiled> rules_;
  std::unique_ptr<RE2::Set> anchored_set_;
  mutable std::once_flag set_once_;
  mutable std::unique_ptr<RE2::Set> set_;  // unanchored, for FindAll; built on first use
};

// Expands the {PLACEHOLDERS} of a pattern (exposed for tests).
StatusOr<std::string> ExpandPattern(std::string_view pattern, const Lexicon& lexicon);

}  // namespace accord::dates
