// WordIndex: a string -> int32 table for the many short-key lookups of the organization rules
// (one per word of the text): Abseil's flat_hash_map (Swiss table, looked up by string_view
// without building a string). Built once for the tables and shared read-only by threads; a
// per-document one is cleared and refilled (a small table keeps its memory across Clear).
#pragma once

#include <bitset>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

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
  // Calls f(key, value) for each entry, in no order.
  template <typename F>
  void ForEach(F f) const {
    for (const auto& [key, value] : map_) f(std::string_view(key.data(), key.size()), value);
  }

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

// The class of a non-empty key: a hash of its first two bytes, its last byte and its length, in
// kKeyClassBits bits. Keys of one class are rare among the words of a text ("there", "three").
inline constexpr int kKeyClassBits = 15;
inline size_t KeyClass(std::string_view w) {
  const size_t n = w.size();
  const uint32_t cls = static_cast<unsigned char>(w[0]) |
                       static_cast<uint32_t>(static_cast<unsigned char>(w[n > 1])) << 8 |
                       static_cast<uint32_t>(static_cast<unsigned char>(w[n - 1])) << 16 |
                       static_cast<uint32_t>(n) << 24;
  return (cls * 0x9E3779B1u) >> (32 - kKeyClassBits);  // Fibonacci hashing: the high bits mix all
}

// A front for a finished WordIndex that answers most lookups without hashing: most keys looked up
// are of a class (KeyClass) that holds no key of the index, which a bit tells, or exactly one, kept
// here with its value, which one comparison tells. Only a class of two or more keys asks the
// index. Built once the index is complete; the index must not change after.
class ClassFront {
 public:
  void Build(const WordIndex& index) {
    bits_.reset();
    slots_.assign(size_t{1} << kKeyClassBits, 0);
    entries_.clear();
    index.ForEach([&](std::string_view key, int32_t value) {
      if (key.empty()) return;  // the index answers for the empty key
      const size_t cls = KeyClass(key);
      bits_.set(cls);
      uint16_t& slot = slots_[cls];
      if (slot == 0 && entries_.size() + 1 < kMany) {
        entries_.push_back({std::string(key), value});
        slot = static_cast<uint16_t>(entries_.size());
      } else {
        slot = kMany;
      }
    });
  }

  // index.Find(key), for the index Build was given.
  const int32_t* Find(std::string_view key, const WordIndex& index) const {
    if (key.empty()) return index.Find(key);
    const size_t cls = KeyClass(key);
    if (!bits_[cls]) return nullptr;
    const uint16_t slot = slots_[cls];
    if (slot == kMany) return index.Find(key);
    const Entry& e = entries_[slot - 1];
    return key == e.key ? &e.value : nullptr;
  }

 private:
  static constexpr uint16_t kMany = 0xFFFF;
  struct Entry {
    std::string key;
    int32_t value;
  };
  std::bitset<size_t{1} << kKeyClassBits> bits_;  // the classes of the keys (a small first test)
  std::vector<uint16_t> slots_;  // per class: 0 for none, kMany, else 1 + index of entries_
  std::vector<Entry> entries_;
};

}  // namespace accord::orgs
