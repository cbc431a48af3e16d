// DecodeEncodedWords against GMime's g_mime_utils_header_decode_text: a table of header values
// (each row says whether the shortcut reads it), then many values built at random from plain
// words, white space and encoded words, well-formed or not. Whatever the shortcut reads, it must
// read as GMime does.
#include "pipeline/ingest/header_words.h"

#include <gmime/gmime.h>

#include <cctype>
#include <cstdint>
#include <mutex>
#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace accord::ingest {
namespace {

std::string WithGMime(const std::string& value) {
  static std::once_flag once;
  std::call_once(once, [] { g_mime_init(); });
  char* decoded = g_mime_utils_header_decode_text(nullptr, value.c_str());
  std::string out = decoded != nullptr ? decoded : "";
  g_free(decoded);
  return out;
}

TEST(HeaderWordsTest, CommonShapesAreReadAsGMimeReadsThem) {
  const struct {
    std::string value;
    bool read;  // DecodeEncodedWords takes it
  } cases[] = {
      {"=?iso-8859-1?q?Pablo_Jim=E9nez?= <pablo@example.es>", true},
      {"=?iso-8859-1?q?=5BSecnews=5D_Telef=F3nica_and_Deutsche_Telekom?= [9]", true},
      {"Re: =?utf-8?q?caf=C3=A9?= and more", true},
      {"=?UTF-8?B?4oCUIGRhc2g=?=", true},
      {"=?utf-8?b?4oCU?=", true},
      {"=?utf-8?q?=E2=80?= =?utf-8?q?=94?=", true},          // one character split over two words
      {"=?utf-8?q?=E2=80?=\t =?UTF-8?b?lA==?=", false},        // split over two encodings
      {"=?iso-8859-1?q?a?= =?iso-8859-1?q?b?=", true},
      {"=?iso-8859-1?q?a=E9?=  \t =?utf-8?q?b?=", true},      // two charsets, white space dropped
      {"x =?iso-8859-1?q?a?=  y", true},
      {"  =?us-ascii?Q?plain_words?=  ", true},
      {"=?ISO-8859-1?Q?lower_=e9_hex?=", true},
      {"=?iso-8859-1?q?=A0nbsp?=", true},
      {"a  b\tc =?utf-8?q?d?=", true},
      {"=?utf-8?q?a?= b =?utf-8?q?c?=", true},
      {"no words at all", true},
      {"x=?iso-8859-1?q?a?=y", false},                       // a word inside a word
      {"=?iso-8859-1?q?a?==?iso-8859-1?q?b?=", false},
      {"=?iso-8859-1?q?a=80b?=", false},                     // C1 control
      {"=?us-ascii?q?a=E9?=", false},                        // 8-bit in US-ASCII
      {"=?utf-8?q?a=00b?=", false},
      {"=?utf-8?q?=FF?=", false},                            // invalid UTF-8
      {"=?utf-8?b?4oC?=", false},                            // base64 cut short
      {"=?utf-8?q?a=4?=", false},
      {"=?utf-8?q?a?b?=", false},
      {"=?utf-8*en?q?ab?=", false},                          // RFC 2231 language
      {"=?koi8-r?q?=F0?=", false},
      {"=?utf-8?x?ab?=", false},
      {"=?utf-8?q?" "?=", false},
      {"caf\xc3\xa9 =?utf-8?q?x?=", false},                  // raw 8-bit text
      {"a\rb =?utf-8?q?x?=", false},
  };
  for (const auto& c : cases) {
    std::string out = "kept ";
    const bool read = DecodeEncodedWords(c.value, &out);
    EXPECT_EQ(read, c.read) << c.value;
    if (read) {
      EXPECT_EQ(out, "kept " + WithGMime(c.value)) << c.value;
    } else {
      EXPECT_EQ(out, "kept ") << c.value;
    }
  }
}

// A fixed pseudo-random sequence.
class Random {
 public:
  uint32_t Next(uint32_t n) {
    state_ = state_ * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<uint32_t>(state_ >> 33) % n;
  }

 private:
  uint64_t state_ = 42;
};

std::string EncodeQ(const std::string& bytes, Random& r) {
  static const char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (char ch : bytes) {
    const auto b = static_cast<unsigned char>(ch);
    if (b == ' ' && r.Next(2) == 0) {
      out.push_back('_');
    } else if (b > 32 && b < 127 && b != '=' && b != '?' && b != '_' && r.Next(4) != 0) {
      out.push_back(ch);
    } else {
      out.push_back('=');
      out.push_back(kHex[b >> 4]);
      out.push_back(r.Next(3) == 0 ? static_cast<char>(std::tolower(kHex[b & 15])) : kHex[b & 15]);
    }
  }
  return out;
}

std::string EncodeB(const std::string& bytes) {
  static const char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  size_t i = 0;
  for (; i + 3 <= bytes.size(); i += 3) {
    const uint32_t v = (static_cast<unsigned char>(bytes[i]) << 16) | (static_cast<unsigned char>(bytes[i + 1]) << 8) |
                       static_cast<unsigned char>(bytes[i + 2]);
    for (int k = 3; k >= 0; --k) out.push_back(kAlphabet[(v >> (6 * k)) & 63]);
  }
  if (bytes.size() - i == 1) {
    const uint32_t v = static_cast<unsigned char>(bytes[i]) << 16;
    out += std::string{kAlphabet[v >> 18], kAlphabet[(v >> 12) & 63], '=', '='};
  } else if (bytes.size() - i == 2) {
    const uint32_t v = (static_cast<unsigned char>(bytes[i]) << 16) | (static_cast<unsigned char>(bytes[i + 1]) << 8);
    out += std::string{kAlphabet[v >> 18], kAlphabet[(v >> 12) & 63], kAlphabet[(v >> 6) & 63], '='};
  }
  return out;
}

std::string RandomBytes(Random& r) {
  static const std::vector<std::string> kPieces = {
      "a", "Telef", "caf", " ", "[List]", "?", "=", "_", "\xc3\xa9", "\xe2\x80\x94", "\xe9", "\xa0", "\x80",
      "\xff", "\x01", "\t", "\xc3", "\x94", "Z9", "+/"};
  std::string bytes;
  const uint32_t n = 1 + r.Next(5);
  for (uint32_t k = 0; k < n; ++k) bytes += kPieces[r.Next(static_cast<uint32_t>(kPieces.size()))];
  return bytes;
}

std::string RandomEncodedWord(Random& r) {
  static const char* kCharsets[] = {"utf-8", "UTF-8", "us-ascii", "iso-8859-1", "ISO-8859-1", "koi8-r",
                                    "utf-8*en", "Utf-8"};
  const std::string charset = kCharsets[r.Next(8)];
  const std::string bytes = RandomBytes(r);
  std::string word;
  switch (r.Next(5)) {
    case 0: word = "=?" + charset + "?B?" + EncodeB(bytes) + "?="; break;
    case 1: word = "=?" + charset + "?b?" + EncodeB(bytes) + "?="; break;
    case 2: word = "=?" + charset + "?q?" + EncodeQ(bytes, r) + "?="; break;
    default: word = "=?" + charset + "?Q?" + EncodeQ(bytes, r) + "?="; break;
  }
  switch (r.Next(12)) {  // now and then, a broken word
    case 0: word.erase(word.size() - 3 - r.Next(2), 1); break;
    case 1: word.insert(word.size() - 2, "?"); break;
    case 2: word.insert(2 + charset.size() + 3, "="); break;
    case 3: word.insert(word.size() - 2, " "); break;
    default: break;
  }
  return word;
}

TEST(HeaderWordsTest, RandomValuesAreReadAsGMimeReadsThem) {
  static const std::vector<std::string> kWords = {"Re:", "[Secnews]", "a", "<pablo@example.es>", "x=y", "?",
                                                  "=", "(comment)", "\"quoted\"", "Fwd:", "=?", "?="};
  static const std::vector<std::string> kSpaces = {" ", "  ", "\t", " \t ", ""};
  Random r;
  int read = 0;
  constexpr int kValues = 20000;
  for (int v = 0; v < kValues; ++v) {
    std::string value = r.Next(3) == 0 ? kSpaces[r.Next(4)] : "";
    const uint32_t tokens = 1 + r.Next(5);
    for (uint32_t t = 0; t < tokens; ++t) {
      if (t > 0) value += kSpaces[r.Next(static_cast<uint32_t>(kSpaces.size()))];
      value += r.Next(2) == 0 ? RandomEncodedWord(r) : kWords[r.Next(static_cast<uint32_t>(kWords.size()))];
    }
    if (r.Next(3) == 0) value += kSpaces[r.Next(4)];
    std::string out;
    if (DecodeEncodedWords(value, &out)) {
      ++read;
      ASSERT_EQ(out, WithGMime(value)) << "value: " << value;
    }
  }
  EXPECT_GT(read, kValues / 5);  // the shortcut is taken often enough for the comparison to count
}

}  // namespace
}  // namespace accord::ingest
