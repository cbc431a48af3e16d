#include "pipeline/zone/line_scan.h"

#include <bit>
#include <cstring>

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

}  // namespace accord::zone
