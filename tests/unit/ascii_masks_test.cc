// ascii::ClassifyBlock against the plain meaning of its masks: every byte value at every place of
// a block, with and without the lower-case mask.
#include "pipeline/ascii_masks.h"

#include <gtest/gtest.h>

namespace accord::ascii {
namespace {

template <bool kLower>
void ExpectPlainMeaning() {
  for (int place = 0; place < 64; ++place) {
    for (int c = 0; c < 256; ++c) {
      unsigned char block[64];
      for (int k = 0; k < 64; ++k) block[k] = static_cast<unsigned char>((c + 37 * k + place) % 256);
      block[place] = static_cast<unsigned char>(c);
      const BlockMasks m = ClassifyBlock<kLower>(block);
      for (int k = 0; k < 64; ++k) {
        const unsigned char b = block[k];
        const bool lower = b >= 'a' && b <= 'z', upper = b >= 'A' && b <= 'Z';
        ASSERT_EQ((m.letters >> k) & 1, uint64_t{lower || upper}) << c << " at " << k;
        ASSERT_EQ((m.lower >> k) & 1, uint64_t{kLower && lower}) << c << " at " << k;
        ASSERT_EQ((m.digits >> k) & 1, uint64_t{b >= '0' && b <= '9'}) << c << " at " << k;
      }
    }
  }
}

TEST(AsciiMasksTest, LettersLowerCaseAndDigitsAtEveryPlace) { ExpectPlainMeaning<true>(); }
TEST(AsciiMasksTest, LettersAndDigitsWithoutLowerCase) { ExpectPlainMeaning<false>(); }

}  // namespace
}  // namespace accord::ascii
