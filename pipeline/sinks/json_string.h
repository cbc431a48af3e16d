// JSON string literals for the JSONL writer, byte for byte as nlohmann's
// dump(-1, ' ', false, error_handler_t::replace) writes them: '"' and '\\' escaped with a
// backslash, \b \f \n \r \t by name, the other control bytes as \u00XX, everything else (UTF-8
// included) as it stands; a string that is not valid UTF-8 goes through nlohmann itself, which
// replaces the bad sequences with U+FFFD.
#pragma once

#include <cstddef>
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

// Appends the content of the JSON string of `s` (without the quotes) to `out`.
void AppendJsonStringContent(std::string_view s, std::string& out);
// Appends `s` as a quoted JSON string to `out`.
void AppendJsonString(std::string_view s, std::string& out);

}  // namespace accord
