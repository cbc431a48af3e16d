#include "extractors/dates/date_triggers.h"

namespace accord::dates {
namespace {

// Trigger words that are not in the vocabulary table: the words of the relative and vague rules.
constexpr std::string_view kExtraTriggers[] = {
    "today", "tonight", "yesterday", "tomorrow", "now", "nowadays", "currently", "presently",
    "present", "moment", "recently", "lately", "past", "future", "someday", "weekend", "weekends",
    "fiscal", "fy", "q1", "q2", "q3", "q4", "days", "years", "weeks", "months", "hours",
    "minutes", "seconds", "decades", "centuries", "quarters"};

// Words that open a date expression before its trigger word: determiners, prepositions the rules
// keep or drop ("in the past" -> "the past"), modifiers and the words of the relative rules.
// Number words, vague quantities and quarter ordinals come from the vocabulary table.
constexpr std::string_view kOpeners[] = {
    "the", "a", "an", "and", "almost", "nearly", "more", "most", "less", "than", "at", "least",
    "about", "over", "in", "for", "of", "through", "throughout", "within", "after", "some",
    "early", "late", "mid", "last", "next", "this", "past", "coming", "previous", "following",
    "current", "same", "earlier", "later", "recent", "end", "beginning", "start", "middle",
    "close", "very", "first", "second", "half", "just", "only", "approximately", "roughly",
    "final", "fiscal", "financial", "near", "distant", "foreseeable", "these", "one", "number", "couple"};

inline char Lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c; }
inline bool IsLetter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
inline bool IsDigit(char c) { return c >= '0' && c <= '9'; }
inline bool IsBlank(char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r'; }

}  // namespace

TriggerScanner::TriggerScanner(const Lexicon& lex) {
  auto add = [&](std::string_view w) {
    if (w.size() < 2 || w.find(' ') != std::string_view::npos) return;
    std::string lower;
    for (char c : w) lower += Lower(c);
    if (!IsLetter(lower[0]) || !IsLetter(lower[1])) return;
    first_two_[lower[0] - 'a'] |= uint64_t{1} << (lower[1] - 'a');
    words_.insert(std::move(lower));
  };
  for (WordClass c : {WordClass::kMonth, WordClass::kMonthAbbr, WordClass::kWeekday,
                      WordClass::kUnit, WordClass::kSeason, WordClass::kDaypart})
    for (const auto& [word, value] : lex.Words(c)) add(word);
  for (std::string_view w : kExtraTriggers) add(w);
  // A holiday opens with its first word ("New Year's Day", "Independence Day").
  for (const auto& [phrase, value] : lex.Words(WordClass::kHoliday)) {
    std::string first = phrase.substr(0, phrase.find_first_of(" '"));
    while (!first.empty() && first.back() == '.') first.pop_back();
    add(first);
  }
  for (std::string_view w : kOpeners) openers_.insert(std::string(w));
  for (WordClass c : {WordClass::kNumber, WordClass::kVagueNumber, WordClass::kQuarterOrdinal})
    for (const auto& [phrase, value] : lex.Words(c)) {
      size_t pos = 0;
      while (pos <= phrase.size()) {
        size_t space = phrase.find(' ', pos);
        if (space == std::string::npos) space = phrase.size();
        if (space > pos) openers_.insert(phrase.substr(pos, space - pos));
        pos = space + 1;
      }
    }
}

bool TriggerScanner::IsOpener(std::string_view w) const {
  if (w.empty() || w.size() > 14) return false;
  char buf[16];
  for (size_t i = 0; i < w.size(); ++i) buf[i] = Lower(w[i]);
  return openers_.find(std::string_view(buf, w.size())) != openers_.end();
}

bool TriggerScanner::IsTrigger(std::string_view w) const {
  if (w.size() < 2 || w.size() > 12) return false;
  const char a = Lower(w[0]), b = Lower(w[1]);
  if (a < 'a' || a > 'z' || b < 'a' || b > 'z') return false;
  if (!(first_two_[a - 'a'] >> (b - 'a') & 1)) return false;
  char buf[16];
  for (size_t i = 0; i < w.size(); ++i) buf[i] = Lower(w[i]);
  return words_.find(std::string_view(buf, w.size())) != words_.end();
}

void TriggerScanner::Starts(std::string_view t, std::vector<uint32_t>& out) const {
  const size_t n = t.size();
  // The last words seen (a ring of kWordsBefore), to step back from a trigger over openers.
  std::pair<uint32_t, uint32_t> recent[kWordsBefore] = {};
  int count = 0;
  uint32_t emitted = 0;  // starts before this offset are already in `out`
  auto trigger = [&](uint32_t at) {
    int k = 0;  // how many words right before the trigger open a date
    while (k < std::min(count, kWordsBefore)) {
      const auto [b, e] = recent[(count - 1 - k) % kWordsBefore];
      if (b + kBytesBefore < at || !IsOpener(t.substr(b, e - b))) break;
      if (t.substr(b, at - b).find("\n\n") != std::string_view::npos) break;
      ++k;
    }
    for (; k >= 1; --k) {
      const uint32_t s = recent[(count - k) % kWordsBefore].first;
      if (s < emitted) continue;
      out.push_back(s);
      emitted = s + 1;
    }
    if (at >= emitted) {
      // "'90s": a date may open with the apostrophe before the digits.
      if (at > 0 && t[at - 1] == '\'' && at - 1 >= emitted) out.push_back(at - 1);
      out.push_back(at);
      emitted = at + 1;
    }
  };
  size_t i = 0;
  while (i < n) {
    const char c = t[i];
    if (IsDigit(c) || IsLetter(c)) {
      size_t j = i + 1;
      const bool digits = IsDigit(c);
      while (j < n && (digits ? IsDigit(t[j]) : IsLetter(t[j]))) ++j;
      // Letters glued to digits may open the date: "Q3", "FY2019".
      if (digits && count > 0 && recent[(count - 1) % kWordsBefore].second == i)
        trigger(recent[(count - 1) % kWordsBefore].first);
      if (digits || IsTrigger(t.substr(i, j - i))) trigger(static_cast<uint32_t>(i));
      recent[count % kWordsBefore] = {static_cast<uint32_t>(i), static_cast<uint32_t>(j)};
      ++count;
      i = j;
    } else {
      ++i;
    }
  }
}

}  // namespace accord::dates
