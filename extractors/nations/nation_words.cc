#include "extractors/nations/nation_words.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "pipeline/ascii.h"
#include "pipeline/utf8.h"

namespace accord::nations {
namespace {

constexpr bool AsciiLetterOrDigit(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

// What the word splitter needs to know of a byte, in one table lookup.
enum : uint8_t { kAlnum = 1, kSentenceMark = 2, kLower = 4, kUpper = 8, kHigh = 16 };
constexpr std::array<uint8_t, 256> kByteClass = [] {
  std::array<uint8_t, 256> t{};
  for (int c = 0; c < 256; ++c) {
    if (c >= 0x80) t[c] |= kHigh;
    if (c < 0x80 && AsciiLetterOrDigit(static_cast<unsigned char>(c))) t[c] |= kAlnum;
    if (c >= 'a' && c <= 'z') t[c] |= kLower;
    if (c >= 'A' && c <= 'Z') t[c] |= kUpper;
    if (c == '.' || c == '!' || c == '?' || c == ':') t[c] |= kSentenceMark;
  }
  return t;
}();

// The ASCII letters and digits of a text as bits (bit k % 64 of word k / 64 for byte k), with
// room for the bit of byte n (clear): a word's end is the next clear bit, found a 64-byte word
// at a time instead of a byte at a time.
class AlnumBits {
 public:
  void Assign(const unsigned char* s, size_t n) {
    bits_.assign(n / 64 + 1, 0);
    size_t i = 0;
#if defined(__SSE2__)
    // Folding the case bit and adding 0x80 - 'a' takes the letters, and only them, to
    // 0x80..0x99, the only signed bytes below -128 + 26; adding 0x80 - '0' does the same for the
    // digits and 0x80..0x89.
    const __m128i case_bit = _mm_set1_epi8(0x20);
    const __m128i to_letters = _mm_set1_epi8(static_cast<char>(0x80 - 'a'));
    const __m128i to_digits = _mm_set1_epi8(static_cast<char>(0x80 - '0'));
    const __m128i letters_below = _mm_set1_epi8(-128 + 26), digits_below = _mm_set1_epi8(-128 + 10);
    const auto mask16 = [&](size_t at) -> uint64_t {
      const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s + at));
      const __m128i letter =
          _mm_cmplt_epi8(_mm_add_epi8(_mm_or_si128(v, case_bit), to_letters), letters_below);
      const __m128i digit = _mm_cmplt_epi8(_mm_add_epi8(v, to_digits), digits_below);
      return static_cast<unsigned>(_mm_movemask_epi8(_mm_or_si128(letter, digit)));
    };
    for (; i + 64 <= n; i += 64)
      bits_[i / 64] = mask16(i) | mask16(i + 16) << 16 | mask16(i + 32) << 32 | mask16(i + 48) << 48;
    for (; i + 16 <= n; i += 16) bits_[i / 64] |= mask16(i) << (i % 64);
#endif
    for (; i < n; ++i)
      if (AsciiLetterOrDigit(s[i])) bits_[i / 64] |= uint64_t{1} << (i % 64);
  }

  const uint64_t* data() const { return bits_.data(); }

 private:
  std::vector<uint64_t> bits_;
};

// The first byte at or after `i` (<= n) that is no ASCII letter or digit, or n, in the bits of
// AlnumBits.
inline size_t NextNonAlnum(const uint64_t* bits, size_t i) {
  size_t k = i / 64;
  uint64_t rest = ~bits[k] >> (i % 64);
  if (rest != 0) return i + static_cast<size_t>(__builtin_ctzll(rest));
  // (The bit of byte n is clear, so the search ends within the words.)
  while ((rest = ~bits[++k]) == 0) {
  }
  return k * 64 + static_cast<size_t>(__builtin_ctzll(rest));
}

inline bool AsciiSpace(unsigned char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

// The code point at byte `i` and its length, without advancing.
inline char32_t PeekCodePoint(std::string_view s, size_t i, size_t& len) {
  size_t j = i;
  char32_t cp = utf8::Next(s, j);
  len = j - i;
  return cp;
}

// The separator of the gap between two words (see Word::sep_after).
char GapSeparator(std::string_view gap) {
  if (gap.size() == 1) {  // the common case: one byte
    const char g = gap[0];
    return g == ' ' || g == '\n' || g == '\t' ? ' ' : g == '-' ? '-' : g == '\'' ? '\'' : g == '.' ? '.' : '|';
  }
  if (gap == "\u2019") return '\'';
  if (gap.empty()) return '|';
  // White space, possibly with "> " quote marks after a line break.
  bool after_newline = false;
  for (unsigned char c : gap) {
    if (c == '\n') {
      after_newline = true;
    } else if (AsciiSpace(c)) {
    } else if (c == '>' && after_newline) {
    } else {
      return '|';
    }
  }
  return ' ';
}

}  // namespace

WordFolder::WordFolder() {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
  for (char32_t cp = kLatinFirst; cp <= kLatinLast; ++cp) {
    Latin& l = latin_[cp - kLatinFirst];
    l.letter = u_isalpha(static_cast<UChar32>(cp));
    l.upper = u_isupper(static_cast<UChar32>(cp));
    if (!l.letter || U_FAILURE(status)) continue;
    icu::UnicodeString s(static_cast<UChar32>(cp));
    s.toLower();
    UErrorCode st = U_ZERO_ERROR;
    icu::UnicodeString decomposed = nfd->normalize(s, st);
    std::string ascii;
    for (int32_t k = 0; U_SUCCESS(st) && k < decomposed.length(); ++k) {
      UChar c = decomposed.charAt(k);
      if (c < 0x80 && AsciiLetterOrDigit(static_cast<unsigned char>(c))) ascii.push_back(static_cast<char>(c));
    }
    if (cp == 0xDF) ascii = "ss";   // ß
    if (cp == 0xE6 || cp == 0xC6) ascii = "ae";
    if (cp == 0x153 || cp == 0x152) ascii = "oe";
    if (cp == 0xF8 || cp == 0xD8) ascii = "o";
    if (cp == 0x142 || cp == 0x141) ascii = "l";
    if (cp == 0x111 || cp == 0x110) ascii = "d";
    if (ascii.size() <= 2) {
      for (size_t k = 0; k < ascii.size(); ++k) l.folded[k] = ascii[k];
    }
  }
}

bool WordFolder::IsLetter(char32_t cp) const {
  if (cp < 0x80) return AsciiLetterOrDigit(static_cast<unsigned char>(cp));
  if (cp >= kLatinFirst && cp <= kLatinLast) return latin_[cp - kLatinFirst].letter;
  if (cp < kLatinFirst) return false;                   // Latin-1 punctuation, symbols, NBSP
  if (cp >= 0x2000 && cp <= 0x2BFF) return false;       // punctuation, symbols, arrows, boxes
  if (cp >= 0x3000 && cp <= 0x303F) return false;       // CJK punctuation
  if (cp >= 0xFE30 && cp <= 0xFE4F) return false;
  if (cp >= 0xFF00 && cp <= 0xFF0F) return false;
  if (cp == 0xFEFF || cp == 0xFFFD) return false;
  return true;  // other scripts: letters (they never match an English name)
}

bool WordFolder::IsUpper(char32_t cp) const {
  if (cp < 0x80) return cp >= 'A' && cp <= 'Z';
  if (cp >= kLatinFirst && cp <= kLatinLast) return latin_[cp - kLatinFirst].upper;
  return false;
}

bool WordFolder::IsLower(char32_t cp) const {
  if (cp < 0x80) return cp >= 'a' && cp <= 'z';
  if (cp >= kLatinFirst && cp <= kLatinLast) {
    const Latin& l = latin_[cp - kLatinFirst];
    return l.letter && !l.upper;
  }
  return false;
}

void WordFolder::AppendFolded(std::string_view word, std::string& out) const {
  // ASCII bytes fold one to one: copy the word and lower-case it in place; from the first
  // non-ASCII byte on, go code point by code point.
  const size_t start = out.size();
  out.append(word);
  char* const o = out.data() + start;  // the copy, read and written in place
  size_t i = 0;
  for (unsigned char c; i < word.size() && (c = static_cast<unsigned char>(o[i])) < 0x80; ++i)
    o[i] = ascii::ToLower(static_cast<char>(c));
  if (i == word.size()) return;
  out.resize(start + i);
  while (i < word.size()) {
    const unsigned char c = static_cast<unsigned char>(word[i]);
    if (c < 0x80) {
      out.push_back(ascii::ToLower(static_cast<char>(c)));
      ++i;
      continue;
    }
    size_t len = 0;
    const char32_t cp = PeekCodePoint(word, i, len);
    if (cp >= kLatinFirst && cp <= kLatinLast && latin_[cp - kLatinFirst].folded[0] != 0) {
      const char* folded = latin_[cp - kLatinFirst].folded;
      out.append(folded, folded[1] != 0 ? 2 : 1);  // (one or two letters, NUL-terminated)
    } else if (cp == 0x2019 || cp == 0x2018) {
      out.push_back('\'');
    } else {
      out.append(word.substr(i, len));
    }
    i += len;
  }
}

void WordFolder::Split(std::string_view text, std::vector<Word>& out) const {
  std::vector<uint32_t> capitals;
  Split(text, out, capitals);
}

void WordFolder::Split(std::string_view text, std::vector<Word>& out, std::vector<uint32_t>& capitals) const {
  out.resize(MaxWords(text.size()));
  capitals.resize(MaxWords(text.size()));
  size_t num_capitals = 0;
  out.resize(SplitInto(text, out.data(), capitals.data(), num_capitals));
  capitals.resize(num_capitals);
}

void WordFolder::Split(std::string_view text, SplitWords& out) const {
  const size_t room = MaxWords(text.size());
  if (out.words_.size() < room) {  // (nothing to keep: no copy of the old words)
    out.words_ = std::vector<Word>(room);
    out.capitals_ = std::vector<uint32_t>(room);
  }
  out.num_words_ = SplitInto(text, out.words_.data(), out.capitals_.data(), out.num_capitals_);
}

size_t WordFolder::SplitInto(std::string_view text, Word* const out, uint32_t* const capitals,
                             size_t& num_capitals) const {
  const size_t n = text.size();
  const unsigned char* s = reinterpret_cast<const unsigned char*>(text.data());
  thread_local AlnumBits alnum;  // scratch reused across texts, one per thread
  alnum.Assign(s, n);
  const uint64_t* const alnum_bits = alnum.data();
  // Words are written through `w`; `prev` is the last one written, or a stand-in before the
  // first, so that setting its separator needs no test.
  Word* w = out;
  Word before_first;
  Word* prev = &before_first;
  uint32_t* cap = capitals;
  size_t i = 0;
  bool sentence_start = true;  // the start of the text starts a sentence
  while (i < n) {
    // Skip to the next word, noting whether a sentence or paragraph ends on the way.
    const size_t gap_begin = i;
    if (i + 1 < n && s[i] == ' ' && (kByteClass[s[i + 1]] & kAlnum)) {
      // One space before an ASCII letter or digit, the common gap, needs no loop and no
      // classification.
      ++i;
      prev->sep_after = ' ';
    } else {
      while (i < n) {
        const unsigned char c = s[i];
        const uint8_t k = kByteClass[c];
        if (k & kAlnum) break;
        if (k & kHigh) {
          size_t len = 0;
          const char32_t cp = PeekCodePoint(text, i, len);
          if (IsLetter(cp)) break;
          i += len;
          continue;
        }
        if (k & kSentenceMark) {
          sentence_start = true;
        } else if (c == '\n' && i + 1 < n && s[i + 1] == '\n') {
          sentence_start = true;
        }
        ++i;
      }
      if (i >= n) break;
      // One space, the common gap, needs no classification.
      prev->sep_after = i - gap_begin == 1 && s[gap_begin] == ' '
                            ? ' '
                            : GapSeparator(text.substr(gap_begin, i - gap_begin));
    }

    // The common word: ASCII letters and digits up to a byte that cannot continue it (not the
    // start of a UTF-8 sequence, not the period of an initial) takes one tight loop; its case flags
    // follow from the bytes it holds. Such words one space apart, the bulk of any text, follow one
    // another in this loop without the gap's tests. Other words take the general loop below.
    bool general_word = s[i] >= 0x80;
    size_t j = general_word ? i : NextNonAlnum(alnum_bits, i + 1);  // the end of the word at i
    // kSentenceStart for the first word of the run only: the others follow a space.
    uint8_t start_flag = sentence_start ? Word::kSentenceStart : 0;
    while (!general_word) {
      const unsigned char end = j < n ? s[j] : 0;  // (0 at the end of the text: no UTF-8 or period)
      if (end >= 0x80 || (end == '.' && j - i == 1)) {
        general_word = true;
        break;
      }
      const uint8_t first = kByteClass[s[i]];
      uint8_t flags = (first & kLower) ? Word::kLowerFirst : (first & kUpper) ? Word::kUpperFirst : 0;
      if (!(first & kLower)) {  // (a lower-case first letter rules out kAllUpper)
        uint8_t bits = first;
        for (size_t k = i + 1; k < j && !(bits & kLower); ++k) bits |= kByteClass[s[k]];
        if ((bits & kUpper) && !(bits & kLower)) flags |= Word::kAllUpper;
      }
      flags |= start_flag;
      start_flag = 0;
      if (flags & Word::kUpperFirst) *cap++ = static_cast<uint32_t>(w - out);
      *w = Word{static_cast<uint32_t>(i), static_cast<uint32_t>(j), '|', flags};
      prev = w++;
      i = j;
      if (end != ' ') break;
      // One space and an ASCII letter or digit after it: the next word starts there, with an
      // ASCII byte. One look at the bits tells both whether it does and where it ends. (A space
      // lies before the end, so the bit of byte j + 1 <= n is there to read.)
      const size_t next = j + 1;
      const uint64_t rest = ~alnum_bits[next / 64] >> (next % 64);  // bit 0: byte `next`
      if (rest & 1) break;
      prev->sep_after = ' ';
      i = next;
      j = rest != 0 ? next + static_cast<size_t>(__builtin_ctzll(rest)) : NextNonAlnum(alnum_bits, next);
    }
    sentence_start = start_flag != 0;
    if (!general_word) continue;

    // The word: letters and digits; dotted initials ("U.S.") keep their periods. Its first code
    // point gives the case of its first letter.
    const uint32_t begin = static_cast<uint32_t>(i);
    uint8_t flags = 0;
    bool any_upper = false, any_lower = false;
    if (s[i] < 0x80) {
      const uint8_t k = kByteClass[s[i]];
      if (k & kLower) flags |= Word::kLowerFirst;
      if (k & kUpper) flags |= Word::kUpperFirst;
    } else {
      size_t len = 0;
      const char32_t cp = PeekCodePoint(text, i, len);
      if (IsUpper(cp)) flags |= Word::kUpperFirst;
      if (IsLower(cp)) flags |= Word::kLowerFirst;
    }
    size_t letters_in_segment = 0;
    while (i < n) {
      const unsigned char c = s[i];
      const uint8_t k = kByteClass[c];
      if (k & kLower) {  // the common case, with the rest of its lower-case run
        size_t j = i + 1;
        while (j < n && (kByteClass[s[j]] & kLower)) ++j;
        any_lower = true;
        letters_in_segment += j - i;
        i = j;
        continue;
      }
      if (k & kUpper) {
        any_upper = true;
        ++letters_in_segment;
        ++i;
        continue;
      }
      if (k & kAlnum) {  // a digit
        ++letters_in_segment;
        ++i;
        continue;
      }
      if (k & kHigh) {
        size_t len = 0;
        const char32_t cp = PeekCodePoint(text, i, len);
        if (!IsLetter(cp)) break;
        flags |= Word::kNonAscii;
        any_upper |= IsUpper(cp);
        any_lower |= IsLower(cp);
        ++letters_in_segment;
        i += len;
        continue;
      }
      // "U.S." : a single letter, a period, and another single letter with its period.
      if (c == '.' && letters_in_segment == 1 && i + 1 < n) {
        const bool initials_follow = i + 2 < n && (kByteClass[s[i + 1]] & kAlnum) && s[i + 2] == '.';
        const bool closes_initials = (flags & Word::kAbbreviation) != 0;
        if (initials_follow || closes_initials) {
          flags |= Word::kAbbreviation;
          ++i;
          letters_in_segment = 0;
          if (!initials_follow) break;
          continue;
        }
      } else if (c == '.' && letters_in_segment == 1 && (flags & Word::kAbbreviation)) {
        ++i;  // the final period at the end of the text
      }
      break;
    }
    if (any_upper && !any_lower) flags |= Word::kAllUpper;
    if (sentence_start) flags |= Word::kSentenceStart;
    sentence_start = false;
    if (flags & Word::kUpperFirst) *cap++ = static_cast<uint32_t>(w - out);
    *w = Word{begin, static_cast<uint32_t>(i), '|', flags};
    prev = w++;
  }
  num_capitals = static_cast<size_t>(cap - capitals);
  return static_cast<size_t>(w - out);
}

}  // namespace accord::nations
