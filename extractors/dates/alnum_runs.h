// The ASCII letters and digits of 64 bytes as two bit masks (sixteen bytes a step with SSE2):
// the trigger scan (date_triggers.cc) reads the runs of letters and of digits of a text, its
// words, off these masks, so that the bytes of a text cost no step each: the scan visits every
// word of every article.
#pragma once

#include <cstdint>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace accord::dates {

struct AlnumMasks {
  uint64_t letters = 0;  // bit i: byte i of the block is an ASCII letter
  uint64_t digits = 0;   // bit i: byte i of the block is an ASCII digit
};

// The masks of the 64 bytes at `p`.
inline AlnumMasks ClassifyBlock(const char* p) {
  AlnumMasks m;
#if defined(__SSE2__)
  // Folding the case bit and adding 0x80 - 'a' takes the letters, and only them, to 0x80..0x99,
  // signed the only bytes below -128 + 26; adding 0x80 - '0' takes the digits to 0x80..0x89.
  const __m128i case_bit = _mm_set1_epi8(0x20);
  const __m128i to_letters = _mm_set1_epi8(static_cast<char>(0x80 - 'a'));
  const __m128i to_digits = _mm_set1_epi8(static_cast<char>(0x80 - '0'));
  const __m128i letter_bound = _mm_set1_epi8(static_cast<char>(-128 + 26));
  const __m128i digit_bound = _mm_set1_epi8(static_cast<char>(-128 + 10));
  // The four steps written out, so that the constants stay in registers and each step's masks
  // land at their place without a shift by a loop counter.
  auto step = [&](int k) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + k));
    const __m128i letter =
        _mm_cmplt_epi8(_mm_add_epi8(_mm_or_si128(v, case_bit), to_letters), letter_bound);
    const __m128i digit = _mm_cmplt_epi8(_mm_add_epi8(v, to_digits), digit_bound);
    m.letters |= static_cast<uint64_t>(static_cast<uint16_t>(_mm_movemask_epi8(letter))) << k;
    m.digits |= static_cast<uint64_t>(static_cast<uint16_t>(_mm_movemask_epi8(digit))) << k;
  };
  step(0);
  step(16);
  step(32);
  step(48);
#else
  for (int k = 0; k < 64; ++k) {
    const char folded = static_cast<char>(p[k] | 0x20);
    m.letters |= static_cast<uint64_t>(folded >= 'a' && folded <= 'z') << k;
    m.digits |= static_cast<uint64_t>(p[k] >= '0' && p[k] <= '9') << k;
  }
#endif
  return m;
}

}  // namespace accord::dates
