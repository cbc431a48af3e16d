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

// A quick membership prefilter for the word sets: MayContain is false for every word that was
// never added, and true for all added words (and for some others). It looks at the length and three
// bytes of the word, ASCII case folded, so one filter answers for any case of a word and costs the
// same for long words as for short ones; the hash set lookup behind it only runs when it says yes.
class WordFilter {
 public:
  void Add(std::string_view w) { bits_[Slot(w) >> 6] |= uint64_t{1} << (Slot(w) & 63); }
  bool MayContain(std::string_view w) const {
    const uint32_t slot = Slot(w);
    return (bits_[slot >> 6] >> (slot & 63)) & 1u;
  }

 private:
  static constexpr uint32_t kBits = 1u << 15;
  static uint32_t Slot(std::string_view w) {
    const size_t n = w.size();
    if (n == 0) return 0;
    // `| 0x20` lower-cases ASCII letters (and merges some punctuation pairs, harmless here).
    const uint32_t a = static_cast<unsigned char>(w[0]) | 0x20u;
    const uint32_t b = static_cast<unsigned char>(w[n - 1]) | 0x20u;
    const uint32_t c = static_cast<unsigned char>(w[n / 2]) | 0x20u;
    uint32_t h = static_cast<uint32_t>(n) * 0x9E3779B1u ^ a * 0x85EBCA77u ^ b * 0xC2B2AE3Du ^
                 c * 0x27D4EB2Fu;
    h ^= h >> 15;
    return h & (kBits - 1);
  }
  std::vector<uint64_t> bits_ = std::vector<uint64_t>(kBits / 64, 0);
};

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
