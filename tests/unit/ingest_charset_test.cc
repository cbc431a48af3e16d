// The pieces of ingest that work on one string: charset conversion, HTML to text, list names,
// format detection and mbox separator lines. Table-driven; each row names the rule it guards.
#include <cctype>
#include <cstdint>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "pipeline/ingest/charset.h"
#include "pipeline/ingest/html_text.h"
#include "pipeline/ingest/ingest.h"
#include "pipeline/ingest/mbox_reader.h"
#include "pipeline/ingest/mime_message.h"
#include "pipeline/utf8.h"

namespace accord::ingest {
namespace {

struct CharsetCase {
  const char* rule;
  std::string bytes;
  const char* declared;
  std::string want;      // UTF-8
  const char* charset;   // the charset ToUtf8 says it used
};

TEST(CharsetTest, ToUtf8) {
  const CharsetCase cases[] = {
      {"ascii passes through", "plain", "", "plain", "us-ascii"},
      {"utf8-valid undeclared", "caf\xc3\xa9", "", "caf\u00e9", "utf-8"},
      {"utf8-valid declared us-ascii", "caf\xc3\xa9", "us-ascii", "caf\u00e9", "utf-8"},
      {"declared latin-1", "caf\xe9", "ISO-8859-1", "caf\u00e9", "iso-8859-1"},
      {"latin1-as-1252", "\x93quoted\x94 \x80", "iso-8859-1", "\u201cquoted\u201d \u20ac", "windows-1252"},
      {"declared windows-1252", "\x93x\x94", "windows-1252", "\u201cx\u201d", "windows-1252"},
      {"declared koi8-r", "\xf0\xd2\xc9\xd7\xc5\xd4", "koi8-r", "\u041f\u0440\u0438\u0432\u0435\u0442", "koi8-r"},
      {"unknown charset falls back to detection", "caf\xe9 cr\xe8me br\xfbl\xe9" "e", "x-unknown-charset",
       "caf\u00e9 cr\u00e8me br\u00fbl\u00e9e", nullptr},
      {"utf-8 declared, bytes invalid", "ab\xff" "cd", "utf-8", "ab\ufffd" "cd", nullptr},
      // The checks start after the leading ASCII: what follows it still decides.
      {"ascii prefix, then utf-8", "A long plain prefix caf\xc3\xa9", "", "A long plain prefix caf\u00e9", "utf-8"},
      {"ascii prefix, then C1 bytes", "A long plain prefix \x93q\x94", "iso-8859-1",
       "A long plain prefix \u201cq\u201d", "windows-1252"},
      {"ascii prefix, then invalid utf-8", "A long plain prefix ab\xff" "cd", "utf-8",
       "A long plain prefix ab\ufffd" "cd", nullptr},
      {"ascii prefix, then a cut sequence", "A long plain prefix \xc3", "utf-8", "A long plain prefix \u00c3", nullptr},
      {"ascii only, declared utf-16", "A long plain text.", "utf-16be",
       "\u4120\u6c6f\u6e67\u2070\u6c61\u696e\u2074\u6578\u742e", "utf-16be"},
  };
  for (const auto& c : cases) {
    std::string out;
    const std::string used = ToUtf8(c.bytes, c.declared, &out);
    EXPECT_TRUE(utf8::IsValid(out)) << c.rule;
    if (c.charset != nullptr) {
      EXPECT_EQ(used, c.charset) << c.rule;
    }
    EXPECT_EQ(out, c.want) << c.rule << " (used " << used << ")";
  }
}

// Single-byte charsets convert through a table of ICU's answer for each byte: it must give what
// ICU's converter gives over the whole text, for every byte in every order. Multi-byte and
// stateful charsets have no table; they are here to show that the table leaves them alone.
TEST(CharsetTest, ByteTableGivesWhatIcuGives) {
  std::vector<std::string> inputs;
  std::string all, reversed;
  for (int b = 0; b < 256; ++b) all.push_back(static_cast<char>(b));
  reversed.assign(all.rbegin(), all.rend());
  inputs.push_back(all);
  inputs.push_back(reversed);
  std::string noise;
  uint32_t x = 12345;
  for (int i = 0; i < 4096; ++i) {
    x = x * 1103515245 + 12345;  // a fixed pseudo-random sequence
    noise.push_back(static_cast<char>(x >> 16));
  }
  inputs.push_back(noise);
  inputs.push_back("Caf\xe9 in M\xfcnchen, \x93quoted\x94 \x96 \x80 100.\n");
  inputs.push_back("");
  const char* single_byte[] = {"windows-1252", "iso-8859-1", "ISO-8859-2", "iso-8859-7", "iso-8859-15",
                               "koi8-r", "koi8-u", "windows-1250", "windows-1251", "windows-1255", "cp437",
                               "cp850", "cp866", "macintosh", "us-ascii", "tis-620", "ibm037"};
  const char* multi_byte[] = {"shift_jis", "gb2312", "big5", "euc-kr", "iso-2022-jp", "utf-16le", "utf-8"};
  std::vector<const char*> charsets;
  for (const char* cs : single_byte) {
    EXPECT_TRUE(HasByteTable(cs)) << cs;
    charsets.push_back(cs);
  }
  for (const char* cs : multi_byte) {
    EXPECT_FALSE(HasByteTable(cs)) << cs;
    charsets.push_back(cs);
  }
  for (const char* cs : charsets) {
    for (const std::string& in : inputs) {
      std::string by_table = "prefix ", by_stream = "prefix ";
      const bool known = ConvertCharset(in, cs, &by_table, /*byte_table=*/true);
      EXPECT_EQ(ConvertCharset(in, cs, &by_stream, /*byte_table=*/false), known) << cs;
      EXPECT_TRUE(known) << cs;
      EXPECT_EQ(by_table, by_stream) << cs << ", input of " << in.size() << " bytes";
      // ToUtf8 does not check a byte table's text again.
      if (HasByteTable(cs)) {
        EXPECT_TRUE(utf8::IsValid(by_table)) << cs;
      }
    }
  }
  std::string out;
  EXPECT_FALSE(ConvertCharset("x", "x-no-such-charset", &out));
}

// ToUtf8 appends: when a byte table converts the text, what `out` held before is still made
// well-formed, as for any declared charset.
TEST(CharsetTest, DeclaredCharsetKeepsTheOutputWellFormed) {
  const struct {
    const char* charset;
    std::string before, bytes, want;
  } cases[] = {
      {"iso-8859-2", "", "\xb1", "\xc4\x85"},
      {"iso-8859-2", "ok ", "\xb1", "ok \xc4\x85"},
      {"iso-8859-2", "bad \xff ", "\xb1", "bad \xef\xbf\xbd \xc4\x85"},
      {"koi8-r", "\xc3", "\xc1", "\xef\xbf\xbd\xd0\xb0"},
      {"shift_jis", "bad \xff ", "\x82\xa0", "bad \xef\xbf\xbd \xe3\x81\x82"},
  };
  for (const auto& c : cases) {
    std::string out = c.before;
    EXPECT_EQ(ToUtf8(c.bytes, c.charset, &out), c.charset);
    EXPECT_EQ(out, c.want) << c.charset << " after " << c.before.size() << " bytes";
  }
}

// latin1-as-1252 looks for C1 bytes (0x80-0x9F) past the ASCII runs, which it skips eight bytes at
// a time: a probe byte at every position of texts of several lengths, with a Latin-1 letter (not
// C1) elsewhere, must be seen exactly when it is a C1 byte.
TEST(CharsetTest, Latin1AsWindows1252AtEveryPosition) {
  const unsigned char probes[] = {0x7F, 0x80, 0x85, 0x9F, 0xA0, 0xE9, 0xFF};
  for (size_t size : {1u, 7u, 8u, 9u, 17u, 40u}) {
    for (size_t i = 0; i < size; ++i) {
      for (unsigned char probe : probes) {
        std::string text(size, 'a');
        text[i] = static_cast<char>(probe);
        if (size > 1) text[(i + size / 2) % size] = static_cast<char>(0xE9);  // not valid UTF-8 after it
        if (size > 1 && (i + size / 2) % size == i) continue;
        bool c1 = false;
        for (char c : text) c1 |= static_cast<unsigned char>(c) >= 0x80 && static_cast<unsigned char>(c) <= 0x9F;
        std::string out;
        const std::string used = ToUtf8(text, "iso-8859-1", &out);
        std::string want;
        ASSERT_TRUE(ConvertCharset(text, c1 ? "windows-1252" : "iso-8859-1", &want, /*byte_table=*/false));
        EXPECT_EQ(used, c1 ? "windows-1252" : "iso-8859-1") << "size " << size << ", byte " << int(probe) << " at " << i;
        EXPECT_EQ(out, want) << "size " << size << ", byte " << int(probe) << " at " << i;
      }
    }
  }
}

// IsUtf8AsIs lets the shortcut use a body where it is instead of copying it through ToUtf8: it
// must hold only where ToUtf8 gives the bytes unchanged, for every label and kind of text.
TEST(CharsetTest, Utf8AsIsOnlyWhereToUtf8KeepsTheBytes) {
  const std::string texts[] = {"",
                               "plain ASCII",
                               "caf\xc3\xa9 \xe2\x80\x94 \xf0\x9f\x98\x80",
                               "caf\xe9",
                               "C1 \x93quoted\x94",
                               "\xed\xa0\x80 surrogate",
                               "\xc0\xaf overlong",
                               "cut \xe2\x80",
                               std::string("nul\0byte", 8)};
  const char* labels[] = {"", "utf-8", "UTF-8", "utf8", "us-ascii", "ASCII", "iso-8859-1", "windows-1252",
                          "koi8-r", "x-unknown", "utf-16"};
  for (const std::string& text : texts) {
    for (const char* label : labels) {
      std::string out;
      ToUtf8(text, label, &out);
      const bool as_is = IsUtf8AsIs(text, label);
      if (as_is) {
        EXPECT_EQ(out, text) << label;
      }
      const std::string lower = [&] {
        std::string l = label;
        for (char& c : l) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        return l;
      }();
      const bool utf8_label = lower.empty() || lower == "utf-8" || lower == "utf8" || lower == "us-ascii" || lower == "ascii";
      EXPECT_EQ(as_is, utf8_label && utf8::IsValid(text)) << label << " " << text;
    }
  }
}

TEST(CharsetTest, SanitizeReplacesEachBadByte) {
  const struct {
    std::string in, want;
  } cases[] = {
      {"ok \u00e9", "ok \u00e9"},
      {"\xff", "\ufffd"},
      {"overlong \xc0\xaf", "overlong \ufffd\ufffd"},
      {"surrogate \xed\xa0\x80", "surrogate \ufffd\ufffd\ufffd"},
      {"cut \xe2\x80", "cut \ufffd\ufffd"},
      {"keeps U+FFFD \xef\xbf\xbd", "keeps U+FFFD \ufffd"},
  };
  for (const auto& c : cases) {
    std::string s = c.in;
    SanitizeUtf8(&s);
    EXPECT_EQ(s, c.want);
    EXPECT_TRUE(utf8::IsValid(s));
  }
}

TEST(HtmlTextTest, BlocksBreaksEntitiesAndSkippedElements) {
  const struct {
    const char* rule;
    const char* html;
    const char* want;
  } cases[] = {
      {"paragraphs are lines", "<p>One</p><p>Two</p>", "One\nTwo\n"},
      {"br breaks a line", "a<br>b<br/>c", "a\nb\nc\n"},
      {"entities decoded", "AT&amp;T &copy; &#8217;s", "AT&T \u00a9 \u2019s\n"},
      {"script and style dropped", "<style>p{color:red}</style><script>x()</script>Text", "Text\n"},
      {"white space folded", "<div>  many \n  spaces  </div>", "many spaces\n"},
      {"pre keeps lines", "<pre>a\n  b</pre>", "a\n  b\n"},
      {"broken markup recovered", "<p>unclosed <b>bold <i>both</p>after", "unclosed bold both\nafter\n"},
      {"no text", "<img src=x>", ""},
      {"short text nodes", "<b>a</b> <i>b</i><br>c<span>d</span> e", "a b\ncd e\n"},
      {"white space after an element dropped", "<p>x<img src=x> <b>y</b></p>", "xy\n"},
      {"HTML 4.01 body white space dropped",
       "<!DOCTYPE HTML PUBLIC \"-//W3C//DTD HTML 4.01//EN\"><html><body> <b>x</b> y</body></html>", "x y\n"},
  };
  for (const auto& c : cases) EXPECT_EQ(HtmlToText(c.html), c.want) << c.rule;
}

// The walk keeps the kinds of the first sixteen element names it meets: names past those, and
// names met again, must be classified as the first time.
TEST(HtmlTextTest, ManyElementNames) {
  std::string html, want;
  const char* inline_names[] = {"span", "b", "i", "u", "em", "strong", "a", "small", "big", "sub",
                                "sup", "code", "kbd", "var", "cite", "abbr", "q", "s", "tt"};
  for (int round = 0; round < 2; ++round) {
    for (const char* name : inline_names) {
      html += std::string("<") + name + ">" + name + "</" + name + ">";
      want += name;
    }
    html += "<p>para</p><div>block</div><script>skipped()</script><pre>a  b</pre>";
    want += "\npara\nblock\na  b\n";
  }
  EXPECT_EQ(HtmlToText(html), want);
}

TEST(HtmlTextTest, DeepNestingDoesNotExhaustTheStack) {
  auto nested = [](int depth) {
    std::string html;
    for (int i = 0; i < depth; ++i) html += "<div>";
    return html + "deep";
  };
  EXPECT_EQ(HtmlToText(nested(200)), "deep\n");
  // libxml2 stops at its depth limit; what matters is that nothing crashes.
  EXPECT_TRUE(utf8::IsValid(HtmlToText(nested(100000))));
}

TEST(ListNameTest, FromListIdThenSubjectTag) {
  const struct {
    const char* list_id;
    const char* subject;
    const char* want;
  } cases[] = {
      {"Wirenotes forwarded news <wirenotes.lists.example.org>", "[Wirenotes] x", "Wirenotes"},
      {"Wirenotes forwarded news <wirenotes.lists.example.org>", "no tag", "Wirenotes"},
      {"<netwatch.lists.example.net>", "[Netwatch] - Tech", "Netwatch"},
      {"\"Some list\" <cypherpunks.toad.com>", "x", "cypherpunks"},
      {"", "[e-money] Press Review", "e-money"},
      {"", "Re: [Netwatch] - x", "Netwatch"},
      {"", "No tag here", ""},
      {"", "Fwd: [Tag] x", "Tag"},
      {"", "fw: [Tag] x", "Tag"},
      {"", "Re: Re: Fwd: [Deep] x", "Deep"},
      {"", "Re: Re: Re: Re: [Four] x", ""},
      {"", "  [ spaced tag ]  rest", "spaced tag"},
      {"", "[] empty", ""},
      {"", "[unclosed tag", ""},
      {"", "[a-very-long-tag-name-that-goes-past-sixty-four-characters-of-subject-x] y", ""},
      {"", "Re:", ""},
      {"", "re:[x]y", "x"},
      {"", "RE: FWD: [Mixed] z", "Mixed"},
      {"", "Re:\t[Tab] z", "Tab"},
      {"Netwatch list <netwatch.lists.example.net>", "x", "Netwatch"},
      {"Netwatch list <netwatch.lists.example.net>", "[NETWATCH] x", "NETWATCH"},
      {"  netwatch.lists.example.net  ", "x", "netwatch"},
      {"<.example>", "[Tag] x", "Tag"},
      {"Desc only <.example>", "x", "Desc only"},
      {"\"Quoted\" <>", "x", "Quoted"},
      {"\"A\" <a.b>", "[other] x", "A"},
      {"no brackets here", "x", "no brackets here"},
      {"> backwards <", "x", "> backwards <"},
      {"x <y.z> <w.v>", "[Y] s", "Y"},
      {"Wirenotes forwarded news <wirenotes.lists.example.org>", "Re: [wirenotes] x", "wirenotes"},
      {"\"\" <q.r>", "", "q"},
      {"\"", "x", "\""},
      {"<nodot>", "[NoDot] x", "NoDot"},
      {"<nodot>", "x", "nodot"},
  };
  for (const auto& c : cases) EXPECT_EQ(ListName(c.list_id, c.subject), c.want) << c.list_id << " / " << c.subject;
}

TEST(DetectFormatTest, ByContent) {
  const struct {
    const char* head;
    InputFormat want;
  } cases[] = {
      {"From ann@example.org Mon Apr 16 10:00:00 2018\nFrom: a\n", InputFormat::kMbox},
      {"From MAILER-DAEMON Fri Jul  8 12:08:34 2011\n", InputFormat::kMbox},
      {"From andy at example.com  Sat Nov 14 21:29:28 2015\n", InputFormat::kPipermail},
      {"{\"schema\":\"accord/1\"}\n", InputFormat::kJsonl},
      {"\xef\xbb\xbf{\"a\":1}\n", InputFormat::kJsonl},
      {"Return-Path: <a@b>\nFrom: a@b\nSubject: x\n\nbody", InputFormat::kEml},
      {"Received: from x\n\tby y\nMessage-ID: <a@b>\n\nbody", InputFormat::kEml},
      {"Tech Firms to Pledge\nBy David E. Sanger\n", InputFormat::kText},
      {"From the wires, in case you missed it:\n", InputFormat::kText},
      {"Note: this is an article\nthat starts with a colon line\n", InputFormat::kText},
  };
  for (const auto& c : cases) EXPECT_EQ(DetectFormat(c.head), c.want) << c.head;
}

TEST(MboxSeparatorTest, FromLines) {
  const struct {
    const char* line;
    bool from;
  } cases[] = {
      {"From ann@example.org Mon Apr 16 10:00:00 2018\n", true},
      {"From andy at example.com  Sat Nov 14 21:29:28 2015\n", true},
      {"From ann@example.org Mon, 16 Apr 2018 10:00 +0000\n", true},
      {"From the wires, in case you missed it:\n", false},
      {"From 1998 to 2003 the agency grew.\n", false},
      {"From: ann@example.org\n", false},
      {"from ann@example.org Mon Apr 16 10:00:00 2018\n", false},
  };
  for (const auto& c : cases) EXPECT_EQ(IsFromLine(c.line), c.from) << c.line;
}

// What a separator line needs after its sender, by its plain meaning: a ':' with a digit before
// and two after, and four digits standing alone; each position looked at.
bool HasTimeAndYearAtSomePosition(const std::string& rest) {
  auto digit = [&rest](size_t i) { return i < rest.size() && rest[i] >= '0' && rest[i] <= '9'; };
  bool time = false, year = false;
  for (size_t i = 0; i < rest.size(); ++i) {
    time |= rest[i] == ':' && i > 0 && digit(i - 1) && digit(i + 1) && digit(i + 2);
    year |= digit(i) && (i == 0 || !digit(i - 1)) && digit(i + 1) && digit(i + 2) && digit(i + 3) && !digit(i + 4);
  }
  return time && year;
}

// IsFromLine finds the time and the year at the runs of digits: lines made of every mix of the
// pieces a date is written with must be separators exactly when the plain meaning says so.
TEST(MboxSeparatorTest, TimeAndYearAsThePlainMeaning) {
  const std::string pieces[] = {"1", "12", "123", "2018", "20188", ":", ":0", ":00", "0:", " ", "Mon", "+0000", "-", "x"};
  constexpr size_t kPieces = sizeof(pieces) / sizeof(pieces[0]);
  int separators = 0;
  for (size_t a = 0; a < kPieces; ++a) {
    for (size_t b = 0; b < kPieces; ++b) {
      for (size_t c = 0; c < kPieces; ++c) {
        for (size_t d = 0; d < kPieces; ++d) {
          const std::string rest = " " + pieces[a] + pieces[b] + pieces[c] + pieces[d];
          const bool want = HasTimeAndYearAtSomePosition(rest);
          separators += want;
          EXPECT_EQ(IsFromLine("From ann@example.org" + rest), want) << rest;
          EXPECT_EQ(IsFromLine("From ann@example.org" + rest + "\n"), want) << rest;
        }
      }
    }
  }
  EXPECT_GT(separators, 100);  // the mixes do make separators
}

}  // namespace
}  // namespace accord::ingest
