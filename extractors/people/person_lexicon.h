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
#include "pipeline/word_filter.h"

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
    if (!titles_filter_.MayContain(lower_words)) return TitleKind::kNone;
    auto it = titles_.find(lower_words);
    return it == titles_.end() ? TitleKind::kNone : it->second;
  }
  bool IsTitle(std::string_view lower_words) const {
    return titles_filter_.MayContain(lower_words) && titles_.count(lower_words) > 0;
  }
  // Quick filters: a lower-cased word that begins / ends some title.
  bool BeginsTitle(std::string_view lower) const {
    return MayBeginTitle(lower) && title_first_words_.count(lower) > 0;
  }
  bool EndsTitle(std::string_view lower) const {
    return MayEndTitle(lower) && title_last_words_.count(lower) > 0;
  }
  // Quicker still, for a word in any case: false when no case of it begins / ends a title or is a
  // single-word title, speech verb or appositive cue (callers skip lower-casing such words).
  bool MayBeginTitle(std::string_view word) const { return title_first_filter_.MayContain(word); }
  bool MayEndTitle(std::string_view word) const { return title_last_filter_.MayContain(word); }
  bool MayBeCueWord(std::string_view word) const { return cue_word_filter_.MayContain(word); }
  bool MayEndBeforeCue(std::string_view word) const { return before_last_filter_.MayContain(word); }
  size_t max_title_words() const { return max_title_words_; }
  bool IsSpeechVerb(std::string_view lower) const {
    return cue_word_filter_.MayContain(lower) && speech_.count(lower) > 0;
  }
  bool IsBeforeCue(std::string_view lower_words) const { return before_.count(lower_words) > 0; }
  size_t max_before_words() const { return max_before_words_; }
  bool IsAppositiveCue(std::string_view lower) const {
    return cue_word_filter_.MayContain(lower) && appositive_.count(lower) > 0;
  }

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
  // Prefilters of the sets above, built once after loading.
  void BuildFilters();
  WordFilter first_names_filter_;
  WordFilter non_names_filter_;
  WordFilter name_parts_filter_;
  WordFilter titles_filter_;
  WordFilter title_first_filter_;
  WordFilter title_last_filter_;
  WordFilter cue_word_filter_;  // speech verbs, appositive cues and single-word titles
  WordFilter before_last_filter_;  // last words of the "before" cues
  size_t max_title_words_ = 1;
  size_t max_before_words_ = 1;
};

// ASCII lower-casing into `out` (names and cue words of the tables are ASCII).
void LowerAscii(std::string_view in, std::string& out);

}  // namespace accord::people
