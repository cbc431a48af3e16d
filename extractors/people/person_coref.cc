#include "extractors/people/person_coref.h"
#include "extractors/people/person_fold.h"
#include "extractors/people/person_word_ids.h"

#include <algorithm>
#include <array>
#include <utility>

#include <absl/container/flat_hash_map.h>

#include "pipeline/ascii.h"

namespace accord::people {
namespace {

// One mention's forms. The views point into the text or into the scratch arena of the call.
struct NameInfo {
  std::string_view first;  // first word or initial, as written
  std::string_view last;   // last word (the surname), as written
  std::string_view text;   // the name, whitespace normalised (of accepted names only)
  std::string_view first_folded;  // `first` and `last`, ASCII-folded
  std::string_view last_folded;
  uint32_t first_id = 0;  // ids of `first_folded` and `last_folded` (WordIds)
  uint32_t last_id = 0;
  bool accepted = false;
  const char* rule = "";
};

std::string_view WordOf(std::string_view text, const std::vector<NameToken>& tokens,
                        const NamePart& p) {
  const NameToken& t = tokens[p.token];
  return text.substr(t.begin, t.end - t.begin);
}

// Equal but for ASCII case ("SANGER" and "Sanger").
bool SameWord(std::string_view a, std::string_view b) { return ascii::EqualsIgnoreCase(a, b); }

// Compatible first words: equal ones, an initial and its word ("J." / "John"), a short form and
// its long form ("Tim" / "Timothy", "Rob" / "Robert" is not: only prefixes of three or more).
bool CompatibleFirst(std::string_view a, std::string_view b) {
  if (SameWord(a, b)) return true;
  if (a.empty() || b.empty()) return false;
  if (a.size() == 1 || b.size() == 1) return ascii::ToLower(a[0]) == ascii::ToLower(b[0]);
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
bool BetterForm(std::string_view a, std::string_view b) {
  const bool la = HasLower(a), lb = HasLower(b);
  if (la != lb) return la;
  return a.size() > b.size();
}

// Writes `w` ASCII-folded at `o`; returns the view of what it wrote and moves `o` past it.
std::string_view FoldTo(std::string_view w, char*& o) {
  char* const begin = o;
  FoldAsciiTo(w, begin);
  o += w.size();
  return {begin, w.size()};
}

// Per-thread storage of ResolveNames, reused across documents (cleared, not freed).
struct Scratch {
  std::vector<NameInfo> info;
  std::string folded_words;  // the folded first and last words that `info` views
  std::string texts;         // the normalised texts of accepted names that `info` views
  std::string folded;  // one headline word, folded
  WordIds ids;
  WordSet cued, surnames, firsts, known;
  MentionIndex by_last, by_first;
  // Canonical forms memoised per (folded surname, folded first word), by their ids joined in one
  // 64-bit key (one integer to hash).
  absl::flat_hash_map<uint64_t, std::string_view> memo;
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
  thread_local Scratch scratch;
  std::vector<NameInfo>& info = scratch.info;
  info.assign(mentions.size(), NameInfo{});
  // The folded first and last words of every mention go to one buffer, sized first so that the
  // views into it never move.
  size_t folded_size = 0;
  for (size_t i = 0; i < mentions.size(); ++i) {
    const NameMention& m = mentions[i];
    NameInfo& n = info[i];
    const NamePart* begin = candidates.parts.data() + m.parts_begin;
    const NamePart* end = candidates.parts.data() + m.parts_end;
    n.first = WordOf(text, tokens, *begin);
    for (const NamePart* p = end; p != begin;) {
      --p;
      if (p->kind == NamePart::kWord) {
        n.last = WordOf(text, tokens, *p);
        break;
      }
    }
    folded_size += n.first.size() + n.last.size();
  }
  scratch.folded_words.resize(folded_size);
  char* o = scratch.folded_words.data();
  WordIds& ids = scratch.ids;
  ids.Clear();
  for (size_t i = 0; i < mentions.size(); ++i) {
    NameInfo& n = info[i];
    n.accepted = mentions[i].accepted;
    n.rule = mentions[i].rule;
    n.first_folded = FoldTo(n.first, o);
    n.last_folded = FoldTo(n.last, o);
    n.first_id = ids.Add(n.first_folded);
    // A one-word mention's first word is its last: one look-up.
    n.last_id = n.last.data() == n.first.data() ? n.first_id : ids.Add(n.last_folded);
  }
  const uint32_t num_ids = ids.size();

  // A run of capitalised words whose last word recurs alone next to a speech verb or an
  // appositive is a name: "charged Aldrich Hazen Ames" ... "Ames said".
  WordSet& cued = scratch.cued;
  cued.Clear(num_ids);
  for (size_t i = 0; i < mentions.size(); ++i)
    if (!info[i].accepted && mentions[i].cue) cued.Add(info[i].last_id);
  if (!cued.empty()) {
    for (size_t i = 0; i < mentions.size(); ++i) {
      NameInfo& n = info[i];
      if (n.accepted || mentions[i].word_count < 2 || mentions[i].headline) continue;
      if (cued.Has(n.last_id)) {
        n.accepted = true;
        n.rule = "surname-repeat";
      }
    }
  }
  if (std::none_of(info.begin(), info.end(), [](const NameInfo& n) { return n.accepted; })) return;

  // Candidates that repeat a known name, in two rounds: names accepted in the first round
  // ("Aldrich Ames" after "Ames, 52,") are known in the second.
  WordSet& surnames = scratch.surnames;  // folded last words of accepted names
  WordSet& firsts = scratch.firsts;      // folded first words of accepted full names
  bool surnames_current = false;  // `surnames` holds the last words of all accepted names
  for (int round = 0; round < 2; ++round) {
    surnames.Clear(num_ids);
    firsts.Clear(num_ids);
    for (size_t i = 0; i < mentions.size(); ++i) {
      if (!info[i].accepted) continue;
      surnames.Add(info[i].last_id);
      if (mentions[i].word_count >= 2 && info[i].first.size() > 1) firsts.Add(info[i].first_id);
    }
    bool changed = false;
    for (size_t i = 0; i < mentions.size(); ++i) {
      NameInfo& n = info[i];
      if (n.accepted) continue;
      if (mentions[i].word_count == 1) {
        if (n.first == n.last && surnames.Has(n.last_id)) {
          n.accepted = true;
          n.rule = "coref-surname";
          changed = true;
        } else if (n.first == n.last && n.first.size() > 1 && !mentions[i].weak_start &&
                   !mentions[i].headline && firsts.Has(n.first_id)) {
          // The first word of a full name alone: "Rosario" after "Rosario Ames", "Wei" after
          // "Wei Jingsheng" (family name first).
          n.accepted = true;
          n.rule = "coref-first";
          changed = true;
        }
        continue;
      }
      // A longer form of a known surname: "Aldrich Hazen Ames" after "Ames, 52,".
      if (surnames.Has(n.last_id)) {
        n.accepted = true;
        n.rule = "coref-full";
        changed = true;
      }
    }
    if (!changed) {
      surnames_current = true;
      break;
    }
  }
  // The normalised texts of the accepted names (the only ones canonical forms are made of): the
  // parts joined by single spaces, without the line breaks and quote marks between them.
  size_t texts_size = 0;
  for (size_t i = 0; i < mentions.size(); ++i) {
    if (!info[i].accepted) continue;
    for (uint32_t k = mentions[i].parts_begin; k < mentions[i].parts_end; ++k) {
      const NamePart& p = candidates.parts[k];
      texts_size += (k != mentions[i].parts_begin) + (p.end - tokens[p.token].begin);
    }
  }
  scratch.texts.resize(texts_size);
  o = scratch.texts.data();
  for (size_t i = 0; i < mentions.size(); ++i) {
    if (!info[i].accepted) continue;
    char* const begin = o;
    for (uint32_t k = mentions[i].parts_begin; k < mentions[i].parts_end; ++k) {
      const NamePart& p = candidates.parts[k];
      if (k != mentions[i].parts_begin) *o++ = ' ';
      const uint32_t b = tokens[p.token].begin;
      o = std::copy_n(text.data() + b, p.end - b, o);
    }
    info[i].text = std::string_view(begin, static_cast<size_t>(o - begin));
  }

  // Full names indexed by folded last and first word; each index list is in text order.
  MentionIndex& by_last = scratch.by_last;
  MentionIndex& by_first = scratch.by_first;
  by_last.Clear();
  by_first.Clear();
  for (size_t i = 0; i < mentions.size(); ++i) {
    if (!info[i].accepted || mentions[i].word_count < 2) continue;
    by_last.Add(info[i].last_id, i);
    by_first.Add(info[i].first_id, i);
  }
  by_last.Seal(num_ids);
  by_first.Seal(num_ids);

  // Canonical forms: the best form among the full names with the anchor's surname and a
  // compatible first word, memoised per (surname, first word) so that a long document stays
  // linear.
  auto& memo = scratch.memo;
  memo.clear();
  auto longest_of = [&](size_t anchor) -> std::string_view {
    const NameInfo& a = info[anchor];
    auto [it, inserted] = memo.try_emplace(uint64_t{a.last_id} << 32 | a.first_id);
    if (!inserted) return it->second;
    std::string_view best = a.text;
    for (auto [e, end] = by_last.Of(a.last_id); e != end; ++e) {
      const size_t f = *e;
      if (!CompatibleFirst(info[f].first, a.first)) continue;
      if (BetterForm(info[f].text, best)) best = info[f].text;
    }
    it->second = best;
    return best;
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
      size_t anchor = by_last.First(n.last_id);
      if (anchor == SIZE_MAX) anchor = by_first.First(n.first_id);
      r.canonical = anchor == SIZE_MAX ? n.text : longest_of(anchor);
    }
    out.push_back(std::move(r));
  }

  // Title Case headlines: a known name inside a run of capitalised words ("Pellworth Leaves
  // Globex", "Ilse Pellworth To Step Down").
  // (Unless the second round accepted more names, `surnames` is that set already.)
  const WordSet* known = &surnames;  // folded surnames of accepted names
  if (!surnames_current) {
    scratch.known.Clear(num_ids);
    for (size_t i = 0; i < mentions.size(); ++i)
      if (info[i].accepted) scratch.known.Add(info[i].last_id);
    known = &scratch.known;
  }
  for (size_t i = 0; i < mentions.size(); ++i) {
    if (info[i].accepted || !mentions[i].headline || mentions[i].word_count < 2) continue;
    const NamePart* parts = candidates.parts.data() + mentions[i].parts_begin;
    const size_t count = mentions[i].parts_end - mentions[i].parts_begin;
    for (size_t k = 0; k < count; ++k) {
      if (parts[k].kind != NamePart::kWord) continue;
      const std::string_view w = WordOf(text, tokens, parts[k]);
      scratch.folded.resize(w.size());
      char* f = scratch.folded.data();
      // A word no mention has as first or last word is in no set and no index.
      const uint32_t id = ids.Find(FoldTo(w, f));
      // A full name: this word and the next are the first and last word of one.
      size_t full = SIZE_MAX;
      if (k + 1 < count && parts[k + 1].kind == NamePart::kWord) {
        const std::string_view next = WordOf(text, tokens, parts[k + 1]);
        for (auto [e, end] = by_first.Of(id); e != end; ++e) {
          if (SameWord(info[*e].last, next)) {
            full = *e;
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
      if (!known->Has(id)) continue;
      r.end = parts[k].end;
      r.rule = "coref-headline";
      const size_t anchor = by_last.First(id);
      r.canonical = anchor == SIZE_MAX ? w : longest_of(anchor);
      out.push_back(std::move(r));
    }
  }
  // (Names mostly come in text order already: a sort would only move their strings about. With
  // starts strictly growing there is one order, so the sort can be skipped.)
  const auto by_begin = [](const ResolvedName& a, const ResolvedName& b) {
    return a.begin < b.begin;
  };
  const auto out_of_order = [](const ResolvedName& a, const ResolvedName& b) {
    return a.begin >= b.begin;
  };
  if (std::adjacent_find(out.begin(), out.end(), out_of_order) != out.end())
    std::sort(out.begin(), out.end(), by_begin);
}

}  // namespace accord::people
