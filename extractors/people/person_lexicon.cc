#include "extractors/people/person_lexicon.h"

#include <algorithm>
#include <iterator>

#include "pipeline/data/embedded.h"
#include "pipeline/tables.h"

namespace accord::people {
namespace {

constexpr std::string_view kFirstNamesTable = "generated/people/first_names.tsv";
constexpr std::string_view kExtraTable = "extractors/people/data/first_names_extra.tsv";
constexpr std::string_view kTitlesTable = "extractors/people/data/titles.tsv";
constexpr std::string_view kNonNamesTable = "extractors/people/data/non_names.tsv";
constexpr std::string_view kNamePartsTable = "extractors/people/data/name_parts.tsv";
constexpr std::string_view kCuesTable = "extractors/people/data/cues.tsv";

Status RowError(const Table& t, const TableRow& r, std::string_view what) {
  return InvalidArgument(t.name + ":" + std::to_string(r.line) + ": " + std::string(what));
}

size_t WordCount(std::string_view s) {
  return static_cast<size_t>(std::count(s.begin(), s.end(), ' ')) + 1;
}

// Lower-cases and strips a trailing period: "Mr." and "mr" are the same title.
std::string TitleKey(std::string_view s) {
  std::string out;
  LowerAscii(s, out);
  if (!out.empty() && out.back() == '.') out.pop_back();
  return out;
}

}  // namespace

void LowerAscii(std::string_view in, std::string& out) {
  out.resize(in.size());
  char* o = out.data();
  for (size_t k = 0; k < in.size(); ++k) {
    const char c = in[k];
    o[k] = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  }
}

void PersonLexicon::BuildFilters() {
  for (const auto& [w, kind] : first_names_) first_names_filter_.Add(w);
  for (const auto& [w, cls] : non_names_) non_names_filter_.Add(w);
  for (const auto& [w, kind] : name_parts_) name_parts_filter_.Add(w);
  for (const auto& [w, kind] : titles_) {
    titles_filter_.Add(w);
    cue_word_filter_.Add(w);
  }
  for (const std::string& w : title_first_words_) title_first_filter_.Add(w);
  for (const std::string& w : title_last_words_) title_last_filter_.Add(w);
  for (const std::string& w : speech_) cue_word_filter_.Add(w);
  for (const std::string& w : appositive_) cue_word_filter_.Add(w);
  for (const std::string& w : before_) before_last_filter_.Add(w.substr(w.rfind(' ') + 1));
}

FirstNameKind PersonLexicon::FirstName(std::string_view word) const {
  if (!first_names_filter_.MayContain(word)) return FirstNameKind::kNone;
  auto it = first_names_.find(word);
  return it == first_names_.end() ? FirstNameKind::kNone : it->second;
}

NonNameClass PersonLexicon::NonName(std::string_view word) const {
  if (!non_names_filter_.MayContain(word)) return NonNameClass::kNone;
  auto it = non_names_.find(word);
  return it == non_names_.end() ? NonNameClass::kNone : it->second;
}

NamePartKind PersonLexicon::NamePart(std::string_view word) const {
  if (!name_parts_filter_.MayContain(word)) return NamePartKind::kNone;
  auto it = name_parts_.find(word);
  return it == name_parts_.end() ? NamePartKind::kNone : it->second;
}

StatusOr<PersonLexicon> PersonLexicon::FromTables(std::string_view first_names,
                                                  std::string_view first_names_extra,
                                                  std::string_view titles,
                                                  std::string_view non_names,
                                                  std::string_view name_parts,
                                                  std::string_view cues) {
  PersonLexicon lex;

  auto names = ParseTable(kFirstNamesTable, first_names, 1);
  if (!names.ok()) return names.status();
  for (const TableRow& r : names->rows)
    lex.first_names_[std::string(r.fields[0])] = FirstNameKind::kName;

  auto extra = ParseTable(kExtraTable, first_names_extra, 3);
  if (!extra.ok()) return extra.status();
  for (const TableRow& r : extra->rows) {
    const std::string name(r.fields[0]);
    const std::string_view action = r.fields[1];
    if (r.fields[2].empty()) return RowError(*extra, r, "every row needs a source");
    if (action == "add") {
      lex.first_names_[name] = FirstNameKind::kName;
    } else if (action == "drop") {
      lex.first_names_.erase(name);
    } else if (action == "ambiguous") {
      lex.first_names_[name] = FirstNameKind::kAmbiguous;
    } else {
      return RowError(*extra, r, "action must be add, drop or ambiguous");
    }
  }

  auto title_table = ParseTable(kTitlesTable, titles, 2);
  if (!title_table.ok()) return title_table.status();
  for (const TableRow& r : title_table->rows) {
    std::string key = TitleKey(r.fields[0]);
    if (key.empty()) return RowError(*title_table, r, "empty title");
    lex.max_title_words_ = std::max(lex.max_title_words_, WordCount(key));
    const std::string_view kind = r.fields[1];
    TitleKind k;
    if (kind == "honorific") k = TitleKind::kHonorific;
    else if (kind == "title") k = TitleKind::kTitle;
    else if (kind == "role") k = TitleKind::kRole;
    else return RowError(*title_table, r, "kind must be honorific, title or role");
    lex.title_first_words_.insert(key.substr(0, key.find(' ')));
    lex.title_last_words_.insert(key.substr(key.rfind(' ') + 1));
    if (!lex.titles_.emplace(std::move(key), k).second)
      return RowError(*title_table, r, "duplicate title (titles match case-insensitively)");
  }

  auto non = ParseTable(kNonNamesTable, non_names, 2);
  if (!non.ok()) return non.status();
  for (const TableRow& r : non->rows) {
    const std::string_view cls = r.fields[1];
    NonNameClass c;
    if (cls == "function") c = NonNameClass::kFunction;
    else if (cls == "month") c = NonNameClass::kMonth;
    else if (cls == "weekday") c = NonNameClass::kWeekday;
    else if (cls == "org") c = NonNameClass::kOrg;
    else if (cls == "place") c = NonNameClass::kPlace;
    else return RowError(*non, r, "class must be function, month, weekday, org or place");
    if (!lex.non_names_.emplace(std::string(r.fields[0]), c).second)
      return RowError(*non, r, "duplicate word");
  }

  auto parts = ParseTable(kNamePartsTable, name_parts, 2);
  if (!parts.ok()) return parts.status();
  for (const TableRow& r : parts->rows) {
    const std::string_view kind = r.fields[1];
    NamePartKind k;
    if (kind == "particle") k = NamePartKind::kParticle;
    else if (kind == "prefix") k = NamePartKind::kPrefix;
    else if (kind == "suffix") k = NamePartKind::kSuffix;
    else return RowError(*parts, r, "kind must be particle, prefix or suffix");
    lex.name_parts_[std::string(r.fields[0])] = k;
  }

  auto cue_table = ParseTable(kCuesTable, cues, 2);
  if (!cue_table.ok()) return cue_table.status();
  for (const TableRow& r : cue_table->rows) {
    std::string key;
    LowerAscii(r.fields[0], key);
    const std::string_view kind = r.fields[1];
    if (kind == "speech") {
      lex.speech_.insert(std::move(key));
    } else if (kind == "before") {
      lex.max_before_words_ = std::max(lex.max_before_words_, WordCount(key));
      lex.before_.insert(std::move(key));
    } else if (kind == "appositive") {
      lex.appositive_.insert(std::move(key));
    } else {
      return RowError(*cue_table, r, "kind must be speech, before or appositive");
    }
  }
  lex.BuildFilters();
  return lex;
}

StatusOr<PersonLexicon> PersonLexicon::Load() {
  const std::string_view names[] = {kFirstNamesTable, kExtraTable,     kTitlesTable,
                                    kNonNamesTable,   kNamePartsTable, kCuesTable};
  std::string_view contents[std::size(names)];
  for (size_t i = 0; i < std::size(names); ++i) {
    const std::string_view* c = data::Find(names[i]);
    if (c == nullptr) return NotFound("data table " + std::string(names[i]) + " is not embedded");
    contents[i] = *c;
  }
  return FromTables(contents[0], contents[1], contents[2], contents[3], contents[4], contents[5]);
}

}  // namespace accord::people
