// A set of short ASCII words looked up ignoring ASCII case, each with a small value (bit flags
// or a class): the word lists the date stage checks on every word of a text (trigger words,
// opening words, tense cues). Words are bucketed by length and folded first letter, so a lookup
// compares a handful of candidates at most, without hashing and without allocating; a bit table
// of the lengths under each first two letters turns most other words away first.
#pragma once

#include <array>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "pipeline/ascii.h"

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
    const uint8_t first = kLetter[static_cast<uint8_t>(word[0])];
    if (((lengths_by_pair_[Pair(first, word)] >> word.size()) & 1) == 0) return 0;
    const size_t b = word.size() * kLetters + first;
    for (uint16_t i = start_[b]; i < start_[b + 1]; ++i)
      if (EqualsFolded(entries_[i].word, word)) return entries_[i].value;
    return 0;
  }
  bool Contains(std::string_view word) const { return Find(word) != 0; }

  // Find for a word of two or more ASCII letters (the words of a text that a scan looks up):
  // its letters index the bit table directly.
  uint8_t FindLetters(const char* word, size_t length) const {
    const size_t pair = size_t{kPairRow[static_cast<uint8_t>(word[0])]} + kLetter[static_cast<uint8_t>(word[1])];
    if (length > kMaxLength || ((lengths_by_pair_[pair] >> length) & 1) == 0) return 0;
    const size_t b = length * kLetters + kLetter[static_cast<uint8_t>(word[0])];
    for (uint16_t i = start_[b]; i < start_[b + 1]; ++i)
      if (EqualsFolded(entries_[i].word, std::string_view(word, length))) return entries_[i].value;
    return 0;
  }

  size_t size() const { return entries_.size(); }

 private:
  static constexpr size_t kLetters = 27;  // a..z, then every other first byte
  // Per byte: its letter index (a..z 0..25, else 26).
  static constexpr std::array<uint8_t, 256> kLetter = [] {
    std::array<uint8_t, 256> t{};
    for (int c = 0; c < 256; ++c)
      t[c] = static_cast<uint8_t>((c >= 'a' && c <= 'z') ? c - 'a' : (c >= 'A' && c <= 'Z') ? c - 'A' : 26);
    return t;
  }();
  // Per byte: the first cell of its row of lengths_by_pair_ (its letter index times kLetters),
  // so that a pair's cell is two look-ups and an add.
  static constexpr std::array<uint16_t, 256> kPairRow = [] {
    std::array<uint16_t, 256> t{};
    for (int c = 0; c < 256; ++c) t[c] = static_cast<uint16_t>(kLetter[c] * kLetters);
    return t;
  }();
  static char Fold(char c) { return ascii::ToLower(c); }
  // The cell of lengths_by_pair_ of a word whose first byte has letter index `first`: that
  // index and the second byte's (26 when there is none).
  static size_t Pair(uint8_t first, std::string_view word) {
    return first * kLetters + (word.size() > 1 ? kLetter[static_cast<uint8_t>(word[1])] : kLetters - 1);
  }
  static size_t Bucket(size_t length, char first) {
    return length * kLetters + kLetter[static_cast<uint8_t>(first)];
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
  // Per first two letters (Pair), the lengths of the words that open with them, as bits: most
  // words of a text are no word of the set, and this one look-up turns nearly all of them away
  // before any comparison.
  std::array<uint32_t, kLetters * kLetters> lengths_by_pair_{};
  static_assert(kMaxLength < 32, "a length is a bit of a uint32_t");
};

}  // namespace accord::dates
