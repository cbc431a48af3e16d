// The bytes a blank ({_} in the rule patterns, date_rules.h) may hold: spaces, tabs, line ends,
// quote marks ('>' of a quoted line) and no-break spaces. The rules' fast paths and the trigger
// scan step over them where the patterns would.
#pragma once

#include <cstddef>
#include <string_view>

namespace accord::dates {

// Past the blank bytes of `text` from `p` on (`p` itself when there are none).
inline size_t BlankBytesEnd(std::string_view text, size_t p) {
  while (p < text.size()) {
    const char c = text[p];
    if (c == ' ' || c == '\t' || c == '\n' || c == '>') {
      ++p;
    } else if (c == '\xC2' && p + 1 < text.size() && text[p + 1] == '\xA0') {
      p += 2;
    } else {
      break;
    }
  }
  return p;
}

}  // namespace accord::dates
