// The token view of the person rules: words, possessives, initials, sentence starts, headline
// and byline lines, URLs skipped, quote marks at line starts ignored.
#include "extractors/people/person_tokens.h"

#include <algorithm>
#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace accord::people {
namespace {

std::vector<std::string> Words(std::string_view text, uint32_t flag = NameToken::kWord) {
  std::vector<NameToken> toks;
  TokenizeText(text, toks);
  std::vector<std::string> out;
  for (const NameToken& t : toks)
    if (t.Is(flag)) out.emplace_back(text.substr(t.begin, t.end - t.begin));
  return out;
}

using V = std::vector<std::string>;

TEST(PersonTokensTest, WordsKeepInnerApostrophesAndHyphensButNotPossessives) {
  EXPECT_EQ(Words("Michael O'Leary's plan"), (V{"Michael", "O'Leary", "plan"}));
  EXPECT_EQ(Words("Trump\u2019s aide"), (V{"Trump", "aide"}));
  EXPECT_EQ(Words("Trump\u2019s aide", NameToken::kPossessive), (V{"\u2019s"}));
  EXPECT_EQ(Words("Jean-Luc al-Assad, co-founder"), (V{"Jean-Luc", "al-Assad", "co-founder"}));
  EXPECT_EQ(Words("Edward J. Snowden"), (V{"Edward", "J", "Snowden"}));
  EXPECT_EQ(Words("Jos\u00e9 \u00c1lvarez", NameToken::kCap), (V{"Jos\u00e9", "\u00c1lvarez"}));
}

TEST(PersonTokensTest, UrlsAndMailAddressesHoldNoWords) {
  EXPECT_EQ(Words("see https://example.com/Brad_Smith now"), (V{"see", "now"}));
  EXPECT_EQ(Words("mail Brad.Smith@example.com now"), (V{"mail", "now"}));
  EXPECT_EQ(Words("www.Example.com/Brad now"), (V{"now"}));
  // A space, tab, newline or CR bounds the run of an address.
  for (const char* sep : {" ", "\t", "\n", "\r"}) {
    const std::string s(sep);
    EXPECT_EQ(Words("see" + s + "www.example.org" + s + "now"), (V{"see", "now"})) << sep;
    EXPECT_EQ(Words("mail" + s + "Brad.Smith@example.com" + s + "now"), (V{"mail", "now"})) << sep;
  }
  // The run of the address starts at "Brad", after the comma and the space.
  EXPECT_EQ(Words("said, Brad.Smith@example.com now"), (V{"said", "now"}));
  EXPECT_EQ(Words("said Brad, Smith@example.com now"), (V{"said", "Brad", "now"}));
}

TEST(PersonTokensTest, SentenceStarts) {
  EXPECT_EQ(Words("He left. Then Mr. Smith and J. Doe came! Why?", NameToken::kSentenceStart),
            (V{"He", "Then", "Why"}));
  EXPECT_EQ(Words("one line\n\nNew paragraph", NameToken::kSentenceStart), (V{"one", "New"}));
}

TEST(PersonTokensTest, QuoteMarksAtLineStartsAreSkipped) {
  EXPECT_EQ(Words("> James\n>   Kallworth > 3", NameToken::kWord | NameToken::kPunct),
            (V{"James", "Kallworth", ">", "3"}));
}

TEST(PersonTokensTest, TitleCaseLinesAreHeadlines) {
  const std::string text =
      "Port Operators Agree to Share Data on Cable Faults\n"
      "By Ada Quinn\n"
      "The firms, led by Globex, plan to announce a set of Principles.\n";
  EXPECT_EQ(Words(text, NameToken::kHeadline),
            (V{"Port", "Operators", "Agree", "to", "Share", "Data", "on", "Cable", "Faults"}));
  EXPECT_EQ(Words(text, NameToken::kByline), (V{"By", "Ada", "Quinn"}));
  // A hard-wrapped body line with mostly capitalised words is not a headline.
  EXPECT_EQ(Words("spokesman Tom Avery said National Security Adviser Dana\nWhitlock left.",
                  NameToken::kHeadline),
            V{});
}

// Lines run from a token with kLineBreakBefore to the next one (the scanner lists those for the
// line features): a line's headline and byline flags cover all of its tokens, and a line start
// dropped with a mail address leaves its words to the line before.
TEST(PersonTokensTest, LineFeaturesCoverWholeLines) {
  const std::string texts[] = {
      "Port Operators Agree to Share Data on Cable Faults\nBy Ada Quinn\nThe firms plan it.\n",
      "Intro\nBrad.Smith@example.com Port Operators Agree Share Data\nlower text here.",
      "Intro\nsee www.example.com Port Operators Agree Share Data\nlower text here.",
      "www.example.com By Ada Quinn\nBy Bo Li and Ada Quinn\n\nBY ADA QUINN, Staff\n",
      "a.b@c.d\nBy Ada Quinn\n> By Bo Li\n>> Port Operators Agree Share Data\n",
      "\n\nTitle Case Line With Five Words\n  \n\tBy Someone Else Entirely\nend",
  };
  for (const std::string& text : texts) {
    std::vector<NameToken> toks;
    TokenizeText(text, toks);
    constexpr uint32_t kLineFlags = NameToken::kHeadline | NameToken::kByline;
    for (size_t i = 1; i < toks.size(); ++i) {
      if (toks[i].Is(NameToken::kLineBreakBefore)) continue;
      EXPECT_EQ(toks[i].flags & kLineFlags, toks[i - 1].flags & kLineFlags) << text << " @" << i;
    }
  }
  EXPECT_EQ(Words(texts[1], NameToken::kHeadline),
            (V{"Intro", "Port", "Operators", "Agree", "Share", "Data"}));
  EXPECT_EQ(Words(texts[3], NameToken::kByline),
            (V{"By", "Ada", "Quinn", "By", "Bo", "Li", "and", "Ada", "Quinn", "BY", "ADA", "QUINN",
               ",", "Staff"}));
}


// The plain meaning of a word's shape flags, from its text alone (ASCII words, with inner
// apostrophes and hyphens): Scan's fast path for plain ASCII words must agree with it.
uint32_t ShapeFlags(std::string_view w) {
  uint32_t f = NameToken::kWord;
  const char c = w[0];
  if (c >= 'a' && c <= 'z') f |= NameToken::kLower;
  else if (c >= 'A' && c <= 'Z') f |= NameToken::kCap;
  else f |= NameToken::kDigit;
  int letters = 0;
  bool lower = false, digit = false;
  for (char b : w) {
    if ((b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z')) ++letters;
    lower |= b >= 'a' && b <= 'z';
    digit |= b >= '0' && b <= '9';
  }
  if (letters >= 2 && !lower) f |= NameToken::kAllCaps;
  if (digit) f |= NameToken::kHasDigit;
  if (w.find('-') != std::string_view::npos) f |= NameToken::kAsciiHyphen;
  return f;
}

TEST(PersonTokensTest, AsciiWordShapesFollowTheirLetters) {
  const char* words[] = {"a",  "A",   "ab",  "AB",   "Ab",   "aB",  "ABC",  "A1",   "AB1", "1A",
                         "1",  "12",  "a1b", "B52s", "NATO", "Nato", "iPhone", "O'Leary",
                         "JEAN-LUC", "Jean-Luc", "al-Assad", "co-op", "F-16", "x", "Q"};
  // What follows the word decides whether the fast path takes it.
  const char* after[] = {"", " ", ",", ".", "\n", ")", "'s", "-", "\xE2\x80\x99s", "\xC3\xA9"};
  for (const char* w : words) {
    for (const char* a : after) {
      const std::string text = std::string("(") + w + a;
      std::vector<NameToken> toks;
      TokenizeText(text, toks);
      ASSERT_GE(toks.size(), 2u) << text;
      const NameToken& t = toks[1];
      const std::string_view got = std::string_view(text).substr(t.begin, t.end - t.begin);
      if (std::string_view(a) == "\xC3\xA9") continue;  // the letter joins the word
      ASSERT_EQ(got, w) << text;
      constexpr uint32_t kShape = NameToken::kWord | NameToken::kCap | NameToken::kLower |
                                  NameToken::kDigit | NameToken::kAllCaps |
                                  NameToken::kHasDigit | NameToken::kAsciiHyphen;
      EXPECT_EQ(t.flags & kShape, ShapeFlags(w)) << text;
    }
  }
}

// The ASCII word loop reads two bytes a step and stops at the text's terminating NUL: words of
// every length, odd and even, at the end of the text and before other bytes, keep their extent
// and shape.
TEST(PersonTokensTest, AsciiWordsOfEveryLengthEndWhereTheirLettersEnd) {
  const std::string alphabet = "abcdefghijklmnopqrstuvwxyz";
  for (size_t n = 1; n <= 20; ++n) {
    const std::string lower = alphabet.substr(0, n);
    std::string upper = lower, mixed = lower, digits;
    for (char& c : upper) c = static_cast<char>(c - 'a' + 'A');
    mixed[0] = static_cast<char>(mixed[0] - 'a' + 'A');
    for (size_t i = 0; i < n; ++i) digits += static_cast<char>('0' + i % 10);
    for (const std::string& w : {lower, upper, mixed, digits, upper + "1", "1" + lower}) {
      for (const char* after : {"", " ", ".", " x", "\n", "'"}) {
        for (const char* before : {"", "x ", "(", "\n"}) {
          const std::string text = before + w + after;
          std::vector<NameToken> toks;
          TokenizeText(text, toks);
          const NameToken* t = nullptr;
          for (const NameToken& k : toks)
            if (k.begin == std::string_view(before).size()) t = &k;
          ASSERT_NE(t, nullptr) << text;
          EXPECT_EQ(std::string_view(text).substr(t->begin, t->end - t->begin), w) << text;
          constexpr uint32_t kShape = NameToken::kWord | NameToken::kCap | NameToken::kLower |
                                      NameToken::kDigit | NameToken::kAllCaps |
                                      NameToken::kHasDigit | NameToken::kAsciiHyphen;
          EXPECT_EQ(t->flags & kShape, ShapeFlags(w)) << text;
        }
      }
    }
  }
}

// ASCII punctuation (but the quote mark '>', the URL and mail marks and the apostrophe, which
// have their own tests) is one token of its byte, with the line flags of what precedes it. After
// a word, the scanner's word loop takes the byte, and the word after it and a space.
TEST(PersonTokensTest, AsciiPunctuationIsOneTokenOfItsByte) {
  for (int c = 1; c < 0x80; ++c) {
    const char b = static_cast<char>(c);
    if ((b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || (b >= '0' && b <= '9')) continue;
    if (b == ' ' || b == '\t' || b == '\n' || b == '\r' || b == '\f' || b == '\v') continue;
    if (b == '>' || b == ':' || b == '@' || b == '\'') continue;
    for (const char* before : {"Ab", "Ab ", "Ab\n", "Ab\n\n"}) {
      for (const char* after : {" Cd", "Cd", "\nCd", "  Cd", " \nCd"}) {
        if (b == '-' && after[0] == 'C') continue;  // "Ab-Cd" is one word
        const std::string text = before + std::string(1, b) + after;
        std::vector<NameToken> toks;
        TokenizeText(text, toks);
        ASSERT_EQ(toks.size(), 3u) << text;
        const NameToken& t = toks[1];
        const std::string_view tv(text);
        EXPECT_EQ(tv.substr(t.begin, t.end - t.begin), std::string(1, b)) << text;
        const std::string_view bv(before);
        const bool line = bv.back() == '\n';
        const bool paragraph = bv.size() >= 2 && bv.substr(bv.size() - 2) == "\n\n";
        EXPECT_EQ(t.flags & ~NameToken::kHeadline & ~NameToken::kByline,
                  NameToken::kPunct | (line ? uint32_t{NameToken::kLineBreakBefore} : 0u) |
                      (paragraph ? uint32_t{NameToken::kParagraphBefore} : 0u))
            << text;
        const NameToken& w = toks[2];
        EXPECT_EQ(tv.substr(w.begin, w.end - w.begin), "Cd") << text;
        const bool line_after = std::string_view(after).find('\n') != std::string_view::npos;
        EXPECT_EQ(w.flags & (NameToken::kWord | NameToken::kCap | NameToken::kLineBreakBefore),
                  NameToken::kWord | NameToken::kCap |
                      (line_after ? uint32_t{NameToken::kLineBreakBefore} : 0u))
            << text;
      }
    }
  }
}

// Words after a single space take the scanner's inner loop: every pair of shapes, with what
// may follow the second word, splits and flags as the plain meaning says (and "www." still
// starts a URL).
TEST(PersonTokensTest, WordsAfterASingleSpaceKeepTheirShapes) {
  const char* words[] = {"a", "A", "AB", "Ab", "A1", "1A", "12", "NATO", "iPhone", "O'Leary",
                         "Jean-Luc", "F-16", "x", "wide", "Wide"};
  const char* after[] = {"", " ", ",", ".", "\n", "'s", "-", "\xC3\xA9"};
  for (const char* w1 : words) {
    for (const char* w2 : words) {
      for (const char* a : after) {
        const std::string text = std::string(w1) + " " + w2 + a;
        std::vector<NameToken> toks;
        TokenizeText(text, toks);
        ASSERT_GE(toks.size(), 2u) << text;
        const std::string_view t0 = std::string_view(text).substr(toks[0].begin, toks[0].end - toks[0].begin);
        const std::string_view t1 = std::string_view(text).substr(toks[1].begin, toks[1].end - toks[1].begin);
        EXPECT_EQ(t0, w1) << text;
        constexpr uint32_t kShape = NameToken::kWord | NameToken::kCap | NameToken::kLower |
                                    NameToken::kDigit | NameToken::kAllCaps |
                                    NameToken::kHasDigit | NameToken::kAsciiHyphen;
        EXPECT_EQ(toks[0].flags & kShape, ShapeFlags(w1)) << text;
        EXPECT_TRUE(toks[0].Is(NameToken::kSentenceStart)) << text;
        EXPECT_FALSE(toks[1].Is(NameToken::kSentenceStart)) << text;
        if (std::string_view(a) == "\xC3\xA9") continue;  // the letter joins the word
        EXPECT_EQ(t1, w2) << text;
        EXPECT_EQ(toks[1].flags & kShape, ShapeFlags(w2)) << text;
      }
    }
  }
  EXPECT_EQ(Words("see www.example.org now"), (V{"see", "now"}));
  EXPECT_EQ(Words("see WWW.EXAMPLE.ORG now"), (V{"see", "now"}));
  EXPECT_EQ(Words("see wwwx now"), (V{"see", "wwwx", "now"}));
}

// Title and byline zones and earlier entities mark the tokens inside them: the pointer windows
// of TokenizeForNames agree with a plain search over every span.
TEST(PersonTokensTest, ZonesAndTakenSpansMarkTheTokensInside) {
  std::string text;
  for (int k = 0; k < 120; ++k) text += (k % 3 == 0 ? "Ada " : k % 3 == 1 ? "met " : "Bo, ");
  for (int layout = 0; layout < 6; ++layout) {
    Document doc;
    doc.text = text;
    doc.norm.AppendVerbatim(text, 0);
    for (uint32_t b = 7 * layout; b + 30 < text.size(); b += 90 + 13 * layout) {
      doc.zones.push_back({layout % 2 ? ZoneKind::kTitle : ZoneKind::kByline, {b, b + 30 + layout}});
      Entity e;
      e.type = EntityType::kNation;
      e.start = b + 45;
      e.end = b + 49 + 3 * layout;
      doc.entities.push_back(e);
    }
    std::vector<NameToken> toks;
    TokenizeForNames(doc, toks);
    ASSERT_GT(toks.size(), 150u);
    for (const NameToken& t : toks) {
      uint32_t want = 0;
      for (const Zone& z : doc.zones)
        if (z.span.begin <= t.begin && t.begin < z.span.end)
          want |= z.kind == ZoneKind::kTitle ? NameToken::kHeadline : NameToken::kByline;
      if (t.Is(NameToken::kCap)) {
        for (const Entity& e : doc.entities)
          if (e.start < t.end && t.begin < e.end) want |= NameToken::kTaken;
      }
      const uint32_t got = t.flags & (NameToken::kHeadline | NameToken::kByline | NameToken::kTaken);
      // A Title Case line without a title zone may be a headline of its own: only title zones
      // are compared in layouts without one.
      if (layout % 2 == 0) {
        EXPECT_EQ(got & ~NameToken::kHeadline, want & ~NameToken::kHeadline) << t.begin;
      } else {
        EXPECT_EQ(got, want) << layout << " " << t.begin;
      }
    }
  }
}

// The layout flags a token should carry, by a plain search over every zone and entity: kHeadline
// or kByline from the zone its first byte is in, kTaken when it is a word of one of the kinds in
// `taken_kinds` and overlaps an entity found before.
uint32_t PlainLayoutFlags(const Document& doc, const NameToken& t, uint32_t taken_kinds) {
  const uint32_t raw_begin = doc.norm.RawBegin(t.begin), raw_end = doc.norm.RawEnd(t.end - 1);
  uint32_t want = 0;
  for (const Zone& z : doc.zones)
    if (z.span.begin <= raw_begin && raw_begin < z.span.end)
      want |= z.kind == ZoneKind::kTitle ? NameToken::kHeadline : NameToken::kByline;
  if (t.Is(taken_kinds))
    for (const Entity& e : doc.entities)
      if (e.start < raw_end && raw_begin < e.end) want |= NameToken::kTaken;
  return want;
}

// The same over a text of many runs: one-to-one pieces with raw gaps between them (quote marks
// the normalizer dropped) and collapsed runs (a curly quote folded to one byte). Tokens skipped
// by the walk (those that cannot reach the next span) must get the flags a plain search over
// every span gives, with raw offsets from the map itself.
TEST(PersonTokensTest, ZonesAndTakenSpansMarkTheTokensInsideAcrossRuns) {
  const char* pieces[] = {"Ada met Bo ", "and Cy Dee, ", "\"", "Eve Fox said ", "Gil ", "x"};
  for (int layout = 0; layout < 8; ++layout) {
    Document doc;
    uint32_t raw = 0;
    for (int k = 0; k < 60; ++k) {
      const std::string_view piece = pieces[(k + layout) % 6];
      if (piece == "\"") {
        doc.norm.Append(piece, raw, raw + 3);  // collapsed
        raw += 3;
      } else {
        doc.norm.AppendVerbatim(piece, raw);
        raw += static_cast<uint32_t>(piece.size());
      }
      raw += static_cast<uint32_t>((k * 7 + layout) % 4);  // a gap of dropped raw bytes
    }
    doc.text.assign(raw, ' ');
    for (uint32_t b = 5 * layout; b + 60 < raw; b += 70 + 11 * layout + 9 * (b % 2)) {
      // Title and byline zones in turn (the text is one line of more words than a headline).
      doc.zones.push_back({(b / 70) % 2 ? ZoneKind::kByline : ZoneKind::kTitle, {b, b + 9 + 5 * layout}});
      Entity e;
      e.type = EntityType::kDate;
      e.start = b + 25 + layout;
      e.end = b + 31 + 2 * layout;
      doc.entities.push_back(e);
    }
    std::vector<NameToken> toks;
    TokenizeForNames(doc, toks);
    ASSERT_GT(toks.size(), 100u);
    for (const NameToken& t : toks) {
      const uint32_t got =
          t.flags & (NameToken::kHeadline | NameToken::kByline | NameToken::kTaken);
      EXPECT_EQ(got, PlainLayoutFlags(doc, t, NameToken::kCap))
          << "layout " << layout << " token at " << t.begin;
    }
  }
}


// Taken spans of many tokens, nested and overlapping spans, hyphenated words and collapsed runs
// of several bytes (a paragraph break, a quoted line's unwrapped break): the walk passes over
// the tokens inside a span and gives each capitalised or hyphenated word there kTaken, as a
// plain search over every span does.
TEST(PersonTokensTest, LongAndNestedTakenSpansMarkTheirWords) {
  const char* pieces[] = {"Ada met Bo ", "al-Assad and Cy Dee, ", "\n\n", "Eve Fox said ",
                          " ", "March 3, 2014 ", "co-op Gil ", "x"};
  constexpr int kPieces = sizeof(pieces) / sizeof(pieces[0]);
  for (int layout = 0; layout < 12; ++layout) {
    Document doc;
    uint32_t raw = 0;
    for (int k = 0; k < 80; ++k) {
      const std::string_view piece = pieces[(k + layout) % kPieces];
      if (piece == "\n\n" || piece == " ") {
        const uint32_t raw_len = piece == " " ? 4 : 3;  // "\n> " and " \n\n" in the raw text
        doc.norm.Append(piece, raw, raw + raw_len);  // collapsed
        raw += raw_len;
      } else {
        doc.norm.AppendVerbatim(piece, raw);
        raw += static_cast<uint32_t>(piece.size());
      }
      raw += static_cast<uint32_t>((k * 5 + layout) % 3);  // a gap of dropped raw bytes
    }
    doc.text.assign(raw, ' ');
    for (uint32_t b = 3 * layout; b + 80 < raw; b += 50 + 7 * layout + 5 * (b % 3)) {
      if (layout % 3 == 0)
        doc.zones.push_back({ZoneKind::kByline, {b + 10, b + 20 + layout}});
      Entity e;
      e.type = EntityType::kDate;
      e.start = b;
      e.end = b + 20 + 4 * layout;  // up to several tokens
      doc.entities.push_back(e);
      if (layout % 2 == 1) {
        e.start = b + 4;  // nested in the span before (or reaching past it)
        e.end = b + 8 + 5 * layout;
        doc.entities.push_back(e);
      }
    }
    std::vector<NameToken> toks;
    TokenizeForNames(doc, toks);
    ASSERT_GT(toks.size(), 100u);
    for (const NameToken& t : toks) {  // (every zone here is a byline)
      const uint32_t got = t.flags & (NameToken::kByline | NameToken::kTaken);
      EXPECT_EQ(got, PlainLayoutFlags(doc, t, NameToken::kCap | NameToken::kAsciiHyphen))
          << "layout " << layout << " token at " << t.begin;
    }
  }
}

// The scanner reads plain ASCII words off 64-byte windows: words that cross a window's end, that
// fill a window or outgrow it, and that end the text at any distance from a window's start keep
// their extent and shape. Each text is words of many lengths after a single space, so the
// windows fall anywhere in them.
TEST(PersonTokensTest, AsciiWordsAcrossWindowsKeepTheirExtentAndShape) {
  const std::string alphabet = "abcdefghijklmnopqrstuvwxyz";
  auto word = [&](size_t n, int shape) {
    std::string w;
    for (size_t i = 0; i < n; ++i) w += alphabet[(i * 7 + n) % 26];
    if (shape == 1) w[0] = static_cast<char>(w[0] - 'a' + 'A');
    if (shape == 2) for (char& c : w) c = static_cast<char>(c - 'a' + 'A');
    if (shape == 3) w[n / 2] = static_cast<char>('0' + n % 10);
    return w;
  };
  for (size_t lead = 0; lead < 70; ++lead) {
    std::string text(lead, 'x');
    if (lead > 0) text += ' ';
    std::vector<std::string> words;
    for (size_t n : {1, 3, 62, 63, 64, 65, 2, 130, 5, 1, 9, 40, 17, 70}) {
      words.push_back(word(n, static_cast<int>((n + lead) % 4)));
      text += words.back() + (n % 3 == 0 ? ", " : " ");
    }
    text.pop_back();  // the last word ends the text, or a comma follows it
    std::vector<NameToken> toks;
    TokenizeText(text, toks);
    std::vector<const NameToken*> got;
    for (const NameToken& t : toks)
      if (t.Is(NameToken::kWord)) got.push_back(&t);
    ASSERT_EQ(got.size(), words.size() + (lead > 0 ? 1 : 0)) << text;
    for (size_t k = 0; k < words.size(); ++k) {
      const NameToken& t = *got[k + (lead > 0 ? 1 : 0)];
      EXPECT_EQ(std::string_view(text).substr(t.begin, t.end - t.begin), words[k]) << lead;
      constexpr uint32_t kShape = NameToken::kWord | NameToken::kCap | NameToken::kLower |
                                  NameToken::kDigit | NameToken::kAllCaps |
                                  NameToken::kHasDigit | NameToken::kAsciiHyphen;
      EXPECT_EQ(t.flags & kShape, ShapeFlags(words[k])) << lead << " " << words[k];
    }
  }
}


// Sentences from segmentation mark the first word inside each as a sentence start, however many
// tokens a sentence holds (the walk to a sentence's start passes over tokens several at a time)
// and whether it opens with punctuation or holds no word at all.
TEST(PersonTokensTest, SegmentedSentencesMarkTheirFirstWord) {
  std::string text;
  for (int k = 0; k < 200; ++k) {
    text += k % 7 == 0 ? "\"" : "";
    text += k % 3 == 0 ? "Ada" : k % 3 == 1 ? "met" : "bo";
    text += k % 11 == 0 ? ". " : k % 5 == 0 ? ", " : " ";
  }
  for (int layout = 0; layout < 10; ++layout) {
    Document doc;
    doc.text = text;
    doc.norm.AppendVerbatim(text, 0);
    // Sentences of 1 to about 40 tokens' worth of bytes, some of punctuation alone.
    for (uint32_t b = 0, k = 0; b < text.size(); ++k) {
      const uint32_t len = 1 + (k * 37 + layout * 13) % (layout < 5 ? 60 : 240);
      const uint32_t e = std::min<uint32_t>(b + len, static_cast<uint32_t>(text.size()));
      doc.sentences.push_back({b, e});
      b = e + (k + layout) % 3;  // gaps between sentences too
    }
    std::vector<NameToken> toks;
    TokenizeForNames(doc, toks);
    ASSERT_GT(toks.size(), 200u);
    std::vector<bool> want(toks.size(), false);
    for (const Span& sentence : doc.sentences) {
      for (size_t i = 0; i < toks.size(); ++i) {
        if (toks[i].begin >= sentence.begin && toks[i].begin < sentence.end &&
            toks[i].Is(NameToken::kWord)) {
          want[i] = true;
          break;
        }
      }
    }
    for (size_t i = 0; i < toks.size(); ++i) {
      // (The first word of the text starts a paragraph, and with it a sentence, in any case.)
      if (i == 0) continue;
      EXPECT_EQ(toks[i].Is(NameToken::kSentenceStart), want[i]) << layout << " token " << i;
    }
  }
}

}  // namespace
}  // namespace accord::people
