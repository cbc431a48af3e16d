#include "extractors/people/person_tokens.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cstring>
#include <string>

#include <unicode/uchar.h>

#include "pipeline/ascii_masks.h"
#include "pipeline/utf8.h"

namespace accord::people {
namespace {

bool IsLetter(char32_t c) {
  if (c < 0x80) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  return u_isalpha(static_cast<UChar32>(c));
}
bool IsDigit(char32_t c) { return c >= '0' && c <= '9'; }
bool IsApostrophe(char32_t c) { return c == '\'' || c == 0x2019; }
bool IsHyphen(char32_t c) { return c == '-' || c == 0x2010 || c == 0x2011; }
bool IsSpace(char32_t c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0xA0 || c == '\f' || c == '\v' ||
         (c >= 0x2000 && c <= 0x200A) || c == 0x202F || c == 0x3000;
}

// Space, tab, newline and CR: the bytes that end a run of non-space characters (one table look-up).
constexpr std::array<bool, 256> kSpaceBytes = [] {
  std::array<bool, 256> t{};
  for (char c : {' ', '\t', '\n', '\r'}) t[static_cast<unsigned char>(c)] = true;
  return t;
}();
bool IsSpaceByte(char c) { return kSpaceBytes[static_cast<unsigned char>(c)]; }

// True when only spaces, tabs and quote marks '>' stand between `at` and the line's start.
bool LineStartBefore(std::string_view s, size_t at) {
  while (at > 0) {
    const char c = s[at - 1];
    if (c == '\n') return true;
    if (c != ' ' && c != '\t' && c != '>') return false;
    --at;
  }
  return true;
}

char32_t PeekAt(std::string_view s, size_t i) {
  if (i >= s.size()) return 0;
  return utf8::Next(s, i);
}

// What the scanner needs to know of a byte, in one table lookup: blanks and newlines are
// skipped, ASCII letters and digits start a word directly, every other byte (ASCII punctuation,
// the bytes of a UTF-8 sequence) goes through the general code point path.
enum ByteClass : uint8_t { kOtherByte, kBlankByte, kNewlineByte, kLowerByte, kUpperByte, kDigitByte };
constexpr std::array<uint8_t, 256> kByteClass = [] {
  std::array<uint8_t, 256> t{};
  for (int c = 'a'; c <= 'z'; ++c) t[c] = kLowerByte;
  for (int c = 'A'; c <= 'Z'; ++c) t[c] = kUpperByte;
  for (int c = '0'; c <= '9'; ++c) t[c] = kDigitByte;
  for (char c : {' ', '\t', '\r', '\f', '\v'}) t[static_cast<unsigned char>(c)] = kBlankByte;
  t['\n'] = kNewlineByte;
  return t;
}();

// Bytes that may continue an ASCII word beyond its letters and digits: an apostrophe, a hyphen,
// the start of a UTF-8 sequence. A word that stops at any other byte is complete.
constexpr std::array<bool, 256> kMayContinueWord = [] {
  std::array<bool, 256> t{};
  for (int c = 0x80; c < 256; ++c) t[c] = true;
  t['\''] = true;
  t['-'] = true;
  return t;
}();
// ASCII punctuation that is a token of its one byte without further tests: no quote mark '>', no
// URL or mail mark (':', '@'), no apostrophe of a possessive, not the NUL that ends the text
// (and, as a kOtherByte, no letter, digit or blank).
constexpr std::array<bool, 256> kPlainPunct = [] {
  std::array<bool, 256> t{};
  for (int c = 1; c < 0x80; ++c) t[c] = kByteClass[c] == kOtherByte;
  for (char c : {'>', ':', '@', '\''}) t[static_cast<unsigned char>(c)] = false;
  return t;
}();
// Bytes that start a word the ASCII word loop goes on to after a space: ASCII letters and
// digits but 'w' and 'W' (a possible "www." at a run's start, which the outer loop tests).
constexpr std::array<bool, 256> kStartsChainedWord = [] {
  std::array<bool, 256> t{};
  for (int c = 0; c < 256; ++c) t[c] = kByteClass[c] >= kLowerByte && (c | 0x20) != 'w';
  return t;
}();
// The flags of an ASCII word by the ByteClass of its first byte (all but kHasDigit, kAllCaps
// and the line and sentence flags).
constexpr auto kAsciiWordFlags = [] {
  std::array<uint32_t, 8> t{};
  t[kLowerByte] = NameToken::kWord | NameToken::kLower;
  t[kUpperByte] = NameToken::kWord | NameToken::kCap;
  t[kDigitByte] = NameToken::kWord | NameToken::kDigit;
  return t;
}();

// The rest of a word whose first code point `c` (a letter or digit) ends before byte `end`:
// sets the word's flags in `t` and returns the byte where the word ends.
inline size_t ScanWord(std::string_view s, size_t end, char32_t c, NameToken& t) {
  t.flags |= NameToken::kWord;
  int letters = 1;
  bool any_lower = false, has_digit = false;
  if (c < 0x80) {
    switch (kByteClass[c]) {
      case kLowerByte:
        t.flags |= NameToken::kLower;
        any_lower = true;
        break;
      case kUpperByte:
        t.flags |= NameToken::kCap;
        break;
      default:  // a digit
        t.flags |= NameToken::kDigit;
        letters = 0;
        has_digit = true;
        break;
    }
  } else if (u_isupper(static_cast<UChar32>(c)) || u_istitle(static_cast<UChar32>(c))) {
    t.flags |= NameToken::kCap;  // other letters, the only code points above ASCII that start words
  } else {
    t.flags |= NameToken::kLower;
    any_lower = true;
  }
  while (end < s.size()) {
    // ASCII letters and digits, the common case: no decoding, no Unicode property lookups.
    const unsigned char b = static_cast<unsigned char>(s[end]);
    switch (kByteClass[b]) {
      case kLowerByte: {  // with the rest of its lower-case run
        size_t j = end + 1;
        while (j < s.size() && kByteClass[static_cast<unsigned char>(s[j])] == kLowerByte) ++j;
        letters += static_cast<int>(j - end);
        any_lower = true;
        end = j;
        continue;
      }
      case kUpperByte:
        ++letters;
        ++end;
        continue;
      case kDigitByte:
        has_digit = true;
        ++end;
        continue;
      default:
        break;
    }
    if (b < 0x80 && b != '\'' && b != '-') break;
    size_t j = end;
    const char32_t n = b < 0x80 ? s[j++] : utf8::Next(s, j);
    if (IsLetter(n) || IsDigit(n)) {
      if (IsLetter(n)) {
        ++letters;
        if (n < 0x80 ? (n >= 'a' && n <= 'z') : u_islower(static_cast<UChar32>(n)))
          any_lower = true;
      } else {
        has_digit = true;
      }
      end = j;
      continue;
    }
    if (IsApostrophe(n) || IsHyphen(n)) {
      // Inner apostrophe or hyphen followed by a letter ("O'Leary", "Jean-Luc"), but not a
      // possessive "'s" at the end of the word.
      size_t k = j;
      const char32_t m = PeekAt(s, k);
      if (!(IsLetter(m) || (IsHyphen(n) && IsDigit(m)))) break;
      if (IsApostrophe(n) && (m == 's' || m == 'S')) {
        size_t q = k;
        utf8::Next(s, q);
        if (!IsLetter(PeekAt(s, q))) break;
      }
      if (n == '-') t.flags |= NameToken::kAsciiHyphen;
      end = j;
      continue;
    }
    break;
  }
  if (letters >= 2 && !any_lower) t.flags |= NameToken::kAllCaps;
  if (has_digit) t.flags |= NameToken::kHasDigit;
  return end;
}

// The scanner: words, possessives and single punctuation code points. It takes a std::string
// for its terminating NUL: the ASCII word loop below reads the byte after a word, which for the
// last word is that terminator (no letter, digit or word-continuing byte). `line_starts`
// receives the indexes of the tokens with kLineBreakBefore, in order, for MarkLines.
void Scan(const std::string& text, std::vector<NameToken>& out, std::vector<uint32_t>& line_starts) {
  const std::string_view s = text;
  const unsigned char* const p = reinterpret_cast<const unsigned char*>(text.c_str());
  out.clear();
  out.reserve(s.size() / 4);
  line_starts.clear();
  size_t i = 0;
  int newlines = 2;  // the start of the text counts as a paragraph start
  size_t run_start = 0;  // where the current run of non-space characters began
  // The masks of the 64 bytes from `window` (past the text's end, of NUL bytes): the ASCII word
  // loop below reads its words off them.
  size_t window = s.size() + 1;  // no window yet
  ascii::BlockMasks masks;
  uint64_t window_alnum = 0;
  const auto classify = [&](size_t from) {
    window = from;
    if (from + 64 <= s.size()) {
      masks = ascii::ClassifyBlock</*kLower=*/true>(p + from);
    } else {
      unsigned char tail[64] = {};
      std::memcpy(tail, p + from, s.size() - from);
      masks = ascii::ClassifyBlock</*kLower=*/true>(tail);
    }
    window_alnum = masks.letters | masks.digits;
  };
  while (i < s.size()) {
    size_t at = i;
    const unsigned char b = static_cast<unsigned char>(s[i]);
    const uint8_t cls = kByteClass[b];
    if (cls == kBlankByte) {
      ++i;
      continue;
    }
    if (cls == kNewlineByte) {
      ++newlines;
      ++i;
      continue;
    }
    char32_t c;
    bool word;
    const bool after_space = at == 0 || IsSpaceByte(s[at - 1]);
    if (cls >= kLowerByte && !(after_space && (b | 0x20) == 'w')) {
      // An ASCII letter or digit (not a possible "www." at a run's start): a word, without the
      // space, quote mark, URL and possessive tests below.
      if (after_space) run_start = at;
      // The common word: ASCII letters and digits up to a byte that cannot continue it (not an
      // apostrophe, a hyphen or the start of a UTF-8 sequence) is read off the masks of a
      // 64-byte window; its flags follow from which kinds of bytes it holds. Such words
      // separated by single spaces go round the loop below without the tests of the outer one.
      // Other words go through ScanWord.
      bool done = true;
      const size_t first_at = at;
      for (uint8_t word_cls = cls;;) {
        // The word ends at the first byte after `at` that is no ASCII letter or digit: the
        // first clear bit of the window's masks. A window that does not hold that byte is
        // taken anew from the word's start.
        const uint64_t off = at - window;  // (huge while no window covers `at`)
        uint64_t from_at = 0;        // the window's bits from `at` on
        uint64_t stops = 0;          // of those, the bytes that are no letter or digit
        if (off < 64) {
          from_at = ~uint64_t{0} << off;
          stops = ~window_alnum & from_at;
        }
        if (stops == 0) {
          classify(at);
          from_at = ~uint64_t{0};
          stops = ~window_alnum;
          if (stops == 0) {  // 64 letters and digits or more: ScanWord takes it
            done = false;
            break;
          }
        }
        const size_t j = window + static_cast<size_t>(std::countr_zero(stops));
        const unsigned char after = p[j];  // maybe the NUL
        if (after != ' ' && kMayContinueWord[after]) {
          done = false;
          break;
        }
        NameToken t;
        t.begin = static_cast<uint32_t>(at);
        t.end = static_cast<uint32_t>(j);
        // Bits [at, j], with the stop at j: no letter or digit, so it adds to no mask below.
        const uint64_t in_word = (stops ^ (stops - 1)) & from_at;
        t.flags = kAsciiWordFlags[word_cls];
        if ((masks.digits & in_word) != 0) t.flags |= NameToken::kHasDigit;
        if (newlines >= 1) {
          t.flags |= NameToken::kLineBreakBefore;
          line_starts.push_back(static_cast<uint32_t>(out.size()));
        }
        // The first word of a paragraph starts a sentence (with or without segmentation).
        if (newlines >= 2) t.flags |= NameToken::kParagraphBefore | NameToken::kSentenceStart;
        newlines = 0;
        // All caps: two letters or more, none lower case.
        if ((masks.lower & in_word) == 0) {
          const uint64_t letters = masks.letters & in_word;
          if ((letters & (letters - 1)) != 0) t.flags |= NameToken::kAllCaps;
        }
        out.push_back(t);
        i = j;
        if (after != ' ') {
          if (!kPlainPunct[after]) break;
          // "word, word", "word. Word": the punctuation token of the outer loop, and the loop
          // goes on after it as after a word.
          NameToken punct;
          punct.begin = static_cast<uint32_t>(j);
          punct.end = static_cast<uint32_t>(j + 1);
          punct.flags = NameToken::kPunct;
          out.push_back(punct);
          i = j + 1;
          if (p[i] != ' ') break;
        }
        ++i;  // the space
        const unsigned char next = p[i];  // maybe the NUL
        // (Not a possible "www." at a run's start: the outer loop tests those.)
        if (kStartsChainedWord[next]) {
          at = i;
          word_cls = kByteClass[next];
          continue;
        }
        break;
      }
      // A word the loop went on to after a single space starts a run of non-space characters.
      if (at != first_at) run_start = at;
      if (done) continue;
      c = static_cast<unsigned char>(s[at]);
      i = at + 1;
      word = true;
    } else if (cls == kOtherByte && b < 0x80 && b != '>' && b != ':' && b != '@' && b != '\'') {
      // ASCII punctuation that is no quote mark, URL or mail mark and no apostrophe of a
      // possessive: a punctuation token of its one byte.
      if (after_space) run_start = at;
      NameToken t;
      t.begin = static_cast<uint32_t>(at);
      t.end = static_cast<uint32_t>(at + 1);
      t.flags = NameToken::kPunct;
      if (newlines >= 1) {
        t.flags |= NameToken::kLineBreakBefore;
        line_starts.push_back(static_cast<uint32_t>(out.size()));
      }
      if (newlines >= 2) t.flags |= NameToken::kParagraphBefore;
      newlines = 0;
      out.push_back(t);
      i = at + 1;
      continue;
    } else {
      c = b < 0x80 ? s[i++] : utf8::Next(s, i);
      if (c >= 0x80 && IsSpace(c)) continue;  // ASCII white space went above
      if (c == '>' && (at == 0 || LineStartBefore(s, at))) continue;  // a "> " quote mark
      if (at == 0 || IsSpaceByte(s[at - 1])) run_start = at;
      // A URL or mail address holds no names: at "://", "www." or a mail "@", drop the tokens
      // of the current run of non-space characters and skip to its end.
      const bool url_mark =
          (c == ':' && s.substr(at, 3) == "://") ||
          ((c == 'w' || c == 'W') && at == run_start && s.size() - at > 4 &&
           (s.substr(at, 4) == "www." || s.substr(at, 4) == "WWW.")) ||
          (c == '@' && at > run_start && i < s.size() && !IsSpaceByte(s[i]));
      if (url_mark) {
        while (!out.empty() && out.back().begin >= run_start) out.pop_back();
        while (!line_starts.empty() && line_starts.back() >= out.size()) line_starts.pop_back();
        size_t run_end = at;
        while (run_end < s.size() && !IsSpaceByte(s[run_end])) ++run_end;
        i = run_end;
        newlines = 0;
        continue;
      }
      word = IsLetter(c) || IsDigit(c);
    }
    NameToken t;
    t.begin = static_cast<uint32_t>(at);
    if (newlines >= 1) {
      t.flags |= NameToken::kLineBreakBefore;
      // (Each way on from here pushes this one token.)
      line_starts.push_back(static_cast<uint32_t>(out.size()));
    }
    if (newlines >= 2) t.flags |= NameToken::kParagraphBefore;
    newlines = 0;

    if (word) {
      if (t.Is(NameToken::kParagraphBefore)) t.flags |= NameToken::kSentenceStart;
      i = ScanWord(s, i, c, t);
      t.end = static_cast<uint32_t>(i);
      out.push_back(t);
      continue;
    }

    if (IsApostrophe(c) && !out.empty() && out.back().Is(NameToken::kWord) &&
        out.back().end == at) {
      // "Smith's", "Smith’s": a possessive after a word.
      size_t j = i;
      const char32_t n = PeekAt(s, j);
      if (n == 's' || n == 'S') {
        utf8::Next(s, j);
        if (!IsLetter(PeekAt(s, j))) {
          t.end = static_cast<uint32_t>(j);
          t.flags |= NameToken::kPossessive;
          out.push_back(t);
          i = j;
          continue;
        }
      }
    }

    t.flags |= NameToken::kPunct;
    t.end = static_cast<uint32_t>(i);
    out.push_back(t);
  }
}

bool IsSentenceEnd(std::string_view s, const NameToken& t) {
  if (!t.Is(NameToken::kPunct) || t.end - t.begin != 1) return false;
  const char c = s[t.begin];
  return c == '.' || c == '!' || c == '?';
}

bool IsClosing(std::string_view s, const NameToken& t) {
  if (!t.Is(NameToken::kPunct)) return false;
  const std::string_view p = s.substr(t.begin, t.end - t.begin);
  return p == "\"" || p == "'" || p == ")" || p == "]" || p == "\u201D" || p == "\u2019";
}

// Our own sentence starts: after . ! ? (and closing quotes) unless the period ends an initial
// ("J.") or a short abbreviation ("Mr."); after a paragraph break.
void MarkSentenceStarts(std::string_view s, std::vector<NameToken>& toks) {
  bool expect_start = true;
  for (size_t i = 0; i < toks.size(); ++i) {
    NameToken& t = toks[i];
    if (t.Is(NameToken::kParagraphBefore)) expect_start = true;
    if (t.Is(NameToken::kWord)) {
      if (expect_start) t.flags |= NameToken::kSentenceStart;
      expect_start = false;
      continue;
    }
    if (IsSentenceEnd(s, t)) {
      const bool after_abbrev = i > 0 && toks[i - 1].Is(NameToken::kWord) &&
                                toks[i - 1].Is(NameToken::kCap) &&
                                toks[i - 1].end == t.begin &&
                                toks[i - 1].end - toks[i - 1].begin <= 3 &&
                                !toks[i - 1].Is(NameToken::kAllCaps);
      const bool initial = i > 0 && toks[i - 1].Is(NameToken::kCap) &&
                           toks[i - 1].end - toks[i - 1].begin == 1;
      if (!after_abbrev && !initial) expect_start = true;
      continue;
    }
    if (IsClosing(s, t)) continue;  // keeps the expectation set by a period before it
    // Opening quotes and dashes keep a pending sentence start too.
  }
}

// Short words that Title Case headlines leave in lower case ("Firms to Pledge Not to Assist").
bool IsHeadlineLowerWord(std::string_view w) {
  if (w.size() < 4 || w.size() > 6 || w[0] < 'a' || w[0] > 'z') return false;
  static constexpr std::string_view kWords[] = {"with", "from", "into", "onto", "over", "than",
                                                "that", "upon", "amid", "about", "after",
                                                "before", "under", "until", "while", "when"};
  for (std::string_view k : kWords)
    if (w == k) return true;
  return false;
}

// One walk over the lines of tokens for the line features:
// - Title Case lines without a title zone (zoning may not mark every headline), when
//   `title_case_lines`: every longer word capitalised, no sentence-ending punctuation at the end;
// - "By Ada Quinn" / "By ADA QUINN and Bo Li": a short line that starts with "By" and a
//   capitalised word, without sentence punctuation at its end.
// A line runs from its first token to the next token with kLineBreakBefore: `line_starts` lists
// those (as Scan made them), so the lines take no walk over their tokens; the first token starts
// a line whether it is listed or not.
void MarkLines(std::string_view s, std::vector<NameToken>& toks,
               const std::vector<uint32_t>& line_starts, bool title_case_lines) {
  size_t line_begin = 0;
  const size_t n = toks.size();
  size_t next_start = 0;  // into line_starts
  while (line_begin < n) {
    while (next_start < line_starts.size() && line_starts[next_start] <= line_begin) ++next_start;
    const size_t line_end = next_start < line_starts.size() ? line_starts[next_start] : n;
    const NameToken& last = toks[line_end - 1];
    const bool last_ends_sentence = IsSentenceEnd(s, last);
    if (title_case_lines) {
      int words = 0, long_words = 0, long_caps = 0;
      for (size_t i = line_begin; i < line_end; ++i) {
        const NameToken& t = toks[i];
        if (!t.Is(NameToken::kWord)) continue;
        ++words;
        if (t.end - t.begin >= 4 && !IsHeadlineLowerWord(s.substr(t.begin, t.end - t.begin))) {
          ++long_words;
          if (t.Is(NameToken::kCap)) ++long_caps;
        }
      }
      const bool ends_sentence = last_ends_sentence || s[last.begin] == ',' ||
                                 s[last.begin] == ':' || s[last.begin] == ';';
      if (words >= 3 && words <= 25 && long_words >= 3 && long_caps == long_words &&
          !ends_sentence) {
        for (size_t i = line_begin; i < line_end; ++i) toks[i].flags |= NameToken::kHeadline;
      }
    }
    const NameToken& first = toks[line_begin];
    const std::string_view w = s.substr(first.begin, first.end - first.begin);
    if ((w == "By" || w == "BY") && line_end - line_begin >= 3 && line_end - line_begin <= 16 &&
        toks[line_begin + 1].Is(NameToken::kCap) && !last_ends_sentence) {
      for (size_t i = line_begin; i < line_end; ++i) toks[i].flags |= NameToken::kByline;
    }
    line_begin = line_end;
  }
}

}  // namespace

void TokenizeText(std::string_view text, std::vector<NameToken>& out) {
  std::vector<uint32_t> line_starts;
  Scan(std::string(text), out, line_starts);
  MarkSentenceStarts(text, out);
  MarkLines(text, out, line_starts, /*title_case_lines=*/true);
}

void TokenizeForNames(const Document& doc, std::vector<NameToken>& out) {
  // Walks over tokens to the first that starts or ends past an offset step this many tokens at
  // a time first: token offsets grow, so one look at a token decides all before it.
  constexpr ptrdiff_t kStride = 8;
  const std::string_view s = doc.norm.text();
  thread_local std::vector<uint32_t> line_starts;  // scratch, reused across documents
  Scan(doc.norm.text(), out, line_starts);
  if (out.empty()) return;

  // Sentence starts: from segmentation when present, else our own test (the scanner marked the
  // first word of every paragraph already).
  if (!doc.sentences.empty()) {
    NameToken* k = out.data();
    NameToken* const end = k + out.size();
    for (const Span& sentence : doc.sentences) {
      // (Token starts grow: eight tokens a step over the sentence's tens of tokens, then one.)
      while (end - k > kStride && k[kStride].begin < sentence.begin) k += kStride;
      while (k != end && k->begin < sentence.begin) ++k;
      while (k != end && k->begin < sentence.end && !k->Is(NameToken::kWord)) ++k;
      if (k != end && k->begin < sentence.end) k->flags |= NameToken::kSentenceStart;
    }
  } else {
    MarkSentenceStarts(s, out);
  }

  // Zones: title and byline features; without any title zone, Title Case lines count as headlines.
  bool any_title_zone = false;
  thread_local std::vector<const Zone*> zones;  // scratch, reused across documents
  zones.clear();
  for (const Zone& z : doc.zones) {
    if (z.kind == ZoneKind::kTitle) any_title_zone = true;
    if (z.kind == ZoneKind::kTitle || z.kind == ZoneKind::kByline) zones.push_back(&z);
  }
  std::sort(zones.begin(), zones.end(),
            [](const Zone* a, const Zone* b) { return a->span.begin < b->span.begin; });
  MarkLines(s, out, line_starts, /*title_case_lines=*/!any_title_zone);

  // Entities of earlier stages (dates, nations), sorted by raw start.
  thread_local std::vector<Span> taken;  // scratch, reused across documents
  taken.clear();
  for (const Entity& e : doc.entities)
    if (e.type != EntityType::kPerson) taken.push_back({e.start, e.end});
  std::sort(taken.begin(), taken.end(),
            [](const Span& a, const Span& b) { return a.begin < b.begin; });

  if (zones.empty() && taken.empty()) return;
  // Token offsets only grow, so their raw offsets come from one forward walk over the map.
  NormalizedText::Walker raw(doc.norm);
  // Each pointer below moves only when a token's raw start leaves [lo, hi): the start of the span
  // before the pointer and the end of the span at it. Inside that window a token neither resets
  // nor advances the pointer, so most tokens take two comparisons per list.
  constexpr uint64_t kNoEnd = uint64_t{1} << 32;
  size_t zi = 0, ti = 0;
  uint64_t zone_lo = 0, zone_hi = zones.empty() ? kNoEnd : zones[0]->span.end;
  uint64_t taken_lo = 0, taken_hi = taken.empty() ? kNoEnd : taken[0].end;
  // Tokens that end by `quiet_end` (a norm offset) move no pointer and only take `quiet_flags`:
  // they come after the last token looked at in a stretch of runs whose raw offsets do not go
  // back (so inside both windows), and end in raw bytes before the next taken span begins and
  // before the next zone begins (or, inside a zone, before it ends: its flag is `quiet_flags`).
  // The stretch takes collapsed runs too (the space of an unwrapped quoted line, a paragraph
  // break), so it runs on to the next span or zone edge.
  uint32_t quiet_end = 0, quiet_flags = 0;
  NameToken* const tokens_end = out.data() + out.size();
  for (NameToken* next = out.data(); next != tokens_end;) {
    // Token ends grow, so the quiet tokens are the ones up to the first that ends later; most
    // stretches have no flag to give (outside the zones) and are only passed over.
    if (next->end <= quiet_end) {
      if (quiet_flags == 0) {
        // (Token ends grow: eight tokens a step, then one.)
        while (tokens_end - next > kStride && next[kStride].end <= quiet_end) next += kStride;
        do ++next;
        while (next != tokens_end && next->end <= quiet_end);
      } else {
        do (next++)->flags |= quiet_flags;
        while (next != tokens_end && next->end <= quiet_end);
      }
      if (next == tokens_end) break;
    }
    NameToken& t = *next++;
    const uint32_t raw_begin = raw.RawBegin(t.begin);
    if (!zones.empty()) {
      if (raw_begin < zone_lo || raw_begin >= zone_hi) {
        // Tokens come in raw order, so one forward pointer suffices; restart if not.
        if (zi > 0 && zi <= zones.size() && raw_begin < zones[zi - 1]->span.begin) zi = 0;
        while (zi < zones.size() && zones[zi]->span.end <= raw_begin) ++zi;
        zone_lo = zi > 0 ? zones[zi - 1]->span.begin : 0;
        zone_hi = zi < zones.size() ? zones[zi]->span.end : kNoEnd;
      }
      if (zi < zones.size() && zones[zi]->span.begin <= raw_begin) {
        t.flags |= zones[zi]->kind == ZoneKind::kTitle ? NameToken::kHeadline : NameToken::kByline;
      }
    }
    if (!taken.empty() && (raw_begin < taken_lo || raw_begin >= taken_hi)) {
      if (ti > 0 && ti <= taken.size() && raw_begin < taken[ti - 1].begin) ti = 0;
      while (ti < taken.size() && taken[ti].end <= raw_begin) ++ti;
      taken_lo = ti > 0 ? taken[ti - 1].begin : 0;
      taken_hi = ti < taken.size() ? taken[ti].end : kNoEnd;
    }
    uint64_t next_event = kNoEnd;  // raw offset where the next token may be treated otherwise
    quiet_flags = 0;
    if (zi < zones.size()) {
      if (zones[zi]->span.begin <= raw_begin) {
        next_event = zones[zi]->span.end;
        quiet_flags =
            zones[zi]->kind == ZoneKind::kTitle ? NameToken::kHeadline : NameToken::kByline;
      } else {
        next_event = zones[zi]->span.begin;
      }
    }
    if (ti < taken.size()) next_event = std::min<uint64_t>(next_event, taken[ti].begin);
    quiet_end = next_event > raw_begin ? raw.OrderedEnd(t.begin, next_event) : 0;
    // Only capitalised and hyphenated words can be name words, the one use of the flag; the raw
    // end is looked up for those only.
    if (ti < taken.size() && t.Is(NameToken::kCap | NameToken::kAsciiHyphen)) {
      const uint32_t raw_end = raw.RawEnd(t.end - 1);
      // Spans may nest; check the few that start before this token ends.
      for (size_t k = ti; k < taken.size() && taken[k].begin < raw_end; ++k) {
        if (taken[k].end > raw_begin) {
          t.flags |= NameToken::kTaken;
          break;
        }
      }
    }
  }
}

}  // namespace accord::people
