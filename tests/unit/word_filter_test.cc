// pipeline/word_filter.h: no added word is ever turned away, most others are.
#include "pipeline/word_filter.h"

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

}  // namespace
}  // namespace accord
