// WordIndex: a string -> int32 table for the many short-key lookups of the organization rules
// (one per word of the text): Abseil's flat_hash_map (Swiss table, looked up by string_view
// without building a string). Built once for the tables and shared read-only by threads; a
// per-document one is cleared and refilled (a small table keeps its memory across Clear).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>

#include <absl/container/flat_hash_map.h>
#include <absl/strings/string_view.h>

namespace accord::orgs {

// The table over keys of type Key: std::string for the shared tables (WordIndex), string_view for
// the per-document ones (DocIndex), whose keys point into text that outlives the table, so that
// filling it copies no key.
template <typename Key>
class BasicWordIndex {
 public:
  // Adds key -> value when the key is absent. Returns the stored value (the old one when the key
  // was present) and whether it was added.
  std::pair<int32_t*, bool> Insert(std::string_view key, int32_t value) {
    auto [it, added] = map_.try_emplace(View(key), value);
    return {&it->second, added};
  }

  // The value of `key`, or nullptr.
  const int32_t* Find(std::string_view key) const {
    auto it = map_.find(View(key));
    return it == map_.end() ? nullptr : &it->second;
  }
  bool Contains(std::string_view key) const { return map_.contains(View(key)); }

  size_t size() const { return map_.size(); }
  bool empty() const { return map_.empty(); }
  void Clear() { map_.clear(); }

 private:
  // Debian's Abseil has its own string_view type (built for C++17 without std::string_view).
  static absl::string_view View(std::string_view s) { return {s.data(), s.size()}; }
  absl::flat_hash_map<Key, int32_t> map_;
};

using WordIndex = BasicWordIndex<std::string>;
using DocIndex = BasicWordIndex<absl::string_view>;

}  // namespace accord::orgs
