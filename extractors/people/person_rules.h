// Finding person names: one pass over the name tokens, which groups capitalised runs into
// chains ("Microsoft President Brad Smith"), splits them at titles and non-name words, and keeps
// each piece that has evidence of being a person. Each rule has a name (the `rule` of the
// entity) and examples in titles.tsv, cues.tsv and tests/unit/person_rules_test.cc:
//   title          an honorific, title or role right before the name ("Mr. Smith",
//                  "spokeswoman Sandy Angers", "Prime Minister Lee Hsien Loong")
//   first-name     a given name of the lexicon, then a capitalised surname ("Brad Smith",
//                  "Edward J. Snowden", "Ludwig van Beethoven", "Martin Luther King Jr.")
//   speech         two or more name words next to a speech verb ("Ada Quinn said", "said Ada Quinn")
//   according-to   "according to Ada Quinn"
//   appositive     "Ada Quinn, Cisco's general counsel," / "Ada Quinn, 45," / "Ada Quinn, who"
//   age            one name word with an age in commas ("Quinn, 52, said")
//   byline         two or more name words on a byline ("By David E. Sanger"), not the paper
//                  after the comma ("By Ada Quinn, Chronicle Staff Writer")
//   administration "the Trump administration" (the name only)
// Runs split at honorifics and titles ("Microsoft President | Brad Smith"), at function words,
// weekdays and leading months (non_names.tsv); a run with an organization word ("Cisco Systems")
// or, without a title, a place word ("New York") is no name. Title Case headlines accept only a
// given name of the lexicon.
// Pieces without evidence are kept as candidates: coreference (person_coref.h) accepts those that
// repeat a name found elsewhere in the document ("Smith" after "Brad Smith").
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "extractors/people/person_lexicon.h"
#include "extractors/people/person_tokens.h"

namespace accord::people {

// One piece of a name: a word, an initial ("J."), a particle ("van") or a suffix ("Jr.").
struct NamePart {
  enum Kind : uint8_t { kWord, kInitial, kParticle, kSuffix };
  uint32_t token = 0;  // index into the tokens
  uint32_t end = 0;    // norm byte end (includes the period of an initial or "Jr.")
  Kind kind = kWord;
  // What the lexicon says of a word part, looked up once when the chain is built.
  NonNameClass non_name = NonNameClass::kNone;
  FirstNameKind given = FirstNameKind::kNone;
  TitleKind title = TitleKind::kNone;  // the word alone is a title
  bool begins_title = false;           // the word (lower-cased) begins some title
};

struct NameMention {
  uint32_t begin = 0;  // norm bytes of the name alone
  uint32_t end = 0;
  uint32_t parts_begin = 0;  // into NameCandidates::parts
  uint32_t parts_end = 0;
  const char* rule = "";     // the rule that accepted it ("" while a candidate)
  bool accepted = false;
  bool headline = false;
  uint32_t word_count = 0;   // word parts (not initials, particles or suffixes)
  bool cue = false;          // a one-word candidate next to a speech verb or an appositive
  bool weak_start = false;   // begins with an ambiguous given name at a sentence start
};

struct NameCandidates {
  std::vector<NameMention> mentions;  // in text order
  std::vector<NamePart> parts;
  void Clear() {
    mentions.clear();
    parts.clear();
  }
};

class PersonRules {
 public:
  explicit PersonRules(const PersonLexicon* lexicon) : lex_(lexicon) {}
  // Finds the accepted names and the candidates of `tokens` over `text` (Document::norm).
  void Find(std::string_view text, const std::vector<NameToken>& tokens, NameCandidates& out) const;

 private:
  void ProcessChain(std::string_view text, const std::vector<NameToken>& tokens,
                    const std::vector<NamePart>& chain, NameCandidates& out) const;
  void Flush(std::string_view text, const std::vector<NameToken>& tokens,
             const NamePart* parts, size_t count, bool title_evidence, NameCandidates& out) const;
  // A capitalised word that may be part of a name (most are: the test is inline), or a
  // hyphenated one (IsPrefixedNameWord).
  bool IsNameWord(std::string_view text, const NameToken& t) const {
    constexpr uint32_t kShape =
        NameToken::kWord | NameToken::kTaken | NameToken::kHasDigit | NameToken::kCap;
    if ((t.flags & kShape) == (NameToken::kWord | NameToken::kCap))
      return !t.Is(NameToken::kAllCaps) || t.Is(NameToken::kByline) || t.end - t.begin == 1;
    return IsPrefixedNameWord(text, t);
  }
  bool IsPrefixedNameWord(std::string_view text, const NameToken& t) const;
  size_t TitleAt(std::string_view text, const std::vector<NameToken>& tokens,
                 const std::vector<NamePart>& chain, size_t k) const;
  size_t TitleAcrossStart(std::string_view text, const std::vector<NameToken>& tokens,
                          const std::vector<NamePart>& chain) const;
  bool TitleBefore(std::string_view text, const std::vector<NameToken>& tokens, size_t first) const;
  const char* CueEvidence(std::string_view text, const std::vector<NameToken>& tokens,
                          size_t first, size_t next) const;

  const PersonLexicon* lex_;
};

}  // namespace accord::people
