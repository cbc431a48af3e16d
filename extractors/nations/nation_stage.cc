#include "extractors/nations/nation_stage.h"

#include "extractors/nations/nation_lexicon.h"
#include "extractors/nations/nation_rules.h"
#include "extractors/nations/nation_scanner.h"
#include "extractors/nations/nation_words.h"

namespace accord {
namespace {

// Finds the nations of the normalized article text: splits it into words, finds the longest
// lexicon phrase at each capitalised word, lets the named rules decide, and maps each kept
// span back to the raw text.
class NationStage final : public Stage {
 public:
  explicit NationStage(std::unique_ptr<nations::Lexicon> lex) : lex_(std::move(lex)), rules_(*lex_) {}

  std::string_view name() const override { return "nation_stage"; }
  Facets reads() const override { return kFacetNormalized; }
  Facets adds() const override { return kFacetNations; }

  Status Run(Document& doc) const override {
    const std::string& text = doc.norm.text();
    if (text.empty()) return Status::Ok();
    // Scratch reused across documents (the stage is shared by threads, so one set per thread).
    thread_local nations::SplitWords split;
    thread_local std::vector<nations::Candidate> cands;
    thread_local std::vector<nations::Decision> decisions;
    lex_->folder().Split(text, split);
    const std::span<const nations::Word> words = split.words();
    const std::span<const uint32_t> capitals = split.capitals();
    cands.clear();
    nations::ScanCandidates(*lex_, text, words, capitals, cands);
    rules_.Decide(text, words, capitals, cands, decisions);  // assigns `decisions`
    for (size_t k = 0; k < cands.size(); ++k) {
      const nations::Decision& d = decisions[k];
      if (!d.emit) continue;
      Entity& e = doc.AddFromNorm(EntityType::kNation, words[cands[k].first_word].begin,
                                  words[cands[k].last_word].end, std::string(d.rule));
      e.code.assign(d.code);
      // The entry holds the canonical name of its own code; a rule may give another code. (Most
      // decisions view the entry's own code: the same bytes, no comparison needed.)
      const nations::LexEntry& entry = lex_->entry(cands[k].entry);
      const bool own_code =
          (d.code.data() == entry.code.data() && d.code.size() == entry.code.size()) || d.code == entry.code;
      e.canonical = own_code ? entry.canonical : lex_->CanonicalOf(d.code);
    }
    return Status::Ok();
  }

 private:
  std::unique_ptr<nations::Lexicon> lex_;
  nations::NationRules rules_;
};

}  // namespace

StatusOr<std::unique_ptr<Stage>> MakeNationStage(const StageOptions& /*options*/) {
  auto lex = nations::Lexicon::Load();
  if (!lex.ok()) return lex.status();
  return std::unique_ptr<Stage>(new NationStage(std::move(lex).value()));
}

}  // namespace accord
