// The date stage: scans the normalized article text paragraph by paragraph with the date rules
// (date_rules.cc), drops matches their context rules out (date_filters.cc), keeps the longest of
// overlapping matches, resolves each against its article's date (date_resolve.cc) and maps the
// spans back to the raw text.
#include "extractors/dates/date_stage.h"

#include <algorithm>
#include <map>

#include "extractors/dates/date_filters.h"
#include "extractors/dates/date_lexicon.h"
#include "extractors/dates/date_resolve.h"
#include "extractors/dates/date_rules.h"

namespace accord {
namespace {

using dates::Match;
using dates::RuleKind;

// Paragraph boundaries: a line break followed by an empty (or quote-marks-only) line. No date
// crosses one, so each paragraph is scanned on its own and the RE2::Set pass names few rules.
std::vector<std::pair<size_t, size_t>> Paragraphs(std::string_view t) {
  std::vector<std::pair<size_t, size_t>> out;
  size_t start = 0;
  size_t i = t.find('\n');
  while (i != std::string_view::npos) {
    size_t j = i + 1;
    while (j < t.size() && (t[j] == ' ' || t[j] == '\t' || t[j] == '>' || t[j] == '\r')) ++j;
    if (j < t.size() && t[j] == '\n') {
      if (i > start) out.push_back({start, i});
      start = j;
    }
    i = t.find('\n', j);
  }
  if (t.size() > start) out.push_back({start, t.size()});
  return out;
}

class DateStage final : public Stage {
 public:
  DateStage(dates::Lexicon lexicon, std::unique_ptr<dates::RuleSet> rules, StageOptions options)
      : lexicon_(std::move(lexicon)), rules_(std::move(rules)), resolver_(lexicon_),
        options_(std::move(options)) {}

  std::string_view name() const override { return "date_stage"; }
  Facets reads() const override { return kFacetNormalized | kFacetSentences | kFacetTokens; }
  Facets adds() const override { return kFacetDates; }

  Status Run(Document& doc) const override {
    const std::string_view t = doc.norm.text();
    if (t.empty()) return Status::Ok();

    std::vector<Match> candidates;
    for (auto [b, e] : Paragraphs(t)) rules_->FindAll(t, b, e, candidates);
    if (candidates.empty()) return Status::Ok();

    // Context checks, then a span of its own group ("in the past" -> "the past").
    std::vector<Match> kept;
    kept.reserve(candidates.size());
    for (Match& m : candidates) {
      if (dates::RejectReason(rules_->spec(m.rule), m, t) != nullptr) continue;
      if (m.has(dates::kSlotSpan)) {
        m.begin = static_cast<uint32_t>(m.slots[dates::kSlotSpan].data() - t.data());
        m.end = static_cast<uint32_t>(m.begin + m.slots[dates::kSlotSpan].size());
      }
      kept.push_back(m);
    }

    // The longest match wins; between equally long ones, the earlier rule.
    std::sort(kept.begin(), kept.end(), [](const Match& a, const Match& b) {
      if (a.end - a.begin != b.end - b.begin) return a.end - a.begin > b.end - b.begin;
      if (a.rule != b.rule) return a.rule < b.rule;
      return a.begin < b.begin;
    });
    std::map<uint32_t, const Match*> chosen;  // begin -> match, non-overlapping
    for (const Match& m : kept) {
      auto next = chosen.lower_bound(m.begin);
      if (next != chosen.end() && next->first < m.end) continue;
      if (next != chosen.begin() && std::prev(next)->second->end > m.begin) continue;
      chosen.emplace(m.begin, &m);
    }

    struct Pending {
      uint32_t begin, end;
      dates::Value value;
      const Match* match;
    };
    std::vector<Pending> found;
    found.reserve(chosen.size() + 2);
    for (const auto& [begin, m] : chosen) {
      const dates::RuleSpec& spec = rules_->spec(m->rule);
      const std::optional<dates::CivilDate> ref = RefDate(doc, m->begin);
      if (spec.kind == RuleKind::kRange) {
        auto values = resolver_.ResolveRange(*m, ref);
        if (!values) continue;
        auto span = [&](dates::Slot s) {
          const uint32_t b = static_cast<uint32_t>(m->slots[s].data() - t.data());
          return std::pair<uint32_t, uint32_t>{b, b + static_cast<uint32_t>(m->slots[s].size())};
        };
        auto [ab, ae] = span(dates::kSlotA);
        auto [bb, be] = span(dates::kSlotB);
        found.push_back({ab, ae, values->first, m});
        found.push_back({bb, be, values->second, m});
        continue;
      }
      auto value = resolver_.Resolve(spec, *m, t, ref);
      if (!value) continue;
      found.push_back({m->begin, m->end, std::move(*value), m});
    }

    // A clock time alone takes the day of the nearest full date in its paragraph line, else the
    // article's date: "at 9:45 p.m. GMT on April 28".
    for (Pending& p : found) {
      if (rules_->spec(p.match->rule).kind != RuleKind::kClock) continue;
      std::string day;
      size_t best = SIZE_MAX;
      for (const Pending& q : found) {
        if (q.value.value.size() != 10 || q.value.kind != "date") continue;
        const size_t distance = q.begin > p.end ? q.begin - p.end : p.begin - q.end;
        if (distance > 120 || distance >= best) continue;
        const size_t lo = std::min(p.begin, q.begin), hi = std::max(p.end, q.end);
        if (std::string_view(t.substr(lo, hi - lo)).find("\n\n") != std::string_view::npos) continue;
        best = distance;
        day = q.value.value;
      }
      if (day.empty()) {
        if (auto ref = RefDate(doc, p.begin)) day = dates::FormatDate(*ref);
      }
      p.value.value = day.empty() ? std::string() : day + p.value.value;
    }

    for (Pending& p : found) {
      Entity& e = doc.AddFromNorm(EntityType::kDate, p.begin, p.end,
                                  std::string(rules_->spec(p.match->rule).name));
      e.value = std::move(p.value.value);
      e.kind = std::string(p.value.kind);
    }
    return Status::Ok();
  }

 private:
  std::optional<dates::CivilDate> RefDate(const Document& doc, uint32_t norm_offset) const {
    std::optional<std::string> d = doc.DateForNormOffset(norm_offset);
    if (!d) d = options_.default_doc_date;
    if (!d) return std::nullopt;
    return dates::ParseIsoDate(*d);
  }

  dates::Lexicon lexicon_;
  std::unique_ptr<dates::RuleSet> rules_;
  dates::Resolver resolver_;
  StageOptions options_;
};

}  // namespace

StatusOr<std::unique_ptr<Stage>> MakeDateStage(const StageOptions& options) {
  auto lexicon = dates::Lexicon::Load();
  if (!lexicon.ok()) return lexicon.status();
  auto rules = dates::RuleSet::Create(*lexicon);
  if (!rules.ok()) return rules.status();
  return std::unique_ptr<Stage>(new DateStage(std::move(*lexicon), std::move(*rules), options));
}

}  // namespace accord
