// The word lists the person rules consult, loaded once from the embedded data tables and shared
// immutably by all threads:
//   generated/people/first_names.tsv   given names (from Debian miscfiles' propernames)
//   extractors/people/data/first_names_extra.tsv   reviewed additions, drops, ambiguous names
//   extractors/people/data/titles.tsv  honorifics, titles and roles ("Mr.", "President", "analyst")
//   extractors/people/data/non_names.tsv  capitalised words that are not name parts
//   extractors/people/data/name_parts.tsv particles and suffixes ("van", "bin", "al-", "Jr.")
//   extractors/people/data/cues.tsv    speech verbs and appositive words ("said", "who")
// Lookups take string_views and never allocate.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "pipeline/status.h"

namespace accord::people {

// Transparent hashing so that std::string keys are found by std::string_view.
struct StringHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};
using StringSet = std::unordered_set<std::string, StringHash, std::equal_to<>>;
template <typename V>
using StringMap = std::unordered_map<std::string, V, StringHash, std::equal_to<>>;

enum class NonNameClass : uint8_t { kNone, kFunction, kMonth, kWeekday, kOrg, kPlace };
enum class NamePartKind : uint8_t { kNone, kParticle, kPrefix, kSuffix };
enum class FirstNameKind : uint8_t { kNone, kName, kAmbiguous };
enum class TitleKind : uint8_t { kNone, kHonorific, kTitle, kRole };

class PersonLexicon {
 public:
  // Loads the embedded tables; an error names the table and line.
  static StatusOr<PersonLexicon> Load();
  // Builds a lexicon from table texts (tests; the same parsing as Load()).
  static StatusOr<PersonLexicon> FromTables(std::string_view first_names,
                                            std::string_view first_names_extra,
                                            std::string_view titles, std::string_view non_names,
                                            std::string_view name_parts, std::string_view cues);

  FirstNameKind FirstName(std::string_view word) const;        // exact case
  NonNameClass NonName(std::string_view word) const;           // exact case
  NamePartKind NamePart(std::string_view word) const;          // exact case ("van", "Jr")
  // Titles are matched on lower-cased words joined by single spaces ("prime minister").
  TitleKind Title(std::string_view lower_words) const {
    auto it = titles_.find(lower_words);
    return it == titles_.end() ? TitleKind::kNone : it->second;
  }
  bool IsTitle(std::string_view lower_words) const { return titles_.count(lower_words) > 0; }
  // Quick filters: a lower-cased word that begins / ends some title.
  bool BeginsTitle(std::string_view lower) const { return title_first_words_.count(lower) > 0; }
  bool EndsTitle(std::string_view lower) const { return title_last_words_.count(lower) > 0; }
  size_t max_title_words() const { return max_title_words_; }
  bool IsSpeechVerb(std::string_view lower) const { return speech_.count(lower) > 0; }
  bool IsBeforeCue(std::string_view lower_words) const { return before_.count(lower_words) > 0; }
  size_t max_before_words() const { return max_before_words_; }
  bool IsAppositiveCue(std::string_view lower) const { return appositive_.count(lower) > 0; }

  size_t first_name_count() const { return first_names_.size(); }

 private:
  StringMap<FirstNameKind> first_names_;
  StringMap<NonNameClass> non_names_;
  StringMap<NamePartKind> name_parts_;
  StringMap<TitleKind> titles_;
  StringSet title_first_words_;
  StringSet title_last_words_;
  StringSet speech_;
  StringSet before_;
  StringSet appositive_;
  size_t max_title_words_ = 1;
  size_t max_before_words_ = 1;
};

// ASCII lower-casing into `out` (names and cue words of the tables are ASCII).
void LowerAscii(std::string_view in, std::string& out);

}  // namespace accord::people
