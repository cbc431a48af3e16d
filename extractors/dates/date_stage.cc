// The date stage: finds the places of the normalized article text where a date may start
// (date_triggers.cc), runs the date rules there (date_rules.cc), drops matches their context rules out (date_filters.cc), keeps the longest of
// overlapping matches, resolves each against its article's date (date_resolve.cc) and maps the
// spans back to the raw text.
#include "extractors/dates/date_stage.h"

#include <algorithm>

#include "extractors/dates/date_filters.h"
#include "extractors/dates/date_lexicon.h"
#include "extractors/dates/date_resolve.h"
#include "extractors/dates/date_rules.h"
#include "extractors/dates/date_triggers.h"

namespace accord {
namespace {

using dates::Candidate;
using dates::Match;
using dates::RuleKind;

// No date expression is longer than this many bytes.
constexpr size_t kLongestDate = 160;

class DateStage final : public Stage {
 public:
  DateStage(dates::Lexicon lexicon, std::unique_ptr<dates::RuleSet> rules, StageOptions options)
      : lexicon_(std::move(lexicon)), rules_(std::move(rules)), triggers_(lexicon_), resolver_(lexicon_),
        options_(std::move(options)) {}

  std::string_view name() const override { return "date_stage"; }
  Facets reads() const override { return kFacetNormalized | kFacetSentences | kFacetTokens; }
  Facets adds() const override { return kFacetDates; }

  Status Run(Document& doc) const override {
    const std::string_view t = doc.norm.text();
    if (t.empty()) return Status::Ok();
    // The working vectors of a document, kept per thread so that their memory is reused.
    thread_local Scratch scratch;
    scratch.Clear();

    // Where a date may start (at and shortly before digits and trigger words); at each, one
    // anchored RE2::Set pass names the rules that match there.
    std::vector<uint32_t>& starts = scratch.starts;
    triggers_.Starts(t, starts);
    std::vector<Candidate>& candidates = scratch.candidates;
    rules_->FindAt(t, starts, kLongestDate, candidates);
    if (candidates.empty()) return Status::Ok();

    // The longest match wins (between equally long ones, the earlier rule), unless its context
    // rules it out; only the matches that may win pay for their capture groups.
    std::sort(candidates.begin(), candidates.end(), [](const Candidate& a, const Candidate& b) {
      if (a.end - a.begin != b.end - b.begin) return a.end - a.begin > b.end - b.begin;
      if (a.rule != b.rule) return a.rule < b.rule;
      return a.begin < b.begin;
    });
    // The matches kept, non-overlapping: their spans by begin, each with its place in `matches`
    // (a match with its groups is large; the spans alone move as one is inserted).
    std::vector<Kept>& kept = scratch.kept;
    std::vector<Match>& matches = scratch.matches;
    for (const Candidate& c : candidates) {
      auto next = std::lower_bound(kept.begin(), kept.end(), c.begin,
                                   [](const Kept& k, uint32_t begin) { return k.begin < begin; });
      if (next != kept.end() && next->begin < c.end) continue;
      if (next != kept.begin() && std::prev(next)->end > c.begin) continue;
      Match& m = matches.emplace_back();
      rules_->CaptureInto(t, c, m);
      if (dates::RejectReason(rules_->spec(m.rule), m, t) != nullptr) {
        matches.pop_back();
        continue;
      }
      kept.insert(next, Kept{m.begin, m.end, static_cast<uint32_t>(matches.size() - 1)});
    }

    // The article's date of an offset, parsed once per article: a document's dates depend on
    // the offset only through the article that holds it.
    auto& article_dates = scratch.article_dates;
    auto ref_date = [&](uint32_t norm_offset) {
      const uint16_t article = doc.ArticleAt(norm_offset);
      for (const auto& [a, date] : article_dates)
        if (a == article) return date;
      return article_dates.emplace_back(article, RefDate(doc, norm_offset)).second;
    };

    // Each value goes straight into its entity (in the order of the spans); the clock times, which
    // take the day of a date near them, are settled after, from the norm spans kept beside.
    const size_t first = doc.entities.size();
    std::vector<std::pair<uint32_t, uint32_t>>& spans = scratch.spans;  // of entities [first, ...)
    std::vector<uint32_t>& clocks = scratch.clocks;                      // their clock times
    auto add = [&](uint32_t begin, uint32_t end, dates::Value&& value, std::string_view rule) {
      spans.emplace_back(begin, end);
      Entity& e = doc.AddFromNorm(EntityType::kDate, begin, end, std::string(rule));
      e.value = std::move(value.value);
      e.kind = std::string(value.kind);
    };
    for (const Kept& k : kept) {
      Match* const m = &matches[k.match];
      const dates::RuleSpec& spec = rules_->spec(m->rule);
      if (m->has(dates::kSlotSpan)) {  // "in the past" -> "the past"
        m->begin = static_cast<uint32_t>(m->slots[dates::kSlotSpan].data() - t.data());
        m->end = static_cast<uint32_t>(m->begin + m->slots[dates::kSlotSpan].size());
      }
      const std::optional<dates::CivilDate> ref = ref_date(m->begin);
      if (spec.kind == RuleKind::kRange) {
        auto values = resolver_.ResolveRange(*m, ref);
        if (!values) continue;
        auto span = [&](dates::Slot s) {
          const uint32_t b = static_cast<uint32_t>(m->slots[s].data() - t.data());
          return std::pair<uint32_t, uint32_t>{b, b + static_cast<uint32_t>(m->slots[s].size())};
        };
        auto [ab, ae] = span(dates::kSlotA);
        auto [bb, be] = span(dates::kSlotB);
        add(ab, ae, std::move(values->first), spec.name);
        add(bb, be, std::move(values->second), spec.name);
        continue;
      }
      auto value = resolver_.Resolve(spec, *m, t, ref);
      if (!value) continue;
      if (spec.kind == RuleKind::kClock) clocks.push_back(static_cast<uint32_t>(spans.size()));
      add(m->begin, m->end, std::move(*value), spec.name);
    }

    // A clock time alone takes the day of the nearest full date in its paragraph line, else the
    // article's date: "at 9:45 p.m. GMT on April 28".
    for (const uint32_t c : clocks) {
      const auto [pb, pe] = spans[c];
      std::string day;
      size_t best = SIZE_MAX;
      for (size_t i = 0; i < spans.size(); ++i) {
        const Entity& q = doc.entities[first + i];
        if (q.value.size() != 10 || q.kind != "date") continue;
        const auto [qb, qe] = spans[i];
        const size_t distance = qb > pe ? qb - pe : pb - qe;
        if (distance > 120 || distance >= best) continue;
        const size_t lo = std::min(pb, qb), hi = std::max(pe, qe);
        if (std::string_view(t.substr(lo, hi - lo)).find("\n\n") != std::string_view::npos) continue;
        best = distance;
        day = q.value;
      }
      if (day.empty()) {
        if (auto ref = ref_date(pb)) day = dates::FormatDate(*ref);
      }
      std::string& value = doc.entities[first + c].value;
      value = day.empty() ? std::string() : day + value;
    }
    return Status::Ok();
  }

 private:
  struct Kept {
    uint32_t begin, end;
    uint32_t match;  // in Scratch::matches
  };
  struct Scratch {
    std::vector<uint32_t> starts;
    std::vector<Candidate> candidates;
    std::vector<Kept> kept;
    std::vector<Match> matches;
    std::vector<std::pair<uint16_t, std::optional<dates::CivilDate>>> article_dates;
    std::vector<std::pair<uint32_t, uint32_t>> spans;
    std::vector<uint32_t> clocks;
    void Clear() {
      starts.clear();
      candidates.clear();
      kept.clear();
      matches.clear();
      article_dates.clear();
      spans.clear();
      clocks.clear();
    }
  };

  std::optional<dates::CivilDate> RefDate(const Document& doc, uint32_t norm_offset) const {
    std::optional<std::string> d = doc.DateForNormOffset(norm_offset);
    if (!d) d = options_.default_doc_date;
    if (!d) return std::nullopt;
    return dates::ParseIsoDate(*d);
  }

  dates::Lexicon lexicon_;
  std::unique_ptr<dates::RuleSet> rules_;
  dates::TriggerScanner triggers_;
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
