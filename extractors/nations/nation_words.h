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
#include <string>
#include <string_view>
#include <vector>

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

class WordFolder {
 public:
  WordFolder();  // builds the Latin folding table with ICU

  // Splits `text` into words (clears `out` first).
  void Split(std::string_view text, std::vector<Word>& out) const;
  // The same, and also lists the indexes of the words with an upper-case first letter
  // (kUpperFirst), in order (clears `capitals` first): names start only there, so the scanner
  // and the cue searches visit these few words instead of testing every word's flags.
  void Split(std::string_view text, std::vector<Word>& out, std::vector<uint32_t>& capitals) const;

  // Appends the folded form of `word` (lower case, no accents; ’ -> ') to `out`.
  void AppendFolded(std::string_view word, std::string& out) const;
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
