// Ingest, one table row per input shape: each builds its input in a temporary folder, runs
// ExpandInputs + IngestFile as `accord extract` does, and checks the documents and the errors.
#include "pipeline/ingest/ingest.h"

#include <fcntl.h>
#include <unistd.h>
#include <zlib.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <functional>
#include <string>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "pipeline/utf8.h"

namespace accord {
namespace {

namespace fs = std::filesystem;
using ::testing::ElementsAre;
using ::testing::HasSubstr;

// This process's folder of test files, removed when the tests end.
fs::path TempRoot() {
  return fs::path(::testing::TempDir()) / ("accord_ingest_" + std::to_string(getpid()));
}
class RemoveTempRoot : public ::testing::Environment {
 public:
  void TearDown() override { fs::remove_all(TempRoot()); }
};
[[maybe_unused]] const ::testing::Environment* const kRemoveTempRoot =
    ::testing::AddGlobalTestEnvironment(new RemoveTempRoot);

// A fresh folder per test.
std::string TempDir() {
  const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
  std::string name = std::string(info->test_suite_name()) + "_" + info->name();
  for (char& c : name)
    if (c == '/') c = '_';
  fs::path dir = TempRoot() / name;
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir.string();
}

std::string Write(const std::string& path, std::string_view bytes) {
  fs::create_directories(fs::path(path).parent_path());
  std::ofstream(path, std::ios::binary).write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  return path;
}

std::string WriteGzip(const std::string& path, std::string_view bytes) {
  gzFile gz = gzopen(path.c_str(), "wb");
  gzwrite(gz, bytes.data(), static_cast<unsigned>(bytes.size()));
  gzclose(gz);
  return path;
}

struct Result {
  std::vector<Document> docs;
  std::vector<IngestError> errors;
  std::vector<std::string> texts() const {
    std::vector<std::string> t;
    for (const auto& d : docs) t.push_back(d.text);
    return t;
  }
  std::vector<std::string> ids() const {
    std::vector<std::string> t;
    for (const auto& d : docs) t.push_back(d.doc_id);
    return t;
  }
};

// Ingest as a parallel run does it: mail messages handed over raw, then DecodeRawMessage.
Result IngestThroughRawMessages(const std::vector<std::string>& inputs, const IngestOptions& options) {
  Result r;
  auto on_error = [&r](const IngestError& e) { r.errors.push_back(e); };
  auto on_doc = [&r](Document&& d) {
    r.docs.push_back(std::move(d));
    return true;
  };
  auto on_message = [&r](RawMessage&& m) {
    DecodeRawMessage(m, &r.docs, &r.errors);
    return true;
  };
  for (const InputFile& f : ExpandInputs(inputs, on_error)) {
    Status s = IngestFile(f, options, on_doc, on_message, on_error);
    EXPECT_TRUE(s.ok()) << s.message();
  }
  return r;
}

// Both ways of ingesting give the same documents and report the same problems.
void ExpectSameIngest(const Result& direct, const Result& raw) {
  ASSERT_EQ(direct.docs.size(), raw.docs.size());
  for (size_t i = 0; i < direct.docs.size(); ++i) {
    const Document& a = direct.docs[i];
    const Document& b = raw.docs[i];
    EXPECT_EQ(a.doc_id, b.doc_id);
    EXPECT_EQ(a.text, b.text) << a.doc_id;
    EXPECT_EQ(a.source.dump(), b.source.dump()) << a.doc_id;
    EXPECT_EQ(a.meta.dump(), b.meta.dump()) << a.doc_id;
    EXPECT_EQ(a.doc_date, b.doc_date) << a.doc_id;
    EXPECT_EQ(a.headers.subject, b.headers.subject) << a.doc_id;
    EXPECT_EQ(a.headers.from, b.headers.from) << a.doc_id;
    EXPECT_EQ(a.headers.date, b.headers.date) << a.doc_id;
    EXPECT_EQ(a.headers.message_id, b.headers.message_id) << a.doc_id;
    EXPECT_EQ(a.headers.list_id, b.headers.list_id) << a.doc_id;
    EXPECT_EQ(a.headers.content_type, b.headers.content_type) << a.doc_id;
  }
  ASSERT_EQ(direct.errors.size(), raw.errors.size());
  for (size_t i = 0; i < direct.errors.size(); ++i) {
    EXPECT_EQ(direct.errors[i].path, raw.errors[i].path);
    EXPECT_EQ(direct.errors[i].offset, raw.errors[i].offset);
    EXPECT_EQ(direct.errors[i].message, raw.errors[i].message);
  }
}

// Every case of this file (but standard input) is ingested both ways, and the two must agree.
Result Ingest(const std::vector<std::string>& inputs, IngestOptions options = {}) {
  Result r;
  auto on_error = [&r](const IngestError& e) { r.errors.push_back(e); };
  for (const InputFile& f : ExpandInputs(inputs, on_error)) {
    Status s = IngestFile(f, options, [&r](Document&& d) {
      r.docs.push_back(std::move(d));
      return true;
    }, on_error);
    EXPECT_TRUE(s.ok()) << s.message();
  }
  for (const Document& d : r.docs) EXPECT_TRUE(utf8::IsValid(d.text)) << d.doc_id;
  if (std::find(inputs.begin(), inputs.end(), "-") == inputs.end())  // stdin reads only once
    ExpectSameIngest(r, IngestThroughRawMessages(inputs, options));
  return r;
}

// A minimal message with the given extra headers and body.
std::string Message(const std::string& id, const std::string& headers, const std::string& body) {
  return "From: Ann Example <ann@example.org>\nTo: list@example.org\nSubject: Test " + id +
         "\nDate: Mon, 16 Apr 2018 10:00:00 +0000\nMessage-ID: <" + id + "@example.org>\n" + headers +
         "\n" + body;
}

std::string MboxEntry(const std::string& msg) {
  return "From ann@example.org Mon Apr 16 10:00:00 2018\n" + msg + "\n";
}

// ---
// Formats and MIME shapes: a message (or archive) in, the texts and ids out.

struct ShapeCase {
  std::string name;
  std::string file;     // file name to write the input to
  std::string input;    // its bytes
  std::vector<std::string> texts;
  std::vector<std::string> ids;
};

std::vector<ShapeCase> ShapeCases() {
  std::vector<ShapeCase> cases;
  cases.push_back({"QuotedPrintable", "qp.eml",
                   Message("qp", "Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: quoted-printable\n",
                           "The agency=E2=80=99s chief said the deal was sig=\nned on Monday.\n"),
                   {"The agency\u2019s chief said the deal was signed on Monday.\n"},
                   {"<qp@example.org>"}});
  cases.push_back({"Base64", "b64.eml",
                   Message("b64", "Content-Type: text/plain; charset=\"utf-8\"\nContent-Transfer-Encoding: base64\n",
                           "TWljcm9zb2Z0IGFuZCBGYWNlYm9vayBzaWduZWQu\nIELDtnJzZSDigJQgMjAxOC4K\n"),
                   {"Microsoft and Facebook signed. B\u00f6rse \u2014 2018.\n"},
                   {"<b64@example.org>"}});
  cases.push_back({"Latin1", "latin1.eml",
                   Message("latin1", "Content-Type: text/plain; charset=ISO-8859-1\nContent-Transfer-Encoding: 8bit\n",
                           "Caf\xe9 in M\xfcnchen, \xa9 2018.\n"),
                   {"Caf\u00e9 in M\u00fcnchen, \u00a9 2018.\n"},
                   {"<latin1@example.org>"}});
  cases.push_back({"Windows1252LabelledLatin1", "cp1252.eml",
                   Message("cp1252", "Content-Type: text/plain; charset=iso-8859-1\n",
                           "He said \x93no comment\x94 \x96 twice\x85\n"),
                   {"He said \u201cno comment\u201d \u2013 twice\u2026\n"},
                   {"<cp1252@example.org>"}});
  cases.push_back({"NoCharsetUtf8", "nocharset.eml", Message("nocs", "", "Telef\u00f3nica and Nokia.\n"),
                   {"Telef\u00f3nica and Nokia.\n"}, {"<nocs@example.org>"}});
  cases.push_back({"MalformedContentTypeIsPlainText", "malformed.eml",
                   Message("malformed", "Content-Type: text\n", "Plain words.\n"), {"Plain words.\n"},
                   {"<malformed@example.org>"}});
  cases.push_back({"HtmlOnly", "html.eml",
                   Message("html", "Content-Type: text/html; charset=utf-8\n",
                           "<html><head><title>t</title><style>p{}</style></head><body><h1>Tech Accord</h1>"
                           "<p>Microsoft &amp; Facebook<br>pledged on <b>Tuesday</b>.</p>"
                           "<script>var x = 1;</script><p>Second   paragraph.</p></body></html>\n"),
                   {"Tech Accord\nMicrosoft & Facebook\npledged on Tuesday.\nSecond paragraph.\n"},
                   {"<html@example.org>"}});
  cases.push_back({"MultipartAlternativePrefersPlain", "alt.eml",
                   Message("alt", "MIME-Version: 1.0\nContent-Type: multipart/alternative; boundary=\"XX\"\n",
                           "preamble\n--XX\nContent-Type: text/plain; charset=us-ascii\n\nPlain version.\n"
                           "--XX\nContent-Type: text/html\n\n<p>HTML version.</p>\n--XX--\n"),
                   {"Plain version."},
                   {"<alt@example.org>"}});
  cases.push_back({"MultipartAlternativeHtmlFirst", "alt2.eml",
                   Message("alt2", "MIME-Version: 1.0\nContent-Type: multipart/alternative; boundary=\"XX\"\n",
                           "--XX\nContent-Type: text/html\n\n<p>HTML version.</p>\n"
                           "--XX\nContent-Type: text/plain; charset=us-ascii\nContent-Transfer-Encoding: quoted-printable\n\n"
                           "Plain =3D version.\n--XX--\n"),
                   {"Plain = version."},
                   {"<alt2@example.org>"}});
  cases.push_back({"MixedWithBinaryAttachment", "mixed.eml",
                   Message("mixed", "MIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=b1\n",
                           "--b1\nContent-Type: text/plain\n\nSee the attached report.\n"
                           "--b1\nContent-Type: application/pdf\nContent-Transfer-Encoding: base64\n"
                           "Content-Disposition: attachment; filename=r.pdf\n\nJVBERi0xLjQKJcfsj6IK\n--b1--\n"),
                   {"See the attached report."},
                   {"<mixed@example.org>"}});
  cases.push_back({"Digest", "digest.eml",
                   Message("digest", "MIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=outer\n",
                           "--outer\nContent-Type: text/plain\n\nToday's topics: 1. One 2. Two\n"
                           "--outer\nContent-Type: multipart/digest; boundary=dig\n\n"
                           "--dig\n\nFrom: Bo <bo@example.org>\nSubject: One\nMessage-ID: <one@example.org>\n\nFirst article.\n"
                           "--dig\n\nFrom: Cy <cy@example.org>\nSubject: Two\nMessage-ID: <two@example.org>\n"
                           "Content-Type: text/plain; charset=iso-8859-1\nContent-Transfer-Encoding: quoted-printable\n\n"
                           "Second article, caf=E9.\n--dig--\n--outer--\n"),
                   {"First article.", "Second article, caf\u00e9."},
                   {"<one@example.org>", "<two@example.org>"}});
  cases.push_back({"TopLevelDigest", "topdigest.eml",
                   Message("topdigest", "MIME-Version: 1.0\nContent-Type: multipart/digest;\n\tboundary=\"dg\"\n",
                           "This is a MIME digest.\n\n"
                           "--dg\nContent-Type: message/rfc822\n\n"
                           "From: Bo <bo@example.org>\nSubject: One\nMessage-ID: <one@example.org>\n\nFirst article.\n"
                           "--dg\n\nFrom: Cy <cy@example.org>\nSubject: Two\nMessage-ID: <two@example.org>\n"
                           "Content-Type: text/html; charset=utf-8\n\n<p>Second <b>article</b>.</p>\n--dg--\n"),
                   {"First article.", "Second article.\n"},
                   {"<one@example.org>", "<two@example.org>"}});
  cases.push_back({"HtmlQuotedPrintableLatin1", "htmlqp.eml",
                   Message("htmlqp", "Content-Type: text/html; charset=iso-8859-1\nContent-Transfer-Encoding: quoted-printable\n",
                           "<p>Caf=E9 in M=FCnchen.</p>\n"),
                   {"Caf\u00e9 in M\u00fcnchen.\n"},
                   {"<htmlqp@example.org>"}});
  cases.push_back({"MboxrdUnescaping", "list.mbox",
                   MboxEntry(Message("m1", "", ">From the wire:\n>>From here.\n> >From there.\nFrom 1998 on.\n")) +
                       MboxEntry(Message("m2", "", "Second.\n")),
                   {"From the wire:\n>From here.\n> >From there.\nFrom 1998 on.\n", "Second.\n"},
                   {"<m1@example.org>", "<m2@example.org>"}});
  cases.push_back({"Pipermail", "2015-November.txt",
                   "From andy at example.com  Sat Nov 14 21:29:28 2015\nFrom: andy at example.com (Andy)\n"
                   "Date: Sat, 14 Nov 2015 21:29:28 +0000\nSubject: [Netwatch] - One\n"
                   "Message-ID: <p1@example.com>\n\nFirst body.\n\n"
                   "From bea at example.org  Sun Nov 15 08:00:00 2015\nFrom: bea at example.org (Bea)\n"
                   "Subject: [Netwatch] - Two\nMessage-ID: <p2@example.com>\n\nSecond body.\n\n",
                   {"First body.\n", "Second body.\n"},
                   {"<p1@example.com>", "<p2@example.com>"}});
  cases.push_back({"PlainTextArticle", "tech-accord.txt",
                   "Tech Firms to Pledge Not to Assist Governments\nBy David E. Sanger\n\nWASHINGTON \u2014 More than 30.\n",
                   {"Tech Firms to Pledge Not to Assist Governments\nBy David E. Sanger\n\nWASHINGTON \u2014 More than 30.\n"},
                   {}});
  return cases;
}

class ShapeTest : public ::testing::TestWithParam<ShapeCase> {};

TEST_P(ShapeTest, TextsAndIds) {
  const ShapeCase& c = GetParam();
  const std::string path = Write(TempDir() + "/" + c.file, c.input);
  Result r = Ingest({path});
  for (const auto& e : r.errors) ADD_FAILURE() << e.path << ":" << e.offset << ": " << e.message;
  EXPECT_EQ(r.texts(), c.texts);
  if (!c.ids.empty()) {
    EXPECT_EQ(r.ids(), c.ids);
  }
  for (const Document& d : r.docs) {
    EXPECT_EQ(d.source.value("path", ""), path);
    EXPECT_FALSE(d.from_jsonl);
  }
}

INSTANTIATE_TEST_SUITE_P(Ingest, ShapeTest, ::testing::ValuesIn(ShapeCases()),
                         [](const auto& info) { return info.param.name; });

// ---
// Provenance and headers.

TEST(IngestTest, MboxOffsetsAreSeparatorLineStarts) {
  const std::string m1 = MboxEntry(Message("a", "", "One.\n"));
  const std::string m2 = MboxEntry(Message("b", "", "Two.\n"));
  Result r = Ingest({Write(TempDir() + "/a.mbox", m1 + m2)});
  ASSERT_EQ(r.docs.size(), 2u);
  EXPECT_EQ(r.docs[0].source.value("offset", uint64_t{99}), 0u);
  EXPECT_EQ(r.docs[1].source.value("offset", uint64_t{0}), m1.size());
  EXPECT_EQ(r.docs[1].source.value("message_id", ""), "<b@example.org>");
}

TEST(IngestTest, Rfc2047HeadersAreDecoded) {
  const std::string msg =
      "From: =?iso-8859-1?q?Jos=E9_P=E9rez?= <jose@example.org>\n"
      "Subject: =?utf-8?q?=5BWirenotes=5D_Airbus_wins_=C2=A313_billion?=\n =?utf-8?q?_UK_contract?=\n"
      "Message-ID: <enc@example.org>\nList-Id: Wirenotes forwarded news <wirenotes.lists.example.org>\n"
      "Date: Thu, 16 Oct 2008 11:05:42 -0500\n\nBody.\n";
  Result r = Ingest({Write(TempDir() + "/enc.eml", msg)});
  ASSERT_EQ(r.docs.size(), 1u);
  const Document& d = r.docs[0];
  EXPECT_EQ(d.headers.subject, "[Wirenotes] Airbus wins \u00a313 billion UK contract");
  EXPECT_EQ(d.headers.from, "Jos\u00e9 P\u00e9rez <jose@example.org>");
  EXPECT_EQ(d.headers.date, "Thu, 16 Oct 2008 11:05:42 -0500");
  EXPECT_EQ(d.headers.message_id, "<enc@example.org>");
  EXPECT_EQ(d.source.value("list", ""), "Wirenotes");
  EXPECT_EQ(d.doc_id, "<enc@example.org>");
}

TEST(IngestTest, PipermailAddressesAreDeobfuscated) {
  Result r = Ingest({Write(TempDir() + "/p.txt",
                           "From andy at example.com  Sat Nov 14 21:29:28 2015\nFrom: andy at example.com (Andy)\n"
                           "Subject: [Netwatch] - Hi\n\nBody.\n")});
  ASSERT_EQ(r.docs.size(), 1u);
  EXPECT_EQ(r.docs[0].headers.from, "andy@example.com (Andy)");
  EXPECT_EQ(r.docs[0].source.value("list", ""), "Netwatch");
}

TEST(IngestTest, MessageWithoutIdGetsAStableHash) {
  const std::string mbox = MboxEntry("From: a@example.org\nSubject: x\n\nOne.\n") +
                           MboxEntry("From: a@example.org\nSubject: x\n\nOne.\n");
  const std::string path = Write(TempDir() + "/noid.mbox", mbox);
  Result r1 = Ingest({path});
  Result r2 = Ingest({path});
  ASSERT_EQ(r1.docs.size(), 2u);
  EXPECT_EQ(r1.ids(), r2.ids());
  EXPECT_NE(r1.docs[0].doc_id, r1.docs[1].doc_id);  // same text, other offset
  EXPECT_FALSE(r1.docs[0].doc_id.empty());
  EXPECT_EQ(r1.docs[0].source.find("message_id"), r1.docs[0].source.end());
}

TEST(IngestTest, PlainTextDocIdIsPathWithoutExtension) {
  const std::string dir = TempDir();
  Result r = Ingest({Write(dir + "/seed/article.txt", "Just an article.\n")});
  ASSERT_EQ(r.docs.size(), 1u);
  EXPECT_EQ(r.docs[0].doc_id, dir + "/seed/article");
  EXPECT_EQ(r.docs[0].source.value("path", ""), dir + "/seed/article.txt");
}

TEST(IngestTest, GzipGivesTheSameDocumentsAsPlain) {
  const std::string dir = TempDir();
  const std::string mbox = MboxEntry(Message("g1", "", "One.\n")) + MboxEntry(Message("g2", "", "Two.\n"));
  Result plain = Ingest({Write(dir + "/a.mbox", mbox)});
  Result gz = Ingest({WriteGzip(dir + "/a.mbox.gz", mbox)});
  ASSERT_EQ(plain.docs.size(), 2u);
  EXPECT_EQ(gz.texts(), plain.texts());
  EXPECT_EQ(gz.ids(), plain.ids());
  EXPECT_EQ(gz.docs[1].source.value("offset", uint64_t{0}), plain.docs[1].source.value("offset", uint64_t{1}));
}

TEST(IngestTest, MaildirReadsCurAndNewSortedAndSkipsTmp) {
  const std::string dir = TempDir() + "/Mail";
  Write(dir + "/new/2.host", Message("n2", "", "New two.\n"));
  Write(dir + "/cur/1.host:2,S", Message("c1", "", "Cur one.\n"));
  Write(dir + "/new/1.host", Message("n1", "", "New one.\n"));
  Write(dir + "/tmp/0.host", Message("t0", "", "Being delivered.\n"));
  Result r = Ingest({dir});
  EXPECT_THAT(r.ids(), ElementsAre("<c1@example.org>", "<n1@example.org>", "<n2@example.org>"));
  EXPECT_TRUE(r.errors.empty());
}

TEST(IngestTest, DirectoriesAreReadRecursivelyInSortedOrder) {
  const std::string dir = TempDir();
  Write(dir + "/b/2.eml", Message("b2", "", "x\n"));
  Write(dir + "/a.eml", Message("a", "", "x\n"));
  Write(dir + "/b/1.eml", Message("b1", "", "x\n"));
  Write(dir + "/.hidden.eml", Message("hidden", "", "x\n"));
  Result r = Ingest({dir});
  EXPECT_THAT(r.ids(), ElementsAre("<a@example.org>", "<b1@example.org>", "<b2@example.org>"));
}

TEST(IngestTest, JsonlRecordsCarryThroughWithoutGoldEntities) {
  const std::string jsonl =
      R"({"schema":"accord/1","doc_id":"d1","source":{"corpus":"x","path":"orig.xml"},"doc_date":"2008-03-01",)"
      R"("meta":{"title":"T"},"types":["DATE"],"text":"On Monday.","entities":[{"type":"DATE","start":3,"end":9}]})"
      "\n\n"
      R"({"schema":"accord/1","doc_id":"d2","doc_date":null,"text":"Caf\u00e9."})"
      "\n";
  Result r = Ingest({Write(TempDir() + "/gold.jsonl", jsonl)});
  ASSERT_EQ(r.docs.size(), 2u);
  const Document& d = r.docs[0];
  EXPECT_TRUE(d.from_jsonl);
  EXPECT_EQ(d.doc_id, "d1");
  EXPECT_EQ(d.text, "On Monday.");
  EXPECT_EQ(d.doc_date, "2008-03-01");
  EXPECT_EQ(d.meta.dump(), R"({"title":"T"})");
  EXPECT_EQ(d.source.dump(), R"({"corpus":"x","path":"orig.xml"})");
  EXPECT_THAT(d.types, ElementsAre("DATE"));
  EXPECT_TRUE(d.entities.empty());
  EXPECT_EQ(r.docs[1].text, "Caf\u00e9.");
  EXPECT_FALSE(r.docs[1].doc_date.has_value());
}

TEST(IngestTest, StandardInputIsRead) {
  const std::string path = Write(TempDir() + "/in.mbox", MboxEntry(Message("stdin", "", "From stdin.\n")));
  const int saved = dup(STDIN_FILENO);
  const int fd = open(path.c_str(), O_RDONLY);
  ASSERT_GE(fd, 0);
  dup2(fd, STDIN_FILENO);
  close(fd);
  Result r = Ingest({"-"});
  dup2(saved, STDIN_FILENO);
  close(saved);
  EXPECT_THAT(r.ids(), ElementsAre("<stdin@example.org>"));
  ASSERT_EQ(r.docs.size(), 1u);
  EXPECT_EQ(r.docs[0].source.value("path", ""), "-");
}

TEST(IngestTest, ExplicitFormatOverridesDetection) {
  IngestOptions options;
  options.format = InputFormat::kText;
  const std::string msg = Message("t", "", "Body.\n");
  Result r = Ingest({Write(TempDir() + "/m.eml", msg)}, options);
  ASSERT_EQ(r.docs.size(), 1u);
  EXPECT_EQ(r.docs[0].text, msg);
}

TEST(IngestTest, StopsWhenTheCallbackSaysSo) {
  std::string mbox;
  for (int i = 0; i < 5; ++i) mbox += MboxEntry(Message("s" + std::to_string(i), "", "x\n"));
  const std::string path = Write(TempDir() + "/s.mbox", mbox);
  int seen = 0;
  auto files = ExpandInputs({path}, [](const IngestError&) {});
  ASSERT_EQ(files.size(), 1u);
  IngestFile(files[0], {}, [&seen](Document&&) { return ++seen < 2; }, [](const IngestError&) {});
  EXPECT_EQ(seen, 2);
}

// ---
// Bad input: one error naming the file and offset, and the messages after it are still read.

struct BadCase {
  std::string name;
  std::string file;
  std::function<std::string(const std::string& path)> make;  // writes the input, returns its path
  std::string error;            // part of the error message
  int64_t offset;               // expected error offset (-1: do not check)
  std::vector<std::string> ids; // documents still read
};

const std::string kGood1 = MboxEntry(Message("good1", "", "Good one.\n"));
const std::string kGood2 = MboxEntry(Message("good2", "", "Good two.\n"));

std::vector<BadCase> BadCases() {
  std::vector<BadCase> cases;
  cases.push_back({"TruncatedMbox", "t.mbox",
                   [](const std::string& p) {
                     return Write(p, kGood1 + "From x@example.org Mon Apr 16 10:00:00 2018\nFrom: x@example.org\nSubj");
                   },
                   "truncated", static_cast<int64_t>(kGood1.size()), {"<good1@example.org>"}});
  cases.push_back({"BrokenMimeBoundary", "b.mbox",
                   [](const std::string& p) {
                     return Write(p, MboxEntry(Message("broken", "Content-Type: multipart/mixed; boundary=\"nothere\"\n",
                                                       "--elsewhere\nContent-Type: text/plain\n\nText.\n")) +
                                         kGood2);
                   },
                   "boundary", 0, {"<good2@example.org>"}});
  cases.push_back({"BinaryAttachmentOnly", "bin.mbox",
                   [](const std::string& p) {
                     return Write(p, kGood1 +
                                         MboxEntry(Message("bin", "Content-Type: application/octet-stream\n"
                                                                  "Content-Transfer-Encoding: base64\n",
                                                           "AAECAwQFBgcICQoLDA0ODw==\n")) +
                                         kGood2);
                   },
                   "no text part", static_cast<int64_t>(kGood1.size()), {"<good1@example.org>", "<good2@example.org>"}});
  cases.push_back({"DigestWithOneBadMessage", "digest.mbox",
                   [](const std::string& p) {
                     return Write(p, MboxEntry(Message(
                                         "dg", "MIME-Version: 1.0\nContent-Type: multipart/digest; boundary=d\n",
                                         "--d\n\nSubject: bad\nMessage-ID: <bad@example.org>\n"
                                         "Content-Type: image/png\n\n\x89PNG\n"
                                         "--d\n\nSubject: ok\nMessage-ID: <ok@example.org>\n\nFine.\n--d--\n")) +
                                         kGood2);
                   },
                   "digest message 1: no text part", 0, {"<ok@example.org>", "<good2@example.org>"}});
  cases.push_back({"DeeplyNestedMultiparts", "nested.mbox",
                   [](const std::string& p) {
                     std::string body;
                     for (int i = 0; i < 5000; ++i)
                       body += "--b" + std::to_string(i) + "\nContent-Type: multipart/mixed; boundary=b" +
                               std::to_string(i + 1) + "\n\n";
                     return Write(p, MboxEntry(Message("nested", "Content-Type: multipart/mixed; boundary=b0\n", body)) +
                                         kGood2);
                   },
                   "multiparts", 0, {"<good2@example.org>"}});
  cases.push_back({"EmptyFile", "empty.mbox", [](const std::string& p) { return Write(p, ""); }, "empty", 0, {}});
  cases.push_back({"MissingPath", "none.mbox", [](const std::string& p) { return p; }, "no such file", 0, {}});
  cases.push_back({"FiftyMegabyteLine", "long.mbox",
                   [](const std::string& p) {
                     std::string big = MboxEntry(Message("long", "", std::string(50u << 20, 'x') + "\n"));
                     return Write(p, kGood1 + big + kGood2);
                   },
                   "line longer", -1, {"<good1@example.org>", "<good2@example.org>"}});
  cases.push_back({"TruncatedGzip", "t.mbox.gz",
                   [](const std::string& p) {
                     std::string mbox;
                     for (int i = 0; i < 200; ++i) mbox += MboxEntry(Message("z" + std::to_string(i), "", "Zipped.\n"));
                     WriteGzip(p, mbox);
                     fs::resize_file(p, fs::file_size(p) - 40);
                     return p;
                   },
                   "compressed", -1, {}});
  cases.push_back({"BadJsonlLine", "bad.jsonl",
                   [](const std::string& p) {
                     return Write(p, "{\"doc_id\":\"j1\",\"text\":\"a\"}\n{\"doc_id\": broken\n{\"doc_id\":\"j2\",\"text\":\"b\"}\n");
                   },
                   "not valid JSON", 27, {"j1", "j2"}});
  cases.push_back({"BinaryFile", "image.jpg",
                   [](const std::string& p) { return Write(p, std::string("\xff\xd8\xff\xe0\0\x10JFIF\0\x01", 12)); },
                   "binary", 0, {}});
  return cases;
}

class BadInputTest : public ::testing::TestWithParam<BadCase> {};

TEST_P(BadInputTest, OneErrorNamingFileAndOffsetAndTheRestIsRead) {
  const BadCase& c = GetParam();
  const std::string path = c.make(TempDir() + "/" + c.file);
  Result r = Ingest({path});
  ASSERT_EQ(r.errors.size(), 1u) << (r.errors.empty() ? "" : r.errors[0].message);
  EXPECT_EQ(r.errors[0].path, path);
  EXPECT_THAT(r.errors[0].message, HasSubstr(c.error));
  if (c.offset >= 0) {
    EXPECT_EQ(r.errors[0].offset, static_cast<uint64_t>(c.offset));
  }
  if (c.name != "TruncatedGzip") {
    EXPECT_EQ(r.ids(), c.ids);
  } else {
    EXPECT_GT(r.docs.size(), 100u);  // everything before the cut is read
    EXPECT_GT(r.errors[0].offset, 0u);
  }
}

INSTANTIATE_TEST_SUITE_P(Ingest, BadInputTest, ::testing::ValuesIn(BadCases()),
                         [](const auto& info) { return info.param.name; });

TEST(IngestTest, ArchiveGivesTheSameDocumentsAsItsMessagesOneByOne) {
  // 3000 messages: the archive crosses the reader's block boundaries many times.
  const std::string dir = TempDir();
  std::string mbox;
  for (int i = 0; i < 3000; ++i) {
    const std::string msg = Message("one" + std::to_string(i), "",
                                    "Line " + std::to_string(i) + std::string(i % 97, 'x') + "\n\nEnd.\n");
    mbox += MboxEntry(msg);
    char name[32];
    std::snprintf(name, sizeof name, "/Mail/cur/%05d", i);
    Write(dir + name, msg);
  }
  Write(dir + "/Mail/new/.keep", "");
  Result archive = Ingest({Write(dir + "/all.mbox", mbox)});
  Result one_by_one = Ingest({dir + "/Mail"});
  ASSERT_EQ(archive.docs.size(), 3000u);
  EXPECT_EQ(archive.texts(), one_by_one.texts());
  EXPECT_EQ(archive.ids(), one_by_one.ids());
}

TEST(IngestTest, MessageOverTheSizeLimitIsSkippedAndReported) {
  IngestOptions options;
  options.max_message_bytes = 4096;
  const std::string big = MboxEntry(Message("big", "", std::string(100, 'y') + "\n" + std::string(8000, 'z') + "\n"));
  const std::string path = Write(TempDir() + "/big.mbox", kGood1 + big + kGood2);
  Result r = Ingest({path}, options);
  EXPECT_EQ(r.ids(), (std::vector<std::string>{"<good1@example.org>", "<good2@example.org>"}));
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_EQ(r.errors[0].offset, kGood1.size());
  EXPECT_THAT(r.errors[0].message, HasSubstr("larger than"));
}

TEST(IngestTest, InvalidUtf8NeverLeaks) {
  const std::string bad = "Bad \xff\xfe bytes, overlong \xc0\xaf, cut \xe2\x80";
  const std::string path = Write(TempDir() + "/u.mbox",
                                 MboxEntry(Message("u8", "Content-Type: text/plain; charset=utf-8\n", bad + "\n")) +
                                     MboxEntry("Subject: \xff\xfe\nMessage-ID: <u9@example.org>\n\n" + bad + "\n"));
  Result r = Ingest({path});
  ASSERT_EQ(r.docs.size(), 2u);
  for (const Document& d : r.docs) {
    EXPECT_TRUE(utf8::IsValid(d.text));
    EXPECT_TRUE(utf8::IsValid(d.headers.subject));
    EXPECT_THAT(d.text, HasSubstr("Bad "));
  }
}

TEST(IngestTest, UnreadableAndDanglingEntriesInADirectoryAreReported) {
  const std::string dir = TempDir();
  Write(dir + "/a.eml", Message("a", "", "x\n"));
  fs::create_symlink(dir + "/gone.eml", dir + "/b.eml");
  Write(dir + "/c.eml", Message("c", "", "x\n"));
  Result r = Ingest({dir});
  EXPECT_THAT(r.ids(), ElementsAre("<a@example.org>", "<c@example.org>"));
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_EQ(r.errors[0].path, dir + "/b.eml");
}

TEST(IngestTest, UnreadableFileIsReported) {
  if (geteuid() == 0) GTEST_SKIP() << "root reads every file";
  const std::string dir = TempDir();
  const std::string path = Write(dir + "/secret.eml", Message("s", "", "x\n"));
  fs::permissions(path, fs::perms::none);
  Result r = Ingest({dir});
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_EQ(r.errors[0].path, path);
  EXPECT_TRUE(r.docs.empty());
}

}  // namespace
}  // namespace accord
