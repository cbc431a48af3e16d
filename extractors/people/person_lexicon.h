// The word lists the person rules consult, loaded once from the embedded data tables and shared
// immutably by all threads:
//   generated/people/first_names.tsv   given names (from Debian miscfiles' propernames)
//   extractors/people/data/first_names_extra.tsv   reviewed additions, drops, ambiguous names
//   extractors/people/data/titles.tsv  honorifics, titles and roles ("Mr.", "President", "analyst")
//   extractors/people/data/non_names.tsv  capitalised words that are not name parts
//   extractors/people/data/name_parts.tsv particles and suffixes ("van", "bin", "al-", "Jr.")
//   extractors/people/data/cues.tsv    speech verbs and appositive words ("said", "who")
// Lookups take string_views and never allocate: the exact-case tables share one Abseil map from
// word to WordInfo, the lower-case ones one map from phrase to PhraseInfo.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <absl/container/flat_hash_map.h>
#include <absl/strings/string_view.h>

#include "extractors/people/person_word_hash.h"
#include "pipeline/status.h"
#include "pipeline/word_filter.h"

namespace accord::people {

enum class NonNameClass : uint8_t { kNone, kFunction, kMonth, kWeekday, kOrg, kPlace };
enum class NamePartKind : uint8_t { kNone, kParticle, kPrefix, kSuffix };
enum class FirstNameKind : uint8_t { kNone, kName, kAmbiguous };
enum class TitleKind : uint8_t { kNone, kHonorific, kTitle, kRole };

// What the exact-case tables (first names, non-names, name parts) say of one word.
struct WordInfo {
  FirstNameKind first_name = FirstNameKind::kNone;
  NonNameClass non_name = NonNameClass::kNone;
  NamePartKind name_part = NamePartKind::kNone;
};

// What the lower-case tables (titles, cues) say of one phrase: a title, and the word roles below.
struct PhraseInfo {
  enum : uint8_t {
    kBeginsTitle = 1 << 0,  // the first word of some title
    kEndsTitle = 1 << 1,    // the last word of some title
    kSpeech = 1 << 2,       // a speech verb ("said")
    kBeforeCue = 1 << 3,    // a cue before a name ("according to")
    kAppositive = 1 << 4,   // an appositive cue ("who")
  };
  TitleKind title = TitleKind::kNone;
  uint8_t flags = 0;
  bool has(uint8_t f) const { return (flags & f) != 0; }
};

// A phrase lower-cased into a buffer on the stack, words joined by single spaces: the form of
// the title and cue tables. No table phrase is longer than kMaxBytes (checked at load), so a
// longer phrase matches none; its view() is empty, which matches none either.
class LowerPhrase {
 public:
  static constexpr size_t kMaxBytes = 64;
  void Clear() { size_ = 0; }
  // Appends `word` lower-cased (ASCII), after a space unless it is the first word.
  void Add(std::string_view word) {
    const size_t sep = size_ > 0 ? 1 : 0;
    if (size_ > kMaxBytes || size_ + sep + word.size() > kMaxBytes) {
      size_ = kMaxBytes + 1;
      return;
    }
    if (sep) buf_[size_++] = ' ';
    for (char c : word) buf_[size_++] = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  }
  std::string_view view() const {
    return size_ <= kMaxBytes ? std::string_view(buf_, size_) : std::string_view();
  }

 private:
  char buf_[kMaxBytes];
  size_t size_ = 0;  // kMaxBytes + 1 once the phrase is too long
};

class PersonLexicon {
 public:
  // Loads the embedded tables; an error names the table and line.
  static StatusOr<PersonLexicon> Load();
  // Builds a lexicon from table texts (tests; the same parsing as Load()).
  static StatusOr<PersonLexicon> FromTables(std::string_view first_names,
                                            std::string_view first_names_extra,
                                            std::string_view titles, std::string_view non_names,
                                            std::string_view name_parts, std::string_view cues);

  // All the exact-case tables say of `word`, from one lookup (the rules keep it per name word).
  WordInfo Word(std::string_view word) const { return Word(word, WordFilter::SlotOf(word)); }
  // The same, with the word's filter slot (WordFilter::SlotOf) already at hand.
  WordInfo Word(std::string_view word, uint32_t slot) const {
    if (!words_filter_.MayContainSlot(slot)) return {};
    auto it = words_.find(View(word));
    return it == words_.end() ? WordInfo{} : it->second;
  }
  FirstNameKind FirstName(std::string_view word) const {  // exact case
    return first_names_filter_.MayContain(word) ? Word(word).first_name : FirstNameKind::kNone;
  }
  NonNameClass NonName(std::string_view word) const {  // exact case
    return non_names_filter_.MayContain(word) ? Word(word).non_name : NonNameClass::kNone;
  }
  NamePartKind NamePart(std::string_view word) const {  // exact case ("van", "Jr")
    return name_parts_filter_.MayContain(word) ? Word(word).name_part : NamePartKind::kNone;
  }

  // All the lower-case tables say of a lower-cased phrase (words joined by single spaces), from
  // one lookup. Titles are matched on such phrases ("prime minister").
  PhraseInfo Phrase(std::string_view lower_words) const {
    auto it = phrases_.find(View(lower_words));
    return it == phrases_.end() ? PhraseInfo{} : it->second;
  }
  TitleKind Title(std::string_view lower_words) const {
    if (!titles_filter_.MayContain(lower_words)) return TitleKind::kNone;
    return Phrase(lower_words).title;
  }
  bool IsTitle(std::string_view lower_words) const {
    return Title(lower_words) != TitleKind::kNone;
  }
  // Quick filters: a lower-cased word that begins / ends some title.
  bool BeginsTitle(std::string_view lower) const {
    return MayBeginTitle(lower) && Phrase(lower).has(PhraseInfo::kBeginsTitle);
  }
  bool EndsTitle(std::string_view lower) const {
    return MayEndTitle(lower) && Phrase(lower).has(PhraseInfo::kEndsTitle);
  }
  // Quicker still, for a word in any case: false when no case of it begins / ends a title or is a
  // single-word title, speech verb or appositive cue (callers skip lower-casing such words).
  bool MayBeginTitle(std::string_view word) const { return title_first_filter_.MayContain(word); }
  bool MayBeginTitleSlot(uint32_t slot) const { return title_first_filter_.MayContainSlot(slot); }
  bool MayEndTitle(std::string_view word) const { return title_last_filter_.MayContain(word); }
  bool MayBeCueWord(std::string_view word) const { return cue_word_filter_.MayContain(word); }
  bool MayEndBeforeCue(std::string_view word) const { return before_last_filter_.MayContain(word); }
  // The same two with the word's filter slot (WordFilter::SlotOf) at hand. A slot ignores ASCII
  // case, so a word that passes MayBeCueWord passes the filter of IsSpeechVerb and
  // IsAppositiveCue lower-cased: callers then ask Phrase alone.
  bool MayBeCueWordSlot(uint32_t slot) const { return cue_word_filter_.MayContainSlot(slot); }
  bool MayEndBeforeCueSlot(uint32_t slot) const { return before_last_filter_.MayContainSlot(slot); }
  size_t max_title_words() const { return max_title_words_; }
  bool IsSpeechVerb(std::string_view lower) const {
    return cue_word_filter_.MayContain(lower) && Phrase(lower).has(PhraseInfo::kSpeech);
  }
  bool IsBeforeCue(std::string_view lower_words) const {
    return Phrase(lower_words).has(PhraseInfo::kBeforeCue);
  }
  size_t max_before_words() const { return max_before_words_; }
  bool IsAppositiveCue(std::string_view lower) const {
    return cue_word_filter_.MayContain(lower) && Phrase(lower).has(PhraseInfo::kAppositive);
  }

  size_t first_name_count() const { return first_name_count_; }

 private:
  // Debian's Abseil has its own string_view type (built for C++17 without std::string_view): the
  // maps are looked up through it, by view, without building a string.
  static absl::string_view View(std::string_view s) { return {s.data(), s.size()}; }
  Status AddPhrase(std::string key, TitleKind title, uint8_t flags);

  absl::flat_hash_map<std::string, WordInfo, WordHash, WordEq> words_;      // exact case
  absl::flat_hash_map<std::string, PhraseInfo, WordHash, WordEq> phrases_;  // lower case
  size_t first_name_count_ = 0;
  // Prefilters of the tables, built once after loading.
  void BuildFilters();
  WordFilter words_filter_;  // every word of `words_`
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
