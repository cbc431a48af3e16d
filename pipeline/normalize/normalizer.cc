#include "pipeline/normalize/normalizer.h"

#include <bit>
#include <cstdint>
#include <cstring>
#include <string>

#include <unicode/bytestream.h>
#include <unicode/normalizer2.h>
#include <unicode/stringpiece.h>

#include "pipeline/normalize/ascii_run.h"
#include "pipeline/utf8.h"

namespace accord {
namespace {

using normalize::AsciiRunEnd;
using normalize::IsAsciiSpace;

const icu::Normalizer2* Nfc() {
  static const icu::Normalizer2* nfc = [] {
    UErrorCode status = U_ZERO_ERROR;
    return icu::Normalizer2::getNFCInstance(status);
  }();
  return nfc;
}

const icu::Normalizer2* Nfkc() {
  static const icu::Normalizer2* nfkc = [] {
    UErrorCode status = U_ZERO_ERROR;
    return icu::Normalizer2::getNFKCInstance(status);
  }();
  return nfkc;
}

// Unicode spaces that fold to ' ' (fold-spaces).
inline bool IsUnicodeSpace(char32_t cp) {
  return cp == 0x00A0 || (cp >= 0x2000 && cp <= 0x200A) || cp == 0x202F || cp == 0x205F ||
         cp == 0x3000;
}

// Invisible code points that are dropped (drop-invisible).
inline bool IsInvisible(char32_t cp) {
  return cp == 0x00AD || cp == 0x200B || cp == 0x2060 || cp == 0xFEFF;
}

// fold-quotes: the ASCII replacement of a typographic character, or nullptr.
const char* FoldedPunct(char32_t cp) {
  switch (cp) {
    case 0x2018: case 0x2019: case 0x201A: case 0x201B: return "'";
    case 0x201C: case 0x201D: case 0x201E: case 0x201F: return "\"";
    case 0x2010: case 0x2011: return "-";
    case 0x2026: return "...";
    default: return nullptr;
  }
}

// nfkc-safe: full-width ASCII forms and Latin ligatures.
inline bool NeedsNfkc(char32_t cp) {
  return (cp >= 0xFF01 && cp <= 0xFF5E) || (cp >= 0xFB00 && cp <= 0xFB06);
}

// SpaceLenAt and SpaceLenBefore past an ASCII byte (kept out of line: the ASCII test is the
// common case, once or twice a line).
[[gnu::noinline]] size_t UnicodeSpaceLenAt(std::string_view raw, size_t i, size_t end) {
  size_t k = i;
  const char32_t cp = utf8::Next(raw, k);
  if (k > end) return 0;
  return IsUnicodeSpace(cp) ? k - i : 0;
}

[[gnu::noinline]] size_t UnicodeSpaceLenBefore(std::string_view raw, size_t begin, size_t i) {
  size_t lead = i - 1;
  while (lead > begin && (static_cast<unsigned char>(raw[lead]) & 0xC0) == 0x80 && i - lead < 4)
    --lead;
  size_t k = lead;
  const char32_t cp = utf8::Next(raw, k);
  return (k == i && IsUnicodeSpace(cp)) ? i - lead : 0;
}

// Length of the whitespace (ASCII or Unicode space) that starts at raw[i], or 0.
inline size_t SpaceLenAt(std::string_view raw, size_t i, size_t end) {
  const unsigned char c = raw[i];
  if (c < 0x80) return IsAsciiSpace(c) ? 1 : 0;
  return UnicodeSpaceLenAt(raw, i, end);
}

// Length of the whitespace that ends at raw[i - 1] (i > begin), or 0.
inline size_t SpaceLenBefore(std::string_view raw, size_t begin, size_t i) {
  const unsigned char c = raw[i - 1];
  if (c < 0x80) return IsAsciiSpace(c) ? 1 : 0;
  return UnicodeSpaceLenBefore(raw, begin, i);
}

inline bool IsLetterByte(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80;
}

class SpanNormalizer {
 public:
  SpanNormalizer(std::string_view raw, const NormalizeOptions& options, NormalizedText& out)
      : raw_(raw), options_(options), out_(out), start_size_(out.size()) {}

  void Run(uint32_t begin, uint32_t end) {
    size_t pos = begin;
    while (pos < end) {
      size_t line_end = raw_.find('\n', pos);
      if (line_end == std::string_view::npos || line_end > end) line_end = end;
      size_t s = pos;
      if (options_.quoted) s = SkipQuotePrefix(s, line_end);
      for (size_t n; s < line_end && (n = SpaceLenAt(raw_, s, line_end)) > 0;) s += n;
      size_t t = line_end;
      for (size_t n; t > s && (n = SpaceLenBefore(raw_, s, t)) > 0;) t -= n;
      if (s < t) {
        EmitSeparator(s);
        EmitContent(s, t);
        pending_ = Pending::kSpace;
        sep_raw_begin_ = static_cast<uint32_t>(t);
      } else if (pending_ != Pending::kNone) {
        pending_ = Pending::kParagraph;  // paragraph-break
      }
      pos = line_end + 1;
    }
  }

  size_t appended() const { return out_.size() - start_size_; }

 private:
  enum class Pending { kNone, kSpace, kParagraph };

  // quote-prefix: "> ", ">>", "> > " and indentation before them.
  size_t SkipQuotePrefix(size_t s, size_t line_end) const {
    size_t k = s;
    while (k < line_end && (raw_[k] == ' ' || raw_[k] == '\t')) ++k;
    if (k >= line_end || raw_[k] != '>') return s;
    while (k < line_end && (raw_[k] == '>' || raw_[k] == ' ' || raw_[k] == '\t')) ++k;
    return k;
  }

  void EmitSeparator(size_t content_begin) {
    const uint32_t cb = static_cast<uint32_t>(content_begin);
    if (appended() == 0) {
      if (!options_.separator.empty() && out_.size() > 0)
        out_.Append(options_.separator, std::min(options_.separator_raw_begin, cb), cb);
      return;
    }
    if (pending_ == Pending::kParagraph) {
      out_.Append("\n\n", sep_raw_begin_, cb);
      return;
    }
    // hyphen-at-break: "recently-\nsplit" → "recently-split"; a soft hyphen at the break joins.
    const std::string& text = out_.text();
    const unsigned char first = raw_[content_begin];
    if (IsLetterByte(first)) {
      if (soft_hyphen_at_end_) return;
      if (appended() >= 2 && text.back() == '-' &&
          IsLetterByte(static_cast<unsigned char>(text[text.size() - 2])))
        return;
    }
    out_.Append(" ", sep_raw_begin_, cb);  // unwrap-lines
  }

  void EmitSpace(size_t b, size_t e) {  // collapse-spaces
    if (appended() == 0 || out_.text().back() == ' ') return;
    out_.Append(" ", static_cast<uint32_t>(b), static_cast<uint32_t>(e));
  }

  // True when the code point at raw[i] attaches to the one before it (a combining mark).
  bool CombinesBackward(size_t i, size_t t) const {
    if (i >= t || static_cast<unsigned char>(raw_[i]) < 0x80) return false;
    size_t k = i;
    const char32_t cp = utf8::Next(raw_, k);
    return !Nfc()->hasBoundaryBefore(cp);
  }

  void EmitContent(size_t s, size_t t) {
    soft_hyphen_at_end_ = false;
    size_t i = s;
    while (i < t) {
      const unsigned char c = raw_[i];
      if (c < 0x80) {
        if (IsAsciiSpace(c)) {
          size_t j = i;
          for (size_t n; j < t && (n = SpaceLenAt(raw_, j, t)) > 0;) j += n;
          EmitSpace(i, j);
          i = j;
          continue;
        }
        // An ASCII run, single spaces between words included: a lone space is copied as it
        // stands, exactly what collapse-spaces would append for it.
        size_t j = AsciiRunEnd(raw_, i + 1, t);
        if (CombinesBackward(j, t)) --j;  // the base letter goes with its marks (nfc)
        if (j > i) {
          out_.AppendVerbatim(raw_.substr(i, j - i), static_cast<uint32_t>(i));
          soft_hyphen_at_end_ = false;
          i = j;
          continue;
        }
      }
      i = EmitCluster(i, t);
    }
  }

  // One code point and the combining marks after it.
  size_t EmitCluster(size_t start, size_t t) {
    size_t i = start;
    const char32_t cp = utf8::Next(raw_, i);
    const size_t first_end = i;
    while (i < t && CombinesBackward(i, t)) utf8::Next(raw_, i);
    const uint32_t rb = static_cast<uint32_t>(start), re = static_cast<uint32_t>(i);
    if (i == first_end) {  // a single code point
      if (IsInvisible(cp)) {
        soft_hyphen_at_end_ = (cp == 0x00AD);
        return i;
      }
      soft_hyphen_at_end_ = false;
      if (cp == 0xFFFD) {
        out_.Append("\xEF\xBF\xBD", rb, re);
        return i;
      }
      if (IsUnicodeSpace(cp)) {
        EmitSpace(rb, re);
        return i;
      }
      if (const char* folded = FoldedPunct(cp)) {
        out_.Append(folded, rb, re);
        return i;
      }
      if (cp < 0x80 || (!NeedsNfkc(cp) && Nfc()->isInert(cp))) {
        out_.AppendVerbatim(raw_.substr(start, i - start), rb);
        return i;
      }
    }
    soft_hyphen_at_end_ = false;
    const icu::Normalizer2* n = (i == first_end && NeedsNfkc(cp)) ? Nfkc() : Nfc();
    std::string normalized;
    icu::StringByteSink<std::string> sink(&normalized);
    UErrorCode status = U_ZERO_ERROR;
    n->normalizeUTF8(0, icu::StringPiece(raw_.data() + start, static_cast<int32_t>(i - start)),
                     sink, nullptr, status);
    if (U_FAILURE(status) || normalized.empty()) {
      out_.AppendVerbatim(raw_.substr(start, i - start), rb);
    } else if (normalized == raw_.substr(start, i - start)) {
      out_.AppendVerbatim(normalized, rb);
    } else {
      out_.Append(normalized, rb, re);
    }
    return i;
  }

  std::string_view raw_;
  const NormalizeOptions& options_;
  NormalizedText& out_;
  const size_t start_size_;
  Pending pending_ = Pending::kNone;
  uint32_t sep_raw_begin_ = 0;
  bool soft_hyphen_at_end_ = false;
};

}  // namespace

size_t NormalizeSpan(std::string_view raw, uint32_t begin, uint32_t end,
                     const NormalizeOptions& options, NormalizedText& out) {
  if (end > raw.size()) end = static_cast<uint32_t>(raw.size());
  if (begin >= end) return 0;
  SpanNormalizer normalizer(raw, options, out);
  normalizer.Run(begin, end);
  return normalizer.appended();
}

}  // namespace accord
