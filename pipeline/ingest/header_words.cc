#include "pipeline/ingest/header_words.h"

#include <cstdint>

#include "pipeline/ascii.h"
#include "pipeline/utf8.h"

namespace accord::ingest {
namespace {

enum class Charset { kUtf8, kAscii, kLatin1 };

bool ParseCharset(std::string_view name, Charset* cs) {
  if (ascii::EqualsIgnoreCase(name, "utf-8")) *cs = Charset::kUtf8;
  else if (ascii::EqualsIgnoreCase(name, "us-ascii")) *cs = Charset::kAscii;
  else if (ascii::EqualsIgnoreCase(name, "iso-8859-1")) *cs = Charset::kLatin1;
  else return false;
  return true;
}

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  return -1;
}

// RFC 2047 4.2: "_" is a space, "=XX" a byte; false for a malformed escape.
bool DecodeQ(std::string_view text, std::string* bytes) {
  size_t i = 0;
  while (i < text.size()) {
    size_t plain = i;
    while (plain < text.size() && text[plain] != '_' && text[plain] != '=') ++plain;
    bytes->append(text.data() + i, plain - i);
    if (plain == text.size()) break;
    if (text[plain] == '_') {
      bytes->push_back(' ');
      i = plain + 1;
      continue;
    }
    if (plain + 2 >= text.size()) return false;
    const int hi = HexValue(text[plain + 1]), lo = HexValue(text[plain + 2]);
    if (hi < 0 || lo < 0) return false;
    bytes->push_back(static_cast<char>(hi * 16 + lo));
    i = plain + 3;
  }
  return true;
}

int Base64Value(char c) {
  if (c >= 'A' && c <= 'Z') return c - 'A';
  if (c >= 'a' && c <= 'z') return c - 'a' + 26;
  if (c >= '0' && c <= '9') return c - '0' + 52;
  if (c == '+') return 62;
  if (c == '/') return 63;
  return -1;
}

// Well-formed base64 only: whole quanta, padding at the end alone.
bool DecodeB(std::string_view text, std::string* bytes) {
  if (text.size() % 4 != 0) return false;
  size_t pad = 0;
  while (pad < 2 && pad < text.size() && text[text.size() - 1 - pad] == '=') ++pad;
  const size_t data = text.size() - pad;
  uint32_t acc = 0;
  int bits = 0;
  for (size_t i = 0; i < data; ++i) {
    const int v = Base64Value(text[i]);
    if (v < 0) return false;
    acc = (acc << 6) | static_cast<uint32_t>(v);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes->push_back(static_cast<char>((acc >> bits) & 0xFF));
    }
  }
  return true;
}

// The decoded bytes of a run of words in `cs`, as UTF-8; false for bytes whose treatment by
// GMime is not plain (control characters, invalid UTF-8, 8-bit bytes in US-ASCII).
bool ToText(std::string_view bytes, Charset cs, std::string* out) {
  for (char ch : bytes) {
    const auto b = static_cast<unsigned char>(ch);
    if (b < 0x20 || b == 0x7F) return false;
    if (b >= 0x80) {
      if (cs == Charset::kAscii) return false;
      if (cs == Charset::kLatin1 && b < 0xA0) return false;
    }
  }
  if (cs == Charset::kUtf8) {
    if (!utf8::IsValid(bytes)) return false;
    out->append(bytes);
  } else if (cs == Charset::kAscii) {
    out->append(bytes);
  } else {
    size_t n = out->size();
    out->resize(n + 2 * bytes.size());
    char* dst = out->data();
    for (char ch : bytes) {
      const auto b = static_cast<unsigned char>(ch);
      if (b < 0x80) {
        dst[n++] = ch;
      } else {
        dst[n++] = static_cast<char>(0xC0 | (b >> 6));
        dst[n++] = static_cast<char>(0x80 | (b & 0x3F));
      }
    }
    out->resize(n);
  }
  return true;
}

struct EncodedWord {
  Charset charset;
  std::string_view label;  // "charset?Q" as written
  char encoding;           // 'Q' or 'B', in either case
  std::string_view text;
};

// One encoded word "=?charset?Q?text?=" making up the whole of `word`.
bool ParseWord(std::string_view word, EncodedWord* w) {
  if (word.size() < 8 || word.compare(0, 2, "=?") != 0 || word.compare(word.size() - 2, 2, "?=") != 0)
    return false;
  const std::string_view inner = word.substr(2, word.size() - 4);  // charset?Q?text
  const size_t q1 = inner.find('?');
  if (q1 == std::string_view::npos || q1 + 2 >= inner.size() || inner[q1 + 2] != '?') return false;
  const std::string_view text = inner.substr(q1 + 3);
  if (text.empty() || text.find('?') != std::string_view::npos) return false;
  if (!ParseCharset(inner.substr(0, q1), &w->charset)) return false;
  w->label = inner.substr(0, q1 + 2);
  w->encoding = inner[q1 + 1];
  w->text = text;
  return w->encoding == 'Q' || w->encoding == 'q' || w->encoding == 'B' || w->encoding == 'b';
}

bool DecodeWord(const EncodedWord& w, std::string* bytes) {
  return w.encoding == 'Q' || w.encoding == 'q' ? DecodeQ(w.text, bytes) : DecodeB(w.text, bytes);
}

}  // namespace

bool DecodeEncodedWords(std::string_view value, std::string* out) {
  for (char c : value)
    if ((static_cast<unsigned char>(c) < 0x20 && c != '\t') || static_cast<unsigned char>(c) >= 0x7F) return false;
  std::string decoded;
  // GMime decodes consecutive encoded words together when they have the same charset and
  // encoding, in any case (a character may be split between two words): it joins their encoded text, so a
  // base64 word with padding cannot be followed by another here.
  std::string pending;
  Charset pending_cs = Charset::kUtf8;
  std::string_view pending_label;
  bool in_run = false;     // the last word was an encoded word
  bool padded = false;     // the last word was base64 with padding
  std::string_view space;  // white space since the last word
  auto flush = [&]() {
    const bool ok = ToText(pending, pending_cs, &decoded);
    pending.clear();
    return ok;
  };
  size_t i = 0;
  while (i < value.size()) {
    size_t j = i;
    while (j < value.size() && (value[j] == ' ' || value[j] == '\t')) ++j;
    space = value.substr(i, j - i);
    if (j == value.size()) break;
    i = j;
    while (j < value.size() && value[j] != ' ' && value[j] != '\t') ++j;
    const std::string_view word = value.substr(i, j - i);
    i = j;
    EncodedWord w;
    if (ParseWord(word, &w)) {
      const bool joins = in_run && ascii::EqualsIgnoreCase(w.label, pending_label);
      if (joins && padded) return false;
      if (in_run && !joins && !flush()) return false;
      padded = w.text.back() == '=';  // base64 padding (Q text cannot end in "=")
      if (!in_run) decoded.append(space);  // white space between encoded words is dropped
      pending_cs = w.charset;
      pending_label = w.label;
      if (!DecodeWord(w, &pending)) return false;
      in_run = true;
    } else {
      if (word.find("=?") != std::string_view::npos) return false;  // GMime reads words inside words
      if (in_run && !flush()) return false;
      in_run = false;
      decoded.append(space).append(word);
    }
    space = {};
  }
  if (in_run && !flush()) return false;
  decoded.append(space);
  out->append(decoded);
  return true;
}

}  // namespace accord::ingest
