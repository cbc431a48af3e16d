// The first phase of the date stage: a fast pass over the normalized text that finds the places
// where a date may be. Every date expression holds a digit or a trigger word (a month or weekday
// name, a calendar unit, "today", "now", "recently", a season, ...); the rules (date_rules.h)
// then run only on windows around these places, which most of a text is not.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "extractors/dates/date_lexicon.h"
#include "extractors/dates/word_set.h"

namespace accord::dates {

class TriggerScanner {
 public:
  explicit TriggerScanner(const Lexicon& lexicon);

  // Appends to `out` (sorted, unique) the offsets where a date may start: every trigger, and the
  // starts of the opening words right before it, since a date may open with words that are no
  // triggers ("almost two and a half years", "the end of next year", "at the moment"). Left out
  // are the places where the rules cannot start, as their first words tell (OpensBefore,
  // OpensAlone): this saves the rules a try at every unit word and before most years.
  void Starts(std::string_view text, std::vector<uint32_t>& out) const;

  // Whether a date may start at opening word `word` followed by the word `next` and the text
  // `after` it. "in", "for", "of", "within" and "after" open only "for-units" ("for years"),
  // "in-the-past" and "in-the-future" ("in the past", "in the near future"); "the" only before
  // a decade or a word some rule reads next ("the 1990s", "the end of", "the past year");
  // "last", "next" and "this" only before a unit, season, weekday or part of the day
  // ("last week", "next spring"); the inner words of phrases ("and", "than", "following") never;
  // every other opener may open a date before any word.
  bool OpensBefore(std::string_view word, std::string_view next, std::string_view after = {}) const;
  // Whether letters glued to digits may open a date there: "Q" ("Q3"), "FY" ("FY2019").
  static bool GluedOpener(std::string_view letters);

  // Whether a date may start at trigger `word` when `after` is the text right after it. A unit
  // word ("years", "week") opens only "unit-long" ("years-long") and "unit-end" ("year's end"),
  // so it needs a hyphen or an apostrophe after it; a month's or weekday's name only after a
  // capital ("May", not "may"); the first word of a holiday that is no other trigger ("New",
  // "St") only the holiday, whose words must follow it ("New Year's", not "New Zealand"); every
  // other trigger may open a date.
  bool OpensAlone(std::string_view word, std::string_view after) const;

  // Whether a date may start at a run of `digits` when `after` is the text right after it. A
  // number of four digits or more may open any date; one of one to three digits only before
  // what a rule may read next: a separator and a digit ("4/17", "2.5", "9:45", "1,000"), a
  // hyphen, an ordinal suffix or a clock's "pm", or a blank and a month, "of", a unit, "and a
  // half", "a.m." or a zone ("17 April", "5 years"); not "20 million" nor "12, 2023".
  bool DigitsOpen(std::string_view digits, std::string_view after) const;

  bool IsTrigger(std::string_view word) const;  // case-insensitive
  // A trigger that is a month's or weekday's name only: where it opens nothing (OpensAlone),
  // no date opens before it either.
  bool IsName(std::string_view word) const;
  bool IsOpener(std::string_view word) const;   // a word a date may open with ("the", "two")

  // How far back from a trigger a date may start: words and bytes.
  static constexpr int kWordsBefore = 6;
  static constexpr uint32_t kBytesBefore = 64;

 private:
  // opener: its openers_ value; trigger: its words_ value.
  bool OpensBefore(uint8_t opener, std::string_view next, std::string_view after) const;
  bool OpensAlone(uint8_t trigger, std::string_view word, std::string_view after) const;
  // Whether the words of a holiday open at `word` (its letters) and `after`, the text after them.
  bool HolidayAt(std::string_view word, std::string_view after) const;

  WordSet words_;       // triggers, and unit words (date_triggers.cc)
  WordSet openers_;     // openers, and the words some of them must come before
  WordSet next_words_;  // the words that restricted openers must come before
  WordSet after_digits_;  // the words a rule may read after a short number and a blank
  std::vector<std::string> holidays_;  // the holidays, in Title case as the rule spells them
};

}  // namespace accord::dates
