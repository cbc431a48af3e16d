// Sentence boundaries as ICU's English sentence break iterator gives them (Unicode UAX #29, rules
// SB1-SB998), most of them without running the iterator.
//
// The iterator costs about 90 instructions a byte on mail text, yet a boundary can only follow a
// paragraph separator (SB4) or a run "terminator, closing marks, spaces" (SB11). ScanBreaks looks
// only at those places and decides each with the rules that keep a break away (SB3, SB6-SB10),
// reading characters' Sentence_Break classes from ICU. A text holding Extend or Format
// characters (SB5 makes them invisible to the rules) or ill-formed UTF-8 is left to ICU whole.
// tests/unit/segment_sentence_breaks_test.cc compares the scan with ICU on many texts.
#pragma once

#include <cstdint>
#include <memory>
#include <string_view>
#include <vector>

#include "pipeline/status.h"

#include <unicode/uversion.h>

U_NAMESPACE_BEGIN
class BreakIterator;
U_NAMESPACE_END

namespace accord {

class SentenceBreaker {
 public:
  static StatusOr<std::unique_ptr<SentenceBreaker>> Create();
  ~SentenceBreaker();

  // Appends the sentence boundaries of `text` after its start and before its end, ascending:
  // ScanBreaks where it decides, else ICU's iterator.
  void Breaks(std::string_view text, std::vector<uint32_t>& out) const;

  // The same boundaries from ICU's iterator itself.
  void IcuBreaks(std::string_view text, std::vector<uint32_t>& out) const;

  // The same boundaries from the scan alone; false (`out` then holds a part of them) when the
  // text is one it leaves to ICU.
  static bool ScanBreaks(std::string_view text, std::vector<uint32_t>& out);

 private:
  SentenceBreaker() = default;

  std::unique_ptr<icu::BreakIterator> prototype_;  // cloned once per thread
};

}  // namespace accord
