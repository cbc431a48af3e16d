// The data the organization rules read, loaded once at stage construction and shared immutably:
//   data/known_organizations.tsv  the known-organizations table (canonical, aliases, kind, source)
//   data/designators.tsv          name designators ("Inc.", "Systems", "University of", "Times")
//   data/words.tsv                function words, context cue words, common words
#pragma once

#include <bitset>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "extractors/organizations/word_index.h"
#include "pipeline/status.h"

namespace accord::orgs {

struct StringHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};
template <typename V>
using StringMap = std::unordered_map<std::string, V, StringHash, std::equal_to<>>;

struct KnownOrg {
  std::string canonical;
  std::string canonical_key;  // FoldName(canonical)
  std::string kind;           // company, agency, media, ...
};

// What the written alias asks of the text's letter case, token by token.
enum class CaseNeed : uint8_t { kAny = 0, kCapitalized = 1, kAllCaps = 2 };

struct KnownAlias {
  int32_t org = -1;
  std::vector<CaseNeed> case_needs;  // one per token of the alias
  bool common_word = false;          // a common English word: needs more than a sentence start
};

struct Designator {
  enum Position : uint8_t { kSuffix = 1, kPrefix = 2 };
  uint8_t position = 0;         // bit set of Position
  bool takes_period = false;    // written with a final period ("Inc."): a following "." belongs
  bool short_form = false;      // the name without it still names the company
  bool media = false;
  bool company = false;
};

// What data/words.tsv and data/designators.tsv say of one written word.
struct WordInfo {
  enum Role : uint16_t {
    kLeading = 1 << 0,
    kConnector = 1 << 1,
    kCueHead = 1 << 2,
    kListCue = 1 << 3,
    kListIntro = 1 << 4,
    kAfterCue = 1 << 5,
    kPossessiveCue = 1 << 6,
    kCommon = 1 << 7,
    kDesignator = 1 << 8,  // `designator` holds it
  };
  uint16_t roles = 0;
  Designator designator;
  bool Is(uint16_t r) const { return (roles & r) != 0; }
};

class OrgTables {
 public:
  static StatusOr<OrgTables> Load();
  // From table text (tests).
  static StatusOr<OrgTables> Parse(std::string_view known, std::string_view designators,
                                   std::string_view words);

  const KnownAlias* FindAlias(std::string_view key) const {
    const int32_t* a = alias_front_.Find(key, alias_keys_);
    return a != nullptr && *a >= 0 ? &aliases_[*a] : nullptr;
  }
  // True when some alias begins with these tokens ("federal bureau" for "federal bureau of
  // investigation"): matching grows a key token by token and stops as soon as this fails.
  bool IsAliasPrefix(std::string_view key) const {
    return alias_front_.Find(key, alias_keys_) != nullptr;
  }
  // Both at once: false when `key` is no alias prefix; else `alias` is the alias or nullptr.
  bool FindAliasOrPrefix(std::string_view key, const KnownAlias*& alias) const {
    const int32_t* a = alias_front_.Find(key, alias_keys_);
    if (a == nullptr) return false;
    alias = *a >= 0 ? &aliases_[*a] : nullptr;
    return true;
  }
  // False when no alias begins with this one-token key: a cheap sieve before FindAliasOrPrefix
  // (most capitalized words open no alias).
  bool MayStartAlias(std::string_view first_token_key) const {
    return first_token_key.empty() || alias_start_filter_[KeyClass(first_token_key)];
  }
  int max_alias_tokens() const { return max_alias_tokens_; }
  const KnownOrg& org(int32_t i) const { return orgs_[i]; }
  int32_t FindOrgByCanonicalKey(std::string_view key) const;

  // The roles of a word by its exact written form, or nullptr when it has none.
  const WordInfo* FindWord(std::string_view w) const {
    const int32_t* i = words_front_.Find(w, words_);
    return i == nullptr ? nullptr : &word_info_[*i];
  }

  // By exact written form (without a final period for abbreviations).
  const Designator* FindDesignator(std::string_view word) const {
    const WordInfo* w = FindWord(word);
    return w != nullptr && w->Is(WordInfo::kDesignator) ? &w->designator : nullptr;
  }

  bool IsLeading(std::string_view w) const { return HasRole(w, WordInfo::kLeading); }
  bool IsConnector(std::string_view w) const { return HasRole(w, WordInfo::kConnector); }
  bool IsCueHead(std::string_view w) const { return HasRole(w, WordInfo::kCueHead); }
  bool IsListCue(std::string_view w) const { return HasRole(w, WordInfo::kListCue); }
  bool IsListIntro(std::string_view w) const { return HasRole(w, WordInfo::kListIntro); }
  bool IsAfterCue(std::string_view w) const { return HasRole(w, WordInfo::kAfterCue); }
  bool IsPossessiveCue(std::string_view w) const { return HasRole(w, WordInfo::kPossessiveCue); }
  bool IsCommonWord(std::string_view w) const { return HasRole(w, WordInfo::kCommon); }

 private:
  bool HasRole(std::string_view w, uint16_t role) const {
    const WordInfo* i = FindWord(w);
    return i != nullptr && i->Is(role);
  }
  WordInfo& AddWord(std::string_view w);
  // Fills the fronts once the indexes are complete.
  void BuildFronts();

  std::vector<KnownOrg> orgs_;
  std::vector<KnownAlias> aliases_;
  WordIndex alias_keys_;  // folded key -> alias (index of aliases_), or -1 for a mere prefix
  ClassFront alias_front_;  // of alias_keys_
  StringMap<int32_t> by_canonical_;
  int max_alias_tokens_ = 1;
  std::vector<WordInfo> word_info_;
  WordIndex words_;  // written word -> index of word_info_
  ClassFront words_front_;  // of words_
  std::bitset<size_t{1} << kKeyClassBits> alias_start_filter_;  // KeyClass of the aliases' first-token keys
};

}  // namespace accord::orgs
