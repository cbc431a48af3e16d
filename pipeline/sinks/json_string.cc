#include "pipeline/sinks/json_string.h"

#include <algorithm>
#include <bit>
#include <charconv>
#include <cstdint>
#include <cstring>

#include <nlohmann/json.hpp>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "pipeline/utf8.h"

namespace accord {
namespace {

static_assert(std::endian::native == std::endian::little, "the word scan reads bytes low first");

constexpr uint64_t kOnes = 0x0101010101010101ull;
constexpr uint64_t kHigh = 0x8080808080808080ull;

// The high bit of the bytes of `w` (8 bytes of text, the first in the low byte) that are not
// copied as they stand: a control byte, '"', '\\', or a byte of a multi-byte sequence (which must
// be checked as UTF-8). "byte < n" shows as a borrow out of (byte - n); a borrow can also mark a
// byte above a marked one, but never one below, so the lowest marked byte is always special.
inline uint64_t SpecialBytes(uint64_t w) {
  const uint64_t quote = w ^ (kOnes * '"');
  const uint64_t backslash = w ^ (kOnes * '\\');
  const uint64_t control = (w - kOnes * 0x20) & ~w;
  const uint64_t is_quote = (quote - kOnes) & ~quote;
  const uint64_t is_backslash = (backslash - kOnes) & ~backslash;
  return (control | is_quote | is_backslash | w) & kHigh;
}

// The 0-7 bytes s[i, n) (n - i < 8) as the low bytes of a word, zeros above them; without
// reading outside s. A string of 8 bytes or more gives its last word, shifted; a shorter one is
// put together from loads that overlap (equal bytes ORed onto each other are unchanged).
inline uint64_t TailWord(std::string_view s, size_t i) {
  const size_t n = s.size(), left = n - i;
  if (left == 0) return 0;
  const char* d = s.data();
  if (n >= 8) {
    uint64_t w;
    std::memcpy(&w, d + n - 8, 8);
    return w >> (8 * (8 - left));
  }
  const char* t = d + i;
  if (left >= 4) {
    uint32_t lo, hi;
    std::memcpy(&lo, t, 4);
    std::memcpy(&hi, t + left - 4, 4);
    return uint64_t{lo} | (uint64_t{hi} << (8 * (left - 4)));
  }
  const auto byte = [&](size_t k) { return uint64_t{static_cast<unsigned char>(t[k])} << (8 * k); };
  return byte(0) | byte(left / 2) | byte(left - 1);
}

// The length of the well-formed UTF-8 sequence that starts at s[i] (a byte >= 0x80), or 0 when
// there is none (the rules of utf8::IsValid).
size_t ValidSequenceLength(std::string_view s, size_t i) {
  const unsigned char c = s[i];
  const int n = utf8::SequenceLength(c);
  if (n == 1 || i + n > s.size()) return 0;
  char32_t cp = c & (0xFF >> (n + 1));
  for (int k = 1; k < n; ++k) {
    const unsigned char d = s[i + k];
    if ((d & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (d & 0x3F);
  }
  // Overlong forms, surrogates and values past U+10FFFF are not UTF-8.
  if ((n == 2 && cp < 0x80) || (n == 3 && cp < 0x800) || (n == 4 && cp < 0x10000) ||
      (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF)
    return 0;
  return n;
}

// The scan goes a block at a time: sixteen bytes with SSE2, else a word of eight. A block is
// stored whole to the output (the bound leaves room for it), which then moves on past its bytes
// that stand as they are. SpecialBits marks the bytes that do not: a control byte, '"', '\\' or
// a byte of a multi-byte sequence (which must be checked as UTF-8); FirstSpecial is the index of
// the first marked byte. A tail block holds the last 0-15 (0-7) bytes, zeros above them, which
// are marked as control bytes: the tail's bits are never all clear.
#if defined(__SSE2__)
using Block = __m128i;
using Bits = uint32_t;  // bit k for byte k
constexpr size_t kBlockSize = 16;

inline Block LoadBlock(const char* p) {
  return _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
}
inline void StoreBlock(Block b, char* p) { _mm_storeu_si128(reinterpret_cast<__m128i*>(p), b); }

// The bytes s[i, n) (n - i < 16) without reading outside s: two words, put together.
inline Block TailBlock(std::string_view s, size_t i) {
  const size_t left = s.size() - i;
  if (left < 8) return _mm_cvtsi64_si128(static_cast<long long>(TailWord(s, i)));
  uint64_t low;
  std::memcpy(&low, s.data() + i, 8);
  const uint64_t high = TailWord(s, i + 8);
  return _mm_set_epi64x(static_cast<long long>(high), static_cast<long long>(low));
}

// Compared as signed bytes, the control bytes and those from 0x80 up are exactly the ones below
// 0x20.
inline Bits SpecialBits(Block b) {
  const __m128i low = _mm_cmplt_epi8(b, _mm_set1_epi8(0x20));
  const __m128i quote = _mm_cmpeq_epi8(b, _mm_set1_epi8('"'));
  const __m128i backslash = _mm_cmpeq_epi8(b, _mm_set1_epi8('\\'));
  return static_cast<Bits>(_mm_movemask_epi8(_mm_or_si128(low, _mm_or_si128(quote, backslash))));
}
inline size_t FirstSpecial(Bits bits) { return static_cast<size_t>(std::countr_zero(bits)); }
#else
using Block = uint64_t;
using Bits = uint64_t;  // the high bit of byte k
constexpr size_t kBlockSize = 8;

inline Block LoadBlock(const char* p) {
  uint64_t w;
  std::memcpy(&w, p, 8);
  return w;
}
inline void StoreBlock(Block b, char* p) { std::memcpy(p, &b, 8); }
inline Block TailBlock(std::string_view s, size_t i) { return TailWord(s, i); }
inline Bits SpecialBits(Block b) { return SpecialBytes(b); }
inline size_t FirstSpecial(Bits bits) { return static_cast<size_t>(std::countr_zero(bits)) / 8; }
#endif

// Writes the escape of `c` (a control byte, '"' or '\\') to `p`; returns the end.
char* WriteEscape(unsigned char c, char* p) {
  static constexpr char kHex[] = "0123456789abcdef";
  char named = 0;
  switch (c) {
    case '"': named = '"'; break;
    case '\\': named = '\\'; break;
    case '\b': named = 'b'; break;
    case '\f': named = 'f'; break;
    case '\n': named = 'n'; break;
    case '\r': named = 'r'; break;
    case '\t': named = 't'; break;
    default: break;
  }
  *p++ = '\\';
  if (named != 0) {
    *p++ = named;
    return p;
  }
  std::memcpy(p, "u00", 3);
  p[3] = kHex[c >> 4];
  p[4] = kHex[c & 0xF];
  return p + 5;
}

// What goes between the quotes of the JSON string of `s`, which is not valid UTF-8: nlohmann
// applies its replacement rules to the whole string. Rare, and kept out of the hot path.
[[gnu::noinline, gnu::cold]] char* WriteReplaced(std::string_view s, char* p) {
  const std::string quoted = nlohmann::ordered_json(std::string(s)).dump(
      -1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
  std::memcpy(p, quoted.data() + 1, quoted.size() - 2);
  return p + quoted.size() - 2;
}

// Copies s[i, ...) to p up to its first byte that does not stand as it is, or up to its end;
// moves i and p on past what it copied.
inline void CopyPlain(std::string_view s, size_t& i, char*& p) {
  const size_t n = s.size();
  Bits special;
  for (;;) {
    if (i + kBlockSize <= n) {
      const Block b = LoadBlock(s.data() + i);
      special = SpecialBits(b);
      StoreBlock(b, p);
      if (special == 0) {
        i += kBlockSize;
        p += kBlockSize;
        continue;
      }
    } else {
      const Block b = TailBlock(s, i);
      special = SpecialBits(b);
      StoreBlock(b, p);
    }
    break;
  }
  const size_t k = FirstSpecial(special);
  i += k;
  p += k;
}

// The content from s[i] on, a byte that does not stand as it is, written to p; `start` is where
// the content began. Out of line: the common string never comes here, and the scan that does
// not call it needs fewer registers saved.
[[gnu::noinline]] char* WriteFromSpecial(std::string_view s, size_t i, char* p, char* start) {
  const size_t n = s.size();
  while (i < n) {
    const unsigned char c = s[i];
    if (c >= 0x80) {
      const size_t len = ValidSequenceLength(s, i);
      if (len == 0) return WriteReplaced(s, start);
      for (size_t e = i + len; i < e; ++i) *p++ = s[i];
    } else {
      p = WriteEscape(c, p);
      ++i;
    }
    CopyPlain(s, i, p);
  }
  return p;
}

}  // namespace

char* json_string_internal::WriteLongUnsigned(uint64_t n, char* p) {
  return std::to_chars(p, p + 20, n).ptr;
}

char* json_string_internal::WriteContentByBlocks(std::string_view s, char* p) {
  char* const start = p;
  size_t i = 0;
  CopyPlain(s, i, p);
  if (i >= s.size()) return p;  // most strings: nothing to escape or check
  return WriteFromSpecial(s, i, p, start);
}

void AppendJsonStringContent(std::string_view s, std::string& out) {
  char buffer[1536];  // room for strings of up to 253 bytes
  if (JsonStringContentBound(s.size()) <= sizeof buffer) {
    out.append(buffer, WriteJsonStringContent(s, buffer));
    return;
  }
  const size_t at = out.size();
  out.resize(at + JsonStringContentBound(s.size()));
  out.resize(WriteJsonStringContent(s, out.data() + at) - out.data());
}

void AppendJsonString(std::string_view s, std::string& out) {
  char buffer[1536];
  if (JsonStringContentBound(s.size()) + 2 <= sizeof buffer) {
    char* p = buffer;
    *p++ = '"';
    p = WriteJsonStringContent(s, p);
    *p++ = '"';
    out.append(buffer, p);
    return;
  }
  out.push_back('"');
  AppendJsonStringContent(s, out);
  out.push_back('"');
}

}  // namespace accord
