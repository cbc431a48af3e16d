// What `accord eval` prints: the text table (text_report.cc), the JSON object (json_report.cc),
// the error list (errors_report.cc) and the HTML page (html_report.cc); and the --min gates
// (gates.cc).
#pragma once

#include <string>
#include <vector>

#include "pipeline/eval/scorer.h"

namespace accord::eval {

struct ReportOptions {
  std::vector<Scheme> schemes = {kAllSchemes[0], kAllSchemes[1], kAllSchemes[2], kAllSchemes[3]};
  std::string gold_label;  // the gold file
  std::string pred_label;  // the prediction file, or "accord pipeline"
};

// Aligned tables: one per scheme (type, gold, pred, cor, inc, par, mis, spu, P, R, F1, and the
// micro-averaged overall row), then the attribute accuracies and unmatched documents.
std::string FormatTextReport(const EvalResult& result, const ReportOptions& options);

// One JSON object (its shape is documented in docs/eval.md).
Json ReportJson(const EvalResult& result, const ReportOptions& options);

// Up to `limit` false positives and `limit` false negatives under the strict scheme, with the
// text around each one.
std::string FormatErrors(const EvalResult& result, size_t limit);

// One self-contained HTML page: the scores, then every document with gold and predicted spans
// side by side, coloured by type, mismatches marked.
std::string FormatHtmlReport(const EvalResult& result, const ReportOptions& options);

// --min TYPE=F1, TYPE.SCHEME=F1, TYPE.value=ACC (also code, canonical); TYPE may be "overall".
struct Gate {
  std::string type;
  std::string metric;  // "strict", "exact", "partial", "type", "value", "code", "canonical"
  double threshold = 0;
  std::string spec;    // as given
};
StatusOr<Gate> ParseGate(std::string_view spec);
// The measured figure a gate looks at (nullopt when the type is not scored).
std::optional<double> GateMeasure(const EvalResult& result, const Gate& gate);
// The failed gates, each as a line "PERSON strict F1 0.812 < 0.900".
std::vector<std::string> CheckGates(const EvalResult& result, const std::vector<Gate>& gates);

}  // namespace accord::eval
