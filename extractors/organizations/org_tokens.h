// Tokens for organization matching: words, dotted acronyms, numbers and punctuation of the
// normalized text, each with a folded form used as a hash key.
//
// Folding (FoldWord) makes spellings of one name meet: lower case, accents dropped (ICU
// decomposition), periods and apostrophes dropped ("N.S.A." and "NSA" fold alike), hyphens become
// spaces ("Wal-Mart" and "Wal Mart"), "&" becomes "and", and the light phonetic fold "ph" -> "f"
// ("Telephonica" meets "Telefónica"). Folded tokens are stored one after another, separated by a
// single space, so the key of any token range is one contiguous string_view (OrgTokens::Key).
#pragma once

#include <cstdint>
#include <memory>
#include <new>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace accord::orgs {

// Plain data without default values (OrgToken{} is all zeros): Tokenize writes every field of each
// token into room it makes without filling it first (OrgTokens::Buffer).
struct OrgToken {
  uint32_t begin;  // bytes of the tokenized text
  uint32_t end;
  uint32_t fold_begin;  // bytes of OrgTokens::folded; the form ends one byte before the next
                        // token's (OrgTokens::FoldEnd), so a token takes 16 bytes
  uint16_t flags;
  char punct;  // the byte of a one-byte ASCII punctuation token (",", "("), else 0
  enum : uint16_t {
    kWord = 1 << 0,            // starts with a letter
    kNumber = 1 << 1,          // starts with a digit
    kPunct = 1 << 2,
    kCapitalized = 1 << 3,     // first letter upper case
    kAllCaps = 1 << 4,         // two or more letters, all upper case ("NSA", "N.S.A.", "AT&T")
    kSentenceStart = 1 << 5,   // first word of a sentence, a line after a blank line, a text
    kLineStart = 1 << 6,       // first token of a line
    kParagraphStart = 1 << 7,  // first token after a blank line
    kUrl = 1 << 8,             // a URL or e-mail address (never part of a name)
    kDottedAcronym = 1 << 9,   // "U.S.", "N.V." (single letters with periods)
  };
  bool Is(uint16_t f) const { return (flags & f) != 0; }
};

struct OrgTokens {
  // An allocator that leaves the elements a vector grows by unset (their construction without
  // arguments is default-initialization, which sets nothing in a plain struct): Tokenize grows the
  // token vector ahead of the tokens it writes for every text.
  template <typename T>
  struct Uninitialized : std::allocator<T> {
    template <typename U>
    struct rebind {
      using other = Uninitialized<U>;
    };
    template <typename U, typename... Args>
    void construct(U* p, Args&&... args) {
      if constexpr (sizeof...(Args) == 0) ::new (static_cast<void*>(p)) U;
      else ::new (static_cast<void*>(p)) U(std::forward<Args>(args)...);
    }
  };

  std::string_view text;
  std::vector<OrgToken, Uninitialized<OrgToken>> tokens;
  std::string folded;  // the tokens' folded forms; the buffer may run past the last one
  uint32_t fold_end = 0;  // the end of the last token's folded form

  size_t size() const { return tokens.size(); }
  const OrgToken& operator[](size_t i) const { return tokens[i]; }
  // Text and Key build their views from pointers: the ranges lie inside by construction, and
  // substr's bounds check would cost a compare and a branch on each of the many calls.
  std::string_view Text(size_t i) const {
    return std::string_view(text.data() + tokens[i].begin, tokens[i].end - tokens[i].begin);
  }
  // The end of token i's folded form: each form is followed by one space, then the next form.
  uint32_t FoldEnd(size_t i) const {
    return i + 1 < tokens.size() ? tokens[i + 1].fold_begin - 1 : fold_end;
  }
  // The folded key of tokens [first, last): their folded forms joined by single spaces.
  std::string_view Key(size_t first, size_t last) const {
    const uint32_t begin = tokens[first].fold_begin;
    return std::string_view(folded.data() + begin, FoldEnd(last - 1) - begin);
  }
  // True when token i + 1 follows token i in the same paragraph (no blank line between).
  bool Joined(size_t i) const;
  // True when no blank line separates any two tokens of [first, last).
  bool SameParagraph(size_t first, size_t last) const;
};

// Tokenizes `text` into `out` (cleared first).
void Tokenize(std::string_view text, OrgTokens& out);

// Appends the folded form of one word to `out`.
void FoldWord(std::string_view word, std::string& out);

// The folded key of a whole name ("Federal Bureau of Investigation" -> "federal bureau of
// investigation"), as Tokenize + Key would give it.
std::string FoldName(std::string_view name);

}  // namespace accord::orgs
