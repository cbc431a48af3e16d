// The nation scanner: one left-to-right pass over the words of a text that finds the longest
// lexicon phrase starting at each capitalised word ("Papua New Guinea" before "Guinea",
// "American Airlines" before "American"), checking each phrase's case policy.
#pragma once

#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "extractors/nations/nation_lexicon.h"
#include "extractors/nations/nation_words.h"

namespace accord::nations {

struct Candidate {
  uint32_t first_word = 0;  // index into the words
  uint32_t last_word = 0;   // inclusive
  int32_t entry = -1;       // lexicon entry
};

// Finds the candidates of `text`, whose words are `words` and whose capitalised words are
// `capitals` (both from WordFolder::Split): only a capitalised word can start a name, so only
// those are visited. Appends to `out`.
void ScanCandidates(const Lexicon& lex, std::string_view text, std::span<const Word> words,
                    std::span<const uint32_t> capitals, std::vector<Candidate>& out);

}  // namespace accord::nations
