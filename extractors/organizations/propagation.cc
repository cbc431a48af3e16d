// Phase: propagation through the document.
//
// Rule "propagation": every name found once is an organization wherever else it is written in
// the document (with capitals), and so are its short forms:
//   - a company name without its designators: "Cisco Systems" -> "Cisco", "Aer Lingus Group
//     PLC" -> "Aer Lingus", "Receptors, Inc." -> "Receptors";
//   - a newspaper by its last word: "New York Times" -> "Times", "Washington Post" -> "Post";
//   - an acronym defined in parentheses: "(EADS)" -> "EADS".
// A one-word short form is not taken at a sentence start when it is a function word, or a
// common word of a name the known table does not hold ("Apple" after "Apple Inc." is taken), nor
// is any one-word name where a person or a nation was found.
#include <bitset>

#include "extractors/organizations/org_scan.h"

namespace accord::orgs {
namespace {

struct DocName {
  int32_t mention;
  bool short_form;
};

// A sieve before the first-word lookups, which most capitalized words of a text fail: a bit per
// class of a key's first two bytes (of its first word: a space after a one-byte word is its
// second byte either way). A key whose bit is clear opens no name of the document.
class FirstWordSieve {
 public:
  void Clear() { bits_.reset(); }
  void Add(std::string_view key) {
    if (!key.empty()) bits_.set(Bit(key));
  }
  bool MayOpen(std::string_view key) const { return key.empty() || bits_[Bit(key)]; }

 private:
  static size_t Bit(std::string_view key) {
    const auto b0 = static_cast<unsigned char>(key[0]);
    const auto b1 = static_cast<unsigned char>(key.size() > 1 ? key[1] : ' ');
    return ((b0 << 5) ^ b1) & 4095u;
  }
  std::bitset<4096> bits_;
};

}  // namespace

void PropagateNames(OrgScan& scan) {
  DocIndex& names = scan.scratch.index_a;  // folded key -> index of `found`
  names.Clear();
  thread_local std::vector<DocName> found;
  found.clear();
  // The first words of the keys (up to a space): a text position whose first word is none of
  // them starts no name, whatever the length. A key without a space is its own first word and is
  // found in `names`: only the first words of the others are added here.
  DocIndex& first_words = scan.scratch.index_c;
  first_words.Clear();
  thread_local FirstWordSieve first_word_sieve;
  first_word_sieve.Clear();
  auto first_word = [](std::string_view key) { return key.substr(0, key.find(' ')); };
  uint32_t max_tokens = 1;
  auto add = [&](uint32_t first, uint32_t last, int32_t m, bool short_form) {
    if (first >= last || !scan.IsCap(first)) return;
    const std::string_view key = scan.toks.Key(first, last);
    auto [index, inserted] = names.Insert(key, static_cast<int32_t>(found.size()));
    if (inserted) {
      const std::string_view word = first_word(key);
      if (word.size() != key.size()) first_words.Insert(word, 0);
      first_word_sieve.Add(word);
      found.push_back(DocName{m, short_form});
      max_tokens = std::max(max_tokens, last - first);
    } else if (found[*index].short_form && !short_form) {
      // A name written in full somewhere is more than a short form ("Apple" after "Apple Inc.").
      found[*index] = DocName{m, false};
    }
  };
  for (size_t mi = 0; mi < scan.mentions.size(); ++mi) {
    const OrgMention m = scan.mentions[mi];
    const auto id = static_cast<int32_t>(mi);
    add(m.first, m.last, id, false);
    // Company designators dropped from the end.
    uint32_t last = m.last;
    bool stripped = false;
    while (last > m.first + 1) {
      if (scan.IsPunct(last - 1, ".") || scan.IsPunct(last - 1, ",")) {
        --last;
        continue;
      }
      const Designator* d = scan.DesignatorAt(last - 1);
      if (d == nullptr || !d->short_form) break;
      --last;
      stripped = true;
    }
    if (stripped && last > m.first && !scan.IsPunct(last - 1, ",")) add(m.first, last, id, true);
    // A newspaper by its last word ("Times", "Post"; not "News").
    if (m.last - m.first >= 2) {
      const Designator* d = scan.DesignatorAt(m.last - 1);
      if (d != nullptr && d->media && d->short_form) add(m.last - 1, m.last, id, true);
    }
  }
  // Initials of the longer names, for acronyms written without a definition.
  // The letters of all names go into one buffer first, so that the keys into it stay valid.
  DocIndex& initials = scan.scratch.index_b;  // letters -> mention
  initials.Clear();
  std::string& letters = scan.scratch.initials;
  letters.clear();
  thread_local std::vector<uint32_t> letters_end;  // per mention: the end of its letters
  letters_end.clear();
  for (size_t mi = 0; mi < scan.mentions.size(); ++mi) {
    const OrgMention& m = scan.mentions[mi];
    for (uint32_t i = m.first; i < m.last; ++i) {
      if (!scan.IsCap(i) || scan.Tok(i).Is(OrgToken::kAllCaps)) continue;
      letters.push_back(scan.Text(i)[0]);
    }
    letters_end.push_back(static_cast<uint32_t>(letters.size()));
  }
  for (size_t mi = 0; mi < scan.mentions.size(); ++mi) {
    const uint32_t begin = mi == 0 ? 0 : letters_end[mi - 1];
    // One letter per capitalized word: three words or more.
    if (letters_end[mi] - begin >= 3)
      initials.Insert(std::string_view(letters).substr(begin, letters_end[mi] - begin),
                      static_cast<int32_t>(mi));
  }
  if (names.empty()) return;
  const auto n = static_cast<uint32_t>(scan.toks.size());
  // The capitalized words, each one free when it is reached: a name found here takes its tokens,
  // so the capitalized words inside it are skipped as taken.
  for (const uint32_t i : scan.caps) {
    if (scan.owner[i] >= 0) continue;
    // Rule "acronym-initials": an acronym of three or more letters spelling the initials of a
    // name of the document ("ANS" after "Acme Network Services Inc.").
    if (scan.Tok(i).Is(OrgToken::kAllCaps) && !scan.Tok(i).Is(OrgToken::kDottedAcronym) &&
        scan.Other(i) == OtherKind::kNone) {
      std::string_view w = scan.Text(i);
      if (w.size() >= 3 && w.size() <= 6) {
        if (const int32_t* m = initials.Find(w)) {
          scan.AddMention(i, i + 1, scan.mentions[*m].known, *m, "acronym-initials");
          continue;
        }
      }
    }
    if (const std::string_view key = scan.toks.Key(i, i + 1); !first_word_sieve.MayOpen(key))
      continue;
    else if (const std::string_view word = first_word(key);
             !names.Contains(word) && !first_words.Contains(word))
      continue;
    for (uint32_t len = std::min(max_tokens, n - i); len >= 1; --len) {
      const int32_t* index = names.Find(scan.toks.Key(i, i + len));
      if (index == nullptr) continue;
      const DocName& name = found[*index];
      if (!scan.Free(i, i + len) || !scan.toks.SameParagraph(i, i + len) ||
          (!scan.IsCap(i + len - 1) && !scan.Tok(i + len - 1).Is(OrgToken::kPunct)))
        continue;
      if (len == 1) {
        const OrgToken& t = scan.Tok(i);
        if (scan.Other(i) != OtherKind::kNone) break;
        if (name.short_form && (t.Is(OrgToken::kSentenceStart) || t.Is(OrgToken::kLineStart)) &&
            scan.HasRole(i, WordInfo::kLeading))
          break;
        // A common word ("Apple") found as a name inside a sentence is that name at a sentence
        // start too; a short form of a common word is not.
        if (name.short_form && scan.HasRole(i, WordInfo::kCommon) &&
            t.Is(OrgToken::kSentenceStart) && scan.mentions[name.mention].known < 0)
          break;
      }
      const OrgMention& src = scan.mentions[name.mention];
      // Letter case must agree: a shouted dateline ("WASHINGTON") is not "Washington", nor an
      // ordinary word an acronym.
      const bool src_caps = scan.Tok(src.first).Is(OrgToken::kAllCaps) && src.last - src.first == 1;
      const bool here_caps = scan.Tok(i).Is(OrgToken::kAllCaps);
      if (src_caps != here_caps && scan.Text(i).size() > 2) break;
      scan.AddMention(i, i + len, src.known, name.mention, "propagation");
      break;
    }
  }
}

}  // namespace accord::orgs
