#include "pipeline/segment/sentence_splitter.h"

#include <algorithm>

#include "pipeline/tables.h"

namespace accord {
namespace {

constexpr std::string_view kAbbreviationsTable = "pipeline/segment/data/abbreviations.tsv";
constexpr std::string_view kStartersTable = "pipeline/segment/data/sentence_starters.tsv";

inline bool IsSpaceByte(char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r'; }

// Appends text[b, e) without its white space at either end, unless that leaves nothing. (Inlined
// into its loop: it runs once a sentence.)
[[gnu::always_inline]] inline void AddSentence(std::string_view text, size_t b, size_t e,
                                               std::vector<Span>& sentences) {
  while (b < e && IsSpaceByte(text[b])) ++b;
  while (e > b && IsSpaceByte(text[e - 1])) --e;
  if (b < e) sentences.push_back({static_cast<uint32_t>(b), static_cast<uint32_t>(e)});
}

}  // namespace

SentenceSplitter::~SentenceSplitter() = default;

StatusOr<std::unique_ptr<SentenceSplitter>> SentenceSplitter::Create() {
  std::unique_ptr<SentenceSplitter> s(new SentenceSplitter());
  auto breaker = SentenceBreaker::Create();
  if (!breaker.ok()) return breaker.status();
  s->breaker_ = std::move(breaker).value();
  auto abbreviations = LoadTable(kAbbreviationsTable, 2);
  if (!abbreviations.ok()) return abbreviations.status();
  for (const TableRow& row : abbreviations->rows) {
    s->abbreviation_filter_.Add(row.fields[0]);
    s->abbreviations_.insert(row.fields[0]);
  }
  auto starters = LoadTable(kStartersTable, 1);
  if (!starters.ok()) return starters.status();
  for (const TableRow& row : starters->rows) s->starters_.insert(row.fields[0]);
  return s;
}

// Whether the ICU break at `boundary` stands (see the rules in the header).
bool SentenceSplitter::KeepBreak(std::string_view text, const std::vector<Token>& tokens,
                                 size_t boundary) const {
  size_t p = boundary;
  while (p > 0 && IsSpaceByte(text[p - 1])) {
    if (text[p - 1] == '\n') return true;  // icu-sentence: a paragraph break always ends one
    --p;
  }
  if (p == 0 || text[p - 1] != '.') return true;
  // The token that ends with this period.
  auto it = std::lower_bound(tokens.begin(), tokens.end(), p,
                             [](const Token& t, size_t pos) { return t.end < pos; });
  if (it == tokens.end() || it->end != p) return true;
  const Token* word = &*it;
  if (word->flags & Token::kPunct) {
    if (it == tokens.begin()) return true;
    word = &*(it - 1);
    if (word->end != it->begin || !(word->flags & Token::kWord)) return true;
  }
  std::string_view w = text.substr(word->begin, word->end - word->begin);
  if (!w.empty() && w.back() == '.') {
    // dotted-initialism: "U.S." — a break only before a usual sentence opener.
    auto next = std::lower_bound(tokens.begin(), tokens.end(), boundary,
                                 [](const Token& t, size_t pos) { return t.begin < pos; });
    if (next == tokens.end()) return true;
    return starters_.contains(text.substr(next->begin, next->end - next->begin));
  }
  if (abbreviation_filter_.MayContain(w) && abbreviations_.contains(w)) return false;  // abbreviation
  // initial: a single capital letter.
  if ((word->flags & Token::kCapitalized) && (w.size() == 1 || (w.size() <= 2 && w[0] < 0)))
    return false;
  return true;
}

void SentenceSplitter::Split(std::string_view text, std::vector<Token>& tokens,
                             std::vector<Span>& sentences) const {
  if (text.empty()) return;
  // Scratch reused across texts (the splitter is shared by threads, so one per thread).
  thread_local std::vector<uint32_t> breaks;
  breaks.clear();
  breaker_->Breaks(text, breaks);
  const size_t first_sentence = sentences.size();
  sentences.reserve(first_sentence + breaks.size() + 1);  // at most one sentence a break, and one more
  size_t start = 0;
  for (const uint32_t boundary : breaks) {
    if (!KeepBreak(text, tokens, boundary)) continue;
    AddSentence(text, start, boundary, sentences);
    start = boundary;
  }
  AddSentence(text, start, text.size(), sentences);
  // kSentenceStart on the first token of each sentence.
  auto tok = tokens.begin();
  for (size_t s = first_sentence; s < sentences.size(); ++s) {
    // (A step at a time: the next sentence starts a few tokens on.)
    const uint32_t begin = sentences[s].begin;
    while (tok != tokens.end() && tok->begin < begin) ++tok;
    if (tok != tokens.end() && tok->begin < sentences[s].end) tok->flags |= Token::kSentenceStart;
  }
}

}  // namespace accord
