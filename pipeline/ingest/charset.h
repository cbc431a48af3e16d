// Charset conversion to UTF-8 (ICU). The declared charset is trusted when the bytes agree with
// it; otherwise (none declared, unknown to ICU, or bytes that cannot be in it) the charset is
// detected with ICU's ucsdet. The result is always well-formed UTF-8: bytes that fit no charset
// become U+FFFD. Rules, in order:
//   utf8-valid      undeclared, us-ascii or utf-8 declared, and the bytes are valid UTF-8
//   latin1-as-1252  ISO-8859-1 / US-ASCII declared but bytes 0x80-0x9F present: windows-1252
//                   (the usual mislabel; Latin-1 would make them C1 control characters)
//   declared        any other charset ICU knows, converted with U+FFFD for invalid bytes
//   detected        ucsdet's best guess when it is confident, else windows-1252
#pragma once

#include <string>
#include <string_view>

namespace accord::ingest {

// Converts `bytes` in `declared` (may be empty) to UTF-8; appends to `out`. Returns the name of
// the charset that was used (for logs and tests).
std::string ToUtf8(std::string_view bytes, std::string_view declared, std::string* out);

// True when ToUtf8(bytes, declared) gives `bytes` as they are: valid UTF-8 declared as UTF-8,
// US-ASCII or nothing (ToUtf8 keeps a few more texts as they are; this is the usual case).
bool IsUtf8AsIs(std::string_view bytes, std::string_view declared);

// Converts `bytes` in `charset` to UTF-8 with ICU (invalid bytes to U+FFFD), appended to `out`;
// false when ICU does not know the charset. A single-byte charset goes through the table of what
// ICU makes of each of its 256 bytes, unless `byte_table` is false (the tests compare the two).
bool ConvertCharset(std::string_view bytes, const char* charset, std::string* out, bool byte_table = true);

// True when `charset` converts through a byte table.
bool HasByteTable(const char* charset);

// Makes `s` valid UTF-8 in place: each byte of an ill-formed sequence becomes U+FFFD.
void SanitizeUtf8(std::string* s);

}  // namespace accord::ingest
