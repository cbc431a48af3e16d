// Sentence boundaries of the normalized text: ICU's sentence boundaries (sentence_breaks.h), then
// rules that take back the breaks ICU puts after abbreviations.
//
// Rules (examples in tests/unit/segment_sentence_test.cc):
//   icu-sentence       ICU's English sentence boundaries; a paragraph break always ends one
//   abbreviation       no break after a listed abbreviation (data/abbreviations.tsv): "Mr.",
//                      "Sen.", "Gen.", "Jan.", "No."
//   initial            no break after a single capital letter: "David E. Sanger"
//   dotted-initialism  no break after "U.S.", "N.S.A." unless a usual sentence opener
//                      (data/sentence_starters.tsv) follows: "in the U.S. The company said"
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "pipeline/document.h"
#include "pipeline/segment/sentence_breaks.h"
#include "pipeline/status.h"
#include "pipeline/word_filter.h"

namespace accord {

class SentenceSplitter {
 public:
  static StatusOr<std::unique_ptr<SentenceSplitter>> Create();
  ~SentenceSplitter();

  // Appends the sentences of `text` (trimmed, never empty) to `sentences` and sets
  // Token::kSentenceStart on the first token of each. `tokens` are the tokens of `text`.
  void Split(std::string_view text, std::vector<Token>& tokens,
             std::vector<Span>& sentences) const;

 private:
  SentenceSplitter() = default;
  bool KeepBreak(std::string_view text, const std::vector<Token>& tokens, size_t boundary) const;

  std::unique_ptr<SentenceBreaker> breaker_;
  // The abbreviations' quick test: most words before a period are none, and it answers for them
  // without hashing.
  WordFilter abbreviation_filter_;
  std::unordered_set<std::string_view> abbreviations_;
  std::unordered_set<std::string_view> starters_;
};

}  // namespace accord
