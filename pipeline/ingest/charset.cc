#include "pipeline/ingest/charset.h"

#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>

#include <algorithm>
#include <cstring>
#include <memory>
#include <utility>
#include <vector>

#include "pipeline/ascii.h"
#include "pipeline/utf8.h"

namespace accord::ingest {
namespace {

bool HasC1Bytes(std::string_view s) {
  // Only the bytes past the ASCII runs can be C1; the runs are skipped eight bytes at a time.
  for (size_t i = utf8::AsciiPrefix(s); i < s.size(); i += 1 + utf8::AsciiPrefix(s.substr(i + 1))) {
    if (static_cast<unsigned char>(s[i]) <= 0x9F) return true;
  }
  return false;
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = ascii::ToLower(c);
  return out;
}

bool IsLatin1Label(const std::string& cs) {
  return cs == "iso-8859-1" || cs == "iso8859-1" || cs == "latin1" || cs == "latin-1" ||
         cs == "l1" || cs == "iso_8859-1" || cs == "cp819" || cs == "ibm819";
}
bool IsAsciiLabel(const std::string& cs) {
  return cs == "us-ascii" || cs == "ascii" || cs == "ansi_x3.4-1968" || cs == "646" || cs == "iso646-us";
}
bool IsUtf8Label(const std::string& cs) { return cs == "utf-8" || cs == "utf8"; }

struct ConverterCloser {
  void operator()(UConverter* c) const { ucnv_close(c); }
};
using ConverterPtr = std::unique_ptr<UConverter, ConverterCloser>;

// What ICU makes of each byte of a single-byte charset, in UTF-8. Such a converter keeps no state
// from one byte to the next, so converting a text byte by byte with the table gives what ICU
// gives for the whole text, at a fraction of the cost.
struct ByteTable {
  char utf8[256][4];
  uint8_t size[256];
  bool ascii_as_is = false;  // bytes 0x00-0x7F stand for themselves (not so in EBCDIC)
};

// The table of `conv`'s charset, or null when the charset is not single-byte (or a byte turns
// into more than one character).
std::unique_ptr<ByteTable> MakeByteTable(UConverter* conv, UConverter* to_utf8) {
  UErrorCode err = U_ZERO_ERROR;
  const UConverterType type = ucnv_getType(conv);
  if (type != UCNV_SBCS && type != UCNV_LATIN_1 && type != UCNV_US_ASCII) return nullptr;
  auto table = std::make_unique<ByteTable>();
  for (int b = 0; b < 256; ++b) {
    const char byte = static_cast<char>(b);
    const char* source = &byte;
    char out[16];
    char* target = out;
    UChar pivot[8];
    UChar* pivot_source = pivot;
    UChar* pivot_target = pivot;
    err = U_ZERO_ERROR;
    ucnv_reset(conv);
    ucnv_reset(to_utf8);
    ucnv_convertEx(to_utf8, conv, &target, out + sizeof(out), &source, &byte + 1, pivot, &pivot_source,
                   &pivot_target, pivot + 8, /*reset=*/false, /*flush=*/true, &err);
    const size_t n = static_cast<size_t>(target - out);
    // One well-formed character: a text converted through the table is well-formed UTF-8.
    if (U_FAILURE(err) || n == 0 || n > 4 || !utf8::IsValid(std::string_view(out, n)) ||
        utf8::CodePointCount(std::string_view(out, n)) != 1)
      return nullptr;
    std::memcpy(table->utf8[b], out, n);
    table->size[b] = static_cast<uint8_t>(n);
  }
  ucnv_reset(conv);
  ucnv_reset(to_utf8);
  table->ascii_as_is = true;
  for (int b = 0; b < 0x80; ++b)
    table->ascii_as_is &= table->size[b] == 1 && table->utf8[b][0] == static_cast<char>(b);
  return table;
}

bool ConvertStream(std::string_view bytes, UConverter* from, UConverter* to, std::string* out);

void ConvertWithTable(std::string_view bytes, const ByteTable& table, std::string* out) {
  size_t i = 0;
  while (i < bytes.size()) {
    if (table.ascii_as_is) {  // runs of ASCII are copied as they are
      const size_t run = utf8::AsciiPrefix(bytes.substr(i));
      out->append(bytes.data() + i, run);
      i += run;
      if (i == bytes.size()) break;
    }
    const auto b = static_cast<unsigned char>(bytes[i++]);
    out->append(table.utf8[b], table.size[b]);
  }
}

// The table, if the whole run of the 256 bytes converts through it as through ICU (a guard
// against a charset that maps some sequence of bytes as a unit).
std::unique_ptr<ByteTable> CheckedByteTable(UConverter* conv, UConverter* to_utf8) {
  std::unique_ptr<ByteTable> table = MakeByteTable(conv, to_utf8);
  if (table == nullptr) return nullptr;
  std::string all_bytes(256, '\0');
  for (int b = 0; b < 256; ++b) all_bytes[b] = static_cast<char>(b);
  std::string by_table, by_stream;
  ConvertWithTable(all_bytes, *table, &by_table);
  const bool same = ConvertStream(all_bytes, conv, to_utf8, &by_stream) && by_stream == by_table;
  ucnv_reset(conv);
  ucnv_reset(to_utf8);
  return same ? std::move(table) : nullptr;
}

// The converters of this thread, opened once per charset name and reset before each use.
class Converters {
 public:
  struct From {
    UConverter* conv = nullptr;     // null when ICU does not know the charset
    const ByteTable* table = nullptr;  // for a single-byte charset
  };
  // The converter from `charset` (invalid bytes to U+FFFD).
  From Open(const char* charset) {
    for (Entry& e : from_)
      if (e.name == charset) {
        ucnv_reset(e.conv.get());
        return {e.conv.get(), e.table.get()};
      }
    UErrorCode err = U_ZERO_ERROR;
    ConverterPtr conv(ucnv_open(charset, &err));
    if (U_FAILURE(err) || conv == nullptr) return {};
    // Invalid bytes become U+FFFD (the default substitution would be U+001A).
    ucnv_setToUCallBack(conv.get(), UCNV_TO_U_CALLBACK_SUBSTITUTE, nullptr, nullptr, nullptr, &err);
    std::unique_ptr<ByteTable> table;
    if (UConverter* to = ToUtf8()) table = CheckedByteTable(conv.get(), to);
    if (from_.size() >= kMaxCharsets) from_.clear();  // names come from the input: stay bounded
    from_.push_back({charset, std::move(conv), std::move(table)});
    return {from_.back().conv.get(), from_.back().table.get()};
  }
  UConverter* ToUtf8() {
    if (to_ == nullptr) {
      UErrorCode err = U_ZERO_ERROR;
      to_.reset(ucnv_open("UTF-8", &err));
      if (U_FAILURE(err)) to_.reset();
    } else {
      ucnv_reset(to_.get());
    }
    return to_.get();
  }

 private:
  struct Entry {
    std::string name;
    ConverterPtr conv;
    std::unique_ptr<ByteTable> table;
  };
  static constexpr size_t kMaxCharsets = 16;
  std::vector<Entry> from_;
  ConverterPtr to_;
};

thread_local Converters converters;

// Converts with ICU's converters over the whole text; false when the conversion fails.
bool ConvertStream(std::string_view bytes, UConverter* from, UConverter* to, std::string* out) {
  UErrorCode err = U_ZERO_ERROR;
  const size_t base = out->size();
  out->resize(base + bytes.size() * 3 + 16);
  char* target = out->data() + base;
  const char* source = bytes.data();
  UChar pivot[1024];
  UChar* pivot_source = pivot;
  UChar* pivot_target = pivot;
  while (true) {
    err = U_ZERO_ERROR;
    ucnv_convertEx(to, from, &target, out->data() + out->size(), &source,
                   bytes.data() + bytes.size(), pivot, &pivot_source, &pivot_target,
                   pivot + 1024, /*reset=*/false, /*flush=*/true, &err);
    if (err == U_BUFFER_OVERFLOW_ERROR) {
      const size_t used = target - out->data();
      out->resize(out->size() * 2);
      target = out->data() + used;
      continue;
    }
    break;
  }
  out->resize(target - out->data());
  if (U_FAILURE(err)) {
    out->resize(base);
    return false;
  }
  return true;
}

bool Convert(std::string_view bytes, const char* charset, std::string* out) {
  return ConvertCharset(bytes, charset, out);
}

// ICU's charset detector; empty when it has no confident answer.
std::string Detect(std::string_view bytes) {
  UErrorCode err = U_ZERO_ERROR;
  UCharsetDetector* det = ucsdet_open(&err);
  if (U_FAILURE(err)) return {};
  const int32_t len = static_cast<int32_t>(std::min<size_t>(bytes.size(), 1 << 16));
  ucsdet_setText(det, bytes.data(), len, &err);
  const UCharsetMatch* match = ucsdet_detect(det, &err);
  std::string name;
  if (U_SUCCESS(err) && match != nullptr && ucsdet_getConfidence(match, &err) >= 40) {
    const char* n = ucsdet_getName(match, &err);
    if (U_SUCCESS(err) && n != nullptr) name = n;
  }
  ucsdet_close(det);
  return name;
}

// Length of the well-formed UTF-8 sequence at s[i], or 0 when it is ill-formed.
size_t WellFormedLength(std::string_view s, size_t i) {
  const auto c = static_cast<unsigned char>(s[i]);
  if (c < 0x80) return 1;
  const int n = utf8::SequenceLength(c);
  if (n == 1 || i + n > s.size()) return 0;
  char32_t cp = c & (0xFF >> (n + 1));
  for (int k = 1; k < n; ++k) {
    const auto d = static_cast<unsigned char>(s[i + k]);
    if ((d & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (d & 0x3F);
  }
  if ((n == 2 && cp < 0x80) || (n == 3 && cp < 0x800) || (n == 4 && cp < 0x10000) ||
      (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF)
    return 0;
  return static_cast<size_t>(n);
}

// How ConvertWith converted a text.
enum class Converted { kNo, kByTable, kByStream };

Converted ConvertWith(std::string_view bytes, const char* charset, std::string* out, bool byte_table) {
  const Converters::From from = converters.Open(charset);
  if (from.conv == nullptr) return Converted::kNo;
  if (byte_table && from.table != nullptr) {
    ConvertWithTable(bytes, *from.table, out);
    return Converted::kByTable;
  }
  UConverter* to = converters.ToUtf8();
  return to != nullptr && ConvertStream(bytes, from.conv, to, out) ? Converted::kByStream : Converted::kNo;
}

}  // namespace

bool ConvertCharset(std::string_view bytes, const char* charset, std::string* out, bool byte_table) {
  return ConvertWith(bytes, charset, out, byte_table) != Converted::kNo;
}

bool HasByteTable(const char* charset) { return converters.Open(charset).table != nullptr; }

void SanitizeUtf8(std::string* s) {
  if (utf8::IsValid(*s)) return;
  std::string out;
  out.reserve(s->size() + 16);
  size_t i = 0;
  while (i < s->size()) {
    const size_t n = WellFormedLength(*s, i);
    if (n == 0) {
      out.append("\xEF\xBF\xBD");  // U+FFFD for each byte of an ill-formed sequence
      ++i;
    } else {
      out.append(*s, i, n);
      i += n;
    }
  }
  *s = std::move(out);
}

bool IsUtf8AsIs(std::string_view bytes, std::string_view declared) {
  const std::string cs = Lower(declared);
  return (cs.empty() || IsUtf8Label(cs) || IsAsciiLabel(cs)) && utf8::IsValid(bytes);
}

std::string ToUtf8(std::string_view bytes, std::string_view declared, std::string* out) {
  const std::string cs = Lower(declared);
  // The scans below start after the ASCII the text begins with: it is valid UTF-8 and holds no
  // C1 byte, and a multi-byte sequence cannot start inside it.
  const size_t ascii = utf8::AsciiPrefix(bytes);
  const std::string_view rest = bytes.substr(ascii);
  if (rest.empty()) {
    // Every ASCII-compatible charset reads ASCII the same way; UTF-16/32 and EBCDIC do not.
    if (cs.empty() || IsAsciiLabel(cs) || IsUtf8Label(cs) || IsLatin1Label(cs) ||
        cs.rfind("iso-8859", 0) == 0 || cs.rfind("windows-", 0) == 0) {
      out->append(bytes);
      return cs.empty() ? "us-ascii" : cs;
    }
  }
  const bool valid_utf8 = utf8::IsValid(rest);
  if ((cs.empty() || IsUtf8Label(cs) || IsAsciiLabel(cs)) && valid_utf8) {
    out->append(bytes);
    return "utf-8";
  }
  if ((IsLatin1Label(cs) || IsAsciiLabel(cs)) && HasC1Bytes(rest)) {
    if (valid_utf8) {
      out->append(bytes);
      return "utf-8";
    }
    if (Convert(bytes, "windows-1252", out)) return "windows-1252";
  }
  if (!cs.empty() && !IsAsciiLabel(cs) && !IsUtf8Label(cs)) {
    const size_t before = out->size();
    const Converted converted = ConvertWith(bytes, cs.c_str(), out, /*byte_table=*/true);
    if (converted != Converted::kNo) {
      // Guards against a converter that passes bytes through. A byte table's text is well-formed
      // (MakeByteTable checks each byte's character), so only what `out` held before is checked.
      if (converted == Converted::kByStream || !utf8::IsValid(std::string_view(*out).substr(0, before)))
        SanitizeUtf8(out);
      return cs;
    }
  }
  const std::string detected = Detect(bytes);
  if (!detected.empty() && Lower(detected) != "utf-8" && Convert(bytes, detected.c_str(), out)) {
    return Lower(detected);
  }
  if (IsUtf8Label(cs) || Lower(detected) == "utf-8") {
    std::string copy(bytes);
    SanitizeUtf8(&copy);
    out->append(copy);
    return "utf-8";
  }
  Convert(bytes, "windows-1252", out);
  return "windows-1252";
}

}  // namespace accord::ingest
