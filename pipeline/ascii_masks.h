// The ASCII letters, lower-case letters and digits of 64 bytes as bit masks, sixteen bytes a step
// with SSE2 (a plain loop where it is absent). Scanners read the extent and shape of plain ASCII
// words off them, so that the bytes of a word cost no step each: a word's end is the first clear
// bit of `letters | digits` after its start. The dates trigger scan reads its runs of letters and
// of digits this way (extractors/dates/date_triggers.cc), the name scanner its words and their
// case (extractors/people/person_tokens.cc).
#pragma once

#include <cstdint>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace accord::ascii {

struct BlockMasks {
  uint64_t letters = 0;  // bit i: byte i of the block is an ASCII letter
  uint64_t lower = 0;    // bit i: byte i is an ASCII lower-case letter (with kLower only)
  uint64_t digits = 0;   // bit i: byte i is an ASCII digit
};

// The masks of the 64 bytes at `p`; `lower` is left 0 unless kLower, for scans that never read it.
template <bool kLower>
inline BlockMasks ClassifyBlock(const void* data) {
  const unsigned char* p = static_cast<const unsigned char*>(data);
  BlockMasks m;
#if defined(__SSE2__)
  // Folding the case bit and adding 0x80 - 'a' takes the letters, and only them, to 0x80..0x99,
  // signed the only bytes below -128 + 26; adding 0x80 - '0' takes the digits to 0x80..0x89.
  // A letter is lower case when its case bit (0x20) is set.
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
    if constexpr (kLower) {
      const __m128i lower =
          _mm_and_si128(letter, _mm_cmpeq_epi8(_mm_and_si128(v, case_bit), case_bit));
      m.lower |= static_cast<uint64_t>(static_cast<uint16_t>(_mm_movemask_epi8(lower))) << k;
    }
  };
  step(0);
  step(16);
  step(32);
  step(48);
#else
  for (int k = 0; k < 64; ++k) {
    const unsigned char c = p[k];
    const bool lower = c >= 'a' && c <= 'z';
    m.letters |= static_cast<uint64_t>(lower || (c >= 'A' && c <= 'Z')) << k;
    if constexpr (kLower) m.lower |= static_cast<uint64_t>(lower) << k;
    m.digits |= static_cast<uint64_t>(c >= '0' && c <= '9') << k;
  }
#endif
  return m;
}

}  // namespace accord::ascii
