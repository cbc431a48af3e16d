// The nation lexicon: every country name, alias, demonym and blocking fixed name, compiled once
// into one hash map from folded word sequences ("united states", "u.s.", "people's republic of
// china") to entries, plus the word lists of the context rules.
//
// Sources (all embedded, see pipeline/data/embedded.h):
//   generated/nations/countries.tsv          ISO 3166-1/3166-3 and CLDR names (build time)
//   extractors/nations/data/aliases.tsv      hand aliases ("U.S.", "Britain", "Soviet Union")
//   extractors/nations/data/canonical.tsv    hand canonical names where the generated one is not used
//   extractors/nations/data/demonyms.tsv     adjectival forms ("American", "Soviet")
//   extractors/nations/data/fixed_names.tsv  names that hold a nation word but are not nations
//   extractors/nations/data/non_sovereign.tsv  territories: recognised, never emitted
//   extractors/nations/data/context_cues.tsv   word lists of the named rules
//
// Lookup walks a phrase word by word: every proper prefix of a key is in the map too (as a
// prefix node), so the scanner extends a match only while some longer key may still follow.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <absl/container/flat_hash_map.h>
#include <absl/container/flat_hash_set.h>
#include <absl/strings/string_view.h>

#include "extractors/nations/nation_words.h"
#include "pipeline/status.h"
#include "pipeline/tables.h"
#include "pipeline/word_filter.h"

namespace accord::nations {

enum class EntryKind : uint8_t {
  kName,     // a country name or alias: "Russia", "U.S."
  kDemonym,  // an adjective: "Russian"; a nation only as a modifier
  kBlocker,  // a fixed name that holds a nation word: "American Airlines", "Latin America"
};

enum class CasePolicy : uint8_t {
  kTitle,  // the name's capitalised words must be capitalised in the text (or ALL CAPS)
  kExact,  // the text must equal the name byte for byte ("US", not "us" or "Us")
  kAny,    // no case check (blockers)
};

struct LexEntry {
  EntryKind kind = EntryKind::kName;
  CasePolicy case_policy = CasePolicy::kTitle;
  bool sovereign = true;    // false for dependent territories (non_sovereign.tsv)
  std::string display;      // the name as its table writes it
  std::string key;          // its folded word sequence
  std::string code;         // ISO 3166 alpha-2 ("" for blockers)
  std::string canonical;    // the country's canonical short name
  std::string source;       // "table:line", for --explain
  uint32_t cap_mask = 0;    // bit k: word k of `display` starts with an upper-case letter
  uint8_t words = 0;        // number of words in `display`
};

// Debian's Abseil has its own string_view type (built for C++17 without std::string_view): the
// maps below are looked up through it, by view, without building a string.
inline absl::string_view AbslView(std::string_view s) { return {s.data(), s.size()}; }

// The named word lists of context_cues.tsv (folded).
class CueList {
 public:
  // Most words asked about are in no list: the quick test answers for them without hashing.
  bool Has(std::string_view folded_word) const {
    return filter_.MayContain(folded_word) && words_.contains(AbslView(folded_word));
  }
  void Add(std::string w) {
    filter_.Add(w);
    words_.insert(std::move(w));
  }
  size_t size() const { return words_.size(); }
  const absl::flat_hash_set<std::string>& words() const { return words_; }

 private:
  WordFilter filter_;                        // the words, for the quick test
  absl::flat_hash_set<std::string> words_;  // looked up by string_view, no copy
};

class Lexicon {
 public:
  // Builds the lexicon from the embedded tables.
  static StatusOr<std::unique_ptr<Lexicon>> Load();

  struct Node {
    int32_t entry = -1;   // index into entries(), or -1
    bool prefix = false;  // some longer key starts with this one and a separator
  };
  // The node of a folded key, or nullptr.
  // False when no key starts with the folded word `folded` (a quick test before Find: a bitmap
  // over the length and three bytes of the first word of every key).
  bool MayStartKey(std::string_view folded) const { return first_words_.MayContain(folded); }
  // False when no key holds the folded word `folded` after its first word (the same quick test
  // over the second and later words of every key): a phrase that goes on with such a word is no
  // key and no prefix of one.
  bool MayContinueKey(std::string_view folded) const { return later_words_.MayContain(folded); }
  const Node* Find(std::string_view key) const {
    auto it = nodes_.find(AbslView(key));
    return it == nodes_.end() ? nullptr : &it->second;
  }
  const LexEntry& entry(int32_t i) const { return entries_[static_cast<size_t>(i)]; }
  const std::vector<LexEntry>& entries() const { return entries_; }
  const WordFolder& folder() const { return folder_; }

  // The canonical name of a code ("" when unknown).
  const std::string& CanonicalOf(std::string_view code) const;
  // A context rule's word list (empty when the table has none).
  const CueList& Cues(std::string_view rule) const;

  // The folded key of a name as the scanner would build it from text.
  std::string KeyOf(std::string_view name) const;

 private:
  Lexicon() = default;
  Status AddEntry(LexEntry e);

  WordFolder folder_;
  WordFilter first_words_;  // the first words of all keys
  WordFilter later_words_;  // the second and later words of all keys
  std::vector<LexEntry> entries_;
  absl::flat_hash_map<std::string, Node> nodes_;
  absl::flat_hash_map<std::string, std::string> canonical_;  // code -> canonical
  absl::flat_hash_map<std::string, CueList> cues_;
};

}  // namespace accord::nations
