#include "pipeline/ingest/charset.h"

#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>

#include <algorithm>
#include <cstring>
#include <memory>
#include <utility>
#include <vector>

#include "pipeline/utf8.h"

namespace accord::ingest {
namespace {

bool IsAscii(std::string_view s) {
  uint64_t acc = 0;
  size_t i = 0;
  for (; i + 8 <= s.size(); i += 8) {
    uint64_t w;
    std::memcpy(&w, s.data() + i, 8);
    acc |= w;
  }
  for (; i < s.size(); ++i) acc |= static_cast<unsigned char>(s[i]);
  return (acc & 0x8080808080808080ULL) == 0;
}

bool HasC1Bytes(std::string_view s) {
  return std::any_of(s.begin(), s.end(), [](char c) {
    const auto b = static_cast<unsigned char>(c);
    return b >= 0x80 && b <= 0x9F;
  });
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
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

// The converters of this thread, opened once per charset name and reset before each use.
class Converters {
 public:
  // The converter from `charset` (invalid bytes to U+FFFD), or null when ICU does not know it.
  UConverter* From(const char* charset) {
    for (auto& [name, conv] : from_)
      if (name == charset) {
        ucnv_reset(conv.get());
        return conv.get();
      }
    UErrorCode err = U_ZERO_ERROR;
    ConverterPtr conv(ucnv_open(charset, &err));
    if (U_FAILURE(err) || conv == nullptr) return nullptr;
    // Invalid bytes become U+FFFD (the default substitution would be U+001A).
    ucnv_setToUCallBack(conv.get(), UCNV_TO_U_CALLBACK_SUBSTITUTE, nullptr, nullptr, nullptr, &err);
    if (from_.size() >= kMaxCharsets) from_.clear();  // names come from the input: stay bounded
    from_.emplace_back(charset, std::move(conv));
    return from_.back().second.get();
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
  static constexpr size_t kMaxCharsets = 16;
  std::vector<std::pair<std::string, ConverterPtr>> from_;
  ConverterPtr to_;
};

// Converts with ICU; false when ICU does not know `charset`.
bool Convert(std::string_view bytes, const char* charset, std::string* out) {
  thread_local Converters converters;
  UConverter* from = converters.From(charset);
  if (from == nullptr) return false;
  UConverter* to = converters.ToUtf8();
  if (to == nullptr) return false;
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

}  // namespace

void SanitizeUtf8(std::string* s) {
  if (IsAscii(*s) || utf8::IsValid(*s)) return;
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

std::string ToUtf8(std::string_view bytes, std::string_view declared, std::string* out) {
  const std::string cs = Lower(declared);
  if (IsAscii(bytes)) {
    // Every ASCII-compatible charset reads ASCII the same way; UTF-16/32 and EBCDIC do not.
    if (cs.empty() || IsAsciiLabel(cs) || IsUtf8Label(cs) || IsLatin1Label(cs) ||
        cs.rfind("iso-8859", 0) == 0 || cs.rfind("windows-", 0) == 0) {
      out->append(bytes);
      return cs.empty() ? "us-ascii" : cs;
    }
  }
  const bool valid_utf8 = utf8::IsValid(bytes);
  if ((cs.empty() || IsAsciiLabel(cs) || IsUtf8Label(cs)) && valid_utf8) {
    out->append(bytes);
    return "utf-8";
  }
  if ((IsLatin1Label(cs) || IsAsciiLabel(cs)) && HasC1Bytes(bytes)) {
    if (valid_utf8) {
      out->append(bytes);
      return "utf-8";
    }
    if (Convert(bytes, "windows-1252", out)) return "windows-1252";
  }
  if (!cs.empty() && !IsAsciiLabel(cs) && !IsUtf8Label(cs) && Convert(bytes, cs.c_str(), out)) {
    SanitizeUtf8(out);  // guards against a converter that passes bytes through
    return cs;
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
