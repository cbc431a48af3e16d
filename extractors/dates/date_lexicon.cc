#include "extractors/dates/date_lexicon.h"

#include <algorithm>
#include <array>
#include <cctype>

#include "pipeline/ascii.h"
#include "pipeline/data/embedded.h"
#include "pipeline/tables.h"

namespace accord::dates {
namespace {

constexpr std::string_view kTableName = "extractors/dates/data/date_words.tsv";

struct ClassName {
  std::string_view name;
  WordClass c;
};
constexpr ClassName kClassNames[] = {
    {"month", WordClass::kMonth},
    {"month_abbr", WordClass::kMonthAbbr},
    {"weekday", WordClass::kWeekday},
    {"weekday_abbr", WordClass::kWeekdayAbbr},
    {"number", WordClass::kNumber},
    {"quarter_ordinal", WordClass::kQuarterOrdinal},
    {"vague_number", WordClass::kVagueNumber},
    {"unit", WordClass::kUnit},
    {"season", WordClass::kSeason},
    {"zone", WordClass::kZone},
    {"daypart", WordClass::kDaypart},
    {"holiday", WordClass::kHoliday},
};

bool IsNameClass(WordClass c) {
  return c == WordClass::kMonth || c == WordClass::kMonthAbbr || c == WordClass::kWeekday ||
         c == WordClass::kWeekdayAbbr;
}

// A word as a pattern: spaces become "one or more blanks, possibly across a line".
std::string WordPattern(std::string_view word) {
  std::string out;
  for (char ch : word) {
    if (ch == ' ') {
      out += "(?:\\s|>)+";
    } else if (std::isalnum(static_cast<unsigned char>(ch))) {
      out += ch;
    } else {
      out += '\\';
      out += ch;
    }
  }
  return out;
}

std::string Title(std::string_view w) {
  std::string s(w);
  if (!s.empty()) s[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(s[0])));
  return s;
}

// "new year's day" -> "New Year's Day".
std::string TitleWords(std::string_view w) {
  std::string s(w);
  for (size_t i = 0; i < s.size(); ++i)
    if (i == 0 || s[i - 1] == ' ')
      s[i] = static_cast<char>(std::toupper(static_cast<unsigned char>(s[i])));
  return s;
}

std::string Upper(std::string_view w) {
  std::string s(w);
  for (char& ch : s) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
  return s;
}

}  // namespace

namespace {

// The bytes a key folds into one space: blanks and the "> " quote marks of wrapped lines.
constexpr auto kKeyBlanks = [] {
  std::array<bool, 256> table{};
  for (char c : {' ', '\t', '\n', '\r', '>'}) table[static_cast<uint8_t>(c)] = true;
  return table;
}();

}  // namespace

std::string_view FoldKeyInto(std::string_view s, char* out) {
  size_t n = 0;
  bool space = false;
  for (char ch : s) {
    if (kKeyBlanks[static_cast<uint8_t>(ch)]) {
      space = n > 0;
      continue;
    }
    if (space) out[n++] = ' ';
    space = false;
    out[n++] = ascii::ToLower(ch);  // tolower, C locale
  }
  return std::string_view(out, n);
}

std::string FoldKey(std::string_view s) {
  std::string out(s.size(), '\0');
  out.resize(FoldKeyInto(s, out.data()).size());
  return out;
}

StatusOr<Lexicon> Lexicon::Load() {
  // Found by a scan of the embedded files rather than data::Find, which needs them sorted by name.
  const std::string_view* content = nullptr;
  for (const data::EmbeddedFile& f : data::AllFiles())
    if (f.name == kTableName) content = &f.content;
  if (content == nullptr) return NotFound("data table " + std::string(kTableName) + " is not embedded");
  auto table = ParseTable(kTableName, *content, 3);
  if (!table.ok()) return table.status();
  Lexicon lex;
  for (const TableRow& row : table->rows) {
    const ClassName* found = nullptr;
    for (const ClassName& cn : kClassNames)
      if (cn.name == row.fields[0]) found = &cn;
    if (found == nullptr)
      return InvalidArgument(std::string(kTableName) + ":" + std::to_string(row.line) +
                             ": unknown word class '" + std::string(row.fields[0]) + "'");
    const int i = static_cast<int>(found->c);
    std::string word = FoldKey(row.fields[1]);
    lex.index_[i].emplace(word, std::string(row.fields[2]));
    lex.words_[i].emplace_back(std::move(word), std::string(row.fields[2]));
  }
  for (auto& words : lex.words_)
    std::stable_sort(words.begin(), words.end(),
                     [](const auto& a, const auto& b) { return a.first.size() > b.first.size(); });
  for (int c = 0; c < kWordClassCount; ++c) {
    const auto& words = lex.words_[c];
    if (words.size() >= 255) continue;  // places past a set's values: Value folds and hashes
    // A key's first row is the map's (stable_sort kept the rows of a key in table order).
    for (size_t i = 0; i < words.size(); ++i)
      if (words[i].first.find(' ') == std::string::npos && !lex.single_words_[c].Contains(words[i].first))
        lex.single_words_[c].Add(words[i].first, static_cast<uint8_t>(i + 1));
    lex.has_single_words_[c] = true;
  }
  return lex;
}

std::string_view Lexicon::Value(WordClass c, std::string_view word) const {
  // A word without blanks is its own key but for case: the set of one-word keys answers.
  // (A key longer than the set's words is longer than any word it is asked.)
  if (has_single_words_[static_cast<int>(c)] && !word.empty() && word.size() <= WordSet::kMaxLength &&
      std::none_of(word.begin(), word.end(), [](char ch) {
        return ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r' || ch == '>';
      })) {
    const uint8_t place = single_words_[static_cast<int>(c)].Find(word);
    return place == 0 ? std::string_view() : std::string_view(words_[static_cast<int>(c)][place - 1].second);
  }
  const auto& index = index_[static_cast<int>(c)];
  char buf[64];
  std::string long_key;
  std::string_view key;
  if (word.size() <= sizeof buf) {
    key = FoldKeyInto(word, buf);
  } else {
    long_key = FoldKey(word);
    key = long_key;
  }
  auto it = index.find(key);
  return it == index.end() ? std::string_view() : std::string_view(it->second);
}

std::string Lexicon::Alternation(WordClass c) const {
  std::string out = IsNameClass(c) || c == WordClass::kHoliday ? "(?:" : "(?i:";
  bool first = true;
  for (const auto& [word, value] : words_[static_cast<int>(c)]) {
    if (!first) out += '|';
    first = false;
    if (c == WordClass::kHoliday) {
      out += WordPattern(TitleWords(word));
    } else if (IsNameClass(c)) {
      out += WordPattern(Title(word)) + "|" + WordPattern(Upper(word));
    } else {
      out += WordPattern(word);
    }
  }
  out += ')';
  return out;
}

}  // namespace accord::dates
