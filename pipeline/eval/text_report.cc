// The aligned text table of `accord eval` (report.h).
#include <algorithm>

#include <fmt/format.h>

#include "pipeline/eval/report.h"

namespace accord::eval {

namespace {

void Row(std::string& out, std::string_view name, const TypeScore& s, Scheme scheme) {
  const Counts& c = s.at(scheme);
  const Prf p = s.prf(scheme);
  out += fmt::format("{:<14} {:>6} {:>6} {:>6} {:>6} {:>6} {:>6} {:>6}  {:>6.3f} {:>6.3f} {:>6.3f}\n",
                     name, s.gold, s.predicted, c.correct, c.incorrect, c.partial, c.missed,
                     c.spurious, p.precision, p.recall, p.f1);
}

std::string Accuracy(const AttributeScore& a) {
  if (a.compared == 0) return "-";
  return fmt::format("{:.3f} ({}/{})", a.accuracy(), a.agreed, a.compared);
}

}  // namespace

std::string FormatTextReport(const EvalResult& result, const ReportOptions& options) {
  std::string out;
  out += fmt::format("gold: {}\npredicted: {}\ndocuments scored: {}", options.gold_label,
                     options.pred_label, result.docs.size());
  if (!result.gold_only.empty()) out += fmt::format(", gold only: {}", result.gold_only.size());
  if (!result.pred_only.empty()) out += fmt::format(", predicted only: {}", result.pred_only.size());
  out += "\n";
  for (Scheme scheme : options.schemes) {
    out += fmt::format("\n[{}]\n", SchemeName(scheme));
    out += fmt::format("{:<14} {:>6} {:>6} {:>6} {:>6} {:>6} {:>6} {:>6}  {:>6} {:>6} {:>6}\n",
                       "type", "gold", "pred", "cor", "inc", "par", "mis", "spu", "P", "R", "F1");
    for (const auto& [type, s] : result.by_type) Row(out, type, s, scheme);
    Row(out, "overall", result.overall, scheme);
  }
  out += "\n[attributes]\n";
  out += fmt::format("{:<14} {:<22} {:<22} {:<22} {:>8}\n", "type", "canonical (strict)",
                     "code (type match)", "value (type match)", "value F1");
  for (const auto& [type, s] : result.by_type) {
    out += fmt::format("{:<14} {:<22} {:<22} {:<22} {:>8}\n", type, Accuracy(s.canonical),
                       Accuracy(s.code), Accuracy(s.value),
                       s.value.compared ? fmt::format("{:.3f}", s.value_f1()) : "-");
  }
  auto list = [&](std::string_view title, const std::vector<std::string>& ids) {
    if (ids.empty()) return;
    out += fmt::format("\n{} ({}):\n", title, ids.size());
    const size_t shown = std::min<size_t>(ids.size(), 10);
    for (size_t i = 0; i < shown; ++i) out += fmt::format("  {}\n", ids[i]);
    if (shown < ids.size()) out += fmt::format("  ... and {} more (--json lists all)\n", ids.size() - shown);
  };
  list("gold documents without a prediction (not scored)", result.gold_only);
  list("predicted documents absent from gold (not scored)", result.pred_only);
  return out;
}

}  // namespace accord::eval
