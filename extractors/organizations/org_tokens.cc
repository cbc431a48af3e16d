#include "extractors/organizations/org_tokens.h"

#include <absl/base/attributes.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <array>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "pipeline/utf8.h"

namespace accord::orgs {
namespace {

bool IsAsciiAlpha(unsigned char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// Classes of bytes, for the scans (bytes of multi-byte sequences have none).
enum : uint8_t {
  kLetterBit = 1,
  kLowerBit = 2,   // a lower-case letter
  kAlnumBit = 4,
  kSpaceBit = 8,  // IsSpace
  kJoinBit = 16,  // may continue a word after its letters and digits: ". - & '" and the bytes of
                  // multi-byte sequences (letters, U+2019); any other byte ends the word
};
constexpr std::array<uint8_t, 256> kByteClass = [] {
  std::array<uint8_t, 256> t{};
  for (int c = 'a'; c <= 'z'; ++c) t[c] = kLetterBit | kLowerBit | kAlnumBit;
  for (int c = 'A'; c <= 'Z'; ++c) t[c] = kLetterBit | kAlnumBit;
  for (int c = '0'; c <= '9'; ++c) t[c] = kAlnumBit;
  for (int c : {' ', '\t', '\n', '\r', '\f'}) t[c] = kSpaceBit;
  for (int c : {'.', '-', '&', '\''}) t[c] = kJoinBit;
  for (int c = 0x80; c < 0x100; ++c) t[c] = kJoinBit;
  return t;
}();

// The folded form of each ASCII byte (AppendFoldedCp): lower case, "-" a space, kDrop for the
// periods and apostrophes that folding drops.
constexpr uint8_t kDrop = 0x80;
constexpr std::array<uint8_t, 128> kAsciiFold = [] {
  std::array<uint8_t, 128> t{};
  for (int c = 0; c < 128; ++c) t[c] = static_cast<uint8_t>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  t['.'] = t['\''] = kDrop;
  t['-'] = ' ';
  return t;
}();
bool IsAsciiDigit(unsigned char c) { return c >= '0' && c <= '9'; }
bool IsSpace(unsigned char c) { return (kByteClass[c] & kSpaceBit) != 0; }

// The code point at byte i (without advancing).
char32_t PeekCp(std::string_view s, size_t i) {
  size_t j = i;
  return utf8::Next(s, j);
}

bool IsLetterAt(std::string_view s, size_t i) {
  if (i >= s.size()) return false;
  unsigned char c = s[i];
  if (c < 0x80) return IsAsciiAlpha(c);
  return u_isalpha(PeekCp(s, i));
}
bool IsAlnumAt(std::string_view s, size_t i) {
  return i < s.size() && (IsAsciiDigit(static_cast<unsigned char>(s[i])) || IsLetterAt(s, i));
}
bool IsUpperAt(std::string_view s, size_t i) {
  if (i >= s.size()) return false;
  unsigned char c = s[i];
  if (c < 0x80) return c >= 'A' && c <= 'Z';
  return u_isupper(PeekCp(s, i));
}
// U+2019 RIGHT SINGLE QUOTATION MARK (3 bytes) or ASCII apostrophe; returns its length or 0.
size_t ApostropheAt(std::string_view s, size_t i) {
  if (i < s.size() && s[i] == '\'') return 1;
  if (s.substr(i, 3) == "\xE2\x80\x99") return 3;
  return 0;
}

// The word starting at i (a letter or digit is there): where it ends, and what the flags need to
// know of its characters, gathered on the way. An ASCII word is folded on the way too, into `o`
// (room for its length is there): letters lower-cased, "-" a space, periods and apostrophes
// dropped; "ph" -> "f" is left to FixPh. Lower-case ASCII letters are not tracked: only a
// capitalized word asks for them (HasAsciiLower), and it mostly answers at its second byte.
// ScanWord returns the end, and sets these bits of `shape` (cleared first).
enum : uint8_t {
  kShapeLower = 1,     // some letter outside ASCII is not upper case
  kShapeP = 2,         // some folded byte is "p": FixPh may have work
  kShapeNotAscii = 4,  // `o` holds nothing useful: fold with FoldWord
};

// The run of ASCII letters and digits at `in`, at most kRunBytes long, folded into `out`
// (kRunBytes bytes are read and written, the run's length of them meaningful: letters
// lower-cased). Returns the run's length, and or-s into `p` a mask that is not zero when the
// run holds a "p" or "P". Inlined at both of its calls: as a call, `p` goes through memory and
// the scan's state is saved around it, for nearly every word.
#if defined(__SSE2__)
constexpr size_t kRunBytes = 16;
ABSL_ATTRIBUTE_ALWAYS_INLINE inline size_t FoldRun(const char* in, char* out, uint32_t& p) {
  const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(in));
  const __m128i lowered = _mm_or_si128(v, _mm_set1_epi8(0x20));  // digits have the bit already
  // A range test in one signed compare: adding 0x80 - lo moves [lo, hi] to the lowest signed
  // bytes, [-128, -128 + hi - lo] (the bytes of 0x80 and more land above it, as lowered ones are
  // 0xA0 or more).
  const __m128i letters = _mm_cmplt_epi8(_mm_add_epi8(lowered, _mm_set1_epi8(0x80 - 'a')),
                                         _mm_set1_epi8(-128 + ('z' - 'a' + 1)));
  const __m128i digits = _mm_cmplt_epi8(_mm_add_epi8(v, _mm_set1_epi8(0x80 - '0')),
                                        _mm_set1_epi8(-128 + ('9' - '0' + 1)));
  _mm_storeu_si128(reinterpret_cast<__m128i*>(out), lowered);
  const uint32_t stop = ~static_cast<uint32_t>(_mm_movemask_epi8(_mm_or_si128(letters, digits)));
  const uint32_t run = (stop - 1) & ~stop;  // the bits below the first stop
  p |= static_cast<uint32_t>(_mm_movemask_epi8(_mm_cmpeq_epi8(lowered, _mm_set1_epi8('p')))) & run;
  return static_cast<size_t>(__builtin_ctz(stop | (1u << kRunBytes)));
}
#else
// Eight bytes at a time (SWAR): each byte of a uint64_t, lowest address in the lowest byte.
constexpr size_t kRunBytes = 8;
constexpr uint64_t kOnes = 0x0101010101010101ull;
constexpr uint64_t kHighs = 0x8080808080808080ull;
// The high bit of each byte of x that lies in [lo, hi]; exact for the bytes below the first
// byte of 0x80 or more (an addition may carry out of that byte into the ones above it).
constexpr uint64_t BytesIn(uint64_t x, uint8_t lo, uint8_t hi) {
  return (x + kOnes * (0x80 - lo)) & ~(x + kOnes * (0x7F - hi)) & ~x & kHighs;
}
// The high bit of each byte of x equal to b, exact below the first such byte (above it, a
// byte may be marked wrongly): whether any byte below some position is b, exactly.
constexpr uint64_t BytesEqual(uint64_t x, uint8_t b) {
  const uint64_t d = x ^ (kOnes * b);
  return (d - kOnes) & ~d & kHighs;
}
ABSL_ATTRIBUTE_ALWAYS_INLINE inline size_t FoldRun(const char* in, char* out, uint32_t& p) {
  uint64_t v;
  std::memcpy(&v, in, 8);
  const uint64_t lowered = v | (kOnes * 0x20);  // lower case; digits have the bit already
  const uint64_t letters = BytesIn(lowered, 'a', 'z');
  const uint64_t stop = ~(letters | BytesIn(v, '0', '9')) & kHighs;
  std::memcpy(out, &lowered, 8);
  const uint64_t run = (stop - 1) & ~stop;  // the bits below the first stop: the run
  p |= (BytesEqual(lowered, 'p') & run) != 0;
  return stop == 0 ? 8 : static_cast<size_t>(__builtin_ctzll(stop)) / 8;
}
#endif

size_t ScanWord(std::string_view s, size_t i, char*& o, uint8_t& shape) {
  shape = 0;
  // Whether some folded byte is "p": the masks of FoldRun, or-ed (only whether it is zero is
  // read).
  uint32_t p = 0;
  const size_t n = s.size();
  size_t j = i;
  while (j < n) {
    unsigned char c = s[j];
    const uint8_t k = kByteClass[c];
    if (k & kAlnumBit) {
      if (j + kRunBytes <= n) {
        const size_t len = FoldRun(s.data() + j, o, p);
        o += len;
        j += len;
        if (len == kRunBytes) continue;
        c = s[j];  // j < n: the run stopped before the end of the readable bytes
        if (!(kByteClass[c] & kJoinBit)) {  // the common end of a word: a space, ",", ")"
          if (p != 0) shape |= kShapeP;
          return j;
        }
      } else {
        p |= c == 'p' || c == 'P';
        *o++ = static_cast<char>(c | 0x20);
        ++j;
        continue;
      }
    }
    if (kByteClass[c] & kSpaceBit) break;
    if (c >= 0x80 && IsLetterAt(s, j)) {
      shape |= kShapeNotAscii;
      if (!IsUpperAt(s, j)) shape |= kShapeLower;
      j += utf8::SequenceLength(c);
      continue;
    }
    if (c == '.' && IsAlnumAt(s, j + 1)) {  // "U.S", "Amazon.com"
      ++j;
      continue;
    }
    if (c == '-' && (IsUpperAt(s, j + 1) || (j + 1 < n && IsAsciiDigit(s[j + 1])))) {
      *o++ = ' ';
      ++j;  // "Wal-Mart", "G-7"; not "Nations-organized"
      continue;
    }
    if (c == '&' && j > i && IsUpperAt(s, j - 1) && IsUpperAt(s, j + 1)) {  // AT&T
      *o++ = '&';
      ++j;
      continue;
    }
    if (size_t a = ApostropheAt(s, j)) {
      // "O'Brien" stays one word; the possessive "'s" does not.
      bool possessive = j + a < n && (s[j + a] == 's' || s[j + a] == 'S') &&
                        !IsLetterAt(s, j + a + 1);
      if (!possessive && IsLetterAt(s, j + a)) {
        if (a != 1) shape |= kShapeNotAscii;
        j += a;
        continue;
      }
    }
    break;
  }
  // A dotted acronym keeps its final period: "U.S.", "N.S.A.", "N.V.".
  if (j < n && s[j] == '.' && j - i >= 3 && s[j - 2] == '.' && IsLetterAt(s, j - 1)) {
    ++j;
  }
  if (p != 0) shape |= kShapeP;
  return j;
}

// True when some byte of [begin, end) is a lower-case ASCII letter.
bool HasAsciiLower(const char* begin, const char* end) {
  for (const char* q = begin; q != end; ++q)
    if (kByteClass[static_cast<unsigned char>(*q)] & kLowerBit) return true;
  return false;
}

// The "ph" -> "f" fold over the folded bytes [begin, end) of one word (each "h" after an output
// "p", as AppendFoldedCp does byte by byte); returns the new end.
char* FixPh(char* begin, char* end) {
  // Most words with a "p" have no "ph": find the first one before moving any byte.
  char* first = begin;
  while (first + 1 < end && !(first[0] == 'p' && first[1] == 'h')) ++first;
  if (first + 1 >= end) return end;
  char* o = first;
  for (char* p = first; p != end; ++p) {
    if (*p == 'h' && o != begin && o[-1] == 'p') {
      o[-1] = 'f';
      continue;
    }
    *o++ = *p;
  }
  return o;
}

// Letters of a word, as IsLetterAt counts them.
int CountLetters(std::string_view w) {
  int letters = 0;
  for (size_t k = 0; k < w.size(); k += utf8::SequenceLength(static_cast<unsigned char>(w[k])))
    letters += IsLetterAt(w, k);
  return letters;
}

bool IsDottedAcronym(std::string_view w) {
  // Single letters each followed by a period: "U.S.", "N.S.A.".
  if (w.size() < 4 || w.back() != '.') return false;
  for (size_t i = 0; i < w.size(); i += 2) {
    if (!IsAsciiAlpha(w[i]) || i + 1 >= w.size() || w[i + 1] != '.') return false;
  }
  return true;
}

void AppendFoldedCp(char32_t cp, std::string& out);

// The folds of the code points of two blocks that texts use most outside ASCII: the Latin letters
// with accents (U+0080 to U+024F) and the general punctuation (U+2000 to U+206F: dashes, curly
// quotes). Each is folded once, on first use, into an empty string; decomposing through ICU
// costs hundreds of instructions a code point.
class FoldCache {
 public:
  // The fold of cp, or nullptr when cp lies in neither block.
  static const std::string* Find(char32_t cp) {
    static const FoldCache* cache = new FoldCache();
    const size_t slot = Slot(cp);
    return slot == kNone ? nullptr : &cache->folds_[slot];
  }

 private:
  static constexpr char32_t kLatinBegin = 0x80, kLatinEnd = 0x250;
  static constexpr char32_t kPunctBegin = 0x2000, kPunctEnd = 0x2070;
  static constexpr size_t kSlots = (kLatinEnd - kLatinBegin) + (kPunctEnd - kPunctBegin);
  static constexpr size_t kNone = kSlots;
  static size_t Slot(char32_t cp) {
    if (cp >= kLatinBegin && cp < kLatinEnd) return cp - kLatinBegin;
    if (cp >= kPunctBegin && cp < kPunctEnd) return (kLatinEnd - kLatinBegin) + (cp - kPunctBegin);
    return kNone;
  }
  FoldCache() {
    for (char32_t cp = kLatinBegin; cp < kLatinEnd; ++cp) AppendFoldedCp(cp, folds_[Slot(cp)]);
    for (char32_t cp = kPunctBegin; cp < kPunctEnd; ++cp) AppendFoldedCp(cp, folds_[Slot(cp)]);
  }
  std::array<std::string, kSlots> folds_;
};

// AppendFoldedCp through FoldCache where it can. A cached fold was made in an empty string, so
// the "ph" -> "f" fold across its first byte is made here.
void AppendFoldedCpCached(char32_t cp, std::string& out) {
  const std::string* fold = FoldCache::Find(cp);
  if (fold == nullptr) {
    AppendFoldedCp(cp, out);
    return;
  }
  if (!fold->empty() && (*fold)[0] == 'h' && !out.empty() && out.back() == 'p') {
    out.back() = 'f';
    out.append(*fold, 1);
    return;
  }
  out += *fold;
}

void AppendFoldedCp(char32_t cp, std::string& out) {
  if (cp < 0x80) {
    char c = static_cast<char>(cp);
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c == '.' || c == '\'') return;
    if (c == '-') c = ' ';
    if (c == 'h' && !out.empty() && out.back() == 'p') {  // ph -> f
      out.back() = 'f';
      return;
    }
    out.push_back(c);
    return;
  }
  if (cp == 0x2019 || cp == 0x2018) return;  // curly apostrophes
  if (cp == 0x2010 || cp == 0x2011) {        // Unicode hyphens
    out.push_back(' ');
    return;
  }
  static const icu::Normalizer2* nfd = [] {
    UErrorCode err = U_ZERO_ERROR;
    return icu::Normalizer2::getNFDInstance(err);
  }();
  icu::UnicodeString decomposed;
  if (nfd != nullptr && nfd->getDecomposition(static_cast<UChar32>(cp), decomposed)) {
    for (int32_t k = 0; k < decomposed.length();) {
      UChar32 d = decomposed.char32At(k);
      k += U16_LENGTH(d);
      if (u_getCombiningClass(d) != 0 || u_charType(d) == U_NON_SPACING_MARK) continue;
      AppendFoldedCp(static_cast<char32_t>(u_foldCase(d, U_FOLD_CASE_DEFAULT)), out);
    }
    return;
  }
  utf8::Append(static_cast<char32_t>(u_foldCase(static_cast<UChar32>(cp), U_FOLD_CASE_DEFAULT)),
               out);
}

}  // namespace

void FoldWord(std::string_view word, std::string& out) {
  if (word == "&") {
    out += "and";
    return;
  }
  for (size_t i = 0; i < word.size();) {
    unsigned char c = word[i];
    if (c < 0x80) {
      AppendFoldedCp(c, out);
      ++i;
    } else {
      AppendFoldedCpCached(utf8::Next(word, i), out);
    }
  }
}

bool OrgTokens::Joined(size_t i) const {
  if (i + 1 >= tokens.size()) return false;
  return !tokens[i + 1].Is(OrgToken::kParagraphStart);
}

bool OrgTokens::SameParagraph(size_t first, size_t last) const {
  for (size_t i = first + 1; i < last; ++i)
    if (tokens[i].Is(OrgToken::kParagraphStart)) return false;
  return true;
}

namespace {

// A URL or e-mail address runs from a token start to the next whitespace: the rest of the
// whitespace-delimited run holds "://", or holds "@" and ".", or starts with "www.". The finder
// keeps the next "://", "@" and "www." of the text (found with memchr and find) and the start of
// their runs; a token before the first of those starts no URL, which one comparison tells.
class UrlFinder {
 public:
  explicit UrlFinder(std::string_view s) : s_(s) {
    NextScheme(0);
    NextAt(0);
    NextWww(0);
    next_ = std::min({scheme_run_, at_run_, www_});
  }

  // No URL or e-mail address starts before this position.
  size_t next() const { return next_; }

  // The length of the URL or e-mail address starting at i (i >= next()), or 0. Positions only
  // grow.
  size_t LengthAt(size_t i) {
    if (scheme_ < i) NextScheme(i);
    if (at_ < i) NextAt(i);
    if (www_ < i) NextWww(i);
    next_ = std::min({scheme_run_, at_run_, www_});
    // A "://" or "@" at or after i belongs to the run from i when its run starts at i or before.
    const bool url = scheme_run_ <= i || www_ == i || (at_run_ <= i && DotBeforeSpace(i));
    if (!url) return 0;
    size_t j = i;
    while (j < s_.size() && !IsSpace(static_cast<unsigned char>(s_[j]))) ++j;
    return j - i;
  }

 private:
  static constexpr size_t kNone = std::string_view::npos;

  size_t Next(char c, size_t from) const {
    if (from >= s_.size()) return kNone;
    const void* p = std::memchr(s_.data() + from, c, s_.size() - from);
    return p == nullptr ? kNone : static_cast<size_t>(static_cast<const char*>(p) - s_.data());
  }
  // The start of the whitespace-delimited run holding p, or kNone for kNone.
  size_t RunStart(size_t p) const {
    if (p == kNone) return kNone;
    while (p > 0 && !IsSpace(static_cast<unsigned char>(s_[p - 1]))) --p;
    return p;
  }
  void NextScheme(size_t from) {
    scheme_ = Next(':', from);
    while (scheme_ != kNone && s_.substr(scheme_ + 1, 2) != "//") scheme_ = Next(':', scheme_ + 1);
    scheme_run_ = RunStart(scheme_);
  }
  void NextAt(size_t from) {
    at_ = Next('@', from);
    at_run_ = RunStart(at_);
  }
  void NextWww(size_t from) { www_ = s_.find("www.", from); }
  bool DotBeforeSpace(size_t i) const {
    for (size_t j = i; j < s_.size() && !IsSpace(static_cast<unsigned char>(s_[j])); ++j)
      if (s_[j] == '.') return true;
    return false;
  }

  std::string_view s_;
  size_t scheme_ = kNone;      // the next "://" (its ":")
  size_t scheme_run_ = kNone;  // the start of its run
  size_t at_ = kNone;          // the next "@"
  size_t at_run_ = kNone;
  size_t www_ = kNone;         // the next "www."
  size_t next_ = kNone;        // no URL starts before this
};

// What a punctuation token does to a pending sentence start (kSentenceStart of the next word):
// ".", "!" and "?" set it; quotes and brackets keep it; any other token clears it.
enum : uint8_t { kClears = 0, kSets = 1, kKeeps = 2 };
constexpr std::array<uint8_t, 128> kSentenceEffect = [] {
  std::array<uint8_t, 128> t{};
  for (int c : {'.', '!', '?'}) t[c] = kSets;
  for (int c : {'"', '(', '\'', ')'}) t[c] = kKeeps;
  return t;
}();

// A white-space byte between tokens: a line break makes the next token start a line, and a
// second one (a blank line) a paragraph and a sentence.
inline void NoteSpace(unsigned char c, uint16_t& starts, int& newlines) {
  if (c != '\n') return;
  starts |= OrgToken::kLineStart;
  if (++newlines >= 2) starts |= OrgToken::kParagraphStart | OrgToken::kSentenceStart;
}

// The pending sentence start after ASCII punctuation byte c, given the one before it.
inline uint16_t StartsAfterPunct(uint8_t c, uint16_t starts) {
  const uint8_t effect = kSentenceEffect[c];
  return effect == kSets    ? OrgToken::kSentenceStart
         : effect == kKeeps ? starts & OrgToken::kSentenceStart
                            : 0;
}

// Writes the folded form of ASCII punctuation byte c at `o` ("&" reads "and"; some bytes fold to
// nothing); returns the end of what it wrote.
inline char* FoldAsciiPunct(uint8_t c, char* o) {
  if (c == '&') {
    std::memcpy(o, "and", 3);
    return o + 3;
  }
  if (kAsciiFold[c] != kDrop) *o++ = static_cast<char>(kAsciiFold[c]);
  return o;
}

// Makes room in `buffer` for `room` bytes from `o` on; returns `o` in the buffer as it is then.
char* EnsureRoom(std::string& buffer, char* o, size_t room) {
  const size_t used = static_cast<size_t>(o - buffer.data());
  if (buffer.size() < used + room) buffer.resize(std::max(used + room, 2 * buffer.size()));
  return buffer.data() + used;
}

// Folds `word` (a token with characters outside ASCII) with FoldWord, through `slow`, into
// `folded` at `o`, making room for the rest of the text (`rest` bytes) again; returns the end of
// its folded form. Out of line: the tokenizer's loop keeps its state in registers around it.
ABSL_ATTRIBUTE_NOINLINE char* FoldSlowly(std::string_view word, size_t rest, std::string& folded,
                                         char* o, std::string& slow) {
  slow.clear();
  FoldWord(word, slow);
  o = EnsureRoom(folded, o, slow.size() + 4 * rest + 16);
  std::memcpy(o, slow.data(), slow.size());
  return o + slow.size();
}

// The common stretch of a text, tokenized by a loop of its own whose few values stay in
// registers (the general loop of Tokenize keeps many more, and reloads them from memory): the
// whitespace between tokens, the quote marks at the start of a line, ASCII words that one FoldRun
// folds whole and one-byte ASCII punctuation. A word is taken when the byte after it cannot
// continue it, as ScanWord would find: a space or punctuation, or a "." or "-" that ScanWord does
// not join (the next byte is ASCII and no letter or digit; for "-", no capital or digit). Each
// token gets what the general loop would give it. Starts at `i` (below `lane_end`, so that FoldRun
// may read kRunBytes bytes, and no URL starts before it) and stops at the first byte it does not
// take, at `lane_end`, or when the token room is full. The state (position, write positions,
// pending starts, newlines) is the general loop's, taken and given back.
struct LaneState {
  size_t i;
  char* o;
  OrgToken* tok;
  uint16_t starts;
  int newlines;
};
ABSL_ATTRIBUTE_NOINLINE LaneState TokenizeCommon(const char* s, size_t lane_end, const char* base,
                                                 OrgToken* tok_end, LaneState state) {
  size_t i = state.i;
  char* o = state.o;
  OrgToken* tok = state.tok;
  uint16_t starts = state.starts;
  int newlines = state.newlines;
  while (i < lane_end && tok != tok_end) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    const uint8_t k = kByteClass[c];
    if (k & kSpaceBit) {
      NoteSpace(c, starts, newlines);
      ++i;
      continue;
    }
    if (c == '>' && (starts & OrgToken::kLineStart)) {
      ++i;
      continue;
    }
    size_t end;
    uint16_t flags;
    char* next_o;
    char punct = 0;
    if (k & kAlnumBit) {
      uint32_t p = 0;
      const size_t len = FoldRun(s + i, o, p);
      if (len == kRunBytes) break;  // a longer word: ScanWord's
      const unsigned char b = static_cast<unsigned char>(s[i + len]);
      if (kByteClass[b] & kJoinBit) {
        // The byte after "." or "-" (there is one: i + len + 1 < i + kRunBytes <= the size).
        if (len + 1 == kRunBytes) break;
        const unsigned char after = static_cast<unsigned char>(s[i + len + 1]);
        const bool ends = after < 0x80 && (b == '.'   ? !(kByteClass[after] & kAlnumBit)
                                           : b == '-' ? !(after >= 'A' && after <= 'Z') &&
                                                            !IsAsciiDigit(after)
                                                      : false);
        if (!ends) break;  // "U.S.", "Wal-Mart", "it's", "AT&T": ScanWord's
      }
      end = i + len;
      next_o = p != 0 ? FixPh(o, o + len) : o + len;
      if (IsAsciiDigit(c)) {
        flags = OrgToken::kNumber | starts;
      } else {
        flags = OrgToken::kWord | starts;
        // As in Tokenize; the last byte is a letter or digit, so no dotted acronym ends here.
        if (c <= 'Z') {
          flags |= OrgToken::kCapitalized;
          if (!HasAsciiLower(s + i + 1, s + end) &&
              CountLetters(std::string_view(s + i, end - i)) >= 2)
            flags |= OrgToken::kAllCaps;
        }
      }
      starts = 0;
    } else if (c < 0x80) {
      end = i + 1;
      flags = OrgToken::kPunct | (starts & ~OrgToken::kSentenceStart);
      punct = static_cast<char>(c);
      next_o = FoldAsciiPunct(c, o);
      starts = StartsAfterPunct(c, starts);
    } else {
      break;
    }
    newlines = 0;
    OrgToken& t = *tok++;
    t.begin = static_cast<uint32_t>(i);
    t.end = static_cast<uint32_t>(end);
    t.fold_begin = static_cast<uint32_t>(o - base);
    t.flags = flags;
    t.punct = punct;
    *next_o = ' ';
    o = next_o + 1;
    i = end + (s[end] == ' ');  // end < lane_end - 1 + kRunBytes <= the text's size
  }
  return {i, o, tok, starts, newlines};
}

}  // namespace

void Tokenize(std::string_view s, OrgTokens& out) {
  out.text = s;
  // The loop keeps its state in locals (write positions included, not the vectors' own): the
  // bytes it stores may alias any memory, so state kept there would be reloaded after each store.
  // Tokens are written into `tokens` sized for a typical text (a token per five bytes) and grown
  // when that is not enough.
  auto& tokens = out.tokens;
  tokens.resize(s.size() / 5 + 1);
  OrgToken* tok = tokens.data();
  OrgToken* tok_end = tok + tokens.size();
  // Folded forms are written straight into `folded`, sized for the worst case of ASCII text (a
  // token of n bytes folds to n + 3 bytes with its space at most: "&" -> "and "); a token folded
  // by FoldWord makes room for itself and the rest again. The buffer is kept, not trimmed, so the
  // next text reuses it without filling it again.
  std::string& folded = out.folded;
  char* o = EnsureRoom(folded, folded.data(), 4 * s.size() + 16);
  char* base = folded.data();
  std::string slow;  // FoldWord's output for a token with non-ASCII characters
  // The line, paragraph and sentence starts the next token takes (OrgToken flags).
  constexpr uint16_t kStarts =
      OrgToken::kLineStart | OrgToken::kParagraphStart | OrgToken::kSentenceStart;
  uint16_t starts = kStarts;
  int newlines = 0;
  UrlFinder urls(s);
  size_t url_from = urls.next();
  const size_t n = s.size();
  // TokenizeCommon takes the tokens that start below this.
  auto lane_end_for = [n](size_t url_from) {
    return std::min(url_from, n >= kRunBytes ? n - kRunBytes + 1 : 0);
  };
  size_t lane_end = lane_end_for(url_from);
  size_t i = 0;
  while (i < n) {
    if (i < lane_end) {
      const LaneState after =
          TokenizeCommon(s.data(), lane_end, base, tok_end, {i, o, tok, starts, newlines});
      i = after.i;
      o = after.o;
      tok = after.tok;
      starts = after.starts;
      newlines = after.newlines;
      if (i >= n) break;
    }
    const unsigned char c = s[i];
    const uint8_t k = kByteClass[c];
    if (k & kSpaceBit) {
      NoteSpace(c, starts, newlines);
      ++i;
      continue;
    }
    if (c == '>' && (starts & OrgToken::kLineStart)) {  // quote marks at the start of a line
      ++i;                                                // are not text
      continue;
    }
    newlines = 0;
    if (tok == tok_end) {
      const size_t used = tokens.size();
      tokens.resize(2 * used);
      tok = tokens.data() + used;
      tok_end = tokens.data() + tokens.size();
    }
    OrgToken& t = *tok++;  // every field is written: the slot may hold a token of an earlier text
    t.begin = static_cast<uint32_t>(i);
    t.punct = 0;
    t.fold_begin = static_cast<uint32_t>(o - base);
    size_t end;
    size_t u = 0;
    if (i >= url_from) {
      u = urls.LengthAt(i);
      url_from = urls.next();
      lane_end = lane_end_for(url_from);
    }
    if (u > 0) {
      end = i + u;
      t.flags = OrgToken::kUrl | OrgToken::kPunct | (starts & ~OrgToken::kSentenceStart);
      starts = 0;
    } else if ((k & kAlnumBit) || (c >= 0x80 && IsLetterAt(s, i))) {
      // The common words are TokenizeCommon's; the others are scanned here.
      char* const word = o;
      uint8_t shape = 0;
      end = ScanWord(s, i, o, shape);
      if (shape & kShapeNotAscii) {
        o = FoldSlowly(std::string_view(s.data() + i, end - i), n - end, folded, word, slow);
        base = folded.data();
      } else if (shape & kShapeP) {
        o = FixPh(word, o);
      }
      // The first byte again: read anew rather than kept in a register across the scan.
      const unsigned char c = s[i];
      if (IsAsciiDigit(c)) {
        t.flags = OrgToken::kNumber | starts;
      } else {
        t.flags = OrgToken::kWord | starts;
        // All caps: no letter that is not upper case, and two letters or more. A word that does
        // not start with a capital has a letter that is not upper case: its first.
        if (c < 0x80 ? c <= 'Z' : IsUpperAt(s, i)) {
          t.flags |= OrgToken::kCapitalized;
          if (!(shape & kShapeLower) && !HasAsciiLower(s.data() + i + 1, s.data() + end) &&
              CountLetters(s.substr(i, end - i)) >= 2)
            t.flags |= OrgToken::kAllCaps;
        }
        if (s[end - 1] == '.' && IsDottedAcronym(s.substr(i, end - i)))
          t.flags |= OrgToken::kDottedAcronym | OrgToken::kAllCaps;
      }
      starts = 0;
    } else {
      t.flags = OrgToken::kPunct | (starts & ~OrgToken::kSentenceStart);
      if (c < 0x80) {
        end = i + 1;
        t.punct = static_cast<char>(c);
        o = FoldAsciiPunct(c, o);
        starts = StartsAfterPunct(c, starts);
      } else {
        end = std::min(n, i + utf8::SequenceLength(c));
        const std::string_view w(s.data() + i, end - i);
        o = FoldSlowly(w, n - end, folded, o, slow);
        base = folded.data();
        // Curly double quotes keep a pending sentence start, as straight ones do.
        const bool keeps = w == "\xE2\x80\x9C" || w == "\xE2\x80\x9D";
        starts = keeps ? starts & OrgToken::kSentenceStart : 0;
      }
    }
    t.end = static_cast<uint32_t>(end);
    *o++ = ' ';
    i = end;
    if (i < n && s[i] == ' ') ++i;  // the common gap: one space, which changes no state
  }
  tokens.resize(static_cast<size_t>(tok - tokens.data()));
  out.fold_end = static_cast<uint32_t>(o - base) - (tokens.empty() ? 0 : 1);
}

std::string FoldName(std::string_view name) {
  OrgTokens toks;
  Tokenize(name, toks);
  if (toks.size() == 0) return {};
  return std::string(toks.Key(0, toks.size()));
}

}  // namespace accord::orgs
