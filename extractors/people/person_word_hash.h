// The hash of the people maps keyed by words and short phrases (the lexicon's tables, the word
// ids of coreference). Their keys are a few bytes long and looked up once per name word, where
// Abseil's general string hash (which mixes the length and every chunk separately) costs more
// than the probe; this one reads at most two overlapping 8-byte loads for keys of up to 16 bytes
// and mixes them with 64x64->128-bit multiplies, as Abseil's own mixing does, so that both the
// low bits (the probe position) and the high bits (the control byte) spread.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>

#include <absl/strings/string_view.h>

namespace accord::people {

struct WordHash {
  using is_transparent = void;  // looks up std::string keys by view

  static uint64_t Load8(const char* p) {
    uint64_t v;
    std::memcpy(&v, p, 8);
    return v;
  }
  static uint64_t Load4(const char* p) {
    uint32_t v;
    std::memcpy(&v, p, 4);
    return v;
  }
  static uint64_t Mix(uint64_t a, uint64_t b) {
    const unsigned __int128 m = static_cast<unsigned __int128>(a) * b;
    return static_cast<uint64_t>(m) ^ static_cast<uint64_t>(m >> 64);
  }

  size_t operator()(absl::string_view s) const { return Hash(s.data(), s.size()); }

  static size_t Hash(const char* p, size_t n) {
    constexpr uint64_t kSeed = 0x9E3779B97F4A7C15ull;
    constexpr uint64_t kMul = 0xC2B2AE3D27D4EB4Full;
    uint64_t a, b;
    if (n > 16) {
      // Every whole 8 bytes but the last, then the last 16 (overlapping the loop's end).
      uint64_t h = kSeed ^ n;
      size_t i = 0;
      for (; i + 16 < n; i += 8) h = Mix(h ^ Load8(p + i), kMul);
      a = Load8(p + n - 16) ^ h;
      b = Load8(p + n - 8);
    } else if (n >= 8) {
      a = Load8(p);
      b = Load8(p + n - 8);
    } else if (n >= 4) {
      a = Load4(p);
      b = Load4(p + n - 4);
    } else if (n > 0) {
      a = (static_cast<uint64_t>(static_cast<unsigned char>(p[0])) << 16) |
          (static_cast<uint64_t>(static_cast<unsigned char>(p[n / 2])) << 8) |
          static_cast<unsigned char>(p[n - 1]);
      b = 0;
    } else {
      a = b = 0;
    }
    // The length goes in after the bytes are mixed: keys of different lengths can load the
    // same two words ("aaaaaaaaa", "aaaaaaaaaa"), and before mixing it would cancel against
    // their bytes.
    return Mix(Mix(a ^ kSeed, b ^ kMul) ^ n, kMul);
  }
};

// Equality for WordHash maps: std::string keys compare with views. Keys of up to 16 bytes
// compare by the same overlapping loads as the hash, without a call to memcmp.
struct WordEq {
  using is_transparent = void;
  bool operator()(absl::string_view a, absl::string_view b) const {
    const size_t n = a.size();
    if (n != b.size()) return false;
    const char* p = a.data();
    const char* q = b.data();
    if (n > 16) return std::memcmp(p, q, n) == 0;
    if (n >= 8) {
      return ((WordHash::Load8(p) ^ WordHash::Load8(q)) |
              (WordHash::Load8(p + n - 8) ^ WordHash::Load8(q + n - 8))) == 0;
    }
    if (n >= 4) {
      return ((WordHash::Load4(p) ^ WordHash::Load4(q)) |
              (WordHash::Load4(p + n - 4) ^ WordHash::Load4(q + n - 4))) == 0;
    }
    for (size_t i = 0; i < n; ++i)
      if (p[i] != q[i]) return false;
    return true;
  }
};

}  // namespace accord::people
