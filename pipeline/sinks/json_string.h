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
// control byte becomes the six of \u00XX) and 8 more, as it stores whole words.
constexpr size_t JsonStringContentBound(size_t n) { return 6 * n + 8; }

// Writes what goes between the quotes of the JSON string of `s` to `p`, which has room for
// JsonStringContentBound(s.size()) bytes; returns the end of what it wrote. The caller writes the
// quotes, with the text around them (`"text":"` before, `","canonical":"` after).
char* WriteJsonStringContent(std::string_view s, char* p);

// Appends the content of the JSON string of `s` (without the quotes) to `out`.
void AppendJsonStringContent(std::string_view s, std::string& out);
// Appends `s` as a quoted JSON string to `out`.
void AppendJsonString(std::string_view s, std::string& out);

}  // namespace accord
