#include "extractors/dates/date_triggers.h"

#include <array>

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

constexpr bool IsLetter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
constexpr bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// Each byte as a letter, a digit or neither, for the word loop.
enum : uint8_t { kOther, kLetter, kDigit };
constexpr auto kByteClass = [] {
  std::array<uint8_t, 256> table{};
  for (int c = 0; c < 256; ++c)
    table[c] = IsDigit(static_cast<char>(c)) ? kDigit : IsLetter(static_cast<char>(c)) ? kLetter : kOther;
  return table;
}();

}  // namespace

TriggerScanner::TriggerScanner(const Lexicon& lex) {
  auto add = [&](std::string_view w) {
    if (w.size() < 2 || w.find(' ') != std::string_view::npos) return;
    if (!IsLetter(w[0]) || !IsLetter(w[1])) return;
    words_.Add(w);
  };
  for (WordClass c : {WordClass::kMonth, WordClass::kMonthAbbr, WordClass::kWeekday,
                      WordClass::kUnit, WordClass::kSeason, WordClass::kDaypart})
    for (const auto& [word, value] : lex.Words(c)) add(word);
  for (std::string_view w : kExtraTriggers) add(w);
  // A holiday opens with its first word ("New Year's Day", "Independence Day").
  for (const auto& [phrase, value] : lex.Words(WordClass::kHoliday)) {
    std::string_view first = std::string_view(phrase).substr(0, phrase.find_first_of(" '"));
    while (!first.empty() && first.back() == '.') first.remove_suffix(1);
    add(first);
  }
  for (std::string_view w : kOpeners) openers_.Add(w);
  for (WordClass c : {WordClass::kNumber, WordClass::kVagueNumber, WordClass::kQuarterOrdinal})
    for (const auto& [phrase, value] : lex.Words(c)) {
      size_t pos = 0;
      while (pos <= phrase.size()) {
        size_t space = phrase.find(' ', pos);
        if (space == std::string::npos) space = phrase.size();
        if (space > pos) openers_.Add(std::string_view(phrase).substr(pos, space - pos));
        pos = space + 1;
      }
    }
}

void TriggerScanner::Starts(std::string_view t, std::vector<uint32_t>& out) const {
  const size_t n = t.size();
  // The last words seen, to step back from a trigger over openers: a ring of at least
  // kWordsBefore slots, a power of two so that a mask indexes it.
  constexpr int kRing = 8;
  static_assert(kWordsBefore <= kRing);
  std::pair<uint32_t, uint32_t> recent[kRing] = {};
  int count = 0;
  uint32_t emitted = 0;  // starts before this offset are already in `out`
  auto trigger = [&](uint32_t at) {
    int k = 0;  // how many words right before the trigger open a date
    while (k < std::min(count, kWordsBefore)) {
      const auto [b, e] = recent[(count - 1 - k) & (kRing - 1)];
      if (b + kBytesBefore < at || !IsOpener(t.substr(b, e - b))) break;
      if (t.substr(b, at - b).find("\n\n") != std::string_view::npos) break;
      ++k;
    }
    for (; k >= 1; --k) {
      const uint32_t s = recent[(count - k) & (kRing - 1)].first;
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
  while (true) {
    while (i < n && kByteClass[static_cast<uint8_t>(t[i])] == kOther) ++i;
    if (i == n) break;
    const uint8_t cls = kByteClass[static_cast<uint8_t>(t[i])];
    size_t j = i + 1;
    while (j < n && kByteClass[static_cast<uint8_t>(t[j])] == cls) ++j;
    if (cls == kDigit) {
      // Letters glued to digits may open the date: "Q3", "FY2019".
      if (count > 0 && recent[(count - 1) & (kRing - 1)].second == i)
        trigger(recent[(count - 1) & (kRing - 1)].first);
      trigger(static_cast<uint32_t>(i));
    } else if (IsTrigger(t.substr(i, j - i))) {
      trigger(static_cast<uint32_t>(i));
    }
    recent[count & (kRing - 1)] = {static_cast<uint32_t>(i), static_cast<uint32_t>(j)};
    ++count;
    i = j;
  }
}

}  // namespace accord::dates
