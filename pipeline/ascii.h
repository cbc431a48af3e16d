// ASCII helpers for rules that compare keywords ("re:", "said", "of"): no locale, no allocation.
// Case folding of names goes through ICU (see the extractors' word folding), not through these.
#pragma once

#include <string_view>

namespace accord::ascii {

inline char ToLower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

// True when a and b are equal ignoring ASCII case.
inline bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i)
    if (ToLower(a[i]) != ToLower(b[i])) return false;
  return true;
}

}  // namespace accord::ascii
