#include "pipeline/offset_map.h"

#include <algorithm>

namespace accord {

const NormalizedText::Run& NormalizedText::RunAt(uint32_t i) const {
  // The last run that starts at or before i (runs_ is sorted by norm_begin, runs_[0] starts at 0).
  size_t r = block_run_[std::min<size_t>(i / kBlock, block_run_.size() - 1)];
  while (r + 1 < runs_.size() && runs_[r + 1].norm_begin <= i) ++r;
  return runs_[r];
}

[[gnu::always_inline]] inline void NormalizedText::CoverBlocks() {
  while (block_run_.size() * kBlock < text_.size())
    block_run_.push_back(static_cast<uint32_t>(runs_.size() - 1));
}

[[gnu::always_inline]] inline void NormalizedText::ExtendOneToOne(uint32_t raw_begin) {
  const uint32_t at = static_cast<uint32_t>(text_.size());
  if (!runs_.empty()) {
    const Run& last = runs_.back();
    if (last.one_to_one && last.raw_begin + (at - last.norm_begin) == raw_begin) return;
  }
  runs_.push_back({at, raw_begin, 0, true});
}

void NormalizedText::Append(std::string_view s, uint32_t raw_begin, uint32_t raw_end) {
  if (s.empty()) return;
  if (s.size() == 1 && raw_end == raw_begin + 1) {
    ExtendOneToOne(raw_begin);  // one byte for one raw byte maps the same either way
  } else {
    runs_.push_back({static_cast<uint32_t>(text_.size()), raw_begin, raw_end, false});
  }
  text_.append(s);
  CoverBlocks();
}

void NormalizedText::AppendVerbatim(std::string_view s, uint32_t raw_begin) {
  if (s.empty()) return;
  ExtendOneToOne(raw_begin);
  text_.append(s);
  CoverBlocks();
}

void NormalizedText::Reserve(size_t bytes) {
  text_.reserve(bytes);
  runs_.reserve(bytes / kBlock + 8);  // a run a line or fewer
  block_run_.reserve(bytes / kBlock + 1);
}

void NormalizedText::Clear() {
  text_.clear();
  runs_.clear();
  block_run_.clear();
}

}  // namespace accord
