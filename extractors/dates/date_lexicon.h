// The date vocabulary (data/date_words.tsv): month and weekday names, number words, units,
// seasons, time zones and parts of the day, each with the value the resolver needs. The rules
// (date_rules.cc) are written with placeholders ({MONTH}, {UNIT}, ...) that the lexicon expands
// into regular-expression alternations, so adding a word to the table extends every rule.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "extractors/dates/word_set.h"
#include "pipeline/status.h"

namespace accord::dates {

enum class WordClass : uint8_t {
  kMonth,           // "january" -> 1
  kMonthAbbr,       // "jan" -> 1 (followed by an optional ".")
  kWeekday,         // "monday" -> 1 (ISO: Monday 1 .. Sunday 7)
  kWeekdayAbbr,     // "mon" -> 1
  kNumber,          // "two" -> 2, "a" -> 1, "a half" -> 0.5
  kQuarterOrdinal,  // "third" -> 3, "last" -> -1
  kVagueNumber,     // "several" -> X
  kUnit,            // "week" -> W, "decade" -> 10Y
  kSeason,          // "summer" -> SU
  kZone,            // "est" -> -05:00
  kDaypart,         // "morning" -> MO
  kHoliday,         // "christmas" -> 12-25 (matched as "Christmas", "New Year's Day")
};
inline constexpr int kWordClassCount = 12;

class Lexicon {
 public:
  // Loads the embedded table extractors/dates/data/date_words.tsv.
  static StatusOr<Lexicon> Load();

  // The value of a word of a class ("" when absent). `word` is matched case-insensitively;
  // inner runs of whitespace count as one space.
  std::string_view Value(WordClass c, std::string_view word) const;

  // A regular-expression alternation (no capture, longest words first) of the class's words.
  // Names (months, weekdays) match in Title Case or UPPER CASE only, so that "may" the modal verb
  // and "march" the verb never match; the other classes match in any case.
  std::string Alternation(WordClass c) const;

  // The (lower-case) words of a class with their values, longest first.
  const std::vector<std::pair<std::string, std::string>>& Words(WordClass c) const {
    return words_[static_cast<int>(c)];
  }

 private:
  std::vector<std::pair<std::string, std::string>> words_[kWordClassCount];  // lower-case word, value
  struct KeyHash {  // looks keys up by string_view, without a copy
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>()(s); }
  };
  std::unordered_map<std::string, std::string, KeyHash, std::equal_to<>> index_[kWordClassCount];
  // The one-word keys of each class, with their place in words_ plus one: a look-up of a word
  // without blanks needs no folded key and no hashing. Set when they all fit its values.
  WordSet single_words_[kWordClassCount];
  bool has_single_words_[kWordClassCount] = {};
};

// Lower-cases ASCII letters and collapses whitespace (including newlines and "> " quote marks
// of wrapped lines) into single spaces: the key form of a matched word.
std::string FoldKey(std::string_view s);
// FoldKey into `out`, which holds at least s.size() bytes (a key is never longer than its text).
std::string_view FoldKeyInto(std::string_view s, char* out);

}  // namespace accord::dates
