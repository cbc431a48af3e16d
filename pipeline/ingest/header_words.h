// RFC 2047 encoded words ("=?iso-8859-1?q?Jos=E9?=") in a header value, decoded without GMime for
// the common shapes: words in UTF-8, US-ASCII or ISO-8859-1, Q or B encoded, each standing alone
// between white space, in a line of printable ASCII. The white space between two encoded words
// is dropped and consecutive words in one charset are decoded together, as GMime does.
#pragma once

#include <string>
#include <string_view>

namespace accord::ingest {

// Appends the decoded `value` to `out` and returns true, with what GMime's
// g_mime_utils_header_decode_text gives for it; false (nothing appended) for any other shape,
// which GMime then decodes.
bool DecodeEncodedWords(std::string_view value, std::string* out);

}  // namespace accord::ingest
