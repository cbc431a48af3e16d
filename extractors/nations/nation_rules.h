// The nation stage's named context rules: given the lexicon candidates of one text, decide which
// are nation mentions and with which code. Every rule has a name (it goes into Entity::rule, or
// names the reason a candidate was dropped) and examples in tests/unit/nation_rules_test.cc.
//
// Names ("Russia", "U.S.", "Burma")
//   nation-name              a country name or alias                  "sanctions on Russia"
//   fixed-name               inside a blocking fixed name             "American Airlines", "Latin America"
//   non-sovereign-territory  a dependent territory                    "Puerto Rico", "Hong Kong"
//   inside-url               a word of a URL or mail address          "http://example.org/wiki/China_trade"
//   us-currency              "US$", "US dollars" are money            "US$40 billion", "9.99 US dollars"
//   us-in-acronym            "US-ASCII", "US-TAR" (but "US-UK talks" keeps both)
//   us-pronoun-in-caps       ALL-CAPS "US" after a verb or preposition "LET US", "JOIN US"
//   the-states / the-emirates  only "the States", "the Emirates"      "back in the States"
//   georgia-us-state         Georgia/Georgian is the US state unless it is coordinated with
//                            another country ("Russia and Georgia") or the document shows the
//                            country (Tbilisi, Abkhazia, ...), and no state cue is next to it
//   turkey-the-bird          "Turkey sandwiches", "roast Turkey"
//   china-porcelain          "fine China", "bone China"
//   person-first-name        Chad, Jordan, Georgia, India, Israel, Kenya, Chile before a surname
//                            ("Chad Hurley", "Jordan Peterson")
//   person-surname           Chad, Jordan after a capitalised given name or a title
//                            ("Michael Jordan", "Mr. Jordan")
//   person-speaker           Chad, Jordan before a verb of saying    ("Jordan said")
//   us-town                  before ", <US state>"                    "Lebanon, Pennsylvania", "Mexico, Mo."
//   in-org-name-after-of     after "<org head> of"                    "Bank of Japan", "Voice of America"
//   in-org-name-before-head  before a capitalised run with an organization head word
//                            ("China Eastern Airlines", "Russian Orthodox Church"); not for
//                            abbreviations ("U.S. Navy" is left to the organizations stage)
//   congo-bare               bare "Congo": the Congo the document names explicitly (nearest
//                            before, else after), else the Democratic Republic of the Congo (CD)
//   korea-bare               bare "Korea"/"Korean": South Korea (KR); "Korean War", "Korean
//                            Peninsula" are fixed names
// Demonyms ("American", "Soviet")
//   demonym-modifier         before a noun or a capitalised title     "American officials", "a Soviet submarine"
//   demonym-coordinated      in "X and Y <noun>", "X, Y or Z <noun>": as the last one ("American and British officials")
//   demonym-as-noun          before a verb, function word or punctuation  "the French said", "the Chinese."
//   demonym-language         a language                               "the Russian language", "French-speaking"
#pragma once

#include <span>
#include <string_view>
#include <vector>

#include "extractors/nations/nation_lexicon.h"
#include "extractors/nations/nation_scanner.h"
#include "extractors/nations/nation_words.h"

namespace accord::nations {

struct Decision {
  bool emit = false;
  std::string_view rule;   // the rule that decided
  std::string_view code;   // the code to emit (may differ from the entry's: congo-bare)
};

class NationRules {
 public:
  explicit NationRules(const Lexicon& lex);

  // Decides every candidate of one text; out[k] is the decision for cands[k]. `capitals` are the
  // indexes of the capitalised words (WordFolder::Split), which the cue searches over proper
  // names visit instead of every word.
  void Decide(std::string_view text, std::span<const Word> words, std::span<const uint32_t> capitals,
              const std::vector<Candidate>& cands, std::vector<Decision>& out) const;

  // Whether the key of lexicon entry `entry` is in the first-name-country or the speaker-country
  // cue list: looked up once per entry here rather than per candidate.
  bool FirstNameCountry(int32_t entry) const { return entry_cues_[static_cast<size_t>(entry)] & kFirstNameCountry; }
  bool SpeakerCountry(int32_t entry) const { return entry_cues_[static_cast<size_t>(entry)] & kSpeakerCountry; }

 private:
  struct Context;
  Decision DecideOne(Context& ctx, size_t k, const std::vector<Decision>& later) const;
  Decision DecideName(Context& ctx, size_t k) const;
  Decision DecideDemonym(Context& ctx, size_t k, const std::vector<Decision>& later) const;
  bool GeorgiaIsState(Context& ctx, size_t k) const;
  bool BeforeOrgHead(const Context& ctx, uint32_t last_word) const;

  const Lexicon& lex_;
  const CueList& georgia_country_;
  const CueList& georgia_state_;
  const CueList& first_name_country_;
  const CueList& speaker_country_;
  const CueList& speech_verb_;
  const CueList& title_before_name_;
  const CueList& noun_follower_;
  const CueList& language_noun_;
  const CueList& org_head_;
  const CueList& bird_context_;
  const CueList& porcelain_context_;
  const CueList& pronoun_before_us_;
  const CueList& calendar_word_;
  const CueList& us_state_;
  const CueList& us_state_first_;
  const CueList& us_state_second_;
  enum : uint8_t { kFirstNameCountry = 1, kSpeakerCountry = 2 };
  std::vector<uint8_t> entry_cues_;  // per lexicon entry
};

}  // namespace accord::nations
