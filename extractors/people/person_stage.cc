// The person stage: tokens for names (person_tokens), rules (person_rules), coreference and
// canonical forms (person_coref). The lexicon loads once, at construction.
#include "extractors/people/person_stage.h"

#include <string>
#include <vector>

#include "extractors/people/person_coref.h"
#include "extractors/people/person_lexicon.h"
#include "extractors/people/person_rules.h"
#include "extractors/people/person_tokens.h"

namespace accord {
namespace {

class PersonStage final : public Stage {
 public:
  explicit PersonStage(people::PersonLexicon lexicon)
      : lexicon_(std::move(lexicon)), rules_(&lexicon_) {}
  PersonStage(const PersonStage&) = delete;
  PersonStage& operator=(const PersonStage&) = delete;

  std::string_view name() const override { return "person_stage"; }
  Facets reads() const override { return kFacetNormalized | kFacetSentences | kFacetTokens; }
  Facets adds() const override { return kFacetPeople; }

  Status Run(Document& doc) const override {
    if (doc.norm.size() == 0) return Status::Ok();
    // Scratch reused across documents (the stage is shared by threads, so one set per thread);
    // each step clears its output first.
    thread_local std::vector<people::NameToken> tokens;
    thread_local people::NameCandidates candidates;
    thread_local std::vector<people::ResolvedName> names;
    people::TokenizeForNames(doc, tokens);
    rules_.Find(doc.norm.text(), tokens, candidates);
    people::ResolveNames(doc.norm.text(), tokens, candidates, names);
    for (auto& n : names) {
      Entity& e = doc.AddFromNorm(EntityType::kPerson, n.begin, n.end,
                                  std::string("people/") + n.rule);
      e.canonical = std::move(n.canonical);
    }
    return Status::Ok();
  }

 private:
  const people::PersonLexicon lexicon_;
  const people::PersonRules rules_;
};

}  // namespace

StatusOr<std::unique_ptr<Stage>> MakePersonStage(const StageOptions& options) {
  auto lexicon = people::PersonLexicon::Load();
  if (!lexicon.ok()) return lexicon.status();
  return std::unique_ptr<Stage>(new PersonStage(std::move(lexicon).value()));
}

}  // namespace accord
