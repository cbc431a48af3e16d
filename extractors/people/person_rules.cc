#include "extractors/people/person_rules.h"

#include <string>

namespace accord::people {
namespace {

constexpr size_t kMaxNameWords = 5;
constexpr size_t kMaxAppositiveTokens = 8;

std::string_view TextOf(std::string_view text, const NameToken& t) {
  return text.substr(t.begin, t.end - t.begin);
}

// A punctuation token of the one ASCII character `p`.
bool IsPunct(std::string_view text, const NameToken& t, char p) {
  return t.Is(NameToken::kPunct) && t.end - t.begin == 1 && text[t.begin] == p;
}

bool IsLowerWord(const NameToken& t) { return t.Is(NameToken::kWord) && t.Is(NameToken::kLower); }

// A byline name follows "By", "and", "&" or starts the line; what follows a comma is the
// writer's paper or desk ("By Ada Quinn, Chronicle Staff Writer").
bool AfterBylineWord(std::string_view text, const std::vector<NameToken>& tokens, size_t first) {
  if (first == 0 || tokens[first].Is(NameToken::kLineBreakBefore)) return true;
  const std::string_view w = TextOf(text, tokens[first - 1]);
  return w == "By" || w == "by" || w == "BY" || w == "and" || w == "AND" || w == "&";
}

// "Ada Quinn, 45," and "Quinn, 45,": an age in commas after the name.
bool AgeFollows(std::string_view text, const std::vector<NameToken>& tokens, size_t next) {
  if (next + 2 >= tokens.size() || !IsPunct(text, tokens[next], ',')) return false;
  const NameToken& n = tokens[next + 1];
  const NameToken& comma = tokens[next + 2];
  if (!n.Is(NameToken::kDigit) || n.end - n.begin > 2 || !IsPunct(text, comma, ',')) return false;
  for (size_t i = n.begin; i < n.end; ++i)
    if (text[i] < '0' || text[i] > '9') return false;
  // "3,700" is a number, not an age.
  return !(next + 3 < tokens.size() && tokens[next + 3].begin == comma.end &&
           tokens[next + 3].Is(NameToken::kDigit));
}

// "who" / "whose" opening a relative clause. Evidence after two or more name words only: writers
// use "who" after company names too ("owned by Skyreach, who leases them").
bool IsWhoWord(std::string_view text, const NameToken& t) {
  const std::string_view w = TextOf(text, t);
  return w == "who" || w == "whose";
}

// The splitting word of a chain: a function word, a weekday, or a month at a segment's start.
bool SplitsChain(const NamePart& p, bool at_segment_start) {
  if (p.kind != NamePart::kWord) return false;
  const NonNameClass c = p.non_name;
  return c == NonNameClass::kFunction || c == NonNameClass::kWeekday ||
         (c == NonNameClass::kMonth && at_segment_start);
}

}  // namespace

// A capitalised word that may be part of a name: not a number, not inside an earlier stage's
// entity, not ALL CAPS (except initials and on bylines, "By DAVID SANGER"); or a lower-case
// prefix joined to a capitalised word ("al-Assad").
// (IsNameWord, in the header, takes the capitalised words; the rest come here.)
bool PersonRules::IsPrefixedNameWord(std::string_view text, const NameToken& t) const {
  if (!t.Is(NameToken::kWord) || t.Is(NameToken::kTaken) || t.Is(NameToken::kHasDigit))
    return false;
  if (t.Is(NameToken::kCap)) {
    return !t.Is(NameToken::kAllCaps) || t.Is(NameToken::kByline) || t.end - t.begin == 1;
  }
  if (!t.Is(NameToken::kAsciiHyphen)) return false;
  const std::string_view w = TextOf(text, t);
  const size_t hyphen = w.find('-');
  if (hyphen == std::string_view::npos || hyphen + 1 >= w.size()) return false;
  if (lex_->NamePart(w.substr(0, hyphen)) != NamePartKind::kPrefix) return false;
  const char c = w[hyphen + 1];
  return c >= 'A' && c <= 'Z';
}

// The number of chain parts, from part k, that spell a title ("Prime Minister"), or 0.
size_t PersonRules::TitleAt(std::string_view text, const std::vector<NameToken>& tokens,
                            const std::vector<NamePart>& chain, size_t k) const {
  // (A title needs a part after it for the name.)
  if (k + 1 >= chain.size() || chain[k].kind != NamePart::kWord || !chain[k].begins_title) return 0;
  LowerPhrase key;
  size_t best = 0;
  for (size_t n = 0; n < lex_->max_title_words() && k + n < chain.size(); ++n) {
    const NamePart& p = chain[k + n];
    if (p.kind != NamePart::kWord) break;
    key.Add(TextOf(text, tokens[p.token]));
    // Inside a run only honorifics and titles split it ("Microsoft President Brad Smith"); a
    // capitalised role noun counts only as the first word of a sentence ("Spokeswoman Sandy
    // Angers"), not in a name ("iPhone Developer Program").
    const TitleKind kind = n == 0 ? p.title : lex_->Title(key.view());
    if (kind == TitleKind::kHonorific || kind == TitleKind::kTitle) {
      best = n + 1;
    } else if (kind == TitleKind::kRole) {
      // A capitalised role noun splits a run as the first word of a sentence ("Spokeswoman Sandy
      // Angers") or before a given name ("National Security Adviser Dana Whitlock"), not inside
      // a name ("iPhone Developer Program").
      const size_t after = k + n + 1;
      const bool given_after = after < chain.size() && chain[after].kind == NamePart::kWord &&
                               chain[after].given != FirstNameKind::kNone;
      if ((k == 0 && tokens[chain[0].token].Is(NameToken::kSentenceStart)) || given_after)
        best = n + 1;
    }
  }
  // A title needs a name after it: "Martin Luther King" ends with a word, not a title, and
  // "the Globex Chief Executive Officer," names no one.
  if (best == 0 || k + best >= chain.size()) return 0;
  const NamePart::Kind next = chain[k + best].kind;
  return next == NamePart::kWord || next == NamePart::kInitial ? best : 0;
}

// A title or role right before token `first`: "Mr. ", "spokeswoman ", "Secretary of State ",
// "general counsel, " (one comma allowed after a lower-case role).
bool PersonRules::TitleBefore(std::string_view text, const std::vector<NameToken>& tokens,
                              size_t first) const {
  if (first == 0 || tokens[first].Is(NameToken::kParagraphBefore)) return false;
  size_t end = first;  // tokens [.., end) precede the name
  bool after_period = false;
  if (IsPunct(text, tokens[end - 1], '.')) {
    --end;  // "Mr." -> "Mr"
    after_period = true;
  } else if (IsPunct(text, tokens[end - 1], ',')) {
    --end;  // "general counsel, Mark Chandler"
  }
  const bool after_comma = end < first && IsPunct(text, tokens[end], ',');
  if (end == 0 || !tokens[end - 1].Is(NameToken::kWord)) return false;
  if (!lex_->MayEndTitle(TextOf(text, tokens[end - 1]))) return false;
  {
    LowerPhrase last;
    last.Add(TextOf(text, tokens[end - 1]));
    // (MayEndTitle passed: a filter slot ignores case, so Phrase alone answers EndsTitle.)
    if (!lex_->Phrase(last.view()).has(PhraseInfo::kEndsTitle)) return false;
  }
  // Try the longest title first: words [end - n, end).
  for (size_t n = std::min(lex_->max_title_words(), end); n >= 1; --n) {
    LowerPhrase key;
    bool ok = true;
    for (size_t i = end - n; i < end; ++i) {
      if (!tokens[i].Is(NameToken::kWord)) {
        ok = false;
        break;
      }
      key.Add(TextOf(text, tokens[i]));
    }
    if (!ok) continue;
    const TitleKind kind = lex_->Title(key.view());
    if (kind == TitleKind::kNone) continue;
    // A period after a title ends a sentence unless the title is an abbreviation ("Mr.").
    if (after_period && (kind != TitleKind::kHonorific || n != 1 ||
                         tokens[end - 1].end != tokens[end].begin)) {
      continue;
    }
    // Roles count in lower case only ("spokeswoman Sandy Angers", not "Big Brother | Clipper"),
    // and after a comma only they do ("the company's general counsel, Mark Chandler").
    if ((kind == TitleKind::kRole || after_comma) && !IsLowerWord(tokens[end - 1])) continue;
    return true;
  }
  return false;
}

// Evidence from the words around a name of two or more words: tokens [first, next) are the name.
const char* PersonRules::CueEvidence(std::string_view text, const std::vector<NameToken>& tokens,
                                     size_t first, size_t next) const {
  // (A word that passes MayBeCueWord passes the filters of IsSpeechVerb and IsAppositiveCue
  // lower-cased: Phrase alone answers those.)
  if (next < tokens.size() && IsLowerWord(tokens[next]) &&
      lex_->MayBeCueWord(TextOf(text, tokens[next]))) {
    LowerPhrase lower;
    lower.Add(TextOf(text, tokens[next]));
    if (lex_->Phrase(lower.view()).has(PhraseInfo::kSpeech)) return "speech";
  }
  if (first > 0 && IsLowerWord(tokens[first - 1])) {
    const std::string_view prev = TextOf(text, tokens[first - 1]);
    const uint32_t slot = WordFilter::SlotOf(prev);  // for both filters below
    if (lex_->MayBeCueWordSlot(slot)) {
      LowerPhrase lower;
      lower.Add(prev);
      if (lex_->Phrase(lower.view()).has(PhraseInfo::kSpeech)) return "speech";
    }
    const size_t max_n = lex_->MayEndBeforeCueSlot(slot) ? lex_->max_before_words() : 0;
    for (size_t n = 1; n <= max_n && n <= first; ++n) {
      LowerPhrase key;
      for (size_t i = first - n; i < first; ++i) key.Add(TextOf(text, tokens[i]));
      if (lex_->IsBeforeCue(key.view())) return "according-to";
    }
  }
  // "Ada Quinn, 45," / "Ada Quinn, Cisco's general counsel," / "Ada Quinn, who ..."
  if (next < tokens.size() && IsPunct(text, tokens[next], ',')) {
    const size_t from = next + 1;
    if (AgeFollows(text, tokens, next)) return "appositive";
    if (from < tokens.size() && IsWhoWord(text, tokens[from])) return "appositive";
    for (size_t i = from; i < tokens.size() && i < from + kMaxAppositiveTokens; ++i) {
      const NameToken& t = tokens[i];
      if (t.Is(NameToken::kPunct)) {
        const std::string_view p = TextOf(text, t);
        if (p == "," || p == ";" || p == ":" || p == "(" || p == ")") break;
        // A period ends the phrase unless it ends an abbreviation ("Apple Inc. executive").
        if (p == "." && (i + 1 >= tokens.size() || tokens[i + 1].Is(NameToken::kSentenceStart)))
          break;
        continue;
      }
      if (!IsLowerWord(t) || !lex_->MayBeCueWord(TextOf(text, t))) continue;
      LowerPhrase lower;
      lower.Add(TextOf(text, t));
      if (lex_->IsTitle(lower.view()) || lex_->Phrase(lower.view()).has(PhraseInfo::kAppositive))
        return "appositive";
    }
  }
  return nullptr;
}

void PersonRules::Flush(std::string_view text, const std::vector<NameToken>& tokens,
                        const NamePart* parts, size_t count, bool title_evidence,
                        NameCandidates& out) const {
  // Names start and end with a word (or start with an initial: "J. Edgar Hoover").
  while (count > 0 && (parts[0].kind == NamePart::kParticle || parts[0].kind == NamePart::kSuffix)) {
    ++parts;
    --count;
  }
  while (count > 0 && (parts[count - 1].kind == NamePart::kParticle ||
                       parts[count - 1].kind == NamePart::kInitial)) {
    --count;
  }
  if (count == 0) return;

  uint32_t words = 0;
  for (size_t k = 0; k < count; ++k) {
    if (parts[k].kind != NamePart::kWord) continue;
    ++words;
    const NonNameClass c = parts[k].non_name;
    // Organization and place words make the run something else ("Cisco Systems", "New York");
    // after a title, only organization words do ("his wife, Xu Hong").
    if (c == NonNameClass::kOrg || (c == NonNameClass::kPlace && !title_evidence)) return;
  }
  if (words == 0 || words > kMaxNameWords) return;
  if (words == 1 && count == 1) {
    // A lone title or role word is not a name ("the Chief Executive Officer").
    if (parts[0].title != TitleKind::kNone) return;
  }

  const NameToken& first = tokens[parts[0].token];
  const size_t first_index = parts[0].token;
  const size_t next_index = parts[count - 1].token + 1 +
                            ((parts[count - 1].kind == NamePart::kSuffix &&
                              parts[count - 1].end > tokens[parts[count - 1].token].end)
                                 ? 1
                                 : 0);
  const bool headline = first.Is(NameToken::kHeadline);

  NameMention m;
  m.begin = first.begin;
  m.end = parts[count - 1].end;
  m.headline = headline;
  m.word_count = words;
  m.parts_begin = static_cast<uint32_t>(out.parts.size());
  out.parts.insert(out.parts.end(), parts, parts + count);
  m.parts_end = static_cast<uint32_t>(out.parts.size());

  const FirstNameKind given = parts[0].kind == NamePart::kWord ? parts[0].given : FirstNameKind::kNone;
  const bool strong_given =
      given == FirstNameKind::kName ||
      (given == FirstNameKind::kAmbiguous && !first.Is(NameToken::kSentenceStart) && !headline);

  if (words >= 2 && first.Is(NameToken::kByline) && AfterBylineWord(text, tokens, first_index)) {
    m.rule = "byline";
    m.accepted = true;
  } else if (headline) {
    // Headlines are Title Case: only a given name of the lexicon is evidence there; the rest
    // waits for a name of the body.
    if (given == FirstNameKind::kName && words >= 2 && words <= 3) {
      m.rule = "first-name";
      m.accepted = true;
    }
  } else if (title_evidence) {
    m.rule = "title";
    m.accepted = true;
  } else if (strong_given && words >= 2) {
    m.rule = "first-name";
    m.accepted = true;
  } else if (words >= 2) {
    if (const char* cue = CueEvidence(text, tokens, first_index, next_index)) {
      m.rule = cue;
      m.accepted = true;
    }
  } else if (words == 1 && count == 1 && AgeFollows(text, tokens, next_index)) {
    m.rule = "age";
    m.accepted = true;

  } else if (words == 1 && count == 1 && first_index > 0 && next_index < tokens.size() &&
             TextOf(text, tokens[first_index - 1]) == "the" &&
             TextOf(text, tokens[next_index]) == "administration") {
    m.rule = "administration";
    m.accepted = true;
  }
  if (!m.accepted && words == 1 && count == 1 && !headline)
    m.cue = CueEvidence(text, tokens, first_index, next_index) != nullptr;
  m.weak_start = given == FirstNameKind::kAmbiguous && first.Is(NameToken::kSentenceStart);
  out.mentions.push_back(m);
}

// A title that starts before the chain and ends inside it: "Secretary of | State Ada Quinn"
// (the lower-case "of" broke the run). Returns the chain parts it takes, or 0.
size_t PersonRules::TitleAcrossStart(std::string_view text, const std::vector<NameToken>& tokens,
                                     const std::vector<NamePart>& chain) const {
  // The title takes chain parts and leaves at least one for the name.
  if (chain.size() < 2) return 0;
  const size_t first = chain[0].token;
  if (tokens[first].Is(NameToken::kParagraphBefore)) return 0;
  for (size_t back = 2; back <= 3 && back <= first; ++back) {
    // The title's first word is capitalised and begins some title.
    if (!tokens[first - back].Is(NameToken::kCap) ||
        !lex_->MayBeginTitle(TextOf(text, tokens[first - back]))) {
      continue;
    }
    LowerPhrase key;
    key.Add(TextOf(text, tokens[first - back]));
    // (MayBeginTitle passed: a filter slot ignores case, so Phrase alone answers BeginsTitle.)
    if (!lex_->Phrase(key.view()).has(PhraseInfo::kBeginsTitle)) continue;
    bool ok = true;
    for (size_t i = first - back + 1; i < first; ++i) {
      if (!tokens[i].Is(NameToken::kWord) || tokens[i].Is(NameToken::kDigit) ||
          tokens[i].Is(NameToken::kParagraphBefore)) {
        ok = false;
        break;
      }
      key.Add(TextOf(text, tokens[i]));
    }
    if (!ok) continue;
    for (size_t n = 0; n + back < lex_->max_title_words() && n + 1 < chain.size(); ++n) {
      if (chain[n].kind != NamePart::kWord) break;
      key.Add(TextOf(text, tokens[chain[n].token]));
      const TitleKind kind = lex_->Title(key.view());
      if (kind == TitleKind::kTitle || kind == TitleKind::kHonorific) return n + 1;
    }
  }
  return 0;
}

void PersonRules::ProcessChain(std::string_view text, const std::vector<NameToken>& tokens,
                               const std::vector<NamePart>& chain, NameCandidates& out) const {
  // The most common chain, a capitalised function word alone ("The", "But"), names no one: no
  // title fits in one part (TitleAcrossStart and TitleAt need a part after the title) and the
  // word splits itself off, leaving nothing to flush.
  if (chain.size() == 1 && SplitsChain(chain[0], /*at_segment_start=*/true)) return;
  size_t seg = 0, k = 0;
  // Title evidence for the first segment: a title across the chain's start, else one before it
  // (looked up when the first segment is flushed with parts in it: most chains never need it).
  int first_evidence = -1;  // -1 while not looked up
  if (const size_t n = TitleAcrossStart(text, tokens, chain); n > 0) {
    seg = k = n;
    first_evidence = 1;
  }
  bool title_evidence = false;  // for the segments after the first
  bool first_segment = true;
  auto evidence = [&]() {
    if (!first_segment) return title_evidence;
    if (first_evidence < 0) first_evidence = TitleBefore(text, tokens, chain[0].token) ? 1 : 0;
    return first_evidence == 1;
  };
  while (k < chain.size()) {
    if (const size_t n = TitleAt(text, tokens, chain, k); n > 0) {
      if (k > seg) Flush(text, tokens, chain.data() + seg, k - seg, evidence(), out);
      first_segment = false;
      k += n;
      seg = k;
      title_evidence = true;
      continue;
    }
    if (SplitsChain(chain[k], k == seg)) {
      if (k > seg) Flush(text, tokens, chain.data() + seg, k - seg, evidence(), out);
      first_segment = false;
      ++k;
      seg = k;
      title_evidence = false;
      continue;
    }
    ++k;
  }
  if (chain.size() > seg) Flush(text, tokens, chain.data() + seg, chain.size() - seg, evidence(), out);
}

void PersonRules::Find(std::string_view text, const std::vector<NameToken>& tokens,
                       NameCandidates& out) const {
  out.Clear();
  thread_local std::vector<NamePart> chain;  // scratch, reused across documents
  const size_t n = tokens.size();
  const NameToken* const token = tokens.data();  // (held here: `chain` and `out` grow in the loop)
  size_t i = 0;
  // (Only a capitalised word or a hyphenated one like "al-Assad" can be a name word: the
  // others are passed over in a tight loop.)
  constexpr uint32_t kMaybeName = NameToken::kCap | NameToken::kAsciiHyphen;
  while (i < n) {
    while (i < n && !token[i].Is(kMaybeName)) ++i;
    if (i == n) break;
    if (!IsNameWord(text, token[i])) {
      ++i;
      continue;
    }
    chain.clear();
    size_t j = i;
    while (j < n) {
      const NameToken& t = tokens[j];
      if (!chain.empty() && t.Is(NameToken::kParagraphBefore)) break;
      // A line break ends a chain at a headline or byline edge.
      constexpr uint32_t kLineKinds = NameToken::kHeadline | NameToken::kByline;
      if (!chain.empty() && t.Is(NameToken::kLineBreakBefore) &&
          ((t.flags | tokens[j - 1].flags) & kLineKinds) != 0) {
        break;
      }
      if (IsNameWord(text, t)) {
        const std::string_view w = TextOf(text, t);
        const bool dot_follows = j + 1 < n && IsPunct(text, tokens[j + 1], '.') &&
                                 tokens[j + 1].begin == t.end;
        NamePart p;
        p.token = static_cast<uint32_t>(j);
        p.end = t.end;
        if (w.size() == 1 && dot_follows) {
          p.kind = NamePart::kInitial;
          p.end = tokens[j + 1].end;
          chain.push_back(p);
          j += 2;
          continue;
        }
        // One lookup for all the exact-case tables say of the word; one filter slot for it and
        // the title filter below.
        const uint32_t slot = WordFilter::SlotOf(w);
        const WordInfo info = lex_->Word(w, slot);
        if (!chain.empty() && info.name_part == NamePartKind::kSuffix) {
          p.kind = NamePart::kSuffix;
          if (dot_follows && (w == "Jr" || w == "Sr")) {
            p.end = tokens[j + 1].end;
            chain.push_back(p);
            j += 2;
          } else {
            chain.push_back(p);
            ++j;
          }
          break;  // nothing follows a suffix
        }
        p.kind = NamePart::kWord;
        p.non_name = info.non_name;
        p.given = info.first_name;
        if (lex_->MayBeginTitleSlot(slot)) {
          LowerPhrase lower;
          lower.Add(w);
          const PhraseInfo phrase = lex_->Phrase(lower.view());
          p.title = phrase.title;
          p.begins_title = phrase.has(PhraseInfo::kBeginsTitle);
        }
        chain.push_back(p);
        ++j;
        continue;
      }
      // A particle between name words: "Ludwig van Beethoven", "Osama bin Laden".
      if (!chain.empty() && IsLowerWord(t) &&
          lex_->NamePart(TextOf(text, t)) == NamePartKind::kParticle && j + 1 < n &&
          IsNameWord(text, tokens[j + 1]) && !tokens[j + 1].Is(NameToken::kParagraphBefore)) {
        NamePart p;
        p.token = static_cast<uint32_t>(j);
        p.end = t.end;
        p.kind = NamePart::kParticle;
        chain.push_back(p);
        ++j;
        continue;
      }
      break;
    }
    if (!chain.empty()) ProcessChain(text, tokens, chain, out);
    i = j > i ? j : i + 1;
  }
}

}  // namespace accord::people
