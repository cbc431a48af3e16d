// Facts about the bytes of a text that zoning asks for again and again: of one line, read eight
// bytes at a time (SWAR: each byte of a uint64_t, the lowest address in the lowest byte), and of
// a whole document, one bit per byte, found in one pass (FindByteBits). Each function gives
// exactly the answer of the plain byte loop written in its comment; tests/unit/zone_test.cc
// compares the two on many lines.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

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

// One bit per byte of a text, bit k of word w for byte 64w + k: the trigger bytes
// (IsTriggerByte), the ASCII digits and the newlines. The zoner finds them in one pass over a
// document's text; its lines are then split at the newline bits and each line's rules read
// its trigger bits (LineRules::Match), with no second pass over the line's bytes.
struct ByteBits {
  std::vector<uint64_t> trigger, digit, newline;
};

// How FindByteBits reads the text. All give the bits of the plain byte loop
// `for (i < text.size()) { trigger[i] = IsTriggerByte(text[i]); digit[i] = '0' <= text[i] <= '9';
//                         newline[i] = text[i] == '\n'; }`; tests/unit/zone_test.cc compares them.
enum class ByteScan {
  kPlain,  // that byte loop
  kSse2,   // sixteen bytes at a time, by compares (SSE2; every x86-64 CPU has it)
  kAvx2,   // thirty-two bytes at a time, by a lookup of each half-byte (AVX2, when the CPU has it)
  kBest,   // the fastest of them the CPU runs
};
bool ByteScanAvailable(ByteScan how);

// Fills *bits for `text`, reusing its vectors: (text.size() + 63) / 64 words each, and a zero
// word after them for BitsFrom to read.
void FindByteBits(std::string_view text, ByteBits* bits, ByteScan how = ByteScan::kBest);

// The 64 bits of `words` from bit `pos` on, pos before the end of the text they were found for.
inline uint64_t BitsFrom(const std::vector<uint64_t>& words, size_t pos) {
  const size_t w = pos / 64, shift = pos % 64;
  // The second word shifted in two steps, the first by one: no shift by 64 when shift is 0.
  return (words[w] >> shift) | ((words[w + 1] << 1) << (63 - shift));
}
// Whether a bit of `words` in [begin, end) is set, end at most the size of their text.
inline bool AnyBit(const std::vector<uint64_t>& words, size_t begin, size_t end) {
  for (; begin < end; begin += 64) {
    uint64_t bits = BitsFrom(words, begin);
    if (end - begin < 64) bits &= (uint64_t{1} << (end - begin)) - 1;
    if (bits != 0) return true;
  }
  return false;
}

}  // namespace accord::zone
