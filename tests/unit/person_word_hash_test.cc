// The hash and equality of the people word maps: equal bytes hash equal wherever they lie,
// distinct keys of every length (the short-key branches: 0, 1-3, 4-7, 8-16 and longer bytes)
// spread, equality is byte equality, and a map with them finds exactly what a plain std::map of
// the same keys finds.
#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <vector>

#include <absl/container/flat_hash_map.h>
#include <gtest/gtest.h>

#include "extractors/people/person_fold.h"
#include "extractors/people/person_word_hash.h"

namespace accord::people {
namespace {

// Keys of every length up to 40: the byte patterns differ in one position each, so a hash that
// skips a byte of some length collides.
std::vector<std::string> Keys() {
  std::vector<std::string> keys;
  for (size_t n = 0; n <= 40; ++n) {
    const std::string base(n, 'a');
    keys.push_back(base);
    for (size_t i = 0; i < n; ++i) {
      for (char c : {'b', 'A', ' ', '\xC3'}) {
        std::string k = base;
        k[i] = c;
        keys.push_back(k);
      }
    }
  }
  for (const char* w : {"Smith", "smith", "SMITH", "Jr", "van", "prime minister", "according to",
                        "Secretary of State", "chief executive officer", "al", "al-"})
    keys.emplace_back(w);
  return keys;
}

TEST(PersonWordHashTest, EqualBytesHashEqualAtAnyAddress) {
  for (const std::string& k : Keys()) {
    for (size_t pad = 0; pad < 9; ++pad) {
      const std::string buf = std::string(pad, 'x') + k + "yz";
      EXPECT_EQ(WordHash()(absl::string_view(buf.data() + pad, k.size())),
                WordHash()(absl::string_view(k)))
          << k;
    }
  }
}

TEST(PersonWordHashTest, DistinctKeysOfEveryLengthGetDistinctHashes) {
  std::set<size_t> hashes;
  std::set<std::string> distinct;
  for (const std::string& k : Keys()) {
    if (!distinct.insert(k).second) continue;
    EXPECT_TRUE(hashes.insert(WordHash()(absl::string_view(k))).second) << "[" << k << "]";
  }
}

TEST(PersonWordHashTest, EqualityIsByteEquality) {
  const std::vector<std::string> keys = Keys();
  for (const std::string& a : keys) {
    for (const std::string& b : keys) {
      // Copies at odd offsets, so that no load is aligned and no two views share a buffer.
      const std::string pa = "x" + a, pb = "yz" + b;
      EXPECT_EQ(WordEq()(absl::string_view(pa.data() + 1, a.size()),
                         absl::string_view(pb.data() + 2, b.size())),
                a == b)
          << "[" << a << "] [" << b << "]";
    }
  }
}

TEST(PersonWordHashTest, MapFindsWhatAPlainMapFinds) {
  absl::flat_hash_map<std::string, int, WordHash, WordEq> map;
  std::map<std::string, int> plain;
  const std::vector<std::string> keys = Keys();
  for (size_t i = 0; i < keys.size(); i += 2) {
    map[keys[i]] = static_cast<int>(i);
    plain[keys[i]] = static_cast<int>(i);
  }
  for (const std::string& k : keys) {
    auto it = map.find(absl::string_view(k));
    auto p = plain.find(k);
    ASSERT_EQ(it == map.end(), p == plain.end()) << k;
    if (p != plain.end()) {
      EXPECT_EQ(it->second, p->second) << k;
    }
  }
}

}  // namespace
}  // namespace accord::people

namespace accord::people {
namespace {

// FoldAsciiTo against the plain meaning, one byte at a time: every byte value at every position
// of words of 0 to 24 bytes (the 1-3, 4-7, 8 and longer branches), among letters of both cases.
TEST(PersonFoldTest, FoldsLikeOneByteAtATime) {
  auto plain = [](std::string_view w) {
    std::string out(w);
    for (char& c : out)
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
  };
  for (size_t n = 0; n <= 24; ++n) {
    std::string base;
    for (size_t i = 0; i < n; ++i) base.push_back(i % 2 ? 'Q' : 'z');
    for (size_t i = 0; i < std::max<size_t>(n, 1); ++i) {
      for (int c = 0; c < 256; ++c) {
        std::string w = base;
        if (n > 0) w[i] = static_cast<char>(c);
        std::string out(n + 2, '#');  // the bytes past the word stay untouched
        FoldAsciiTo(w, out.data() + 1);
        EXPECT_EQ(out, "#" + plain(w) + "#") << "length " << n << " byte " << c << " at " << i;
      }
    }
  }
}

}  // namespace
}  // namespace accord::people
