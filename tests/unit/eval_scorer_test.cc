// The nervaluate counting of pipeline/eval/scorer.h, case by case, on hand-made spans.
#include "pipeline/eval/scorer.h"

#include <gtest/gtest.h>

namespace accord::eval {
namespace {

struct Span3 {
  const char* type;
  uint32_t start, end;
};

AnnotatedDoc MakeDoc(std::vector<Span3> spans,
                     std::set<std::string> types = {"PERSON", "ORGANIZATION", "NATION", "DATE"}) {
  AnnotatedDoc d;
  d.doc_id = "d";
  d.types = std::move(types);
  for (const Span3& s : spans) {
    Annotation a;
    a.type = s.type;
    a.start = s.start;
    a.end = s.end;
    d.entities.push_back(a);
  }
  SortEntities(d.entities);
  return d;
}

// Expected overall counts {cor, inc, par, mis, spu} per scheme.
struct SchemeCase {
  const char* name;
  std::vector<Span3> gold;
  std::vector<Span3> pred;
  Counts strict, exact, partial, type;
};

Counts C(int64_t cor, int64_t inc, int64_t par, int64_t mis, int64_t spu) {
  return Counts{cor, inc, par, mis, spu};
}

class SchemeCountsTest : public ::testing::TestWithParam<SchemeCase> {};

TEST_P(SchemeCountsTest, CountsEachScheme) {
  const SchemeCase& c = GetParam();
  std::map<std::string, TypeScore> scores;
  const AnnotatedDoc gold = MakeDoc(c.gold), pred = MakeDoc(c.pred);
  ScoreDocument(gold, pred, scores);
  TypeScore overall;
  for (const auto& [type, s] : scores) overall += s;
  EXPECT_EQ(overall.at(Scheme::kStrict), c.strict) << "strict";
  EXPECT_EQ(overall.at(Scheme::kExact), c.exact) << "exact";
  EXPECT_EQ(overall.at(Scheme::kPartial), c.partial) << "partial";
  EXPECT_EQ(overall.at(Scheme::kType), c.type) << "type";
}

INSTANTIATE_TEST_SUITE_P(
    Scenarios, SchemeCountsTest,
    ::testing::Values(
        // I: "Ada Byron" as PERSON on both sides.
        SchemeCase{"same_span_same_type", {{"PERSON", 0, 9}}, {{"PERSON", 0, 9}},
                   C(1, 0, 0, 0, 0), C(1, 0, 0, 0, 0), C(1, 0, 0, 0, 0), C(1, 0, 0, 0, 0)},
        // IV: "Jordan" gold NATION, predicted PERSON.
        SchemeCase{"same_span_other_type", {{"NATION", 20, 26}}, {{"PERSON", 20, 26}},
                   C(0, 1, 0, 0, 0), C(1, 0, 0, 0, 0), C(1, 0, 0, 0, 0), C(0, 1, 0, 0, 0)},
        // V: gold "Acme Widget Corp", predicted "Widget Corp".
        SchemeCase{"overlap_same_type", {{"ORGANIZATION", 10, 26}}, {{"ORGANIZATION", 15, 26}},
                   C(0, 1, 0, 0, 0), C(0, 1, 0, 0, 0), C(0, 0, 1, 0, 0), C(1, 0, 0, 0, 0)},
        // VI: gold NATION "Chile", predicted PERSON "Chile Smith".
        SchemeCase{"overlap_other_type", {{"NATION", 3, 8}}, {{"PERSON", 3, 14}},
                   C(0, 1, 0, 0, 0), C(0, 1, 0, 0, 0), C(0, 0, 1, 0, 0), C(0, 1, 0, 0, 0)},
        // II: a date that is not in the gold.
        SchemeCase{"spurious", {}, {{"DATE", 0, 6}},
                   C(0, 0, 0, 0, 1), C(0, 0, 0, 0, 1), C(0, 0, 0, 0, 1), C(0, 0, 0, 0, 1)},
        // III: a gold date nobody found.
        SchemeCase{"missed", {{"DATE", 0, 6}}, {},
                   C(0, 0, 0, 1, 0), C(0, 0, 0, 1, 0), C(0, 0, 0, 1, 0), C(0, 0, 0, 1, 0)},
        // Half-open offsets: [0,5) and [5,9) touch but do not overlap.
        SchemeCase{"adjacent_spans_do_not_overlap", {{"PERSON", 0, 5}}, {{"PERSON", 5, 9}},
                   C(0, 0, 0, 1, 1), C(0, 0, 0, 1, 1), C(0, 0, 0, 1, 1), C(0, 0, 0, 1, 1)},
        // One prediction over two gold names counts against each of them.
        SchemeCase{"one_prediction_over_two_gold", {{"PERSON", 0, 4}, {"PERSON", 5, 10}},
                   {{"PERSON", 0, 10}},
                   C(0, 2, 0, 0, 0), C(0, 2, 0, 0, 0), C(0, 0, 2, 0, 0), C(2, 0, 0, 0, 0)},
        // Two predictions inside one gold name: the second finds it taken and is spurious.
        SchemeCase{"two_predictions_in_one_gold", {{"ORGANIZATION", 0, 20}},
                   {{"ORGANIZATION", 0, 8}, {"ORGANIZATION", 9, 20}},
                   C(0, 1, 0, 0, 1), C(0, 1, 0, 0, 1), C(0, 0, 1, 0, 1), C(1, 0, 0, 0, 1)},
        // A mix over one document.
        SchemeCase{"mixed_document",
                   {{"PERSON", 0, 9}, {"ORGANIZATION", 15, 30}, {"NATION", 40, 46}, {"DATE", 60, 70}},
                   {{"PERSON", 0, 9}, {"ORGANIZATION", 19, 30}, {"PERSON", 40, 46}, {"DATE", 80, 84}},
                   C(1, 2, 0, 1, 1), C(2, 1, 0, 1, 1), C(2, 0, 1, 1, 1), C(2, 1, 0, 1, 1)}),
    [](const ::testing::TestParamInfo<SchemeCase>& info) { return std::string(info.param.name); });

TEST(ScorerTest, AttributesCountForTheGoldType) {
  std::map<std::string, TypeScore> scores;
  // IV: gold NATION, predicted ORGANIZATION on the same span: counted for NATION only.
  ScoreDocument(MakeDoc({{"NATION", 0, 6}}), MakeDoc({{"ORGANIZATION", 0, 6}}), scores);
  EXPECT_EQ(scores["NATION"].at(Scheme::kStrict).incorrect, 1);
  EXPECT_EQ(scores["ORGANIZATION"].at(Scheme::kStrict).actual(), 0);
  EXPECT_EQ(scores["ORGANIZATION"].predicted, 1);
}

TEST(ScorerTest, OnlyTypesBothSidesCoverAreScored) {
  std::map<std::string, TypeScore> scores;
  const AnnotatedDoc gold = MakeDoc({{"DATE", 0, 4}, {"PERSON", 10, 15}}, {"DATE", "PERSON"});
  const AnnotatedDoc pred = MakeDoc({{"DATE", 0, 4}, {"NATION", 20, 25}}, {"DATE", "NATION"});
  const DocResult r = ScoreDocument(gold, pred, scores);
  EXPECT_EQ(r.types, (std::set<std::string>{"DATE"}));
  EXPECT_EQ(scores.size(), 1u);
  EXPECT_EQ(scores["DATE"].at(Scheme::kStrict).correct, 1);
}

TEST(ScorerTest, PrecisionRecallFollowTheScheme) {
  const Counts c{2, 1, 1, 1, 1};  // possible 5, actual 5
  const Prf strict = ComputePrf(c, Scheme::kStrict);
  EXPECT_DOUBLE_EQ(strict.precision, 2.0 / 5);
  EXPECT_DOUBLE_EQ(strict.recall, 2.0 / 5);
  const Prf partial = ComputePrf(c, Scheme::kPartial);
  EXPECT_DOUBLE_EQ(partial.precision, 2.5 / 5);
  EXPECT_DOUBLE_EQ(partial.recall, 2.5 / 5);
  EXPECT_DOUBLE_EQ(partial.f1, 0.5);
  const Prf none = ComputePrf(Counts{}, Scheme::kStrict);
  EXPECT_EQ(none.f1, 0.0);
  const Prf lopsided = ComputePrf(Counts{3, 0, 0, 3, 0}, Scheme::kExact);
  EXPECT_DOUBLE_EQ(lopsided.precision, 1.0);
  EXPECT_DOUBLE_EQ(lopsided.recall, 0.5);
  EXPECT_DOUBLE_EQ(lopsided.f1, 2.0 / 3);
}

TEST(ScorerTest, DateValueAccuracyOverTypeMatches) {
  AnnotatedDoc gold = MakeDoc({{"DATE", 0, 6}, {"DATE", 10, 24}, {"DATE", 30, 36}});
  AnnotatedDoc pred = MakeDoc({{"DATE", 0, 6}, {"DATE", 14, 24}, {"DATE", 40, 46}});
  gold.entities[0].value = "2018-04-16";
  gold.entities[1].value = "P1Y";
  gold.entities[2].value = "2018";
  pred.entities[0].value = "2018-04-16";  // exact span, right value
  pred.entities[1].value = "P2Y";         // overlapping span, wrong value
  std::map<std::string, TypeScore> scores;
  ScoreDocument(gold, pred, scores);
  const TypeScore& d = scores["DATE"];
  EXPECT_EQ(d.value.compared, 2);
  EXPECT_EQ(d.value.agreed, 1);
  // type scheme: cor 2, mis 1, spu 1 -> P = R = F1 = 2/3; value F1 = 2/3 * 1/2.
  EXPECT_DOUBLE_EQ(d.value_f1(), (2.0 / 3) * 0.5);
}

TEST(ScorerTest, CanonicalOverStrictMatchesAndCodeOverTypeMatches) {
  AnnotatedDoc gold = MakeDoc({{"PERSON", 0, 5}, {"NATION", 10, 18}, {"PERSON", 30, 40}});
  AnnotatedDoc pred = MakeDoc({{"PERSON", 0, 5}, {"NATION", 10, 14}, {"PERSON", 32, 40}});
  gold.entities[0].canonical = "Brad  Smith";
  pred.entities[0].canonical = "Brad Smith";  // whitespace does not count
  gold.entities[1].code = "US";
  gold.entities[1].canonical = "United States";
  pred.entities[1].code = "US";
  gold.entities[2].canonical = "Jane Roe";  // not a strict match: not compared
  std::map<std::string, TypeScore> scores;
  ScoreDocument(gold, pred, scores);
  EXPECT_EQ(scores["PERSON"].canonical.compared, 1);
  EXPECT_EQ(scores["PERSON"].canonical.agreed, 1);
  EXPECT_EQ(scores["NATION"].code.compared, 1);
  EXPECT_EQ(scores["NATION"].code.agreed, 1);
  EXPECT_EQ(scores["NATION"].canonical.compared, 0);
}

TEST(ScorerTest, DocumentsMatchByIdAndUnmatchedAreListed) {
  AnnotationSet gold, pred;
  gold.docs = {MakeDoc({{"PERSON", 0, 3}}), MakeDoc({{"PERSON", 0, 3}})};
  gold.docs[0].doc_id = "a";
  gold.docs[1].doc_id = "b";
  pred.docs = {MakeDoc({{"PERSON", 0, 3}}), MakeDoc({})};
  pred.docs[0].doc_id = "b";
  pred.docs[1].doc_id = "c";
  const EvalResult r = Score(gold, pred);
  ASSERT_EQ(r.docs.size(), 1u);
  EXPECT_EQ(r.docs[0].doc_id, "b");
  EXPECT_EQ(r.gold_only, std::vector<std::string>{"a"});
  EXPECT_EQ(r.pred_only, std::vector<std::string>{"c"});
  EXPECT_EQ(r.overall.at(Scheme::kStrict).correct, 1);
  EXPECT_EQ(r.overall.at(Scheme::kStrict).missed, 0);
}

TEST(ScorerTest, OverallIsTheSumOfTypes) {
  AnnotationSet gold, pred;
  gold.docs = {MakeDoc({{"PERSON", 0, 3}, {"DATE", 5, 9}, {"NATION", 12, 15}})};
  pred.docs = {MakeDoc({{"PERSON", 0, 3}, {"DATE", 6, 9}, {"ORGANIZATION", 20, 25}})};
  const EvalResult r = Score(gold, pred);
  for (Scheme s : kAllSchemes) {
    Counts sum;
    for (const auto& [type, ts] : r.by_type) sum += ts.at(s);
    EXPECT_EQ(sum, r.overall.at(s)) << SchemeName(s);
  }
  EXPECT_EQ(r.overall.gold, 3);
  EXPECT_EQ(r.overall.predicted, 3);
}

}  // namespace
}  // namespace accord::eval
