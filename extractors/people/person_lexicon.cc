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
  for (const auto& [w, info] : words_) {
    words_filter_.Add(w);
    if (info.first_name != FirstNameKind::kNone) first_names_filter_.Add(w);
    if (info.non_name != NonNameClass::kNone) non_names_filter_.Add(w);
    if (info.name_part != NamePartKind::kNone) name_parts_filter_.Add(w);
  }
  for (const auto& [p, info] : phrases_) {
    if (info.title != TitleKind::kNone) {
      titles_filter_.Add(p);
      cue_word_filter_.Add(p);
    }
    if (info.has(PhraseInfo::kBeginsTitle)) title_first_filter_.Add(p);
    if (info.has(PhraseInfo::kEndsTitle)) title_last_filter_.Add(p);
    if (info.has(PhraseInfo::kSpeech) || info.has(PhraseInfo::kAppositive)) cue_word_filter_.Add(p);
    if (info.has(PhraseInfo::kBeforeCue)) before_last_filter_.Add(p.substr(p.rfind(' ') + 1));
  }
}

Status PersonLexicon::AddPhrase(std::string key, TitleKind title, uint8_t flags) {
  if (key.size() > LowerPhrase::kMaxBytes) {
    return InvalidArgument("phrase longer than " + std::to_string(LowerPhrase::kMaxBytes) +
                           " bytes: " + key);
  }
  PhraseInfo& info = phrases_[std::move(key)];
  if (title != TitleKind::kNone) info.title = title;
  info.flags |= flags;
  return Status::Ok();
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
    lex.words_[std::string(r.fields[0])].first_name = FirstNameKind::kName;

  auto extra = ParseTable(kExtraTable, first_names_extra, 3);
  if (!extra.ok()) return extra.status();
  for (const TableRow& r : extra->rows) {
    const std::string name(r.fields[0]);
    const std::string_view action = r.fields[1];
    if (r.fields[2].empty()) return RowError(*extra, r, "every row needs a source");
    if (action == "add") {
      lex.words_[name].first_name = FirstNameKind::kName;
    } else if (action == "drop") {
      if (auto it = lex.words_.find(name); it != lex.words_.end())
        it->second.first_name = FirstNameKind::kNone;
    } else if (action == "ambiguous") {
      lex.words_[name].first_name = FirstNameKind::kAmbiguous;
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
    if (auto it = lex.phrases_.find(key); it != lex.phrases_.end() && it->second.title != TitleKind::kNone)
      return RowError(*title_table, r, "duplicate title (titles match case-insensitively)");
    Status s = lex.AddPhrase(key.substr(0, key.find(' ')), TitleKind::kNone, PhraseInfo::kBeginsTitle);
    if (s.ok()) s = lex.AddPhrase(key.substr(key.rfind(' ') + 1), TitleKind::kNone, PhraseInfo::kEndsTitle);
    if (s.ok()) s = lex.AddPhrase(std::move(key), k, 0);
    if (!s.ok()) return RowError(*title_table, r, s.message());
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
    NonNameClass& slot = lex.words_[std::string(r.fields[0])].non_name;
    if (slot != NonNameClass::kNone) return RowError(*non, r, "duplicate word");
    slot = c;
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
    lex.words_[std::string(r.fields[0])].name_part = k;
  }

  auto cue_table = ParseTable(kCuesTable, cues, 2);
  if (!cue_table.ok()) return cue_table.status();
  for (const TableRow& r : cue_table->rows) {
    std::string key;
    LowerAscii(r.fields[0], key);
    const std::string_view kind = r.fields[1];
    uint8_t flag;
    if (kind == "speech") {
      flag = PhraseInfo::kSpeech;
    } else if (kind == "before") {
      lex.max_before_words_ = std::max(lex.max_before_words_, WordCount(key));
      flag = PhraseInfo::kBeforeCue;
    } else if (kind == "appositive") {
      flag = PhraseInfo::kAppositive;
    } else {
      return RowError(*cue_table, r, "kind must be speech, before or appositive");
    }
    if (Status s = lex.AddPhrase(std::move(key), TitleKind::kNone, flag); !s.ok())
      return RowError(*cue_table, r, s.message());
  }
  for (const auto& [w, info] : lex.words_)
    if (info.first_name != FirstNameKind::kNone) ++lex.first_name_count_;
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
