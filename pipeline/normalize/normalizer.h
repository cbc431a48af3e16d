// The text normalizer behind the normalize stage: turns one raw span of a message body into
// clean running text, appending it to a NormalizedText whose map leads every byte back to raw.
//
// What it does, rule by rule (each rule is named in the tests, tests/unit/normalize_test.cc):
//   unwrap-lines       a single line break inside a paragraph, with the spaces around it, becomes
//                      one space mapped to that raw whitespace
//   paragraph-break    one or more blank lines become "\n\n"
//   quote-prefix       in a quoted zone, "> ", ">>", "> > " at a line start are dropped
//   hyphen-at-break    "recently-\nsplit" joins to "recently-split" (the hyphen is kept: without a
//                      dictionary "manu-\nfacturer" cannot be told from a real compound)
//   collapse-spaces    runs of spaces and tabs inside a line become one space
//   fold-quotes        ‘ ’ ‚ ‛ → '   “ ” „ ‟ → "   ‐ ‑ → -   … → ...
//   fold-spaces        NBSP and the other Unicode spaces → space
//   drop-invisible     soft hyphen, zero-width space, word joiner, BOM are dropped
//   nfc                ICU NFC (combining marks composed with their base letter)
//   nfkc-safe          NFKC only for full-width ASCII forms and Latin ligatures (ﬁ → fi)
#pragma once

#include <cstdint>
#include <string_view>

#include "pipeline/offset_map.h"

namespace accord {

struct NormalizeOptions {
  bool quoted = false;  // drop "> " quote prefixes at line starts
  // Appended before the span's first byte of content when the span has any (e.g. "\n\n" between
  // zones); mapped to raw [separator_raw_begin, first content byte).
  std::string_view separator;
  uint32_t separator_raw_begin = 0;
};

// Appends the normalized form of raw[begin, end) to `out`. Nothing is appended for a span that
// holds only whitespace. Leading and trailing whitespace of the span is dropped.
// Returns the number of bytes appended.
size_t NormalizeSpan(std::string_view raw, uint32_t begin, uint32_t end,
                     const NormalizeOptions& options, NormalizedText& out);

}  // namespace accord
