#include "extractors/nations/nation_rules.h"

#include <algorithm>
#include <optional>
#include <string>

namespace accord::nations {

// Comparisons with string literals go through views: a length test first, no strlen.
using namespace std::string_view_literals;

// Per-text state of the rules: the words, the candidates and facts computed on first use.
struct NationRules::Context {
  std::string_view text;
  std::span<const Word> words;
  const std::vector<Candidate>& cands;
  const Lexicon& lex;
  std::span<const uint32_t> capitals;  // the words with kUpperFirst, in order
  std::optional<bool> georgia_country_cue;  // some georgia-country word in the text

  std::string_view WordText(uint32_t w) const { return text.substr(words[w].begin, words[w].end - words[w].begin); }
  FoldedWord Folded(uint32_t w) const { return FoldedWord(lex.folder(), WordText(w)); }
  const LexEntry& Entry(size_t k) const { return lex.entry(cands[k].entry); }

  // The word before `w` when only white space separates them, else nullopt.
  std::optional<uint32_t> Prev(uint32_t w) const {
    if (w == 0 || words[w - 1].sep_after != ' ') return std::nullopt;
    return w - 1;
  }
  std::optional<uint32_t> Next(uint32_t w) const {
    if (w + 1 >= words.size() || words[w].sep_after != ' ') return std::nullopt;
    return w + 1;
  }
  // The word before `w` when white space and at most one period or comma separate them
  // ("Mr. Jordan", "Atlanta, Georgia").
  std::optional<uint32_t> PrevLoose(uint32_t w) const {
    if (w == 0) return std::nullopt;
    std::string_view gap = text.substr(words[w - 1].end, words[w].begin - words[w - 1].end);
    int marks = 0;
    for (char c : gap) {
      if (c == '.' || c == ',') {
        ++marks;
      } else if (c != ' ' && c != '\n' && c != '\t' && c != '\r') {
        return std::nullopt;
      }
    }
    if (marks > 1) return std::nullopt;
    return w - 1;
  }
  std::optional<uint32_t> NextLoose(uint32_t w) const {
    if (w + 1 >= words.size()) return std::nullopt;
    return PrevLoose(w + 1).has_value() ? std::optional<uint32_t>(w + 1) : std::nullopt;
  }
  // The word lies in a URL or mail address: the run of non-space characters around it holds
  // "://", "www." or "@" ("http://example.org/wiki/Flights_to_China").
  bool InsideUrl(uint32_t w) const {
    auto is_space = [](char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r'; };
    size_t b = words[w].begin, e = words[w].end;
    // With white space (or the text's edge) on both sides the word is the whole run: letters,
    // digits and the periods of initials, with no "@" or ":" and no "ww" before a period.
    if ((b == 0 || is_space(text[b - 1])) && (e == text.size() || is_space(text[e]))) return false;
    const size_t limit_b = b > 512 ? b - 512 : 0, limit_e = std::min(text.size(), e + 512);
    while (b > limit_b && !is_space(text[b - 1])) --b;
    while (e < limit_e && !is_space(text[e])) ++e;
    // One pass over the run for the three marks (the run is short: most words stand alone).
    const std::string_view chunk = text.substr(b, e - b);
    for (size_t k = 0; k < chunk.size(); ++k) {
      const char c = chunk[k];
      if (c == '@') return true;
      if (c == ':' && chunk.substr(k + 1, 2) == "//"sv) return true;
      if (c == 'w' && chunk.substr(k + 1, 3) == "ww."sv) return true;
    }
    return false;
  }
  // The gap after word `w` is a comma and white space (", ").
  bool CommaAfter(uint32_t w) const {
    if (w + 1 >= words.size()) return false;
    std::string_view gap = text.substr(words[w].end, words[w + 1].begin - words[w].end);
    bool comma = false;
    for (char c : gap) {
      if (c == ',' && !comma) {
        comma = true;
      } else if (c != ' ' && c != '\n' && c != '\t' && c != '\r') {
        return false;
      }
    }
    return comma;
  }
};

NationRules::NationRules(const Lexicon& lex)
    : lex_(lex),
      georgia_country_(lex.Cues("georgia-country")),
      georgia_state_(lex.Cues("georgia-state")),
      first_name_country_(lex.Cues("first-name-country")),
      speaker_country_(lex.Cues("speaker-country")),
      speech_verb_(lex.Cues("speech-verb")),
      title_before_name_(lex.Cues("title-before-name")),
      noun_follower_(lex.Cues("noun-follower")),
      language_noun_(lex.Cues("language-noun")),
      org_head_(lex.Cues("org-head")),
      bird_context_(lex.Cues("bird-context")),
      porcelain_context_(lex.Cues("porcelain-context")),
      pronoun_before_us_(lex.Cues("pronoun-before-us")),
      calendar_word_(lex.Cues("calendar-word")),
      us_state_(lex.Cues("us-state")),
      us_state_first_(lex.Cues("us-state-first")),
      us_state_second_(lex.Cues("us-state-second")) {
  entry_cues_.reserve(lex.entries().size());
  for (const LexEntry& e : lex.entries())
    entry_cues_.push_back((first_name_country_.Has(e.key) ? kFirstNameCountry : 0) |
                          (speaker_country_.Has(e.key) ? kSpeakerCountry : 0));
}

void NationRules::Decide(std::string_view text, std::span<const Word> words, std::span<const uint32_t> capitals,
                         const std::vector<Candidate>& cands, std::vector<Decision>& out) const {
  Context ctx{text, words, cands, lex_, capitals, std::nullopt};
  out.assign(cands.size(), Decision{});
  // Right to left: a demonym in "American and British officials" takes the decision of the
  // demonym it is coordinated with, which is decided first.
  for (size_t k = cands.size(); k-- > 0;) out[k] = DecideOne(ctx, k, out);
}

Decision NationRules::DecideOne(Context& ctx, size_t k, const std::vector<Decision>& later) const {
  const LexEntry& e = ctx.Entry(k);
  if (e.kind == EntryKind::kBlocker) return {false, "fixed-name", {}};
  if (ctx.InsideUrl(ctx.cands[k].first_word)) return {false, "inside-url", {}};
  if (!e.sovereign) return {false, "non-sovereign-territory", {}};
  if ((e.key == "georgia"sv || e.key == "georgian"sv) && GeorgiaIsState(ctx, k))
    return {false, "georgia-us-state", {}};
  if (e.kind == EntryKind::kDemonym) return DecideDemonym(ctx, k, later);
  return DecideName(ctx, k);
}

// Georgia (and Georgian) is the US state unless the text names something of the country and no
// state cue stands next to it. "Tbilisi, the capital of Georgia" -> GE; "Atlanta, Georgia" -> none.
bool NationRules::GeorgiaIsState(Context& ctx, size_t k) const {
  const Candidate& c = ctx.cands[k];
  for (auto w : {ctx.PrevLoose(c.first_word), ctx.NextLoose(c.last_word)}) {
    if (w && georgia_state_.Has(ctx.Folded(*w))) return true;
  }
  // Coordinated with another country: "Russia and Georgia", "Georgia, Armenia and Azerbaijan".
  auto is_country = [&](size_t j) {
    const LexEntry& o = ctx.Entry(j);
    return o.kind == EntryKind::kName && o.sovereign && o.key != "georgia"sv;
  };
  auto joined = [&](uint32_t left_last, uint32_t right_first) {
    if (right_first == left_last + 1) return ctx.CommaAfter(left_last);
    if (right_first == left_last + 2 && ctx.words[left_last + 1].sep_after == ' ') {
      const FoldedWord conj = ctx.Folded(left_last + 1);
      return (conj == "and"sv || conj == "or"sv) && (ctx.CommaAfter(left_last) || ctx.words[left_last].sep_after == ' ');
    }
    return false;
  };
  if (k > 0 && is_country(k - 1) && joined(ctx.cands[k - 1].last_word, c.first_word)) return false;
  if (k + 1 < ctx.cands.size() && is_country(k + 1) && joined(c.last_word, ctx.cands[k + 1].first_word))
    return false;
  if (!ctx.georgia_country_cue) {
    // One pass over the capitalised words (the cues are proper names), folding into one buffer.
    bool found = false;
    std::string folded;
    for (size_t c = 0; c < ctx.capitals.size() && !found; ++c) {
      const uint32_t w = ctx.capitals[c];
      folded.clear();
      ctx.lex.folder().AppendFolded(ctx.WordText(w), folded);
      found = georgia_country_.Has(folded);
    }
    ctx.georgia_country_cue = found;
  }
  return !*ctx.georgia_country_cue;
}

// A capitalised run of up to four words after `last_word` that holds an organization head
// word: "Russian Orthodox Church", "China Eastern Airlines", "Soviet-East European Division".
bool NationRules::BeforeOrgHead(const Context& ctx, uint32_t last_word) const {
  uint32_t w = last_word;
  for (int steps = 0; steps < 4; ++steps) {
    const char sep = ctx.words[w].sep_after;
    if ((sep != ' ' && sep != '-') || w + 1 >= ctx.words.size()) return false;
    ++w;
    if (!ctx.words[w].has(Word::kUpperFirst)) return false;
    if (org_head_.Has(ctx.Folded(w))) return true;
  }
  return false;
}

Decision NationRules::DecideName(Context& ctx, size_t k) const {
  const Candidate& c = ctx.cands[k];
  const LexEntry& e = ctx.Entry(k);
  std::span<const Word> words = ctx.words;
  const std::string& key = e.key;
  std::string_view code = e.code;

  if (e.code == "US"sv && e.case_policy == CasePolicy::kExact) {
    // "US$40 billion", "9.99 US dollars": the currency, not a nation mention.
    size_t after = words[c.last_word].end;
    if (after < ctx.text.size() && ctx.text[after] == ' ') ++after;
    if (after < ctx.text.size() && ctx.text[after] == '$') return {false, "us-currency", {}};
    if (auto n = ctx.Next(c.last_word)) {
      const FoldedWord next = ctx.Folded(*n);
      if (next == "dollar"sv || next == "dollars"sv) return {false, "us-currency", {}};
    }
    // "US-ASCII", "US-TAR": part of an acronym compound (but "US-UK talks" are two nations).
    if (words[c.last_word].sep_after == '-' && c.last_word + 1 < words.size() &&
        words[c.last_word + 1].has(Word::kAllUpper)) {
      const bool next_is_candidate = k + 1 < ctx.cands.size() && ctx.cands[k + 1].first_word == c.last_word + 1;
      if (!next_is_candidate) return {false, "us-in-acronym", {}};
    }
    // "LET US KNOW": the pronoun, in an ALL-CAPS line.
    if (e.display == "US"sv) {
      auto p = ctx.Prev(c.first_word);
      if (p && words[*p].has(Word::kAllUpper) && pronoun_before_us_.Has(ctx.Folded(*p)))
        return {false, "us-pronoun-in-caps", {}};
    }
  }
  if (key == "states"sv || key == "emirates"sv) {
    // Only "the States" / "the Emirates", not "the States Parties" or "member States".
    auto p = ctx.Prev(c.first_word);
    auto n = ctx.Next(c.last_word);
    const bool after_the = p && ctx.Folded(*p) == "the"sv;
    const bool name_continues = n && (words[*n].has(Word::kUpperFirst) || ctx.Folded(*n) == "of"sv);
    if (!after_the || name_continues) return {false, key == "states"sv ? "the-states" : "the-emirates", {}};
  }
  if (key == "turkey"sv) {
    auto p = ctx.Prev(c.first_word);
    auto n = ctx.Next(c.last_word);
    if ((p && bird_context_.Has(ctx.Folded(*p))) || (n && bird_context_.Has(ctx.Folded(*n))))
      return {false, "turkey-the-bird", {}};
  }
  if (key == "china"sv) {
    auto p = ctx.Prev(c.first_word);
    if (p && porcelain_context_.Has(ctx.Folded(*p))) return {false, "china-porcelain", {}};
  }
  if (c.first_word == c.last_word && FirstNameCountry(c.entry)) {
    // "Chad Hurley", "Jordan Peterson said": a given name before a surname. Not before a day
    // or month ("in India Tuesday"), a verb ("Jordan Says"), or inside a Title-Case run
    // ("Jordan Rejects Peace Plan").
    auto n = ctx.Next(c.last_word);
    // (An ALL-CAPS next word is a headline, unless it is one letter: "Georgia O'Keeffe".)
    if (n && words[*n].has(Word::kUpperFirst) &&
        (!words[*n].has(Word::kAllUpper) || words[*n].end - words[*n].begin == 1)) {
      const FoldedWord next = ctx.Folded(*n);
      auto nn = ctx.Next(*n);
      const bool title_case_run = nn && words[*nn].has(Word::kUpperFirst);
      if (!calendar_word_.Has(next) && !noun_follower_.Has(next) && !speech_verb_.Has(next) &&
          !org_head_.Has(next) && !title_case_run)
        return {false, "person-first-name", {}};
    }
  }
  if (c.first_word == c.last_word && SpeakerCountry(c.entry)) {
    // "Michael Jordan", "Mr. Jordan": a surname.
    if (auto p = ctx.PrevLoose(c.first_word)) {
      const FoldedWord prev = ctx.Folded(*p);
      if (title_before_name_.Has(prev)) return {false, "person-surname", {}};
      if (words[c.first_word - 1].sep_after == ' ' && !words[c.first_word].has(Word::kSentenceStart) &&
          words[*p].has(Word::kUpperFirst) &&
          !words[*p].has(Word::kAllUpper) && !noun_follower_.Has(prev) && !calendar_word_.Has(prev))
        return {false, "person-surname", {}};
    }
    // "Jordan said": a person speaking.
    if (auto n = ctx.Next(c.last_word); n && speech_verb_.Has(ctx.Folded(*n)))
      return {false, "person-speaker", {}};
  }
  // "Lebanon, Pennsylvania", "Mexico, Mo.", "Peru, New York": a US town.
  if (ctx.CommaAfter(c.last_word)) {
    const uint32_t n = c.last_word + 1;
    const FoldedWord next = ctx.Folded(n);
    if (us_state_.Has(next)) return {false, "us-town", {}};
    if (us_state_first_.Has(next) && n + 1 < words.size() && words[n].sep_after == ' ' &&
        us_state_second_.Has(ctx.Folded(n + 1)))
      return {false, "us-town", {}};
  }
  // "Bank of Japan", "Voice of America", "Boy Scouts of America".
  if (auto p = ctx.Prev(c.first_word); p && ctx.Folded(*p) == "of"sv) {
    if (auto pp = ctx.Prev(*p); pp && words[*pp].has(Word::kUpperFirst)) {
      const FoldedWord head = ctx.Folded(*pp);
      if (org_head_.Has(head) || (key == "america"sv && head != "states"sv && !words[*pp].has(Word::kSentenceStart)))
        return {false, "in-org-name-after-of", {}};
    }
  }
  // "China Eastern Airlines", "Israel Defense Forces"; abbreviations ("U.S. Navy") stay.
  if (e.case_policy != CasePolicy::kExact && BeforeOrgHead(ctx, c.last_word))
    return {false, "in-org-name-before-head", {}};

  if (key == "congo"sv) {
    // The Congo the text names explicitly, nearest before, else after; else CD.
    std::string_view found;
    for (size_t j = k; j-- > 0 && found.empty();) {
      const LexEntry& o = ctx.Entry(j);
      if ((o.code == "CD"sv || o.code == "CG"sv) && o.key != "congo"sv && o.kind == EntryKind::kName) found = o.code;
    }
    for (size_t j = k + 1; j < ctx.cands.size() && found.empty(); ++j) {
      const LexEntry& o = ctx.Entry(j);
      if ((o.code == "CD"sv || o.code == "CG"sv) && o.key != "congo"sv && o.kind == EntryKind::kName) found = o.code;
    }
    return {true, "congo-bare", found.empty() ? std::string_view("CD") : found};
  }
  if (key == "korea"sv) return {true, "korea-bare", code};
  return {true, "nation-name", code};
}

Decision NationRules::DecideDemonym(Context& ctx, size_t k, const std::vector<Decision>& later) const {
  const Candidate& c = ctx.cands[k];
  const LexEntry& e = ctx.Entry(k);
  std::span<const Word> words = ctx.words;
  const uint32_t last = c.last_word;
  std::string_view code = e.key == "korean"sv ? std::string_view("KR") : std::string_view(e.code);
  const std::string_view accept = e.key == "korean"sv ? "korea-bare"sv : "demonym-modifier"sv;

  // "American and British officials", "Russian, Chinese or Iranian hackers".
  auto coordinated_with = [&](uint32_t w) -> std::optional<Decision> {
    if (k + 1 < ctx.cands.size() && ctx.cands[k + 1].first_word == w &&
        ctx.Entry(k + 1).kind == EntryKind::kDemonym && later[k + 1].rule != "georgia-us-state"sv) {
      Decision d = later[k + 1];
      d.code = code;
      if (d.emit) d.rule = "demonym-coordinated";
      return d;
    }
    return std::nullopt;
  };
  if (ctx.CommaAfter(last)) {
    if (auto d = coordinated_with(last + 1)) return *d;
    // ", and" / ", or"
    if (last + 2 < words.size() && words[last + 1].sep_after == ' ') {
      const FoldedWord conj = ctx.Folded(last + 1);
      if (conj == "and"sv || conj == "or"sv)
        if (auto d = coordinated_with(last + 2)) return *d;
    }
    return {false, "demonym-as-noun", {}};
  }
  const char sep = words[last].sep_after;
  if (last + 1 >= words.size() || (sep != ' ' && sep != '-')) return {false, "demonym-as-noun", {}};
  const uint32_t n = last + 1;
  const FoldedWord next = ctx.Folded(n);
  if (language_noun_.Has(next)) return {false, "demonym-language", {}};
  if (sep == '-') {
    // "Russian-made", "U.S.-Russian": a compound modifier.
    if (BeforeOrgHead(ctx, last)) return {false, "in-org-name-before-head", {}};
    return {true, accept, code};
  }
  if (next == "and"sv || next == "or"sv || next == "nor"sv) {
    if (auto d = coordinated_with(n + 1)) return *d;
    return {false, "demonym-as-noun", {}};
  }
  // "the British think" is a noun; "a British think-tank" is a modifier of a compound.
  if (noun_follower_.Has(next) && words[n].sep_after != '-') return {false, "demonym-as-noun", {}};
  if (words[n].has(Word::kUpperFirst) && BeforeOrgHead(ctx, last))
    return {false, "in-org-name-before-head", {}};
  return {true, accept, code};
}

}  // namespace accord::nations
