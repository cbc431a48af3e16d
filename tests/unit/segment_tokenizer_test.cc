// The tokenizer's rules (pipeline/segment/tokenizer.h), one named example each; then the
// tokenizer against a plain one-character-at-a-time reading of the same rules, on many random
// texts.
#include "pipeline/segment/tokenizer.h"

#include <gtest/gtest.h>

#include <array>
#include <random>
#include <string>
#include <vector>

#include <unicode/uchar.h>

#include "pipeline/utf8.h"

namespace accord {
namespace {

// The reference: every character classified and looked at alone, no fast runs.
namespace reference {

enum CharClass : uint8_t { kSpace, kLetter, kDigit, kMark, kOtherChar };

struct CharInfo {
  CharClass cls;
  bool upper;  // upper or title case letter
};

constexpr bool IsAsciiLetter(unsigned char c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }
constexpr bool IsAsciiDigit(unsigned char c) { return c >= '0' && c <= '9'; }

constexpr CharInfo ClassifyAscii(unsigned char c) {
  if (IsAsciiLetter(c)) return {kLetter, c <= 'Z'};
  if (IsAsciiDigit(c)) return {kDigit, false};
  if (c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == '\v')
    return {kSpace, false};
  return {kOtherChar, false};
}

// The class of every ASCII byte, computed at compile time.
constexpr auto kAsciiInfo = [] {
  std::array<CharInfo, 128> table{};
  for (int c = 0; c < 128; ++c) table[c] = ClassifyAscii(static_cast<unsigned char>(c));
  return table;
}();

inline CharInfo Classify(char32_t cp) {
  if (cp < 0x80) return kAsciiInfo[cp];
  const int8_t type = u_charType(cp);
  switch (type) {
    case U_UPPERCASE_LETTER:
    case U_TITLECASE_LETTER: return {kLetter, true};
    case U_LOWERCASE_LETTER:
    case U_MODIFIER_LETTER:
    case U_OTHER_LETTER: return {kLetter, false};
    case U_DECIMAL_DIGIT_NUMBER: return {kDigit, false};
    case U_NON_SPACING_MARK:
    case U_ENCLOSING_MARK:
    case U_COMBINING_SPACING_MARK: return {kMark, false};
    case U_SPACE_SEPARATOR:
    case U_LINE_SEPARATOR:
    case U_PARAGRAPH_SEPARATOR: return {kSpace, false};
    default: return {kOtherChar, false};
  }
}

inline bool IsWordClass(CharClass c) { return c == kLetter || c == kDigit || c == kMark; }

class Scanner {
 public:
  explicit Scanner(std::string_view s) : s_(s) {}

  // The code point at byte i and its length (0 at the end).
  char32_t At(size_t i, size_t* len) const {
    if (i >= s_.size()) {
      *len = 0;
      return 0;
    }
    const unsigned char c = s_[i];
    if (c < 0x80) {
      *len = 1;
      return c;
    }
    size_t k = i;
    const char32_t cp = utf8::Next(s_, k);
    *len = k - i;
    return cp;
  }
  CharInfo InfoAt(size_t i) const {
    size_t len;
    const char32_t cp = At(i, &len);
    return len == 0 ? CharInfo{kSpace, false} : Classify(cp);
  }
  char ByteAt(size_t i) const { return i < s_.size() ? s_[i] : '\0'; }
  std::string_view text() const { return s_; }

 private:
  std::string_view s_;
};

// Scans the word that starts at `b` and returns its end; counts its letters.
size_t ScanWord(const Scanner& sc, size_t b, size_t n, int* letters, int* upper,
                bool* first_upper, bool* starts_digit) {
  *letters = *upper = 0;
  *first_upper = false;
  *starts_digit = false;
  size_t i = b;
  bool first = true;
  int segment_chars = 0;  // of the part since the last inner period
  bool all_segments_single = true;             // dotted-initials so far
  int periods = 0;
  CharClass last = kSpace;
  const std::string_view s = sc.text();
  while (i < n) {
    size_t len;
    const char32_t cp = sc.At(i, &len);
    const CharInfo info = Classify(cp);
    if (info.cls == kLetter && cp < 0x80) {  // ASCII letters, the common case, in one loop
      if (*letters == 0) *first_upper = info.upper;
      first = false;
      last = kLetter;
      do {
        const CharInfo a = kAsciiInfo[static_cast<unsigned char>(s[i])];
        ++*letters;
        if (a.upper) ++*upper;
        ++segment_chars;
        ++i;
      } while (i < n && static_cast<unsigned char>(s[i]) < 0x80 &&
               kAsciiInfo[static_cast<unsigned char>(s[i])].cls == kLetter);
      continue;
    }
    if (IsWordClass(info.cls)) {
      if (first) *starts_digit = info.cls == kDigit;
      if (info.cls == kLetter) {
        if (*letters == 0) *first_upper = info.upper;
        ++*letters;
        if (info.upper) ++*upper;

      }
      if (info.cls != kMark) ++segment_chars;
      first = false;
      last = info.cls;
      i += len;
      continue;
    }
    // A joiner continues the word only when a word character follows it.
    const char c = static_cast<char>(cp);
    if (cp >= 0x80) break;
    const CharInfo next = sc.InfoAt(i + 1);
    if (!IsWordClass(next.cls)) {
      // dotted-initials: the final period of "U.S." belongs to it.
      if (c == '.' && periods > 0 && all_segments_single && segment_chars == 1 &&
          last == kLetter)
        i += 1;
      break;
    }
    bool join = false;
    switch (c) {
      case '-': join = true; break;  // inner-hyphen
      case '\'': {                   // inner-apostrophe, but not the possessive
        const char after = sc.ByteAt(i + 1);
        const bool possessive = (after == 's' || after == 'S') &&
                                !IsWordClass(sc.InfoAt(i + 2).cls);
        join = last == kLetter && next.cls == kLetter && !possessive;
        break;
      }
      case '.':  // dotted-initials ("U.S", "e.g") or a decimal number ("3.5")
        if (last == kLetter && next.cls == kLetter && segment_chars == 1) {
          join = true;
          ++periods;
        } else if (last == kDigit && next.cls == kDigit && *letters == 0) {
          join = true;
          all_segments_single = false;
        }
        break;
      case ',':
      case ':':
      case '/': join = last == kDigit && next.cls == kDigit && *letters == 0; break;  // number
      case '&': join = last == kLetter && next.upper && *upper == *letters; break;  // ampersand
      default: break;
    }
    if (!join) break;
    if (c != '.') all_segments_single = false;
    segment_chars = 0;
    last = kOtherChar;
    i += 1;
  }
  return i;
}

void ReferenceTokenize(std::string_view text, std::vector<Token>& out) {
  const Scanner sc(text);
  const size_t n = text.size();
  size_t i = 0;
  while (i < n) {
    const unsigned char c = text[i];
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
      ++i;
      continue;
    }
    size_t len;
    const char32_t cp = sc.At(i, &len);
    const CharInfo info = Classify(cp);
    if (info.cls == kSpace) {
      i += len;
      continue;
    }
    Token t;
    t.begin = static_cast<uint32_t>(i);
    if (IsWordClass(info.cls)) {
      int letters, upper;
      bool first_upper, starts_digit;
      const size_t e = ScanWord(sc, i, n, &letters, &upper, &first_upper, &starts_digit);
      if (letters > 0) t.flags |= Token::kWord;
      if (starts_digit) t.flags |= Token::kNumber;
      if (first_upper) t.flags |= Token::kCapitalized;
      if (letters >= 2 && upper == letters) t.flags |= Token::kAllCaps;
      i = e;
    } else if (c == '\'' && (sc.ByteAt(i + 1) == 's' || sc.ByteAt(i + 1) == 'S') &&
               !IsWordClass(sc.InfoAt(i + 2).cls) && !out.empty() &&
               out.back().end == i && (out.back().flags & Token::kWord)) {
      t.flags |= Token::kWord;  // possessive
      i += 2;
    } else {
      t.flags |= Token::kPunct;
      i += len;
      if (cp < 0x80)
        while (i < n && text[i] == static_cast<char>(c)) ++i;  // "--", "..."
    }
    t.end = static_cast<uint32_t>(i);
    out.push_back(t);
  }
}


}  // namespace reference

// Tokenize and the reference give the same tokens (spans and flags) on `text`.
void ExpectSameAsReference(const std::string& text) {
  std::vector<Token> fast, plain;
  Tokenize(text, fast);
  reference::ReferenceTokenize(text, plain);
  ASSERT_EQ(fast.size(), plain.size()) << text;
  for (size_t k = 0; k < fast.size(); ++k) {
    EXPECT_EQ(fast[k].begin, plain[k].begin) << text;
    EXPECT_EQ(fast[k].end, plain[k].end) << text;
    EXPECT_EQ(fast[k].flags, plain[k].flags) << text;
  }
}

std::string Join(std::string_view text, const std::vector<Token>& tokens) {
  std::string out;
  for (const Token& t : tokens) {
    if (!out.empty()) out += '|';
    out.append(text.substr(t.begin, t.end - t.begin));
  }
  return out;
}

struct Case {
  const char* rule;
  const char* text;
  const char* tokens;  // joined with '|'
};

const Case kCases[] = {
    {"word", "David E. Sanger wrote", "David|E|.|Sanger|wrote"},
    {"word", "the 1990s in Telef\xC3\xB3nica", "the|1990s|in|Telef\xC3\xB3nica"},
    {"inner-hyphen", "Hewlett-Packard's F-16", "Hewlett-Packard|'s|F-16"},
    {"inner-hyphen", "word -- dash - end-", "word|--|dash|-|end|-"},
    {"inner-apostrophe", "O'Brien don't 'quoted'", "O'Brien|don't|'|quoted|'"},
    {"possessive", "Smith's car, the Jones' house", "Smith|'s|car|,|the|Jones|'|house"},
    {"dotted-initials", "the U.S. and N.S.A., e.g. this", "the|U.S.|and|N.S.A.|,|e.g.|this"},
    {"dotted-initials", "in the U.S.", "in|the|U.S."},
    {"dotted-initials", "Mr. Smith.", "Mr|.|Smith|."},
    {"number", "1,000 at 10:30 on 4/17/2018, 3.5%", "1,000|at|10:30|on|4/17/2018|,|3.5|%"},
    {"number", "in 2018.", "in|2018|."},
    {"ampersand", "AT&T and R&D, Q & A", "AT&T|and|R&D|,|Q|&|A"},
    {"punct", "wait... \"yes\" (no)!", "wait|...|\"|yes|\"|(|no|)|!"},
    {"punct", "$5 \xE2\x80\x94 \xE2\x82\xAC", "$|5|\xE2\x80\x94|\xE2\x82\xAC"},
};

TEST(TokenizerTest, Rules) {
  for (const Case& c : kCases) {
    std::vector<Token> tokens;
    Tokenize(c.text, tokens);
    EXPECT_EQ(Join(c.text, tokens), c.tokens) << c.rule << ": " << c.text;
  }
}

struct FlagCase {
  const char* token;
  uint16_t flags;
};

TEST(TokenizerTest, Flags) {
  const FlagCase kFlags[] = {
      {"Sanger", Token::kWord | Token::kCapitalized},
      {"NASA", Token::kWord | Token::kCapitalized | Token::kAllCaps},
      {"U.S.", Token::kWord | Token::kCapitalized | Token::kAllCaps},
      {"iPhone", Token::kWord},
      {"A", Token::kWord | Token::kCapitalized},
      {"\xC3\x89mile", Token::kWord | Token::kCapitalized},
      {"2018", Token::kNumber},
      {"1990s", Token::kNumber | Token::kWord},
      {",", Token::kPunct},
  };
  for (const FlagCase& c : kFlags) {
    std::vector<Token> tokens;
    Tokenize(c.token, tokens);
    ASSERT_EQ(tokens.size(), 1u) << c.token;
    EXPECT_EQ(tokens[0].flags, c.flags) << c.token;
  }
}

// Pieces of words, numbers, joiners and marks, ASCII and not.
const char* const kPieces[] = {
    "a", "b", "s", "S", "Z", "U", "e", "g", "T", "Mr", "iPhone", "NASA", "0", "1", "9",
    "Telecommunications", "ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz", "@[`{",
    "2018", ".", ".", ",", ":", "/", "-", "-", "'", "'", "&", "\"", "(", ")", "!", "?", "$",
    "%", "_", " ", " ", " ", "\n", "\t", "\r", "\f", "\xC3\xA9",   // é
    "\xC3\x89",                                                  // É
    "\xC7\x85",                                                  // ǅ (title case)
    "\xCC\x81",                                                  // combining acute
    "\xD9\xA3",                                                  // Arabic-Indic three
    "\xE4\xB8\xAD",                                             // 中
    "\xCA\xB0",                                                  // modifier letter h
    "\xE2\x80\x94",                                             // em dash
    "\xE2\x80\x99",                                             // right single quote
    "\xC2\xA0",                                                  // no-break space
    "\xE2\x80\xA8",                                             // line separator
    "\xE2\x85\xA0",                                             // Roman numeral one (Nl)
    "\xFF",                                                       // a stray byte
};

TEST(TokenizerTest, SameAsReferenceOnRandomTexts) {
  std::mt19937 rng(20240607);
  std::uniform_int_distribution<size_t> piece(0, std::size(kPieces) - 1);
  std::uniform_int_distribution<int> length(1, 30);
  for (int t = 0; t < 200000 && !HasFailure(); ++t) {
    std::string text;
    for (int k = length(rng); k > 0; --k) text += kPieces[piece(rng)];
    ExpectSameAsReference(text);
  }
}


// Runs of ASCII letters of every length up to 40 (upper, lower or mixed), ended by every byte
// value, at every place of the sixteen-byte steps the letter scan takes: the same tokens as the
// reference.
TEST(TokenizerTest, LetterRunsEndedByEveryByteSameAsReference) {
  std::mt19937 rng(3);
  for (int len = 1; len <= 40 && !HasFailure(); ++len) {
    for (int b = 0; b < 256 && !HasFailure(); ++b) {
      std::string text = rng() % 2 ? " " : "";
      const int kind = static_cast<int>(rng() % 3);  // upper, lower, mixed
      for (int k = 0; k < len; ++k) {
        const bool upper = kind == 0 || (kind == 2 && rng() % 2);
        text += static_cast<char>((upper ? 'A' : 'a') + rng() % 26);
      }
      text += static_cast<char>(b);
      text += " tail of the text and more";
      ExpectSameAsReference(text);
    }
  }
}

}  // namespace
}  // namespace accord
