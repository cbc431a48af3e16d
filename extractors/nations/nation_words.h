// Words of a text as the nation lexicon sees them: one pass that splits UTF-8 text into words,
// records what separates each word from the next, and folds words for case and accents.
//
//   "the U.S.-led coalition"  -> the | U.S. - led | coalition      (abbreviation keeps its dots)
//   "People's Republic"       -> People ' s | Republic              (apostrophe is a joiner)
//   "United\n>  States"       -> United | States                    (line break and quote marks: space)
//   "Côte d’Ivoire"           -> folds to "cote d'ivoire"
//
// Folding is ASCII lower-casing plus a table for Latin letters U+00C0..U+024F (lower case,
// accents stripped), computed once with ICU at construction: no ICU call per word.
#pragma once

#include <array>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "pipeline/ascii.h"

namespace accord::nations {

struct Word {
  uint32_t begin = 0;  // bytes of the text
  uint32_t end = 0;
  // What lies between this word and the next: ' ' (white space, line breaks and quote marks
  // only), '-' (a hyphen), '\'' (an apostrophe), '.' (a period), '|' (anything else, or the end).
  char sep_after = '|';
  uint8_t flags = 0;
  enum : uint8_t {
    kUpperFirst = 1 << 0,      // first letter upper case ("Russia", "US", "Élysée")
    kAllUpper = 1 << 1,        // at least one letter and no lower-case letter ("US", "U.S.", "IRAQI")
    kLowerFirst = 1 << 2,      // first letter lower case
    kSentenceStart = 1 << 3,   // follows . ! ? : , a blank line or the start of the text
    kAbbreviation = 1 << 4,    // dotted initials: "U.S.", "U.K.", "U.S.A."
    kNonAscii = 1 << 5,        // holds a letter beyond ASCII ("Élysée"): its folded form is
                               // not its ASCII lower-case copy
  };
  bool has(uint8_t f) const { return (flags & f) != 0; }
};

// The words of one text and the indexes of its capitalised words, as WordFolder::Split gives
// them, in storage kept from text to text: Split grows it only for a text longer than any before,
// so a text costs no allocation and a word no capacity check.
class SplitWords {
 public:
  std::span<const Word> words() const { return {words_.data(), num_words_}; }
  std::span<const uint32_t> capitals() const { return {capitals_.data(), num_capitals_}; }

 private:
  friend class WordFolder;
  std::vector<Word> words_;        // room for the words (its size is the room, not the count)
  std::vector<uint32_t> capitals_;  // the same room
  size_t num_words_ = 0;
  size_t num_capitals_ = 0;
};

class WordFolder {
 public:
  WordFolder();  // builds the Latin folding table with ICU

  // Splits `text` into words (clears `out` first).
  void Split(std::string_view text, std::vector<Word>& out) const;
  // The same, and also lists the indexes of the words with an upper-case first letter
  // (kUpperFirst), in order (clears `capitals` first): names start only there, so the scanner
  // and the cue searches visit these few words instead of testing every word's flags.
  void Split(std::string_view text, std::vector<Word>& out, std::vector<uint32_t>& capitals) const;
  // The same into `out`'s storage (replacing what it held).
  void Split(std::string_view text, SplitWords& out) const;

  // The most words a text of `bytes` bytes splits into. A word has a byte at least, and every
  // word but the last is followed by a byte of no word: a gap byte, or, after dotted initials
  // that end without a gap ("U.S.x"), the word holds four bytes at least ("a.b."). So a word
  // takes two bytes of the text, save perhaps the last one.
  static size_t MaxWords(size_t bytes) { return bytes / 2 + 1; }

  // Appends the folded form of `word` (lower case, no accents; ’ -> ') to `out`.
  void AppendFolded(std::string_view word, std::string& out) const;
  // The same for a word of ASCII bytes only (a Word without kNonAscii): its lower-case copy,
  // inline.
  static void AppendFoldedAscii(std::string_view word, std::string& out) {
    const size_t start = out.size();
    out.append(word);
    char* const o = out.data();
    for (size_t k = start; k < out.size(); ++k) o[k] = ascii::ToLower(o[k]);
  }
  std::string Fold(std::string_view word) const {
    std::string s;
    AppendFolded(word, s);
    return s;
  }

 private:
  struct Latin {
    char folded[3] = {0, 0, 0};  // ASCII folding, NUL-terminated ("ss" for ß)
    bool upper = false;
    bool letter = false;
  };
  // U+00C0..U+024F
  static constexpr char32_t kLatinFirst = 0xC0, kLatinLast = 0x24F;
  std::array<Latin, kLatinLast - kLatinFirst + 1> latin_{};

  // Split into room for MaxWords(text.size()) words and as many capitals; returns the number of
  // words and sets `num_capitals`.
  size_t SplitInto(std::string_view text, Word* out, uint32_t* capitals, size_t& num_capitals) const;

  bool IsLetter(char32_t cp) const;
  bool IsUpper(char32_t cp) const;
  bool IsLower(char32_t cp) const;
};

// The folded form of a word (WordFolder::AppendFolded), for comparisons and lookups: the word
// itself when folding leaves it as it is (ASCII without capitals, as most context words are),
// else a folded copy. It views the word or itself, so it is neither copied nor moved.
class FoldedWord {
 public:
  FoldedWord(const WordFolder& folder, std::string_view word) {
    for (const char c : word) {
      if (static_cast<unsigned char>(c) >= 0x80 || (c >= 'A' && c <= 'Z')) {
        folder.AppendFolded(word, copy_);
        view_ = copy_;
        return;
      }
    }
    view_ = word;
  }
  FoldedWord(const FoldedWord&) = delete;
  FoldedWord& operator=(const FoldedWord&) = delete;

  std::string_view view() const { return view_; }
  operator std::string_view() const { return view_; }
  bool operator==(std::string_view s) const { return view_ == s; }

 private:
  std::string copy_;
  std::string_view view_;
};

}  // namespace accord::nations
