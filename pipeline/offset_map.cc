#include "pipeline/offset_map.h"

namespace accord {

void NormalizedText::Append(std::string_view s, uint32_t raw_begin, uint32_t raw_end) {
  text_.append(s);
  raw_begin_.insert(raw_begin_.end(), s.size(), raw_begin);
  raw_end_.insert(raw_end_.end(), s.size(), raw_end);
}

void NormalizedText::AppendVerbatim(std::string_view s, uint32_t raw_begin) {
  text_.append(s);
  const size_t n = raw_begin_.size();
  raw_begin_.resize(n + s.size());
  raw_end_.resize(n + s.size());
  for (uint32_t i = 0; i < s.size(); ++i) {
    raw_begin_[n + i] = raw_begin + i;
    raw_end_[n + i] = raw_begin + i + 1;
  }
}

void NormalizedText::Clear() {
  text_.clear();
  raw_begin_.clear();
  raw_end_.clear();
}

}  // namespace accord
