// The token view the person rules walk: words of Document::norm with the shape and place
// features names depend on (capitalised, initial, sentence start, headline, byline, already taken
// by an earlier stage's entity). Built in one pass over the normalized text; it uses
// Document::sentences when segmentation provided them and its own sentence-end test otherwise.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "pipeline/document.h"

namespace accord::people {

struct NameToken {
  uint32_t begin = 0;  // bytes of Document::norm
  uint32_t end = 0;
  uint32_t flags = 0;
  enum : uint32_t {
    kWord = 1u << 0,           // letters or digits, with inner apostrophes and hyphens
    kCap = 1u << 1,            // first letter upper case
    kAllCaps = 1u << 2,        // two or more letters, none lower case
    kLower = 1u << 3,          // first letter lower case
    kDigit = 1u << 4,          // starts with a digit
    kPunct = 1u << 5,          // one punctuation or symbol code point
    kPossessive = 1u << 6,     // "'s" / "’s" right after a word
    kSentenceStart = 1u << 7,  // first word of a sentence or paragraph
    kLineBreakBefore = 1u << 8,   // a newline between this token and the previous one
    kParagraphBefore = 1u << 9,   // a blank line (or the start of the text) before it
    kHeadline = 1u << 10,      // on a headline line (a title zone, or a Title Case line)
    kByline = 1u << 11,        // in a byline zone or on a "By ..." line
    kTaken = 1u << 12,         // inside an entity an earlier stage found (a date, a nation);
                               // marked on kCap and kAsciiHyphen words only
    kHasDigit = 1u << 13,      // a digit anywhere in the word ("B1", "A380")
    kAsciiHyphen = 1u << 14,   // an inner ASCII hyphen ("al-Assad", "Jean-Luc")
  };
  bool Is(uint32_t f) const { return (flags & f) != 0; }
};

// Tokenizes `doc.norm`; `doc.zones`, `doc.sentences` and `doc.entities` supply zone, sentence
// and taken features.
void TokenizeForNames(const Document& doc, std::vector<NameToken>& out);

// Tokenizes a bare text (no zones, no entities): the same scanner, for tests.
void TokenizeText(std::string_view text, std::vector<NameToken>& out);

}  // namespace accord::people
