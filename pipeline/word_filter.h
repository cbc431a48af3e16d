// WordFilter: a quick membership prefilter in front of a word table's hash lookup.
//
// MayContain is true for every word that was added (in any ASCII case) and false for most words
// that were not; the hash lookup behind it only runs when it says yes. It looks at the length and
// three bytes of the word (first, middle, last), ASCII case folded, so one probe costs the same
// for long words as for short ones and needs no folded copy of the word.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

namespace accord {

class WordFilter {
 public:
  void Add(std::string_view w) {
    const uint32_t slot = Slot(w);
    bits_[slot >> 6] |= uint64_t{1} << (slot & 63);
  }
  bool MayContain(std::string_view w) const { return MayContainSlot(Slot(w)); }
  // MayContain in two steps, for asking several filters about one word: the word's slot (the
  // same in every filter), then each filter about the slot.
  static uint32_t SlotOf(std::string_view w) { return Slot(w); }
  bool MayContainSlot(uint32_t slot) const { return (bits_[slot >> 6] >> (slot & 63)) & 1u; }

 private:
  static constexpr uint32_t kBits = 1u << 15;
  static uint32_t Slot(std::string_view w) {
    const size_t n = w.size();
    if (n == 0) return 0;
    // `| 0x20` lower-cases ASCII letters (and merges some punctuation pairs, harmless here).
    const uint32_t a = static_cast<unsigned char>(w[0]) | 0x20u;
    const uint32_t b = static_cast<unsigned char>(w[n - 1]) | 0x20u;
    const uint32_t c = static_cast<unsigned char>(w[n / 2]) | 0x20u;
    uint32_t h = static_cast<uint32_t>(n) * 0x9E3779B1u ^ a * 0x85EBCA77u ^ b * 0xC2B2AE3Du ^
                 c * 0x27D4EB2Fu;
    h ^= h >> 15;
    return h & (kBits - 1);
  }
  std::vector<uint64_t> bits_ = std::vector<uint64_t>(kBits / 64, 0);
};

}  // namespace accord
