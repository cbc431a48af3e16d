// Coreference of person names inside one document, and their canonical forms.
//
// 1. Names accepted by the rules (person_rules.h) with two or more words are the document's full
//    names ("Brad Smith", "Edward J. Snowden"); names accepted with one word after a title
//    ("Mr. Trump") are known surnames too.
// 2. A candidate that repeats a known name is accepted: its last word is a known surname ("Smith",
//    "Smith's", "Aldrich Ames" after "Ames, 52,"), or it is the first word of a full name alone
//    ("Rosario" after "Rosario Ames"; "Wei" after "Wei Jingsheng"). A run of capitalised words
//    whose last word recurs alone next to a speech verb is a name too ("charged Aldrich Hazen
//    Ames" ... "Ames said").
// 3. Every accepted name gets as canonical the fullest form of its person in the document: the
//    longest full name with the same surname and a compatible first word; a lone surname goes to
//    the nearest full name before it (else the first after it). Whitespace is normalised.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "extractors/people/person_rules.h"

namespace accord::people {

struct ResolvedName {
  uint32_t begin = 0;  // norm bytes
  uint32_t end = 0;
  std::string canonical;
  const char* rule = "";
};

// Accepts the candidates that repeat known names and gives every name its canonical form.
void ResolveNames(std::string_view text, const std::vector<NameToken>& tokens,
                  const NameCandidates& candidates, std::vector<ResolvedName>& out);

}  // namespace accord::people
