#include "extractors/dates/date_triggers.h"

#include <array>
#include <bit>
#include <cstring>

#include "pipeline/ascii_masks.h"
#include "extractors/dates/blank_bytes.h"

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

// The values of the word sets. A trigger may be a unit word, which opens a date only before a
// hyphen or an apostrophe. An opener may open only a few rules, which need a certain word next:
// "for-units" a plural unit ("for years"), "in-the-past" and "in-the-future" "the".
// "the" opens a date only before a number or one of kAfterThe; "last", "next" and "this" only
// before one of kAfterRelative.
// A holiday's first word ("New", "St") that is no other trigger opens a date only where the
// words of a holiday follow it; a month's or weekday's name only after a capital, as the rules
// spell names in Title or UPPER case.
enum : uint8_t { kTrigger = 1, kUnitWord = 2, kHolidayWord = 4, kNameWord = 8 };
// "and", "than", ... open no rule: they are openers only for a date to open before them ("two
// and a half years", "more than a year", "the following week"), kPassThrough.
enum : uint8_t {
  kOpener = 1, kBeforePluralUnit = 2, kBeforeThe = 4, kBeforeAfterTheWord = 8,
  kBeforeRelativeWord = 16, kAfterInThe = 32, kPassThrough = 64
};
constexpr uint8_t kRestrictions =
    kBeforePluralUnit | kBeforeThe | kBeforeAfterTheWord | kBeforeRelativeWord | kPassThrough;
constexpr std::pair<std::string_view, uint8_t> kRestrictedOpeners[] = {
    {"in", kBeforePluralUnit | kBeforeThe}, {"for", kBeforePluralUnit}, {"of", kBeforePluralUnit},
    {"within", kBeforePluralUnit}, {"after", kBeforePluralUnit}, {"the", kBeforeAfterTheWord},
    {"last", kBeforeRelativeWord}, {"next", kBeforeRelativeWord}, {"this", kBeforeRelativeWord}};
// The units of "for-units" (date_rules.cc).
constexpr std::string_view kPluralUnits[] = {"days", "weeks", "months", "years", "decades",
                                             "hours", "minutes"};
// The words a rule may read right after "the" (date_rules.cc): {MOD}'s words ("the end of",
// "the mid-1990s"), quarter ordinals (from the vocabulary), the words of "the-previous-unit",
// "the-past-units", "fiscal-year-relative", "the-weekend", "unit-end" and the vague "the coming".
constexpr std::string_view kAfterThe[] = {
    "early", "late", "mid", "the", "very", "end", "beginning", "start", "middle", "close",
    "first", "second", "previous", "following", "current", "same", "past", "last", "next",
    "coming", "final", "this", "fiscal", "financial", "weekend", "year", "month", "week"};
// The words a rule may read right after "last", "next" or "this": the units of "relative-unit"
// and "quarter" ("last quarter", "next qtr."), "fiscal-year-relative"; seasons, weekdays and
// parts of the day come from the vocabulary.
constexpr std::string_view kAfterRelative[] = {
    "weekend", "week", "month", "year", "quarter", "decade", "century", "qtr", "fiscal", "financial"};
// The words "in-the-past" and "in-the-future" read after "in the".
constexpr std::string_view kWordsAfterInThe[] = {"past", "future", "near", "distant", "foreseeable"};

// Openers that begin no rule: the inner words of {NUM}, {VAGUE} and of the rules' phrases.
constexpr std::string_view kPassThroughOpeners[] = {
    "and", "than", "least", "couple", "dozen", "number", "final", "following", "same", "financial",
    "near", "distant", "foreseeable"};

// Triggers that are no unit but open no rule either: "weekend" follows its determiner.
constexpr std::string_view kNeverOpening[] = {"weekend", "weekends"};

constexpr bool IsLetter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
constexpr bool IsDigit(char c) { return c >= '0' && c <= '9'; }

}  // namespace

TriggerScanner::TriggerScanner(const Lexicon& lex) {
  auto add = [&](std::string_view w, uint8_t value = kTrigger) {
    if (w.size() < 2 || w.find(' ') != std::string_view::npos) return;
    if (!IsLetter(w[0]) || !IsLetter(w[1])) return;
    words_.Add(w, value);
  };
  for (WordClass c : {WordClass::kMonth, WordClass::kMonthAbbr, WordClass::kWeekday})
    for (const auto& [word, value] : lex.Words(c)) add(word, kNameWord);
  for (WordClass c : {WordClass::kUnit, WordClass::kSeason, WordClass::kDaypart})
    for (const auto& [word, value] : lex.Words(c)) add(word);
  for (std::string_view w : kExtraTriggers) add(w);
  // A holiday opens with its first word ("New Year's Day", "Independence Day"), spelled as the
  // rule spells it: each word in Title case.
  for (const auto& [phrase, value] : lex.Words(WordClass::kHoliday)) {
    std::string title = phrase;
    for (size_t i = 0; i < title.size(); ++i)
      if ((i == 0 || title[i - 1] == ' ') && title[i] >= 'a' && title[i] <= 'z') title[i] = static_cast<char>(title[i] - 32);
    std::string_view first = std::string_view(phrase).substr(0, phrase.find_first_of(" '"));
    while (!first.empty() && first.back() == '.') first.remove_suffix(1);
    if (first.size() >= 2 && IsLetter(first[0]) && IsLetter(first[1]) && first.find(' ') == std::string_view::npos)
      words_.Add(first, kHolidayWord);
    holidays_.push_back(std::move(title));
  }
  for (std::string_view w : kOpeners) openers_.Add(w, kOpener);
  for (const auto& [w, needs] : kRestrictedOpeners) openers_.Add(w, needs);
  for (std::string_view w : kPassThroughOpeners) openers_.Add(w, kPassThrough);
  for (std::string_view w : kPluralUnits) next_words_.Add(w, kBeforePluralUnit);
  next_words_.Add("the", kBeforeThe);
  for (std::string_view w : kAfterThe) next_words_.Add(w, kBeforeAfterTheWord);
  for (const auto& [word, value] : lex.Words(WordClass::kQuarterOrdinal))
    next_words_.Add(word, kBeforeAfterTheWord);
  for (std::string_view w : kAfterRelative) next_words_.Add(w, kBeforeRelativeWord);
  for (std::string_view w : kWordsAfterInThe) next_words_.Add(w, kAfterInThe);
  for (WordClass c : {WordClass::kSeason, WordClass::kWeekday, WordClass::kDaypart})
    for (const auto& [word, value] : lex.Words(c)) next_words_.Add(word, kBeforeRelativeWord);
  // The words a rule may read after a number of one to three digits and a blank.
  for (WordClass c : {WordClass::kMonth, WordClass::kMonthAbbr, WordClass::kZone})
    for (const auto& [word, value] : lex.Words(c)) after_digits_.Add(word);
  for (const auto& [word, value] : lex.Words(WordClass::kUnit)) {
    after_digits_.Add(word);
    after_digits_.Add(word + "s");
  }
  after_digits_.Add("centuries");
  after_digits_.Add("of");  // "17 of April"
  for (WordClass c : {WordClass::kNumber, WordClass::kVagueNumber, WordClass::kQuarterOrdinal})
    for (const auto& [phrase, value] : lex.Words(c)) {
      size_t pos = 0;
      while (pos <= phrase.size()) {
        size_t space = phrase.find(' ', pos);
        if (space == std::string::npos) space = phrase.size();
        if (space > pos) openers_.Add(std::string_view(phrase).substr(pos, space - pos), kOpener);
        pos = space + 1;
      }
    }
  // Unit words and their plurals, unless they also open other rules as openers ("second half").
  auto add_unit = [&](std::string_view w) {
    if (!IsOpener(w)) words_.Add(w, kUnitWord);
  };
  for (const auto& [word, value] : lex.Words(WordClass::kUnit)) {
    add_unit(word);
    add_unit(word + "s");
  }
  add_unit("centuries");
  for (std::string_view w : kNeverOpening) add_unit(w);
}

bool TriggerScanner::IsTrigger(std::string_view word) const {
  return word.size() >= 2 && word.size() <= 12 && (words_.Find(word) & (kTrigger | kHolidayWord | kNameWord)) != 0;
}

bool TriggerScanner::IsName(std::string_view word) const {
  return word.size() >= 2 && word.size() <= 12 && (words_.Find(word) & (kTrigger | kHolidayWord | kNameWord)) == kNameWord;
}

bool TriggerScanner::IsOpener(std::string_view word) const {
  return word.size() <= 14 && openers_.Contains(word);
}

bool TriggerScanner::GluedOpener(std::string_view letters) { return letters == "Q" || letters == "FY"; }

bool TriggerScanner::OpensBefore(std::string_view word, std::string_view next, std::string_view after) const {
  return OpensBefore(openers_.Find(word), next, after);
}

bool TriggerScanner::OpensBefore(uint8_t opener, std::string_view next, std::string_view after) const {
  const uint8_t needs = opener & kRestrictions;
  if (needs == 0) return true;
  if ((needs & kBeforeAfterTheWord) && !next.empty() && IsDigit(next[0])) {
    // "the 1990s", "the '90s", "the 1990's": a decade's "0s".
    return next.back() == '0' &&
           (after.starts_with("s") || after.starts_with("'s") || after.starts_with("\u2019s"));
  }
  const uint8_t next_bits = next_words_.Find(next);
  if ((needs & next_bits & ~kBeforeThe) != 0) return true;
  if ((needs & next_bits & kBeforeThe) == 0) return false;
  // "in the past", "in the near future": the word after "the".
  const size_t b = BlankBytesEnd(after, 0);
  size_t e = b;
  while (e < after.size() && IsLetter(after[e])) ++e;
  return (next_words_.Find(after.substr(b, e - b)) & kAfterInThe) != 0;
}

bool TriggerScanner::DigitsOpen(std::string_view digits, std::string_view after) const {
  if (digits.size() >= 4 || after.empty()) return digits.size() >= 4;
  switch (after[0]) {
    case ',':  // "1,000 years"
    case '.':  // "2.5 years", "9.30", "17.04.2018"
    case ':':  // "9:45"
    case '/':  // "4/17/2018"
      return after.size() > 1 && IsDigit(after[1]);
    case '-':   // "4-17-2018", "30-year-old"
    case '\'':  // "'90's" (the apostrophe before the digits opens it)
      return true;
    case ' ':
    case '\t':
    case '\n':
    case '\xC2': {  // a no-break space
      // After a blank ({_}), the rules read a month, "of", a unit, "and a half", a clock's
      // "a.m." or "p.m.", or a zone.
      const size_t i = BlankBytesEnd(after, 0);
      size_t e = i;
      while (e < after.size() && IsLetter(after[e])) ++e;
      if (e == i) return false;
      const char first = after[i];
      if (first == 'a' || first == 'A' || first == 'p' || first == 'P') return true;
      return after_digits_.Contains(after.substr(i, e - i));
    }
    default:
      // Letters glued to the digits: an ordinal "17th", a clock's "5pm", a decade's "s"; and
      // other scripts' bytes ("’").
      return std::string_view("aApPsStTnNrR").find(after[0]) != std::string_view::npos ||
             static_cast<unsigned char>(after[0]) >= 0x80;
  }
}

bool TriggerScanner::OpensAlone(std::string_view word, std::string_view after) const {
  return OpensAlone(words_.Find(word), word, after);
}

bool TriggerScanner::OpensAlone(uint8_t trigger, std::string_view word, std::string_view after) const {
  if ((trigger & kUnitWord) != 0)  // "years-long", "year's end", "year’s end"
    return !after.empty() && (after[0] == '-' || after[0] == '\'' || after.starts_with("\u2019"));
  if ((trigger & kTrigger) != 0) return true;
  if ((trigger & kNameWord) != 0) return word[0] >= 'A' && word[0] <= 'Z';  // "May", "MAY"; not "may"
  return HolidayAt(word, after);
}

bool TriggerScanner::HolidayAt(std::string_view word, std::string_view after) const {
  // The holiday rule spells each phrase in Title case, its spaces (?:\s|>)+: the first word and
  // the start of the second must be there ("New Year's", not "New Zealand").
  auto is_space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '>'; };
  for (const std::string& holiday : holidays_) {
    const std::string_view phrase = holiday;
    if (!phrase.starts_with(word)) continue;
    const size_t space = phrase.find(' ', word.size());
    // The rest of the first word ("." of "St.", "'s" of "Valentine's"), right after the letters.
    const std::string_view tail = phrase.substr(word.size(), space - word.size());
    if (!after.starts_with(tail)) continue;
    if (space == std::string_view::npos) return true;
    size_t i = tail.size();
    while (i < after.size() && is_space(after[i])) ++i;
    if (i == tail.size()) continue;
    const std::string_view second = phrase.substr(space + 1, phrase.find(' ', space + 1) - (space + 1));
    if (after.substr(i).starts_with(second)) return true;
  }
  return false;
}

void TriggerScanner::Starts(std::string_view t, std::vector<uint32_t>& out) const {
  const char* const text = t.data();
  // The last words seen, to step back from a trigger over openers: a ring of at least
  // kWordsBefore slots, a power of two so that a mask indexes it.
  constexpr int kRing = 8;
  static_assert(kWordsBefore <= kRing);
  std::pair<uint32_t, uint32_t> recent[kRing] = {};
  int count = 0;
  uint32_t emitted = 0;  // starts before this offset are already in `out`
  // A trigger word at [at, end), after `count` words; `opens` whether a date may start at it;
  // `alone` whether no date may start before it either where none starts at it. (The count is
  // passed, not captured, so that the scan keeps it in a register.)
  auto trigger = [&](int count, uint32_t at, uint32_t end, bool opens, bool alone) {
    // No rule reads through a number at which none may start (DigitsOpen), nor through a name
    // that is no name (OpensAlone: "may"): the words before them open nothing either.
    if (alone && !opens) return;
    int k = 0;  // how many words right before the trigger open a date
    uint8_t opener[kWordsBefore];  // their values in openers_, the nearest first
    uint32_t searched = at;  // [searched, at) holds no blank line (and begins a word)
    while (k < std::min(count, kWordsBefore)) {
      const auto [b, e] = recent[(count - 1 - k) & (kRing - 1)];
      if (b + kBytesBefore < at || e - b > 14) break;
      opener[k] = openers_.Find(std::string_view(text + b, e - b));
      if (opener[k] == 0) break;
      // A blank line between the word and the trigger: since `searched` begins a word, only
      // [b, searched) may hold one.
      if (std::string_view(text + b, searched - b).find("\n\n") != std::string_view::npos) break;
      searched = b;
      ++k;
    }
    for (; k >= 1; --k) {
      const uint32_t s = recent[(count - k) & (kRing - 1)].first;
      if (s < emitted) continue;
      // The word after this one (the next recent word, or the trigger) and the text after it.
      const auto [nb, ne] = k > 1 ? recent[(count - k + 1) & (kRing - 1)] : std::pair{at, end};
      if (!OpensBefore(opener[k - 1], std::string_view(text + nb, ne - nb), t.substr(ne))) continue;
      out.push_back(s);
      emitted = s + 1;
    }
    if (opens && at >= emitted) {
      // "'90s": a date may open with the apostrophe before the digits.
      if (at > 0 && text[at - 1] == '\'' && at - 1 >= emitted) out.push_back(at - 1);
      out.push_back(at);
      emitted = at + 1;
    }
  };
  // Each run of letters or digits, read off the masks of 64 bytes at a time (pipeline/ascii_masks.h).
  const size_t n = t.size();
  uint64_t letter_carry = 0, digit_carry = 0;  // the last byte of the block before is one
  for (size_t base = 0; base < n; base += 64) {
    ascii::BlockMasks m;
    if (n - base >= 64) {
      m = ascii::ClassifyBlock</*kLower=*/false>(text + base);
    } else {  // the bytes past the end count as neither
      char padded[64] = {};
      std::memcpy(padded, text + base, n - base);
      m = ascii::ClassifyBlock</*kLower=*/false>(padded);
    }
    uint64_t starts = (m.letters & ~((m.letters << 1) | letter_carry)) |
                      (m.digits & ~((m.digits << 1) | digit_carry));
    letter_carry = m.letters >> 63;
    digit_carry = m.digits >> 63;
    for (; starts != 0; starts &= starts - 1) {
      const int at = std::countr_zero(starts);
      const uint32_t b = static_cast<uint32_t>(base + static_cast<size_t>(at));
      const bool digits = ((m.digits >> at) & 1) != 0;
      const uint64_t others = ~(digits ? m.digits : m.letters) >> at;
      uint32_t e = b + static_cast<uint32_t>(std::countr_zero(others));  // 64 when others is 0
      if (others == 0) {  // the run goes on past the block: rare enough for a byte loop
        e = static_cast<uint32_t>(base + 64);
        while (e < n && (digits ? IsDigit(text[e]) : IsLetter(text[e]))) ++e;
      }
      if (digits) {
        // Letters glued to digits may open the date: "Q3", "FY2019" (only these, in UPPER case).
        if (count > 0 && recent[(count - 1) & (kRing - 1)].second == b &&
            GluedOpener(std::string_view(text + recent[(count - 1) & (kRing - 1)].first, b - recent[(count - 1) & (kRing - 1)].first)))
          trigger(count, recent[(count - 1) & (kRing - 1)].first, b, true, false);
        trigger(count, b, e, DigitsOpen(std::string_view(text + b, e - b), t.substr(e)), true);
      } else if (e - b >= 2 && e - b <= 12) {
        if (const uint8_t value = words_.FindLetters(text + b, e - b); value & (kTrigger | kHolidayWord | kNameWord))
          trigger(count, b, e, OpensAlone(value, std::string_view(text + b, e - b), t.substr(e)),
                  (value & (kTrigger | kHolidayWord)) == 0);
      }
      recent[count & (kRing - 1)] = {b, e};
      ++count;
    }
  }
}

}  // namespace accord::dates
