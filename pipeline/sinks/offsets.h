// Byte offsets -> code-point offsets for the sinks, in one pass over a document's entities.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "pipeline/utf8.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace accord {

// Converts byte offsets of one text to code-point offsets. Up to the text's first non-ASCII byte
// the two are equal; past it, lookups in increasing order cost the bytes between them (entities
// are sorted by start, so one document costs one pass over its text); a lookup behind the
// previous one restarts from that first non-ASCII byte. No allocation.
class CodePointCursor {
 public:
  explicit CodePointCursor(std::string_view text) : text_(text) {}
  size_t ToCodePoint(size_t byte_offset) {
    if (byte_offset > text_.size()) byte_offset = text_.size();
    if (byte_offset <= AsciiPrefix()) return byte_offset;
    if (byte_offset < byte_ || byte_ < ascii_) byte_ = cp_ = ascii_;
    if (end_byte_ > byte_ && end_byte_ <= byte_offset) {  // on from the last end looked up
      byte_ = end_byte_;
      cp_ = end_cp_;
    }
    cp_ += Count(byte_, byte_offset);
    byte_ = byte_offset;
    return cp_;
  }
  // The code-point offset of `end_byte`, given the code-point offset of `begin_byte` <= end_byte;
  // remembered, so that a next lookup at or after end_byte (the next entity's start) does not
  // count this entity's bytes again.
  size_t ToCodePointFrom(size_t begin_byte, size_t begin_cp, size_t end_byte) {
    if (end_byte > text_.size()) end_byte = text_.size();
    if (end_byte <= AsciiPrefix()) return end_byte;
    end_byte_ = end_byte;
    end_cp_ = begin_cp + Count(begin_byte, end_byte);
    return end_cp_;
  }

 private:
  // The code points of text_[begin, end). Most entities are short and ASCII: where sixteen bytes
  // of the text end at `end` and none of the range's bytes has its high bit set, the count is the
  // length, without the call.
  size_t Count(size_t begin, size_t end) const {
#if defined(__SSE2__)
    const size_t n = end - begin;
    if (n <= 16 && end >= 16) {
      const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(text_.data() + end - 16));
      const unsigned high = static_cast<unsigned>(_mm_movemask_epi8(v));  // bit k: byte k >= 0x80
      if ((high >> (16 - n)) == 0) return n;  // only the range's bits are left
    }
#endif
    return utf8::CodePointCount(text_, begin, end);
  }

  // The length of the text's ASCII prefix, found (sixteen or eight bytes a step) on first use.
  size_t AsciiPrefix() {
    if (ascii_ == kUnknown) ascii_ = utf8::AsciiPrefix(text_);
    return ascii_;
  }

  static constexpr size_t kUnknown = ~size_t{0};
  std::string_view text_;
  size_t ascii_ = kUnknown;
  size_t byte_ = 0;
  size_t cp_ = 0;
  size_t end_byte_ = 0;  // the last ToCodePointFrom: end_byte and its code-point offset
  size_t end_cp_ = 0;
};

}  // namespace accord
