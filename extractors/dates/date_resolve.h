// From a rule match to its TIMEX3 value: calendar arithmetic (ISO weeks, seasons, quarters),
// the tense of the clause around a date (which decides whether "Monday" is the last or the next
// one), and one value builder per RuleKind.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "extractors/dates/date_lexicon.h"
#include "extractors/dates/word_set.h"
#include "extractors/dates/date_rules.h"

namespace accord::dates {

// A proleptic Gregorian calendar date.
struct CivilDate {
  int y = 0, m = 0, d = 0;
  bool operator==(const CivilDate&) const = default;
};
std::optional<CivilDate> ParseIsoDate(std::string_view s);  // "YYYY-MM-DD" (a longer tail ignored)
int64_t ToDays(CivilDate c);                                // days since 1970-01-01
CivilDate FromDays(int64_t days);
int IsoWeekday(CivilDate c);                                // Monday 1 .. Sunday 7
std::pair<int, int> IsoWeek(CivilDate c);                   // ISO year and week
int DaysInMonth(int y, int m);
std::string FormatDate(CivilDate c);                        // YYYY-MM-DD
std::string FormatWeek(CivilDate c);                        // YYYY-Www of the week holding c
// std::strtod of `text` (a number as a rule reads it, "2.5", "1000"), setting `read` to the bytes
// it read (0: no number).
double ReadNumber(std::string_view text, size_t* read);

// What the clause around a date says about when it happens.
enum class Tense : uint8_t {
  kUnknown,
  kPast,    // "said on Monday", "was arrested in March"
  kPlan,    // "plan to announce on Tuesday": the nearest such day, the article's date included
  kFuture,  // "will meet on Friday", "is set to begin", "until a hearing on Friday"
};
// The tense of the sentence holding text[begin, end): the nearest tense cue (a past verb, "will",
// "plan to", ...) before or after the expression, within the sentence.
Tense ClauseTense(std::string_view text, size_t begin, size_t end);

// A sentence break after text[i]: ". X", "? X", "! X" (not "U.S. X") or a blank line.
bool SentenceBreak(std::string_view text, size_t i);
// Where the clause scans stop: the start of the sentence holding text[begin - 1] (one past the
// last break after a byte of [limit, begin), else `limit`), and its end from `end` on (the first
// byte of [end, limit) a break is after, else `limit`).
size_t SentenceStart(std::string_view text, size_t limit, size_t begin);
size_t SentenceEnd(std::string_view text, size_t end, size_t limit);

struct Value {
  std::string value;        // TIMEX3 value; empty when there is no date to resolve against
  std::string_view kind;    // "date", "time" or "duration"
};

class Resolver {
 public:
  explicit Resolver(const Lexicon& lexicon);

  // The value of match `m` of rule `spec` found in `text`; `ref` is the article's date.
  // nullopt when the match is no date after all (February 30, month 13).
  std::optional<Value> Resolve(const RuleSpec& spec, const Match& m, std::string_view text,
                               std::optional<CivilDate> ref) const;

  // The two values of a range rule ("1981-83": 1981 and 1983; "April-December 1983").
  std::optional<std::pair<Value, Value>> ResolveRange(const Match& m,
                                                      std::optional<CivilDate> ref) const;

 private:
  std::optional<Value> Calendar(const Match& m, std::string_view text, size_t begin, size_t end,
                                std::optional<CivilDate> ref) const;
  std::optional<double> Number(std::string_view s) const;
  int Year(std::string_view digits, std::optional<CivilDate> ref) const;
  int Month(std::string_view name) const;
  std::string Zone(std::string_view zone, CivilDate date) const;

  const Lexicon& lex_;
  WordSet months_;  // month names and abbreviations -> 1..12
};

}  // namespace accord::dates
