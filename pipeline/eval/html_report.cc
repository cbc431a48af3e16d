// --html: one self-contained page, the scores and every document with gold and predicted spans
// side by side (report.h). No scripts or external files: it opens from disk in any browser.
#include <fmt/format.h>

#include "pipeline/eval/report.h"
#include "pipeline/utf8.h"

namespace accord::eval {

namespace {

constexpr std::string_view kStyle = R"(
body { font: 14px/1.45 system-ui, sans-serif; margin: 1.5em; color: #222; }
h1 { font-size: 1.4em; } h2 { font-size: 1.1em; margin: 1.6em 0 .4em; }
table.scores { border-collapse: collapse; margin: .4em 0 1em; }
table.scores td, table.scores th { border: 1px solid #ccc; padding: 2px 8px; text-align: right; }
table.scores th:first-child, table.scores td:first-child { text-align: left; }
.doc { border-top: 2px solid #888; margin-top: 1.2em; padding-top: .4em; }
.doc h3 { font-size: 1em; margin: .2em 0; font-family: monospace; }
.doc .stats { color: #555; font-size: .9em; }
.pair { display: grid; grid-template-columns: 1fr 1fr; gap: 1em; }
.pair > div { white-space: pre-wrap; font: 13px/1.6 ui-monospace, monospace; background: #fafafa;
              border: 1px solid #ddd; padding: .5em; overflow-wrap: anywhere; }
.pair .side { font: bold 12px system-ui, sans-serif; color: #444; display: block; }
.e { border-radius: 3px; padding: 0 1px; }
.PERSON { background: #cfe3ff; } .ORGANIZATION { background: #d6f5d0; }
.NATION { background: #ffe2b8; } .DATE { background: #ead7ff; } .OTHER { background: #e5e5e5; }
.e.bad { outline: 2px solid #d00; } .e.near { outline: 2px dashed #e07000; }
.legend span { margin-right: 1em; padding: 1px 4px; }
sub { font-size: 9px; color: #555; }
)";

std::string Escape(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      default: out.push_back(c);
    }
  }
  return out;
}

std::string TypeClass(const std::string& type) {
  if (type == "PERSON" || type == "ORGANIZATION" || type == "NATION" || type == "DATE") return type;
  return "OTHER";
}

std::string_view MarkClass(Outcome o) {
  switch (o) {
    case Outcome::kCorrect: return "";
    case Outcome::kWrongType:
    case Outcome::kBoundary: return " near";
    default: return " bad";
  }
}

std::string Tooltip(const Annotation& a, Outcome o) {
  std::string t = a.type + " — " + std::string(OutcomeName(o));
  if (!a.canonical.empty()) t += "; canonical: " + a.canonical;
  if (!a.code.empty()) t += "; code: " + a.code;
  if (!a.value.empty()) t += "; value: " + a.value;
  return t;
}

// The text with `entities` (sorted by start; an entity that overlaps an earlier one is shown
// only in its tooltip list) wrapped in coloured spans.
std::string Highlight(const std::string& text, const utf8::CodePointIndex& index, size_t length,
                      const std::vector<std::pair<const Annotation*, Outcome>>& entities) {
  std::string out;
  size_t at = 0;  // code points
  auto emit = [&](size_t b, size_t e) {
    out += Escape(std::string_view(text).substr(index.ToByte(b), index.ToByte(e) - index.ToByte(b)));
  };
  for (const auto& [a, o] : entities) {
    if (a->start < at || a->end > length) continue;
    emit(at, a->start);
    out += fmt::format("<span class=\"e {}{}\" title=\"{}\">", TypeClass(a->type), MarkClass(o),
                       Escape(Tooltip(*a, o)));
    emit(a->start, a->end);
    out += "</span>";
    at = a->end;
  }
  emit(at, length);
  return out;
}

void ScoreTable(std::string& out, const EvalResult& result, const ReportOptions& options) {
  out += "<table class=\"scores\"><tr><th>type</th><th>gold</th><th>pred</th>";
  for (Scheme s : options.schemes) out += fmt::format("<th>{} P</th><th>{} R</th><th>{} F1</th>", SchemeName(s), SchemeName(s), SchemeName(s));
  out += "<th>value acc.</th><th>code acc.</th><th>canonical acc.</th></tr>\n";
  auto row = [&](const std::string& name, const TypeScore& s) {
    out += fmt::format("<tr><td>{}</td><td>{}</td><td>{}</td>", Escape(name), s.gold, s.predicted);
    for (Scheme scheme : options.schemes) {
      const Prf p = s.prf(scheme);
      out += fmt::format("<td>{:.3f}</td><td>{:.3f}</td><td>{:.3f}</td>", p.precision, p.recall, p.f1);
    }
    auto acc = [](const AttributeScore& a) {
      return a.compared ? fmt::format("{:.3f}", a.accuracy()) : std::string("–");
    };
    out += fmt::format("<td>{}</td><td>{}</td><td>{}</td></tr>\n", acc(s.value), acc(s.code),
                       acc(s.canonical));
  };
  for (const auto& [type, s] : result.by_type) row(type, s);
  row("overall", result.overall);
  out += "</table>\n";
}

}  // namespace

std::string FormatHtmlReport(const EvalResult& result, const ReportOptions& options) {
  std::string out;
  out += "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n<title>accord eval: ";
  out += Escape(options.gold_label) + "</title>\n<style>" + std::string(kStyle) + "</style></head><body>\n";
  out += fmt::format("<h1>accord eval</h1>\n<p>gold: <code>{}</code><br>predicted: <code>{}</code><br>"
                     "documents scored: {}</p>\n",
                     Escape(options.gold_label), Escape(options.pred_label), result.docs.size());
  ScoreTable(out, result, options);
  out += "<p class=\"legend\"><span class=\"e PERSON\">PERSON</span><span class=\"e ORGANIZATION\">"
         "ORGANIZATION</span><span class=\"e NATION\">NATION</span><span class=\"e DATE\">DATE</span>"
         "<span class=\"e OTHER near\">boundary or type differs</span><span class=\"e OTHER bad\">"
         "missed or spurious</span> (hover a span for its attributes)</p>\n";
  if (!result.gold_only.empty()) {
    out += fmt::format("<p>{} gold documents without a prediction (not scored).</p>\n", result.gold_only.size());
  }
  // Documents with the most strict errors first: where the pipeline fails shows at the top.
  std::vector<std::pair<int64_t, const DocResult*>> order;
  for (const DocResult& d : result.docs) {
    int64_t errors = 0;
    for (Outcome o : d.pred_outcome) errors += o != Outcome::kCorrect;
    for (Outcome o : d.gold_outcome) errors += o != Outcome::kCorrect;
    order.emplace_back(errors, &d);
  }
  std::stable_sort(order.begin(), order.end(),
                   [](const auto& a, const auto& b) { return a.first > b.first; });
  out += "<h2>Documents (most errors first)</h2>\n";
  for (const auto& [errors, d] : order) {
    const std::string* text = d->gold->text ? &*d->gold->text : (d->pred->text ? &*d->pred->text : nullptr);
    int64_t correct = 0;
    for (Outcome o : d->pred_outcome) correct += o == Outcome::kCorrect;
    out += fmt::format("<div class=\"doc\"><h3>{}</h3><div class=\"stats\">gold {} · predicted {} · "
                       "exact matches {} · mismatched spans {}</div>\n",
                       Escape(d->doc_id), d->gold_entities.size(), d->pred_entities.size(), correct,
                       errors);
    if (!text) {
      out += "<p>(no text)</p></div>\n";
      continue;
    }
    const utf8::CodePointIndex index(*text);
    const size_t length = utf8::CodePointCount(*text);
    std::vector<std::pair<const Annotation*, Outcome>> gold, pred;
    for (size_t i = 0; i < d->gold_entities.size(); ++i) gold.emplace_back(&d->gold_entities[i], d->gold_outcome[i]);
    for (size_t i = 0; i < d->pred_entities.size(); ++i) pred.emplace_back(&d->pred_entities[i], d->pred_outcome[i]);
    auto by_start = [](const auto& a, const auto& b) {
      return a.first->start != b.first->start ? a.first->start < b.first->start : a.first->end > b.first->end;
    };
    std::stable_sort(gold.begin(), gold.end(), by_start);
    std::stable_sort(pred.begin(), pred.end(), by_start);
    out += "<div class=\"pair\"><div><span class=\"side\">gold</span>" +
           Highlight(*text, index, length, gold) + "</div><div><span class=\"side\">predicted</span>" +
           Highlight(*text, index, length, pred) + "</div></div></div>\n";
  }
  out += "</body></html>\n";
  return out;
}

}  // namespace accord::eval
