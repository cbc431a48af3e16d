#include "extractors/nations/nation_lexicon.h"

#include <unordered_set>


namespace accord::nations {
namespace {

constexpr std::string_view kCountries = "generated/nations/countries.tsv";
constexpr std::string_view kAliases = "extractors/nations/data/aliases.tsv";
constexpr std::string_view kCanonical = "extractors/nations/data/canonical.tsv";
constexpr std::string_view kDemonyms = "extractors/nations/data/demonyms.tsv";
constexpr std::string_view kFixedNames = "extractors/nations/data/fixed_names.tsv";
constexpr std::string_view kNonSovereign = "extractors/nations/data/non_sovereign.tsv";
constexpr std::string_view kContextCues = "extractors/nations/data/context_cues.tsv";

// Which source wins when two tables give the same key: later in this order.
enum Priority : int { kGenerated = 0, kDemonym = 1, kAlias = 2, kBlocker = 3 };

bool AllUpperAbbreviation(std::string_view s) {
  bool letter = false;
  for (char c : s) {
    if (c >= 'a' && c <= 'z') return false;
    if (c >= 'A' && c <= 'Z') letter = true;
    else if (c != '.') return false;
  }
  return letter;
}

std::string Where(const Table& t, const TableRow& r) { return t.name + ":" + std::to_string(r.line); }

}  // namespace

std::string Lexicon::KeyOf(std::string_view name) const {
  std::vector<Word> words;
  folder_.Split(name, words);
  std::string key;
  for (size_t k = 0; k < words.size(); ++k) {
    folder_.AppendFolded(name.substr(words[k].begin, words[k].end - words[k].begin), key);
    if (k + 1 < words.size()) key.push_back(words[k].sep_after);
  }
  return key;
}

Status Lexicon::AddEntry(LexEntry e) {
  std::vector<Word> words;
  folder_.Split(e.display, words);
  if (words.empty() || words.size() > 24)
    return InvalidArgument(e.source + ": '" + e.display + "' is not a name of 1 to 24 words");
  std::string key;
  std::vector<size_t> prefix_ends;
  for (size_t k = 0; k < words.size(); ++k) {
    const Word& w = words[k];
    const size_t word_begin = key.size();
    folder_.AppendFolded(std::string_view(e.display).substr(w.begin, w.end - w.begin), key);
    if (k > 0) later_words_.Add(std::string_view(key).substr(word_begin));
    if (w.has(Word::kUpperFirst)) e.cap_mask |= 1u << k;
    if (k + 1 < words.size()) {
      if (w.sep_after == '|') return Status::Ok();  // "Saint Helena, Ascension ...": not running text
      prefix_ends.push_back(key.size());
      key.push_back(w.sep_after);
    }
  }
  e.words = static_cast<uint8_t>(words.size());
  e.key = key;
  const size_t first_end = prefix_ends.empty() ? key.size() : prefix_ends.front();
  first_words_.Add(std::string_view(key).substr(0, first_end));
  for (size_t end : prefix_ends) nodes_[key.substr(0, end)].prefix = true;
  Node& node = nodes_[key];
  if (node.entry >= 0) {
    entries_[static_cast<size_t>(node.entry)] = std::move(e);  // later tables override
  } else {
    node.entry = static_cast<int32_t>(entries_.size());
    entries_.push_back(std::move(e));
  }
  return Status::Ok();
}

const std::string& Lexicon::CanonicalOf(std::string_view code) const {
  static const std::string kEmpty;
  auto it = canonical_.find(AbslView(code));
  return it == canonical_.end() ? kEmpty : it->second;
}

const CueList& Lexicon::Cues(std::string_view rule) const {
  static const CueList kNone;
  auto it = cues_.find(AbslView(rule));
  return it == cues_.end() ? kNone : it->second;
}

StatusOr<std::unique_ptr<Lexicon>> Lexicon::Load() {
  std::unique_ptr<Lexicon> lex(new Lexicon());

  auto countries = LoadTable(kCountries, 4);
  if (!countries.ok()) return countries.status();
  auto canonical = LoadTable(kCanonical, 2);
  if (!canonical.ok()) return canonical.status();
  auto aliases = LoadTable(kAliases, 3);
  if (!aliases.ok()) return aliases.status();
  auto demonyms = LoadTable(kDemonyms, 2);
  if (!demonyms.ok()) return demonyms.status();
  auto fixed = LoadTable(kFixedNames, 1);
  if (!fixed.ok()) return fixed.status();
  auto territories = LoadTable(kNonSovereign, 1);
  if (!territories.ok()) return territories.status();
  auto cues = LoadTable(kContextCues, 2);
  if (!cues.ok()) return cues.status();

  // Canonical names: generated, then the hand overrides.
  std::unordered_set<std::string> non_sovereign;
  for (const TableRow& r : territories->rows) non_sovereign.insert(std::string(r.fields[0]));
  for (const TableRow& r : countries->rows) {
    std::string code(r.fields[0]);
    if (!lex->canonical_.count(code)) lex->canonical_[code] = std::string(r.fields[1]);
  }
  for (const TableRow& r : canonical->rows) {
    // May also introduce a code ISO 3166 leaves to users (XK, Kosovo).
    std::string code(r.fields[0]);
    if (code.size() != 2) return InvalidArgument(Where(*canonical, r) + ": code must have two letters");
    lex->canonical_[code] = std::string(r.fields[1]);
  }
  auto make = [&](EntryKind kind, CasePolicy policy, std::string_view name, std::string_view code,
                  std::string source) {
    LexEntry e;
    e.kind = kind;
    e.case_policy = policy;
    e.display = std::string(name);
    e.code = std::string(code);
    e.canonical = lex->CanonicalOf(code);
    e.sovereign = !non_sovereign.count(e.code);
    e.source = std::move(source);
    return e;
  };

  // Generated names (ISO 3166-1 and CLDR; 3166-3 rows only give codes and names to the hand tables).
  for (const TableRow& r : countries->rows) {
    if (r.fields[3] == "iso-3166-3") continue;
    const CasePolicy policy = AllUpperAbbreviation(r.fields[2]) ? CasePolicy::kExact : CasePolicy::kTitle;
    Status s = lex->AddEntry(make(EntryKind::kName, policy, r.fields[2], r.fields[0], Where(*countries, r)));
    if (!s.ok()) return s;
  }
  // Demonyms.
  for (const TableRow& r : demonyms->rows) {
    if (!lex->canonical_.count(std::string(r.fields[1])))
      return InvalidArgument(Where(*demonyms, r) + ": unknown ISO 3166 code '" + std::string(r.fields[1]) + "'");
    Status s = lex->AddEntry(make(EntryKind::kDemonym, CasePolicy::kTitle, r.fields[0], r.fields[1], Where(*demonyms, r)));
    if (!s.ok()) return s;
  }
  // Hand aliases.
  for (const TableRow& r : aliases->rows) {
    if (!lex->canonical_.count(std::string(r.fields[1])))
      return InvalidArgument(Where(*aliases, r) + ": unknown ISO 3166 code '" + std::string(r.fields[1]) + "'");
    CasePolicy policy;
    if (r.fields[2] == "exact") {
      policy = CasePolicy::kExact;
    } else if (r.fields[2] == "title") {
      policy = CasePolicy::kTitle;
    } else {
      return InvalidArgument(Where(*aliases, r) + ": case must be 'exact' or 'title'");
    }
    Status s = lex->AddEntry(make(EntryKind::kName, policy, r.fields[0], r.fields[1], Where(*aliases, r)));
    if (!s.ok()) return s;
  }
  // Blocking fixed names.
  for (const TableRow& r : fixed->rows) {
    Status s = lex->AddEntry(make(EntryKind::kBlocker, CasePolicy::kAny, r.fields[0], "", Where(*fixed, r)));
    if (!s.ok()) return s;
  }
  // Context cues.
  for (const TableRow& r : cues->rows)
    lex->cues_[std::string(r.fields[0])].Add(lex->folder_.Fold(r.fields[1]));
  return lex;
}

}  // namespace accord::nations
