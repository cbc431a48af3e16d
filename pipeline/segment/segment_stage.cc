#include "pipeline/segment/segment_stage.h"

#include "pipeline/segment/sentence_splitter.h"
#include "pipeline/segment/tokenizer.h"

namespace accord {
namespace {

// A token starts a raw line when only spaces and quote marks stand between the raw byte it
// comes from and the previous line break.
bool StartsRawLine(const Document& doc, uint32_t raw_begin) {
  uint32_t p = raw_begin;
  while (p > 0) {
    const char c = doc.text[p - 1];
    if (c == '\n') return true;
    if (c != ' ' && c != '\t' && c != '>' && c != '\r') return false;
    --p;
  }
  return true;
}

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
    NormalizedText::Walker raw(doc.norm);
    for (Token& t : doc.tokens)
      if (StartsRawLine(doc, raw.RawBegin(t.begin))) t.flags |= Token::kLineStart;
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
