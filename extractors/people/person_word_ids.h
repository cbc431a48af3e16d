// Word ids for name coreference: the folded first and last words of one document's mentions,
// each numbered once (0, 1, ...), so that the sets and indexes the coreference asks are arrays
// by id, with no string comparison per question.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <utility>
#include <vector>

#include <absl/container/flat_hash_map.h>
#include <absl/strings/string_view.h>

#include "extractors/people/person_word_hash.h"

namespace accord::people {

class WordIds {
 public:
  static constexpr uint32_t kNone = UINT32_MAX;

  void Clear() { ids_.clear(); }
  // The id of `w`, a new one (the number of words so far) if `w` is new. The view must outlive
  // the ids.
  uint32_t Add(std::string_view w) {
    return ids_.try_emplace(absl::string_view(w.data(), w.size()), static_cast<uint32_t>(ids_.size()))
        .first->second;
  }
  // The id of `w`, or kNone when it was never added.
  uint32_t Find(std::string_view w) const {
    auto it = ids_.find(absl::string_view(w.data(), w.size()));
    return it == ids_.end() ? kNone : it->second;
  }
  uint32_t size() const { return static_cast<uint32_t>(ids_.size()); }

 private:
  absl::flat_hash_map<absl::string_view, uint32_t, WordHash, WordEq> ids_;
};

// A set of word ids: one flag per id. Has(kNone) is false.
class WordSet {
 public:
  void Clear(uint32_t num_ids) {
    has_.assign(num_ids, 0);
    count_ = 0;
  }
  void Add(uint32_t id) {
    count_ += has_[id] == 0;
    has_[id] = 1;
  }
  bool Has(uint32_t id) const { return id < has_.size() && has_[id] != 0; }
  bool empty() const { return count_ == 0; }

 private:
  std::vector<uint8_t> has_;
  size_t count_ = 0;
};

// Mentions by word id, each word's mentions in the order they were added: filled, then sealed
// (one list per id, laid out one after another), then asked.
class MentionIndex {
 public:
  void Clear() { entries_.clear(); }
  void Add(uint32_t id, size_t mention) { entries_.push_back({id, mention}); }
  void Seal(uint32_t num_ids) {
    start_.assign(num_ids + 1, 0);
    for (const Entry& e : entries_) ++start_[e.id + 1];
    for (uint32_t k = 0; k < num_ids; ++k) start_[k + 1] += start_[k];
    mentions_.resize(entries_.size());
    next_.assign(start_.begin(), start_.end() - 1);  // where each id's next mention goes
    for (const Entry& e : entries_) mentions_[next_[e.id]++] = e.mention;
  }
  // The mentions of word `id`, in the order they were added (none for kNone).
  std::pair<const size_t*, const size_t*> Of(uint32_t id) const {
    if (id >= num_ids()) return {nullptr, nullptr};
    return {mentions_.data() + start_[id], mentions_.data() + start_[id + 1]};
  }
  // The first mention of `id`, or SIZE_MAX.
  size_t First(uint32_t id) const {
    auto [lo, hi] = Of(id);
    return lo == hi ? SIZE_MAX : *lo;
  }

 private:
  struct Entry {
    uint32_t id;
    size_t mention;
  };
  uint32_t num_ids() const { return start_.empty() ? 0 : static_cast<uint32_t>(start_.size() - 1); }
  std::vector<Entry> entries_;
  std::vector<uint32_t> start_;  // the mentions of id k: mentions_[start_[k], start_[k + 1])
  std::vector<uint32_t> next_;   // (scratch of Seal)
  std::vector<size_t> mentions_;
};

}  // namespace accord::people
