// JSON string literals for the JSONL writer, byte for byte as nlohmann's
// dump(-1, ' ', false, error_handler_t::replace) writes them: '"' and '\\' escaped with a
// backslash, \b \f \n \r \t by name, the other control bytes as \u00XX, everything else (UTF-8
// included) as it stands; a string that is not valid UTF-8 goes through nlohmann itself, which
// replaces the bad sequences with U+FFFD.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

namespace accord {

// The room WriteJsonStringContent needs for an n-byte string: the most bytes of its content (a
// control byte becomes the six of \u00XX) and 16 more, as it stores whole blocks of bytes.
constexpr size_t JsonStringContentBound(size_t n) { return 6 * n + 16; }

namespace json_string_internal {

// The bytes a JSON string holds as they stand: ASCII from ' ' up, but '"' and '\\'.
struct PlainBytes {
  constexpr PlainBytes() {
    for (int c = 0x20; c < 0x80; ++c) plain[c] = c != '"' && c != '\\';
  }
  bool plain[256] = {};
};
inline constexpr PlainBytes kPlainBytes;

// WriteJsonStringContent for any string, sixteen (or eight) bytes a step.
char* WriteContentByBlocks(std::string_view s, char* p);

}  // namespace json_string_internal

// Writes what goes between the quotes of the JSON string of `s` to `p`, which has room for
// JsonStringContentBound(s.size()) bytes; returns the end of what it wrote. The caller writes the
// quotes, with the text around them (`"text":"` before, `","canonical":"` after).
inline char* WriteJsonStringContent(std::string_view s, char* p) {
  // A short string (a NATION's code, a DATE's kind, many a name) byte by byte, where it needs
  // no escape: cheaper than the call and set-up of the block scan.
  if (s.size() < 8) {
    for (size_t k = 0; k < s.size(); ++k) {
      const unsigned char c = static_cast<unsigned char>(s[k]);
      if (!json_string_internal::kPlainBytes.plain[c])
        return json_string_internal::WriteContentByBlocks(s, p);  // from the start again
      p[k] = static_cast<char>(c);
    }
    return p + s.size();
  }
  return json_string_internal::WriteContentByBlocks(s, p);
}

namespace json_string_internal {

// "00" to "99": the two digits of each number below 100.
struct DigitPairs {
  constexpr DigitPairs() {
    for (int n = 0; n < 100; ++n) {
      pairs[2 * n] = static_cast<char>('0' + n / 10);
      pairs[2 * n + 1] = static_cast<char>('0' + n % 10);
    }
  }
  char pairs[200] = {};
};
inline constexpr DigitPairs kDigitPairs;

// The one or two digits of n < 100.
inline char* WriteSmall(uint32_t n, char* p) {
  if (n < 10) {
    *p = static_cast<char>('0' + n);
    return p + 1;
  }
  std::memcpy(p, kDigitPairs.pairs + 2 * n, 2);
  return p + 2;
}
// n >= 1,000,000 in decimal, by std::to_chars (out of line: rare, and it would keep the short
// cases below from being inlined).
char* WriteLongUnsigned(uint64_t n, char* p);

// The two digits of n < 100, "07" for 7.
inline char* WritePair(uint32_t n, char* p) {
  std::memcpy(p, kDigitPairs.pairs + 2 * n, 2);
  return p + 2;
}

}  // namespace json_string_internal

// Writes `n` in decimal, as JSON (and nlohmann) write an unsigned integer, to `p`, which has room
// for 20 bytes; returns the end. Offsets into a document mostly have one to five digits: those
// below a million are written two digits a step without a division loop, the others by
// std::to_chars.
[[gnu::always_inline]] inline char* WriteJsonUnsigned(uint64_t n, char* p) {
  using json_string_internal::WritePair;
  using json_string_internal::WriteSmall;
  if (n < 100) return WriteSmall(static_cast<uint32_t>(n), p);
  const uint32_t m = static_cast<uint32_t>(n);
  if (n < 10000) return WritePair(m % 100, WriteSmall(m / 100, p));
  if (n < 1000000) return WritePair(m % 100, WritePair(m / 100 % 100, WriteSmall(m / 10000, p)));
  return json_string_internal::WriteLongUnsigned(n, p);
}

// Appends the content of the JSON string of `s` (without the quotes) to `out`.
void AppendJsonStringContent(std::string_view s, std::string& out);
// Appends `s` as a quoted JSON string to `out`.
void AppendJsonString(std::string_view s, std::string& out);

}  // namespace accord
