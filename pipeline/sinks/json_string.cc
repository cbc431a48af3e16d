#include "pipeline/sinks/json_string.h"

#include <algorithm>
#include <bit>
#include <cstdint>
#include <cstring>

#include <nlohmann/json.hpp>

#include "pipeline/utf8.h"

namespace accord {
namespace {

static_assert(std::endian::native == std::endian::little, "the word scan reads bytes low first");

constexpr uint64_t kOnes = 0x0101010101010101ull;
constexpr uint64_t kHigh = 0x8080808080808080ull;

// True for a byte that is not copied as it stands: a control byte, '"', '\\', or a byte of a
// multi-byte sequence (which must be checked as UTF-8).
inline bool IsSpecial(unsigned char c) { return c < 0x20 || c == '"' || c == '\\' || c >= 0x80; }

// The high bit of the bytes of `w` (8 bytes of text, the first in the low byte) for which
// IsSpecial holds. "byte < n" shows as a borrow out of (byte - n); a borrow can also mark a
// byte above a marked one, but never one below, so the lowest marked byte is always special.
inline uint64_t SpecialBytes(uint64_t w) {
  const uint64_t quote = w ^ (kOnes * '"');
  const uint64_t backslash = w ^ (kOnes * '\\');
  const uint64_t control = (w - kOnes * 0x20) & ~w;
  const uint64_t is_quote = (quote - kOnes) & ~quote;
  const uint64_t is_backslash = (backslash - kOnes) & ~backslash;
  return (control | is_quote | is_backslash | w) & kHigh;
}

// The index of the first special byte of s at or after i, or s.size().
inline size_t NextSpecial(std::string_view s, size_t i) {
  const size_t n = s.size();
  for (; i + 8 <= n; i += 8) {
    uint64_t w;
    std::memcpy(&w, s.data() + i, 8);
    if (const uint64_t special = SpecialBytes(w)) return i + std::countr_zero(special) / 8;
  }
  if (i == n) return n;
  if (n >= 8) {
    // The last 1-7 bytes: the string's last word, shifted so that they come first. The zero
    // bytes shifted in above them are marked (as control bytes), so `special` is never 0.
    uint64_t w;
    std::memcpy(&w, s.data() + n - 8, 8);
    const uint64_t special = SpecialBytes(w >> (8 * (8 - (n - i))));
    return std::min(n, i + std::countr_zero(special) / 8);
  }
  for (; i < n; ++i)
    if (IsSpecial(static_cast<unsigned char>(s[i]))) return i;
  return n;
}

// The length of the well-formed UTF-8 sequence that starts at s[i] (a byte >= 0x80), or 0 when
// there is none (the rules of utf8::IsValid).
size_t ValidSequenceLength(std::string_view s, size_t i) {
  const unsigned char c = s[i];
  const int n = utf8::SequenceLength(c);
  if (n == 1 || i + n > s.size()) return 0;
  char32_t cp = c & (0xFF >> (n + 1));
  for (int k = 1; k < n; ++k) {
    const unsigned char d = s[i + k];
    if ((d & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (d & 0x3F);
  }
  // Overlong forms, surrogates and values past U+10FFFF are not UTF-8.
  if ((n == 2 && cp < 0x80) || (n == 3 && cp < 0x800) || (n == 4 && cp < 0x10000) ||
      (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF)
    return 0;
  return n;
}

// Writes the escape of `c` (a control byte, '"' or '\\') to `p`; returns the end.
char* WriteEscape(unsigned char c, char* p) {
  static constexpr char kHex[] = "0123456789abcdef";
  char named = 0;
  switch (c) {
    case '"': named = '"'; break;
    case '\\': named = '\\'; break;
    case '\b': named = 'b'; break;
    case '\f': named = 'f'; break;
    case '\n': named = 'n'; break;
    case '\r': named = 'r'; break;
    case '\t': named = 't'; break;
    default: break;
  }
  *p++ = '\\';
  if (named != 0) {
    *p++ = named;
    return p;
  }
  std::memcpy(p, "u00", 3);
  p[3] = kHex[c >> 4];
  p[4] = kHex[c & 0xF];
  return p + 5;
}

}  // namespace

char* WriteJsonStringContent(std::string_view s, char* p) {
  char* const start = p;
  size_t run = 0;  // start of the pending run of bytes copied as they stand
  size_t i = 0;
  while ((i = NextSpecial(s, i)) < s.size()) {
    const unsigned char c = s[i];
    if (c >= 0x80) {
      const size_t n = ValidSequenceLength(s, i);
      if (n == 0) {  // rare: let nlohmann apply its replacement rules to the whole string
        const std::string quoted = nlohmann::ordered_json(std::string(s)).dump(
            -1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
        std::memcpy(start, quoted.data() + 1, quoted.size() - 2);
        return start + quoted.size() - 2;
      }
      i += n;
      continue;
    }
    std::memcpy(p, s.data() + run, i - run);
    p = WriteEscape(c, p + (i - run));
    run = ++i;
  }
  if (run == s.size()) return p;
  std::memcpy(p, s.data() + run, s.size() - run);
  return p + (s.size() - run);
}

void AppendJsonStringContent(std::string_view s, std::string& out) {
  char buffer[1536];  // room for strings of up to 256 bytes
  if (JsonStringContentBound(s.size()) <= sizeof buffer) {
    out.append(buffer, WriteJsonStringContent(s, buffer));
    return;
  }
  const size_t at = out.size();
  out.resize(at + JsonStringContentBound(s.size()));
  out.resize(WriteJsonStringContent(s, out.data() + at) - out.data());
}

void AppendJsonString(std::string_view s, std::string& out) {
  char buffer[1536];
  if (JsonStringContentBound(s.size()) + 2 <= sizeof buffer) {
    char* p = buffer;
    *p++ = '"';
    p = WriteJsonStringContent(s, p);
    *p++ = '"';
    out.append(buffer, p);
    return;
  }
  out.push_back('"');
  AppendJsonStringContent(s, out);
  out.push_back('"');
}

}  // namespace accord
