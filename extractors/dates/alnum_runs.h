// The runs of ASCII letters and the runs of ASCII digits of a text, in order: the words that the
// trigger scan (date_triggers.cc) looks at. Sixty-four bytes at a time are sorted into a bit
// mask of letters and one of digits (sixteen bytes a step with SSE2), and the runs are read off
// the masks, so that the bytes of a text cost no step each: the scan visits every word of every
// article.
#pragma once

#include <bit>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>

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
  for (int k = 0; k < 64; k += 16) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + k));
    const __m128i letter =
        _mm_cmplt_epi8(_mm_add_epi8(_mm_or_si128(v, case_bit), to_letters), letter_bound);
    const __m128i digit = _mm_cmplt_epi8(_mm_add_epi8(v, to_digits), digit_bound);
    m.letters |= static_cast<uint64_t>(static_cast<uint16_t>(_mm_movemask_epi8(letter))) << k;
    m.digits |= static_cast<uint64_t>(static_cast<uint16_t>(_mm_movemask_epi8(digit))) << k;
  }
#else
  for (int k = 0; k < 64; ++k) {
    const char folded = static_cast<char>(p[k] | 0x20);
    m.letters |= static_cast<uint64_t>(folded >= 'a' && folded <= 'z') << k;
    m.digits |= static_cast<uint64_t>(p[k] >= '0' && p[k] <= '9') << k;
  }
#endif
  return m;
}

// Calls on_run(begin, end, digits) for each maximal run of ASCII letters (digits false) and of
// ASCII digits (digits true) of `text`, in order.
template <typename OnRun>
void ForEachAlnumRun(std::string_view text, OnRun&& on_run) {
  const size_t n = text.size();
  uint64_t letter_carry = 0, digit_carry = 0;  // the last byte of the block before is one
  for (size_t base = 0; base < n; base += 64) {
    AlnumMasks m;
    if (n - base >= 64) {
      m = ClassifyBlock(text.data() + base);
    } else {  // the bytes past the end count as neither
      char padded[64] = {};
      std::memcpy(padded, text.data() + base, n - base);
      m = ClassifyBlock(padded);
    }
    // A run that goes on from the block before begins no run here.
    uint64_t starts = (m.letters & ~((m.letters << 1) | letter_carry)) |
                      (m.digits & ~((m.digits << 1) | digit_carry));
    letter_carry = m.letters >> 63;
    digit_carry = m.digits >> 63;
    while (starts != 0) {
      const int at = std::countr_zero(starts);
      starts &= starts - 1;
      const bool digits = ((m.digits >> at) & 1) != 0;
      const size_t begin = base + static_cast<size_t>(at);
      const uint64_t others = ~(digits ? m.digits : m.letters) >> at;
      size_t end;
      if (others != 0) {
        end = begin + static_cast<size_t>(std::countr_zero(others));
      } else {  // the run goes on past the block: rare enough for a byte loop
        end = base + 64;
        auto same = [digits](char c) {
          const char folded = static_cast<char>(c | 0x20);
          return digits ? c >= '0' && c <= '9' : folded >= 'a' && folded <= 'z';
        };
        while (end < n && same(text[end])) ++end;
      }
      on_run(begin, end, digits);
    }
  }
}

}  // namespace accord::dates
