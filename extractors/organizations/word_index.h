// WordIndex: a string -> int32 table for the many short-key lookups of the organization rules
// (one per word of the text). Open addressing over a power-of-two array of slots, linear probing,
// keys stored one after another in a single string, a cheap multiply-xorshift hash over 8-byte
// words of the key: no allocation and no division per lookup, unlike std::unordered_map.
// Built once for the tables and shared read-only by threads; a per-document one is cleared and
// refilled (Clear keeps its memory).
#pragma once

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

namespace accord::orgs {

class WordIndex {
 public:
  // Adds key -> value when the key is absent. Returns the stored value (the old one when the key
  // was present) and whether it was added.
  std::pair<int32_t*, bool> Insert(std::string_view key, int32_t value) {
    if ((count_ + 1) * 2 > slots_.size()) Grow();
    const uint64_t h = Hash(key);
    size_t idx = h & (slots_.size() - 1);
    while (true) {
      Slot& s = slots_[idx];
      if (s.len == kEmpty) {
        s.hash = static_cast<uint32_t>(h);
        s.begin = static_cast<uint32_t>(keys_.size());
        s.len = static_cast<uint32_t>(key.size());
        s.value = value;
        keys_.append(key);
        ++count_;
        return {&s.value, true};
      }
      if (s.hash == static_cast<uint32_t>(h) && KeyOf(s) == key) return {&s.value, false};
      idx = (idx + 1) & (slots_.size() - 1);
    }
  }

  // The value of `key`, or nullptr.
  const int32_t* Find(std::string_view key) const {
    if (count_ == 0) return nullptr;
    const uint64_t h = Hash(key);
    size_t idx = h & (slots_.size() - 1);
    while (true) {
      const Slot& s = slots_[idx];
      if (s.len == kEmpty) return nullptr;
      if (s.hash == static_cast<uint32_t>(h) && s.len == key.size() &&
          std::memcmp(keys_.data() + s.begin, key.data(), key.size()) == 0)
        return &s.value;
      idx = (idx + 1) & (slots_.size() - 1);
    }
  }
  bool Contains(std::string_view key) const { return Find(key) != nullptr; }

  size_t size() const { return count_; }
  bool empty() const { return count_ == 0; }
  // Removes every key, keeping the memory for the next use.
  void Clear() {
    if (count_ == 0) return;
    for (Slot& s : slots_) s.len = kEmpty;
    keys_.clear();
    count_ = 0;
  }

  static uint64_t Hash(std::string_view key) {
    const auto* p = reinterpret_cast<const unsigned char*>(key.data());
    const size_t n = key.size();
    uint64_t h = 0x9E3779B97F4A7C15ull ^ (n * 0xC2B2AE3D27D4EB4Full);
    if (n >= 8) {
      // 8-byte words, the last one overlapping the one before when n is no multiple of 8.
      for (size_t k = 0; k + 8 < n; k += 8) h = Mix(h, Load64(p + k));
      h = Mix(h, Load64(p + n - 8));
    } else if (n >= 4) {
      h = Mix(h, (static_cast<uint64_t>(Load32(p)) << 32) | Load32(p + n - 4));
    } else if (n > 0) {
      h = Mix(h, (static_cast<uint64_t>(p[0]) << 16) | (static_cast<uint64_t>(p[n / 2]) << 8) |
                     p[n - 1]);
    }
    h *= 0xC4CEB9FE1A85EC53ull;
    return h ^ (h >> 29);
  }

 private:
  static constexpr uint32_t kEmpty = UINT32_MAX;

  static uint64_t Load64(const unsigned char* p) {
    uint64_t v;
    std::memcpy(&v, p, 8);
    return v;
  }
  static uint32_t Load32(const unsigned char* p) {
    uint32_t v;
    std::memcpy(&v, p, 4);
    return v;
  }
  static uint64_t Mix(uint64_t h, uint64_t v) {
    h = (h ^ v) * 0xFF51AFD7ED558CCDull;
    return h ^ (h >> 32);
  }
  struct Slot {
    uint32_t hash = 0;
    uint32_t begin = 0;
    uint32_t len = kEmpty;
    int32_t value = 0;
  };

  std::string_view KeyOf(const Slot& s) const { return std::string_view(keys_).substr(s.begin, s.len); }

  void Grow() {
    std::vector<Slot> old = std::move(slots_);
    slots_.assign(old.empty() ? 16 : old.size() * 2, Slot{});
    for (const Slot& s : old) {
      if (s.len == kEmpty) continue;
      size_t idx = s.hash & (slots_.size() - 1);
      while (slots_[idx].len != kEmpty) idx = (idx + 1) & (slots_.size() - 1);
      slots_[idx] = s;
    }
  }

  std::vector<Slot> slots_;
  std::string keys_;
  size_t count_ = 0;
};

}  // namespace accord::orgs
