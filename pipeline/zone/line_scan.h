// Facts about one line that zoning asks for again and again, read eight bytes at a time (SWAR:
// each byte of a uint64_t, the lowest address in the lowest byte). Each function gives exactly
// the answer of the plain byte loop written in its comment; tests/unit/zone_test.cc compares
// the two on many lines.
#pragma once

#include <cstdint>
#include <string_view>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace accord::zone {

// Any byte of `s` is an ASCII digit: `for (c : s) if ('0' <= c && c <= '9') return true`.
bool HasDigit(std::string_view s);

// The number of words of `s`, a word being a run of bytes other than ' ' and '\t':
// `for (c : s) { sp = c == ' ' || c == '\t'; if (!sp && !in) ++w; in = !sp; }`.
int CountWords(std::string_view s);

// The bytes the prefilter of the line rules stops at (line_rules.cc MatchCheaply): every byte
// beyond ASCII and the ASCII bytes of "/@bB|pP':.-ImM\n".
struct TriggerTable {
  constexpr TriggerTable() {
    for (int c = 0x80; c < 0x100; ++c) trigger[c] = true;
    for (char c : std::string_view("/@bB|pP':.-ImM\n")) trigger[static_cast<unsigned char>(c)] = true;
  }
  bool trigger[256] = {};
};
inline constexpr TriggerTable kTriggerTable;
inline bool IsTriggerByte(char c) { return kTriggerTable.trigger[static_cast<unsigned char>(c)]; }

// The trigger bytes of line[base, min(base + 16, line.size())), base < line.size(): bit k set
// when line[base + k] is one, and *digit set when one of those bytes is an ASCII digit. Sixteen
// bytes at a time (SSE2), the same as the byte loop
// `for (k < min(16, n - base)) { if (IsTriggerByte(line[base + k])) bits |= 1 << k;
//                                 if (line[base + k] is a digit) *digit = true; }`.
inline uint32_t TriggerBits16(std::string_view line, size_t base, bool* digit) {
  const size_t n = line.size();
#if defined(__SSE2__)
  if (n >= 16) {
    // Near the end, the last sixteen bytes of the line, the bits of the ones before base
    // shifted out: no load reads past the line.
    const size_t at = base + 16 <= n ? base : n - 16;
    const unsigned skip = static_cast<unsigned>(base - at);
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(line.data() + at));
    auto eq = [&](__m128i x, char c) { return _mm_cmpeq_epi8(x, _mm_set1_epi8(c)); };
    // With the case bit set, "B" and "b" are both "b" (and no other byte is); the same for P, M.
    const __m128i folded = _mm_or_si128(v, _mm_set1_epi8(0x20));
    __m128i hit = _mm_or_si128(_mm_or_si128(eq(folded, 'b'), eq(folded, 'p')), eq(folded, 'm'));
    hit = _mm_or_si128(hit, _mm_or_si128(eq(v, '/'), eq(v, '@')));
    hit = _mm_or_si128(hit, _mm_or_si128(eq(v, '|'), eq(v, '\'')));
    hit = _mm_or_si128(hit, _mm_or_si128(eq(v, ':'), eq(v, '.')));
    hit = _mm_or_si128(hit, _mm_or_si128(eq(v, '-'), eq(v, 'I')));
    hit = _mm_or_si128(hit, eq(v, '\n'));
    // Digits: byte - '0' at most 9, unsigned.
    const __m128i d = _mm_sub_epi8(v, _mm_set1_epi8('0'));
    const __m128i is_digit = _mm_cmpeq_epi8(_mm_min_epu8(d, _mm_set1_epi8(9)), d);
    if ((static_cast<unsigned>(_mm_movemask_epi8(is_digit)) >> skip) != 0) *digit = true;
    // The bytes beyond ASCII are the ones with the high bit, which movemask reads.
    return static_cast<uint32_t>(_mm_movemask_epi8(hit) | _mm_movemask_epi8(v)) >> skip;
  }
#endif
  uint32_t bits = 0;
  for (size_t k = 0; base + k < n && k < 16; ++k) {
    const char c = line[base + k];
    if (IsTriggerByte(c)) bits |= 1u << k;
    if (c >= '0' && c <= '9') *digit = true;
  }
  return bits;
}

}  // namespace accord::zone
