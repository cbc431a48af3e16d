#include "extractors/organizations/org_tables.h"

#include "extractors/organizations/org_tokens.h"
#include "pipeline/data/embedded.h"
#include "pipeline/tables.h"

namespace accord::orgs {
namespace {

constexpr std::string_view kKnownTable = "extractors/organizations/data/known_organizations.tsv";
constexpr std::string_view kDesignatorTable = "extractors/organizations/data/designators.tsv";
constexpr std::string_view kWordTable = "extractors/organizations/data/words.tsv";

std::vector<std::string_view> SplitBars(std::string_view s) {
  std::vector<std::string_view> out;
  size_t pos = 0;
  while (pos <= s.size()) {
    size_t bar = s.find('|', pos);
    if (bar == std::string_view::npos) bar = s.size();
    if (bar > pos) out.push_back(s.substr(pos, bar - pos));
    pos = bar + 1;
  }
  return out;
}

std::string RowError(const Table& t, const TableRow& r, std::string_view what) {
  return t.name + ":" + std::to_string(r.line) + ": " + std::string(what);
}

}  // namespace

WordInfo& OrgTables::AddWord(std::string_view w) {
  auto [index, added] = words_.Insert(w, static_cast<int32_t>(word_info_.size()));
  if (added) word_info_.emplace_back();
  return word_info_[*index];
}

int32_t OrgTables::FindOrgByCanonicalKey(std::string_view key) const {
  auto it = by_canonical_.find(key);
  return it == by_canonical_.end() ? -1 : it->second;
}

StatusOr<OrgTables> OrgTables::Parse(std::string_view known_text, std::string_view designator_text,
                                     std::string_view word_text) {
  OrgTables out;
  // Words first: the known table marks common-word aliases with them.
  auto words = ParseTable(kWordTable, word_text, 2);
  if (!words.ok()) return words.status();
  for (const TableRow& r : words->rows) {
    std::string_view role = r.fields[1];
    uint16_t bit = role == "leading"          ? WordInfo::kLeading
                   : role == "connector"      ? WordInfo::kConnector
                   : role == "cue_head"       ? WordInfo::kCueHead
                   : role == "list_cue"       ? WordInfo::kListCue
                   : role == "list_intro"     ? WordInfo::kListIntro
                   : role == "after_cue"      ? WordInfo::kAfterCue
                   : role == "possessive_cue" ? WordInfo::kPossessiveCue
                   : role == "common"         ? WordInfo::kCommon
                                              : 0;
    if (bit == 0) return InvalidArgument(RowError(*words, r, "unknown role"));
    out.AddWord(r.fields[0]).roles |= bit;
  }
  // "shares of X" (context_cues.cc) opens at "shares", whatever its roles: an entry, if need be
  // one without roles, puts it among the words that have one, where the context rules look.
  out.AddWord("shares");
  out.BuildFronts();  // the known table asks for common words; rebuilt once all tables are in

  auto known = ParseTable(kKnownTable, known_text, 3);
  if (!known.ok()) return known.status();
  OrgTokens toks;
  auto add_alias = [&](int32_t org, std::string_view written) {
    Tokenize(written, toks);
    if (toks.size() == 0) return;
    std::string key(toks.Key(0, toks.size()));
    KnownAlias alias;
    alias.org = org;
    for (size_t i = 0; i < toks.size(); ++i) {
      const OrgToken& t = toks[i];
      alias.case_needs.push_back(t.Is(OrgToken::kAllCaps) && !t.Is(OrgToken::kDottedAcronym) &&
                                         toks.Text(i).size() <= 5
                                     ? CaseNeed::kAllCaps
                                 : t.Is(OrgToken::kCapitalized) ? CaseNeed::kCapitalized
                                                                : CaseNeed::kAny);
    }
    alias.common_word = toks.size() == 1 && out.IsCommonWord(written);
    auto [index, added] = out.alias_keys_.Insert(key, -1);
    if (*index < 0) {  // new, or so far only the prefix of longer aliases
      *index = static_cast<int32_t>(out.aliases_.size());
      out.aliases_.push_back(std::move(alias));
    } else if (KnownAlias& old = out.aliases_[*index];
               old.org == org && old.case_needs.size() == alias.case_needs.size()) {
      // Two spellings of one alias ("Nynex", "NYNEX"): keep the looser case need of each token.
      for (size_t i = 0; i < alias.case_needs.size(); ++i)
        old.case_needs[i] = std::min(old.case_needs[i], alias.case_needs[i]);
    }
    for (size_t k = 1; k < toks.size(); ++k) out.alias_keys_.Insert(toks.Key(0, k), -1);
    if (std::string_view first = toks.Key(0, 1); !first.empty())
      out.alias_start_filter_.set(KeyClass(first));
    out.max_alias_tokens_ = std::max(out.max_alias_tokens_, static_cast<int>(toks.size()));
  };
  int c_canonical = known->Column("canonical"), c_aliases = known->Column("aliases"),
      c_kind = known->Column("kind");
  if (c_canonical < 0 || c_aliases < 0 || c_kind < 0)
    return InvalidArgument(std::string(kKnownTable) + ": needs columns canonical, aliases, kind");
  for (const TableRow& r : known->rows) {
    KnownOrg org;
    org.canonical = std::string(r.fields[c_canonical]);
    org.kind = std::string(r.fields[c_kind]);
    org.canonical_key = FoldName(org.canonical);
    if (org.canonical_key.empty()) return InvalidArgument(RowError(*known, r, "empty canonical"));
    auto id = static_cast<int32_t>(out.orgs_.size());
    if (!out.by_canonical_.try_emplace(org.canonical_key, id).second)
      return InvalidArgument(RowError(*known, r, "duplicate canonical " + org.canonical));
    out.orgs_.push_back(std::move(org));
    add_alias(id, r.fields[c_canonical]);
    for (std::string_view a : SplitBars(r.fields[c_aliases])) add_alias(id, a);
  }

  auto des = ParseTable(kDesignatorTable, designator_text, 4);
  if (!des.ok()) return des.status();
  for (const TableRow& r : des->rows) {
    std::string_view word = r.fields[0];
    Designator d;
    if (word.size() > 1 && word.back() == '.' && word.find('.') == word.size() - 1) {
      d.takes_period = true;
      word.remove_suffix(1);
    }
    std::string_view pos = r.fields[1], kind = r.fields[2];
    if (pos == "suffix") d.position = Designator::kSuffix;
    else if (pos == "prefix") d.position = Designator::kPrefix;
    else if (pos == "both") d.position = Designator::kSuffix | Designator::kPrefix;
    else return InvalidArgument(RowError(*des, r, "position must be suffix, prefix or both"));
    if (kind != "company" && kind != "institution" && kind != "media")
      return InvalidArgument(RowError(*des, r, "kind must be company, institution or media"));
    d.company = kind == "company";
    d.media = kind == "media";
    d.short_form = r.fields[3] == "yes";
    WordInfo& info = out.AddWord(word);
    if (!info.Is(WordInfo::kDesignator)) {
      info.roles |= WordInfo::kDesignator;
      info.designator = d;
    } else {
      info.designator.takes_period |= d.takes_period;
      info.designator.position |= d.position;
    }
  }
  out.BuildFronts();
  return out;
}

void OrgTables::BuildFronts() {
  alias_front_.Build(alias_keys_);
  words_front_.Build(words_);
}

StatusOr<OrgTables> OrgTables::Load() {
  std::string_view texts[3];
  const std::string_view names[3] = {kKnownTable, kDesignatorTable, kWordTable};
  for (int i = 0; i < 3; ++i) {
    const std::string_view* content = data::Find(names[i]);
    if (content == nullptr) return NotFound("data table " + std::string(names[i]) + " is not embedded");
    texts[i] = *content;
  }
  return Parse(texts[0], texts[1], texts[2]);
}

}  // namespace accord::orgs
