// The first phase of the date stage: a fast pass over the normalized text that finds the places
// where a date may be. Every date expression holds a digit or a trigger word (a month or weekday
// name, a calendar unit, "today", "now", "recently", a season, ...); the rules (date_rules.h)
// then run only on windows around these places, which most of a text is not.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_set>
#include <utility>
#include <vector>

#include "extractors/dates/date_lexicon.h"

namespace accord::dates {

class TriggerScanner {
 public:
  explicit TriggerScanner(const Lexicon& lexicon);

  // Appends to `out` (sorted, unique) the offsets where a date may start: every trigger, and the
  // starts of the opening words right before it, since a date may open with words that are no
  // triggers ("almost two and a half years", "the end of next year", "at the moment").
  void Starts(std::string_view text, std::vector<uint32_t>& out) const;

  bool IsTrigger(std::string_view word) const;  // case-insensitive
  bool IsOpener(std::string_view word) const;   // a word a date may open with ("the", "two")

  // How far back from a trigger a date may start: words and bytes.
  static constexpr int kWordsBefore = 6;
  static constexpr uint32_t kBytesBefore = 64;

 private:
  // Lower-case words, looked up by string_view without a copy.
  struct Hash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>()(s); }
  };
  using WordSet = std::unordered_set<std::string, Hash, std::equal_to<>>;
  WordSet words_;
  WordSet openers_;
  uint64_t first_two_[26] = {};            // bit (b - 'a') of first_two_[a - 'a']: a word starts "ab"
};

}  // namespace accord::dates
