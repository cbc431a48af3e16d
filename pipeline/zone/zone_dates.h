// Dates that zoning reads: the message's Date header and the article's own date lines
// ("April 17, 2018", "1994 MAR 4", "9/13/94", "Dec 8" with the year of the message).
// Rules, each with examples in tests/unit/zone_dates_test.cc:
//   header-date     RFC 5322 "Tue, 14 Oct 2008 21:12:45 -0400" → 2008-10-14 (the date as
//                   written, not converted to UTC)
//   month-day-year  "April 17, 2018", "Dec. 8, 1997", "December 20 1995"
//   day-month-year  "17 April 2018", "21 Oct 1997"
//   year-month-day  "1994 MAR 4", "2018-04-17"
//   numeric         "9/13/94", "09/21" (year of the message), "[2.9.98]"
//   month-day       "Saturday, August 14", "Dec 8" (year of the message)
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace accord::zone {

// Compiles the set of all the date patterns (once; shared by all threads). The zone stage calls
// it when it is built, so that no document pays for it; the functions below also compile it on
// first use, and each single pattern when they first need it.
void CompileDatePatterns();

// The ISO date of an RFC 5322 Date header, as written.
std::optional<std::string> ParseHeaderDate(std::string_view header);
// The same through the header-date pattern itself (tests check that the two agree).
std::optional<std::string> ParseHeaderDateByRegex(std::string_view header);

// A date inside `line` (the first one), ISO YYYY-MM-DD. `default_year` completes dates that
// give no year (0: such dates are not returned).
std::optional<std::string> FindDate(std::string_view line, int default_year);
// The same through the patterns alone, each tried in turn (tests check that the two agree).
std::optional<std::string> FindDateByRegex(std::string_view line, int default_year);

// True when `line` is only a date, perhaps with a weekday, a time and zone, "Published:" or
// "Filed at", and decoration ("_ Tuesday October 8 3:15 PM EST _").
bool IsDateLine(std::string_view line);

// IsDateLine(line) and FindDate(line, 0) at once: one pass of all the date patterns over the
// line finds the few that match, and only those run again.
struct LineDates {
  bool date_line = false;           // IsDateLine(line)
  bool year_date = false;           // FindDate(line, 0).has_value()
  std::optional<std::string> date;  // FindDate(line, 0)
  uint32_t patterns = 0;            // the date patterns that match the line
  bool exact = true;                // false: `patterns` is all of them (the pass gave up)
  bool year_date_known = true;      // false: year_date and date are not found yet
};
LineDates ScanLineDates(std::string_view line);

// The same without year_date and date (year_date_known false), which capture the date's parts:
// FindYearDate fills them in when they are asked for.
LineDates ScanLineDatePatterns(std::string_view line);
// The date patterns that match `line`, each pattern run alone: the plain meaning of
// LineDates::patterns (tests check that the two agree).
uint32_t DatePatternsByRegex(std::string_view line);
void FindYearDate(std::string_view line, LineDates& scanned);

// FindDate(line, default_year) for a line ScanLineDates has scanned (`scanned`, year_date_known),
// without a second pass of the date patterns.
std::optional<std::string> FindDate(std::string_view line, int default_year, const LineDates& scanned);

}  // namespace accord::zone
