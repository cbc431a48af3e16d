#include "extractors/dates/word_set.h"

namespace accord::dates {

void WordSet::Add(std::string_view word, uint8_t value) {
  if (word.empty() || word.size() > kMaxLength) return;
  std::string folded(word);
  for (char& c : folded) c = Fold(c);
  lengths_by_pair_[Pair(kLetter[static_cast<uint8_t>(folded[0])], folded)] |= uint32_t{1} << folded.size();
  const size_t bucket = Bucket(folded.size(), folded[0]);
  for (uint16_t i = start_[bucket]; i < start_[bucket + 1]; ++i)
    if (entries_[i].word == folded) {
      entries_[i].value |= value;
      return;
    }
  entries_.insert(entries_.begin() + start_[bucket + 1], Entry{std::move(folded), value});
  for (size_t b = bucket + 1; b < start_.size(); ++b) ++start_[b];
}

}  // namespace accord::dates
