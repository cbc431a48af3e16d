// The first phase of the date stage: a fast pass over the normalized text that finds the places
// where a date may be. Every date expression holds a digit or a trigger word (a month or weekday
// name, a calendar unit, "today", "now", "recently", a season, ...); the rules (date_rules.h)
// then run only on windows around these places, which most of a text is not.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "extractors/dates/date_lexicon.h"
#include "extractors/dates/word_set.h"

namespace accord::dates {

class TriggerScanner {
 public:
  explicit TriggerScanner(const Lexicon& lexicon);

  // Appends to `out` (sorted, unique) the offsets where a date may start: every trigger, and the
  // starts of the opening words right before it, since a date may open with words that are no
  // triggers ("almost two and a half years", "the end of next year", "at the moment").
  void Starts(std::string_view text, std::vector<uint32_t>& out) const;

  bool IsTrigger(std::string_view word) const {  // case-insensitive
    return word.size() >= 2 && word.size() <= 12 && words_.Contains(word);
  }
  bool IsOpener(std::string_view word) const {  // a word a date may open with ("the", "two")
    return word.size() <= 14 && openers_.Contains(word);
  }

  // How far back from a trigger a date may start: words and bytes.
  static constexpr int kWordsBefore = 6;
  static constexpr uint32_t kBytesBefore = 64;

 private:
  WordSet words_;
  WordSet openers_;
};

}  // namespace accord::dates
