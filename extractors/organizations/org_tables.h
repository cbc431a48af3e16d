// The data the organization rules read, loaded once at stage construction and shared immutably:
//   data/known_organizations.tsv  the known-organizations table (canonical, aliases, kind, source)
//   data/designators.tsv          name designators ("Inc.", "Systems", "University of", "Times")
//   data/words.tsv                function words, context cue words, common words
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "pipeline/status.h"

namespace accord::orgs {

struct StringHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};
template <typename V>
using StringMap = std::unordered_map<std::string, V, StringHash, std::equal_to<>>;
using StringSet = std::unordered_set<std::string, StringHash, std::equal_to<>>;

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

class OrgTables {
 public:
  static StatusOr<OrgTables> Load();
  // From table text (tests).
  static StatusOr<OrgTables> Parse(std::string_view known, std::string_view designators,
                                   std::string_view words);

  const KnownAlias* FindAlias(std::string_view key) const;
  // True when some alias begins with these tokens ("federal bureau" for "federal bureau of
  // investigation"): matching grows a key token by token and stops as soon as this fails.
  bool IsAliasPrefix(std::string_view key) const { return alias_prefixes_.contains(key); }
  int max_alias_tokens() const { return max_alias_tokens_; }
  const KnownOrg& org(int32_t i) const { return orgs_[i]; }
  int32_t FindOrgByCanonicalKey(std::string_view key) const;

  // By exact written form (without a final period for abbreviations).
  const Designator* FindDesignator(std::string_view word) const;

  bool IsLeading(std::string_view w) const { return leading_.contains(w); }
  bool IsConnector(std::string_view w) const { return connectors_.contains(w); }
  bool IsCueHead(std::string_view w) const { return cue_heads_.contains(w); }
  bool IsListCue(std::string_view w) const { return list_cues_.contains(w); }
  bool IsListIntro(std::string_view w) const { return list_intros_.contains(w); }
  bool IsAfterCue(std::string_view w) const { return after_cues_.contains(w); }
  bool IsPossessiveCue(std::string_view w) const { return possessive_cues_.contains(w); }
  bool IsCommonWord(std::string_view w) const { return common_.contains(w); }

 private:
  std::vector<KnownOrg> orgs_;
  StringMap<KnownAlias> aliases_;
  StringMap<int32_t> by_canonical_;
  StringSet alias_prefixes_;
  int max_alias_tokens_ = 1;
  StringMap<Designator> designators_;
  StringSet leading_, connectors_, cue_heads_, list_cues_, list_intros_, after_cues_,
      possessive_cues_, common_;
};

}  // namespace accord::orgs
