#include "extractors/nations/nation_scanner.h"

#include <string>

namespace accord::nations {
namespace {

std::string_view WordText(std::string_view text, const Word& w) { return text.substr(w.begin, w.end - w.begin); }

// Does the text of words [first, last] satisfy the entry's case policy?
bool CaseMatches(const LexEntry& e, std::string_view text, std::span<const Word> words, uint32_t first,
                 uint32_t last) {
  switch (e.case_policy) {
    case CasePolicy::kAny:
      return true;
    case CasePolicy::kExact:
      // Byte for byte ("U.S.", "US", not "us" or "Us"); exact names are single words.
      return text.substr(words[first].begin, words[last].end - words[first].begin) == e.display;
    case CasePolicy::kTitle: {
      for (uint32_t k = first; k <= last; ++k) {
        const bool must_be_upper = (e.cap_mask >> (k - first)) & 1u;
        if (must_be_upper && !words[k].has(Word::kUpperFirst)) return false;
      }
      return true;
    }
  }
  return false;
}

}  // namespace

void ScanCandidates(const Lexicon& lex, std::string_view text, std::span<const Word> words,
                    std::span<const uint32_t> capitals, std::vector<Candidate>& out) {
  const WordFolder& folder = lex.folder();
  thread_local std::string key;  // scratch reused across texts (one per thread): no allocation per text
  const uint32_t n = static_cast<uint32_t>(words.size());
  // Every name starts with a capital ("U.S.", "Russia"); lower-case words start none.
  const size_t num_capitals = capitals.size();
  for (size_t c = 0; c < num_capitals; ++c) {
    const uint32_t i = capitals[c];
    const std::string_view first_word = WordText(text, words[i]);
    // Few capitalised words start a name: test the word itself before building the key. For an
    // ASCII word the filter's own ASCII case folding makes the word and its folded form alike.
    if (!words[i].has(Word::kNonAscii)) {
      if (!lex.MayStartKey(first_word)) continue;
      key.clear();
      WordFolder::AppendFoldedAscii(first_word, key);
    } else {
      key.clear();
      folder.AppendFolded(first_word, key);
      if (!lex.MayStartKey(key)) continue;
    }
    int32_t best = -1;
    uint32_t best_last = i;
    for (uint32_t j = i;;) {
      const Lexicon::Node* node = lex.Find(key);
      if (node == nullptr) break;
      if (node->entry >= 0 && CaseMatches(lex.entry(node->entry), text, words, i, j)) {
        best = node->entry;
        best_last = j;
      }
      if (!node->prefix || words[j].sep_after == '|' || j + 1 >= n) break;
      // A next word that no key holds after its first word ends the phrase: test it before
      // building the longer key (an ASCII word as it stands, as for the first word above).
      if (!words[j + 1].has(Word::kNonAscii) && !lex.MayContinueKey(WordText(text, words[j + 1]))) break;
      key.push_back(words[j].sep_after);
      ++j;
      if (words[j].has(Word::kNonAscii)) {
        folder.AppendFolded(WordText(text, words[j]), key);
      } else {
        WordFolder::AppendFoldedAscii(WordText(text, words[j]), key);
      }
    }
    if (best >= 0) {
      out.push_back({i, best_last, best});
      // The next name starts after this one.
      while (c + 1 < num_capitals && capitals[c + 1] <= best_last) ++c;
    }
  }
}

}  // namespace accord::nations
