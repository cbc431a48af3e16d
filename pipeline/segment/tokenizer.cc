#include "pipeline/segment/tokenizer.h"

#include <array>

#include <unicode/uchar.h>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "pipeline/utf8.h"

namespace accord {
namespace {

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

// What the main loop of Tokenize needs to know of a byte, in one lookup: letters first, so that
// one comparison tells a letter.
enum ByteKind : uint8_t { kLowerByte, kUpperByte, kSpaceByte, kDigitByte, kOtherByte, kHighByte };
constexpr auto kByteKind = [] {
  std::array<ByteKind, 256> table{};
  for (int c = 0; c < 256; ++c) {
    if (c >= 0x80) {
      table[c] = kHighByte;
      continue;
    }
    const CharInfo info = kAsciiInfo[c];
    table[c] = info.cls == kLetter  ? (info.upper ? kUpperByte : kLowerByte)
               : info.cls == kSpace ? kSpaceByte
               : info.cls == kDigit ? kDigitByte
                                    : kOtherByte;
  }
  return table;
}();

// A run of ASCII letters: where it ends and whether any of its letters is lower case.
struct LetterRun {
  size_t end;
  bool lower;
};

// Per byte: 1 for an ASCII upper-case letter, 2 for a lower-case one, 0 for any other byte.
constexpr auto kLetterCase = [] {
  std::array<uint8_t, 256> table{};
  for (int c = 'A'; c <= 'Z'; ++c) table[c] = 1;
  for (int c = 'a'; c <= 'z'; ++c) table[c] = 2;
  return table;
}();

// The run of ASCII letters that starts at byte `i`. With `kTrackLower` false the caller knows the
// run holds a lower-case letter (its first one is), and the scan only looks for its end.
template <bool kTrackLower = true>
inline LetterRun ScanAsciiLetters(std::string_view s, size_t i) {
  uint8_t seen = kTrackLower ? 0 : 2;
#if defined(__SSE2__)
  // Sixteen bytes a step while sixteen remain (most words end within the first step). Folding
  // the case bit and adding 0x80 - 'a' takes the letters, and only them, to 0x80..0x99: signed,
  // the only bytes below -128 + 26.
  const __m128i case_bit = _mm_set1_epi8(0x20);
  while (i + 16 <= s.size()) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s.data() + i));
    const __m128i moved = _mm_add_epi8(_mm_or_si128(v, case_bit), _mm_set1_epi8(0x80 - 'a'));
    const __m128i letter = _mm_cmplt_epi8(moved, _mm_set1_epi8(-128 + 26));
    const unsigned letters = static_cast<unsigned>(_mm_movemask_epi8(letter));
    const unsigned run = static_cast<unsigned>(__builtin_ctz(~letters));  // <= 16
    if constexpr (kTrackLower) {
      const __m128i lower =
          _mm_and_si128(letter, _mm_cmpeq_epi8(_mm_and_si128(v, case_bit), case_bit));
      const unsigned in_run = (1u << run) - 1;
      if (static_cast<unsigned>(_mm_movemask_epi8(lower)) & in_run) seen = 2;
    }
    i += run;
    if (run < 16) return {i, (seen & 2) != 0};
  }
#endif
  for (uint8_t c; i < s.size() && (c = kLetterCase[static_cast<unsigned char>(s[i])]) != 0; ++i)
    seen |= c;
  return {i, (seen & 2) != 0};
}

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

constexpr bool IsJoiner(unsigned char c) {
  return c == '-' || c == '\'' || c == '.' || c == ',' || c == ':' || c == '/' || c == '&';
}

// What a word holds, for its flags and for the joiner rules.
struct WordCounts {
  int letters = 0;
  bool lower = false;  // a letter that is neither upper nor title case
  bool first_upper = false;
  bool starts_digit = false;
};

// Scans the word that starts at `b` and returns its end. Runs of ASCII letters and digits, the
// bulk of any text, are taken in tight loops; other characters one at a time.
size_t ScanWord(const Scanner& sc, size_t b, WordCounts& w) {
  const std::string_view s = sc.text();
  const size_t n = s.size();
  size_t i = b;
  bool first = true;
  int segment_chars = 0;            // of the part since the last inner period
  bool all_segments_single = true;  // dotted-initials so far
  int periods = 0;
  CharClass last = kSpace;
  while (i < n) {
    const unsigned char c = s[i];
    if (c >= 0x80) {
      size_t len;
      const CharInfo info = Classify(sc.At(i, &len));
      if (!IsWordClass(info.cls)) break;
      if (first) w.starts_digit = info.cls == kDigit;
      if (info.cls == kLetter) {
        if (w.letters == 0) w.first_upper = info.upper;
        ++w.letters;
        if (!info.upper) w.lower = true;
      }
      if (info.cls != kMark) ++segment_chars;
      first = false;
      last = info.cls;
      i += len;
      continue;
    }
    const CharInfo info = kAsciiInfo[c];
    if (info.cls == kLetter) {
      if (w.letters == 0) w.first_upper = info.upper;
      const LetterRun run = ScanAsciiLetters(s, i);
      w.letters += static_cast<int>(run.end - i);
      w.lower |= run.lower;
      segment_chars += static_cast<int>(run.end - i);
      i = run.end;
      first = false;
      last = kLetter;
      continue;
    }
    if (info.cls == kDigit) {
      if (first) w.starts_digit = true;
      const size_t run = i;
      do ++i;
      while (i < n && IsAsciiDigit(s[i]));
      segment_chars += static_cast<int>(i - run);
      first = false;
      last = kDigit;
      continue;
    }
    if (!IsJoiner(c)) break;
    // A joiner continues the word only when a word character follows it.
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
        } else if (last == kDigit && next.cls == kDigit && w.letters == 0) {
          join = true;
          all_segments_single = false;
        }
        break;
      case ',':
      case ':':
      case '/': join = last == kDigit && next.cls == kDigit && w.letters == 0; break;  // number
      case '&': join = last == kLetter && next.upper && !w.lower; break;  // ampersand
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

// Whether a word of ASCII letters that reaches byte `e` ends there, as ScanWord would decide:
// at the end, before a byte that can neither continue nor join it, or before a joiner that no
// word character follows.
bool WordEndsAfterLetters(std::string_view s, size_t e) {
  if (e == s.size()) return true;
  const unsigned char c = s[e];
  const ByteKind kind = kByteKind[c];
  if (kind == kSpaceByte) return true;  // the common case
  if (kind == kHighByte || kind == kDigitByte) return false;
  if (!IsJoiner(c) || e + 1 == s.size()) return true;
  const ByteKind next = kByteKind[static_cast<unsigned char>(s[e + 1])];
  return next == kSpaceByte || next == kOtherByte;
}

// Appends the word that starts at `i` and returns its end.
size_t AppendWord(const Scanner& sc, size_t i, std::vector<Token>& out) {
  WordCounts w;
  const size_t e = ScanWord(sc, i, w);
  Token t;
  t.begin = static_cast<uint32_t>(i);
  t.end = static_cast<uint32_t>(e);
  if (w.letters > 0) t.flags |= Token::kWord;
  if (w.starts_digit) t.flags |= Token::kNumber;
  if (w.first_upper) t.flags |= Token::kCapitalized;
  if (w.letters >= 2 && !w.lower) t.flags |= Token::kAllCaps;
  out.push_back(t);
  return e;
}

}  // namespace

void Tokenize(std::string_view text, std::vector<Token>& out) {
  const Scanner sc(text);
  const size_t n = text.size();
  size_t i = 0;
  while (i < n) {
    const unsigned char c = text[i];
    const ByteKind kind = kByteKind[c];
    if (kind == kSpaceByte) {
      ++i;
      continue;
    }
    if (kind <= kUpperByte) {
      // The common word, ASCII letters only, in a tight loop; any other goes to ScanWord.
      const bool upper = kind == kUpperByte;
      // A lower-case first letter is the lower-case letter that rules out kAllCaps.
      const LetterRun run = upper ? ScanAsciiLetters(text, i) : ScanAsciiLetters<false>(text, i);
      const size_t e = run.end;
      const bool space_after = e < n && kByteKind[static_cast<unsigned char>(text[e])] == kSpaceByte;
      if (!space_after && !WordEndsAfterLetters(text, e)) {
        i = AppendWord(sc, i, out);
        continue;
      }
      const int letters = static_cast<int>(e - i);
      uint16_t flags = Token::kWord;
      if (upper) flags |= Token::kCapitalized;
      if (letters >= 2 && !run.lower) flags |= Token::kAllCaps;
      out.push_back({static_cast<uint32_t>(i), static_cast<uint32_t>(e), flags});
      i = space_after ? e + 1 : e;  // (the loop would skip the space byte alone)
      continue;
    }
    if (kind == kHighByte) {
      size_t len;
      const CharClass cls = Classify(sc.At(i, &len)).cls;
      if (cls == kSpace) {
        i += len;
      } else if (IsWordClass(cls)) {
        i = AppendWord(sc, i, out);
      } else {
        out.push_back({static_cast<uint32_t>(i), static_cast<uint32_t>(i + len), Token::kPunct});
        i += len;
      }
      continue;
    }
    if (kind == kDigitByte) {
      i = AppendWord(sc, i, out);
    } else if (c == '\'' && (sc.ByteAt(i + 1) == 's' || sc.ByteAt(i + 1) == 'S') &&
               !IsWordClass(sc.InfoAt(i + 2).cls) && !out.empty() && out.back().end == i &&
               (out.back().flags & Token::kWord)) {
      out.push_back({static_cast<uint32_t>(i), static_cast<uint32_t>(i + 2), Token::kWord});
      i += 2;  // possessive
    } else {
      const size_t b = i;
      do ++i;
      while (i < n && text[i] == static_cast<char>(c));  // "--", "..."
      out.push_back({static_cast<uint32_t>(b), static_cast<uint32_t>(i), Token::kPunct});
    }
  }
}

}  // namespace accord
