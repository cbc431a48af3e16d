#include "extractors/people/person_coref.h"

#include <algorithm>

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

// "J." and "John" are compatible first words; so are equal words.
bool CompatibleFirst(std::string_view a, std::string_view b) {
  if (a == b) return true;
  if (a.size() == 1 || b.size() == 1) return !a.empty() && !b.empty() && a[0] == b[0];
  return false;
}

}  // namespace

std::string NormalizeSpace(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool space = false;
  for (char c : s) {
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

void ResolveNames(std::string_view text, const std::vector<NameToken>& tokens,
                  const NameCandidates& candidates, std::vector<ResolvedName>& out) {
  out.clear();
  const auto& mentions = candidates.mentions;
  std::vector<NameInfo> info(mentions.size());
  for (size_t i = 0; i < mentions.size(); ++i) {
    const NameMention& m = mentions[i];
    NameInfo& n = info[i];
    n.accepted = m.accepted;
    n.rule = m.rule;
    n.text = NormalizeSpace(text.substr(m.begin, m.end - m.begin));
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
  }

  // Full names and known surnames.
  std::vector<size_t> fulls;
  std::vector<std::string_view> surnames;
  for (size_t i = 0; i < mentions.size(); ++i) {
    if (!info[i].accepted) continue;
    if (mentions[i].word_count >= 2) fulls.push_back(i);
    surnames.push_back(info[i].last);
  }
  std::sort(surnames.begin(), surnames.end());

  // Candidates that repeat a known name.
  for (size_t i = 0; i < mentions.size(); ++i) {
    NameInfo& n = info[i];
    if (n.accepted) continue;
    if (mentions[i].word_count == 1) {
      if (n.first == n.last && std::binary_search(surnames.begin(), surnames.end(), n.last)) {
        n.accepted = true;
        n.rule = "coref-surname";
      }
      continue;
    }
    for (size_t f : fulls) {
      if (info[f].last == n.last && CompatibleFirst(info[f].first, n.first)) {
        n.accepted = true;
        n.rule = "coref-full";
        break;
      }
    }
  }

  // Canonical forms.
  auto longest_of = [&](size_t anchor) -> const std::string& {
    const std::string* best = &info[anchor].text;
    for (size_t f : fulls) {
      if (info[f].last != info[anchor].last) continue;
      if (!CompatibleFirst(info[f].first, info[anchor].first)) continue;
      if (info[f].text.size() > best->size()) best = &info[f].text;
    }
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
      // A lone surname: the nearest full name before it, else the first after it.
      size_t anchor = SIZE_MAX;
      for (size_t f : fulls) {
        if (info[f].last != n.last) continue;
        if (f < i || anchor == SIZE_MAX) anchor = f;
        if (f > i) break;
      }
      r.canonical = anchor == SIZE_MAX ? n.text : longest_of(anchor);
    }
    out.push_back(std::move(r));
  }
}

}  // namespace accord::people
