// ASCII helpers for rules that compare keywords ("re:", "said", "of"): no locale, no allocation.
// Case folding of names goes through ICU (see the extractors' word folding), not through these.
#pragma once

#include <array>
#include <string_view>

namespace accord::ascii {

// A-Z lowered, every other byte as it is; by table, one load a byte in the extractors' loops.
inline constexpr std::array<char, 256> kLower = [] {
  std::array<char, 256> t{};
  for (int c = 0; c < 256; ++c) t[c] = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  return t;
}();

inline char ToLower(char c) { return kLower[static_cast<unsigned char>(c)]; }

// True when a and b are equal ignoring ASCII case.
inline bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i)
    if (ToLower(a[i]) != ToLower(b[i])) return false;
  return true;
}

}  // namespace accord::ascii
