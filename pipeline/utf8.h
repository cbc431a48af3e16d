// UTF-8 helpers shared by every stage. Texts inside accord are valid UTF-8 (ingest guarantees
// it); offsets inside the pipeline are byte offsets, turned into code points only by the sinks.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace accord::utf8 {

// Length in bytes of the sequence that starts with lead byte `c` (1 for a stray byte).
inline int SequenceLength(unsigned char c) {
  if (c < 0x80) return 1;
  if ((c >> 5) == 0x6) return 2;
  if ((c >> 4) == 0xE) return 3;
  if ((c >> 3) == 0x1E) return 4;
  return 1;
}

// Decodes the code point at byte `i` and advances `i` past it (U+FFFD for a bad sequence).
char32_t Next(std::string_view s, size_t& i);

// Appends code point `cp` to `out`.
void Append(char32_t cp, std::string& out);

// True when `s` is well-formed UTF-8.
bool IsValid(std::string_view s);

// How many bytes at the start of `s` are ASCII (checked eight at a time).
size_t AsciiPrefix(std::string_view s);

// Number of code points in `s`.
size_t CodePointCount(std::string_view s);
// Number of code points in text[begin, end) (begin <= end <= text.size()). It may read bytes of
// `text` before `begin`, which makes a short range as cheap as a long one.
size_t CodePointCount(std::string_view text, size_t begin, size_t end);

// Maps byte offsets of one text to code-point offsets. Built once per document (O(n)); each
// lookup is O(1). Offsets that fall inside a sequence map to the code point that holds them.
class CodePointIndex {
 public:
  explicit CodePointIndex(std::string_view text);
  size_t ToCodePoint(size_t byte_offset) const;
  size_t ToByte(size_t code_point_offset) const;

 private:
  std::vector<uint32_t> cp_of_byte_;   // size text.size() + 1
  std::vector<uint32_t> byte_of_cp_;   // size code points + 1
};

}  // namespace accord::utf8
