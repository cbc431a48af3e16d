// The ASCII runs of the normalizer: the stretches of a line it copies as they stand. Printable
// ASCII, control bytes other than spaces, and single spaces between them (a lone space is
// exactly what collapse-spaces would append for it); a run ends at a byte from 0x80 up, at a tab,
// CR, FF or VT, and at a space that is followed by one of those, by another space or by the end
// of the line.
#pragma once

#include <bit>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace accord::normalize {

inline bool IsAsciiSpace(unsigned char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
}

// The first index in [i, t) of raw whose byte is not printable ASCII ('!' to DEL), or t; eight
// bytes at a time. A byte below '!' shows as a borrow out of (byte - 0x21), a byte from 0x80 up
// by its high bit; a borrow can also mark a byte above a marked one, never one below, so the
// lowest marked byte is a real one.
inline size_t SkipPrintableAscii(std::string_view raw, size_t i, size_t t) {
  static_assert(std::endian::native == std::endian::little, "the word scan reads bytes low first");
  constexpr uint64_t kOnes = 0x0101010101010101ull, kHigh = 0x8080808080808080ull;
  for (; i + 8 <= t; i += 8) {
    uint64_t w;
    std::memcpy(&w, raw.data() + i, 8);
    if (const uint64_t marked = (((w - kOnes * 0x21) & ~w) | w) & kHigh)
      return i + std::countr_zero(marked) / 8;
  }
  while (i < t && static_cast<unsigned char>(raw[i]) - 0x21u < 0x5Fu) ++i;
  return i;
}

// Moves j on over bytes that certainly belong to an ASCII run of EmitContent (printable ASCII,
// and single spaces before printable ASCII), eight bytes at a time; stops at or before the
// first byte that ends the run (earlier at a control byte or a space before one, which the
// byte-by-byte steps then decide). Byte k of `other` marks a byte below 0x20 or from 0x80 up,
// exact up to the lowest marked byte (a borrow only marks bytes above it); `space` marks the
// spaces exactly; a space marks a stop when the byte after it is a space or `other`, so a space
// in the last byte of a word is left for the next word.
inline size_t SkipAsciiRunWords(std::string_view raw, size_t j, size_t t) {
#if defined(__SSE2__)
  // The same sixteen bytes a step while sixteen remain; compared as signed bytes, those below
  // 0x20 and those from 0x80 up are exactly the ones less than 0x20.
  while (j + 16 <= t) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(raw.data() + j));
    const unsigned other =
        static_cast<unsigned>(_mm_movemask_epi8(_mm_cmplt_epi8(v, _mm_set1_epi8(0x20))));
    const unsigned space =
        static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(v, _mm_set1_epi8(' '))));
    if (const unsigned stop = other | (space & ((other | space) >> 1)))
      return j + static_cast<size_t>(std::countr_zero(stop));
    j += (space >> 15) != 0 ? 15 : 16;
  }
  if (j < t && t >= 16) {
    // The last bytes, fewer than sixteen: the block that ends at t, whose bytes before j (passed
    // already, or before the run) are masked off. A space in its last byte, before t, is left
    // for the byte-by-byte steps, as above.
    const size_t b = t - 16;
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(raw.data() + b));
    const unsigned other =
        static_cast<unsigned>(_mm_movemask_epi8(_mm_cmplt_epi8(v, _mm_set1_epi8(0x20))));
    const unsigned space =
        static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(v, _mm_set1_epi8(' '))));
    const unsigned from_j = ~0u << (j - b);
    if (const unsigned stop = (other | (space & ((other | space) >> 1))) & from_j)
      return b + static_cast<size_t>(std::countr_zero(stop));
    return (space >> 15) != 0 ? t - 1 : t;
  }
#endif
  constexpr uint64_t kOnes = 0x0101010101010101ull, kHigh = 0x8080808080808080ull;
  while (j + 8 <= t) {
    uint64_t w;
    std::memcpy(&w, raw.data() + j, 8);
    const uint64_t other = (((w - kOnes * 0x20) & ~w) | w) & kHigh;
    const uint64_t x = w ^ (kOnes * ' ');
    const uint64_t space = ~(((x & ~kHigh) + ~kHigh) | x) & kHigh;
    if (const uint64_t stop = other | (space & ((other | space) >> 8)))
      return j + std::countr_zero(stop) / 8;
    j += (space >> 63) != 0 ? 7 : 8;
  }
  return j;
}

// The end of the ASCII run of raw[0, t) that goes on at j (j <= t): the first byte at or after j
// that ends a run, or t.
inline size_t AsciiRunEnd(std::string_view raw, size_t j, size_t t) {
  while (j < t) {
    j = SkipAsciiRunWords(raw, j, t);
    if (j >= t) break;
    j = SkipPrintableAscii(raw, j, t);
    if (j >= t) break;
    const unsigned char d = raw[j];
    if (d >= 0x80) break;
    if (IsAsciiSpace(d)) {
      if (d != ' ' || j + 1 >= t) break;
      const unsigned char after = raw[j + 1];
      if (after >= 0x80 || IsAsciiSpace(after)) break;
      j += 2;
      continue;
    }
    ++j;
  }
  return j;
}

}  // namespace accord::normalize
