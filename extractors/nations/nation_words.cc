#include "extractors/nations/nation_words.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include "pipeline/utf8.h"

namespace accord::nations {
namespace {

constexpr bool AsciiLetterOrDigit(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}
inline bool AsciiLower(unsigned char c) { return c >= 'a' && c <= 'z'; }

// What the word splitter needs to know of an ASCII byte, in one table lookup.
enum : uint8_t { kAlnum = 1, kSentenceMark = 2 };
constexpr std::array<uint8_t, 128> kAsciiClass = [] {
  std::array<uint8_t, 128> t{};
  for (int c = 0; c < 128; ++c) {
    if (AsciiLetterOrDigit(static_cast<unsigned char>(c))) t[c] |= kAlnum;
    if (c == '.' || c == '!' || c == '?' || c == ':') t[c] |= kSentenceMark;
  }
  return t;
}();
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
  // ASCII bytes fold one to one: lower-case them in place, then go code point by code point from
  // the first non-ASCII byte on.
  size_t i = 0;
  const size_t start = out.size();
  out.resize(start + word.size());
  char* o = out.data() + start;
  while (i < word.size() && static_cast<unsigned char>(word[i]) < 0x80) {
    const char c = word[i++];
    *o++ = c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
  }
  out.resize(start + i);
  while (i < word.size()) {
    const unsigned char c = static_cast<unsigned char>(word[i]);
    if (c < 0x80) {
      out.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : static_cast<char>(c));
      ++i;
      continue;
    }
    size_t len = 0;
    const char32_t cp = PeekCodePoint(word, i, len);
    if (cp >= kLatinFirst && cp <= kLatinLast && latin_[cp - kLatinFirst].folded[0] != 0) {
      out.append(latin_[cp - kLatinFirst].folded);
    } else if (cp == 0x2019 || cp == 0x2018) {
      out.push_back('\'');
    } else {
      out.append(word.substr(i, len));
    }
    i += len;
  }
}

void WordFolder::Split(std::string_view text, std::vector<Word>& out) const {
  out.clear();
  const size_t n = text.size();
  size_t i = 0;
  bool sentence_start = true;  // the start of the text starts a sentence
  while (i < n) {
    // The common gap, one space before an ASCII letter or digit: a ' ' separator, nothing else
    // to note.
    const bool one_space = !out.empty() && text[i] == ' ' && i + 1 < n &&
                           static_cast<unsigned char>(text[i + 1]) < 0x80 &&
                           (kAsciiClass[static_cast<unsigned char>(text[i + 1])] & kAlnum);
    if (one_space) {
      out.back().sep_after = ' ';
      ++i;
    }
    // Skip to the next word, noting whether a sentence or paragraph ends on the way.
    size_t gap_begin = i;
    while (i < n) {
      const unsigned char c = static_cast<unsigned char>(text[i]);
      if (c < 0x80) {
        const uint8_t k = kAsciiClass[c];
        if (k & kAlnum) break;
        if (k & kSentenceMark) {
          sentence_start = true;
        } else if (c == '\n' && i + 1 < n && text[i + 1] == '\n') {
          sentence_start = true;
        }
        ++i;
        continue;
      }
      size_t len = 0;
      const char32_t cp = PeekCodePoint(text, i, len);
      if (IsLetter(cp)) break;
      i += len;
    }
    if (i >= n) break;
    // Classify the gap after the previous word.
    if (!out.empty() && !one_space) {
      std::string_view gap = text.substr(gap_begin, i - gap_begin);
      char sep = ' ';
      if (gap.size() == 1) {  // the common case: one byte
        const char g = gap[0];
        sep = g == ' ' || g == '\n' || g == '\t' ? ' ' : g == '-' ? '-' : g == '\'' ? '\'' : g == '.' ? '.' : '|';
      } else if (gap == "\u2019") {
        sep = '\'';
      } else {
        // White space, possibly with "> " quote marks after a line break.
        bool after_newline = false;
        for (unsigned char c : gap) {
          if (c == '\n') {
            after_newline = true;
          } else if (AsciiSpace(c)) {
          } else if (c == '>' && after_newline) {
          } else {
            sep = '|';
            break;
          }
        }
        if (gap.empty()) sep = '|';
      }
      out.back().sep_after = sep;
    }
    // The word: letters and digits; dotted initials ("U.S.") keep their periods.
    Word w;
    w.begin = static_cast<uint32_t>(i);
    bool any_upper = false, any_lower = false, first = true;
    auto note_letter = [&](char32_t cp) {
      const bool up = IsUpper(cp), low = IsLower(cp);
      if (first) {
        if (up) w.flags |= Word::kUpperFirst;
        if (low) w.flags |= Word::kLowerFirst;
        first = false;
      }
      any_upper |= up;
      any_lower |= low;
    };
    size_t letters_in_segment = 0;
    while (i < n) {
      const unsigned char c = static_cast<unsigned char>(text[i]);
      if (c < 0x80) {
        if (AsciiLower(c)) {  // the common case, inline, with the rest of its lower-case run
          if (first) w.flags |= Word::kLowerFirst;
          first = false;
          any_lower = true;
          size_t j = i + 1;
          while (j < n && AsciiLower(static_cast<unsigned char>(text[j]))) ++j;
          letters_in_segment += j - i;
          i = j;
          continue;
        }
        if (AsciiLetterOrDigit(c)) {
          if (c <= '9') {
            first = false;
          } else {  // 'A'..'Z'
            if (first) w.flags |= Word::kUpperFirst;
            first = false;
            any_upper = true;
          }
          ++letters_in_segment;
          ++i;
          continue;
        }
        // "U.S." : a single letter, a period, and another single letter with its period.
        if (c == '.' && letters_in_segment == 1 && i + 1 < n) {
          const bool initials_follow =
              i + 2 < n && AsciiLetterOrDigit(static_cast<unsigned char>(text[i + 1])) && text[i + 2] == '.';
          const bool closes_initials = (w.flags & Word::kAbbreviation) != 0;
          if (initials_follow || closes_initials) {
            w.flags |= Word::kAbbreviation;
            ++i;
            letters_in_segment = 0;
            if (!initials_follow) break;
            continue;
          }
        } else if (c == '.' && letters_in_segment == 1 && (w.flags & Word::kAbbreviation)) {
          ++i;  // the final period at the end of the text
          break;
        }
        break;
      }
      size_t len = 0;
      const char32_t cp = PeekCodePoint(text, i, len);
      if (!IsLetter(cp)) break;
      note_letter(cp);
      ++letters_in_segment;
      i += len;
    }
    w.end = static_cast<uint32_t>(i);
    if (any_upper && !any_lower) w.flags |= Word::kAllUpper;
    if (sentence_start) w.flags |= Word::kSentenceStart;
    sentence_start = false;
    out.push_back(w);
  }
}

}  // namespace accord::nations
