// ASCII case folding of the short words coreference compares ("SANGER" and "Sanger" are one
// surname): eight bytes a step, with two overlapping steps for a word of 4 to 16 bytes, instead
// of one table look-up a byte. Only A-Z change; every other byte (digits, punctuation, the bytes
// of UTF-8 sequences) is copied as it is.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>

namespace accord::people {

namespace fold_internal {

// Sets bit 5 (0x20) of each byte of `w` that is 'A'..'Z'. A byte's low seven bits plus 0x3F
// reach 0x80 from 'A' on, plus 0x25 from past 'Z' on; neither sum carries into the next byte,
// and bytes with the high bit set are left out.
template <typename Word>
constexpr Word FoldBytes(Word w) {
  constexpr Word kOnes = static_cast<Word>(0x0101010101010101ull);
  constexpr Word kHigh = kOnes * 0x80;
  const Word x = w & (kOnes * 0x7F);
  const Word upper = (x + kOnes * (0x80 - 'A')) & ~(x + kOnes * (0x7F - 'Z')) & ~w & kHigh;
  return w | (upper >> 2);
}

template <typename Word>
void FoldChunk(const char* from, char* to) {
  Word w;
  std::memcpy(&w, from, sizeof w);
  w = FoldBytes(w);
  std::memcpy(to, &w, sizeof w);
}

}  // namespace fold_internal

// Writes `w` with A-Z lower-cased at `out` (w.size() bytes; `out` does not overlap `w`).
inline void FoldAsciiTo(std::string_view w, char* out) {
  const char* p = w.data();
  const size_t n = w.size();
  if (n >= 8) {
    for (size_t i = 0; i + 8 < n; i += 8) fold_internal::FoldChunk<uint64_t>(p + i, out + i);
    fold_internal::FoldChunk<uint64_t>(p + n - 8, out + n - 8);  // (may fold some bytes twice)
  } else if (n >= 4) {
    fold_internal::FoldChunk<uint32_t>(p, out);
    fold_internal::FoldChunk<uint32_t>(p + n - 4, out + n - 4);
  } else {
    for (size_t k = 0; k < n; ++k) {
      const char c = p[k];
      out[k] = (c >= 'A' && c <= 'Z') ? static_cast<char>(c + ('a' - 'A')) : c;
    }
  }
}

}  // namespace accord::people
