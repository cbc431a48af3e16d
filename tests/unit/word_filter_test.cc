// pipeline/word_filter.h: no added word is ever turned away, most others are.
#include "pipeline/word_filter.h"

#include <iterator>
#include <string_view>

#include <gtest/gtest.h>

namespace accord {
namespace {

TEST(WordFilterTest, KeepsEveryAddedWordInAnyCase) {
  WordFilter f;
  const std::string_view words[] = {"Ada", "prime minister", "van", "a", "Jr", "O'Leary"};
  for (std::string_view w : words) f.Add(w);
  for (std::string_view w : words) EXPECT_TRUE(f.MayContain(w)) << w;
  EXPECT_TRUE(f.MayContain("ADA"));
  EXPECT_TRUE(f.MayContain("Prime Minister"));
  // Most other words are turned away (the filter looks at length and three bytes).
  EXPECT_FALSE(f.MayContain("Ad"));
  EXPECT_FALSE(f.MayContain("Quinn"));
  EXPECT_FALSE(WordFilter().MayContain("Ada"));
}

// One slot asked of several filters answers as MayContain does in each of them.
TEST(WordFilterTest, SlotAnswersAsMayContain) {
  WordFilter a, b;
  const std::string_view added[] = {"Ada", "prime minister", "van", "a", "Jr", "O'Leary"};
  for (size_t i = 0; i < std::size(added); ++i) (i % 2 == 0 ? a : b).Add(added[i]);
  const std::string_view asked[] = {"Ada",  "ADA", "ada",   "Prime Minister", "VAN", "Van",
                                    "a",    "A",   "jr",    "O'LEARY",        "",    "Quinn",
                                    "Ad",   "b",   "Smith", "according to",   "x y", "Jr."};
  for (std::string_view w : asked) {
    const uint32_t slot = WordFilter::SlotOf(w);
    EXPECT_EQ(a.MayContainSlot(slot), a.MayContain(w)) << w;
    EXPECT_EQ(b.MayContainSlot(slot), b.MayContain(w)) << w;
  }
}

}  // namespace
}  // namespace accord
