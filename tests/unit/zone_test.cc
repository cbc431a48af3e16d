// Zoning rules (pipeline/zone/zoner.h, line_rules.h, zone_dates.h) on messages written for these
// tests: each case names the rule it guards.
#include "pipeline/zone/zoner.h"

#include <gtest/gtest.h>

#include <optional>
#include <random>
#include <string>
#include <vector>

#include "pipeline/zone/line_rules.h"
#include "pipeline/zone/line_scan.h"
#include "pipeline/zone/zone_dates.h"
#include "tests/testing.h"

namespace accord {
namespace {

// The text of the article zones, whitespace squashed, zones joined by " | ".
std::string ArticleText(const Document& doc) {
  std::string out;
  for (const Zone& z : doc.zones) {
    if (!IsArticleZone(z.kind)) continue;
    std::string part;
    bool space = false;
    for (size_t i = z.span.begin; i < z.span.end; ++i) {
      const char c = doc.text[i];
      if (c == ' ' || c == '\n' || c == '\t') {
        space = !part.empty();
        continue;
      }
      if (space) part += ' ';
      space = false;
      part += c;
    }
    if (part.empty()) continue;
    if (!out.empty()) out += " | ";
    out += part;
  }
  return out;
}

std::string MetaOf(const Document& doc, const char* key) {
  return doc.meta.contains(key) ? doc.meta[key].get<std::string>() : "";
}

struct Case {
  const char* rule;
  const char* subject;
  const char* date;
  const char* body;
  const char* article;  // article zones, squashed, joined by " | "
  const char* title;
  const char* author;
  const char* published;
  const char* url;
};

const Case kCases[] = {
    {"headline-byline-dateline + url + footer", "[Newswire] Ships collide",
     "Tue, 03 Mar 2020 10:00:00 -0500",
     "Ships Collide Off the Coast of Brittany\nBy Marie Dupont\nMarch 2, 2020\n\n"
     "https://news.example.com/2020/03/02/ships-collide.html\n\n"
     "BREST, France — Two cargo ships collided on Monday, officials\nsaid.\n\n"
     "Nobody was hurt.\n_______________________________________________\n"
     "Newswire mailing list\nNewswire@example.org\nhttps://example.org/mailman/listinfo/newswire\n",
     "Ships Collide Off the Coast of Brittany | By Marie Dupont | March 2, 2020 | BREST, France — Two "
     "cargo ships collided on Monday, officials said. Nobody was hurt.",
     "Ships Collide Off the Coast of Brittany", "Marie Dupont", "2020-03-02",
     "https://news.example.com/2020/03/02/ships-collide.html"},
    {"forwarder-intro + forward-marker + header-block + signature", "Fwd: interesting",
     "Wed, 4 Mar 2020 09:00:00 +0000",
     "Thought you would all want to see this one.\n\n"
     "---------- Forwarded message ----------\nFrom: Bob <bob@example.com>\n"
     "Date: Wed, 4 Mar 2020\nSubject: story\n\n"
     "OSLO (Reuters) - Norway's central bank kept its rate unchanged on\nWednesday.\n\n"
     "The decision was expected by most economists.\n\n-- \nAlice\nhttp://alice.example.net/\n",
     "OSLO (Reuters) - Norway's central bank kept its rate unchanged on Wednesday. The decision "
     "was expected by most economists.",
     "interesting", "", "", ""},
    {"quoted-article + remark between paragraphs", "Re: [list] Court rules on encryption",
     "Thu, 05 Mar 1998 12:00:00 -0800",
     "Worth reading:\n\n> LONDON (AP) -- A court ruled on Thursday that the export rules\n"
     "> do not apply to published source code.\n>\n"
     "> The government said it would appeal.\n\n"
     "Good news if it stands.\n\n"
     "> Lawyers for the programmer called the ruling a victory for free\n> speech.\n",
     "> LONDON (AP) -- A court ruled on Thursday that the export rules > do not apply to "
     "published source code. > > The government said it would appeal. | > Lawyers for the "
     "programmer called the ruling a victory for free > speech.",
     "Court rules on encryption", "", "", ""},
    {"discussion-post: no article", "Re: key escrow",
     "Fri, 06 Mar 1998 08:00:00 +0000",
     "I don't think key escrow can work at all. My reasons are simple:\n"
     "nobody will trust the escrow holders, and the keys will leak.\n\n"
     "What do the rest of you think?\n\n-- \nCarol\n",
     "", "", "", "", ""},
    {"wire-slug + copyright", "AP story", "Mon, 21 Sep 1993 10:00:00 -0400",
     "AP 09/21 0844  Satellite Launch Delayed\n\nCopyright, 1993. The Associated Press.\n\n"
     "CAPE CANAVERAL, Fla. (AP) -- The launch of a weather satellite was delayed\n"
     "again on Tuesday because of high winds.\n",
     "AP 09/21 0844 Satellite Launch Delayed Copyright, 1993. The Associated Press. CAPE "
     "CANAVERAL, Fla. (AP) -- The launch of a weather satellite was delayed again on Tuesday "
     "because of high winds.",
     "Satellite Launch Delayed", "", "1993-09-21", ""},
    {"masthead + trailing remark + pgp", "Paper story", "Sat, 19 Dec 1997 11:00:00 +0800",
     "-----BEGIN PGP SIGNED MESSAGE-----\nHash: SHA1\n\n"
     "The Harbour Gazette\n\nDecember 18, 1997\n\nFerry Fares To Rise In January\n\n"
     "By Lee Wong\n\n    Ferry fares will rise by ten percent next month, the operator\n"
     "announced yesterday.\n\n    Commuters groups said they would protest.\n\n"
     "I wonder if my pass will still be valid.\n\n"
     "-----BEGIN PGP SIGNATURE-----\nVersion: 2.6.2\n\niQCVAwUBNJpL\n-----END PGP SIGNATURE-----\n",
     "The Harbour Gazette | December 18, 1997 | Ferry Fares To Rise In January | By Lee Wong | "
     "Ferry fares will rise by ten percent next month, the operator announced yesterday. "
     "Commuters groups said they would protest.",
     "Ferry Fares To Rise In January", "Lee Wong", "1997-12-18", ""},
};

TEST(ZoneTest, Rules) {
  for (const Case& c : kCases) {
    Document doc;
    doc.text = c.body;
    doc.headers.subject = c.subject;
    doc.headers.date = c.date;
    zone::ZoneDocument(doc, {});
    EXPECT_EQ(ArticleText(doc), c.article) << c.rule;
    EXPECT_EQ(MetaOf(doc, "title"), c.title) << c.rule;
    EXPECT_EQ(MetaOf(doc, "author"), c.author) << c.rule;
    EXPECT_EQ(MetaOf(doc, "published"), c.published) << c.rule;
    EXPECT_EQ(MetaOf(doc, "url"), c.url) << c.rule;
    // Zones cover the body in order, without overlaps.
    uint32_t last = 0;
    for (const Zone& z : doc.zones) {
      EXPECT_GE(z.span.begin, last) << c.rule;
      EXPECT_LE(z.span.end, doc.text.size()) << c.rule;
      last = z.span.end;
    }
  }
}

TEST(ZoneTest, FooterNamesTheList) {
  Document doc;
  doc.text = "Quake Hits Island\nMay 3, 2001\n\nA strong quake hit the island on Thursday.\n"
             "_______________________________________________\nQuakewatch mailing list\n"
             "https://lists.example.org/mailman/listinfo/quakewatch\n";
  zone::ZoneDocument(doc, {});
  EXPECT_EQ(doc.source.value("list", ""), "Quakewatch");
  EXPECT_EQ(MetaOf(doc, "list"), "Quakewatch");
  ASSERT_FALSE(doc.zones.empty());
  EXPECT_EQ(doc.zones.back().kind, ZoneKind::kFooter);
}

TEST(ZoneTest, DocDateFallsBackToHeaderThenDefault) {
  Document post;
  post.text = "Just a thought about nothing in particular, really.\n";
  post.headers.date = "Sun, 01 Mar 2009 23:30:00 -0800";  // the local date, not UTC
  zone::ZoneDocument(post, {});
  EXPECT_EQ(post.doc_date.value_or(""), "2009-03-01");
  Document bare;
  bare.text = "Nothing here.\n";
  zone::ZoneDocument(bare, {.default_doc_date = "2001-02-03"});
  EXPECT_EQ(bare.doc_date.value_or(""), "2001-02-03");
}

TEST(ZoneTest, JsonlInputKeepsItsMeta) {
  Document doc;
  doc.from_jsonl = true;
  doc.meta = {{"title", "Kept"}};
  doc.doc_date = "1999-09-09";
  doc.text = "Other Headline Here\nJune 1, 2000\n\nBody text of the story goes on here.\n";
  zone::ZoneDocument(doc, {});
  EXPECT_EQ(MetaOf(doc, "title"), "Kept");
  EXPECT_EQ(doc.doc_date.value_or(""), "1999-09-09");
  EXPECT_FALSE(ArticleText(doc).empty());
}

struct DateCase {
  const char* text;
  const char* iso;  // "" when none
};

TEST(ZoneDatesTest, FindDate) {
  const DateCase kDates[] = {
      {"April 17, 2018", "2018-04-17"},         {"Dec. 8, 1997", "1997-12-08"},
      {"21 Oct 1997", "1997-10-21"},            {"1995 JUN 7 (NB)", "1995-06-07"},
      {"2018-04-17", "2018-04-17"},             {"9/13/94", "1994-09-13"},
      {"[2.9.98]", "1998-02-09"},               {"7:35 a.m.  25.Nov.98.PST", "1998-11-25"},
      {"Saturday, August 14", "1993-08-14"},    {"AP 09/21 0844", "1993-09-21"},
      {"they may 5 times", ""},                 {"no date here", ""},
  };
  for (const DateCase& c : kDates)
    EXPECT_EQ(zone::FindDate(c.text, 1993).value_or(""), c.iso) << c.text;
  EXPECT_EQ(zone::ParseHeaderDate("Tue, 14 Oct 2008 21:12:45 -0400").value_or(""), "2008-10-14");
  EXPECT_EQ(zone::ParseHeaderDate("1 Feb 94 23:59 GMT").value_or(""), "1994-02-01");
  EXPECT_TRUE(zone::IsDateLine("_ Tuesday October 8 3:15 PM EST _"));
  EXPECT_TRUE(zone::IsDateLine("Published: March 3, 2019"));
  EXPECT_FALSE(zone::IsDateLine("March 3, 2019, was a bad day for the firm."));
  // ScanLineDates skips the patterns on lines without a month name or a digit-separator-digit;
  // "ſ" is a case variant of s under (?i).
  EXPECT_TRUE(zone::ScanLineDates("\xC5\xBF" "ep 5, 1994").date_line);
  EXPECT_TRUE(zone::ScanLineDates("Filed at 3:15 PM").date_line);
  EXPECT_TRUE(zone::ScanLineDates("2018-04-17").year_date);
  EXPECT_TRUE(zone::ScanLineDates("[2.9.98]").year_date);
  EXPECT_FALSE(zone::ScanLineDates("Chapter 3 of 12").year_date);
  // The zoner scans the patterns first and finds the year date only when asked: the same answer.
  for (const char* line : {"April 17, 2018", "Filed at 3:15 PM", "2018-04-17", "[2.9.98]",
                           "Chapter 3 of 12", "Dec 8", "AP 09/21 0844", "May 5 2019", "9/13/94"}) {
    const zone::LineDates once = zone::ScanLineDates(line);
    zone::LineDates lazy = zone::ScanLineDatePatterns(line);
    EXPECT_EQ(lazy.date_line, once.date_line) << line;
    zone::FindYearDate(line, lazy);
    EXPECT_TRUE(lazy.year_date_known);
    EXPECT_EQ(lazy.year_date, once.year_date) << line;
    EXPECT_EQ(lazy.date, once.date) << line;
    EXPECT_EQ(zone::FindDate(line, 1997, lazy), zone::FindDate(line, 1997)) << line;
  }
}

// FindDate reads month-day-year dates without RE2: it must agree with the patterns alone on
// dates well and badly written, and on random lines of month names, digits and separators.
TEST(ZoneDatesTest, FindDateAgreesWithThePatterns) {
  const char* const kLines[] = {
      "April 17, 2018", "april 17 2018", "APRIL 17TH, 2018", "Apr. 17, 2018", "Apr 17,2018",
      "Sept. 5, 1994", "Sept 5, 1994", "Sep. 5, 1994", "September 5 1994", "Septem 5, 1994",
      "Sep 123, 1994", "Sep 123, 1994 or Sep 5, 1995", "Sep 12, 19945", "Sep 12, 1994x", "Sep 12, 1994_", "xSep 12, 1994",
      "9Sep 12, 1994", "_Sep 12, 1994", "(Sep 12, 1994)", "May 8, 2024", "may 8, 2024",
      "Mayo 8, 2024", "June 12, 2023", "Jun. 12, 2023", "July 4, 1776", "Jul. 4, 2001",
      "Dec 45, 1997", "Dec 0, 1997", "Dec\t8,\n1997", "Dec  8 ,  1997", "Dec 8 1997 and Jan 2 1998",
      "on Aug 32, 1999 or Aug 3, 1999", "Au\xC5\xBFt 5, 1994", "Augu\xC5\xBFt 5, 1994",
      "Date: Mon, Jun 12, 2023 at 9:02 AM", "SYDNEY, Nov. 15, 2021 \xE2\x80\x94 A bill",
      "Nov.15, 2021", "Nov 15st, 2021", "Nov 1nd 2021", "Janu 5, 1994", "Jan.. 5, 1994",
  };
  for (const char* line : kLines)
    for (int year : {0, 1993})
      EXPECT_EQ(zone::FindDate(line, year), zone::FindDateByRegex(line, year)) << line;
  // A month, a day and a year, each perhaps broken, with random pieces around and between.
  const std::vector<std::string> kMonths = {"Jan", "January", "Sep", "Sept", "Sept.", "September",
                                            "Sep.", "May", "June", "Jul", "JULY", "dec", "Aug",
                                            "Au\xC5\xBF", "Mar.", "March", "Marc", "Octo"};
  const std::vector<std::string> kDays = {"1", "12", "123", "5th", "1ST", "2nd", "3rd", "09", "x"};
  const std::vector<std::string> kYears = {"1994", "19945", "94", "2024", "1994x", "1994_", "1994."};
  const std::vector<std::string> kPieces = {".", ",", " ", "  ", "\t", "\n", "x", "_", "-",
                                            "/", "9", "\xC3\xA9", "t", "e", ""};
  std::mt19937 random(29);
  auto pick = [&](const std::vector<std::string>& v) { return v[random() % v.size()]; };
  int found = 0;
  for (int n = 0; n < 30000; ++n) {
    std::string line;
    for (int part = 0; part < 1 + static_cast<int>(random() % 2); ++part) {
      line += pick(kPieces) + pick(kMonths) + pick(kPieces);
      if (random() % 4 != 0) line += ' ';
      line += pick(kDays) + pick(kPieces);
      if (random() % 4 != 0) line += ' ';
      line += pick(kYears) + pick(kPieces);
    }
    const std::optional<std::string> want = zone::FindDateByRegex(line, 0);
    ASSERT_EQ(zone::FindDate(line, 0), want) << line;
    found += want.has_value();
  }
  EXPECT_GT(found, 500);
}

// The pass of all the date patterns skips lines by a cheap test (a month name before a number,
// or digits around a separator): the patterns it finds must be the ones each pattern finds alone.
TEST(ZoneDatesTest, ScannedPatternsAgreeWithEachPattern) {
  const char* const kLines[] = {
      "It may be 5", "may 5", "May, 5", "May-5", "May.5", "May 5", "Mayday 5", "may be, 5 of them",
      "Decision 12", "Dec. 12, 1994", "Dec.12", "Sept. 5, 1994", "Sept.5", "Mar\t3", "mar\n3",
      "market 3", "the march 3 1994", "xMay 5", "5 May 1994", "5 May, 94", "1994 MAR 4",
      "Monday, May", "Filed at 3:15 PM", "Posted 9:02", "9/13/94", "AP 09/21 0844", "2018-04-17",
      "Chapter 3 of 12", "Au\xC5\xBFt 5, 1994", "Dec\xC3\xA9 5", "Jun _5", "Jun _ 5 1994",
      "_ Tuesday October 8 3:15 PM EST _", "Published: March 3, 2019",
  };
  for (const char* line : kLines)
    EXPECT_EQ(zone::ScanLineDatePatterns(line).patterns, zone::DatePatternsByRegex(line)) << line;
  // Words, separators and numbers in turn, from a random one of the three on.
  const std::vector<std::string> kPieces[3] = {
      {"May", "may", "Mayo", "Sept", "Sept.", "dec", "Decem", "March", "Jun", "Monday", "filed at",
       "Published:", "x", "PM", "\xC3\xA9", "(", "AP", "Au\xC5\xBFt"},
      {" ", "  ", "\t", "\n", ".", ",", "-", "_", "/", ":", "", ", ", ". "},
      {"5", "12", "1994", "94", "3:15", "5th", "04-17", "9/13", "123"}};
  std::mt19937 random(31);
  int matched = 0;
  for (int n = 0; n < 30000; ++n) {
    std::string line;
    const int first = static_cast<int>(random() % 3);
    for (int k = 0, parts = 2 + static_cast<int>(random() % 6); k < parts; ++k) {
      const std::vector<std::string>& pieces = kPieces[(first + k) % 3];
      line += pieces[random() % pieces.size()];
    }
    const uint32_t want = zone::DatePatternsByRegex(line);
    ASSERT_EQ(zone::ScanLineDatePatterns(line).patterns, want) << line;
    matched += want != 0;
  }
  EXPECT_GT(matched, 300);
}

struct LineCase {
  zone::LineRule rule;
  const char* line;
  bool matches;
};

TEST(ZoneLineRulesTest, Examples) {
  using namespace zone;
  const LineCase kLines[] = {
      {kFooterRule, "_______________________________________________", true},
      {kFooterMailingList, "Netwatch mailing list", true},
      {kSignatureDelimiter, "--", true},
      {kForwardMarker, "---------- Forwarded message ----------", true},
      {kForwardMarker, "begin forwarded text", true},
      {kForwardEnd, "end forwarded text", true},
      {kHeaderLine, "Newsgroups: comp.org.eff.news", true},
      {kHeaderLine, "Note: this is not a header", false},
      {kUrlLine, "https://www.example.com/a/b.html", true},
      {kUrlLine, "[From http://www.example.com/story.htm ]", true},
      {kUrlLine, "see https://example.com for more", false},
      {kBoilerplate, "Order Reprints | Today\xE2\x80\x99s Paper | Subscribe", true},
      {kByline, "By David E. Sanger", true},
      {kByline, "By the way, I agree", false},
      {kDatelineStart, "WASHINGTON \xE2\x80\x94 More than 30 companies", true},
      {kDatelineStart, "Tokyo (AP) -- Japan said", true},
      {kDatelineStart, "LYON, FRANCE, 1995 JUN 7 (NB) -- The French", true},
      {kDatelineStart, "The minister - who resigned - said", false},
      {kWireSlug, "AP 09/21 0844  Encryption Software", true},
      {kCopyright, "Copyright 1998 The Associated Press", true},
      {kElision, "[...]", true},
      {kClosingCredit, "(Steve Gold/19940304)", true},
      {kSeparator, "-------------------", true},
      {kFirstPerson, "I think this is wrong", true},
      {kFirstPerson, "World War II veterans", false},
  };
  const LineRules& rules = LineRules::Get();
  for (const LineCase& c : kLines)
    EXPECT_EQ(Has(rules.Match(c.line), c.rule), c.matches) << LineRuleName(c.rule) << ": " << c.line;
  EXPECT_EQ(rules.BylineAuthor("By JOE ABERNATHY, Chronicle Staff"), "Joe Abernathy");
  EXPECT_EQ(rules.SlugTitle("AP 02/23 00:31 EST"), "");
  EXPECT_EQ(rules.Url("<https://example.com/x.html>"), "https://example.com/x.html");
}

// LineRules::Match skips the RE2::Set when a cheap test finds none of the literals, first or last
// bytes the rules need: it must agree with the Set on every line, in any case and with the two
// non-ASCII case variants of ASCII letters ("ſ" of s, the Kelvin sign of k).
TEST(ZoneLineRulesTest, PrefilterAgreesWithTheSet) {
  const char* const kMatching[] = {
      "_______________________________________________",
      "Netwatch mailing list",
      "Netwatch MAILING LIST",
      "Netwatch mailing li\xC5\xBFt",
      "https://lists.example.net/mailman/listinfo/netwatch",
      "To unsubscribe, send mail to majordomo@example.org",
      "To un\xC5\xBFubscribe, write to us",
      "Reply via email to the list",
      "You are subscribed to this list",
      "--",
      "-----BEGIN PGP SIGNED MESSAGE-----",
      "- -----BEGIN PGP SIGNATURE-----",
      "Hash: SHA1",
      "-----END PGP SIGNATURE-----",
      "---------- Forwarded message ----------",
      "Begin forwarded message:",
      "** Original Message **",
      "End of forwarded text",
      "From: Jane Roe <jane@example.org>",
      "From jane@example.org Tue Mar  3 10:00:00 1998",
      "X-Mailer: something",
      "https://www.nytimes.com/2018/04/17/us/politics/accord.html",
      "URL: www.example.com/x",
      "Order Reprints | Today's Paper | Subscribe",
      "ADVERTISEMENT",
      "Advertisement",
      "Click here to read more",
      "Clic\xE2\x84\xAA here to read more",
      "Share this story",
      "E-mail this story",
      "Related Stories",
      "Back to top",
      "(adv)",
      "On Tue, 3 Mar 1998, Jane Roe wrote:",
      "In article <x@y>, jr@z writes:",
      "In article <x@y>, jr@z WROTE",
      "By David E. Sanger",
      "BY JOE ABERNATHY",
      "WASHINGTON \xE2\x80\x94 More than 30 companies",
      "LOS ANGELES (Reuter) -- The city",
      "\xC3\x89VIAN, France -- The talks",
      "AP 09/21 0844  Encryption Software",
      "9/13/94 Company Plans Layoffs",
      "Copyright 1994, Denver Ledger",
      "(c) 1996 Nando.net",
      "\xC2\xA9 2001 The Times",
      "&copy; 2001 The Times",
      "All Rights Reserved.",
      "[...]",
      "[snip]",
      "...",
      "\xE2\x80\xA6",
      "(Steve Gold/19940304)",
      "From the Boston Globe Op-Ed Page",
      "Source: Reuters",
      "Excerpted from The Nation",
      "I think",
      "so I'm told",
      "in my view",
      "we're late (IMHO)",
      "-------------------",
      "=-=-=-= cut here =-=-=-=",
      "on Monday Jane Roe said:",
      "Jane Roe WRITES:",
      "Newsgroups: comp.org.eff.news",
      "Article-I.D.: example.1234",
      "Tokyo (AP) -",
      "BOSTON \xE2\x80\x93 The board",
      "BC 12/3 Budget talks",
      "Reuters 10/12 Markets close",
      "back to the top",
      "email this page",
      "bacK to top",
  };
  const char* const kPlain[] = {
      "The minister said the rule would stand.",
      "and the committee will meet again on Tuesday",
      "World War II veterans",
      "Its members met in the same room as before",
      "mailing lists are fine",
      "somewhere else",
      "Brazil fines a carrier over data sharing",
      "Dutch court orders airline to disclose report",
      "The airline, a unit of Air France-KLM, said it would appeal",
      "Encryption bill stalls in committee",
      "been looking for partners since 2019.",
      "A summary of the pact, for those who missed it:",
      "Analysts said the deal - a large one - could close",
      "December.",
  };
  const zone::LineRules& rules = zone::LineRules::Get();
  for (const char* line : kMatching) {
    EXPECT_NE(rules.MatchWithoutPrefilter(line), 0u) << line;  // the case is worth checking
    EXPECT_EQ(rules.Match(line), rules.MatchWithoutPrefilter(line)) << line;
  }
  for (const char* line : kPlain) EXPECT_EQ(rules.Match(line), rules.MatchWithoutPrefilter(line)) << line;
  EXPECT_EQ(rules.Match("The minister said the rule would stand."), 0u);
}

// The same on random lines put together from pieces of every rule: the literals each one looks
// for, its first and last bytes, words next to letters, apostrophes and bytes beyond ASCII.
TEST(ZoneLineRulesTest, PrefilterAgreesWithTheSetOnRandomLines) {
  const char* const kPieces[] = {
      "_", "_______________", "-", "--", "---", "=", "*", "~", "#", "+", " ", "  ", "\t", "\n",
      "[", "]", ".", "...", "<", ">", "(", ")", "\\", "&copy", "\xC2\xA9", "\xE2\x80\xA6",
      "\xE2\x80\x94", "\xE2\x80\x93", "\xE2\x80\x99", "\xC3\xA9", "\xC3\x89", "\xC5\xBF",
      "\xE2\x84\xAA", "I", "I'm", "I've", "I'd", "I'll", "my", "My", "me", "we're", "We're", "IMHO",
      "we", "mine", "Im", "m", "M", "Me", "MY", "IM", "ye", "a", "Z", "WASHINGTON", "Tokyo", "(AP)", "By", "BY", "By:", "From", "From ",
      "To:", "X-Mailer:", "Hash: ", "Hash: SHA1", "AP", "UPI", "Reuters", "9", "12", "9/13/94", "09/21",
      "/", "@", "|", ":", "://", "http", "https://x.org/a", "www.", "url", "URL:", "see", "at", "via",
      "source", "Source:", "link", "on the web", "mailman/listinfo", "/mailman/options", "/listinfo/",
      "unsubscribe", "Unsubscribe", "to unsubscribe", "unsubscribe send", "majordomo@", "listserv@",
      "-request@", "reply via email to", "you are subscribed", "you received this message because",
      "mailing list", " mailing list", "wrote", "writes", "said:", "wrote:", "On", "In article",
      "order reprints", "Order Reprints", "today's paper", "today\xE2\x80\x99s paper", "subscribe",
      "advertisement", "adv", "click here", "sponsored by", "image", "photo", "share this",
      "e-mail this", "email this", "print this", "related stories", "follow us", "back to top",
      "top of page", "home |", "copyright", "Copyright 1998", "(c) 1996", "all rights reserved",
      "[...]", "[snip]", "<snip>", "*snip*", "snip", "cut here", "forwarded message",
      "Begin forwarded message", "begin included message", "original message", "message forwarded",
      "start of forwarded message", "forwarded text", "end of forwarded text", "end ",
      "-----BEGIN PGP SIGNED MESSAGE-----", "-----BEGIN PGP SIGNATURE-----",
      "-----END PGP SIGNATURE-----", "- ", "reprinted from", "excerpted from", "taken from",
      "as seen in", "The", "the", "Steve Gold/19940304", "Jane", "Roe",
  };
  const size_t kCount = sizeof(kPieces) / sizeof(kPieces[0]);
  const zone::LineRules& rules = zone::LineRules::Get();
  std::mt19937 random(17);
  int matched = 0;
  for (int n = 0; n < 60000; ++n) {
    std::string line;
    const int pieces = 1 + static_cast<int>(random() % 5);
    for (int k = 0; k < pieces; ++k) {
      line += kPieces[random() % kCount];
      if (random() % 3 == 0) line += ' ';
    }
    const zone::LineRuleSet want = rules.MatchWithoutPrefilter(line);
    ASSERT_EQ(rules.Match(line), want) << line;
    matched += want != 0;
  }
  EXPECT_GT(matched, 10000);
}

// CommonDateline proves a dateline without RE2: every line it takes must match the rule; it
// must take the usual ones and leave the others to the pattern.
TEST(ZoneLineRulesTest, CommonDatelineOnlyTakesDatelines) {
  const zone::LineRules& rules = zone::LineRules::Get();
  for (const char* line : {"WASHINGTON \xE2\x80\x94 The", "LOS ANGELES -- Officials", "TOKYO -",
                           "FORT-DE-FRANCE \xE2\x80\x93 x", "ST. LOUIS - x", "O'HARE --"}) {
    EXPECT_TRUE(zone::CommonDateline(line)) << line;
    EXPECT_TRUE(zone::Has(rules.MatchWithoutPrefilter(line), zone::kDatelineStart)) << line;
  }
  for (const char* line : {"", "W -", "Washington -- x", "TOKYO --x", "TOKYO -x", "A B C D E F -",
                           "TOKYO, Japan -- x", "TOKYO (AP) -- x", "TOKYO", "TOKYO \xE2\x80\x94x"})
    EXPECT_FALSE(zone::CommonDateline(line)) << line;
  const char* const kPieces[] = {"TOKYO", "LOS", "ANGELES", "ST.", "O'HARE", "A", "AB", "Ab", " ",
                                 "  ", "-", "--", "---", "\xE2\x80\x94", "\xE2\x80\x93", "\t",
                                 "\n", ",", "(AP)", "[x]", "x", "9", "\xC3\x89", "'", "."};
  const size_t kCount = sizeof(kPieces) / sizeof(kPieces[0]);
  std::mt19937 random(37);
  int taken = 0;
  for (int n = 0; n < 60000; ++n) {
    std::string line;
    for (int k = 1 + static_cast<int>(random() % 7); k > 0; --k) line += kPieces[random() % kCount];
    if (!zone::CommonDateline(line)) continue;
    ++taken;
    ASSERT_TRUE(zone::Has(rules.MatchWithoutPrefilter(line), zone::kDatelineStart)) << line;
    ASSERT_EQ(rules.Match(line), rules.MatchWithoutPrefilter(line)) << line;
  }
  EXPECT_GT(taken, 1000);
}

// byline and dateline lines, which the prefilter decides itself (byline on ASCII lines) or
// rules out by their first two bytes: random lines made to start as they do.
TEST(ZoneLineRulesTest, PrefilterAgreesWithTheSetOnBylinesAndDatelines) {
  const char* const kStarts[] = {"By", "BY", "By:", "By ", "BY: ", "By\t", "By the ", "By The ",
                                 "By\xC3\x89", "Bx", "By\n", "W", "WA", "Wa", "W.", "W'", "Wo",
                                 "\xC3\x89", "Tokyo ", "LOS ANGELES"};
  const char* const kPieces[] = {
      " ", "  ", "\t", "\f", "the", "The", "the ", "Jane", "ROE", "E.", "O'Neil", "Jos\xC3\xA9",
      "-", "--", " - ", " -- ", "\xE2\x80\x94", "\xE2\x80\x93", "\xE2\x80\x99", "&", "(AP)",
      "(Reuters)", "(", ")", ",", "/", "|", ";", ":", ".", "'", "a", "Z", "x1", "9", "[x]",
      "Chronicle News Service", "(Chronicle News)", "staff", "WASHINGTON", "\n", "@",
  };
  const size_t kStartCount = sizeof(kStarts) / sizeof(kStarts[0]);
  const size_t kCount = sizeof(kPieces) / sizeof(kPieces[0]);
  const zone::LineRules& rules = zone::LineRules::Get();
  std::mt19937 random(19);
  int bylines = 0, datelines = 0;
  for (int n = 0; n < 60000; ++n) {
    std::string line = kStarts[random() % kStartCount];
    const int pieces = static_cast<int>(random() % 12);
    for (int k = 0; k < pieces; ++k) line += kPieces[random() % kCount];
    if (random() % 8 == 0) line += std::string(120, 'a');  // over the byline limit
    const zone::LineRuleSet want = rules.MatchWithoutPrefilter(line);
    ASSERT_EQ(rules.Match(line), want) << line;
    bylines += zone::Has(want, zone::kByline);
    datelines += zone::Has(want, zone::kDatelineStart);
  }
  EXPECT_GT(bylines, 2000);
  EXPECT_GT(datelines, 1000);
}

// footer-listinfo, url-line, header-line, pgp-hash, reply-attribution, source-line,
// forward-marker and forward-end, which the prefilter decides itself on ASCII lines: random lines
// made to start as they do, with the pieces their patterns end with.
TEST(ZoneLineRulesTest, PrefilterAgreesWithTheSetOnPlainLineRules) {
  const char* const kStarts[] = {
      "https://", "HTTP://", "http:/", "ftp://", "www.", "WWW", "URL:", "url ", "Source:", "source",
      "See ", "at:", "on the web: ", "link", "via", "From", "From: ", "From ", "from the", "To:",
      "X-Mailer:", "X-:", "X-a_b:", "Resent-From:", "List-Id:", "MIME-Version:", "Mime-version:",
      "Message-ID:", "Message-id:", "Article-I.D.:", "Subject:", "subject:", "Hash: ", "Hash:",
      "Reprinted from ", "Excerpted from", "Taken from ", "As seen in ", "On ", "on\t", "In article ",
      "In message", "in <", "in ", "Jane Roe", "begin forwarded text", "Begin forwarded message",
      "Forwarded by", "forwarded message", "Original Message", "message forwarded",
      "start of forwarded message", "forwarded text", "Forwarded article", "End of forwarded text",
      "end included message", "end original text", "End of ", "To unsubscribe", "reply via email to",
      "You are subscribed", "you received this message because",
  };
  const char* const kPieces[] = {
      " ", "  ", "\t", "\f", "\r", ":", "::", "<", ">", "[", "]", "(", ")", ".", ",", "-", "_",
      "=", "*", "x", "X", "Jane", "the ", "The ", "Times", "times", "example.org/a", "a_b", "9",
      "wrote", "writes", "said", "wrote:", "WRITES:", "said:", " wrote:", " writes", "Mon ", "Tue",
      "Sun ", "jane@example.org", "mailman/listinfo", "/listinfo/", "unsubscribe send",
      "majordomo@", "-request@", "message", "text", "SHA1", "SHA256, MD5", "\xC3\xA9",
      "\xE2\x80\x94", "\n",
  };
  const size_t kStartCount = sizeof(kStarts) / sizeof(kStarts[0]);
  const size_t kCount = sizeof(kPieces) / sizeof(kPieces[0]);
  const zone::LineRules& rules = zone::LineRules::Get();
  std::mt19937 random(23);
  int counts[zone::kLineRuleCount] = {};
  for (int n = 0; n < 100000; ++n) {
    std::string line = kStarts[random() % kStartCount];
    const int pieces = static_cast<int>(random() % 6);
    for (int k = 0; k < pieces; ++k) line += kPieces[random() % kCount];
    const zone::LineRuleSet want = rules.MatchWithoutPrefilter(line);
    ASSERT_EQ(rules.Match(line), want) << line;
    for (int r = 0; r < static_cast<int>(zone::kLineRuleCount); ++r) counts[r] += zone::Has(want, zone::LineRule(r));
  }
  for (zone::LineRule r : {zone::kFooterListinfo, zone::kUrlLine, zone::kHeaderLine, zone::kPgpHash,
                           zone::kAttribution, zone::kSourceLine, zone::kForwardMarker,
                           zone::kForwardEnd})
    EXPECT_GT(counts[r], 200) << zone::LineRuleName(r);
}

// The same on every line of the shared list corpora, stripped as the zoner strips them.
// The plain meaning of HasDigit and of the digit bits (line_scan.h ByteBits::digit).
bool PlainHasDigit(std::string_view s) {
  for (char c : s)
    if (c >= '0' && c <= '9') return true;
  return false;
}

TEST(ZoneLineRulesTest, PrefilterAgreesWithTheSetOnSharedCorpora) {
  ACCORD_REQUIRE_SHARED(shared);
  const zone::LineRules& rules = zone::LineRules::Get();
  int lines = 0, matched = 0;
  for (const char* file : {"/list-dev/list-dev.mbox", "/meantime-dev/dev.mbox"}) {
    const std::string text = testing::ReadFile(shared + file);
    // The bits of the whole file, as the zoner finds them for a document's text.
    zone::ByteBits bits;
    zone::FindByteBits(text, &bits);
    size_t pos = 0;
    while (pos < text.size()) {
      size_t nl = text.find('\n', pos);
      if (nl == std::string::npos) nl = text.size();
      if (nl < text.size()) {
        EXPECT_TRUE(zone::AnyBit(bits.newline, nl, nl + 1)) << nl;
      }
      EXPECT_FALSE(zone::AnyBit(bits.newline, pos, nl)) << pos;
      std::string_view line(text.data() + pos, nl - pos);
      pos = nl + 1;
      auto space = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\f'; };
      while (!line.empty() && (space(line.front()) || line.front() == '>')) line.remove_prefix(1);
      while (!line.empty() && space(line.back())) line.remove_suffix(1);
      const size_t at = static_cast<size_t>(line.data() - text.data());
      const zone::LineRuleSet want = rules.MatchWithoutPrefilter(line);
      EXPECT_EQ(rules.Match(line), want) << line;
      EXPECT_EQ(rules.Match(line, bits.trigger, at), want) << line;
      EXPECT_EQ(zone::AnyBit(bits.digit, at, at + line.size()), PlainHasDigit(line)) << line;
      ++lines;
      matched += want != 0;
    }
  }
  EXPECT_GT(lines, 1000);
  EXPECT_GT(matched, 100);
}

// HasDigit and CountWords read eight bytes at a time: they must agree with the plain byte loops
// on lines of every length around the block size, with spaces, tabs, digits and bytes above 0x7F
// at every position.
int PlainWords(std::string_view s) {
  int w = 0;
  bool in = false;
  for (char c : s) {
    const bool sp = c == ' ' || c == '\t';
    if (!sp && !in) ++w;
    in = !sp;
  }
  return w;
}

TEST(ZoneLineScanTest, AgreesWithPlainLoops) {
  const char* const kLines[] = {
      "", " ", "\t", "a", "9", "  a  ", "a b", "Chapter 3 of 12", "\xC3\xA9t\xC3\xA9 9",
      "\xB9\xB0/", "////////", "::::::::9", "        x", "x        ", "a\tb\t\tc", "\x7F" "0",
      "The minister said the rule would stand.", "\xFF\xFF\xFF\xFF\xFF\xFF\xFF\xFF" "1",
  };
  for (const char* line : kLines) {
    EXPECT_EQ(zone::HasDigit(line), PlainHasDigit(line)) << line;
    EXPECT_EQ(zone::CountWords(line), PlainWords(line)) << line;
  }
  // Random lines over an alphabet that holds the bytes next to the ones looked for.
  const std::string kAlphabet = std::string("ab /09:\t\x0B\x1F!\x80\xB0\xB9\xFF", 16) + " \t";
  std::mt19937 random(7);
  for (int n = 0; n < 20000; ++n) {
    std::string line(random() % 40, ' ');
    for (char& c : line) c = kAlphabet[random() % kAlphabet.size()];
    ASSERT_EQ(zone::HasDigit(line), PlainHasDigit(line)) << line;
    ASSERT_EQ(zone::CountWords(line), PlainWords(line)) << line;
  }
}

// FindByteBits reads sixteen or thirty-two bytes at a time: each way it has must give the
// bits of the plain byte loop, on every byte value at every position of texts of every length
// up to and past two words, and on random texts.
zone::ByteBits PlainByteBits(std::string_view s) {
  zone::ByteBits bits;
  const size_t words = (s.size() + 63) / 64 + 1;  // and a zero word after the text's
  bits.trigger.assign(words, 0);
  bits.digit.assign(words, 0);
  bits.newline.assign(words, 0);
  for (size_t i = 0; i < s.size(); ++i) {
    const uint64_t bit = uint64_t{1} << (i % 64);
    if (zone::IsTriggerByte(s[i])) bits.trigger[i / 64] |= bit;
    if (s[i] >= '0' && s[i] <= '9') bits.digit[i / 64] |= bit;
    if (s[i] == '\n') bits.newline[i / 64] |= bit;
  }
  return bits;
}

bool SameByteBits(const zone::ByteBits& a, const zone::ByteBits& b) {
  return a.trigger == b.trigger && a.digit == b.digit && a.newline == b.newline;
}

TEST(ZoneLineScanTest, ByteBitsAgreeWithPlainLoop) {
  // The set itself, byte by byte, as MatchCheaply's comment lists it.
  const std::string_view kAsciiTriggers = "/@bB|pP':.-ImM\n";
  for (int c = 0; c < 256; ++c) {
    const bool expected = c >= 0x80 || kAsciiTriggers.find(static_cast<char>(c)) != std::string_view::npos;
    EXPECT_EQ(zone::IsTriggerByte(static_cast<char>(c)), expected) << c;
  }
  std::vector<zone::ByteScan> ways;
  for (zone::ByteScan how : {zone::ByteScan::kPlain, zone::ByteScan::kSse2, zone::ByteScan::kAvx2,
                             zone::ByteScan::kBest})
    if (zone::ByteScanAvailable(how)) ways.push_back(how);
  EXPECT_GE(ways.size(), 2u);
  zone::ByteBits bits;  // reused, as the zoner reuses it: no bits of a longer text may stay
  auto agree = [&](const std::string& text) {
    const zone::ByteBits want = PlainByteBits(text);
    for (zone::ByteScan how : ways) {
      zone::FindByteBits(text, &bits, how);
      if (!SameByteBits(bits, want)) return false;
    }
    return true;
  };
  // Every byte value at every position of a text of letters that are no triggers, of each length.
  for (size_t len = 0; len <= 130; ++len) {
    ASSERT_TRUE(agree(std::string(len, 'x'))) << len;
    for (size_t at = 0; at < len; ++at) {
      for (int c = 0; c < 256; ++c) {
        std::string text(len, 'x');
        text[at] = static_cast<char>(c);
        ASSERT_TRUE(agree(text)) << len << " " << at << " " << c;
      }
    }
  }
  // Random texts over the triggers, their neighbours (case bit, byte values next to them, each
  // half of them in a byte of its own), digits and newlines.
  const std::string kAlphabet =
      std::string("bBpPmMIi/@|':.-\n09\x80\xFF\x7F\x0F\x02\x0A\x2A`{\\<>aAzZ \x0D\x2D\x3A\x4D", 39) +
      std::string("\x00x", 2);
  std::mt19937 random(13);
  for (int n = 0; n < 20000; ++n) {
    std::string text(random() % 200, ' ');
    for (char& c : text) c = kAlphabet[random() % kAlphabet.size()];
    ASSERT_TRUE(agree(text)) << text;
  }
}

// BitsFrom and AnyBit read whole words: they must agree with a bit-by-bit loop from
// every start to every end.
TEST(ZoneLineScanTest, BitReadersAgreeWithPlainLoop) {
  std::mt19937_64 random(17);
  for (int n = 0; n < 200; ++n) {
    // The words of a text of `size` bytes, and the zero word after them (FindByteBits).
    const size_t size = 1 + random() % 250;
    std::vector<uint64_t> words((size + 63) / 64 + 1);
    // Sparse and dense words, and empty ones; no bit past the text.
    for (uint64_t& w : words)
      w = n % 3 == 0 ? 0 : (n % 3 == 1 ? random() & random() & random() : random());
    words.back() = 0;
    if (size % 64 != 0) words[size / 64] &= (uint64_t{1} << (size % 64)) - 1;
    auto bit = [&](size_t i) { return i < size && ((words[i / 64] >> (i % 64)) & 1) != 0; };
    for (size_t from = 0; from < size; ++from) {
      uint64_t want = 0;
      for (size_t k = 0; k < 64; ++k)
        if (bit(from + k)) want |= uint64_t{1} << k;
      ASSERT_EQ(zone::BitsFrom(words, from), want) << n << " " << from;
      for (size_t end = from; end <= size; ++end) {
        size_t next = from;
        while (next < end && !bit(next)) ++next;
        ASSERT_EQ(zone::AnyBit(words, from, end), next < end) << n << " " << from << " " << end;
      }
    }
  }
}

// LineRules::Match with the trigger bits of a whole text reads only the bits of its line: each
// line, put into a text between other lines at every offset, gets the rules it gets alone.
TEST(ZoneLineRulesTest, MatchWithTextBitsAgreesWithMatchAlone) {
  const zone::LineRules& rules = zone::LineRules::Get();
  const char* const kLines[] = {
      "", "9", "a", "-- 3", "------", "I think 1 of them", "my 2 cents", "Hash: SHA1",
      "\xC5\xBF 7", "caf\xC3\xA9 9", "By JOE 4", "www.example.org/a/2", "Plain words only.",
      "unsubscribe", "Order Reprints | Today's Paper", "WASHINGTON -", "we're", "me", "My", "IMHO",
      "https://lists.example.net/mailman/listinfo/netwatch", "majordomo@example.org",
      "On Tue, 3 Mar 1998, Jane Roe wrote:", "From: Jane Roe <jane@example.org>",
  };
  // Neighbours that hold the bytes the rules look at next to a line (letters before "b", "p",
  // "I", "m"; a blank after "-").
  const char* const kAround[] = {"", "u", "e", "w", " ", "\n", "x-", "mailman/listinfo", "\xE2\x80"};
  for (const char* line : kLines) {
    const zone::LineRuleSet want = rules.Match(line);
    EXPECT_EQ(want, rules.MatchWithoutPrefilter(line)) << line;
    for (const char* before : kAround) {
      for (const char* after : kAround) {
        for (size_t pad = 0; pad < 70; pad += 3) {
          const std::string text = std::string(pad, 'x') + before + line + after;
          zone::ByteBits bits;
          zone::FindByteBits(text, &bits);
          const size_t at = pad + std::string_view(before).size();
          ASSERT_EQ(rules.Match(std::string_view(text).substr(at, std::string_view(line).size()),
                                bits.trigger, at),
                    want)
              << line << " " << before << " " << after << " " << pad;
        }
      }
    }
  }
}

// ParseHeaderDate and BylineAuthor read the line without RE2: they must agree with their
// patterns on well-formed and broken headers and bylines, and on random ones.
TEST(ZoneFastPathsTest, HeaderDateAgreesWithThePattern) {
  const char* const kHeaders[] = {
      "Tue, 14 Oct 2008 21:12:45 -0400", "1 Feb 94 23:59 GMT", "Mon,  1 Jan 2000 12:07:00 +0000",
      "Wed, 08 May 2024 18:20:00 +0900", "Thursday, 3 March 1998", "Sat 5 Dec. 1998",
      "5 December 1998", "5 DECember 1998", "5 Dec 9", "123 Dec 1998", "12 Dec 19981",
      "Tue,14 Oct 2008", "Tue , 14 Oct 2008", "xTue, 14 Oct 2008", "Tue, 3 Mar", "3 Ma 1998",
      "Fri, 1 Janvier 2001", "14 Oct.2008", "14\tOct\n2008", "Mond, 1 Jan 2000",
      "Mon, 12 3 Jan 2000", "Date: 7 Jul 07", "\xC3\xA9t\xC3\xA9, 7 Jul 2007", "", "Tue,",
  };
  for (const char* h : kHeaders)
    EXPECT_EQ(zone::ParseHeaderDate(h), zone::ParseHeaderDateByRegex(h)) << h;
  const std::string kAlphabet = "MonJanDecx0129 ,.\t";
  std::mt19937 random(11);
  for (int n = 0; n < 20000; ++n) {
    std::string h(random() % 24, ' ');
    for (char& c : h) c = kAlphabet[random() % kAlphabet.size()];
    ASSERT_EQ(zone::ParseHeaderDate(h), zone::ParseHeaderDateByRegex(h)) << h;
  }
}

TEST(ZoneFastPathsTest, BylineAuthorAgreesWithThePattern) {
  const char* const kLines[] = {
      "By JOE ABERNATHY, Chronicle Staff", "By David E. Sanger", "BY: Jane Roe", "By:Jane Roe",
      "By  Jane Roe | Reuters", "By", "By ", "By  ", "By \t", "Byline", "by Jane Roe", "bY Jane",
      "By\tJane (AP)", "By Jos\xC3\xA9 Ortega", "By Jos\xC3 Ortega", "By \xC3\xA9", "By\xC2\xA0Jane",
      "BY \xE2\x80\x94 staff", "By Luc\xC3\xAD" "a Fern\xC3\xA1ndez, Madrid", "By \xFF", "By Jane\nRoe", "By -- staff", "BY  :x",
  };
  const zone::LineRules& rules = zone::LineRules::Get();
  for (const char* line : kLines)
    EXPECT_EQ(rules.BylineAuthor(line), rules.BylineAuthorByRegex(line)) << line;
  const std::string kAlphabet = "ByY: \t\fJr,-|(a\xC3\xA9";
  std::mt19937 random(13);
  for (int n = 0; n < 20000; ++n) {
    std::string line(random() % 12, ' ');
    for (char& c : line) c = kAlphabet[random() % kAlphabet.size()];
    if (n % 2 == 0) line = (n % 4 == 0 ? "By" : "BY") + line;
    ASSERT_EQ(rules.BylineAuthor(line), rules.BylineAuthorByRegex(line)) << line;
  }
}

// The UTF-8 bytes of code point c (below U+10000).
std::string Utf8(uint32_t c) {
  std::string out;
  if (c < 0x80) {
    out += static_cast<char>(c);
  } else if (c < 0x800) {
    out += static_cast<char>(0xC0 | c >> 6);
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else {
    out += static_cast<char>(0xE0 | c >> 12);
    out += static_cast<char>(0x80 | (c >> 6 & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  }
  return out;
}

// The short classes of LatinForm take exactly the characters \p{Lu} and \p{L} take, on every
// character that LatinLine lets through; LatinLine lets through exactly Latin-1 and general
// punctuation.
TEST(ZoneLineRulesTest, LatinClassesAgreeWithUnicodeOnLatinLines) {
  for (const char* name : {"\\p{Lu}", "\\p{L}"}) {
    const RE2 unicode(name), latin(zone::LatinForm(name));
    ASSERT_TRUE(latin.ok()) << zone::LatinForm(name);
    int latin_chars = 0;
    for (uint32_t c = 1; c < 0x3000; ++c) {
      if (c >= 0xD800 && c < 0xE000) continue;
      const std::string s = Utf8(c);
      const bool through = (c < 0x100) || (c >= 0x2000 && c < 0x2070);
      ASSERT_EQ(zone::LatinLine(s), through) << std::hex << c;
      if (!through) continue;
      ++latin_chars;
      ASSERT_EQ(RE2::FullMatch(s, latin), RE2::FullMatch(s, unicode)) << name << " " << std::hex << c;
    }
    EXPECT_EQ(latin_chars, 0x100 - 1 + 0x70);
  }
  EXPECT_FALSE(zone::LatinLine("\xC3"));          // cut short
  EXPECT_FALSE(zone::LatinLine("\xE2\x80"));
  EXPECT_FALSE(zone::LatinLine("\xC3\x41"));      // no continuation byte
  EXPECT_FALSE(zone::LatinLine("\xFF"));
  EXPECT_TRUE(zone::LatinLine("MADRID -- Telef\xC3\xB3nica \xE2\x80\x94 \xE2\x80\x99"));
  // Patterns without the two classes stay as written.
  EXPECT_EQ(zone::LatinForm("^(?:[-=_*~#+]{3,}|\\[[^\\]]+\\])\\p{Lx}$"),
            "^(?:[-=_*~#+]{3,}|\\[[^\\]]+\\])\\p{Lx}$");
  EXPECT_EQ(zone::LatinForm("\\p{Lu}[\\p{L}.]"),
            "[A-Z\\x{C0}-\\x{D6}\\x{D8}-\\x{DE}][A-Za-z\\x{AA}\\x{B5}\\x{BA}\\x{C0}-\\x{D6}\\x{D8}-\\x{F6}"
            "\\x{F8}-\\x{FF}.]");
}

// Match runs the rules the cheap test leaves open as single patterns, in their Latin form on a
// Latin line: random lines of Latin-1 letters and signs, punctuation and other scripts, put
// together as bylines, datelines, closing credits, source lines and first-person remarks are.
TEST(ZoneLineRulesTest, PrefilterAgreesWithTheSetOnLatinAndOtherLines) {
  const char* const kPieces[] = {
      "By ", "BY ", "By: ", "MADRID", "\xC3\x89VIAN", "Telef\xC3\xB3nica", "Luc\xC3\xAD" "a",
      "Fern\xC3\xA1ndez", "\xC3\x9F", "\xC2\xB5", "\xC2\xAA", "\xC2\xBA", "\xC3\x97", "\xC3\xB7",
      "\xC3\x9E", "\xC3\xBF", "\xC2\xA0", "\xC2\xA9", "\xC4\x80", "\xC5\xBF", "\xE4\xB8\xAD",
      "\xE2\x81\xB1", "\xE2\x80\x94", "\xE2\x80\x93", "\xE2\x80\x99", "\xE2\x80\x9C", "\xC3",
      " ", ", ", " -- ", " - ", "-", "(AP)", "(Reuters)", "(Agence News)", "[x]", "(", "/19940304)",
      "/", "I", "my", "me", "We're", "from ", "Source: ", "The ", "AP ", "9/13/94 ", "Jane", "ROE",
      ".", "'", "&",
  };
  const size_t kCount = sizeof(kPieces) / sizeof(kPieces[0]);
  const zone::LineRules& rules = zone::LineRules::Get();
  std::mt19937 random(29);
  int counts[zone::kLineRuleCount] = {};
  for (int n = 0; n < 60000; ++n) {
    std::string line;
    const int pieces = 1 + static_cast<int>(random() % 6);
    for (int k = 0; k < pieces; ++k) line += kPieces[random() % kCount];
    if (n % 4 == 0) line = "(" + line + "/19940304)";  // as a closing credit
    const zone::LineRuleSet want = rules.MatchWithoutPrefilter(line);
    ASSERT_EQ(rules.Match(line), want) << line;
    for (int r = 0; r < static_cast<int>(zone::kLineRuleCount); ++r) counts[r] += zone::Has(want, zone::LineRule(r));
  }
  for (zone::LineRule r : {zone::kByline, zone::kDatelineStart, zone::kClosingCredit,
                           zone::kSourceLine, zone::kFirstPerson, zone::kWireSlug})
    EXPECT_GT(counts[r], 100) << zone::LineRuleName(r);
}

TEST(ZoneFastPathsTest, UrlAgreesWithThePattern) {
  const char* const kLines[] = {
      "https://www.nytimes.com/2018/04/17/us/politics/accord.html", "<https://example.com/x.html>",
      "URL: www.example.com/x", "[From http://example.org/a.html]", "see HTTP://X.ORG/A, then",
      "http:// nothing here http://later.org", "www.", "www.x", "ftp://ftp.example.org/pub/",
      "httpſ://example.org", "HTTPS://a.b]c", "http://a<b", "x https://a\tb", "no url at all",
      "wwww.example.org", "http://caf\xC3\xA9.example/\xE2\x80\x94", "http://bad\xFF/x",
      "http://a.b/c).", "https:/x http://y", "http://\xC3", "ftp://", "hTtP://MiXeD.org/Path",
  };
  const zone::LineRules& rules = zone::LineRules::Get();
  for (const char* line : kLines) EXPECT_EQ(rules.Url(line), rules.UrlByRegex(line)) << line;
  const char* const kPieces[] = {"http://", "HTTPS://", "www.", "ftp://", "http", "https", "HTTP", "s", "S", "://", ":", "/", "//", "ftp",
                                 "www", ".", "w", "x", "a.b", " ", "\t", "<", ">", "]", ")", ",",
                                 "\xC3\xA9", "\xE2\x80\x94", "\xC5\xBF", "\xFF", "\n"};
  const size_t kCount = sizeof(kPieces) / sizeof(kPieces[0]);
  std::mt19937 random(37);
  int found = 0;
  for (int n = 0; n < 40000; ++n) {
    std::string line;
    const int pieces = 1 + static_cast<int>(random() % 8);
    for (int k = 0; k < pieces; ++k) line += kPieces[random() % kCount];
    const std::string want = rules.UrlByRegex(line);
    ASSERT_EQ(rules.Url(line), want) << line;
    found += !want.empty();
  }
  EXPECT_GT(found, 2000);
}

// BylineCut in one pass agrees with the least of one find() per cut.
TEST(ZoneFastPathsTest, BylineCutAgreesWithFind) {
  const char* const kCuts[] = {", ", " - ", " -- ", " \xE2\x80\x94 ", "|", "(", ";", "  ", "\t", "/"};
  auto plain = [&](std::string_view rest) {
    size_t cut = rest.size();
    for (std::string_view c : kCuts) cut = std::min(cut, rest.find(c));
    return cut;
  };
  const char* const kPieces[] = {",", " ", "-", "--", "\xE2\x80\x94", "\xE2\x80", "|", "(", ";",
                                 "\t", "/", "Jane", "ROE", ".", "\xC3\xA9", "x"};
  const size_t kCount = sizeof(kPieces) / sizeof(kPieces[0]);
  for (const char* rest : {"", "Jane Roe", "Jane Roe, Staff", "JANE - ROE", "Jane -- Roe",
                           "Jane \xE2\x80\x94 Roe", "Jane\xE2\x80\x94Roe", "Jane  Roe", "J/R", "a -b"})
    EXPECT_EQ(zone::BylineCut(rest), plain(rest)) << rest;
  std::mt19937 random(41);
  for (int n = 0; n < 30000; ++n) {
    std::string rest;
    const int pieces = static_cast<int>(random() % 8);
    for (int k = 0; k < pieces; ++k) rest += kPieces[random() % kCount];
    ASSERT_EQ(zone::BylineCut(rest), plain(rest)) << rest;
  }
}

}  // namespace
}  // namespace accord
