// A set of short ASCII words looked up ignoring ASCII case, each with a small value (bit flags
// or a class): the word lists the date stage checks on every word of a text (trigger words,
// opening words, tense cues). Words are bucketed by length and folded first letter, so a lookup
// compares a handful of candidates at most, without hashing and without allocating.
#pragma once

#include <array>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace accord::dates {

class WordSet {
 public:
  static constexpr size_t kMaxLength = 24;

  // The set of `words`, each with `value`.
  static WordSet Of(std::span<const std::string_view> words, uint8_t value = 1) {
    WordSet set;
    for (std::string_view w : words) set.Add(w, value);
    return set;
  }

  // Adds `word` (folded to lower case); a word added twice keeps both values, or'ed. Empty words
  // and words longer than kMaxLength are not added.
  void Add(std::string_view word, uint8_t value = 1);

  // The value of `word` (any case), 0 when absent.
  uint8_t Find(std::string_view word) const {
    if (word.empty() || word.size() > kMaxLength) return 0;
    const size_t b = Bucket(word.size(), word[0]);
    for (uint16_t i = start_[b]; i < start_[b + 1]; ++i)
      if (EqualsFolded(entries_[i].word, word)) return entries_[i].value;
    return 0;
  }
  bool Contains(std::string_view word) const { return Find(word) != 0; }

  size_t size() const { return entries_.size(); }

 private:
  static constexpr size_t kLetters = 27;  // a..z, then every other first byte
  static char Fold(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c; }
  static size_t Bucket(size_t length, char first) {
    const char f = Fold(first);
    return length * kLetters + ((f >= 'a' && f <= 'z') ? static_cast<size_t>(f - 'a') : 26);
  }
  // `folded` is lower case and as long as `word`.
  static bool EqualsFolded(std::string_view folded, std::string_view word) {
    for (size_t i = 0; i < word.size(); ++i)
      if (folded[i] != Fold(word[i])) return false;
    return true;
  }

  struct Entry {
    std::string word;  // lower case
    uint8_t value;
  };
  std::vector<Entry> entries_;  // sorted by bucket
  std::array<uint16_t, (kMaxLength + 1) * kLetters + 1> start_{};  // bucket -> first entry
};

}  // namespace accord::dates
