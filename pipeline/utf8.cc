#include "pipeline/utf8.h"

#include <bit>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace accord::utf8 {

char32_t Next(std::string_view s, size_t& i) {
  const unsigned char c = s[i];
  const int n = SequenceLength(c);
  if (n == 1 || i + n > s.size()) {
    ++i;
    return c < 0x80 ? c : 0xFFFD;
  }
  char32_t cp = c & (0xFF >> (n + 1));
  for (int k = 1; k < n; ++k) {
    const unsigned char d = s[i + k];
    if ((d & 0xC0) != 0x80) {
      ++i;
      return 0xFFFD;
    }
    cp = (cp << 6) | (d & 0x3F);
  }
  i += n;
  return cp;
}

void Append(char32_t cp, std::string& out) {
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

size_t AsciiPrefix(std::string_view s) {
  size_t i = 0;
#if defined(__SSE2__)
  // Sixteen bytes a step: movemask gathers the high bits.
  for (; i + 16 <= s.size(); i += 16) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s.data() + i));
    const unsigned high = static_cast<unsigned>(_mm_movemask_epi8(v));
    if (high != 0) return i + static_cast<size_t>(std::countr_zero(high));
  }
#endif
  for (uint64_t w; i + 8 <= s.size(); i += 8) {
    std::memcpy(&w, s.data() + i, 8);
    if ((w & 0x8080808080808080ull) != 0) break;
  }
  while (i < s.size() && static_cast<unsigned char>(s[i]) < 0x80) ++i;
  return i;
}

bool IsValid(std::string_view s) {
  size_t i = 0;
  while (i < s.size()) {
    // ASCII, the common case, skipped sixteen bytes a step (SSE2), then eight.
#if defined(__SSE2__)
    while (i + 16 <= s.size() &&
           _mm_movemask_epi8(_mm_loadu_si128(reinterpret_cast<const __m128i*>(s.data() + i))) == 0)
      i += 16;
#endif
    uint64_t w;
    while (i + 8 <= s.size() && (std::memcpy(&w, s.data() + i, 8), (w & 0x8080808080808080ull) == 0))
      i += 8;
    if (i >= s.size()) break;
    const unsigned char c = s[i];
    if (c < 0x80) { ++i; continue; }
    const int n = SequenceLength(c);
    if (n == 1 || i + n > s.size()) return false;
    char32_t cp = c & (0xFF >> (n + 1));
    for (int k = 1; k < n; ++k) {
      const unsigned char d = s[i + k];
      if ((d & 0xC0) != 0x80) return false;
      cp = (cp << 6) | (d & 0x3F);
    }
    // Overlong forms, surrogates and values past U+10FFFF are not UTF-8.
    if ((n == 2 && cp < 0x80) || (n == 3 && cp < 0x800) || (n == 4 && cp < 0x10000) ||
        (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF)
      return false;
    i += n;
  }
  return true;
}

namespace {

// Code points of s[i, n) counted eight bytes at a time: bytes minus continuation bytes
// (10xxxxxx). A continuation byte leaves a 1 in its byte of `ones`, and multiplying by 0x0101...
// sums the eight bytes into the top one (std::popcount is a library call on the baseline x86-64
// target).
size_t CountByWords(std::string_view s, size_t i) {
  const size_t n = s.size();
  constexpr uint64_t kHigh = 0x8080808080808080ull, kSecond = 0x4040404040404040ull;
  constexpr uint64_t kOnes = 0x0101010101010101ull;
  size_t continuations = 0;
  const size_t size = n - i;
  for (; i + 8 <= n; i += 8) {
    uint64_t w;
    std::memcpy(&w, s.data() + i, 8);
    const uint64_t ones = ((w & kHigh) & ~((w & kSecond) << 1)) >> 7;
    continuations += (ones * kOnes) >> 56;
  }
  if (i < n && n >= 8) {
    // The last 1-7 bytes: the last word, shifted so that only they are left (zeros come in).
    uint64_t w;
    std::memcpy(&w, s.data() + n - 8, 8);
    w >>= 8 * (8 - (n - i));
    const uint64_t ones = ((w & kHigh) & ~((w & kSecond) << 1)) >> 7;
    return size - continuations - ((ones * kOnes) >> 56);
  }
  for (; i < n; ++i) continuations += (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80;
  return size - continuations;
}

}  // namespace

size_t CodePointCount(std::string_view s) { return CodePointCount(s, 0, s.size()); }

size_t CodePointCount(std::string_view text, size_t begin, size_t end) {
#if defined(__SSE2__)
  if (end >= 16) {
    // Sixteen bytes a step. Compared as signed bytes, the continuation bytes (0x80-0xBF) are
    // exactly the ones below -64 (0xC0); each step subtracts its compare (-1 in a continuation
    // byte's lane) from per-lane counters, which _mm_sad_epu8 sums before any can pass 255.
    const __m128i below = _mm_set1_epi8(-64), zero = _mm_setzero_si128();
    auto sum = [&](__m128i counts) {
      const __m128i sums = _mm_sad_epu8(counts, zero);
      return static_cast<size_t>(_mm_cvtsi128_si64(sums)) +
             static_cast<size_t>(_mm_cvtsi128_si64(_mm_unpackhi_epi64(sums, sums)));
    };
    size_t continuations = 0, i = begin;
    while (i + 16 <= end) {
      __m128i counts = zero;
      for (int step = 0; step < 255 && i + 16 <= end; ++step, i += 16) {
        const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(text.data() + i));
        counts = _mm_sub_epi8(counts, _mm_cmplt_epi8(v, below));
      }
      continuations += sum(counts);
    }
    if (i < end) {
      // The last 1-15 bytes: the sixteen bytes of text that end with them, the lanes of the
      // bytes before i cleared (sixteen bytes of kKeepFrom from index end - i keep lanes
      // 16 - (end - i) and up).
      static constexpr unsigned char kKeepFrom[32] = {
          0,    0,    0,    0,    0,    0,    0,    0,
          0,    0,    0,    0,    0,    0,    0,    0,
          0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
          0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF};
      const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(text.data() + end - 16));
      const __m128i keep = _mm_loadu_si128(reinterpret_cast<const __m128i*>(kKeepFrom + (end - i)));
      const __m128i ones = _mm_and_si128(_mm_cmplt_epi8(v, below), _mm_set1_epi8(1));
      continuations += sum(_mm_and_si128(ones, keep));
    }
    return end - begin - continuations;
  }
#endif
  return CountByWords(text.substr(0, end), begin);
}

CodePointIndex::CodePointIndex(std::string_view text) : cp_of_byte_(text.size() + 1) {
  uint32_t cp = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    const bool lead = (static_cast<unsigned char>(text[i]) & 0xC0) != 0x80;
    if (lead) {
      byte_of_cp_.push_back(static_cast<uint32_t>(i));
      cp_of_byte_[i] = cp++;
    } else {
      cp_of_byte_[i] = cp - 1;
    }
  }
  cp_of_byte_[text.size()] = cp;
  byte_of_cp_.push_back(static_cast<uint32_t>(text.size()));
}

size_t CodePointIndex::ToCodePoint(size_t byte_offset) const { return cp_of_byte_.at(byte_offset); }
size_t CodePointIndex::ToByte(size_t code_point_offset) const { return byte_of_cp_.at(code_point_offset); }

}  // namespace accord::utf8
