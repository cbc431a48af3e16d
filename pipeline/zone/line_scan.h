// Facts about one line that zoning asks for again and again, read eight bytes at a time (SWAR:
// each byte of a uint64_t, the lowest address in the lowest byte). Each function gives exactly
// the answer of the plain byte loop written in its comment; tests/unit/zone_test.cc compares
// the two on many lines.
#pragma once

#include <cstdint>
#include <string_view>

namespace accord::zone {

// Any byte of `s` is an ASCII digit: `for (c : s) if ('0' <= c && c <= '9') return true`.
bool HasDigit(std::string_view s);

// The number of words of `s`, a word being a run of bytes other than ' ' and '\t':
// `for (c : s) { sp = c == ' ' || c == '\t'; if (!sp && !in) ++w; in = !sp; }`.
int CountWords(std::string_view s);

}  // namespace accord::zone
