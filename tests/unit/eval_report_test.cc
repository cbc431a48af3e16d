// Reports and gates of pipeline/eval (report.h), and the pipeline run on gold texts (predict.h).
#include <gtest/gtest.h>

#include "pipeline/eval/predict.h"
#include "pipeline/eval/report.h"

namespace accord::eval {
namespace {

// Gold: "Ann Lee visited Chile on Monday." with PERSON, NATION, DATE; the prediction finds the
// person, cuts the nation short and adds a spurious DATE.
AnnotationSet Gold() {
  AnnotationSet set;
  AnnotatedDoc d;
  d.doc_id = "<m1@example.org>";
  d.text = "Ann Lee visited Chile on Monday. <b>&";
  d.types = {"PERSON", "NATION", "DATE"};
  d.entities = {{"PERSON", 0, 7, "Ann Lee", "Ann Lee", "", "", ""},
                {"NATION", 16, 21, "Chile", "Chile", "CL", "", ""},
                {"DATE", 25, 31, "Monday", "", "", "2020-03-02", "date"}};
  set.docs.push_back(d);
  return set;
}

AnnotationSet Pred() {
  AnnotationSet set = Gold();
  AnnotatedDoc& d = set.docs[0];
  d.entities = {{"PERSON", 0, 7, "Ann Lee", "Ann Lee", "", "", ""},
                {"NATION", 16, 19, "Chi", "Chile", "CL", "", ""},
                {"DATE", 25, 31, "Monday", "", "", "2020-03-02", "date"},
                {"DATE", 33, 36, "<b>", "", "", "", "date"}};
  return set;
}

TEST(GateTest, ParsesTypeSchemeAndAttributeGates) {
  struct Case {
    const char* spec;
    const char* type;
    const char* metric;
    double threshold;
  };
  for (const Case& c : {Case{"PERSON=0.9", "PERSON", "strict", 0.9},
                        Case{"DATE.type=0.85", "DATE", "type", 0.85},
                        Case{"DATE.value=0.8", "DATE", "value", 0.8},
                        Case{"overall.partial=0.5", "overall", "partial", 0.5}}) {
    auto g = ParseGate(c.spec);
    ASSERT_TRUE(g.ok()) << c.spec;
    EXPECT_EQ(g->type, c.type);
    EXPECT_EQ(g->metric, c.metric);
    EXPECT_DOUBLE_EQ(g->threshold, c.threshold);
  }
  for (const char* bad : {"PERSON", "PERSON=high", "PERSON=1.5", "DATE.fuzzy=0.5", "=0.5"}) {
    EXPECT_FALSE(ParseGate(bad).ok()) << bad;
  }
}

TEST(GateTest, FailsBelowTheThresholdOnly) {
  const AnnotationSet gold = Gold(), pred = Pred();  // the result points into them
  const EvalResult r = Score(gold, pred);
  // PERSON strict F1 1.0; NATION strict F1 0; DATE strict P 1/2, R 1 -> F1 2/3; value acc 1.0.
  auto gates = [](std::vector<const char*> specs) {
    std::vector<Gate> out;
    for (const char* s : specs) out.push_back(*ParseGate(s));
    return out;
  };
  EXPECT_TRUE(CheckGates(r, gates({"PERSON=1", "DATE=0.66", "DATE.value=1", "NATION.type=0.9"})).empty());
  const auto failed = CheckGates(r, gates({"NATION=0.1", "DATE=0.7", "ORGANIZATION=0.1"}));
  ASSERT_EQ(failed.size(), 3u);
  EXPECT_NE(failed[0].find("NATION strict F1 0.000"), std::string::npos) << failed[0];
  EXPECT_NE(failed[2].find("not scored"), std::string::npos) << failed[2];
}

TEST(ReportTest, TextTableHasARowPerTypeAndOverall) {
  const AnnotationSet gold = Gold(), pred = Pred();  // the result points into them
  const EvalResult r = Score(gold, pred);
  ReportOptions options;
  options.schemes = {Scheme::kStrict};
  const std::string text = FormatTextReport(r, options);
  for (const char* row : {"\nDATE ", "\nNATION ", "\nPERSON ", "\noverall "}) {
    EXPECT_NE(text.find(row), std::string::npos) << row << "\n" << text;
  }
  EXPECT_EQ(text.find("[exact]"), std::string::npos);
  EXPECT_NE(text.find("1.000 (1/1)"), std::string::npos) << text;  // DATE value accuracy
}

TEST(ReportTest, JsonCarriesCountsAndScores) {
  const AnnotationSet gold = Gold(), pred = Pred();  // the result points into them
  const EvalResult r = Score(gold, pred);
  const Json j = ReportJson(r, ReportOptions());
  EXPECT_EQ(j["documents"], 1);
  EXPECT_EQ(j["types"]["NATION"]["partial"]["partial"], 1);
  EXPECT_EQ(j["types"]["DATE"]["strict"]["spurious"], 1);
  EXPECT_EQ(j["overall"]["strict"]["correct"], 2);
  EXPECT_EQ(j["overall"]["strict"]["possible"], 3);
  EXPECT_EQ(j["overall"]["strict"]["actual"], 4);
  EXPECT_DOUBLE_EQ(j["overall"]["strict"]["precision"].get<double>(), 0.5);
  EXPECT_DOUBLE_EQ(j["types"]["NATION"]["code"]["accuracy"].get<double>(), 1.0);
}

TEST(ReportTest, ErrorsShowTheSpanInContext) {
  const AnnotationSet gold = Gold(), pred = Pred();  // the result points into them
  const EvalResult r = Score(gold, pred);
  const std::string errors = FormatErrors(r, 10);
  EXPECT_NE(errors.find("false positives (strict): 2 of 2"), std::string::npos) << errors;
  EXPECT_NE(errors.find("visited [[Chi]]le on"), std::string::npos) << errors;
  EXPECT_NE(errors.find("false negatives (strict): 1 of 1"), std::string::npos) << errors;
  EXPECT_NE(errors.find("[[Chile]]"), std::string::npos) << errors;
  const std::string one = FormatErrors(r, 1);
  EXPECT_NE(one.find("false positives (strict): 1 of 2"), std::string::npos) << one;
}

TEST(ReportTest, HtmlIsSelfContainedEscapedAndMarksMismatches) {
  const AnnotationSet gold = Gold(), pred = Pred();  // the result points into them
  const EvalResult r = Score(gold, pred);
  const std::string html = FormatHtmlReport(r, ReportOptions());
  EXPECT_EQ(html.rfind("<!DOCTYPE html>", 0), 0u);
  EXPECT_EQ(html.find("<script"), std::string::npos);
  EXPECT_EQ(html.find("<link"), std::string::npos);
  EXPECT_EQ(html.find("<b>&"), std::string::npos);  // the text is escaped
  EXPECT_NE(html.find("&lt;b&gt;&amp;"), std::string::npos);
  EXPECT_NE(html.find("class=\"e NATION near\""), std::string::npos);  // boundary mismatch
  EXPECT_NE(html.find("class=\"e DATE bad\""), std::string::npos);     // spurious
  EXPECT_NE(html.find("class=\"e PERSON\""), std::string::npos);       // correct
  EXPECT_NE(html.find("&lt;m1@example.org&gt;"), std::string::npos);
}

TEST(PredictTest, DocumentFromGoldCarriesTheRecord) {
  AnnotatedDoc g = Gold().docs[0];
  g.doc_date = "2020-03-04";
  g.meta["title"] = "T";
  auto doc = DocumentFromGold(g);
  ASSERT_TRUE(doc.ok());
  EXPECT_EQ(doc->doc_id, g.doc_id);
  EXPECT_EQ(doc->text, *g.text);
  EXPECT_EQ(doc->doc_date, "2020-03-04");
  EXPECT_EQ(doc->meta["title"], "T");
  EXPECT_TRUE(doc->from_jsonl);
  g.text.reset();
  EXPECT_FALSE(DocumentFromGold(g).ok());
}

TEST(PredictTest, PipelinePredictionsComeBackAsRecordsOfTheSameDocuments) {
  AnnotationSet gold = Gold();
  AnnotatedDoc second = gold.docs[0];
  second.doc_id = "second";
  second.text = "Zoë Ruiz, the président of Peru, spoke in Lima on 3 March 2020.";
  gold.docs.push_back(second);
  auto pred = PredictWithPipeline(gold, StageOptions(), 2);
  ASSERT_TRUE(pred.ok()) << pred.status().message();
  ASSERT_EQ(pred->docs.size(), 2u);
  for (size_t i = 0; i < 2; ++i) {
    EXPECT_EQ(pred->docs[i].doc_id, gold.docs[i].doc_id);
    EXPECT_EQ(pred->docs[i].text, gold.docs[i].text);
    for (const Annotation& a : pred->docs[i].entities) {
      EXPECT_LE(a.end, 64u);
      EXPECT_LT(a.start, a.end);
    }
  }
  // Same input, same predictions, whatever the thread count.
  auto again = PredictWithPipeline(gold, StageOptions(), 1);
  ASSERT_TRUE(again.ok());
  for (size_t i = 0; i < 2; ++i) {
    ASSERT_EQ(again->docs[i].entities.size(), pred->docs[i].entities.size());
  }
}

}  // namespace
}  // namespace accord::eval
