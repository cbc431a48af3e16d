#include "extractors/people/person_coref.h"

#include <algorithm>
#include <unordered_map>

namespace accord::people {
namespace {

struct NameInfo {
  std::string_view first;  // first word or initial, as written
  std::string_view last;   // last word (the surname), as written
  std::string text;        // the name, whitespace normalised
  std::string first_folded;  // `first` and `last`, ASCII-folded
  std::string last_folded;
  bool accepted = false;
  const char* rule = "";
};

std::string_view WordOf(std::string_view text, const std::vector<NameToken>& tokens,
                        const NamePart& p) {
  const NameToken& t = tokens[p.token];
  return text.substr(t.begin, t.end - t.begin);
}

char FoldAscii(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

// Equal but for ASCII case ("SANGER" and "Sanger").
bool SameWord(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i)
    if (FoldAscii(a[i]) != FoldAscii(b[i])) return false;
  return true;
}

// Compatible first words: equal ones, an initial and its word ("J." / "John"), a short form and
// its long form ("Tim" / "Timothy", "Rob" / "Robert" is not: only prefixes of three or more).
bool CompatibleFirst(std::string_view a, std::string_view b) {
  if (SameWord(a, b)) return true;
  if (a.empty() || b.empty()) return false;
  if (a.size() == 1 || b.size() == 1) return FoldAscii(a[0]) == FoldAscii(b[0]);
  const std::string_view shorter = a.size() < b.size() ? a : b;
  const std::string_view longer = a.size() < b.size() ? b : a;
  return shorter.size() >= 3 && SameWord(shorter, longer.substr(0, shorter.size()));
}

bool HasLower(std::string_view s) {
  for (char c : s)
    if (c >= 'a' && c <= 'z') return true;
  return false;
}

// The better canonical of two forms: mixed case over ALL CAPS, then the longer.
bool BetterForm(const std::string& a, const std::string& b) {
  const bool la = HasLower(a), lb = HasLower(b);
  if (la != lb) return la;
  return a.size() > b.size();
}

void FoldInto(std::string_view w, std::string& out) {
  out.assign(w.data(), w.size());
  for (char& c : out) c = FoldAscii(c);
}

// A set of folded words: filled, sealed (sorted), then asked. The views point into the caller's
// strings, which outlive the set.
class WordSet {
 public:
  void Clear() { words_.clear(); }
  void Add(std::string_view w) { words_.push_back(w); }
  void Seal() {
    std::sort(words_.begin(), words_.end());
    words_.erase(std::unique(words_.begin(), words_.end()), words_.end());
  }
  bool Has(std::string_view w) const { return std::binary_search(words_.begin(), words_.end(), w); }
  bool empty() const { return words_.empty(); }

 private:
  std::vector<std::string_view> words_;
};

// Mentions by a folded word, each word's mentions in text order: filled in text order, then
// sealed (a stable sort by word).
class MentionIndex {
 public:
  void Add(std::string_view w, size_t mention) { entries_.push_back({w, mention}); }
  void Seal() {
    std::stable_sort(entries_.begin(), entries_.end(),
                     [](const Entry& a, const Entry& b) { return a.word < b.word; });
  }
  struct Entry {
    std::string_view word;
    size_t mention;
  };
  // The mentions of word `w`, in text order.
  std::pair<const Entry*, const Entry*> Of(std::string_view w) const {
    auto [lo, hi] = std::equal_range(entries_.begin(), entries_.end(), Entry{w, 0},
                                     [](const Entry& a, const Entry& b) { return a.word < b.word; });
    return {entries_.data() + (lo - entries_.begin()), entries_.data() + (hi - entries_.begin())};
  }
  // The first mention of `w`, or SIZE_MAX.
  size_t First(std::string_view w) const {
    auto [lo, hi] = Of(w);
    return lo == hi ? SIZE_MAX : lo->mention;
  }

 private:
  std::vector<Entry> entries_;
};

struct PairHash {
  size_t operator()(const std::pair<std::string_view, std::string_view>& p) const {
    const size_t a = std::hash<std::string_view>{}(p.first);
    return a ^ (std::hash<std::string_view>{}(p.second) + 0x9E3779B97F4A7C15ull + (a << 6) + (a >> 2));
  }
};

}  // namespace

void ResolveNames(std::string_view text, const std::vector<NameToken>& tokens,
                  const NameCandidates& candidates, std::vector<ResolvedName>& out) {
  out.clear();
  const auto& mentions = candidates.mentions;
  // Every name repeats an accepted one or a cued candidate: without either, there are none.
  if (std::none_of(mentions.begin(), mentions.end(),
                   [](const NameMention& m) { return m.accepted || m.cue; })) {
    return;
  }
  out.reserve(mentions.size());
  std::vector<NameInfo> info(mentions.size());
  for (size_t i = 0; i < mentions.size(); ++i) {
    const NameMention& m = mentions[i];
    NameInfo& n = info[i];
    n.accepted = m.accepted;
    n.rule = m.rule;
    const NamePart* begin = candidates.parts.data() + m.parts_begin;
    const NamePart* end = candidates.parts.data() + m.parts_end;
    // The name's parts joined by single spaces: line breaks and quote marks between them go.
    for (const NamePart* p = begin; p != end; ++p) {
      if (p != begin) n.text += ' ';
      const uint32_t b = tokens[p->token].begin;
      n.text.append(text.substr(b, p->end - b));
    }
    n.first = WordOf(text, tokens, *begin);
    for (const NamePart* p = end; p != begin;) {
      --p;
      if (p->kind == NamePart::kWord) {
        n.last = WordOf(text, tokens, *p);
        break;
      }
    }
    FoldInto(n.first, n.first_folded);
    FoldInto(n.last, n.last_folded);
  }
  // (The folded strings of `info` stay put from here on: the sets and indexes below view them.)

  // A run of capitalised words whose last word recurs alone next to a speech verb or an
  // appositive is a name: "charged Aldrich Hazen Ames" ... "Ames said".
  WordSet cued;
  for (size_t i = 0; i < mentions.size(); ++i)
    if (!info[i].accepted && mentions[i].cue) cued.Add(info[i].last_folded);
  cued.Seal();
  if (!cued.empty()) {
    for (size_t i = 0; i < mentions.size(); ++i) {
      NameInfo& n = info[i];
      if (n.accepted || mentions[i].word_count < 2 || mentions[i].headline) continue;
      if (cued.Has(n.last_folded)) {
        n.accepted = true;
        n.rule = "surname-repeat";
      }
    }
  }
  if (std::none_of(info.begin(), info.end(), [](const NameInfo& n) { return n.accepted; })) return;

  // Candidates that repeat a known name, in two rounds: names accepted in the first round
  // ("Aldrich Ames" after "Ames, 52,") are known in the second.
  WordSet surnames;  // folded last words of accepted names
  WordSet firsts;    // folded first words of accepted full names
  for (int round = 0; round < 2; ++round) {
    surnames.Clear();
    for (size_t i = 0; i < mentions.size(); ++i)
      if (info[i].accepted) surnames.Add(info[i].last_folded);
    surnames.Seal();
    firsts.Clear();
    for (size_t i = 0; i < mentions.size(); ++i)
      if (info[i].accepted && mentions[i].word_count >= 2 && info[i].first.size() > 1)
        firsts.Add(info[i].first_folded);
    firsts.Seal();
    bool changed = false;
    for (size_t i = 0; i < mentions.size(); ++i) {
      NameInfo& n = info[i];
      if (n.accepted) continue;
      if (mentions[i].word_count == 1) {
        if (n.first == n.last && surnames.Has(n.last_folded)) {
          n.accepted = true;
          n.rule = "coref-surname";
          changed = true;
        } else if (n.first == n.last && n.first.size() > 1 && !mentions[i].weak_start &&
                   !mentions[i].headline && firsts.Has(n.first_folded)) {
          // The first word of a full name alone: "Rosario" after "Rosario Ames", "Wei" after
          // "Wei Jingsheng" (family name first).
          n.accepted = true;
          n.rule = "coref-first";
          changed = true;
        }
        continue;
      }
      // A longer form of a known surname: "Aldrich Hazen Ames" after "Ames, 52,".
      if (surnames.Has(n.last_folded)) {
        n.accepted = true;
        n.rule = "coref-full";
        changed = true;
      }
    }
    if (!changed) break;
  }
  // Full names indexed by folded last and first word; each index list is in text order.
  MentionIndex by_last, by_first;
  for (size_t i = 0; i < mentions.size(); ++i) {
    if (!info[i].accepted || mentions[i].word_count < 2) continue;
    by_last.Add(info[i].last_folded, i);
    by_first.Add(info[i].first_folded, i);
  }
  by_last.Seal();
  by_first.Seal();

  // Canonical forms: the best form among the full names with the anchor's surname and a
  // compatible first word, memoised per (surname, first word) so that a long document stays
  // linear.
  std::unordered_map<std::pair<std::string_view, std::string_view>, const std::string*, PairHash>
      memo;
  auto longest_of = [&](size_t anchor) -> const std::string& {
    const NameInfo& a = info[anchor];
    auto [it, inserted] = memo.try_emplace({a.last_folded, a.first_folded}, nullptr);
    if (!inserted) return *it->second;
    const std::string* best = &a.text;
    for (auto [e, end] = by_last.Of(a.last_folded); e != end; ++e) {
      const size_t f = e->mention;
      if (!CompatibleFirst(info[f].first, a.first)) continue;
      if (BetterForm(info[f].text, *best)) best = &info[f].text;
    }
    it->second = best;
    return *best;
  };
  for (size_t i = 0; i < mentions.size(); ++i) {
    const NameInfo& n = info[i];
    if (!n.accepted) continue;
    ResolvedName r;
    r.begin = mentions[i].begin;
    r.end = mentions[i].end;
    r.rule = n.rule;
    if (mentions[i].word_count >= 2) {
      r.canonical = longest_of(i);
    } else {
      // A lone surname: the first full name with that surname (news names the main person
      // first); else the first full name that begins with the word.
      size_t anchor = by_last.First(n.last_folded);
      if (anchor == SIZE_MAX) anchor = by_first.First(n.first_folded);
      r.canonical = anchor == SIZE_MAX ? n.text : longest_of(anchor);
    }
    out.push_back(std::move(r));
  }

  // Title Case headlines: a known name inside a run of capitalised words ("Pellworth Leaves
  // Globex", "Ilse Pellworth To Step Down").
  WordSet known;  // folded surnames of accepted names
  for (size_t i = 0; i < mentions.size(); ++i)
    if (info[i].accepted) known.Add(info[i].last_folded);
  known.Seal();
  std::string folded;
  for (size_t i = 0; i < mentions.size(); ++i) {
    if (info[i].accepted || !mentions[i].headline || mentions[i].word_count < 2) continue;
    const NamePart* parts = candidates.parts.data() + mentions[i].parts_begin;
    const size_t count = mentions[i].parts_end - mentions[i].parts_begin;
    for (size_t k = 0; k < count; ++k) {
      if (parts[k].kind != NamePart::kWord) continue;
      const std::string_view w = WordOf(text, tokens, parts[k]);
      FoldInto(w, folded);
      // A full name: this word and the next are the first and last word of one.
      size_t full = SIZE_MAX;
      if (k + 1 < count && parts[k + 1].kind == NamePart::kWord) {
        const std::string_view next = WordOf(text, tokens, parts[k + 1]);
        for (auto [e, end] = by_first.Of(folded); e != end; ++e) {
          if (SameWord(info[e->mention].last, next)) {
            full = e->mention;
            break;
          }
        }
      }
      ResolvedName r;
      r.begin = tokens[parts[k].token].begin;
      if (full != SIZE_MAX) {
        r.end = parts[k + 1].end;
        r.canonical = longest_of(full);
        r.rule = "coref-headline";
        out.push_back(std::move(r));
        ++k;
        continue;
      }
      if (!known.Has(folded)) continue;
      r.end = parts[k].end;
      r.rule = "coref-headline";
      const size_t anchor = by_last.First(folded);
      r.canonical = anchor == SIZE_MAX ? std::string(w) : longest_of(anchor);
      out.push_back(std::move(r));
    }
  }
  std::sort(out.begin(), out.end(),
            [](const ResolvedName& a, const ResolvedName& b) { return a.begin < b.begin; });
}

}  // namespace accord::people
