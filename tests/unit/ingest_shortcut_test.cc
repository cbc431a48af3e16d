// DecodeMessage's shortcut for the common shapes against GMime's full parser: one table row per
// message shape (headers folded or encoded, charsets, transfer encodings, CRLF, missing headers,
// digests of all kinds). Every row must give the same Documents, errors and skipped messages both
// ways; the rows marked `shortcut` must also be read by the shortcut, so that the comparison
// tests it and not only the fallback.
#include <cctype>
#include <ostream>
#include <string>
#include <utility>
#include <vector>

#include <gmime/gmime.h>
#include <gtest/gtest.h>

#include "pipeline/ingest/charset.h"
#include "pipeline/ingest/mime_message.h"

namespace accord::ingest {
namespace {

struct ShapeCase {
  std::string name;
  std::string bytes;
  bool shortcut;  // DecodeCommonShape reads it
  bool pipermail = false;
};

void PrintTo(const ShapeCase& c, std::ostream* os) { *os << c.name; }

// Everything DecodeMessage gives for a message, as text, so that a difference shows in the diff.
std::string Describe(const Status& status, const std::vector<Document>& docs, const std::vector<std::string>& skipped) {
  std::string out = status.ok() ? "ok\n" : "error: " + status.message() + "\n";
  for (const Document& d : docs) {
    const MailHeaders& h = d.headers;
    out += "doc_id=" + d.doc_id + "\nsource=" + d.source.dump() + "\nsubject=" + h.subject + "\nfrom=" + h.from +
           "\ndate=" + h.date + "\nmessage_id=" + h.message_id + "\nlist_id=" + h.list_id +
           "\ncontent_type=" + h.content_type + "\ntext=[" + d.text + "]\n";
  }
  for (const std::string& s : skipped) out += "skipped: " + s + "\n";
  return out;
}

std::string Crlf(std::string s) {
  std::string out;
  for (char c : s) {
    if (c == '\n') out.push_back('\r');
    out.push_back(c);
  }
  return out;
}

const std::string kTop =
    "From: Ann Example <ann@example.org>\nTo: list@example.org\nSubject: [Wire] Pact signed\n"
    "Date: Mon, 16 Apr 2018 10:00:00 +0000\nMessage-ID: <top@example.org>\n";

std::string Single(const std::string& headers, const std::string& body) { return kTop + headers + "\n" + body; }

// A multipart/digest message with the given extra header lines, whose body is `body`.
std::string Digest(const std::string& body, const std::string& boundary_param = "boundary=\"DG\"") {
  return "From: list-request@lists.example.org\nSubject: Wire Digest, Vol 1, Issue 2\n"
         "Date: Tue, 17 Apr 2018 00:00:00 +0000\nMessage-ID: <digest@example.org>\nMIME-Version: 1.0\n"
         "Content-Type: multipart/digest; " +
         boundary_param + "\nList-Id: Wire news <wire.lists.example.org>\n\nThis is a MIME digest.\n\n" + body;
}

const std::string kInner1 =
    "From: Bo <bo@example.org>\nSubject: One\nDate: Mon, 16 Apr 2018 09:00:00 +0200\n"
    "Message-ID: <one@example.org>\nContent-Type: text/plain; charset=\"utf-8\"\nContent-Transfer-Encoding: 8bit\n\n"
    "First article \xe2\x80\x94 by Bo.\n\n-- \nBo\n";
const std::string kInner2 =
    "From: Cy <cy@example.org>\nSubject: Two\nMessage-ID: <two@example.org>\n"
    "Content-Type: text/plain; charset=\"us-ascii\"\n\nSecond article.\n";

std::vector<ShapeCase> Cases() {
  std::vector<ShapeCase> c;
  // Single-part messages.
  c.push_back({"NoMimeHeaders", Single("", "Plain body.\nSecond line.\n"), true});
  c.push_back({"Utf8EightBit", Single("Content-Type: text/plain; charset=\"utf-8\"\nContent-Transfer-Encoding: 8bit\n",
                                      "Telef\xc3\xb3nica \xe2\x80\x94 Nokia.\n"), true});
  c.push_back({"UsAsciiSevenBit", Single("Content-Type: text/plain; charset=us-ascii\nContent-Transfer-Encoding: 7bit\n",
                                         "Seven bits.\n"), true});
  c.push_back({"Latin1", Single("Content-Type: text/plain; charset=ISO-8859-1\n", "Caf\xe9 M\xfcnchen.\n"), true});
  c.push_back({"Latin1WithC1Bytes", Single("Content-Type: text/plain; charset=\"iso-8859-1\"\n",
                                           "He said \x93no\x94 \x96 twice\x85\n"), true});
  c.push_back({"Utf8LabelInvalidBytes", Single("Content-Type: text/plain; charset=utf-8\n", "ab\xff\xfe" "cd\n"), true});
  c.push_back({"Koi8r", Single("Content-Type: text/plain; charset=koi8-r\n", "\xf0\xd2\xc9\xd7\xc5\xd4\n"), true});
  c.push_back({"UnknownCharset", Single("Content-Type: text/plain; charset=x-nothing\n", "caf\xe9 cr\xe8me\n"), true});
  c.push_back({"UpperCaseContentType", Single("Content-Type: TEXT/PLAIN; CHARSET=UTF-8\n", "Upper.\n"), true});
  c.push_back({"ContentTypeWithComment", Single("Content-Type: text/plain (body); charset=\"utf-8\" (Unicode)\n",
                                                "Commented.\n"), true});
  c.push_back({"SingleQuotedCharset", Single("Content-Type: text/plain; charset='iso-8859-1'\n", "caf\xe9\n"), true});
  c.push_back({"SpacedParameter", Single("Content-Type: text/plain; charset = \"iso-8859-1\"\n", "caf\xe9\n"), true});
  c.push_back({"FoldedContentType", Single("Content-Type: text/plain;\n\tcharset=\"iso-8859-1\";\n format=flowed\n",
                                           "caf\xe9\n"), true});
  c.push_back({"MalformedContentType", Single("Content-Type: text\n", "Plain words.\n"), true});
  c.push_back({"QuotedPrintable",
               Single("Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: quoted-printable\n",
                      "The agency=E2=80=99s chief said the deal was sig=\nned on Monday, a =3D b.\nTrailing soft=\n"),
               true});
  c.push_back({"QuotedPrintableOddities",
               Single("Content-Type: text/plain; charset=iso-8859-1\nContent-Transfer-Encoding: Quoted-Printable\n",
                      "lower =e9 hex, bad =ZZ escape, lone = sign,  \ntrailing spaces   \nend=\n=4"), true});
  c.push_back({"QuotedPrintableCrlf",
               Crlf(Single("Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: quoted-printable\n",
                           "soft=\nbreak and caf=C3=A9.\nnext line\n")), true});
  c.push_back({"Base64", Single("Content-Type: text/plain; charset=\"utf-8\"\nContent-Transfer-Encoding: base64\n",
                                "TWljcm9zb2Z0IGFuZCBGYWNlYm9vayBzaWduZWQu\nIELDtnJzZSDigJQgMjAxOC4K\n"), true});
  c.push_back({"Base64Oddities", Single("Content-Transfer-Encoding: BASE64\n", "TWlj cm9z!b2Z0\nIGFu\nZA\n"), true});
  // Canonical base64 goes to Abseil, anything else to GMime: both must give GMime's bytes.
  const std::string b64 = "Content-Type: text/plain; charset=\"utf-8\"\nContent-Transfer-Encoding: base64\n";
  const std::pair<const char*, const char*> base64_bodies[] = {
      {"Base64OnePad", "SGVsbG8sIHdvcmxkIQ==\n"},        {"Base64TwoBytesPad", "SGVsbG8sIHdvcmxkLg=\n"},
      {"Base64WholeQuanta", "SGVsbG8s\nIHdvcmxk\n"},     {"Base64NoFinalNewline", "SGVsbG8="},
      {"Base64UnpaddedTwo", "SGVsbG8sIHdvcmxkIQ\n"},     {"Base64UnpaddedThree", "SGVsbG8sIHdvcmxkLg\n"},
      {"Base64PadInMiddle", "SGVsbG8=\nSGVsbG8=\n"},     {"Base64OverPadded", "SGVsbA===\n"},
      {"Base64ShortPad", "SGVsbA=\n"},                   {"Base64LooseBits", "SGVsbR==\n"},
      {"Base64SpacesAndTabs", "SGVs bG8s\tIHdv\n"},      {"Base64PadThenSpace", "SGVsbA== \n\n"},
      {"Base64PadSplit", "SGVsbA=\n=\n"},               {"Base64StrayByte", "SGVs*bG8s\n"},
      {"Base64Empty", ""},                               {"Base64OnlyNewlines", "\n\n"},
      {"Base64NotUtf8", "/w==\n"},                       {"Base64TextAfterPad", "SGVsbA==\nSGVsbA==\n"},
  };
  for (const auto& [name, body] : base64_bodies) c.push_back({name, Single(b64, body), true});
  c.push_back({"Base64CrlfCanonical", Crlf(Single(b64, "SGVsbG8s\nIHdvcmxkIQ==\n")), true});
  // Content-Transfer-Encoding names in any case (the usual ones are matched without GMime).
  c.push_back({"EncodingUpperBase64", Single("Content-Transfer-Encoding: BASE64\n", "SGVsbG8=\n"), true});
  c.push_back({"EncodingMixedQuotedPrintable",
               Single("Content-Transfer-Encoding: Quoted-Printable\n", "caf=C3=A9 soft=\nbreak\n"), true});
  c.push_back({"EncodingSevenBitUpper", Single("Content-Transfer-Encoding: 7BIT\n", "Seven =3D bits.\n"), true});
  c.push_back({"EncodingEightBitMixed", Single("Content-Transfer-Encoding: 8Bit\n", "Eight =3D bits.\n"), true});
  c.push_back({"EncodingBinary", Single("Content-Transfer-Encoding: binary\n", "Binary =3D bits.\n"), true});
  c.push_back({"EncodingNearMiss", Single("Content-Transfer-Encoding: base-64\n", "SGVsbG8=\n"), true});
  c.push_back({"EncodingWithParameter", Single("Content-Transfer-Encoding: base64; x=y\n", "SGVsbG8=\n"), true});
  c.push_back({"EncodingWithSpaces", Single("Content-Transfer-Encoding:   8BIT  \n", "Spaced encoding.\n"), true});
  c.push_back({"Crlf", Crlf(Single("Content-Type: text/plain; charset=utf-8\n", "Line one.\nLine two.\n")), true});
  c.push_back({"FoldedSubject", "From: a@example.org\nSubject: a subject\n that is folded\n\tand tabbed\n"
                                "Message-ID: <fold@example.org>\n\nBody.\n", true});
  c.push_back({"EncodedWords",
               "From: =?iso-8859-1?q?Jos=E9_P=E9rez?= <jose@example.org>\n"
               "Subject: =?utf-8?q?=5BWirenotes=5D_Airbus_wins_=C2=A313_billion?=\n =?utf-8?b?IFVLIGNvbnRyYWN0?=\n"
               "Message-ID: <enc@example.org>\nList-Id: Wirenotes forwarded news <wirenotes.lists.example.org>\n"
               "Date: Thu, 16 Oct 2008 11:05:42 -0500\n\nBody.\n", true});
  c.push_back({"BrokenEncodedWords", "From: =?utf-8?q?unterminated <x@example.org>\n"
                                     "Subject: =?x-unknown?q?abc?= and =?utf-8?b?!!!?= end\n\nBody.\n", true});
  c.push_back({"RawUtf8AndLatin1Headers", "From: J\xc3\xb6rg <j@example.org>\nSubject: caf\xe9 cr\xe8me\n\nBody.\n", true});
  c.push_back({"MissingHeaders", "X-Mailer: test\n\nOnly a body.\n", true});
  c.push_back({"NoMessageId", "From: a@example.org\nSubject: [Netwatch] hi\n\nBody.\n", true});
  c.push_back({"SubjectTagAndListId", Single("List-Id: \"Wire\" <wire.lists.example.org>\n", "Body.\n"), true});
  c.push_back({"NoSpaceAfterColon", "From:a@example.org\nSubject:tight\nMessage-ID:<tight@example.org>\n\nBody.\n", true});
  // The truncation check (no empty line anywhere) against what the header block read shows.
  c.push_back({"HeadersWithoutBody", "From: a@example.org\nSubject: cut sho", false});
  c.push_back({"HeadersWithoutBodyCrlf", "From: a@example.org\r\nSubject: cut\r\n", false});
  c.push_back({"OnlyWhiteSpace", " \n\t\n", false});
  c.push_back({"EmptyLineFirst", "\nBody only.\n", false});
  c.push_back({"CrlfEmptyLineFirst", "\r\nBody only.\r\n", false});
  c.push_back({"NotAHeaderThenEmptyLine", "no colon here\n\nBody.\n", false});
  c.push_back({"FieldNamesInAnyCase",
               "FROM: a@example.org\nsubject: Mixed\nMESSAGE-id: <case@example.org>\nlIsT-iD: <w.lists.example.org>\n"
               "DATE: Mon, 1 Jan 2000 12:00:00 +0000\ncontent-TYPE: text/plain; charset=iso-8859-1\n"
               "CONTENT-transfer-ENCODING: quoted-printable\n\ncaf=E9\n",
               true});
  c.push_back({"FieldNamesThatAlmostMatch",
               "From: a@example.org\nSubject: kept\nMessage_ID: <no@example.org>\nList_Id: <no.example.org>\n"
               "Content_Type: text/html\nSubjecu: no\nFrom_: no@example.org\n\nBody.\n",
               true});
  c.push_back({"SpaceBeforeColon", "From : a@example.org\nSubject : spaced\n\nBody.\n", true});
  c.push_back({"RepeatedSubject", "Subject: first\nSubject: second\nFrom: a@example.org\n\nBody.\n", true});
  c.push_back({"EmptyBody", Single("Content-Type: text/plain\n", ""), true});
  c.push_back({"HeadersOnlyBlankLine", Single("", "\n"), true});
  c.push_back({"FromLinesInBody", Single("", "From the wire:\n>From here.\nFrom 1998 on.\n"), true});
  c.push_back({"Html", Single("Content-Type: text/html; charset=utf-8\n",
                              "<html><head><title>t</title></head><body><h1>Tech Accord</h1>"
                              "<p>Microsoft &amp; Facebook<br>pledged.</p><pre>a  b</pre></body></html>\n"), true});
  c.push_back({"HtmlBase64Utf8", Single("Content-Type: text/html; charset=UTF-8\nContent-Transfer-Encoding: base64\n",
                                        "PHA+VGVsZWbDs25pY2EgJmFtcDsgTm9raWE8L3A+Cg==\n"), true});
  c.push_back({"HtmlQuotedPrintableLatin1",
               Single("Content-Type: text/html; charset=iso-8859-1\nContent-Transfer-Encoding: quoted-printable\n",
                      "<p>Caf=E9 in M=FCnchen.</p>\n"), true});
  c.push_back({"HtmlInline", Single("Content-Type: text/html\nContent-Disposition: inline\n", "<p>Inline.</p>\n"), false});
  c.push_back({"HtmlAttachment", Single("Content-Type: text/html\nContent-Disposition: attachment; filename=a.html\n",
                                        "<p>Attached.</p>\n"), false});
  c.push_back({"PlainAttachment", Single("Content-Type: text/plain\nContent-Disposition: attachment; filename=a.log\n",
                                         "log line\n"), true});
  c.push_back({"Uuencode", Single("Content-Transfer-Encoding: x-uuencode\n", "begin 644 a\n#86)C\n`\nend\n"), false});
  c.push_back({"Binary", Single("Content-Type: application/octet-stream\n", "\x01\x02\n"), false});
  c.push_back({"MultipartAlternative",
               Single("Content-Type: multipart/alternative; boundary=\"XX\"\n",
                      "--XX\nContent-Type: text/plain\n\nPlain.\n--XX\nContent-Type: text/html\n\n<p>H</p>\n--XX--\n"),
               false});
  c.push_back({"Pipermail", "From: andy at example.com (Andy)\nSubject: [Netwatch] - Hi\n\nBody.\n", true, true});
  c.push_back({"LeadingBlankLine", "\nFrom: a@example.org\n\nBody.\n", false});
  c.push_back({"ContinuationFirst", " folded: x\nFrom: a@example.org\n\nBody.\n", false});

  // Digests.
  const std::string part = "--DG\nContent-Type: message/rfc822\n\n";
  c.push_back({"Digest", Digest(part + kInner1 + "\n" + part + kInner2 + "\n--DG--\n"), true});
  c.push_back({"DigestPartsWithoutHeaders", Digest("--DG\n\n" + kInner1 + "\n--DG\n\n" + kInner2 + "\n--DG--\n"), true});
  c.push_back({"DigestPartWithoutContentType",
               Digest("--DG\nContent-Description: one\n\n" + kInner1 + "\n--DG--\n"), true});
  c.push_back({"DigestMessageHeadersAsPartHeaders", Digest("--DG\n" + kInner2 + "\n--DG--\n"), false});
  c.push_back({"DigestNoLineBreakBeforeDelimiter", Digest(part + kInner1 + "--DG\n\n" + kInner2 + "--DG--\n"), true});
  c.push_back({"DigestClosingAtEnd", Digest(part + kInner1 + "\n--DG--"), true});
  c.push_back({"DigestEpilogue", Digest(part + kInner1 + "\n--DG--\nEpilogue text.\n\n-- \n"), true});
  c.push_back({"DigestEpilogueNearDelimiter", Digest(part + kInner1 + "\n--DG--\nEpilogue.\n--DGX\n"), false});
  c.push_back({"DigestDelimiterAfterClose", Digest(part + kInner1 + "\n--DG--\n--DG\n\n" + kInner2), false});
  c.push_back({"DigestNotClosed", Digest(part + kInner1 + "\n" + part + kInner2), false});
  c.push_back({"DigestDelimiterWithSpace", Digest(part + kInner1 + "\n--DG  \n\n" + kInner2 + "\n--DG--\n"), false});
  c.push_back({"DigestLongerBoundaryInBody",
               Digest(part + "From: a@example.org\nSubject: x\n\n--DGX is not it\n--DG-- nor this\n\n--DG--\n"), false});
  c.push_back({"DigestOtherDashLines", Digest(part + "Subject: x\n\n-- \nsig\n--\n---- cut ----\n\n--DG--\n"), true});
  c.push_back({"DigestEmptyPart", Digest("--DG\n--DG\n\n" + kInner2 + "\n--DG--\n"), false});
  c.push_back({"DigestInnerHtml",
               Digest(part + "Subject: h\nMessage-ID: <h@example.org>\nContent-Type: text/html; charset=utf-8\n\n"
                             "<p>Second <b>article</b>.</p>\n\n--DG--\n"), true});
  c.push_back({"DigestInnerQuotedPrintable",
               Digest(part + "Subject: =?iso-8859-1?q?caf=E9?=\nContent-Type: text/plain; charset=iso-8859-1\n"
                             "Content-Transfer-Encoding: quoted-printable\n\nSecond article, caf=E9 sof=\nt.\n\n--DG--\n"),
               true});
  c.push_back({"DigestInnerWithoutMessageId", Digest(part + "From: a@example.org\n\nNo id.\n\n" + part +
                                                     "From: b@example.org\n\nNo id either.\n\n--DG--\n"), true});
  c.push_back({"DigestInnerOwnListId",
               Digest(part + "Subject: [Other] x\nList-Id: <other.lists.example.org>\n\nOwn list.\n\n--DG--\n"), true});
  c.push_back({"DigestInnerEmptyBody", Digest(part + "Subject: empty\n\n\n--DG--\n"), true});
  c.push_back({"DigestInnerHeadersOnly", Digest(part + "Subject: no body\n--DG--\n"), false});
  c.push_back({"DigestTextPart", Digest("--DG\nContent-Type: text/plain\n\nTopics.\n" + std::string("\n") + part +
                                        kInner2 + "\n--DG--\n"), false});
  c.push_back({"DigestInnerMultipart",
               Digest(part + "Subject: alt\nContent-Type: multipart/alternative; boundary=in\n\n"
                             "--in\nContent-Type: text/plain\n\nInner plain.\n--in--\n\n--DG--\n"), false});
  c.push_back({"DigestInnerBinary",
               Digest(part + "Subject: bad\nContent-Type: image/png\n\n\x89PNG\n" + part + kInner2 + "\n--DG--\n"),
               false});
  // A part that needs the parser after parts the shortcut has read: the Documents already built
  // are taken back.
  c.push_back({"DigestLaterPartBinary",
               Digest(part + kInner1 + "\n" + part + "Subject: bad\nContent-Type: image/png\n\n\x89PNG\n--DG--\n"),
               false});
  c.push_back({"DigestLaterPartHeadersFolded",
               Digest(part + kInner1 + "\n" + part + kInner2 + "\n--DG\n\n folded first\nFrom: a@example.org\n\nx\n--DG--\n"),
               false});
  c.push_back({"DigestPartEncoding",
               Digest("--DG\nContent-Type: message/rfc822\nContent-Transfer-Encoding: 7bit\n\n" + kInner2 + "\n--DG--\n"),
               false});
  c.push_back({"DigestOddBoundary", Digest("--=_a.b+c\n\n" + kInner2 + "\n--=_a.b+c--\n", "boundary=\"=_a.b+c\""), true});
  c.push_back({"DigestFoldedBoundary", Digest(part + kInner2 + "\n--DG--\n", "\n\tboundary=DG"), true});
  c.push_back({"DigestNoBoundary", Digest(part + kInner2 + "\n--DG--\n", "charset=us-ascii"), false});
  c.push_back({"DigestCrlf", Crlf(Digest(part + kInner2 + "\n--DG--\n")), false});
  c.push_back({"DigestWithoutParts", Digest("Nothing here.\n"), false});
  return c;
}

class ShortcutTest : public ::testing::TestWithParam<ShapeCase> {};

TEST_P(ShortcutTest, SameAsTheParser) {
  const ShapeCase& c = GetParam();
  const MessageContext ctx{"archive.mbox", 1234, c.pipermail};
  std::vector<Document> fast_docs, parsed_docs;
  std::vector<std::string> fast_skipped, parsed_skipped;
  const Status fast = DecodeMessage(c.bytes, ctx, &fast_docs, &fast_skipped);
  const Status parsed = DecodeMessageWithParser(c.bytes, ctx, &parsed_docs, &parsed_skipped);
  EXPECT_EQ(Describe(fast, fast_docs, fast_skipped), Describe(parsed, parsed_docs, parsed_skipped));

  std::vector<Document> shortcut_docs;
  EXPECT_EQ(DecodeCommonShape(c.bytes, ctx, &shortcut_docs), c.shortcut);
  if (c.shortcut) {
    EXPECT_EQ(Describe(Status::Ok(), shortcut_docs, {}), Describe(parsed, parsed_docs, parsed_skipped));
  } else {
    EXPECT_TRUE(shortcut_docs.empty());
  }
}

// DecodeHeaderValue keeps a thread's last GMime answers: a value met again (a cache hit), a value
// pushed out by many others (decoded afresh), and the same raw text in a field that is not decoded
// (Message-ID) must each give what a fresh decode gives.
TEST(HeaderValueCacheTest, RepeatedEvictedAndUndecodedValues) {
  const MessageContext ctx{"archive.mbox", 0, false};
  for (int round = 0; round < 2; ++round) {
    for (int i = 0; i < 100; ++i) {
      const std::string n = std::to_string(i % 60);
      const std::string word = "=?iso-8859-1?q?caf=E9_" + n + "?=";
      const std::string message = "From: " + word + " <a@example.org>\nSubject: " + word + "\n  folded\n" +
                                  "Message-ID: <" + word + "\n @example.org>\n\nBody.\n";
      std::vector<Document> first, again;
      ASSERT_TRUE(DecodeMessage(message, ctx, &first, nullptr).ok());
      ASSERT_TRUE(DecodeMessage(message, ctx, &again, nullptr).ok());
      ASSERT_EQ(first.size(), 1u);
      ASSERT_EQ(again.size(), 1u);
      const MailHeaders& h = first[0].headers;
      EXPECT_EQ(h.from, "caf\u00e9 " + n + " <a@example.org>");
      EXPECT_EQ(h.subject, "caf\u00e9 " + n + "  folded");  // unfolding keeps the indent
      EXPECT_NE(h.message_id.find(word), std::string::npos) << h.message_id;
      EXPECT_EQ(h.message_id.find('\n'), std::string::npos) << h.message_id;
      EXPECT_EQ(Describe(Status::Ok(), again, {}), Describe(Status::Ok(), first, {}));
    }
  }
}

// The shortcut reads a header block only when each field name is printable ASCII (33-126) once
// trimmed (field names are matched eight bytes at a time): a probe byte at every position of names
// of several lengths must be accepted exactly when that rule holds.
TEST(HeaderBlockTest, FieldNameBytesAtEveryPosition) {
  const MessageContext ctx{"archive.mbox", 0, false};
  for (size_t size : {1u, 2u, 7u, 8u, 9u, 16u, 17u, 23u}) {
    for (size_t i = 0; i < size; ++i) {
      for (int b = 0; b < 256; ++b) {
        if (b == '\n' || b == ':' || (i == 0 && (b == ' ' || b == '\t'))) continue;  // not a name byte then
        std::string name(size, 'X');
        name[i] = static_cast<char>(b);
        size_t first = 0, last = name.size();
        auto space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r'; };
        while (first < last && space(name[first])) ++first;
        while (last > first && space(name[last - 1])) --last;
        bool printable = true;
        for (size_t k = first; k < last; ++k)
          printable &= static_cast<unsigned char>(name[k]) > 32 && static_cast<unsigned char>(name[k]) < 127;
        const std::string message = "From: a@example.org\n" + name + ": value\nSubject: s\n\nBody.\n";
        std::vector<Document> docs;
        EXPECT_EQ(DecodeCommonShape(message, ctx, &docs), printable) << "size " << size << ", byte " << b << " at " << i;
      }
    }
  }
}

// Field names are matched without regard to case, a word at a time: a field of each name the
// shortcut reads, whose name has one byte changed (to its other case, or to another byte), must
// be read exactly when the name still spells the field's name.
TEST(HeaderBlockTest, FieldNameMatchAtEveryPosition) {
  const MessageContext ctx{"archive.mbox", 0, false};
  struct Field {
    std::string keyword;  // as usually written
    std::string value;
    std::string (*read)(const Document&);  // what the Document holds of the field
  };
  const Field fields[] = {
      {"From", "a@example.org", [](const Document& d) { return d.headers.from; }},
      {"Date", "Mon, 16 Apr 2018", [](const Document& d) { return d.headers.date; }},
      {"Subject", "a subject", [](const Document& d) { return d.headers.subject; }},
      {"List-Id", "<wire.example.org>", [](const Document& d) { return d.headers.list_id; }},
      {"Message-ID", "<id@example.org>", [](const Document& d) { return d.headers.message_id; }},
      {"Content-Type", "text/plain; charset=utf-8", [](const Document& d) { return d.headers.content_type; }},
      {"Content-Transfer-Encoding", "base64", [](const Document& d) { return d.text; }},
  };
  for (const Field& field : fields) {
    const std::string keyword = field.keyword;
    for (size_t i = 0; i < keyword.size(); ++i) {
      for (int b = 33; b < 127; ++b) {
        if (b == ':') continue;
        std::string name = keyword;
        name[i] = static_cast<char>(b);
        std::string lower = name, keyword_lower = keyword;
        for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        for (char& c : keyword_lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        const std::string message = name + ": " + field.value + "\n\nSGVsbG8=\n";
        std::vector<Document> docs;
        ASSERT_TRUE(DecodeCommonShape(message, ctx, &docs)) << name;
        const std::string unread = keyword_lower == "content-transfer-encoding" ? "SGVsbG8=\n" : "";
        const std::string read = keyword_lower == "content-transfer-encoding" ? "Hello" : field.value;
        EXPECT_EQ(field.read(docs[0]), lower == keyword_lower ? read : unread) << name;
      }
    }
  }
}

// What GMime makes of a header value: unfolded, encoded words decoded, valid UTF-8, trimmed.
std::string DecodedByGMime(const std::string& raw) {
  char* unfolded = g_mime_utils_header_unfold(raw.c_str());
  char* decoded = g_mime_utils_header_decode_text(nullptr, unfolded);
  std::string value = decoded;
  g_free(decoded);
  g_free(unfolded);
  SanitizeUtf8(&value);
  const size_t first = value.find_first_not_of(" \t\n\v\f\r");
  if (first == std::string::npos) return "";
  return value.substr(first, value.find_last_not_of(" \t\n\v\f\r") + 1 - first);
}

// Header values that are one line of ASCII without "=?" skip GMime (and its cache). A piece that
// needs GMime (an encoded word, a non-ASCII letter, a fold) or only looks like it ('=', '?') at
// every position of a value must give what GMime gives.
TEST(HeaderValueTest, PlainValueCheckAtEveryPosition) {
  const MessageContext ctx{"archive.mbox", 0, false};
  const std::string base = "Ordinary subject text, for probing.";
  const char* pieces[] = {"=?iso-8859-1?q?caf=E9?=", " =?utf-8?b?Y2Fmw6k=?= ", "caf\xc3\xa9", "\xff",
                          "\n folded", "=", "?=", "= ?", "=?", "a=b", "\t"};
  for (size_t i = 0; i <= base.size(); ++i) {
    for (const char* piece : pieces) {
      const std::string value = base.substr(0, i) + piece + base.substr(i);
      const std::string message = "From: a@example.org\nSubject: " + value + "\n\nBody.\n";
      std::vector<Document> docs;
      ASSERT_TRUE(DecodeCommonShape(message, ctx, &docs)) << value;
      EXPECT_EQ(docs[0].headers.subject, DecodedByGMime(value)) << value;
    }
  }
}

INSTANTIATE_TEST_SUITE_P(Shapes, ShortcutTest, ::testing::ValuesIn(Cases()),
                         [](const auto& info) { return info.param.name; });

}  // namespace
}  // namespace accord::ingest
