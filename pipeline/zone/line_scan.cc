#include "pipeline/zone/line_scan.h"

#include <bit>
#include <cstring>

#if defined(__x86_64__)
#include <immintrin.h>
#endif

namespace accord::zone {
namespace {

static_assert(std::endian::native == std::endian::little,
              "the lowest address must load into the lowest byte");

constexpr uint64_t kOnes = 0x0101010101010101ull;
constexpr uint64_t kHighs = kOnes * 0x80;
constexpr uint64_t kLows = kOnes * 0x7F;

inline uint64_t Load8(const char* p) {
  uint64_t v;
  std::memcpy(&v, p, 8);
  return v;
}

// The high bit of each byte of x equal to b. Exact: no addition carries across bytes.
inline uint64_t BytesEqual(uint64_t x, uint8_t b) {
  const uint64_t d = x ^ (kOnes * b);
  return ~(((d & kLows) + kLows) | d) & kHighs;
}

// The high bit of each byte of x in [lo, hi] (lo <= hi < 0x80). Exact, as BytesEqual.
inline uint64_t BytesIn(uint64_t x, uint8_t lo, uint8_t hi) {
  const uint64_t y = x & kLows;
  const uint64_t at_least_lo = y + kOnes * (0x80 - lo);
  const uint64_t above_hi = y + kOnes * (0x7F - hi);
  return at_least_lo & ~above_hi & ~x & kHighs;
}

}  // namespace

bool HasDigit(std::string_view s) {
  const size_t n = s.size();
  if (n < 8) {
    for (char c : s)
      if (c >= '0' && c <= '9') return true;
    return false;
  }
  for (size_t i = 0; i + 8 <= n; i += 8)
    if (BytesIn(Load8(s.data() + i), '0', '9') != 0) return true;
  // The last eight bytes, some of them read again.
  return BytesIn(Load8(s.data() + n - 8), '0', '9') != 0;
}

int CountWords(std::string_view s) {
  int words = 0;
  uint64_t space_before = 0x80;  // the line starts as if after a space
  size_t i = 0;
  for (; i + 8 <= s.size(); i += 8) {
    const uint64_t v = Load8(s.data() + i);
    const uint64_t space = BytesEqual(v, ' ') | BytesEqual(v, '\t');
    // A word starts at a byte that is no space, after one that is.
    const uint64_t starts = ~space & kHighs & ((space << 8) | space_before);
    words += static_cast<int>(((starts >> 7) * kOnes) >> 56);  // the number of bytes marked
    space_before = space >> 56;
  }
  bool in = space_before == 0;
  for (; i < s.size(); ++i) {
    const bool space = s[i] == ' ' || s[i] == '\t';
    words += !space && !in;
    in = !space;
  }
  return words;
}

// --- FindByteBits

namespace {

// The three bits of one 64-byte piece of text.
struct Piece {
  uint64_t trigger = 0, digit = 0, newline = 0;
};

Piece PlainPiece(const char* p) {
  Piece out;
  for (int k = 0; k < 64; ++k) {
    const uint64_t bit = uint64_t{1} << k;
    if (IsTriggerByte(p[k])) out.trigger |= bit;
    if (p[k] >= '0' && p[k] <= '9') out.digit |= bit;
    if (p[k] == '\n') out.newline |= bit;
  }
  return out;
}

#if defined(__x86_64__)
Piece Sse2Piece(const char* p) {
  Piece out;
  for (int half = 0; half < 4; ++half) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + 16 * half));
    auto eq = [&](__m128i x, char c) { return _mm_cmpeq_epi8(x, _mm_set1_epi8(c)); };
    // With the case bit set, "B" and "b" are both "b" (and no other byte is); the same for P, M.
    const __m128i folded = _mm_or_si128(v, _mm_set1_epi8(0x20));
    __m128i hit = _mm_or_si128(_mm_or_si128(eq(folded, 'b'), eq(folded, 'p')), eq(folded, 'm'));
    hit = _mm_or_si128(hit, _mm_or_si128(eq(v, '/'), eq(v, '@')));
    hit = _mm_or_si128(hit, _mm_or_si128(eq(v, '|'), eq(v, '\'')));
    hit = _mm_or_si128(hit, _mm_or_si128(eq(v, ':'), eq(v, '.')));
    hit = _mm_or_si128(hit, _mm_or_si128(eq(v, '-'), eq(v, 'I')));
    const __m128i newline = eq(v, '\n');
    hit = _mm_or_si128(hit, newline);
    // Digits: byte - '0' at most 9, unsigned.
    const __m128i d = _mm_sub_epi8(v, _mm_set1_epi8('0'));
    const __m128i is_digit = _mm_cmpeq_epi8(_mm_min_epu8(d, _mm_set1_epi8(9)), d);
    const int shift = 16 * half;
    // The bytes beyond ASCII are the ones with the high bit, which movemask reads.
    out.trigger |= uint64_t(uint32_t(_mm_movemask_epi8(hit) | _mm_movemask_epi8(v))) << shift;
    out.digit |= uint64_t(uint32_t(_mm_movemask_epi8(is_digit))) << shift;
    out.newline |= uint64_t(uint32_t(_mm_movemask_epi8(newline))) << shift;
  }
  return out;
}

// The ASCII trigger bytes as two tables of sixteen bytes, indexed by a byte's low and its high
// half: bit h of low[l] is set when the byte 16h + l is a trigger (h < 8), and high[h] is bit h
// (zero for h >= 8: those bytes are beyond ASCII, all triggers, read off their high bit). A byte
// is an ASCII trigger exactly when low[its low half] & high[its high half] is not zero.
struct NibbleTables {
  constexpr NibbleTables() {
    for (int c = 0; c < 0x80; ++c)
      if (kTriggerTable.trigger[c]) low[c & 15] = static_cast<char>(low[c & 15] | (1 << (c >> 4)));
    for (int h = 0; h < 8; ++h) high[h] = static_cast<char>(1 << h);
  }
  char low[16] = {}, high[16] = {};
};
constexpr NibbleTables kNibbles;

__attribute__((target("avx2"))) inline void Avx2Half(const char* p, uint32_t* trigger,
                                                     uint32_t* digit, uint32_t* newline) {
  const __m128i low128 = _mm_loadu_si128(reinterpret_cast<const __m128i*>(kNibbles.low));
  const __m128i high128 = _mm_loadu_si128(reinterpret_cast<const __m128i*>(kNibbles.high));
  // vpshufb looks up within each 16-byte lane: the same table in both.
  const __m256i low_table = _mm256_broadcastsi128_si256(low128);
  const __m256i high_table = _mm256_broadcastsi128_si256(high128);
  const __m256i nibble = _mm256_set1_epi8(0x0F);
  const __m256i v = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(p));
  const __m256i low = _mm256_shuffle_epi8(low_table, _mm256_and_si256(v, nibble));
  const __m256i high =
      _mm256_shuffle_epi8(high_table, _mm256_and_si256(_mm256_srli_epi16(v, 4), nibble));
  const __m256i none = _mm256_cmpeq_epi8(_mm256_and_si256(low, high), _mm256_setzero_si256());
  *trigger = ~static_cast<uint32_t>(_mm256_movemask_epi8(none)) |
             static_cast<uint32_t>(_mm256_movemask_epi8(v));
  const __m256i d = _mm256_sub_epi8(v, _mm256_set1_epi8('0'));
  const __m256i is_digit = _mm256_cmpeq_epi8(_mm256_min_epu8(d, _mm256_set1_epi8(9)), d);
  *digit = static_cast<uint32_t>(_mm256_movemask_epi8(is_digit));
  const __m256i is_newline = _mm256_cmpeq_epi8(v, _mm256_set1_epi8('\n'));
  *newline = static_cast<uint32_t>(_mm256_movemask_epi8(is_newline));
}

__attribute__((target("avx2"))) Piece Avx2Piece(const char* p) {
  uint32_t t[2], d[2], nl[2];
  Avx2Half(p, &t[0], &d[0], &nl[0]);
  Avx2Half(p + 32, &t[1], &d[1], &nl[1]);
  return {t[0] | uint64_t{t[1]} << 32, d[0] | uint64_t{d[1]} << 32, nl[0] | uint64_t{nl[1]} << 32};
}
#endif

template <Piece (*piece)(const char*)>
void FindBits(std::string_view text, ByteBits* bits) {
  const size_t words = (text.size() + 63) / 64;
  for (std::vector<uint64_t>* v : {&bits->trigger, &bits->digit, &bits->newline}) {
    v->resize(words + 1);
    v->back() = 0;  // the word after the text's, for BitsFrom
  }
  auto put = [&](size_t w, const Piece& found) {
    bits->trigger[w] = found.trigger;
    bits->digit[w] = found.digit;
    bits->newline[w] = found.newline;
  };
  size_t w = 0;
  for (; 64 * w + 64 <= text.size(); ++w) put(w, piece(text.data() + 64 * w));
  if (w < words) {
    // The last piece, padded with zero bytes: no trigger, digit or newline.
    char last[64] = {};
    std::memcpy(last, text.data() + 64 * w, text.size() - 64 * w);
    put(w, piece(last));
  }
}

#if defined(__x86_64__)
// FindBits with Avx2Piece inlined into its loop: flatten inlines the whole call tree, and only a
// function compiled for AVX2 may take in Avx2Piece.
__attribute__((target("avx2"), flatten)) void FindBitsAvx2(std::string_view text, ByteBits* bits) {
  FindBits<Avx2Piece>(text, bits);
}
#endif

}  // namespace

bool ByteScanAvailable(ByteScan how) {
  switch (how) {
    case ByteScan::kPlain:
    case ByteScan::kBest:
      return true;
#if defined(__x86_64__)
    case ByteScan::kSse2:
      return true;
    case ByteScan::kAvx2: {
      static const bool avx2 = __builtin_cpu_supports("avx2");
      return avx2;
    }
#endif
    default:
      return false;
  }
}

void FindByteBits(std::string_view text, ByteBits* bits, ByteScan how) {
  if (how == ByteScan::kBest)
    how = ByteScanAvailable(ByteScan::kAvx2)   ? ByteScan::kAvx2
          : ByteScanAvailable(ByteScan::kSse2) ? ByteScan::kSse2
                                               : ByteScan::kPlain;
  switch (how) {
#if defined(__x86_64__)
    case ByteScan::kAvx2: return FindBitsAvx2(text, bits);
    case ByteScan::kSse2: return FindBits<Sse2Piece>(text, bits);
#endif
    default: return FindBits<PlainPiece>(text, bits);
  }
}

}  // namespace accord::zone
