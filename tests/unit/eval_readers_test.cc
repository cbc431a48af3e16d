// The annotation readers of pipeline/eval: accord/1 JSONL, BRAT, CoNLL (IOB1, IOB2, BIOES,
// CoNLL-2012), TimeML, on small files written here.
#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>

#include "pipeline/eval/annotations.h"

namespace accord::eval {
namespace {

namespace fs = std::filesystem;

fs::path TempDir(const std::string& name) {
  const fs::path dir = fs::temp_directory_path() /
                       ("accord_eval_readers_" + name + "_" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

void Write(const fs::path& p, std::string_view content) {
  std::ofstream out(p, std::ios::binary);
  out << content;
}

struct Expected {
  std::string type;
  uint32_t start, end;
  std::string text;
};

void ExpectEntities(const AnnotatedDoc& doc, const std::vector<Expected>& want) {
  ASSERT_EQ(doc.entities.size(), want.size()) << doc.doc_id;
  for (size_t i = 0; i < want.size(); ++i) {
    EXPECT_EQ(doc.entities[i].type, want[i].type) << i;
    EXPECT_EQ(doc.entities[i].start, want[i].start) << i;
    EXPECT_EQ(doc.entities[i].end, want[i].end) << i;
    EXPECT_EQ(doc.entities[i].text, want[i].text) << i;
  }
}

TEST(JsonlReaderTest, ReadsRecordsWithCodePointOffsetsAndMapsTypes) {
  const std::string content =
      R"({"schema":"accord/1","doc_id":"x1","doc_date":"2020-02-03","types":["PER","DATE"],)"
      R"("text":"Zoë Ruiz met Ana on Monday.","entities":[)"
      R"({"type":"DATE","start":20,"end":26,"text":"Monday","value":"2020-02-03","kind":"date"},)"
      R"({"type":"PER","start":0,"end":8,"text":"Zoë Ruiz","canonical":"Zoë Ruiz"},)"
      R"({"type":"LOC","start":13,"end":16,"text":"Ana"}]})"
      "\n\n";
  ReadOptions options;
  options.map = *TagMap::Parse({"PER=PERSON", "LOC=-"});
  auto set = ParseAccordJsonl(content, "mem.jsonl", options);
  ASSERT_TRUE(set.ok()) << set.status().message();
  ASSERT_EQ(set->docs.size(), 1u);
  const AnnotatedDoc& d = set->docs[0];
  EXPECT_EQ(d.doc_id, "x1");
  EXPECT_EQ(d.doc_date, "2020-02-03");
  EXPECT_EQ(d.types, (std::set<std::string>{"PERSON", "DATE"}));
  ExpectEntities(d, {{"PERSON", 0, 8, "Zoë Ruiz"}, {"DATE", 20, 26, "Monday"}});
  EXPECT_EQ(d.entities[1].value, "2020-02-03");
  EXPECT_EQ(d.entities[0].canonical, "Zoë Ruiz");
}

TEST(JsonlReaderTest, RejectsSpansBeyondTheTextNamingTheLine) {
  const std::string content =
      "{\"doc_id\":\"a\",\"text\":\"abc\",\"entities\":[]}\n"
      "{\"doc_id\":\"b\",\"text\":\"abc\",\"entities\":[{\"type\":\"DATE\",\"start\":1,\"end\":9}]}\n";
  auto set = ParseAccordJsonl(content, "bad.jsonl", ReadOptions());
  ASSERT_FALSE(set.ok());
  EXPECT_NE(set.status().message().find("bad.jsonl:2"), std::string::npos) << set.status().message();
}

TEST(JsonlReaderTest, TakesTheTextOfARecordWithoutOneFromTheTxtBesideIt) {
  const fs::path dir = TempDir("txt");
  Write(dir / "story-1.txt", "Paris, Monday");
  Write(dir / "gold.jsonl",
        R"({"doc_id":"corpus/story-1","entities":[{"type":"DATE","start":7,"end":13}]})" "\n");
  auto set = ReadAnnotations((dir / "gold.jsonl").string(), ReadOptions());
  ASSERT_TRUE(set.ok()) << set.status().message();
  ASSERT_TRUE(set->docs[0].text.has_value());
  EXPECT_EQ(*set->docs[0].text, "Paris, Monday");
  // And from --text-dir when the text lives elsewhere.
  const fs::path other = TempDir("txt_other");
  fs::rename(dir / "story-1.txt", other / "story-1.txt");
  ReadOptions options;
  options.text_dir = other.string();
  set = ReadAnnotations((dir / "gold.jsonl").string(), options);
  ASSERT_TRUE(set.ok());
  EXPECT_EQ(set->docs[0].text.value_or(""), "Paris, Monday");
  fs::remove_all(dir);
  fs::remove_all(other);
}

TEST(BratReaderTest, ReadsTextBoundAnnotationsAndSkipsTheRest) {
  const fs::path dir = TempDir("brat");
  Write(dir / "doc1.txt", "Élodie Blanc joined Acme Corp in 2019 in Peru.\n");
  Write(dir / "doc1.ann",
        "T1\tPER 0 12\tÉlodie Blanc\n"
        "T2\tORG 20 29\tAcme Corp\n"
        "T3\tDATE 33 37\t2019\n"
        "T4\tGPE 41 45\tPeru\n"
        "T5\tORG 0 6;20 24\tÉlodie Acme\n"
        "R1\tWorksFor Arg1:T1 Arg2:T2\n"
        "#1\tAnnotatorNotes T1\tfull name\n");
  ReadOptions options;
  options.map = *TagMap::Parse({"PER=PERSON", "ORG=ORGANIZATION", "GPE=NATION"});
  auto set = ReadAnnotations(dir.string(), options);
  ASSERT_TRUE(set.ok()) << set.status().message();
  EXPECT_EQ(set->format, "brat");
  ASSERT_EQ(set->docs.size(), 1u);
  EXPECT_EQ(set->docs[0].doc_id, "doc1");
  ExpectEntities(set->docs[0], {{"PERSON", 0, 12, "Élodie Blanc"},
                                {"ORGANIZATION", 20, 29, "Acme Corp"},
                                {"DATE", 33, 37, "2019"},
                                {"NATION", 41, 45, "Peru"}});
  EXPECT_EQ(set->docs[0].types,
            (std::set<std::string>{"PERSON", "ORGANIZATION", "NATION", "DATE"}));
  ASSERT_EQ(set->skipped.size(), 3u);
  EXPECT_EQ(set->skipped[0].reason, "discontinuous span");
  EXPECT_EQ(set->skipped[1].reason, "relation");
  fs::remove_all(dir);
}

TEST(BratReaderTest, JoinsFragmentsSplitByALineBreakAndReadsAttributeNotes) {
  const fs::path dir = TempDir("brat_wrap");
  Write(dir / "doc-000001.txt", "The United\nNations met in Peru.\n");
  Write(dir / "doc-000001.ann",
        "T1\tORGANIZATION 4 10;11 18\tUnited Nations\n"
        "#1\tAnnotatorNotes T1\tcanonical=United Nations\n"
        "T2\tNATION 26 30\tPeru\n"
        "#2\tAnnotatorNotes T2\tcanonical=Peru; code=PE\n");
  auto set = ReadAnnotations(dir.string(), ReadOptions());
  ASSERT_TRUE(set.ok()) << set.status().message();
  EXPECT_TRUE(set->skipped.empty());
  ExpectEntities(set->docs[0], {{"ORGANIZATION", 4, 18, "United Nations"}, {"NATION", 26, 30, "Peru"}});
  EXPECT_EQ(set->docs[0].entities[0].canonical, "United Nations");
  EXPECT_EQ(set->docs[0].entities[1].code, "PE");
  fs::remove_all(dir);
}

TEST(BratReaderTest, AnnotationConfDeclaresTheTypes) {
  const fs::path dir = TempDir("brat_conf");
  Write(dir / "a.txt", "Oslo\n");
  Write(dir / "a.ann", "");
  Write(dir / "annotation.conf", "[entities]\nPERSON\nDATE\n[relations]\n[events]\n[attributes]\n");
  auto set = ReadAnnotations(dir.string(), ReadOptions());
  ASSERT_TRUE(set.ok()) << set.status().message();
  EXPECT_EQ(set->docs[0].types, (std::set<std::string>{"PERSON", "DATE"}));
  fs::remove_all(dir);
}

// The same two sentences in each tag scheme: "Kofi Annan met Lee Hsien Loong in Ghana ." and
// "Acme Corp Widget Corp rose ." (two adjacent organizations).
struct ConllCase {
  const char* name;
  const char* tags;  // 14 tags, space-separated
};

class ConllSchemeTest : public ::testing::TestWithParam<ConllCase> {};

TEST_P(ConllSchemeTest, DecodesTheSameEntities) {
  const std::vector<std::string> words = {"Kofi", "Annan", "met", "Lee", "Hsien", "Loong", "in",
                                          "Ghana", ".", "Acme", "Corp", "Widget", "Corp", "rose"};
  std::vector<std::string> tags;
  std::string t;
  for (const char* p = GetParam().tags;; ++p) {
    if (*p == ' ' || *p == '\0') {
      tags.push_back(t);
      t.clear();
      if (*p == '\0') break;
    } else {
      t.push_back(*p);
    }
  }
  ASSERT_EQ(tags.size(), words.size());
  std::string content = "-DOCSTART- -X- -X- O\n\n";
  for (size_t i = 0; i < words.size(); ++i) {
    content += words[i] + " NNP I-NP " + tags[i] + "\n";
    if (words[i] == ".") content += "\n";
  }
  auto set = ParseConll(content, "x.conll", ReadOptions());
  ASSERT_TRUE(set.ok()) << set.status().message();
  ASSERT_EQ(set->docs.size(), 1u);
  const AnnotatedDoc& d = set->docs[0];
  EXPECT_EQ(d.doc_id, "x.conll#1");
  EXPECT_EQ(*d.text, "Kofi Annan met Lee Hsien Loong in Ghana .\nAcme Corp Widget Corp rose");
  ExpectEntities(d, {{"PER", 0, 10, "Kofi Annan"},
                     {"PER", 15, 30, "Lee Hsien Loong"},
                     {"LOC", 34, 39, "Ghana"},
                     {"ORG", 42, 51, "Acme Corp"},
                     {"ORG", 52, 63, "Widget Corp"}});
  EXPECT_EQ(d.types, (std::set<std::string>{"PER", "LOC", "ORG"}));
}

INSTANTIATE_TEST_SUITE_P(
    Schemes, ConllSchemeTest,
    ::testing::Values(
        ConllCase{"iob1", "I-PER I-PER O I-PER I-PER I-PER O I-LOC O I-ORG I-ORG B-ORG I-ORG O"},
        ConllCase{"iob2", "B-PER I-PER O B-PER I-PER I-PER O B-LOC O B-ORG I-ORG B-ORG I-ORG O"},
        ConllCase{"bioes", "B-PER E-PER O B-PER I-PER E-PER O S-LOC O B-ORG E-ORG B-ORG E-ORG O"},
        ConllCase{"bilou", "B-PER L-PER O B-PER I-PER L-PER O U-LOC O B-ORG L-ORG B-ORG L-ORG O"}),
    [](const ::testing::TestParamInfo<ConllCase>& info) { return std::string(info.param.name); });

TEST(ConllReaderTest, DocstartSplitsDocumentsAndMapApplies) {
  const std::string content =
      "-DOCSTART- O\n\nMaria B-PER\nsang O\n\n-DOCSTART- O\n\nin O\nOslo B-LOC\n";
  ReadOptions options;
  options.map = *TagMap::Parse({"PER=PERSON", "LOC=-"});
  auto set = ParseConll(content, "two.iob", options);
  ASSERT_TRUE(set.ok());
  ASSERT_EQ(set->docs.size(), 2u);
  ExpectEntities(set->docs[0], {{"PERSON", 0, 5, "Maria"}});
  ExpectEntities(set->docs[1], {});
  EXPECT_EQ(set->docs[1].doc_id, "two.iob#2");
  EXPECT_EQ(set->docs[1].types, (std::set<std::string>{"PERSON"}));
}

TEST(ConllReaderTest, ReadsConll2012BracketedNames) {
  // Columns: doc part index word pos parse lemma frame sense speaker names coref.
  const std::string content =
      "#begin document (nw/demo/00/demo_0001); part 000\n"
      "nw/demo/00/demo_0001 0 0 The DT (TOP* - - - - (ORG* -\n"
      "nw/demo/00/demo_0001 0 1 Daily NNP * - - - - * -\n"
      "nw/demo/00/demo_0001 0 2 Planet NNP * - - - - *) -\n"
      "nw/demo/00/demo_0001 0 3 in IN * - - - - * -\n"
      "nw/demo/00/demo_0001 0 4 Canada NNP * - - - - (GPE) -\n"
      "nw/demo/00/demo_0001 0 5 . . *) - - - - * -\n"
      "\n"
      "#end document\n";
  ReadOptions options;
  options.map = *TagMap::Parse({"ORG=ORGANIZATION", "GPE=NATION"});
  auto set = ParseConll(content, "demo_conll", options);
  ASSERT_TRUE(set.ok()) << set.status().message();
  ASSERT_EQ(set->docs.size(), 1u);
  EXPECT_EQ(set->docs[0].doc_id, "nw/demo/00/demo_0001");
  EXPECT_EQ(*set->docs[0].text, "The Daily Planet in Canada .");
  ExpectEntities(set->docs[0], {{"ORGANIZATION", 0, 16, "The Daily Planet"},
                                {"NATION", 20, 26, "Canada"}});
}

TEST(TimemlReaderTest, ReadsTimexValuesAndTheDct) {
  const std::string content =
      "<?xml version=\"1.0\" ?>\n<TimeML>\n<DOCID>wsj_demo</DOCID>\n"
      "<DCT><TIMEX3 tid=\"t0\" type=\"DATE\" value=\"1998-03-03\" temporalFunction=\"false\" "
      "functionInDocument=\"CREATION_TIME\">03/03/1998</TIMEX3></DCT>\n"
      "<TEXT>\nSales &amp; profits <EVENT eid=\"e1\">rose</EVENT> "
      "<TIMEX3 tid=\"t1\" type=\"DATE\" value=\"1998-03-02\">yesterday</TIMEX3> after "
      "<TIMEX3 tid=\"t2\" type=\"DURATION\" value=\"P2Y\">two years</TIMEX3> "
      "<TIMEX3 tid=\"t3\" type=\"SET\" value=\"P1W\">weekly</TIMEX3>.\n</TEXT>\n</TimeML>\n";
  auto set = ParseTimeml(content, "wsj_demo.tml", ReadOptions());
  ASSERT_TRUE(set.ok()) << set.status().message();
  ASSERT_EQ(set->docs.size(), 1u);
  const AnnotatedDoc& d = set->docs[0];
  EXPECT_EQ(d.doc_id, "wsj_demo");
  EXPECT_EQ(d.doc_date, "1998-03-03");
  // The content of <TEXT> as it is, markup removed: offsets index it.
  EXPECT_EQ(*d.text, "\nSales & profits rose yesterday after two years weekly.\n");
  ExpectEntities(d, {{"DATE", 22, 31, "yesterday"}, {"DATE", 38, 47, "two years"},
                     {"SET", 48, 54, "weekly"}});
  EXPECT_EQ(d.entities[0].value, "1998-03-02");
  EXPECT_EQ(d.entities[1].kind, "duration");
  EXPECT_EQ(d.types, (std::set<std::string>{"DATE"}));
}

TEST(ReadAnnotationsTest, DetectsFormatsByPath) {
  const fs::path dir = TempDir("detect");
  Write(dir / "a.tml", "<TimeML><TEXT>On <TIMEX3 type=\"DATE\" value=\"2001\">2001</TIMEX3></TEXT></TimeML>");
  Write(dir / "b.jsonl", "{\"doc_id\":\"b\",\"text\":\"\",\"entities\":[]}\n");
  Write(dir / "c.conll", "Oslo B-LOC\n");
  EXPECT_EQ(ReadAnnotations((dir / "a.tml").string(), ReadOptions())->format, "timeml");
  EXPECT_EQ(ReadAnnotations((dir / "b.jsonl").string(), ReadOptions())->format, "jsonl");
  EXPECT_EQ(ReadAnnotations((dir / "c.conll").string(), ReadOptions())->format, "conll");
  EXPECT_FALSE(ReadAnnotations((dir / "missing.jsonl").string(), ReadOptions()).ok());
  EXPECT_FALSE(TagMap::Parse({"PER"}).ok());
  fs::remove_all(dir);
}

}  // namespace
}  // namespace accord::eval
