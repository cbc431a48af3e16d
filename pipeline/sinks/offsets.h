// Byte offsets -> code-point offsets for the sinks, in one pass over a document's entities.
#pragma once

#include <cstddef>
#include <string_view>

#include "pipeline/utf8.h"

namespace accord {

// Converts byte offsets of one text to code-point offsets. Lookups in increasing order cost the
// bytes between them (entities are sorted by start, so one document costs one pass over its
// text); a lookup behind the previous one restarts from the beginning. No allocation.
class CodePointCursor {
 public:
  explicit CodePointCursor(std::string_view text) : text_(text) {}
  size_t ToCodePoint(size_t byte_offset) {
    if (byte_offset > text_.size()) byte_offset = text_.size();
    if (byte_offset < byte_) byte_ = cp_ = 0;
    cp_ += utf8::CodePointCount(text_.substr(byte_, byte_offset - byte_));
    byte_ = byte_offset;
    return cp_;
  }
  // The code-point offset of `end_byte`, given the code-point offset of `begin_byte` <= end_byte;
  // leaves the cursor where it was.
  size_t ToCodePointFrom(size_t begin_byte, size_t begin_cp, size_t end_byte) const {
    if (end_byte > text_.size()) end_byte = text_.size();
    return begin_cp + utf8::CodePointCount(text_.substr(begin_byte, end_byte - begin_byte));
  }

 private:
  std::string_view text_;
  size_t byte_ = 0;
  size_t cp_ = 0;
};

}  // namespace accord
