// --min gates for CI (report.h).
#include <cstdlib>

#include <fmt/format.h>

#include "pipeline/eval/report.h"

namespace accord::eval {

StatusOr<Gate> ParseGate(std::string_view spec) {
  const size_t eq = spec.find('=');
  const auto bad = [&](std::string_view why) {
    return InvalidArgument(fmt::format(
        "--min {}: {} (expected TYPE=F1, TYPE.SCHEME=F1 with SCHEME strict, exact, partial or "
        "type, or TYPE.value / TYPE.code / TYPE.canonical=ACCURACY; TYPE may be overall)",
        spec, why));
  };
  if (eq == std::string_view::npos || eq == 0) return bad("no '='");
  Gate gate;
  gate.spec = std::string(spec);
  std::string_view lhs = spec.substr(0, eq);
  const std::string number(spec.substr(eq + 1));
  char* end = nullptr;
  gate.threshold = std::strtod(number.c_str(), &end);
  if (number.empty() || end != number.c_str() + number.size() || gate.threshold < 0 ||
      gate.threshold > 1) {
    return bad("the threshold must be a number from 0 to 1");
  }
  const size_t dot = lhs.find('.');
  gate.type = std::string(lhs.substr(0, dot));
  gate.metric = dot == std::string_view::npos ? "strict" : std::string(lhs.substr(dot + 1));
  if (gate.type.empty()) return bad("no type");
  if (!ParseScheme(gate.metric) && gate.metric != "value" && gate.metric != "code" &&
      gate.metric != "canonical") {
    return bad("unknown measure '" + gate.metric + "'");
  }
  return gate;
}

std::optional<double> GateMeasure(const EvalResult& result, const Gate& gate) {
  const TypeScore* s = nullptr;
  if (gate.type == "overall") {
    s = &result.overall;
  } else {
    auto it = result.by_type.find(gate.type);
    if (it == result.by_type.end()) return std::nullopt;
    s = &it->second;
  }
  if (auto scheme = ParseScheme(gate.metric)) return s->prf(*scheme).f1;
  if (gate.metric == "value") return s->value.accuracy();
  if (gate.metric == "code") return s->code.accuracy();
  return s->canonical.accuracy();
}

std::vector<std::string> CheckGates(const EvalResult& result, const std::vector<Gate>& gates) {
  std::vector<std::string> failed;
  for (const Gate& g : gates) {
    const auto measured = GateMeasure(result, g);
    const std::string what = ParseScheme(g.metric) ? g.metric + " F1" : g.metric + " accuracy";
    if (!measured) {
      failed.push_back(fmt::format("{} {}: type not scored", g.type, what));
    } else if (*measured < g.threshold) {
      failed.push_back(fmt::format("{} {} {:.3f} < {:.3f}", g.type, what, *measured, g.threshold));
    }
  }
  return failed;
}

}  // namespace accord::eval
