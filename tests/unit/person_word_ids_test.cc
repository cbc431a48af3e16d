// The word ids, id sets and mention index of name coreference, each compared with its plain
// meaning (a map from words, a set of words, a list of (word, mention) pairs searched in order)
// on many cases.
#include <map>
#include <set>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "extractors/people/person_word_ids.h"

namespace accord::people {
namespace {

// Word lists with repeats, one-letter words, case variants and empty words.
const std::vector<std::vector<std::string>> kWordLists = {
    {},
    {"ames"},
    {"ames", "ames", "ames"},
    {"aldrich", "ames", "rosario", "ames", "aldrich", "j", "j", ""},
    {"wei", "jingsheng", "wei", "li", "peng", "li", "jingsheng", "peng", "x"},
    {"a", "b", "c", "d", "e", "f", "g", "h", "a", "c", "e", "g", "b", "d", "f", "h"},
    {"Ames", "ames", "AMES", "ames "},
};

TEST(PersonWordIdsTest, IdsNumberDistinctWordsInOrderOfFirstSight) {
  for (const auto& words : kWordLists) {
    WordIds ids;
    ids.Clear();
    std::map<std::string, uint32_t> plain;
    for (const std::string& w : words) {
      const uint32_t want = plain.emplace(w, static_cast<uint32_t>(plain.size())).first->second;
      EXPECT_EQ(ids.Add(w), want) << w;
    }
    EXPECT_EQ(ids.size(), plain.size());
    for (const std::string& w : words) EXPECT_EQ(ids.Find(w), plain.at(w)) << w;
    for (const char* absent : {"zzz", "Z", "amesx", "am"}) {
      if (!plain.count(absent)) {
        EXPECT_EQ(ids.Find(absent), WordIds::kNone) << absent;
      }
    }
  }
}

TEST(PersonWordIdsTest, SetsAndIndexesAgreeWithTheirPlainMeaning) {
  for (const auto& words : kWordLists) {
    WordIds ids;
    ids.Clear();
    std::vector<uint32_t> id_of;
    for (const std::string& w : words) id_of.push_back(ids.Add(w));
    // Every other word goes into the set (and every third, twice over into the index), under
    // the mention number of its position.
    for (size_t stride : {1u, 2u, 3u}) {
      WordSet set;
      set.Clear(ids.size());
      MentionIndex index;
      index.Clear();
      std::set<std::string> plain_set;
      std::vector<std::pair<std::string, size_t>> plain_index;
      for (size_t i = 0; i < words.size(); i += stride) {
        set.Add(id_of[i]);
        plain_set.insert(words[i]);
        index.Add(id_of[i], i);
        plain_index.push_back({words[i], i});
      }
      index.Seal(ids.size());
      EXPECT_EQ(set.empty(), plain_set.empty());
      EXPECT_FALSE(set.Has(WordIds::kNone));
      EXPECT_EQ(index.First(WordIds::kNone), SIZE_MAX);
      for (size_t i = 0; i < words.size(); ++i) {
        EXPECT_EQ(set.Has(id_of[i]), plain_set.count(words[i]) > 0) << words[i];
        std::vector<size_t> want;
        for (const auto& [w, m] : plain_index)
          if (w == words[i]) want.push_back(m);
        auto [lo, hi] = index.Of(id_of[i]);
        EXPECT_EQ(std::vector<size_t>(lo, hi), want) << words[i];
        EXPECT_EQ(index.First(id_of[i]), want.empty() ? SIZE_MAX : want.front()) << words[i];
      }
    }
  }
}

}  // namespace
}  // namespace accord::people
