// The date stage: its example corpus (extractors/dates/corpus/*.tsv) run as table-driven tests,
// calendar arithmetic, tense, offsets through line breaks, and score gates on the shared gold.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include <gtest/gtest.h>

#include "extractors/dates/date_filters.h"
#include "extractors/dates/date_lexicon.h"
#include "extractors/dates/date_resolve.h"
#include "extractors/dates/date_rules.h"
#include "extractors/dates/date_stage.h"
#include "extractors/dates/date_triggers.h"
#include "extractors/dates/word_set.h"
#include "pipeline/ascii.h"
#include "pipeline/normalize/normalize_stage.h"
#include "pipeline/tables.h"
#include "pipeline/utf8.h"
#include "tests/testing.h"

namespace accord {
namespace {

using dates::CivilDate;
using dates::Tense;

// Matches by (rule name, end).
using RuleEnds = std::set<std::pair<std::string, uint32_t>>;

// The matches that begin at `start` as the plain search (FindAll) finds them: the reference.
RuleEnds SearchedAt(const dates::RuleSet& rules, const std::string& text, size_t start) {
  std::vector<dates::Candidate> searched;
  rules.FindAll(text, start, text.size(), searched);
  RuleEnds ends;
  for (const dates::Candidate& c : searched)
    if (c.begin == start) ends.insert({std::string(rules.spec(c.rule).name), c.end});
  return ends;
}

// The matches FindAt, the stage's way with its fast paths, gives at `start`.
RuleEnds FoundAt(const dates::RuleSet& rules, const std::string& text, size_t start) {
  std::vector<dates::Candidate> found;
  const uint32_t starts[] = {static_cast<uint32_t>(start)};
  rules.FindAt(text, starts, 160, found);
  RuleEnds ends;
  for (const dates::Candidate& c : found) ends.insert({std::string(rules.spec(c.rule).name), c.end});
  return ends;
}

class DateStageTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto norm = MakeNormalizeStage(StageOptions{});
    ASSERT_TRUE(norm.ok()) << norm.status().message();
    normalize_ = norm->release();
    auto date = MakeDateStage(StageOptions{});
    ASSERT_TRUE(date.ok()) << date.status().message();
    dates_ = date->release();
  }
  static void TearDownTestSuite() {
    delete normalize_;
    delete dates_;
  }

  // A document whose whole text is one article body, run through normalize and dates.
  static Document Run(std::string text, std::optional<std::string> doc_date) {
    Document doc;
    doc.text = std::move(text);
    doc.doc_date = std::move(doc_date);
    Zone z;
    z.kind = ZoneKind::kBody;
    z.span = {0, static_cast<uint32_t>(doc.text.size())};
    doc.zones.push_back(z);
    doc.articles.push_back({});
    EXPECT_TRUE(normalize_->Run(doc).ok());
    EXPECT_TRUE(dates_->Run(doc).ok());
    return doc;
  }

  static const Entity* FindSpan(const Document& doc, std::string_view span) {
    for (const Entity& e : doc.entities)
      if (doc.TextOf(e) == span) return &e;
    return nullptr;
  }

  static Table Corpus(const std::string& name) {
    const std::string path = testing::SourceDir() + "/extractors/dates/corpus/" + name;
    static std::map<std::string, std::string> contents;  // the table's views point into it
    auto& content = contents[path];
    content = testing::ReadFile(path);
    auto table = ParseTable(name, content);
    EXPECT_TRUE(table.ok()) << table.status().message();
    return table.ok() ? *table : Table{};
  }

  static Stage* normalize_;
  static Stage* dates_;
};
Stage* DateStageTest::normalize_ = nullptr;
Stage* DateStageTest::dates_ = nullptr;

TEST_F(DateStageTest, PositiveCorpusYieldsEachExampleWithItsValue) {
  Table t = Corpus("positive.tsv");
  const int ref = t.Column("ref"), value = t.Column("value"), kind = t.Column("kind"),
            rule = t.Column("rule"), span = t.Column("span"), text = t.Column("text");
  ASSERT_GE(text, 0);
  ASSERT_GT(t.rows.size(), 100u);
  for (const TableRow& row : t.rows) {
    SCOPED_TRACE("positive.tsv:" + std::to_string(row.line) + ": " + std::string(row.fields[text]));
    Document doc = Run(std::string(row.fields[text]), std::string(row.fields[ref]));
    const Entity* e = FindSpan(doc, row.fields[span]);
    if (e == nullptr) {
      ADD_FAILURE() << "no date spanning '" << row.fields[span] << "'";
      continue;
    }
    EXPECT_EQ(e->value, row.fields[value]);
    EXPECT_EQ(e->kind, row.fields[kind]);
    EXPECT_EQ(e->rule, row.fields[rule]);
  }
}

TEST_F(DateStageTest, EveryRuleHasAnExampleInTheCorpus) {
  Table t = Corpus("positive.tsv");
  std::set<std::string> covered;
  for (const TableRow& row : t.rows) covered.insert(std::string(row.fields[t.Column("rule")]));
  for (const dates::RuleSpec& spec : dates::RuleSpecs())
    EXPECT_TRUE(covered.count(std::string(spec.name))) << "rule without an example: " << spec.name;
}

TEST_F(DateStageTest, NegativeCorpusYieldsNothing) {
  Table t = Corpus("negative.tsv");
  ASSERT_GT(t.rows.size(), 20u);
  for (const TableRow& row : t.rows) {
    Document doc = Run(std::string(row.fields[0]), "2018-04-17");
    for (const Entity& e : doc.entities)
      ADD_FAILURE() << "negative.tsv:" << row.line << ": found '" << doc.TextOf(e) << "' ("
                    << e.rule << ", " << e.value << ") in: " << row.fields[0];
  }
}

TEST_F(DateStageTest, DateWrappedAcrossALineKeepsTheNewlineInRaw) {
  Document doc = Run("They met in the span of a few\nweeks, and again on April\n17, 2018.", "2018-04-17");
  const Entity* few = FindSpan(doc, "a few\nweeks");
  ASSERT_NE(few, nullptr);
  EXPECT_EQ(few->value, "PXW");
  const Entity* day = FindSpan(doc, "April\n17, 2018");
  ASSERT_NE(day, nullptr);
  EXPECT_EQ(day->value, "2018-04-17");
}

TEST_F(DateStageTest, WithoutAReferenceDateRelativeDatesKeepSpanAndEmptyValue) {
  Document doc = Run("Last week the firm, founded on April 17, 2018, said Monday it would sell.", std::nullopt);
  const Entity* week = FindSpan(doc, "Last week");
  ASSERT_NE(week, nullptr);
  EXPECT_EQ(week->value, "");
  const Entity* monday = FindSpan(doc, "Monday");
  ASSERT_NE(monday, nullptr);
  EXPECT_EQ(monday->value, "");
  const Entity* absolute = FindSpan(doc, "April 17, 2018");
  ASSERT_NE(absolute, nullptr);
  EXPECT_EQ(absolute->value, "2018-04-17");
}

TEST_F(DateStageTest, EachArticleResolvesAgainstItsOwnDate) {
  Document doc;
  doc.text = "The firm said yesterday it would merge.\n\nThe firm said yesterday it would merge.";
  doc.doc_date = "2018-04-17";
  const uint32_t half = static_cast<uint32_t>(doc.text.find("\n\n"));
  Zone a{ZoneKind::kBody, {0, half}, 0, false};
  Zone b{ZoneKind::kBody, {half + 2, static_cast<uint32_t>(doc.text.size())}, 1, false};
  doc.zones = {a, b};
  doc.articles = {Article{"2018-04-17"}, Article{"1996-08-02"}};
  ASSERT_TRUE(normalize_->Run(doc).ok());
  ASSERT_TRUE(dates_->Run(doc).ok());
  std::set<std::string> values;
  for (const Entity& e : doc.entities) values.insert(e.value);
  EXPECT_EQ(values, (std::set<std::string>{"2018-04-16", "1996-08-01"}));
}

struct IsoWeekCase {
  CivilDate date;
  int weekday;
  std::string week;
};

TEST(DateCalendarTest, IsoWeeksAndWeekdays) {
  const IsoWeekCase cases[] = {
      {{2018, 4, 17}, 2, "2018-W16"},  {{2018, 4, 15}, 7, "2018-W15"},
      {{2021, 1, 1}, 5, "2020-W53"},   {{2008, 12, 29}, 1, "2009-W01"},
      {{2010, 1, 3}, 7, "2009-W53"},   {{2006, 3, 28}, 2, "2006-W13"},
      {{2000, 2, 29}, 2, "2000-W09"},  {{1970, 1, 1}, 4, "1970-W01"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(dates::FormatDate(c.date));
    EXPECT_EQ(dates::IsoWeekday(c.date), c.weekday);
    EXPECT_EQ(dates::FormatWeek(c.date), c.week);
    EXPECT_EQ(dates::FromDays(dates::ToDays(c.date)), c.date);
  }
  // FormatDate is printf's %04d-%02d-%02d, fields of any width and sign included.
  for (int y : {-12, 0, 7, 999, 1500, 2018, 9999, 10000, 123456})
    for (int m : {0, 1, 9, 12, 99, 100, -1})
      for (int d : {0, 1, 17, 31, 99, 100, -5}) {
        char buf[64];
        std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
        EXPECT_EQ(dates::FormatDate({y, m, d}), buf);
      }
  EXPECT_FALSE(dates::ParseIsoDate("2018-02-30"));
  EXPECT_TRUE(dates::ParseIsoDate("2016-02-29"));
}

// ReadNumber reads short runs of digits itself: its value and length must be strtod's on those
// and on every other number text.
TEST(DateCalendarTest, ReadNumberIsStrtod) {
  std::vector<std::string> texts = {"", "0", "7", "007", "12", "300", "2018", "999999999999999",
                                    "1000000000000000", "12345678901234567890", "2.5", "0.5", ".5", "1e3",
                                    "12abc", "abc", " 12", "+5", "-5", "0x10", "1,000", "3 ", "inf", "nan"};
  for (int n = 0; n < 2000; ++n) texts.push_back(std::to_string(n * 7919 % 100003));
  for (const std::string& text : texts) {
    size_t read = 0;
    const double v = dates::ReadNumber(text, &read);
    char* end = nullptr;
    const double expected = std::strtod(text.c_str(), &end);
    SCOPED_TRACE("'" + text + "'");
    EXPECT_EQ(read, static_cast<size_t>(end - text.c_str()));
    if (std::isnan(expected)) {
      EXPECT_TRUE(std::isnan(v));
    } else {
      EXPECT_EQ(v, expected);
    }
  }
}

// FoldKey (and FoldKeyInto, which the values fold their words with on the stack) lower-case A-Z
// and fold each run of blanks and quote marks into one space, dropping those at the ends: the
// plain meaning, byte by byte, on strings mixed from letters, blanks and other bytes.
TEST(DateLexiconTest, FoldKeyIsItsPlainMeaning) {
  auto plain = [](std::string_view s) {
    std::string out;
    bool pending = false;
    for (char c : s) {
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '>') {
        pending = !out.empty();
        continue;
      }
      if (pending) out += ' ';
      pending = false;
      out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    }
    return out;
  };
  const std::string pieces[] = {"Years", "CENTURIES", "a", "Z", "@", "[", "`", "{", " ", "  ", "\t", "\n",
                                "\r", ">", "\f", "\v", "\xC5\xBF", "\xC2\xA0", "-", "'", "0"};
  uint32_t seed = 5;
  for (int n = 0; n < 5000; ++n) {
    std::string text;
    for (int w = 0; w < n % 7; ++w) {
      seed = seed * 1103515245 + 12345;
      text += pieces[(seed >> 16) % std::size(pieces)];
    }
    std::string out(text.size(), '\0');
    ASSERT_EQ(dates::FoldKey(text), plain(text)) << "'" << text << "'";
    ASSERT_EQ(dates::FoldKeyInto(text, out.data()), plain(text)) << "'" << text << "'";
  }
}

TEST(DateRulesTest, FindAllAndFindAtAgreeOnAMatchAtAStart) {
  auto lexicon = dates::Lexicon::Load();
  ASSERT_TRUE(lexicon.ok());
  auto rules = dates::RuleSet::Create(*lexicon);
  ASSERT_TRUE(rules.ok()) << rules.status().message();
  const std::string text = "It shipped on April 17, 2018 to users.";
  const uint32_t start = static_cast<uint32_t>(text.find("April"));
  auto spans = [&](const std::vector<dates::Candidate>& found) {
    std::set<std::string> out;
    for (const dates::Candidate& c : found)
      if (c.begin == start)
        out.insert(std::string((*rules)->spec(c.rule).name) + " " + text.substr(c.begin, c.end - c.begin));
    return out;
  };
  std::vector<dates::Candidate> all, at;
  (*rules)->FindAll(text, 0, text.size(), all);  // the slow path, with its own unanchored set
  const uint32_t starts[] = {start};
  (*rules)->FindAt(text, starts, 160, at);
  EXPECT_TRUE(spans(at).count("month-day-year April 17, 2018"));
  EXPECT_TRUE(spans(all).count("month-day-year April 17, 2018"));
  const dates::Match m = (*rules)->Capture(text, *std::find_if(at.begin(), at.end(), [&](const dates::Candidate& c) {
    return (*rules)->spec(c.rule).name == "month-day-year";
  }));
  EXPECT_EQ(m.slots[dates::kSlotMonth], "April");
  EXPECT_EQ(m.slots[dates::kSlotDay], "17");
  EXPECT_EQ(m.slots[dates::kSlotYear], "2018");
  EXPECT_FALSE(m.has(dates::kSlotWday));
}

// Where FindAt takes a lone year without a set pass, "year" is the one rule that matches at the
// start, and it is four bytes long.
TEST(DateRulesTest, LoneYearIsTheOneMatchAtItsStart) {
  auto lexicon = dates::Lexicon::Load();
  ASSERT_TRUE(lexicon.ok());
  auto rules = dates::RuleSet::Create(*lexicon);
  ASSERT_TRUE(rules.ok()) << rules.status().message();
  const std::string years[] = {"1500", "1499", "2099", "2100", "1999", "2018", "0000", "1830", "2359", "1990"};
  const std::string befores[] = {"", " ", "(", "x", "_", "-", "In ", "\n", "Q", "'", "\xE2\x80\x99", "$"};
  std::vector<std::string> afters = {"", ".", ",", ";", ")", " ", "\n", "\t", " > ", "\n> ", "\xC2\xA0",
                                     "-19", "/19", "\xE2\x80\x93" "19", "'s", "s", "\xE2\x80\x99s", ":30",
                                     ".5", "0", "_", " 17", " 1830", " the", " \n> ", "\n\n", ">", "<",
                                     " e\xC5\xBFt", " \xE2\x84\xAA", "\r", "%", " - ", " (est)", " a.m.",
                                     " pm", " AM", " p.m. EST", " and", " or later", ". The", "\n\nAPRIL 5", "\n\nEST",
                                     " \n>\nMay 5", "\n \n est", "\xE2\x80\x94" "19", " \xE2\x80\x94 A",
                                     "\xE2\x80\x98s", "\xC5\xBF", "\xC2" "A"};
  for (const auto& c : {dates::WordClass::kZone, dates::WordClass::kMonth, dates::WordClass::kMonthAbbr})
    for (const auto& [word, value] : lexicon->Words(c)) {
      std::string title = word, upper = word;
      title[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(title[0])));
      for (char& ch : upper) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
      for (const std::string& w : {word, title, upper}) {
        afters.push_back(" " + w);
        afters.push_back("\n> " + w + " 5");
        afters.push_back(" " + w + "s");
        afters.push_back("\xC2\xA0" + w + ".");
      }
    }
  int lone = 0, checked = 0;
  for (const std::string& year : years)
    for (const std::string& before : befores)
      for (const std::string& after : afters)
        for (const char* tail : {"", " 5", " and more."}) {
          const std::string text = before + year + after + tail;
          const size_t start = before.size();
          const RuleEnds at_start = SearchedAt(**rules, text, start);
          const RuleEnds fast = FoundAt(**rules, text, start);
          // (After a word byte, the anchored set, which sees no byte before the start, and the
          // search part ways on \b; the stage's context check then drops the match.)
          const bool after_word = !before.empty() && (std::isalnum(static_cast<unsigned char>(before.back())) || before.back() == '_');
          if (!after_word) {
            EXPECT_EQ(fast, at_start) << "'" << text << "'";
          }
          ++checked;
          if ((*rules)->LoneYearAt(text, start)) {
            ++lone;
            const std::set<std::pair<std::string, uint32_t>> year_only = {{"year", static_cast<uint32_t>(start + 4)}};
            EXPECT_EQ(at_start, year_only) << "'" << text << "'";
          }
        }
  EXPECT_GT(lone, 1000);
  EXPECT_GT(checked - lone, 1000);

  // A weekday's name standing alone: "weekday" is the one rule that matches, and FindAt gives it
  // the search's end.
  std::vector<std::string> names = {"Monday", "MONDAY", "Sunday", "Tuesday", "monday", "Mon", "Mondays", "MonDay"};
  std::vector<std::string> tails = {"", ".", ",", ", ", " ", " morning", " Morning", " MORNING", "\n\nmorning",
                                    ", May 5", ", May 5, 2018", " May 5", ",17 April 2018", ", 17 April",
                                    " 17 April 2018", " \n> May 5, 2018 at 9:45", "\xC2\xA0" "May 5", " the 5th",
                                    " at 9 a.m.", "5", "_", "x", "\xC5\xBF", " \xC2", ", \xE2\x80\x99", " night.",
                                    ",\n> april 5", " (May 5)", " - May 5", ">May 5", "\tevening"};
  int lone_days = 0;
  for (const std::string& name : names)
    for (const std::string& before : befores)
      for (const std::string& tail : tails)
        for (const char* more : {"", " 2018", " and more."}) {
          const std::string text = before + name + tail + more;
          const size_t start = before.size();
          if (!(*rules)->LoneWeekdayAt(text, start)) continue;
          ++lone_days;
          const RuleEnds at_start = SearchedAt(**rules, text, start);
          const RuleEnds fast = FoundAt(**rules, text, start);
          EXPECT_EQ(fast, at_start) << "'" << text << "'";
          ASSERT_EQ(at_start.size(), 1u) << "'" << text << "'";
          EXPECT_EQ(at_start.begin()->first, "weekday") << "'" << text << "'";
        }
  EXPECT_GT(lone_days, 300);

  // A month's full name standing alone: "month" is the one rule that matches.
  names = {"May", "MAY", "April", "September", "SEPTEMBER", "may", "Sept", "Mayday", "MaY", "March"};
  tails.insert(tails.end(), {"-June 2018", "\xE2\x80\x93June 2018", " to June 2018", " TO June 2018",
                             " through June 2018", " and June 2018", " And June 2018", " 2018", ", 2018",
                             ",2018", " 5th", " 17, 2018", " 1999", " the 5th", " of 2018", " tomorrow",
                             " Day", " Madness", "\n> 2018", " t", " a", "_1", ". 2018"});
  int lone_months = 0;
  for (const std::string& name : names)
    for (const std::string& before : befores)
      for (const std::string& tail : tails)
        for (const char* more : {"", " 2018", " and more."}) {
          const std::string text = before + name + tail + more;
          const size_t start = before.size();
          if (!(*rules)->LoneMonthAt(text, start)) continue;
          ++lone_months;
          const RuleEnds at_start = SearchedAt(**rules, text, start);
          const RuleEnds fast = FoundAt(**rules, text, start);
          // After a word byte the search sees the \b before "month" fail; the set does not.
          const bool after_word = !before.empty() && (std::isalnum(static_cast<unsigned char>(before.back())) || before.back() == '_');
          if (after_word) continue;
          EXPECT_EQ(fast, at_start) << "'" << text << "'";
          ASSERT_EQ(at_start.size(), 1u) << "'" << text << "'";
          EXPECT_EQ(at_start.begin()->first, "month") << "'" << text << "'";
        }
  EXPECT_GT(lone_months, 300);
}

// A month's name and a day that no year or clock time reads on past: FindAt takes "month-day",
// "month-day-year" and "month" without a set pass, and they must be every rule that matches there,
// ending where the search ends them.
TEST(DateRulesTest, MonthAndDayAreTheMatchesAtTheirStart) {
  auto lexicon = dates::Lexicon::Load();
  ASSERT_TRUE(lexicon.ok());
  auto rules = dates::RuleSet::Create(*lexicon);
  ASSERT_TRUE(rules.ok()) << rules.status().message();
  const std::string befores[] = {"", " ", "(", "x", "_", "-", "On ", "\n", "'", "\xE2\x80\x99", "$"};
  const std::string names[] = {"May", "MAY", "may", "MaY", "September", "SEPTEMBER", "Sept", "Sept.", "Nov",
                               "Nov.", "NOV", "Jun", "June", "March", "Mar.", "Mayday", "Dec"};
  const std::string days[] = {" 5", " 5th", " 5TH", " 05", " 00", " 0", " 31", " 32", " 22nd", " 3rd", " 1st",
                              " 2021", "\n> 5", "\xC2\xA0" "5", "  5", " \n\n5", ",5", " 5x", " 5_", " 12"};
  const std::string tails[] = {"", ".", ",", ", 2021", " 2021", ",2021", ", 1499", ", 2100", ", 2021, 10:30",
                               " at 10:30", ", 10:30", " 10:30", ":30", ".30 a.m.", "\n> 2021", "\r\n2021",
                               ", \xC2\xA0" "2021", " \xE2\x80\x89" "2021", " of 2021", "-6", "/6", "\n\n2021",
                               " EST", ", 2021 at 9:45 a.m.", ", 2021, 9:45 EST", ", 2021.", ",, 2021", " \x01",
                               " \xC5\xBF", "\t2021", " 2021x", ", 20215", " and June 6", " - June"};
  int taken = 0, checked = 0;
  for (const std::string& before : befores)
    for (const std::string& name : names)
      for (const std::string& day : days)
        for (const std::string& tail : tails)
          for (const char* more : {"", " 2018", " and more.", " 9:45"}) {
            const std::string text = before + name + day + tail + more;
            const size_t start = before.size();
            ++checked;
            size_t year_end = 0;
            if ((*rules)->MonthDayAt(std::string_view(text).substr(start), &year_end) == 0) continue;
            ++taken;
            // After a word byte the search sees the \b before "month" fail; the set does not.
            const bool after_word =
                !before.empty() && (std::isalnum(static_cast<unsigned char>(before.back())) || before.back() == '_');
            if (after_word) continue;
            const RuleEnds at_start = SearchedAt(**rules, text, start);
            const RuleEnds fast = FoundAt(**rules, text, start);
            EXPECT_EQ(fast, at_start) << "'" << text << "'";
          }
  EXPECT_GT(taken, 2000);
  EXPECT_GT(checked - taken, 2000);
}

// "units" opening with a count of one word ends where RuleSet::CountUnitsLength says, without an
// RE2 search: FindAt's ends at the start must be the search's on many phrasings.
TEST(DateRulesTest, CountAndUnitEndWhereTheSearchEndsThem) {
  auto lexicon = dates::Lexicon::Load();
  ASSERT_TRUE(lexicon.ok());
  auto rules = dates::RuleSet::Create(*lexicon);
  ASSERT_TRUE(rules.ok()) << rules.status().message();
  const std::string befores[] = {"", " ", "(", "about ", "x", "_", "-", "\n", "\xE2\x80\x99"};
  const std::string counts[] = {"three", "Three", "THREE", "a", "an", "A", "several", "few", "coming", "twenty",
                                "twenty-five", "half", "dozen", "\xC5\xBF" "even", "se\xC5\xBF", "3", "threes",
                                "two and a half", "a couple of", "recent", "many", "k"};
  const std::string blanks[] = {" ", "  ", "\n", "\n> ", " \n\n", "\xC2\xA0", "\t", "-", "\r"};
  const std::string units[] = {"years", "year", "YEARS", "Weeks", "centuries", "centurys", "century", "mins",
                               "minute", "fortnights", "hours", "days", "yearly", "yea", "day\xC5\xBF",
                               "\xE2\x84\xAA" "ay", "periods"};
  const std::string tails[] = {"", ".", ",", " period", " Period", "\nperiod", " \n\nperiod", " p", " ago",
                               "-long", "_", "x", " \xC5\xBF", "\xC2\xA0period", " later", "'s"};
  int known = 0;
  for (const std::string& before : befores)
    for (const std::string& count : counts)
      for (const std::string& blank : blanks)
        for (const std::string& unit : units)
          for (const std::string& tail : tails) {
            const std::string text = before + count + blank + unit + tail;
            const size_t start = before.size();
            const RuleEnds at_start = SearchedAt(**rules, text, start);
            const RuleEnds fast = FoundAt(**rules, text, start);
            // After a word byte the search sees the opening \b fail; the set does not.
            const bool after_word =
                !before.empty() && (std::isalnum(static_cast<unsigned char>(before.back())) || before.back() == '_');
            if (!after_word) {
              EXPECT_EQ(fast, at_start) << "'" << text << "'";
            }
            known += (*rules)->CountUnitsLength(std::string_view(text).substr(start)) != 0;
          }
  EXPECT_GT(known, 1000);
}

// "season" opening with a season's name ends after it where no year may follow, without an RE2
// search: FindAt's ends at the start must be the search's.
TEST(DateRulesTest, SeasonNameEndsWhereTheSearchEndsIt) {
  auto lexicon = dates::Lexicon::Load();
  ASSERT_TRUE(lexicon.ok());
  auto rules = dates::RuleSet::Create(*lexicon);
  ASSERT_TRUE(rules.ok()) << rules.status().message();
  const std::string befores[] = {"", " ", "(", "last ", "x", "_", "\n", "\xE2\x80\x99"};
  const std::string names[] = {"summer", "Summer", "SUMMER", "fall", "Autumn", "winter", "spring", "summers",
                               "\xC5\xBF" "pring", "falls", "sum"};
  const std::string tails[] = {"", ".", ",", " 2018", ", 2018", " of 2018", " Of 2018", " of", " o", "\n2018",
                               "\n\n2018", " \xC2\xA0" "2018", "\xC2\xA0" "2018", " \xC5\xBF", "-2018", "_",
                               "x", "'s", " 1499", " 20", " season", "\r2018", " \n> of 2018"};
  int checked = 0;
  for (const std::string& before : befores)
    for (const std::string& name : names)
      for (const std::string& tail : tails)
        for (const char* more : {"", " 2018", " and more."}) {
          const std::string text = before + name + tail + more;
          const size_t start = before.size();
          const bool after_word =
              !before.empty() && (std::isalnum(static_cast<unsigned char>(before.back())) || before.back() == '_');
          if (after_word) continue;
          const RuleEnds at_start = SearchedAt(**rules, text, start);
          const RuleEnds fast = FoundAt(**rules, text, start);
          EXPECT_EQ(fast, at_start) << "'" << text << "'";
          ++checked;
        }
  EXPECT_GT(checked, 500);
}

// Where LoneWordsAt takes the first words at a start for the one rule they open ("for years",
// "next week", "three years", "summer"), FindAt's matches there must be the search's: the rule
// is the one match, ending where the search ends it. Next to them, the words that open other
// rules too ("coming weeks", "last quarter", "about three years") and what may read on.
TEST(DateRulesTest, LoneWordsAreTheOneMatchAtTheirStart) {
  auto lexicon = dates::Lexicon::Load();
  ASSERT_TRUE(lexicon.ok());
  auto rules = dates::RuleSet::Create(*lexicon);
  ASSERT_TRUE(rules.ok()) << rules.status().message();
  const std::string befores[] = {"", " ", "(", "x", "\n"};
  const std::string firsts[] = {"for", "In", "OF", "about", "over", "Over five", "over a", "within", "after",
                                "last", "Next", "THIS", "current", "coming", "previous", "past", "three",
                                "a", "An", "several", "recent", "summer", "Fall", "the", "fortnight",
                                "fo\xC5\xBF", "yesterday", "Today", "tonight", "TOMORROW", "todays"};
  const std::string blanks[] = {" ", "  ", "\n> ", "\xC2\xA0", "-", " \n\n"};
  const std::string seconds[] = {"years", "Weeks", "week", "weekend", "weekends", "quarter", "Year", "decade",
                                 "century", "centuries", "fiscal year", "summer", "Monday", "night", "hours",
                                 "the past", "three years", "yea", "\xE2\x84\xAA" "ay", "qtr", "of 2018",
                                 "morning", "Evening", "nights", "after", "afternoon2"};
  const std::string tails[] = {"", ".", " ago", " from now", " hence", " earlier", " Later", " period",
                               "'s end", "\xE2\x80\x99s", "-long", "_", " 2018", " \xC5\xBF", "\n", " agog",
                               " and", "\n> AGO", " from", " later,", " \xE2\x80\x94 x"};
  int taken = 0;
  for (const std::string& before : befores)
    for (const std::string& first : firsts)
      for (const std::string& blank : blanks)
        for (const std::string& second : seconds)
          for (const std::string& tail : tails) {
            const std::string text = before + first + blank + second + tail;
            const size_t start = before.size();
            const bool after_word = !before.empty() && std::isalnum(static_cast<unsigned char>(before.back()));
            if (after_word) continue;
            if ((*rules)->LoneWordsAt(text, start, text.size())) ++taken;
            EXPECT_EQ(FoundAt(**rules, text, start), SearchedAt(**rules, text, start)) << "'" << text << "'";
          }
  EXPECT_GT(taken, 3000);
}

// The rules that read their groups off the words of a match instead of running RE2
// (date_rules.cc: the rules of a count and a unit, "weekday", "month-day-year", ...). On many
// phrasings of each, and at every word of the example corpus, every match of every rule must get
// the very groups (same bytes of the text) that its RE2 captures, and end where the slow path
// (FindAll) finds it ending.
TEST(DateRulesTest, GroupsReadOffWordsAreRe2Groups) {
  auto lexicon = dates::Lexicon::Load();
  ASSERT_TRUE(lexicon.ok());
  auto rules = dates::RuleSet::Create(*lexicon);
  ASSERT_TRUE(rules.ok()) << rules.status().message();
  auto vocabulary = [&](dates::WordClass c, std::vector<std::string> more) {
    for (const auto& [word, value] : lexicon->Words(c)) {
      more.push_back(word);
      std::string title = word, upper = word;
      title[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(title[0])));
      for (char& ch : upper) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
      more.push_back(title);
      more.push_back(upper);
    }
    return more;
  };

  std::vector<std::string> mods = {"", "almost ", "nearly ", "more than ", "less than ",
                                   "at least ", "roughly ", "approximately ", "about ", "just ",
                                   "only ", "some ", "over ", "About ", "MORE THAN ", "more\nthan ",
                                   "at  least ", "the ", "in ", "for "};
  std::vector<std::string> counts = {"3", "12", "1,000", "2.5", "100,000.75", "twenty-five",
                                     "one-hundred", "Twenty-Five", "two and a half",
                                     "3 and a half", "a\ncouple of", "a number\n> of", "A Few",
                                     "SEVERAL", "a half", "half a", "an", "one-a", "a-few"};
  for (dates::WordClass c : {dates::WordClass::kNumber, dates::WordClass::kVagueNumber})
    for (const auto& [word, value] : lexicon->Words(c)) counts.push_back(word);
  std::vector<std::string> units = {"centuries", "Years", "WEEKS", "Decade", "fortnights", "weekend"};
  for (const auto& [word, value] : lexicon->Words(dates::WordClass::kUnit)) {
    units.push_back(word);
    units.push_back(word + "s");
  }
  const std::vector<std::string> tails = {"", " period", " Period", " periods", " ago", " AGO",
                                          " from now", " from\n> now", " hence", " earlier",
                                          " later", " ago period", " period ago", "-long", "'s end"};
  const std::vector<std::string> blanks = {" ", "  ", "\n", " \n> ", "\t", " > ", "\xC2\xA0"};
  const std::vector<std::string> afters = {"", ".", " and more.", "s", "-old", ", then"};

  std::map<std::string, int> compared;  // per rule
  auto check = [&](const std::string& before, const std::string& phrase) {
    const std::string text = before + phrase;
    const uint32_t start[] = {static_cast<uint32_t>(before.size())};
    std::vector<dates::Candidate> found, searched;
    (*rules)->FindAt(text, start, 160, found);
    // FindAt's ends (some of which it does not search for) are those of the slow path.
    (*rules)->FindAll(text, start[0], text.size(), searched);
    for (const dates::Candidate& c : found) {
      EXPECT_TRUE(std::any_of(searched.begin(), searched.end(), [&](const dates::Candidate& s) {
        return s.rule == c.rule && s.begin == c.begin && s.end == c.end;
      })) << (*rules)->spec(c.rule).name << " at '" << text << "' ends at " << c.end;
      const dates::Match fast = (*rules)->Capture(text, c);
      const dates::Match plain = (*rules)->CaptureByRegex(text, c);
      ++compared[std::string((*rules)->spec(c.rule).name)];
      for (int s = 0; s < dates::kSlotCount; ++s)
        if (fast.slots[s].data() != plain.slots[s].data() || fast.slots[s].size() != plain.slots[s].size())
          ADD_FAILURE() << (*rules)->spec(c.rule).name << " slot " << s << " of '" << text << "': '"
                        << fast.slots[s] << "' against RE2's '" << plain.slots[s] << "'";
    }
  };
  // Every value of each part, the others at a few fixed values; then a sample of all mixes.
  for (const std::string& mod : mods)
    for (const std::string& count : counts)
      for (const char* tail : {"", " ago", " period"})
        check("", mod + count + " years" + tail + " and more.");
  for (const std::string& unit : units)
    for (const std::string& tail : tails)
      for (const std::string& after : afters) {
        check("", "about two " + unit + tail + after);
        check("He left ", "a few " + unit + tail + after);
        check("", "three " + unit + tail + after);
      }
  uint32_t seed = 12345;
  auto pick = [&](const std::vector<std::string>& from) -> const std::string& {
    seed = seed * 1664525u + 1013904223u;
    return from[(seed >> 8) % from.size()];
  };
  for (int i = 0; i < 20000; ++i) {
    const std::string words = pick(mods) + pick(counts) + pick(blanks) + pick(units) + pick(tails);
    std::string phrase;  // in a third of them, other blanks inside the phrases too
    for (char c : words) phrase += c == ' ' && i % 3 == 0 ? pick(blanks) : std::string(1, c);
    check(i % 2 ? "" : "In ", phrase + pick(afters));
  }

  // The other rules: a sample of the mixes of their parts.
  const std::vector<std::string> rels = {"", "last ", "next ", "this ", "past ", "coming ",
                                         "current ", "Last ", "NEXT ", "the ", "previous "};
  const std::vector<std::string> time_mods = {"", "early ", "late ", "mid-", "mid ", "Mid-",
                                              "the end of ", "the very beginning of ",
                                              "earlier ", "Later ", "late-", "first half of ",
                                              "the second\nhalf of ", "End of ", "the start\n> of "};
  const std::vector<std::string> weekdays = vocabulary(dates::WordClass::kWeekday, {"Mon", "Tues"});
  const std::vector<std::string> months = vocabulary(dates::WordClass::kMonth, {});
  const std::vector<std::string> month_names =
      vocabulary(dates::WordClass::kMonthAbbr, vocabulary(dates::WordClass::kMonth, {"Sept.", "Jan.", "SEPT."}));
  const std::vector<std::string> parts = vocabulary(dates::WordClass::kDaypart, {"", "", ""});
  const std::vector<std::string> rel_units = {"weekend", "week", "month", "year", "quarter",
                                              "decade", "century", "Year", "WEEK", "years", "fiscal year"};
  const std::vector<std::string> days = {"1", "17", "03", "31", "17th", "2nd", "1ST", "23rd", "32", "9"};
  const std::vector<std::string> years = {"2018", "1999", "1500", "2099", "18", "'99", "20180"};
  const std::vector<std::string> commas = {"", ","};
  const std::vector<std::string> day_words = {"today", "Today", "TONIGHT", "yesterday", "tomorrow"};
  const std::vector<std::string> openers = {"for", "in", "of", "about", "over", "within", "after",
                                            "For", "throughout"};
  auto sample = [&](int n, auto make) {
    for (int i = 0; i < n; ++i) {
      std::string phrase;  // in a third of them, other blanks
      for (char c : make()) phrase += c == ' ' && i % 3 == 0 ? pick(blanks) : std::string(1, c);
      check(i % 2 ? "" : "In ", phrase + pick(afters));
    }
  };
  sample(4000, [&] { return pick(rels) + pick(weekdays) + (pick(commas) + " ") + pick(parts); });
  // Blanks that are no {_}, and parts of the day glued to more letters or digits.
  const std::vector<std::string> odd_blanks = {"\n\n", ">", "> ", " \n\n ", "\n>\n", "\n\t> ",
                                               " >\n>", "\xC2", "\xC2\xA0\n", "\t\t", ""};
  const std::vector<std::string> part_tails = {"", "s", "5", "_", "-", "ly"};
  sample(3000, [&] { return pick(weekdays) + pick(odd_blanks) + pick(parts) + pick(part_tails); });
  sample(2000, [&] { return pick(day_words) + " " + pick(parts); });
  sample(4000, [&] { return pick(time_mods) + pick(rels) + pick(rel_units); });
  sample(3000, [&] { return pick(time_mods) + pick(months) + " " + pick(years); });
  const std::vector<std::string> seasons = vocabulary(dates::WordClass::kSeason, {});
  const std::vector<std::string> season_years = {"", "", " 2018", " of 1999", " OF 2018", " of", " 18"};
  sample(4000, [&] { return pick(time_mods) + pick(rels) + pick(seasons) + pick(season_years); });
  sample(6000, [&] {
    std::string wday = pick(commas).empty() ? "" : pick(weekdays) + pick(commas) + " ";
    return wday + pick(month_names) + " " + pick(days) + pick(commas) + " " + pick(years);
  });
  // Month-days with odd blanks, days, suffixes and what may follow them.
  const std::vector<std::string> odd_days = {"1", "9", "0", "00", "05", "10", "29", "30", "31", "32",
                                             "39", "40", "99", "123", "1st", "2ND", "3Rd", "4th",
                                             "1s", "1\xC5\xBFt", "1st\xC5\xBF", "5am", "5thx", "5_",
                                             "5\xC2\xA0", "12,", "12.", "12-"};
  const std::vector<std::string> year_tails = {"", " 2018", ", 2018", ",2018", ", 1499", " 20180",
                                               "\n\n2018", ", 2018x", " 2018_", " 2018.", ",\n> 2018"};
  sample(6000, [&] {
    return pick(month_names) + pick(odd_blanks) + pick(odd_days) + pick(year_tails);
  });
  sample(1000, [&] { return pick(openers) + " " + pick(units) + " " + pick(years); });
  // Words of "weekday", "for-units" and "relative-unit" with odd blanks, glued letters and the
  // letters (?i) folds to ASCII ones (the long s, the Kelvin sign), and after a word byte.
  const std::vector<std::string> glued = {"", "", "s", "x", "_", "5", "-long", "\xC5\xBF", "\xE2\x84\xAA", "'s"};
  const std::vector<std::string> odd_words = {"la\xC5\xBFt", "wee\xE2\x84\xAA", "day\xC5\xBF", "fo\xC5\xBF",
                                              "THIS", "Coming", "WITHIN", "After", "lasts", "ins"};
  for (int i = 0; i < 6000; ++i) {
    const std::string& blank = i % 4 == 0 ? pick(odd_blanks) : pick(blanks);
    std::string phrase;
    switch (i % 3) {
      case 0: phrase = (i % 5 ? pick(rels) : pick(odd_words) + " ") + pick(weekdays) + pick(glued) + blank + pick(parts); break;
      case 1: phrase = (i % 5 ? pick(openers) : pick(odd_words)) + blank + (i % 7 ? pick(units) : pick(odd_words)) + pick(glued); break;
      default: phrase = (i % 5 ? pick(rels) : pick(odd_words) + " ") + (i % 7 ? pick(rel_units) : pick(odd_words)) + pick(glued); break;
    }
    for (char& c : phrase)
      if (c == ' ' && i % 2) c = '\n';
    check(i % 4 == 1 ? "_" : i % 4 == 2 ? "In " : "", phrase + pick(afters));
  }
  const std::vector<std::string> numbers = {"1987", "2018", "1650", "2099", "1499", "2100", "1999s", "2018-19"};
  sample(500, [&] { return pick(numbers) + pick(commas) + " " + pick(numbers); });

  // And at every word of the example corpus.
  for (const char* name : {"positive.tsv", "negative.tsv"}) {
    const std::string content = testing::ReadFile(testing::SourceDir() + "/extractors/dates/corpus/" + name);
    auto table = ParseTable(name, content);
    ASSERT_TRUE(table.ok()) << table.status().message();
    const int text = std::max(table->Column("text"), 0);
    for (const TableRow& row : table->rows) {
      const std::string t(row.fields[text]);
      for (size_t at = 0; at < t.size(); ++at)
        if (std::isalnum(static_cast<unsigned char>(t[at])) &&
            (at == 0 || !std::isalnum(static_cast<unsigned char>(t[at - 1]))))
          check(t.substr(0, at), t.substr(at));
    }
  }

  for (const char* rule : {"units", "units-ago", "units-earlier", "year", "for-units", "day-word",
                           "weekday", "relative-unit", "month", "month-day-year", "season"})
    EXPECT_GT(compared[rule], 200) << rule;  // the phrasings do reach the rules
}

// The scanner leaves out the starts where its first words say that no rule can match: restricted
// openers ("in", "for", ...) before other words, and unit words without a hyphen or an apostrophe
// after them. Here every rule runs at such places, before and after many words: whenever one
// matches, the scanner must have kept the start.
TEST(DateTriggersTest, LeftOutStartsAreWhereNoRuleMatches) {
  auto lexicon = dates::Lexicon::Load();
  ASSERT_TRUE(lexicon.ok());
  auto rules = dates::RuleSet::Create(*lexicon);
  ASSERT_TRUE(rules.ok()) << rules.status().message();
  const dates::TriggerScanner scanner(*lexicon);

  // What may follow: every word of the vocabulary, the words of the rules, numbers.
  std::vector<std::string> nexts = {
      "the past", "the future", "the near future", "the moment", "the years", "the weekend",
      "the end of", "present", "past", "future", "long", "end", "s end", "ago", "earlier",
      "later", "period", "than", "least", "5", "17", "2018", "1990s", "'90s", "4/5/2018",
      "9:45 p.m.", "Q3", "FY2019", "fiscal 2019", "recently", "now", "today", "some day",
      // the words of {MOD} and of the relative rules, and what may follow a number
      "early 2018", "late April", "mid-1990s", "very end of 2018", "end of 2018", "beginning of May",
      "start of the year", "middle of April", "close of 2018", "first half of 2018",
      "second half of 2018", "previous year", "following week", "current year", "same month",
      "past year", "last year", "next week", "coming weeks", "final months", "this year",
      "fiscal year", "financial year", "the year", "qtr.", "quarter", "past weekend", "few weeks",
      "am", "pm", "a.m.", "p.m.", "PM", "st", "th", "nd", "rd", "s", "million", "and a half years",
      "of April", "of", "EST", "G"};
  for (int c = 0; c < dates::kWordClassCount; ++c)
    for (const auto& [word, value] : lexicon->Words(static_cast<dates::WordClass>(c))) {
      nexts.push_back(word);
      nexts.push_back(word + "s");
      std::string title = word;
      title[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(title[0])));
      nexts.push_back(title);
    }
  auto matches_at_start = [&](const std::string& text) {
    std::vector<dates::Candidate> found;
    const uint32_t start[] = {0};
    (*rules)->FindAt(text, start, 160, found);
    return !found.empty();
  };
  auto first_word = [](std::string_view s) {
    size_t b = 0;
    while (b < s.size() && !std::isalnum(static_cast<unsigned char>(s[b]))) ++b;
    size_t e = b;
    while (e < s.size() && std::isalpha(static_cast<unsigned char>(s[e]))) ++e;
    if (e == b)
      while (e < s.size() && std::isdigit(static_cast<unsigned char>(s[e]))) ++e;
    return s.substr(b, e - b);
  };

  int checked = 0;
  for (std::string opener : {"in", "for", "of", "within", "after", "In", "FOR", "Of", "the",
                             "The", "THE", "last", "Last", "next", "NEXT", "this", "This", "and", "than",
                             "least", "couple", "dozen", "number", "final", "following", "same",
                             "financial", "near", "distant", "foreseeable", "And"}) {
    for (const std::string& next : nexts)
      for (std::string_view blank : {" ", "  ", "\n", "\n> "}) {
        const std::string text = opener + std::string(blank) + next + " and more.";
        SCOPED_TRACE(text);
        if (matches_at_start(text)) {
          ++checked;
          const std::string_view rest = std::string_view(text).substr(opener.size());
          const std::string_view next = first_word(rest);
          EXPECT_TRUE(scanner.OpensBefore(opener, next, rest.substr(next.data() + next.size() - rest.data())));
        }
      }
  }
  std::vector<std::string> units = {"centuries", "weekend", "weekends", "Years", "WEEK"};
  for (const auto& [word, value] : lexicon->Words(dates::WordClass::kUnit)) {
    units.push_back(word);
    units.push_back(word + "s");
  }
  for (const std::string& unit : units)
    for (std::string_view sep : {" ", "-", "'", "\u2019", ", ", ". ", "\n"})
      for (const std::string& next : nexts) {
        const std::string text = unit + std::string(sep) + next + " and more.";
        SCOPED_TRACE(text);
        if (matches_at_start(text)) {
          ++checked;
          EXPECT_TRUE(scanner.OpensAlone(unit, text.substr(unit.size())));
        }
      }
  // Numbers of one to four digits before separators, letters and words.
  int digits_checked = 0;
  for (std::string digits : {"1", "5", "12", "17", "30", "045", "300", "930", "2018"})
    for (std::string_view sep : {"", " ", "  ", "\n", "\n> ", " > ", "\t", ", ", ",", ".", ". ", ":",
                                 "/", "-", "- ", "'", "\u2019", "\xC2\xA0", "(", ")"})
      for (const std::string& next : nexts) {
        if (sep.empty() && std::isdigit(static_cast<unsigned char>(next[0]))) continue;  // a longer number
        const std::string text = digits + std::string(sep) + next + " and more.";
        SCOPED_TRACE(text);
        if (matches_at_start(text)) {
          ++digits_checked;
          EXPECT_TRUE(scanner.DigitsOpen(digits, text.substr(digits.size())));
        }
      }
  EXPECT_GT(digits_checked, 100);
  EXPECT_GT(checked, 100);  // the cases do reach the rules
  // And the scanner does leave those starts out.
  EXPECT_FALSE(scanner.OpensBefore("in", "2018"));
  EXPECT_TRUE(scanner.OpensBefore("in", "The", " past"));
  EXPECT_TRUE(scanner.OpensBefore("in", "the", "\n> near future"));
  EXPECT_FALSE(scanner.OpensBefore("in", "the", " summer"));
  EXPECT_TRUE(scanner.OpensBefore("in", "years"));
  EXPECT_FALSE(scanner.OpensBefore("and", "years"));
  EXPECT_TRUE(scanner.OpensBefore("the", "1990", "s"));
  EXPECT_TRUE(scanner.OpensBefore("the", "90", "\u2019s"));
  EXPECT_FALSE(scanner.OpensBefore("the", "1991", " agreement"));
  EXPECT_TRUE(scanner.OpensBefore("about", "2018"));
  EXPECT_FALSE(scanner.OpensAlone("years", " ago"));
  EXPECT_TRUE(scanner.OpensAlone("years", "-long"));
  EXPECT_TRUE(scanner.OpensAlone("second", " half"));
  EXPECT_FALSE(scanner.OpensBefore("the", "summer"));
  EXPECT_FALSE(scanner.OpensBefore("the", "1990"));
  EXPECT_FALSE(scanner.OpensBefore("last", "October"));
  EXPECT_TRUE(scanner.OpensBefore("last", "Friday"));
  EXPECT_FALSE(scanner.DigitsOpen("20", " million"));
  EXPECT_FALSE(scanner.DigitsOpen("12", ", 2023"));
  EXPECT_FALSE(scanner.DigitsOpen("5", "G masts"));
  EXPECT_TRUE(scanner.DigitsOpen("17", " April"));
  EXPECT_TRUE(scanner.DigitsOpen("300", " years"));
}

// The scanner keeps every start where a rule matches. Here: words that open a date before
// numbers (whose openers it leaves out where the number opens nothing, "about 300 million"),
// holidays' first words before their words and others ("New Year's Day", "New Zealand"), and
// "in the" before what "in-the-past" reads and other words.
TEST(DateTriggersTest, StartsKeepEveryStartWhereARuleMatches) {
  auto lexicon = dates::Lexicon::Load();
  ASSERT_TRUE(lexicon.ok());
  auto rules = dates::RuleSet::Create(*lexicon);
  ASSERT_TRUE(rules.ok()) << rules.status().message();
  const dates::TriggerScanner scanner(*lexicon);
  auto check = [&](const std::string& text) {
    if (SearchedAt(**rules, text, 0).empty()) return false;
    std::vector<uint32_t> starts;
    scanner.Starts(text, starts);
    EXPECT_TRUE(!starts.empty() && starts[0] == 0) << "'" << text << "'";
    return true;
  };
  int matched = 0, texts = 0;
  // Openers before a number.
  for (std::string opener : {"about", "the", "over", "some", "almost", "more than", "a", "two", "several",
                             "the coming", "early", "mid-", "end of", "the first", "in", "for", "The"})
    for (std::string number : {"5", "17", "300", "1,000", "2.5", "90", "'90", "1990", "4"})
      for (std::string after : {"", " million", " years", " years ago", "s", "'s", "th", " and a half years",
                                ", years", ". Years", "-year", " April", " of May", " pm", "/5/2018", ":45",
                                "\xE2\x80\x99s", " $", " EST"})
        for (std::string blank : {" ", "  ", "\n> ", " $", "-"}) {
          ++texts;
          matched += check(opener + blank + number + after + " and more.");
        }
  // Holidays' first words, and "in the".
  std::vector<std::string> heads = {"in the", "In The", "in  the", "may", "May", "MAY", "mAY", "march",
                                    "monday", "Monday", "sept.", "Sept.", "the", "early", "A", "Q", "FY",
                                    "fy", "q", "and", "more than", "the following"};
  for (const auto& [phrase, value] : lexicon->Words(dates::WordClass::kHoliday)) {
    std::string title = phrase;
    for (size_t i = 0; i < title.size(); ++i)
      if (i == 0 || title[i - 1] == ' ') title[i] = static_cast<char>(std::toupper(static_cast<unsigned char>(title[i])));
    heads.push_back(title);
    heads.push_back(title.substr(0, title.find(' ')));
  }
  for (const std::string& head : heads)
    for (std::string next : {"", "Year's Day", "Year's", "Zealand", "Patrick's Day", "Petersburg", "Day",
                             "Eve", "past", "future", "near future", "distant future", "summer", "years",
                             "2018", "moment", "Day 2018", "day", "5", "5, 2018", "3", "2019", "380",
                             "1990s", "week", "April 5", "a year", "1991 agreement", "'90s"})
      for (std::string blank : {" ", "\n", "\n> ", ", ", "\t", ""}) {
        ++texts;
        matched += check(head + blank + next + " and more.");
        ++texts;
        matched += check("on " + head + blank + next + ".");
      }
  EXPECT_GT(matched, 1000);
  EXPECT_GT(texts - matched, 1000);
  EXPECT_FALSE(scanner.OpensAlone("New", " Zealand"));
  EXPECT_TRUE(scanner.OpensAlone("New", " Year's Day"));
  EXPECT_FALSE(scanner.OpensAlone("St", ". Petersburg"));
  EXPECT_TRUE(scanner.OpensAlone("St", ". Patrick's Day"));
  EXPECT_TRUE(scanner.OpensAlone("Christmas", ""));
}

// The scanner steps back from a trigger over the text; a byte loop that keeps the last words in
// a ring, as the scanner did, finds the same starts on every text.
TEST(DateTriggersTest, StartsAreTheStartsOfAWordByWordScan) {
  auto lexicon = dates::Lexicon::Load();
  ASSERT_TRUE(lexicon.ok());
  const dates::TriggerScanner scanner(*lexicon);
  auto plain = [&](std::string_view t) {
    std::vector<uint32_t> out;
    auto is_letter = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); };
    auto is_digit = [](char c) { return c >= '0' && c <= '9'; };
    std::pair<uint32_t, uint32_t> recent[8] = {};
    int count = 0;
    uint32_t emitted = 0;
    auto word = [&](uint32_t b, uint32_t e) { return t.substr(b, e - b); };
    auto trigger = [&](uint32_t at, uint32_t end, bool opens, bool digits) {
      if (digits && !opens) return;
      int k = 0;
      uint32_t searched = at;
      while (k < std::min(count, 6)) {
        const auto [b, e] = recent[(count - 1 - k) & 7];
        if (b + 64 < at || e - b > 14) break;
        if (!scanner.IsOpener(word(b, e))) break;
        if (word(b, searched).find("\n\n") != std::string_view::npos) break;
        searched = b;
        ++k;
      }
      for (; k >= 1; --k) {
        const uint32_t s = recent[(count - k) & 7].first;
        if (s < emitted) continue;
        const auto [nb, ne] = k > 1 ? recent[(count - k + 1) & 7] : std::pair{at, end};
        if (!scanner.OpensBefore(word(s, recent[(count - k) & 7].second), word(nb, ne), t.substr(ne))) continue;
        out.push_back(s);
        emitted = s + 1;
      }
      if (opens && at >= emitted) {
        if (at > 0 && t[at - 1] == '\'' && at - 1 >= emitted) out.push_back(at - 1);
        out.push_back(at);
        emitted = at + 1;
      }
    };
    size_t i = 0;
    while (true) {
      while (i < t.size() && !is_letter(t[i]) && !is_digit(t[i])) ++i;
      if (i == t.size()) break;
      const bool digits = is_digit(t[i]);
      size_t j = i + 1;
      while (j < t.size() && (digits ? is_digit(t[j]) : is_letter(t[j]))) ++j;
      const uint32_t b = static_cast<uint32_t>(i), e = static_cast<uint32_t>(j);
      if (digits) {
        if (count > 0 && recent[(count - 1) & 7].second == b &&
            dates::TriggerScanner::GluedOpener(word(recent[(count - 1) & 7].first, b)))
          trigger(recent[(count - 1) & 7].first, b, true, false);
        trigger(b, e, scanner.DigitsOpen(word(b, e), t.substr(j)), true);
      } else if (scanner.IsTrigger(word(b, e))) {
        trigger(b, e, scanner.OpensAlone(word(b, e), t.substr(j)), scanner.IsName(word(b, e)));
      }
      recent[count & 7] = {b, e};
      ++count;
      i = j;
    }
    return out;
  };

  std::vector<std::string> texts;
  for (const char* name : {"positive.tsv", "negative.tsv"}) {
    const std::string content = testing::ReadFile(testing::SourceDir() + "/extractors/dates/corpus/" + name);
    auto table = ParseTable(name, content);
    ASSERT_TRUE(table.ok()) << table.status().message();
    const int text = std::max(table->Column("text"), 0);
    for (const TableRow& row : table->rows) texts.emplace_back(row.fields[text]);
  }
  // Texts mixed from openers, triggers, numbers glued to letters and blank lines.
  const std::string pieces[] = {"the", "The", "in", "for", "last", "next", "this", "about", "two",
                                "and", "a", "half", "over", "the past", "years", "year's", "week-long",
                                "Monday", "May", "summer", "Q", "FY", "the1990s", "'", "'90s", "2018",
                                "17", "4/5", "9:45", "pm", "\n\n", "\n", " ", "  ", ", ", ".", "-",
                                "early", "end of", "of", "New", "St.", "Christmas", "couple", "x",
                                "near", "future", "Year's Day", "Zealand", "Patrick's", "Day", "million", "$",
                                "may", "MAY", "monday", "A", "B", "fy", "following", "than", "1990s", "1991",
                                std::string(70, ' '), "supercalifragilistic", "\xC2\xA0",
                                std::string(63, 'y'), std::string(130, '7'), std::string(61, '.')};
  uint32_t seed = 11;
  for (int n = 0; n < 4000; ++n) {
    std::string t;
    const int words = 1 + n % 25;
    for (int w = 0; w < words; ++w) {
      seed = seed * 1103515245 + 12345;
      t += pieces[(seed >> 16) % std::size(pieces)];
      seed = seed * 1103515245 + 12345;
      if ((seed >> 16) % 3 != 0) t += ' ';
    }
    texts.push_back(t);
  }
  size_t starts = 0;
  for (const std::string& t : texts) {
    std::vector<uint32_t> fast;
    scanner.Starts(t, fast);
    EXPECT_EQ(fast, plain(t)) << "'" << t << "'";
    starts += fast.size();
  }
  EXPECT_GT(starts, 5000u);
}

// The URL and address check looks for its markers in one pass; it must agree with a search for
// each marker on tokens mixed from their pieces.
TEST(DateFiltersTest, UrlMarkersInOnePassAgreeWithASearchForEach) {
  const std::string_view markers[] = {"://", "www.", "@", ".htm", ".com/", ".org/", ".net/", ".gov/", ".html"};
  const std::vector<std::string> pieces = {"", "a", "w", "ww", "www", ".", ":", "/", "//", "@",
                                           "htm", "html", "com", "org", "net", "gov", "2018",
                                           "WWW", ".COM/", "h", "-"};
  uint32_t seed = 7;
  int urls = 0;
  for (int i = 0; i < 50000; ++i) {
    std::string token;
    for (int k = 0; k < 1 + i % 7; ++k) {
      seed = seed * 1664525u + 1013904223u;
      token += pieces[(seed >> 8) % pieces.size()];
    }
    bool plain = false;
    for (std::string_view m : markers) plain = plain || token.find(m) != std::string::npos;
    urls += plain;
    EXPECT_EQ(dates::InsideUrlOrAddress(token), plain) << token;
  }
  EXPECT_GT(urls, 5000);
  EXPECT_LT(urls, 45000);
}

// Month names resolve through a word set of the vocabulary's months and abbreviations: every
// one, in any case and with an abbreviation's dot, gives its month.
TEST_F(DateStageTest, EveryMonthNameResolvesToItsMonth) {
  auto lexicon = dates::Lexicon::Load();
  ASSERT_TRUE(lexicon.ok());
  for (dates::WordClass c : {dates::WordClass::kMonth, dates::WordClass::kMonthAbbr})
    for (const auto& [word, value] : lexicon->Words(c)) {
      std::string title = word, upper = word;
      title[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(title[0])));
      for (char& ch : upper) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
      const std::string month = (value.size() == 1 ? "0" : "") + value;
      std::vector<std::string> names = {title, upper};
      if (c == dates::WordClass::kMonthAbbr) names.insert(names.end(), {title + ".", upper + "."});
      for (const std::string& name : names) {
        const std::string span = name + " 17, 2018";
        Document doc = Run("It began on " + span + " in Oslo.", "2018-04-17");
        const Entity* e = FindSpan(doc, span);
        ASSERT_NE(e, nullptr) << span;
        EXPECT_EQ(e->value, "2018-" + month + "-17") << span;
      }
    }
}

// Lexicon::Value answers words without blanks from a word set; it must give what the table's
// first row of the folded key gives, for every word of every class in any case, for words of
// other classes, and for phrases with blanks, quote marks and line breaks.
TEST(DateLexiconTest, ValueIsTheFirstRowOfTheFoldedKey) {
  auto lexicon = dates::Lexicon::Load();
  ASSERT_TRUE(lexicon.ok());
  std::vector<std::string> words = {"", "x", "Sept.", "St.", "a\ncouple  of", "A > Couple of",
                                    " monday", "monday ", "mon-day", "é", std::string(30, 'a')};
  for (int c = 0; c < dates::kWordClassCount; ++c)
    for (const auto& [word, value] : lexicon->Words(static_cast<dates::WordClass>(c))) {
      std::string upper = word, title = word;
      for (char& ch : upper) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
      title[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(title[0])));
      words.insert(words.end(), {word, upper, title, word + "s", word.substr(1), word + "\t"});
    }
  int found = 0;
  for (int c = 0; c < dates::kWordClassCount; ++c) {
    const auto klass = static_cast<dates::WordClass>(c);
    for (const std::string& w : words) {
      std::string_view plain;
      const std::string key = dates::FoldKey(w);
      for (const auto& [word, value] : lexicon->Words(klass))
        if (word == key) {
          plain = value;
          break;
        }
      EXPECT_EQ(lexicon->Value(klass, w), plain) << c << " '" << w << "'";
      found += !plain.empty();
    }
  }
  EXPECT_GT(found, 400);
}

TEST(DateWordSetTest, FindsWordsInAnyCaseWithTheirValues) {
  dates::WordSet words;
  words.Add("Monday", 1);
  words.Add("may", 2);
  words.Add("MAY", 4);  // the same word: the values are or'ed
  words.Add("won't", 8);
  words.Add("1st", 16);
  words.Add("");                        // not added
  words.Add(std::string(30, 'a'));      // longer than kMaxLength: not added
  EXPECT_EQ(words.size(), 4u);
  EXPECT_EQ(words.Find("monday"), 1);
  EXPECT_EQ(words.Find("MONDAY"), 1);
  EXPECT_EQ(words.Find("mOnDaY"), 1);
  EXPECT_EQ(words.Find("May"), 6);
  EXPECT_EQ(words.Find("WON'T"), 8);
  EXPECT_EQ(words.Find("1ST"), 16);
  EXPECT_EQ(words.Find("mon"), 0);
  EXPECT_EQ(words.Find("mondays"), 0);
  EXPECT_EQ(words.Find("tuesday"), 0);
  EXPECT_EQ(words.Find(""), 0);
  EXPECT_EQ(words.Find(std::string(30, 'a')), 0);
  const std::string_view list[] = {"the", "a", "An"};
  const dates::WordSet of = dates::WordSet::Of(list, 3);
  EXPECT_TRUE(of.Contains("THE"));
  EXPECT_EQ(of.Find("an"), 3);
  EXPECT_FALSE(of.Contains("and"));
}

// Find turns most words away by their first two letters and length before comparing: on words
// that share those with the set's words, and on words that do not, it agrees with a plain scan.
TEST(DateWordSetTest, FindAgreesWithAPlainScanOfTheWords) {
  const std::vector<std::pair<std::string, uint8_t>> entries = {
      {"may", 1},  {"MAY", 2},   {"monday", 4}, {"mon", 8},   {"a", 16},    {"an", 32},
      {"won't", 64}, {"1st", 128}, {"x-ray", 1}, {"o'clock", 2}, {"\xC2\xA0" "a", 4}, {"fy", 8},
      {std::string(24, 'z'), 16}};
  dates::WordSet set;
  for (const auto& [w, v] : entries) set.Add(w, v);
  auto plain = [&](std::string_view w) {
    uint8_t value = 0;
    for (const auto& [e, v] : entries)
      if (e.size() == w.size() && ascii::EqualsIgnoreCase(e, w)) value |= v;
    return value;
  };
  std::vector<std::string> queries = {"", "m", "ma", "Ma", "may", "mAy", "mays", "mon", "MON", "mo",
                                      "monday", "mondaz", "a", "A", "an", "AN", "ann", "won't",
                                      "WON'T", "won", "1st", "1ST", "1s", "x-ray", "X-RAY", "x ray",
                                      "o'clock", "\xC2\xA0" "a", "\xC2\xA0" "A", "\xC2", "fy", "FY", "f",
                                      std::string(24, 'Z'), std::string(23, 'z'), std::string(25, 'z')};
  // Every one- to three-byte string over a small alphabet of letters, digits and marks.
  const std::string alphabet = "amnoyAMNY1s'-.\xC2";
  for (char a : alphabet) {
    queries.push_back(std::string(1, a));
    for (char b : alphabet) {
      queries.push_back(std::string{a, b});
      for (char c : alphabet) queries.push_back(std::string{a, b, c});
    }
  }
  int found = 0, letters = 0;
  for (const std::string& q : queries) {
    EXPECT_EQ(set.Find(q), plain(q)) << "'" << q << "'";
    found += plain(q) != 0;
    // FindLetters, for words of two or more ASCII letters, is Find.
    if (q.size() >= 2 && std::all_of(q.begin(), q.end(), [](char c) { return std::isalpha(static_cast<unsigned char>(c)); })) {
      EXPECT_EQ(set.FindLetters(q.data(), q.size()), plain(q)) << "'" << q << "'";
      ++letters;
    }
  }
  EXPECT_GT(found, 20);
  EXPECT_GT(letters, 300);
}

// The clause scans find the sentence breaks sixteen bytes a step; a byte loop finds the same.
TEST(DateTenseTest, SentenceStartAndEndAreThoseOfAByteLoop) {
  const std::string pieces[] = {"word", "U.S.", "A.", ". The", ". the", "? Yes", "! No", ".\nNext",
                                "\n", "\n\n", "\n> \n", "\n  \t>\n", " ", "  ", "Mr. Smith", "3.5",
                                "...", "x", "E.U. Now", "!", "?"};
  uint32_t seed = 3;
  int breaks = 0;
  for (int n = 0; n < 3000; ++n) {
    std::string t;
    const int length = n % 400;
    while (static_cast<int>(t.size()) < length) {
      seed = seed * 1103515245 + 12345;
      t += pieces[(seed >> 16) % std::size(pieces)];
    }
    for (size_t at = 0; at <= t.size(); at += 1 + at % 7) {
      const size_t lo_limit = at > 300 ? at - 300 : 0;
      size_t lo = at;
      while (lo > lo_limit && !dates::SentenceBreak(t, lo - 1)) --lo;
      EXPECT_EQ(dates::SentenceStart(t, lo_limit, at), lo) << "'" << t << "' " << at;
      const size_t hi_limit = std::min(t.size(), at + 200);
      size_t hi = at;
      while (hi < hi_limit && !dates::SentenceBreak(t, hi)) ++hi;
      EXPECT_EQ(dates::SentenceEnd(t, at, hi_limit), hi) << "'" << t << "' " << at;
      breaks += lo > lo_limit;
    }
  }
  EXPECT_GT(breaks, 1000);
}

struct TenseCase {
  std::string sentence;  // the date expression is marked with [ ]
  Tense tense;
};

TEST(DateTenseTest, ClauseTenseFromTheNearestCue) {
  const TenseCase cases[] = {
      {"The company said [Monday] that it had fixed the flaw.", Tense::kPast},
      {"The minister will fly to Rome on [Friday].", Tense::kFuture},
      {"Companies plan to announce the principles on [Tuesday].", Tense::kPlan},
      {"The trial is set to begin on [Wednesday] in London.", Tense::kFuture},
      {"The event is to be held on [October 12] in the city.", Tense::kFuture},
      {"On [Monday], officials issued a warning.", Tense::kPast},
      {"It rains. The minister will speak. Police arrested him on [Sunday].", Tense::kPast},
      {"On [Monday] the museum opens its doors.", Tense::kUnknown},
      {"The well-planned launch on [Monday] drew crowds.", Tense::kPast},
      {"It -- as we know -- opens on [Friday]; it won't close.", Tense::kFuture},
      {"They're going to ship on [Monday].", Tense::kFuture},
      {"Going out on [Monday] is fun.", Tense::kUnknown},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.sentence);
    std::string text = c.sentence;
    const size_t open = text.find('['), close = text.find(']');
    text.erase(close, 1);
    text.erase(open, 1);
    EXPECT_EQ(dates::ClauseTense(text, open, close - 1), c.tense);
  }
}

// ---- the shared gold corpora (skipped when ../shared is absent)

struct Score {
  int gold = 0, predicted = 0, exact = 0, overlap = 0, value_ok = 0;
};

Score ScoreFile(const std::string& path, Stage& normalize, Stage& date_stage, bool in_article_spans) {
  Score s;
  std::ifstream in(path);
  std::string line;
  while (std::getline(in, line)) {
    const Json g = Json::parse(line);
    Document doc;
    doc.text = g["text"].get<std::string>();
    if (g["doc_date"].is_string()) doc.doc_date = g["doc_date"].get<std::string>();
    Zone z{ZoneKind::kBody, {0, static_cast<uint32_t>(doc.text.size())}, 0, false};
    doc.zones.push_back(z);
    doc.articles.push_back({});
    EXPECT_TRUE(normalize.Run(doc).ok());
    EXPECT_TRUE(date_stage.Run(doc).ok());
    utf8::CodePointIndex cp(doc.text);
    std::vector<std::pair<size_t, size_t>> spans;
    const bool restrict = in_article_spans && g["meta"].contains("article_spans");
    if (restrict)
      for (const auto& sp : g["meta"]["article_spans"]) spans.push_back({sp[0], sp[1]});
    struct P {
      size_t b, e;
      std::string value;
      bool used = false;
    };
    std::vector<P> pred;
    for (const Entity& e : doc.entities) {
      P p{cp.ToCodePoint(e.start), cp.ToCodePoint(e.end), e.value};
      bool inside = !restrict;
      for (auto [b, en] : spans) inside |= b <= p.b && p.e <= en;
      if (inside) pred.push_back(p);
    }
    s.predicted += static_cast<int>(pred.size());
    for (const auto& ge : g["entities"]) {
      if (ge["type"] != "DATE") continue;
      ++s.gold;
      const size_t b = ge["start"], e = ge["end"];
      for (P& p : pred) {
        if (p.used || p.e <= b || e <= p.b) continue;
        p.used = true;
        ++s.overlap;
        s.exact += (p.b == b && p.e == e) ? 1 : 0;
        s.value_ok += p.value == ge["value"].get<std::string>() ? 1 : 0;
        break;
      }
    }
  }
  return s;
}

double F1(int matched, int gold, int predicted) {
  return gold + predicted == 0 ? 0 : 2.0 * matched / (gold + predicted);
}

TEST_F(DateStageTest, SeedGoldAllDatesExactWithValues) {
  ACCORD_REQUIRE_SHARED(shared);
  Score s = ScoreFile(shared + "/seed/tech-accord-2018-04-17.gold.jsonl", *normalize_, *dates_, false);
  EXPECT_EQ(s.gold, 15);
  EXPECT_EQ(s.exact, s.gold);
  EXPECT_EQ(s.value_ok, s.gold);
}

TEST_F(DateStageTest, MeantimeDevScoreGate) {
  ACCORD_REQUIRE_SHARED(shared);
  Score s = ScoreFile(shared + "/meantime-dev/dev.jsonl", *normalize_, *dates_, false);
  ASSERT_GT(s.gold, 100);
  EXPECT_GE(F1(s.overlap, s.gold, s.predicted), 0.93);
  EXPECT_GE(static_cast<double>(s.value_ok) / s.overlap, 0.91);
}

TEST_F(DateStageTest, ListDevScoreGate) {
  ACCORD_REQUIRE_SHARED(shared);
  Score s = ScoreFile(shared + "/list-dev/list-dev.gold.jsonl", *normalize_, *dates_, true);
  ASSERT_GT(s.gold, 100);
  EXPECT_GE(F1(s.overlap, s.gold, s.predicted), 0.95);
  EXPECT_GE(static_cast<double>(s.value_ok) / s.overlap, 0.91);
}

}  // namespace
}  // namespace accord
