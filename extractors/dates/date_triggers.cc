#include "extractors/dates/date_triggers.h"

namespace accord::dates {
namespace {

// Trigger words that are not in the vocabulary table: the words of the relative and vague rules.
constexpr std::string_view kExtraTriggers[] = {
    "today", "tonight", "yesterday", "tomorrow", "now", "nowadays", "currently", "presently",
    "present", "moment", "recently", "lately", "past", "future", "someday", "weekend", "weekends",
    "fiscal", "fy", "q1", "q2", "q3", "q4", "days", "years", "weeks", "months", "hours",
    "minutes", "seconds", "decades", "centuries", "quarters"};

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
}

bool TriggerScanner::IsTrigger(std::string_view w) const {
  if (w.size() < 2 || w.size() > 12) return false;
  const char a = Lower(w[0]), b = Lower(w[1]);
  if (a < 'a' || a > 'z' || b < 'a' || b > 'z') return false;
  if (!(first_two_[a - 'a'] >> (b - 'a') & 1)) return false;
  char buf[16];
  for (size_t i = 0; i < w.size(); ++i) buf[i] = Lower(w[i]);
  return words_.count(std::string(buf, w.size())) > 0;
}

void TriggerScanner::Starts(std::string_view t, std::vector<uint32_t>& out) const {
  const size_t n = t.size();
  // The word starts seen so far (a ring of the last kWordsBefore), to step back from a trigger.
  uint32_t recent[kWordsBefore] = {};
  int count = 0;
  uint32_t emitted = 0;  // starts before this offset are already in `out`
  auto trigger = [&](uint32_t at) {
    for (int k = std::min(count, kWordsBefore); k >= 1; --k) {
      const uint32_t s = recent[(count - k) % kWordsBefore];
      if (s + kBytesBefore < at || (s < emitted)) continue;
      // Not across a blank line.
      if (t.substr(s, at - s).find("\n\n") != std::string_view::npos) continue;
      out.push_back(s);
      emitted = s + 1;
    }
    if (at >= emitted) {
      // "'90s": a date may open with the apostrophe before the digits.
      if (at > 0 && (t[at - 1] == '\'') && at - 1 >= emitted) out.push_back(at - 1);
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
      if (digits || IsTrigger(t.substr(i, j - i))) trigger(static_cast<uint32_t>(i));
      recent[count % kWordsBefore] = static_cast<uint32_t>(i);
      ++count;
      i = j;
    } else {
      ++i;
    }
  }
}

}  // namespace accord::dates
