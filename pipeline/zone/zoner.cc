#include "pipeline/zone/zoner.h"

#include <algorithm>
#include <bit>
#include <cctype>
#include <cstdlib>
#include <vector>

#include <re2/re2.h>

#include "pipeline/zone/line_rules.h"
#include "pipeline/zone/line_scan.h"
#include "pipeline/zone/zone_dates.h"

namespace accord::zone {
namespace {

constexpr int kNoArticle = -1;
constexpr int kNotScanned = -1;  // Line::dates: a line not to scan for dates (Zoner::SplitLines)
constexpr int kNoDate = -2;      // Line::dates: no date pattern matches the line
constexpr int kScanPending = -3;  // Line::dates: to scan when first asked (Zoner::ScanDates)

struct Line {  // the four-byte fields first, then the one-byte ones: 40 bytes
  uint32_t begin = 0, end = 0;    // raw line without its '\n'
  uint32_t cbegin = 0, cend = 0;  // content: no quote prefix, no outer spaces
  LineRuleSet rules = 0;
  // What ScanLineDatePatterns found (Zoner::scanned_dates_), kNoDate, kNotScanned or kScanPending.
  mutable int dates = kNotScanned;
  int article = kNoArticle;
  mutable int words = -1;  // CountWords(content), once asked (Zoner::LineWords)
  bool quoted = false;
  bool blank = true;
  mutable bool date_line = false;  // only a date (zone_dates.h IsDateLine), once scanned
  bool assigned = false;           // a hard zone (pass 1) or placed by pass 2/3
  ZoneKind kind = ZoneKind::kOther;
  mutable uint8_t marks = 0;        // what the content holds (Zoner::Marks), of marks_known
  mutable uint8_t marks_known = 0;  // the marks looked for so far
};
static_assert(sizeof(Line) == 40);

// Zoner::Marks: strings whose presence in a line the article passes ask about.
enum : uint8_t {
  kMarkAt = 1,           // "@"
  kMarkUrl = 2,          // "://"
  kMarkQuote = 4,        // '"', "``" or "“"
  kMarkContact = 8,      // "Voice:", "Fax:", "Tel:" or "Phone:"
};

struct Para {
  int first = 0, last = 0;  // line indexes, inclusive
  bool quoted = false;
  mutable int8_t headline = -1;  // HeadlineLines(first, last), once asked (-1: not yet)
};

struct ArticleStart {
  int start;       // first line (the headline's when it has one)
  int title_end;   // the line after the headline (== start: no headline)
  int anchor_para;
};

// The tables of one document, kept per thread from one document to the next: their storage is
// allocated once, not again for every document.
struct ZonerScratch {
  std::vector<Line> lines;
  std::vector<LineDates> scanned_dates;
  std::vector<Para> paras;
  std::vector<int> para_of;
  std::vector<ArticleStart> articles;
  // The head lines of each article (Zoner::FindHeadLines); only the first articles.size() are
  // the document's, the others keep their storage for the next.
  std::vector<std::vector<int>> head_lines;
};

inline bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\f'; }

class Zoner {
 public:
  Zoner(Document& doc, const ZonerOptions& options, ZonerScratch& scratch)
      : doc_(doc),
        options_(options),
        rules_(LineRules::Get()),
        lines_(scratch.lines),
        scanned_dates_(scratch.scanned_dates),
        paras_(scratch.paras),
        para_of_(scratch.para_of),
        articles_(scratch.articles),
        head_lines_(scratch.head_lines) {
    lines_.clear();
    scanned_dates_.clear();
    paras_.clear();
    articles_.clear();
  }

  void Run() {
    SplitLines();
    MarkHardZones();
    BuildParagraphs();
    FindArticles();
    BuildZones();
    if (!doc_.from_jsonl) FillMeta();
  }

 private:
  std::string_view Content(int i) const {
    return std::string_view(doc_.text).substr(lines_[i].cbegin, lines_[i].cend - lines_[i].cbegin);
  }
  bool Rule(int i, LineRule r) const { return Has(lines_[i].rules, r); }
  void Assign(int i, ZoneKind kind, int article = kNoArticle) {
    lines_[i].assigned = true;
    lines_[i].kind = kind;
    lines_[i].article = article;
  }
  int n() const { return static_cast<int>(lines_.size()); }

  // --- lines
  void SplitLines() {
    const std::string& t = doc_.text;
    // The trigger bytes, digits and newlines of the whole text, found in one pass: the lines
    // end at the newline bits, and each line's rules and digits are read off the others.
    thread_local ByteBits bits;  // scratch, reused across documents
    FindByteBits(t, &bits);
    lines_.reserve(t.size() / 32 + 1);  // a guess: mail lines are longer than that on average
    // The newline bits not yet taken: those of word w.
    size_t w = 0;
    uint64_t newlines = bits.newline.empty() ? 0 : bits.newline[0];
    size_t pos = 0;
    while (pos < t.size()) {
      while (newlines == 0 && ++w < bits.newline.size()) newlines = bits.newline[w];
      const size_t nl =
          newlines != 0 ? 64 * w + static_cast<size_t>(std::countr_zero(newlines)) : t.size();
      newlines &= newlines - 1;
      Line& l = lines_.emplace_back();
      l.begin = static_cast<uint32_t>(pos);
      l.end = static_cast<uint32_t>(nl);
      size_t s = pos, e = nl;
      while (s < e && IsSpace(t[s])) ++s;
      if (s < e && t[s] == '>') {
        l.quoted = true;
        while (s < e && (t[s] == '>' || IsSpace(t[s]))) ++s;
      }
      while (e > s && IsSpace(t[e - 1])) --e;
      l.cbegin = static_cast<uint32_t>(s);
      l.cend = static_cast<uint32_t>(e);
      l.blank = s == e;
      if (!l.blank) {
        l.rules = rules_.Match(std::string_view(t).substr(s, e - s), bits.trigger, s);
        // Dates only in short lines with a digit: the date regexes run on few lines, and only
        // on those the article passes ask about (ScanDates).
        if (e - s <= 100 && AnyBit(bits.digit, s, e)) l.dates = kScanPending;
      }
      pos = nl + 1;
    }
  }

  // The date patterns of line i, scanned when first asked.
  void ScanDates(int i) const {
    const Line& l = lines_[i];
    if (l.dates != kScanPending) return;
    LineDates dates = ScanLineDatePatterns(Content(i));
    l.date_line = dates.date_line;
    if (dates.patterns == 0 && dates.exact) {
      l.dates = kNoDate;
    } else {
      l.dates = static_cast<int>(scanned_dates_.size());
      scanned_dates_.push_back(std::move(dates));
    }
  }
  bool DateLine(int i) const {
    ScanDates(i);
    return lines_[i].date_line;
  }

  int NextNonBlank(int i) const {
    while (i < n() && lines_[i].blank) ++i;
    return i;
  }
  int EndOfParagraph(int i) const {  // first blank line at or after i
    while (i < n() && !lines_[i].blank) ++i;
    return i;
  }

  // --- pass 1: hard zones
  void MarkHardZones() {
    // The rules a line must have for this pass to act on it: most lines have none of them.
    constexpr LineRuleSet kHardZoneRules =
        (1u << kFooterRule) | (1u << kFooterMailingList) | (1u << kFooterListinfo) |
        (1u << kPgpSignedBegin) | (1u << kPgpSignatureBegin) | (1u << kSignatureDelimiter) |
        (1u << kForwardMarker) | (1u << kForwardEnd) | (1u << kHeaderLine) | (1u << kSeparator) |
        (1u << kUrlLine) | (1u << kBoilerplate) | (1u << kAttribution);
    for (int i = 0; i < n(); ++i) {
      if (lines_[i].blank || lines_[i].assigned || (lines_[i].rules & kHardZoneRules) == 0)
        continue;
      if (Rule(i, kFooterRule) || Rule(i, kFooterMailingList)) {
        if (MarkFooter(i)) continue;
      }
      if (Rule(i, kFooterListinfo) && i + 3 >= n()) {
        for (int k = i; k < n(); ++k) Assign(k, ZoneKind::kFooter);
        continue;
      }
      if (Rule(i, kPgpSignedBegin)) {
        Assign(i, ZoneKind::kSignature);
        for (int k = i + 1; k < n() && !lines_[k].blank && Rule(k, kPgpHash); ++k)
          Assign(k, ZoneKind::kSignature);
        continue;
      }
      if (Rule(i, kPgpSignatureBegin)) {
        int k = i;
        for (; k < n() && !Rule(k, kPgpSignatureEnd); ++k) Assign(k, ZoneKind::kSignature);
        if (k < n()) Assign(k, ZoneKind::kSignature);
        continue;
      }
      if (Rule(i, kSignatureDelimiter)) {
        MarkSignature(i);
        continue;
      }
      if (Rule(i, kForwardMarker)) {
        Assign(i, ZoneKind::kForwardHeaders);
        saw_forward_ = true;
        forward_end_line_ = MarkHeaderBlock(i + 1, /*after_marker=*/true);
        continue;
      }
      if (Rule(i, kForwardEnd)) {
        Assign(i, ZoneKind::kForwardHeaders);
        continue;
      }
      if (Rule(i, kHeaderLine) && (i == 0 || lines_[i - 1].blank || lines_[i - 1].assigned)) {
        const int end = MarkHeaderBlock(i, /*after_marker=*/false);
        if (end > i) {
          saw_forward_ = true;
          forward_end_line_ = end;
          i = end - 1;
          continue;
        }
      }
      if (Rule(i, kSeparator)) {
        Assign(i, ZoneKind::kOther);
        continue;
      }
      if (Rule(i, kUrlLine)) {
        MarkUrl(i);
        continue;
      }
      if (Rule(i, kBoilerplate)) {
        Assign(i, ZoneKind::kBoilerplate);
        continue;
      }
      if (Rule(i, kAttribution)) {
        const int k = NextNonBlank(i + 1);
        if (k < n() && lines_[k].quoted && !lines_[i].quoted) Assign(i, ZoneKind::kQuote);
      }
    }
  }

  // footer-rule / footer-mailing-list: "____" then "<List> mailing list" / listinfo lines.
  bool MarkFooter(int i) {
    int found = -1;
    for (int k = i; k < n() && k <= i + 5; ++k) {
      if (Rule(k, kFooterMailingList)) {
        if (list_name_.empty()) list_name_ = rules_.ListName(Content(k));
        found = k;
      }
      if (Rule(k, kFooterListinfo)) found = k;
    }
    if (found < 0) return false;
    const int end = EndOfParagraph(found);
    for (int k = i; k < end; ++k) Assign(k, ZoneKind::kFooter);
    return true;
  }

  // signature-delimiter: up to the next footer, PGP armour or forward marker.
  void MarkSignature(int i) {
    int k = i;
    for (; k < n(); ++k) {
      if (k > i && (Rule(k, kFooterRule) || Rule(k, kPgpSignatureBegin) ||
                    Rule(k, kForwardMarker) || Rule(k, kForwardEnd)))
        break;
    }
    for (int j = i; j < k; ++j) Assign(j, ZoneKind::kSignature);
  }

  // A block of header lines ("From: ...", "Subject: ...") and their continuation lines.
  // Returns the line after the block, or `i` when there is none.
  int MarkHeaderBlock(int i, bool after_marker) {
    int k = after_marker ? NextNonBlank(i) : i;
    const int start = k;
    int headers = 0;
    while (k < n() && !lines_[k].blank) {
      if (Rule(k, kHeaderLine)) {
        ++headers;
      } else if (headers > 0 && IsSpace(doc_.text[lines_[k].begin])) {
        // a folded continuation line
      } else {
        break;
      }
      ++k;
    }
    if (headers == 0 || (!after_marker && headers < 2)) return i;
    for (int j = start; j < k; ++j) Assign(j, ZoneKind::kForwardHeaders);
    return k;
  }

  // url-line, with the lines a long URL was wrapped onto.
  void MarkUrl(int i) {
    Assign(i, ZoneKind::kUrl);
    std::string url = rules_.Url(Content(i));
    int k = i + 1;
    while (k < n() && !lines_[k].blank && Content(i).size() >= 50 && !lines_[k].assigned) {
      const std::string_view c = Content(k);
      if (c.rfind("http", 0) == 0 || c.size() > 80) break;
      if (c.find(' ') != std::string_view::npos) {
        // "idx\n.ht ml": a short tail broken by the mailer.
        if (c.size() > 12 || (c[0] != '.' && c[0] != '/')) break;
      }
      if (c.find_first_of("./_-=?&%") == std::string_view::npos) break;
      for (char ch : c)
        if (ch != ' ') url += ch;
      Assign(k, ZoneKind::kUrl);
      ++k;
    }
    urls_.push_back({i, url});
  }

  // The line holds a full date with its year (FindDate(Content(i), 0)), found once asked.
  bool YearDate(int i) const {
    ScanDates(i);
    if (lines_[i].dates < 0) return false;  // no date pattern matches, or a line never scanned
    LineDates& dates = scanned_dates_[lines_[i].dates];
    FindYearDate(Content(i), dates);
    return dates.year_date;
  }

  // --- paragraphs
  void BuildParagraphs() {
    para_of_.assign(lines_.size(), -1);
    for (int i = 0; i < n();) {
      if (lines_[i].blank || lines_[i].assigned) {
        ++i;
        continue;
      }
      Para p{i, i, lines_[i].quoted};
      while (p.last + 1 < n() && !lines_[p.last + 1].blank && !lines_[p.last + 1].assigned &&
             lines_[p.last + 1].quoted == p.quoted)
        ++p.last;
      for (int k = p.first; k <= p.last; ++k) para_of_[k] = static_cast<int>(paras_.size());
      paras_.push_back(p);
      i = p.last + 1;
    }
  }

  int ParaChars(const Para& p) const {
    int c = 0;
    for (int i = p.first; i <= p.last; ++i) c += static_cast<int>(Content(i).size()) + 1;
    return c;
  }
  // CountWords(Content(i)), counted once per line: the article passes ask again and again.
  int LineWords(int i) const {
    int& w = lines_[i].words;
    if (w < 0) w = CountWords(Content(i));
    return w;
  }

  bool StrongLine(int i) const {
    if (Rule(i, kByline) || Rule(i, kDatelineStart) || Rule(i, kWireSlug)) return true;
    return DateLine(i);
  }

  // A headline: 1-3 short lines, no closing period or colon, not the forwarder's voice.
  // The article passes ask it of the same paragraphs again and again: for a whole paragraph the
  // answer is kept (Para::headline); it depends on the lines alone, not on their zones.
  bool HeadlineLines(int first, int last) const {
    const int q = para_of_[first];
    if (q < 0 || paras_[q].first != first || paras_[q].last != last) return IsHeadline(first, last);
    if (paras_[q].headline < 0) paras_[q].headline = IsHeadline(first, last);
    return paras_[q].headline != 0;
  }
  // HeadlineLines, found. Every test below must pass: the cheap ones (rules, length) come first.
  bool IsHeadline(int first, int last) const {
    if (last - first > 2) return false;
    int chars = 0, words = 0;
    for (int i = first; i <= last; ++i) {
      if (lines_[i].rules & ((1u << kFirstPerson) | (1u << kAttribution) | (1u << kHeaderLine) |
                             (1u << kSourceLine) | (1u << kElision)))
        return false;
      chars += static_cast<int>(lines_[i].cend - lines_[i].cbegin);
    }
    if (chars > 170) return false;
    const std::string_view first_line = Content(first);
    if (first_line[0] >= 'a' && first_line[0] <= 'z') return false;
    const char last_char = Content(last).back();
    if (last_char == '.' || last_char == ':' || last_char == ',' || last_char == ';') return false;
    for (int i = first; i <= last; ++i) {
      if (Marks(i, kMarkAt | kMarkUrl)) return false;
      const unsigned char c0 = static_cast<unsigned char>(doc_.text[lines_[i].cbegin]);
      if (!(c0 >= 0x80 || std::isalnum(c0) || c0 == '"' || c0 == '\'')) return false;
      if (YearDate(i)) return false;  // a source line, not a headline
      words += LineWords(i);
    }
    if (words < 2 || words > 28) return false;
    if (last_char == '?') return TitleCase(Para{first, last, false});  // "Who Owns the Net?"
    return true;
  }
  bool TitleCase(const Para& p) const {
    int long_words = 0, capitalized = 0, lower = 0, letters = 0;
    for (int i = p.first; i <= p.last; ++i) {
      const std::string_view c = Content(i);
      size_t k = 0;
      while (k < c.size()) {
        while (k < c.size() && c[k] == ' ') ++k;
        const size_t b = k;
        while (k < c.size() && c[k] != ' ') ++k;
        if (k - b >= 4) {
          ++long_words;
          if (c[b] >= 'A' && c[b] <= 'Z') ++capitalized;
        }
      }
      for (char ch : c) {
        if (ch >= 'a' && ch <= 'z') ++lower;
        if ((ch | 0x20) >= 'a' && (ch | 0x20) <= 'z') ++letters;
      }
    }
    if (letters > 0 && lower == 0) return true;
    return long_words > 0 && capitalized * 10 >= long_words * 6;
  }
  bool BodyLike(const Para& p) const {
    const std::string_view c = Content(p.last);
    const char last = c.back();
    const bool curly_close = c.size() >= 3 && c.substr(c.size() - 3, 2) == "\xE2\x80" &&
                             (c.back() == '\x9D' || c.back() == '\x99');
    const bool ends = last == '.' || last == '"' || last == '\'' || last == ')' || last == '!' ||
                      last == '?' || curly_close;
    return ends && (p.last > p.first || ParaChars(p) >= 100);
  }
  bool CommentLike(const Para& p) const {
    const int lines = p.last - p.first + 1;
    if (Rule(p.first, kClosingCredit) || Rule(p.first, kCopyright) || StrongLine(p.first))
      return false;
    if (lines == 1 && Rule(p.first, kElision)) return true;
    if (Rule(p.first, kSourceLine) || Rule(p.first, kAttribution)) return true;
    // The marks of the paragraph's lines, read only when a test needs them.
    auto any_line = [&](uint8_t marks) {
      for (int i = p.first; i <= p.last; ++i)
        if (Marks(i, marks)) return true;
      return false;
    };
    bool first_person = false;
    for (int i = p.first; i <= p.last; ++i) first_person |= Rule(i, kFirstPerson);
    if (first_person && lines <= 8 && !any_line(kMarkQuote)) return true;
    const std::string_view last = Content(p.last);
    if (last.back() == '?' && lines <= 3 && !any_line(kMarkQuote)) return true;
    // A sign-off: a name, perhaps with an address, under the text.
    bool short_lines = lines <= 3;
    for (int i = p.first; i <= p.last && short_lines; ++i)
      short_lines = Content(i).back() != '.' && LineWords(i) <= 4;
    if (short_lines && (lines == 1 || any_line(kMarkAt))) return true;
    // A contact block: a few short lines with an address, a web page or a phone number.
    if (lines <= 8) {
      int sentences = 0;
      for (int i = p.first; i <= p.last; ++i)
        if (Content(i).back() == '.' && LineWords(i) > 6) ++sentences;
      if (sentences == 0 && any_line(kMarkAt | kMarkUrl | kMarkContact) && !any_line(kMarkQuote))
        return true;
    }
    return false;
  }
  // The marks among `wanted` (kMarkAt ...) that line i holds, each looked for once, when first
  // wanted: most lines are asked for one or two of them.
  uint8_t Marks(int i, uint8_t wanted) const {
    const Line& l = lines_[i];
    const uint8_t missing = wanted & ~l.marks_known;
    if (missing != 0) {
      const std::string_view c = Content(i);
      auto has = [&](std::string_view s) { return c.find(s) != std::string_view::npos; };
      if ((missing & kMarkAt) && has("@")) l.marks |= kMarkAt;
      if ((missing & kMarkUrl) && has("://")) l.marks |= kMarkUrl;
      if ((missing & kMarkQuote) && (has("\"") || has("``") || has("\xE2\x80\x9C"))) l.marks |= kMarkQuote;
      // Each contact word ends with a colon: a line without one has none of them.
      if ((missing & kMarkContact) && has(":") &&
          (has("Voice:") || has("Fax:") || has("Tel:") || has("Phone:")))
        l.marks |= kMarkContact;
      l.marks_known |= missing;
    }
    return l.marks & wanted;
  }

  // Where an article starts inside paragraph p: the first line of its headline, with
  // *title_end the line after the headline (== start when it has none). -1 when p is no anchor.
  int AnchorIn(int p, bool allow_weak, int* title_end) const {
    const Para& para = paras_[p];
    const Para* next = p + 1 < static_cast<int>(paras_.size()) ? &paras_[p + 1] : nullptr;
    // A strong line among the first three of the paragraph, headline lines before it.
    for (int i = para.first; i <= para.last && i <= para.first + 3; ++i) {
      if (!StrongLine(i)) continue;
      if (i == para.first) {
        // The paragraph before may be its headline.
        *title_end = para.first;
        if (p > 0 && PrevIsHeadline(p)) return -2;
        return para.first;
      }
      if (HeadlineLines(para.first, i - 1)) {
        *title_end = i;
        return para.first;
      }
      break;
    }
    if (Rule(para.first, kCopyright) && next && BodyLike(*next)) {
      *title_end = para.first;
      if (p > 0 && PrevIsHeadline(p)) return -2;
      return para.first;
    }
    if (HeadlineLines(para.first, para.last) && next && !CommentLike(*next)) {
      const bool next_strong = StrongLine(next->first) || Rule(next->first, kCopyright);
      if ((TitleCase(para) && (next_strong || BodyLike(*next))) ||
          (allow_weak && BodyLike(*next) && next->last - next->first >= 2 &&
           next->quoted == para.quoted &&
           LineWords(para.first) >= 4)) {
        *title_end = para.last + 1;
        return para.first;
      }
    }
    return -1;
  }
  // The paragraph before p is a headline next to it (only URL or blank lines between).
  bool PrevIsHeadline(int p) const {
    const Para& prev = paras_[p - 1];
    if (!Adjacent(p - 1, p)) return false;
    return HeadlineLines(prev.first, prev.last) && !lines_[prev.first].assigned;
  }
  bool Adjacent(int a, int b) const {
    for (int i = paras_[a].last + 1; i < paras_[b].first; ++i)
      if (!lines_[i].blank && lines_[i].kind != ZoneKind::kUrl) return false;
    return true;
  }
  // headline-deck / headline-copyright: the article's head may start one or two paragraphs
  // above its anchor: a headline over a deck ("Clipper Chip would let ...") or over a copyright
  // or date line. Returns the first paragraph of the head.
  int HeadStart(int p) const {
    int start = p;
    for (int q = p - 1; q >= 0 && q >= p - 3; --q) {
      if (lines_[paras_[q].first].assigned || !Adjacent(q, q + 1)) break;
      const Para& para = paras_[q];
      const bool small = para.last - para.first <= 2 && ParaChars(para) <= 220;
      if (!small || CommentLike(para)) break;
      const bool head_line = Rule(para.first, kCopyright) || DateLine(para.first) ||
                             Rule(para.first, kByline);
      if (head_line) {
        start = q;
        continue;
      }
      if (HeadlineLines(para.first, para.last)) {
        start = q;
        // Only a title-case headline or one over a head line goes on upward.
        if (!TitleCase(para) && q + 1 < p) break;
        continue;
      }
      // A deck: one to three lines under a headline.
      if (q > 0 && Adjacent(q - 1, q) && HeadlineLines(paras_[q - 1].first, paras_[q - 1].last) &&
          !lines_[paras_[q - 1].first].assigned) {
        start = q - 1;
      }
      break;
    }
    return start;
  }

  // --- pass 2 and 3: articles
  void FindArticles() {
    const int np = static_cast<int>(paras_.size());
    int p = 0;
    int article = -1;
    bool weak_allowed = true;
    while (p < np) {
      // Look for an anchor from p.
      int anchor_para = -1, title_end = 0, start_line = 0;
      for (int q = p; q < np; ++q) {
        int te = 0;
        const int s = AnchorIn(q, false, &te);
        if (s == -2 || s >= 0) {
          anchor_para = q;
          start_line = s >= 0 ? s : paras_[q].first;
          title_end = te;
          const int head = std::max(HeadStart(q), p);
          if (head < q) {
            anchor_para = head;
            start_line = title_end = paras_[head].first;
          }
          break;
        }
      }
      if (anchor_para < 0 && weak_allowed) {
        for (int q = p; q < np; ++q) {
          int te = 0;
          const int s = AnchorIn(q, true, &te);
          if (s >= 0) {
            anchor_para = q;
            start_line = s;
            title_end = te;
            break;
          }
        }
      }
      if (anchor_para < 0 && weak_allowed && saw_forward_) {
        // forward-fallback: the text after the forwarded headers.
        for (int q = p; q < np; ++q) {
          if (paras_[q].first >= forward_end_line_ && !CommentLike(paras_[q])) {
            anchor_para = q;
            start_line = title_end = paras_[q].first;
            break;
          }
        }
      }
      weak_allowed = false;
      if (anchor_para < 0) break;
      ++article;
      for (int q = p; q < anchor_para; ++q) MarkPara(q, article == 0 ? ZoneKind::kPreamble
                                                                      : ZoneKind::kOther);
      articles_.push_back({start_line, title_end, anchor_para});
      p = ExtendArticle(anchor_para, article);
    }
    for (; p < np; ++p) MarkPara(p, ZoneKind::kOther);
    if (articles_.empty() && !IsMailMessage()) WholeTextArticle();
  }

  // A mail message without an article anchor is a discussion post: nothing in it is article.
  // Text that did not come as mail (a pasted article, a JSONL record, an eval gold text) is
  // there because it is an article: without an anchor, all of it that is not footer,
  // signature, quote or forward headers is body (rule "plain-text-is-article").
  bool IsMailMessage() const {
    return !doc_.headers.message_id.empty() || !doc_.headers.from.empty() ||
           !doc_.headers.date.empty();
  }
  void WholeTextArticle() {
    bool any = false;
    for (Line& l : lines_) {
      if (l.blank) continue;
      if (l.assigned && l.kind != ZoneKind::kOther && l.kind != ZoneKind::kPreamble) continue;
      l.assigned = true;
      l.kind = ZoneKind::kBody;
      l.article = 0;
      any = true;
    }
    if (any) articles_.push_back({0, 0, 0});
  }

  void MarkPara(int q, ZoneKind kind, int article = kNoArticle) {
    for (int i = paras_[q].first; i <= paras_[q].last; ++i) Assign(i, kind, article);
  }

  // A hard zone between paragraphs a and b ends an article (footer, signature, forward marker).
  bool HardStopBetween(int a, int b) const {
    for (int i = paras_[a].last + 1; i < paras_[b].first; ++i) {
      const ZoneKind k = lines_[i].kind;
      if (lines_[i].assigned && (k == ZoneKind::kFooter || k == ZoneKind::kSignature ||
                                 k == ZoneKind::kForwardHeaders))
        return true;
    }
    return false;
  }

  // Marks the article from paragraph a; returns the first paragraph after it.
  int ExtendArticle(int a, int article) {
    const int np = static_cast<int>(paras_.size());
    const bool quoted = paras_[a].quoted;
    int end = a + 1;
    bool has_body = BodyLike(paras_[a]) && !HeadlineLines(paras_[a].first, paras_[a].last);
    while (end < np && !HardStopBetween(end - 1, end)) {
      int te = 0;
      // A new headline over a byline/dateline starts the next article (after some body).
      if (has_body && HeadlineLines(paras_[end].first, paras_[end].last) && end + 1 < np &&
          !HardStopBetween(end, end + 1) &&
          (StrongLine(paras_[end + 1].first) || Rule(paras_[end + 1].first, kCopyright)))
        break;
      if (has_body && AnchorIn(end, false, &te) >= 0 && te > paras_[end].first &&
          StrongLine(te))
        break;
      if (BodyLike(paras_[end]) && !HeadlineLines(paras_[end].first, paras_[end].last))
        has_body = true;
      ++end;
    }
    // The forwarder's trailing remarks are not article.
    int last = end - 1;
    while (last > a && CommentLike(paras_[last])) --last;
    for (int q = a; q <= last; ++q) {
      if (quoted && !paras_[q].quoted) {
        MarkPara(q, ZoneKind::kOther);  // a remark inside a quoted article
        continue;
      }
      for (int i = paras_[q].first; i <= paras_[q].last; ++i) {
        ZoneKind kind = ZoneKind::kBody;
        const Span& head = {static_cast<uint32_t>(articles_.back().start),
                            static_cast<uint32_t>(articles_.back().title_end)};
        if (i >= static_cast<int>(head.begin) && i < static_cast<int>(head.end)) {
          kind = ZoneKind::kTitle;
        } else if (i < articles_.back().start + 8 && Rule(i, kByline)) {
          kind = ZoneKind::kByline;
        } else if (i < articles_.back().start + 8 && DateLine(i)) {
          kind = ZoneKind::kDateline;
        }
        Assign(i, kind, article);
      }
    }
    for (int q = last + 1; q < end; ++q) MarkPara(q, ZoneKind::kOther);
    return end;
  }

  // --- zones
  void BuildZones() {
    doc_.zones.clear();
    doc_.zones.reserve(16);  // most messages have a few zones: one allocation, not several
    ZoneKind prev_kind = ZoneKind::kOther;
    int prev_article = kNoArticle;
    // IsArticleZone of the last zone's kind and of the last line's kind, asked once for each.
    bool last_zone_article = false;
    ZoneKind last_kind = ZoneKind::kOther;
    bool last_kind_article = IsArticleZone(last_kind);
    for (int i = 0; i < n(); ++i) {
      Line& l = lines_[i];
      if (l.blank && !l.assigned) {
        l.kind = prev_kind;
        l.article = prev_article;
        // A blank line inside an article stays in it; else it goes with what came before.
      }
      prev_kind = l.kind;
      prev_article = l.article;
      if (l.kind != last_kind) {
        last_kind = l.kind;
        last_kind_article = IsArticleZone(l.kind);
      }
      const bool article_zone = l.article != kNoArticle && last_kind_article;
      const uint32_t end = std::min<uint32_t>(l.end + 1, static_cast<uint32_t>(doc_.text.size()));
      const uint16_t art = static_cast<uint16_t>(article_zone ? l.article : 0);
      if (!doc_.zones.empty()) {
        Zone& z = doc_.zones.back();
        const bool same_article_zone = last_zone_article == article_zone;
        if (z.kind == l.kind && same_article_zone && z.article == art &&
            (l.blank || z.quoted == l.quoted)) {
          z.span.end = end;
          continue;
        }
      }
      Zone z;
      z.kind = article_zone ? l.kind : (last_kind_article ? ZoneKind::kOther : l.kind);
      z.span = {l.begin, end};
      z.article = art;
      z.quoted = l.quoted;
      doc_.zones.push_back(z);
      last_zone_article = IsArticleZone(z.kind);
    }
    doc_.articles.assign(std::max<size_t>(articles_.size(), 1), Article{});
  }

  // --- metadata
  int HeaderYear() const {
    if (header_date_ && header_date_->size() >= 4) return std::atoi(header_date_->c_str());
    return 0;
  }

  // The head of article a: its lines before the first body paragraph or dateline (at most 15).
  // FillMeta reads it several times once the zones are final: it is found once (head_lines_).
  const std::vector<int>& HeadLines(size_t a) const { return head_lines_[a]; }
  void FindHeadLines(size_t a, std::vector<int>& out) const {
    out.clear();
    for (int i = articles_[a].start; i < n() && out.size() < 15; ++i) {
      if (lines_[i].blank) continue;
      if (lines_[i].kind == ZoneKind::kUrl || lines_[i].kind == ZoneKind::kOther) continue;
      if (lines_[i].article != static_cast<int>(a)) break;
      if (Rule(i, kDatelineStart)) break;
      const int q = para_of_[i];
      if (q >= 0 && i == paras_[q].first && BodyLike(paras_[q]) &&
          !HeadlineLines(paras_[q].first, paras_[q].last) && !ParaHasHeadLine(q)) {
        // A deck under the headline ("Clipper Chip would let ...") when a byline or date follows.
        const bool deck = out.size() > 0 && paras_[q].last - paras_[q].first <= 2 &&
                          q + 1 < static_cast<int>(paras_.size()) &&
                          (Rule(paras_[q + 1].first, kByline) || IsHeadLine(paras_[q + 1].first));
        if (!deck) break;
        i = paras_[q].last;
        continue;
      }
      out.push_back(i);
    }
  }

  // A line of an article's head: byline, date line, wire slug, copyright, or a short line
  // with a full date ("graphic November 15, 1997", "7:35 a.m.  25.Nov.98.PST").
  bool IsHeadLine(int i) const {
    if (Rule(i, kByline) || Rule(i, kWireSlug) || Rule(i, kCopyright)) return true;
    return DateLine(i) || (YearDate(i) && LineWords(i) <= 6);
  }
  bool ParaHasHeadLine(int q) const {
    for (int i = paras_[q].first; i <= paras_[q].last && i <= paras_[q].first + 3; ++i)
      if (IsHeadLine(i) || Rule(i, kDatelineStart)) return true;
    return false;
  }

  // FindDate(Content(i), default_year), from what SplitLines found when it scanned the line.
  std::optional<std::string> LineDate(int i, int default_year) const {
    ScanDates(i);
    if (lines_[i].dates == kNoDate) return std::nullopt;
    if (lines_[i].dates == kNotScanned) return FindDate(Content(i), default_year);
    YearDate(i);  // FindDate needs it found
    return FindDate(Content(i), default_year, scanned_dates_[lines_[i].dates]);
  }

  std::optional<std::string> ArticleDate(size_t a) const {
    const int year = HeaderYear();
    const std::vector<int>& head = HeadLines(a);
    // date-line, wire slug, byline first; then any head line with a full date.
    for (int i : head)
      if (DateLine(i) || Rule(i, kWireSlug) || Rule(i, kByline))
        if (auto d = LineDate(i, year)) return d;
    for (int i : head) {
      // SplitLines has told which short lines hold a date with its year (YearDate); a short
      // line it skipped has no digit, so no such date either.
      if (Content(i).size() <= 100 && !YearDate(i)) continue;
      if (auto d = LineDate(i, 0)) return d;
    }
    // The dateline of the first body line: "LYON, FRANCE, 1995 JUN 7 (NB) --".
    int first_body = head.empty() ? articles_[a].start : head.back() + 1;
    for (int i = first_body; i < n() && i < first_body + 6; ++i) {
      if (lines_[i].blank || lines_[i].article != static_cast<int>(a)) continue;
      if (Rule(i, kDatelineStart)) {
        std::string_view c = Content(i);
        const size_t dash = c.find_first_of("-\xE2");
        if (auto d = FindDate(c.substr(0, dash == std::string_view::npos ? c.size() : dash + 1), year))
          return d;
      }
      break;
    }
    return std::nullopt;
  }

  // The date the forwarder gives just above the article ("From Computer Weekly, May 11, 1994",
  // "(AP US & World 21 Oct 1997)"), or the citation just below it ("6 December 94").
  std::optional<std::string> SourceDate(size_t a) const {
    std::string above;
    int seen = 0;
    for (int i = articles_[a].start - 1; i >= 0 && seen < 6; --i) {
      if (lines_[i].blank) continue;
      const ZoneKind k = lines_[i].kind;
      if (k == ZoneKind::kFooter || k == ZoneKind::kSignature) break;
      if (k == ZoneKind::kForwardHeaders) continue;
      ++seen;
      above = std::string(Content(i)) + " " + above;
    }
    if (auto d = FindDate(above, HeaderYear())) return d;
    int last = -1;
    for (int i = 0; i < n(); ++i)
      if (lines_[i].article == static_cast<int>(a)) last = i;
    std::string below;
    for (int i = last, k = 0; i >= 0 && k < 3; --i) {
      if (lines_[i].blank) continue;
      if (lines_[i].article != static_cast<int>(a)) break;
      ++k;
      below = std::string(Content(i)) + " " + below;
    }
    static const RE2 credit("\\(([^/()]+)/(\\d{4})(\\d\\d)(\\d\\d)\\)");
    std::string who, y, m, d;
    if (RE2::PartialMatch(below, credit, &who, &y, &m, &d)) return y + "-" + m + "-" + d;
    return FindDate(below, 0);
  }
  static std::string CleanSubject(std::string s) {
    static const RE2 tag("^\\s*(?:\\[[^\\]]{1,40}\\]\\s*|(?i:re|fwd?|fw)\\s*:\\s*|\\((?i:fwd?)\\)\\s*)");
    static const RE2 tail(
        "\\s*(?:\\((?i:fwd?)\\)|\\[(?i:fwd?)\\]|[-(\\[]?\\s*\\d{1,2}/\\d{1,2}(?:/\\d{2,4})?\\s*[)\\]]?)\\s*$");
    while (RE2::Replace(&s, tag, "")) {
    }
    while (RE2::Replace(&s, tail, "")) {
    }
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.pop_back();
    if (s.size() >= 2 && s.front() == '"' && s.back() == '"') s = s.substr(1, s.size() - 2);
    return s;
  }

  void FillMeta() {
    if (head_lines_.size() < articles_.size()) head_lines_.resize(articles_.size());
    for (size_t a = 0; a < articles_.size(); ++a) FindHeadLines(a, head_lines_[a]);
    header_date_ = ParseHeaderDate(doc_.headers.date);
    Json& meta = doc_.meta;
    if (!list_name_.empty() && !doc_.source.contains("list")) doc_.source["list"] = list_name_;
    if (doc_.source.contains("list") && doc_.source["list"].is_string())
      meta["list"] = doc_.source["list"];
    for (size_t a = 0; a < articles_.size(); ++a) doc_.articles[a].date = ArticleDate(a);
    if (!articles_.empty()) {
      const Article0 info = FirstArticleInfo();
      if (!info.title.empty()) meta["title"] = info.title;
      if (!info.author.empty()) meta["author"] = info.author;
      std::optional<std::string> published = doc_.articles[0].date;
      if (!published) published = SourceDate(0);
      if (published) meta["published"] = *published;
      if (!info.url.empty()) meta["url"] = info.url;
      if (!doc_.articles[0].date && published) doc_.articles[0].date = published;
    }
    if (!articles_.empty() && doc_.articles[0].date) doc_.doc_date = doc_.articles[0].date;
    else if (header_date_) doc_.doc_date = header_date_;
    else if (options_.default_doc_date) doc_.doc_date = options_.default_doc_date;
    // Later articles without a date of their own use the document's.
  }

  struct Article0 {
    std::string title, author, url;
  };
  // title, author and url of the first article. In the head: the first headline is the title,
  // unless a date line follows it and another headline comes before any byline (masthead:
  // "South China Morning Post / December 19, 1997 / Storm over ..."); a wire slug carries its
  // own headline; a lone agency line under the headline is the author.
  Article0 FirstArticleInfo() const {
    Article0 out;
    const std::vector<int>& head = HeadLines(0);
    bool seen_byline = false, date_after_title = false;
    for (size_t k = 0; k < head.size();) {
      const int i = head[k];
      const std::string_view c = Content(i);
      if (Rule(i, kByline)) {
        seen_byline = true;
        if (out.author.empty()) out.author = rules_.BylineAuthor(c);
        ++k;
        continue;
      }
      if (DateLine(i) || Rule(i, kCopyright)) {
        if (!out.title.empty() && DateLine(i)) date_after_title = true;
        ++k;
        continue;
      }
      if (Rule(i, kWireSlug)) {
        const std::string t = rules_.SlugTitle(c);
        if (out.title.empty() && !t.empty()) out.title = t;
        ++k;
        // Its headline may go on over the next line of the paragraph.
        if (!t.empty() && k < head.size() && head[k] == i + 1 && !IsHeadLine(i + 1) &&
            LineWords(i + 1) <= 3 && Content(i + 1).back() != '.') {
          out.title += " ";
          out.title += Content(i + 1);
          ++k;
        }
        continue;
      }
      // A run of headline lines in one paragraph.
      size_t e = k + 1;
      while (e < head.size() && head[e] == head[e - 1] + 1 && !StrongLine(head[e]) &&
             !Rule(head[e], kCopyright) && e - k < 3)
        ++e;
      int last = head[e - 1];
      std::string agency;
      if (e - k >= 2 && IsAgency(Content(last))) {
        agency = std::string(Content(last));
        --last;
      }
      const int after = head[e - 1] + 1;
      const bool whole_paragraph =
          para_of_[i] >= 0 && (paras_[para_of_[i]].last < after || StrongLine(after) ||
                               Rule(after, kCopyright));
      if (whole_paragraph && HeadlineLines(i, last) && !seen_byline &&
          (out.title.empty() || date_after_title)) {
        out.title.clear();
        for (int j = i; j <= last; ++j) {
          if (!out.title.empty()) out.title += ' ';
          out.title.append(Content(j));
        }
        date_after_title = false;
        if (!agency.empty() && out.author.empty()) out.author = agency;
      }
      k = e;
    }
    static const RE2 bracket_tail("\\s*\\[[^\\]]*\\]$");
    if (!out.title.empty() && out.title.back() == ']') RE2::Replace(&out.title, bracket_tail, "");
    if (out.title.empty()) out.title = CleanSubject(doc_.headers.subject);
    int last_line = articles_[0].start;
    for (int i = articles_[0].start; i < n(); ++i)
      if (lines_[i].article == 0) last_line = i;
    if (out.author.empty()) {
      for (int i = last_line; i >= articles_[0].start && i > last_line - 4; --i)
        if (Rule(i, kClosingCredit)) out.author = rules_.ClosingCreditAuthor(Content(i));
    }
    out.url = ArticleUrl();
    return out;
  }

  static bool IsAgency(std::string_view s) {
    static const char* kAgencies[] = {"Reuters", "Reuter", "Associated Press", "The Associated Press",
                                      "AP", "UPI", "AFP", "Agence France-Presse", "Bloomberg"};
    for (const char* a : kAgencies)
      if (s == a) return true;
    return false;
  }

  // The article's URL: one in its head, else the last one the forwarder gives above it, else one
  // right below it ("[From http://...]").
  std::string ArticleUrl() const {
    const int start = articles_[0].start;
    int last = start;
    for (int i = start; i < n(); ++i)
      if (lines_[i].article == 0) last = i;
    auto usable = [](const std::string& url) {
      return !url.empty() && url.find("listinfo") == std::string::npos &&
             url.find("mailman") == std::string::npos;
    };
    const std::vector<int>& head = HeadLines(0);
    const int head_end = head.empty() ? start : head.back() + 2;
    std::string above, below, inside;
    for (const auto& [line, url] : urls_) {
      if (!usable(url) || lines_[line].kind != ZoneKind::kUrl) continue;
      if (line < start) above = url;
      else if (line <= head_end && inside.empty()) inside = url;
      else if (line > last && line <= last + 4 && below.empty()) below = url;
    }
    if (!inside.empty()) return inside;
    if (!above.empty()) return above;
    return below;
  }

  Document& doc_;
  const ZonerOptions& options_;
  const LineRules& rules_;
  std::vector<Line>& lines_;
  // Of the lines where some date pattern matches; their year dates found when asked (YearDate).
  std::vector<LineDates>& scanned_dates_;
  std::vector<Para>& paras_;
  std::vector<int>& para_of_;
  std::vector<ArticleStart>& articles_;
  std::vector<std::pair<int, std::string>> urls_;
  std::string list_name_;
  bool saw_forward_ = false;
  int forward_end_line_ = 0;
  std::optional<std::string> header_date_;
  std::vector<std::vector<int>>& head_lines_;  // of each article, by FillMeta
};

}  // namespace

void ZoneDocument(Document& doc, const ZonerOptions& options) {
  doc.zones.clear();
  doc.articles.clear();
  thread_local ZonerScratch scratch;
  Zoner(doc, options, scratch).Run();
}

}  // namespace accord::zone
