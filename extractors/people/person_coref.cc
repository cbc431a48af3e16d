#include "extractors/people/person_coref.h"

#include <algorithm>
#include <unordered_map>
#include <unordered_set>

namespace accord::people {
namespace {

struct NameInfo {
  std::string_view first;  // first word or initial, as written
  std::string_view last;   // last word (the surname), as written
  std::string text;        // the name, whitespace normalised
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
  }

  // Candidates that repeat a known name, in two rounds: names accepted in the first round
  // ("Aldrich Ames" after "Ames, 52,") are known in the second.
  std::unordered_set<std::string> surnames;  // ASCII-folded
  std::unordered_set<std::string> firsts;    // first words of full names, ASCII-folded
  std::string folded;
  auto fold = [&folded](std::string_view w) -> const std::string& {
    folded.assign(w.begin(), w.end());
    for (char& c : folded) c = FoldAscii(c);
    return folded;
  };
  // A run of capitalised words whose last word recurs alone next to a speech verb or an
  // appositive is a name: "charged Aldrich Hazen Ames" ... "Ames said".
  std::unordered_set<std::string> cued;
  for (size_t i = 0; i < mentions.size(); ++i)
    if (!info[i].accepted && mentions[i].cue) cued.insert(fold(info[i].last));
  if (!cued.empty()) {
    for (size_t i = 0; i < mentions.size(); ++i) {
      NameInfo& n = info[i];
      if (n.accepted || mentions[i].word_count < 2 || mentions[i].headline) continue;
      if (cued.count(fold(n.last)) > 0) {
        n.accepted = true;
        n.rule = "surname-repeat";
      }
    }
  }
  if (std::none_of(info.begin(), info.end(), [](const NameInfo& n) { return n.accepted; })) return;

  for (int round = 0; round < 2; ++round) {
    surnames.clear();
    for (size_t i = 0; i < mentions.size(); ++i)
      if (info[i].accepted) surnames.insert(fold(info[i].last));
    auto known_surname = [&](std::string_view w) { return surnames.count(fold(w)) > 0; };
    firsts.clear();
    for (size_t i = 0; i < mentions.size(); ++i)
      if (info[i].accepted && mentions[i].word_count >= 2 && info[i].first.size() > 1)
        firsts.insert(fold(info[i].first));
    auto known_first = [&](std::string_view w) { return firsts.count(fold(w)) > 0; };
    bool changed = false;
    for (size_t i = 0; i < mentions.size(); ++i) {
      NameInfo& n = info[i];
      if (n.accepted) continue;
      if (mentions[i].word_count == 1) {
        if (n.first == n.last && known_surname(n.last)) {
          n.accepted = true;
          n.rule = "coref-surname";
          changed = true;
        } else if (n.first == n.last && n.first.size() > 1 && !mentions[i].weak_start &&
                   !mentions[i].headline && known_first(n.first)) {
          // The first word of a full name alone: "Rosario" after "Rosario Ames", "Wei" after
          // "Wei Jingsheng" (family name first).
          n.accepted = true;
          n.rule = "coref-first";
          changed = true;
        }
        continue;
      }
      // A longer form of a known surname: "Aldrich Hazen Ames" after "Ames, 52,".
      if (known_surname(n.last)) {
        n.accepted = true;
        n.rule = "coref-full";
        changed = true;
      }
    }
    if (!changed) break;
  }
  // Full names indexed by folded last and first word; each index list is in text order.
  std::unordered_map<std::string, std::vector<size_t>> by_last, by_first;
  for (size_t i = 0; i < mentions.size(); ++i) {
    if (!info[i].accepted || mentions[i].word_count < 2) continue;
    by_last[fold(info[i].last)].push_back(i);
    by_first[fold(info[i].first)].push_back(i);
  }
  auto first_of = [&](const std::unordered_map<std::string, std::vector<size_t>>& index,
                      std::string_view w) -> size_t {
    auto it = index.find(fold(w));
    return it == index.end() ? SIZE_MAX : it->second.front();
  };

  // Canonical forms: the best form among the full names with the anchor's surname and a
  // compatible first word, memoised per (surname, first word) so that a long document stays
  // linear.
  std::unordered_map<std::string, std::string> memo;
  auto longest_of = [&](size_t anchor) -> const std::string& {
    std::string key = fold(info[anchor].last);
    key += '\t';
    key += fold(info[anchor].first);
    auto [it, inserted] = memo.try_emplace(std::move(key));
    if (!inserted) return it->second;
    const std::string* best = &info[anchor].text;
    for (size_t f : by_last[fold(info[anchor].last)]) {
      if (!CompatibleFirst(info[f].first, info[anchor].first)) continue;
      if (BetterForm(info[f].text, *best)) best = &info[f].text;
    }
    it->second = *best;
    return it->second;
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
      size_t anchor = first_of(by_last, n.last);
      if (anchor == SIZE_MAX) anchor = first_of(by_first, n.first);
      r.canonical = anchor == SIZE_MAX ? n.text : longest_of(anchor);
    }
    out.push_back(std::move(r));
  }

  // Title Case headlines: a known name inside a run of capitalised words ("Pellworth Leaves
  // Globex", "Ilse Pellworth To Step Down").
  std::unordered_set<std::string> known;  // folded surnames of accepted names
  for (size_t i = 0; i < mentions.size(); ++i)
    if (info[i].accepted) known.insert(fold(info[i].last));
  for (size_t i = 0; i < mentions.size(); ++i) {
    if (info[i].accepted || !mentions[i].headline || mentions[i].word_count < 2) continue;
    const NamePart* parts = candidates.parts.data() + mentions[i].parts_begin;
    const size_t count = mentions[i].parts_end - mentions[i].parts_begin;
    for (size_t k = 0; k < count; ++k) {
      if (parts[k].kind != NamePart::kWord) continue;
      const std::string_view w = WordOf(text, tokens, parts[k]);
      // A full name: this word and the next are the first and last word of one.
      size_t full = SIZE_MAX;
      if (k + 1 < count && parts[k + 1].kind == NamePart::kWord) {
        const std::string_view next = WordOf(text, tokens, parts[k + 1]);
        if (auto it = by_first.find(fold(w)); it != by_first.end()) {
          for (size_t f : it->second) {
            if (SameWord(info[f].last, next)) {
              full = f;
              break;
            }
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
      if (known.count(fold(w)) == 0) continue;
      r.end = parts[k].end;
      r.rule = "coref-headline";
      const size_t anchor = first_of(by_last, w);
      r.canonical = anchor == SIZE_MAX ? std::string(w) : longest_of(anchor);
      out.push_back(std::move(r));
    }
  }
  std::sort(out.begin(), out.end(),
            [](const ResolvedName& a, const ResolvedName& b) { return a.begin < b.begin; });
}

}  // namespace accord::people
