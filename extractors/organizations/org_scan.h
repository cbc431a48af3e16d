// The working state of the organization stage over one document, and its phases, in order:
//   known_names.cc    names and aliases of the known-organizations table
//   designators.cc    "Acme Inc.", "Cisco Systems", "University of Texas", "Houston Chronicle"
//   context_cues.cc   "X, a Russian firm", "companies including X, Y and Z", "X spokesman"
//   (selection)       candidates are taken longest first; a token belongs to one mention
//   acronyms.cc       "Federal Bureau of Investigation (FBI)": the acronym names the same body
//   propagation.cc    a name found once is found everywhere ("Cisco Systems" ... "Cisco")
//   org_canonical.cc  one canonical per organization of the document
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "extractors/organizations/org_tables.h"
#include "extractors/organizations/org_tokens.h"
#include "pipeline/document.h"

namespace accord::orgs {

// A proposed organization over tokens [first, last).
struct OrgCandidate {
  uint32_t first = 0;
  uint32_t last = 0;
  int32_t known = -1;    // row of the known-organizations table, or -1
  int priority = 0;      // among equally long candidates, the higher wins
  const char* rule = "";
  uint32_t order = 0;    // its place among the proposed candidates: the earlier wins a tie
};

struct OrgMention {
  uint32_t first = 0;
  uint32_t last = 0;
  int32_t known = -1;
  int32_t source = -1;   // the mention it was derived from (acronym definition, propagation)
  const char* rule = "";
  std::string canonical;
};

// Which other kind covers a token (from the stages that ran before); kUnknown is a token not
// looked up yet (OrgScan::Other looks up a token when first asked).
enum class OtherKind : uint8_t { kNone = 0, kPerson, kNation, kDate, kUnknown };

// The raw range of an entity of another kind, for OrgScan::Other.
struct OtherMark {
  uint32_t start = 0;
  uint32_t end = 0;
  OtherKind kind = OtherKind::kNone;
};

// The buffers of OrgScan. Each thread keeps one across documents (OrgScratch::ForThread), so a
// document is scanned without allocating once the buffers have grown.
struct OrgScratch {
  OrgTokens toks;
  std::vector<OtherKind> other;
  std::vector<OtherMark> other_marks;
  std::vector<uint8_t> title_line;
  std::vector<const WordInfo*> words;
  std::vector<uint32_t> caps;
  std::vector<uint32_t> listed;
  std::vector<uint32_t> alias_caps;
  std::vector<OrgCandidate> candidates;
  std::vector<OrgMention> mentions;
  std::vector<int32_t> owner;
  std::vector<uint32_t> raw_begin, raw_end;  // per token: its raw range (OrgScan's entity marks)
  // Keys of the document's names, for propagation.cc and org_canonical.cc (they point into
  // toks.folded or initials).
  DocIndex index_a, index_b, index_c;
  std::string initials;

  static OrgScratch& ForThread() {
    thread_local OrgScratch scratch;
    return scratch;
  }
};

struct OrgScan {
  // Fills `scratch` (cleared first) for `doc`; the scan uses it until it is destroyed.
  OrgScan(const OrgTables& tables, const Document& doc, OrgScratch& scratch);

  const OrgTables& tables;
  const Document& doc;
  OrgScratch& scratch;
  OrgTokens& toks;
  std::vector<OtherKind>& other;          // per token: Other(i) once asked, else kUnknown
  std::vector<OtherMark>& other_marks;    // the document's entities of other kinds, in order
  // Per token: TitleLine(i) once asked (kTitle, kNotTitle), else kTitleUnknown.
  std::vector<uint8_t>& title_line;
  std::vector<const WordInfo*>& words;    // per token: its entry in the word tables, or nullptr
  // The capitalized words (IsCap), in text order: the phases whose rules open only at one of
  // them visit these instead of every token.
  std::vector<uint32_t>& caps;
  // The punctuation tokens and the words with an entry in the word tables, in text order: the
  // context rules open only at one of them, and the acronym rules at a "(".
  std::vector<uint32_t>& listed;
  // The capitalized words whose folded key may open an alias of the known table
  // (OrgTables::MayStartAlias), in text order: the known-name rule opens only at one of them.
  std::vector<uint32_t>& alias_caps;
  std::vector<OrgCandidate>& candidates;
  std::vector<OrgMention>& mentions;
  std::vector<int32_t>& owner;            // per token: the mention holding it, or -1

  std::string_view Text(size_t i) const { return toks.Text(i); }
  const OrgToken& Tok(size_t i) const { return toks[i]; }
  // Which other kind covers token i. A token is looked up when first asked (the rules ask of few
  // tokens), against the raw ranges of the entities, the last of them winning.
  OtherKind Other(size_t i) const {
    const OtherKind k = other[i];
    return k != OtherKind::kUnknown ? k : LookUpOther(i);
  }
  // Whether token i is on a Title Case line (a headline: "Apple Wins Court Battle"), where every
  // word is capitalized. A line is looked at when a rule first asks of one of its tokens (the rules
  // ask of few lines).
  static constexpr uint8_t kNotTitle = 0, kTitle = 1, kTitleUnknown = 2;
  bool TitleLine(size_t i) const {
    const uint8_t v = title_line[i];
    return v != kTitleUnknown ? v == kTitle : LookUpTitleLine(i);
  }
  bool LookUpTitleLine(size_t i) const;  // TitleLine(i) for a line not asked yet
  bool IsCap(size_t i) const {
    return i < toks.size() && toks[i].Is(OrgToken::kWord) && toks[i].Is(OrgToken::kCapitalized);
  }
  bool IsPunct(size_t i, std::string_view p) const {
    if (i >= toks.size()) return false;
    if (p.size() == 1) return toks[i].punct == p[0];
    return toks[i].Is(OrgToken::kPunct) && Text(i) == p;
  }
  bool IsWord(size_t i, std::string_view w) const {
    return i < toks.size() && toks[i].Is(OrgToken::kWord) && Text(i) == w;
  }
  // Token i's roles in the word tables (OrgTables::IsLeading, ... of its text).
  bool HasRole(size_t i, uint16_t role) const { return words[i] != nullptr && words[i]->Is(role); }
  // OrgTables::FindDesignator of token i's text.
  const Designator* DesignatorAt(size_t i) const {
    return HasRole(i, WordInfo::kDesignator) ? &words[i]->designator : nullptr;
  }
  // The end of the capitalized run from `first` (words, with connectors between them when
  // `connectors`), within one paragraph.
  uint32_t CapRunEnd(uint32_t first, bool connectors) const;
  // First token of [first, last) that is not a leading function word ("The", "Yesterday").
  uint32_t SkipLeading(uint32_t first, uint32_t last) const;
  bool Free(uint32_t first, uint32_t last) const;
  bool Covers(uint32_t first, uint32_t last, OtherKind kind) const;
  OtherKind LookUpOther(size_t i) const;  // Other(i) for a token not asked yet
  void Propose(uint32_t first, uint32_t last, int32_t known, int priority, const char* rule);
  // Adds a mention when its tokens are free; returns its index or -1.
  int32_t AddMention(uint32_t first, uint32_t last, int32_t known, int32_t source,
                     const char* rule);
  // Takes candidates longest first, then by priority, then by first token, then as proposed,
  // skipping any that overlap a mention.
  void SelectCandidates();
};

// True when the letters of the acronym at token `acronym` are the initials of the capitalized
// words of [first, last) ("NIST": National Institute of Standards and Technology).
bool InitialsMatch(const OrgScan& scan, uint32_t acronym, uint32_t first, uint32_t last);
// The parts of InitialsMatch, for matching many pairs: the capital letters of the acronym at
// token `acronym`, and the initials of the capitalized words of [first, last) ("Hewlett-Packard"
// gives H and P), each appended to `out`; InitialsSpell(letters, initials) is InitialsMatch.
void AcronymLetters(const OrgScan& scan, uint32_t acronym, std::string& out);
void NameInitials(const OrgScan& scan, uint32_t first, uint32_t last, std::string& out);
bool InitialsSpell(std::string_view letters, std::string_view initials);

// A name as canonicals write it: each run of spaces, tabs and line breaks one space, none at
// either end, and no ">" quote mark after one ("United \n> Nations" -> "United Nations").
std::string CollapseSpaces(std::string_view s);

void FindKnownNames(OrgScan& scan);
void FindDesignatedNames(OrgScan& scan);
void FindContextCues(OrgScan& scan);
void FindAcronymDefinitions(OrgScan& scan);
void PropagateNames(OrgScan& scan);
void AssignCanonicals(OrgScan& scan);

// Priorities of the candidate rules (equal lengths only).
inline constexpr int kPriorityKnown = 30;
inline constexpr int kPriorityDesignator = 20;
inline constexpr int kPriorityContext = 10;

}  // namespace accord::orgs
