#include "pipeline/resolve/name_cleanup.h"

namespace accord::resolve {
namespace {

bool IsSpace(char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r'; }

bool IsAsciiAlnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

// Byte by byte: the suffixes are a few bytes long, shorter than a call to memcmp.
inline bool EndsWith(std::string_view s, uint32_t start, uint32_t end, std::string_view suffix) {
  if (end - start < suffix.size()) return false;
  const char* tail = s.data() + end - suffix.size();
  for (size_t k = 0; k < suffix.size(); ++k)
    if (tail[k] != suffix[k]) return false;
  return true;
}

// A name that none of the rules below changes, by its first and last bytes: it neither starts
// with a blank or a t (as "the " does) nor ends other than in a letter or digit, unless it ends in
// an "s" after one. Most names are such; they are told without the loop and its set-up.
inline bool NothingToClean(std::string_view text, uint32_t start, uint32_t end) {
  if (start >= end) return false;
  const char first = text[start], last = text[end - 1];
  return !IsSpace(first) && first != 't' && first != 'T' && IsAsciiAlnum(last) &&
         ((last != 's' && last != 'S') || end - start < 2 || IsAsciiAlnum(text[end - 2]));
}

// CleanNameSpan for the names NothingToClean does not pass.
[[gnu::noinline]] bool CleanNameSpanByRules(std::string_view text, uint32_t& start, uint32_t& end) {
  bool changed = true;
  while (changed && start < end) {
    changed = false;
    while (start < end && IsSpace(text[start])) ++start, changed = true;
    while (start < end && IsSpace(text[end - 1])) --end, changed = true;
    if (start == end) break;
    // drop-leading-the
    std::string_view s = text.substr(start, end - start);
    if ((s.starts_with("the ") || s.starts_with("The ") || s.starts_with("the\n") ||
         s.starts_with("The\n")) && s.size() > 4) {
      start += 4;
      changed = true;
      continue;
    }
    // Most names end in a letter or digit, where the rules below find nothing (they look for a
    // possessive, a closing quote or punctuation), unless it is an "s" after a byte that is not
    // one ("'s", "’s").
    const char last = text[end - 1];
    if (IsAsciiAlnum(last) &&
        ((last != 's' && last != 'S') || end - start < 2 || IsAsciiAlnum(text[end - 2])))
      break;
    // drop-possessive
    for (std::string_view p : {"'s", "\xE2\x80\x99s", "'S"}) {
      if (EndsWith(text, start, end, p) && end - start > p.size()) {
        end -= static_cast<uint32_t>(p.size());
        changed = true;
      }
    }
    if (EndsWith(text, start, end, "s'") && end - start > 2) {
      --end;  // "Reuters'"
      changed = true;
    }
    // drop-trailing-punct
    if (start < end) {
      char c = text[end - 1];
      if (c == ',' || c == ';' || c == ':' || c == '!' || c == '?' || c == '"' || c == ')' ||
          c == ']' || c == '\'') {
        // A closing bracket stays when it closes one opened inside the name.
        if (!(c == ')' && s.find('(') != std::string_view::npos)) {
          --end;
          changed = true;
        }
      } else if (c == '.') {
        std::string_view name = text.substr(start, end - 1 - start);
        size_t sp = name.find_last_of(" \n");
        std::string_view last_word = sp == std::string_view::npos ? name : name.substr(sp + 1);
        bool abbreviation = last_word.find('.') != std::string_view::npos || last_word.size() <= 4;
        if (!abbreviation) {
          --end;
          changed = true;
        }
      } else if (EndsWith(text, start, end, "\xE2\x80\x9D") || EndsWith(text, start, end, "\xE2\x80\x99")) {
        end -= 3;  // curly closing quotes
        changed = true;
      }
    }
  }
  return start < end;
}

}  // namespace

bool CleanNameSpan(std::string_view text, uint32_t& start, uint32_t& end) {
  if (NothingToClean(text, start, end)) return true;
  return CleanNameSpanByRules(text, start, end);
}

std::string CollapseName(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool space = false, line_start = false;
  for (char c : s) {
    if (IsSpace(c)) {
      if (c == '\n') line_start = true;
      space = !out.empty();
      continue;
    }
    if (c == '>' && line_start) continue;
    line_start = false;
    if (space) out.push_back(' ');
    space = false;
    out.push_back(c);
  }
  return out;
}

void CleanNames(Document& doc) {
  std::erase_if(doc.entities, [&](Entity& e) {
    if (e.type == EntityType::kDate) return false;
    if (!CleanNameSpan(doc.text, e.start, e.end)) return true;
    if (e.canonical.empty()) e.canonical = CollapseName(doc.TextOf(e));
    return false;
  });
}

}  // namespace accord::resolve
