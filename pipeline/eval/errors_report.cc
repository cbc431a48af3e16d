// --errors N: false positives and false negatives under the strict scheme, in context (report.h).
#include <fmt/format.h>

#include "pipeline/eval/report.h"
#include "pipeline/utf8.h"

namespace accord::eval {

namespace {

// The span's text with up to `width` code points either side, on one line.
std::string InContext(const std::string& text, const utf8::CodePointIndex& index, size_t length,
                      const Annotation& a, size_t width = 40) {
  const size_t from = a.start > width ? a.start - width : 0;
  const size_t to = std::min(length, static_cast<size_t>(a.end) + width);
  auto slice = [&](size_t b, size_t e) {
    return text.substr(index.ToByte(b), index.ToByte(e) - index.ToByte(b));
  };
  std::string s = slice(from, a.start) + "[[" + slice(a.start, a.end) + "]]" + slice(a.end, to);
  for (char& c : s) {
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  }
  return s;
}

}  // namespace

std::string FormatErrors(const EvalResult& result, size_t limit) {
  std::vector<std::string> fps, fns;
  size_t fp_total = 0, fn_total = 0;
  for (const DocResult& d : result.docs) {
    const std::string* text = d.gold->text ? &*d.gold->text : (d.pred->text ? &*d.pred->text : nullptr);
    std::optional<utf8::CodePointIndex> index;
    size_t length = 0;
    if (text) {
      index.emplace(*text);
      length = utf8::CodePointCount(*text);
    }
    auto describe = [&](const Annotation& a) {
      std::string s = fmt::format("{} [{}, {}) {}", d.doc_id, a.start, a.end, a.type);
      if (text && a.end <= length) {
        s += ": " + InContext(*text, *index, length, a);
      } else if (!a.text.empty()) {
        s += fmt::format(": \"{}\"", a.text);
      }
      return s;
    };
    for (size_t i = 0; i < d.pred_entities.size(); ++i) {
      if (d.pred_outcome[i] == Outcome::kCorrect) continue;
      ++fp_total;
      if (fps.size() >= limit) continue;
      std::string line = describe(d.pred_entities[i]);
      line += fmt::format("  ({}", OutcomeName(d.pred_outcome[i]));
      if (d.pred_gold[i] >= 0) {
        const Annotation& g = d.gold_entities[static_cast<size_t>(d.pred_gold[i])];
        line += fmt::format("; gold {} [{}, {})", g.type, g.start, g.end);
      }
      fps.push_back(line + ")");
    }
    std::vector<bool> matched(d.gold_entities.size(), false);  // has a strict match
    for (size_t p = 0; p < d.pred_entities.size(); ++p) {
      if (d.pred_outcome[p] == Outcome::kCorrect) matched[static_cast<size_t>(d.pred_gold[p])] = true;
    }
    for (size_t i = 0; i < d.gold_entities.size(); ++i) {
      const Annotation& g = d.gold_entities[i];
      if (matched[i]) continue;
      ++fn_total;
      if (fns.size() < limit) {
        fns.push_back(describe(g) + fmt::format("  ({})", OutcomeName(d.gold_outcome[i])));
      }
    }
  }
  std::string out = fmt::format("\nfalse positives (strict): {} of {}\n", fps.size(), fp_total);
  for (const std::string& s : fps) out += "  " + s + "\n";
  out += fmt::format("\nfalse negatives (strict): {} of {}\n", fns.size(), fn_total);
  for (const std::string& s : fns) out += "  " + s + "\n";
  return out;
}

}  // namespace accord::eval
