#include "pipeline/segment/segment_stage.h"

#include <algorithm>

#include "pipeline/segment/sentence_splitter.h"
#include "pipeline/segment/tokenizer.h"

namespace accord {
namespace {

// A token starts a raw line when only spaces and quote marks stand between the raw byte it
// comes from and the previous line break.
constexpr bool IsLineLead(char c) { return c == ' ' || c == '\t' || c == '>' || c == '\r'; }

bool StartsRawLine(std::string_view raw, uint32_t raw_begin) {
  uint32_t p = raw_begin;
  while (p > 0) {
    const char c = raw[p - 1];
    if (c == '\n') return true;
    if (!IsLineLead(c)) return false;
    --p;
  }
  return true;
}

// StartsRawLine for raw offsets that mostly rise: it keeps the raw line of the last offset, and
// where its first byte that is no space or quote mark stands. An offset in that line starts it
// when it is at or before that byte; an offset past the line moves to its own line with one
// search back and one forward, so the bytes before each token are not read again.
class RawLineStarts {
 public:
  explicit RawLineStarts(std::string_view raw) : raw_(raw) { EnterLine(0, 0); }

  bool At(uint32_t r) {
    if (r < line_begin_) return StartsRawLine(raw_, r);  // offsets that went back
    if (r > line_break_) {
      // raw_[line_break_] is a line break: the search back ends there at the latest.
      EnterLine(static_cast<uint32_t>(raw_.rfind('\n', r - 1)) + 1, r);
    }
    return r <= lead_end_;
  }

  // After At(r) was false: whether r lay in the line At entered, past its lead, so the rest of the
  // line up to line_break() holds no line start either.
  bool PastLeadOfLine(uint32_t r) const { return r > lead_end_ && r <= line_break_; }
  uint32_t line_break() const { return line_break_; }

 private:
  // Enters the line that begins at `begin` and holds offset `r` (no line break in [begin, r)).
  void EnterLine(uint32_t begin, uint32_t r) {
    line_begin_ = begin;
    uint32_t p = begin;
    while (p < raw_.size() && IsLineLead(raw_[p])) ++p;
    lead_end_ = p;
    const size_t nl = raw_.find('\n', std::max(r, p));
    line_break_ = static_cast<uint32_t>(nl == std::string_view::npos ? raw_.size() : nl);
  }

  std::string_view raw_;
  uint32_t line_begin_ = 0;
  uint32_t lead_end_ = 0;    // the first byte of the line that is no space or quote mark
  uint32_t line_break_ = 0;  // the line break that ends the line (or the end of the text)
};

class SegmentStage final : public Stage {
 public:
  explicit SegmentStage(std::unique_ptr<SentenceSplitter> splitter)
      : splitter_(std::move(splitter)) {}
  std::string_view name() const override { return "segment"; }
  Facets reads() const override { return kFacetNormalized; }
  Facets adds() const override { return kFacetSentences | kFacetTokens; }

  Status Run(Document& doc) const override {
    doc.tokens.clear();
    doc.sentences.clear();
    const std::string& text = doc.norm.text();
    doc.tokens.reserve(text.size() / 5 + 1);
    Tokenize(text, doc.tokens);
    splitter_->Split(text, doc.tokens, doc.sentences);
    RawLineStarts lines(doc.text);
    NormalizedText::Walker walk(doc.norm);  // tokens come in text order
    // Normalized bytes [span_begin, span_end) come one for one from raw bytes starting at
    // span_raw (a one-to-one run of the map, from the last token looked up on): tokens there
    // find their raw offset without the walker.
    uint32_t span_begin = 0, span_end = 0, span_raw = 0;
    // Normalized bytes before this one map, one for one and in order, to raw bytes of the line of
    // the last token looked at, past its lead: the tokens there start no line and need no look.
    uint32_t rest_of_line_end = 0;
    for (Token& t : doc.tokens) {
      if (t.begin < rest_of_line_end) continue;
      if (t.begin >= span_end) {
        span_begin = t.begin;
        span_raw = walk.RawBegin(t.begin);
        span_end = walk.OneToOneEnd(t.begin);
      }
      const uint32_t r = span_raw + (t.begin - span_begin);  // span_end == t.begin: r = span_raw
      if (lines.At(r)) {
        t.flags |= Token::kLineStart;
      } else if (lines.PastLeadOfLine(r) && t.begin < span_end) {
        // The span's bytes whose raw byte comes before the line break.
        rest_of_line_end = static_cast<uint32_t>(
            std::min<uint64_t>(span_end, uint64_t{t.begin} + (lines.line_break() - r)));
      }
    }
    return Status::Ok();
  }

 private:
  std::unique_ptr<SentenceSplitter> splitter_;
};

}  // namespace

StatusOr<std::unique_ptr<Stage>> MakeSegmentStage(const StageOptions& /*options*/) {
  auto splitter = SentenceSplitter::Create();
  if (!splitter.ok()) return splitter.status();
  return std::unique_ptr<Stage>(new SegmentStage(std::move(splitter).value()));
}

}  // namespace accord
