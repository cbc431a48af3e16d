// OffsetMap: the first-class link between a normalized copy of a text and the raw text.
//
// Normalization (unwrapping lines, dropping quote marks, folding quotes) builds a new string
// byte by byte; for every byte it appends, it records the raw byte range that produced it. A span
// [b, e) of the normalized copy maps back to [raw_begin(b), raw_end(e - 1)) of the raw text,
// so an entity found on the copy is emitted with offsets into the raw text, where
// text[start:end] holds whatever the raw text has there (newlines, quote marks, curly quotes).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace accord {

class NormalizedText {
 public:
  const std::string& text() const { return text_; }
  size_t size() const { return text_.size(); }

  // Appends `s`, all of whose bytes come from raw bytes [raw_begin, raw_end).
  void Append(std::string_view s, uint32_t raw_begin, uint32_t raw_end);
  // Appends raw bytes [raw_begin, raw_begin + s.size()) unchanged, one byte for one byte.
  void AppendVerbatim(std::string_view s, uint32_t raw_begin);

  // The raw range of normalized bytes [begin, end); begin < end <= size().
  std::pair<uint32_t, uint32_t> ToRaw(uint32_t begin, uint32_t end) const {
    return {raw_begin_[begin], raw_end_[end - 1]};
  }
  uint32_t RawBegin(uint32_t i) const { return raw_begin_[i]; }
  uint32_t RawEnd(uint32_t i) const { return raw_end_[i]; }

  void Clear();

 private:
  std::string text_;
  std::vector<uint32_t> raw_begin_;
  std::vector<uint32_t> raw_end_;
};

}  // namespace accord
