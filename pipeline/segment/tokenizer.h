// The tokenizer of the segment stage: a hand loop over UTF-8 (ICU's character properties per code
// point, no conversion), fast enough for whole archives.
//
// Token rules (examples in tests/unit/segment_tokenizer_test.cc):
//   word             letters, digits and combining marks: "Sanger", "1990s", "Telefónica"
//   inner-hyphen     a hyphen between letters or digits stays inside: "Hewlett-Packard", "F-16"
//   inner-apostrophe an apostrophe between letters stays inside: "O'Brien", "don't"
//   possessive       "'s" after a word is its own token: "Smith" "'s"
//   dotted-initials  single letters joined by periods keep them, the last one too: "U.S.",
//                    "N.S.A.", "e.g."; a lone initial keeps none: "E" "."
//   number           digits with inner "," "." ":" "/" between digits: "1,000", "3.5", "10:30",
//                    "4/17/2018"
//   ampersand        "&" between capital letters stays inside: "AT&T"
//   punct            any other character is one token; runs of one ASCII mark stay together:
//                    "--", "..."
// Flags: kWord (has a letter), kNumber (starts with a digit), kPunct, kCapitalized (first letter
// upper or title case), kAllCaps (two or more letters, all upper case). kSentenceStart and
// kLineStart are set by the segment stage.
#pragma once

#include <string_view>
#include <vector>

#include "pipeline/document.h"

namespace accord {

// Appends the tokens of `text` to `out` (offsets into `text`).
void Tokenize(std::string_view text, std::vector<Token>& out);

}  // namespace accord
