// The --json object of `accord eval` (report.h; shape in docs/eval.md).
#include "pipeline/eval/report.h"

namespace accord::eval {

namespace {

Json AttributeJson(const AttributeScore& a) {
  Json j = Json::object();
  j["compared"] = a.compared;
  j["agreed"] = a.agreed;
  j["accuracy"] = a.compared ? Json(a.accuracy()) : Json(nullptr);
  return j;
}

Json TypeJson(const TypeScore& s, const std::vector<Scheme>& schemes) {
  Json j = Json::object();
  j["gold"] = s.gold;
  j["predicted"] = s.predicted;
  for (Scheme scheme : schemes) {
    const Counts& c = s.at(scheme);
    const Prf p = s.prf(scheme);
    Json k = Json::object();
    k["correct"] = c.correct;
    k["incorrect"] = c.incorrect;
    k["partial"] = c.partial;
    k["missed"] = c.missed;
    k["spurious"] = c.spurious;
    k["possible"] = c.possible();
    k["actual"] = c.actual();
    k["precision"] = p.precision;
    k["recall"] = p.recall;
    k["f1"] = p.f1;
    j[std::string(SchemeName(scheme))] = std::move(k);
  }
  j["canonical"] = AttributeJson(s.canonical);
  j["code"] = AttributeJson(s.code);
  j["value"] = AttributeJson(s.value);
  j["value_f1"] = s.value.compared ? Json(s.value_f1()) : Json(nullptr);
  return j;
}

}  // namespace

Json ReportJson(const EvalResult& result, const ReportOptions& options) {
  Json j = Json::object();
  j["gold"] = options.gold_label;
  j["predicted"] = options.pred_label;
  Json schemes = Json::array();
  for (Scheme s : options.schemes) schemes.push_back(SchemeName(s));
  j["schemes"] = std::move(schemes);
  j["documents"] = result.docs.size();
  Json types = Json::object();
  for (const auto& [type, s] : result.by_type) types[type] = TypeJson(s, options.schemes);
  j["types"] = std::move(types);
  j["overall"] = TypeJson(result.overall, options.schemes);
  j["gold_only"] = result.gold_only;
  j["predicted_only"] = result.pred_only;
  return j;
}

}  // namespace accord::eval
