#include "pipeline/segment/sentence_breaks.h"

#include <array>
#include <climits>
#include <iterator>
#include <string>

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/uchar.h>
#include <unicode/utext.h>
#include <unicode/utf8.h>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace accord {
namespace {

// Classes beside ICU's USentenceBreak values.
constexpr int kEnd = -1;        // past the end of the text
constexpr int kLeftToIcu = -2;  // Extend, Format (rule SB5) or ill-formed UTF-8

struct AsciiClasses {
  std::array<int8_t, 128> cls;
  // Bytes the scan must look at: terminators, separators and every non-ASCII byte. Any other
  // byte neither ends a sentence nor has a class that needs a look.
  std::array<bool, 256> stop;
  // Whether every ASCII byte that stops the scan is a control byte or one of kAsciiStopMarks
  // (so with today's Unicode data), which SkipPlain then finds sixteen bytes at a time.
  bool stops_are_fixed;
};

// The printable ASCII bytes whose Sentence_Break class needs a look: the terminators. (The
// others are control bytes: the line breaks.)
constexpr char kAsciiStopMarks[] = {'!', '.', '?'};

// Built from ICU's Sentence_Break property, once.
const AsciiClasses& Ascii() {
  static const AsciiClasses table = [] {
    AsciiClasses t{};
    for (int c = 0; c < 256; ++c) {
      if (c >= 0x80) {
        t.stop[c] = true;
        continue;
      }
      const int cls = u_getIntPropertyValue(c, UCHAR_SENTENCE_BREAK);
      t.cls[c] = static_cast<int8_t>(cls == U_SB_EXTEND || cls == U_SB_FORMAT ? kLeftToIcu : cls);
      t.stop[c] = cls != U_SB_OTHER && cls != U_SB_LOWER && cls != U_SB_UPPER &&
                  cls != U_SB_NUMERIC && cls != U_SB_OLETTER && cls != U_SB_SP &&
                  cls != U_SB_CLOSE && cls != U_SB_SCONTINUE;
    }
    t.stops_are_fixed = true;
    for (int c = 0; c < 128; ++c) {
      const bool mark = c == kAsciiStopMarks[0] || c == kAsciiStopMarks[1] || c == kAsciiStopMarks[2];
      if (t.stop[c] && c >= 0x20 && !mark) t.stops_are_fixed = false;
    }
    return t;
  }();
  return table;
}

enum class Verdict { kBreak, kNoBreak, kLeftToIcu };

class Scan {
 public:
  explicit Scan(std::string_view text) : s_(text), ascii_(Ascii()) {}

  // The first byte at or after `i` that the scan must look at. Plain stretches are most of any
  // text: four bytes a step, with one branch.
  size_t SkipPlain(size_t i) const {
#if defined(__SSE2__)
    if (ascii_.stops_are_fixed) i = SkipPlainBy16(i);
#endif
    const auto stop = [this](size_t k) { return ascii_.stop[static_cast<unsigned char>(s_[k])]; };
    while (i + 4 <= s_.size() && !(stop(i) | stop(i + 1) | stop(i + 2) | stop(i + 3))) i += 4;
    while (i < s_.size() && !stop(i)) ++i;
    return i;
  }

#if defined(__SSE2__)
  // SkipPlain sixteen bytes a step, while sixteen remain: a byte may stop the scan when its high
  // bit is set (non-ASCII), when it is a control byte (below 0x20: one comparison of signed bytes
  // finds both) or when it equals one of kAsciiStopMarks; of those, a control byte that is no
  // line break (a tab) is passed over. Returns the first byte that stops the scan, or where fewer
  // than sixteen bytes remain.
  size_t SkipPlainBy16(size_t i) const {
    static_assert(std::size(kAsciiStopMarks) == 3, "one comparison for each stop mark");
    const __m128i control = _mm_set1_epi8(0x20), bang = _mm_set1_epi8(kAsciiStopMarks[0]),
                  dot = _mm_set1_epi8(kAsciiStopMarks[1]), question = _mm_set1_epi8(kAsciiStopMarks[2]);
    for (; i + 16 <= s_.size(); i += 16) {
      const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s_.data() + i));
      const __m128i hit = _mm_or_si128(
          _mm_cmplt_epi8(v, control),
          _mm_or_si128(_mm_cmpeq_epi8(v, bang), _mm_or_si128(_mm_cmpeq_epi8(v, dot), _mm_cmpeq_epi8(v, question))));
      for (unsigned mask = static_cast<unsigned>(_mm_movemask_epi8(hit)); mask != 0; mask &= mask - 1) {
        const size_t at = i + static_cast<size_t>(__builtin_ctz(mask));
        if (ascii_.stop[static_cast<unsigned char>(s_[at])]) return at;
      }
    }
    return i;
  }
#endif

  // The class of the character at byte `i` and its length in bytes. (Inlined where it is asked:
  // the ASCII answer is a table look; other characters go out of line.)
  [[gnu::always_inline]] int ClassAt(size_t i, size_t* len) const {
    if (i >= s_.size()) {
      *len = 0;
      return kEnd;
    }
    const unsigned char c = s_[i];
    if (c < 0x80) {
      *len = 1;
      return ascii_.cls[c];
    }
    return NonAsciiClassAt(i, len);
  }

  // ClassAt for a character that starts with a byte from 0x80 up.
  [[gnu::noinline]] int NonAsciiClassAt(size_t i, size_t* len) const {
    int32_t k = static_cast<int32_t>(i);
    UChar32 cp;
    U8_NEXT(s_.data(), k, static_cast<int32_t>(s_.size()), cp);
    *len = static_cast<size_t>(k) - i;
    if (cp < 0) return kLeftToIcu;
    const int cls = u_getIntPropertyValue(cp, UCHAR_SENTENCE_BREAK);
    return cls == U_SB_EXTEND || cls == U_SB_FORMAT ? kLeftToIcu : cls;
  }

  // The class of the character that ends at byte `i` (> 0).
  int ClassBefore(size_t i) const {
    size_t k = i - 1;
    while (k > 0 && (static_cast<unsigned char>(s_[k]) & 0xC0) == 0x80) --k;
    size_t len;
    const int cls = ClassAt(k, &len);
    return k + len == i ? cls : kLeftToIcu;
  }

  // Whether the boundary a run "terminator Close* Sp*" would end with stands. The terminator
  // (class `term`) is at byte `i`, `len` bytes long. Sets `next` to where the scan goes on.
  Verdict AfterTerminator(size_t i, size_t len, int term, size_t* next) const {
    size_t j = i + len, n;
    int c = ClassAt(j, &n);
    *next = j;
    if (term == U_SB_ATERM) {
      if (c == U_SB_NUMERIC) return Verdict::kNoBreak;  // SB6: "3.5"
      if (c == U_SB_UPPER && i > 0) {                    // SB7: "U.S"
        const int before = ClassBefore(i);
        if (before == kLeftToIcu) return Verdict::kLeftToIcu;
        if (before == U_SB_UPPER || before == U_SB_LOWER) return Verdict::kNoBreak;
      }
    }
    while (c == U_SB_CLOSE) c = ClassAt(j += n, &n);
    while (c == U_SB_SP) c = ClassAt(j += n, &n);
    *next = j;
    switch (c) {
      case kLeftToIcu: return Verdict::kLeftToIcu;
      case kEnd:                                   // SB2: the end is not reported
      case U_SB_CR:
      case U_SB_LF:
      case U_SB_SEP:                               // SB9, SB10: the separator ends it (SB4)
      case U_SB_SCONTINUE:
      case U_SB_ATERM:
      case U_SB_STERM: return Verdict::kNoBreak;  // SB8a: "?!", "etc.,"
      default: break;
    }
    return term == U_SB_ATERM ? LowerFollows(j) : Verdict::kBreak;
  }

  // SB8: no break after "ATerm Close* Sp*" when a lower-case letter comes before any other
  // letter, terminator or separator: "e.g. (a list)".
  Verdict LowerFollows(size_t j) const {
    for (size_t n;; j += n) {
      switch (ClassAt(j, &n)) {
        case U_SB_LOWER: return Verdict::kNoBreak;
        case kLeftToIcu: return Verdict::kLeftToIcu;
        case kEnd:
        case U_SB_OLETTER:
        case U_SB_UPPER:
        case U_SB_SEP:
        case U_SB_CR:
        case U_SB_LF:
        case U_SB_ATERM:
        case U_SB_STERM: return Verdict::kBreak;
        default: break;
      }
    }
  }

 private:
  std::string_view s_;
  const AsciiClasses& ascii_;
};

// The break iterator of this thread (ICU iterators are not thread-safe).
icu::BreakIterator& ThreadIterator(const icu::BreakIterator& prototype) {
  thread_local std::unique_ptr<icu::BreakIterator> it;
  if (!it) it.reset(prototype.clone());
  return *it;
}

}  // namespace

SentenceBreaker::~SentenceBreaker() = default;

StatusOr<std::unique_ptr<SentenceBreaker>> SentenceBreaker::Create() {
  std::unique_ptr<SentenceBreaker> b(new SentenceBreaker());
  UErrorCode status = U_ZERO_ERROR;
  b->prototype_.reset(icu::BreakIterator::createSentenceInstance(icu::Locale::getEnglish(), status));
  if (U_FAILURE(status) || !b->prototype_)
    return Internal(std::string("ICU sentence break iterator: ") + u_errorName(status));
  return b;
}

void SentenceBreaker::Breaks(std::string_view text, std::vector<uint32_t>& out) const {
  const size_t first = out.size();
  if (ScanBreaks(text, out)) return;
  out.resize(first);
  IcuBreaks(text, out);
}

void SentenceBreaker::IcuBreaks(std::string_view text, std::vector<uint32_t>& out) const {
  if (text.empty()) return;
  icu::BreakIterator& bi = ThreadIterator(*prototype_);
  UErrorCode status = U_ZERO_ERROR;
  UText ut = UTEXT_INITIALIZER;
  utext_openUTF8(&ut, text.data(), static_cast<int64_t>(text.size()), &status);
  bi.setText(&ut, status);
  if (U_SUCCESS(status)) {
    bi.first();
    for (int32_t b = bi.next(); b != icu::BreakIterator::DONE; b = bi.next()) {
      if (static_cast<size_t>(b) >= text.size()) break;
      out.push_back(static_cast<uint32_t>(b));
    }
  }
  utext_close(&ut);
}

bool SentenceBreaker::ScanBreaks(std::string_view text, std::vector<uint32_t>& out) {
  if (text.size() > INT32_MAX) return false;  // U8_NEXT counts in int32_t
  const Scan scan(text);
  const size_t n = text.size();
  size_t i = 0;
  while ((i = scan.SkipPlain(i)) < n) {
    size_t len;
    const int cls = scan.ClassAt(i, &len);
    switch (cls) {
      case kLeftToIcu: return false;
      case U_SB_CR:
        if (i + 1 < n && text[i + 1] == '\n') ++len;  // SB3: CR × LF
        [[fallthrough]];
      case U_SB_LF:
      case U_SB_SEP:  // SB4: a break after a paragraph separator
        i += len;
        if (i < n) out.push_back(static_cast<uint32_t>(i));
        break;
      case U_SB_ATERM:
      case U_SB_STERM: {  // SB11: a break after "terminator Close* Sp*" unless a rule keeps it
        size_t next;
        switch (scan.AfterTerminator(i, len, cls, &next)) {
          case Verdict::kLeftToIcu: return false;
          case Verdict::kBreak: out.push_back(static_cast<uint32_t>(next)); break;
          case Verdict::kNoBreak: break;
        }
        i = next;
        break;
      }
      default: i += len;
    }
  }
  return true;
}

}  // namespace accord
