#include "pipeline/ingest/html_text.h"

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#include <array>
#include <cstring>
#include <memory>
#include <mutex>
#include <string_view>

#include <absl/container/flat_hash_map.h>

namespace accord::ingest {
namespace {

// What the walk does with an element: skip it with its content, or end a line before and after
// it (<pre> also keeps its white space), or neither.
enum class Element { kOther, kSkipped, kBlock, kPre };

Element Classify(const char* name) {
  static const auto* const kElements = new absl::flat_hash_map<std::string_view, Element>{
      {"script", Element::kSkipped}, {"style", Element::kSkipped},   {"head", Element::kSkipped},
      {"title", Element::kSkipped},  {"noscript", Element::kSkipped}, {"pre", Element::kPre},
      {"p", Element::kBlock},        {"div", Element::kBlock},       {"br", Element::kBlock},
      {"li", Element::kBlock},       {"ul", Element::kBlock},        {"ol", Element::kBlock},
      {"tr", Element::kBlock},       {"table", Element::kBlock},     {"h1", Element::kBlock},
      {"h2", Element::kBlock},       {"h3", Element::kBlock},        {"h4", Element::kBlock},
      {"h5", Element::kBlock},       {"h6", Element::kBlock},        {"blockquote", Element::kBlock},
      {"hr", Element::kBlock},       {"dd", Element::kBlock},        {"dt", Element::kBlock},
      {"dl", Element::kBlock},       {"section", Element::kBlock},   {"article", Element::kBlock},
      {"header", Element::kBlock},   {"footer", Element::kBlock},    {"address", Element::kBlock},
      {"center", Element::kBlock},   {"body", Element::kBlock}};
  const auto it = kElements->find(std::string_view(name));
  return it == kElements->end() ? Element::kOther : it->second;
}

void EndLine(std::string* out) {
  if (!out->empty() && out->back() != '\n') out->push_back('\n');
}

// The white space folded outside <pre>, as a browser folds it; kEndsWord also has the NUL that
// ends libxml2's text.
constexpr std::array<bool, 256> kFoldedSpace = [] {
  std::array<bool, 256> t{};
  for (unsigned char c : {' ', '\t', '\n', '\r', '\f'}) t[c] = true;
  return t;
}();
constexpr std::array<bool, 256> kEndsWord = [] {
  std::array<bool, 256> t = kFoldedSpace;
  t[0] = true;
  return t;
}();

// Appends text, folding runs of white space to one space outside <pre> (as a browser shows it).
void AppendText(const char* text, bool pre, std::string* out) {
  if (pre) {
    out->append(text);
    return;
  }
  const auto* p = reinterpret_cast<const unsigned char*>(text);
  while (*p != '\0') {
    if (kFoldedSpace[*p]) {  // a run of white space is one space at most
      if (!out->empty() && out->back() != ' ' && out->back() != '\n') out->push_back(' ');
      do ++p;
      while (kFoldedSpace[*p]);
    } else {
      const auto* word = p;
      do ++p;
      while (!kEndsWord[*p]);
      out->append(reinterpret_cast<const char*>(word), p - word);
    }
  }
}

// Classify for the names of one parse. libxml2 keeps element names in its dictionary, so a
// name met again is mostly the same pointer: the answers are kept by address (a pointer into the
// live document always names the same element).
class ElementKinds {
 public:
  Element Of(const xmlChar* name) {
    for (size_t i = 0; i < size_; ++i)
      if (names_[i] == name) return kinds_[i];
    const Element kind = Classify(reinterpret_cast<const char*>(name));
    if (size_ < kMax) {
      names_[size_] = name;
      kinds_[size_++] = kind;
    }
    return kind;
  }

 private:
  static constexpr size_t kMax = 16;
  std::array<const xmlChar*, kMax> names_{};
  std::array<Element, kMax> kinds_{};
  size_t size_ = 0;
};

// Iterative walk (no recursion: deeply nested markup must not exhaust the stack).
void Walk(xmlNode* root, std::string* out) {
  xmlNode* node = root;
  int pre_depth = 0;
  ElementKinds kinds;
  while (node != nullptr) {
    bool descend = false;
    if (node->type == XML_ELEMENT_NODE) {
      const Element kind = kinds.Of(node->name);
      if (kind != Element::kSkipped) {
        const bool block = kind == Element::kBlock || kind == Element::kPre;
        if (block) EndLine(out);
        if (kind == Element::kPre) ++pre_depth;
        descend = node->children != nullptr;
        if (!descend) {
          if (block) EndLine(out);
          if (kind == Element::kPre) --pre_depth;
        }
      }
    } else if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE) {
      if (node->content != nullptr) AppendText(reinterpret_cast<const char*>(node->content), pre_depth > 0, out);
    }
    if (descend) {
      node = node->children;
      continue;
    }
    // Move to the next sibling, closing the elements we leave.
    while (node != nullptr && node->next == nullptr) {
      node = node->parent;
      if (node == nullptr || node == root->parent) return;
      if (node->type == XML_ELEMENT_NODE) {
        const Element kind = kinds.Of(node->name);
        if (kind == Element::kBlock || kind == Element::kPre) EndLine(out);
        if (kind == Element::kPre) --pre_depth;
      }
      if (node == root) return;
    }
    if (node != nullptr) node = node->next;
  }
}

}  // namespace

std::string HtmlToText(std::string_view html) {
  std::string out;
  if (html.empty()) return out;
  static std::once_flag once;
  std::call_once(once, [] { xmlInitParser(); });  // libxml2's globals, before any thread parses
  // One parser context per thread, reset for each document. Its dictionary keeps the names and
  // short texts it has seen, so it is replaced now and then to keep memory bounded.
  struct CtxtFree {
    void operator()(htmlParserCtxtPtr c) const { htmlFreeParserCtxt(c); }
  };
  constexpr int kDocumentsPerContext = 256;
  thread_local std::unique_ptr<htmlParserCtxt, CtxtFree> ctxt;
  thread_local int uses = 0;
  if (ctxt == nullptr || ++uses > kDocumentsPerContext) {
    ctxt.reset(htmlNewParserCtxt());
    uses = 1;
    if (ctxt == nullptr) return out;
  }
  htmlDocPtr doc = htmlCtxtReadMemory(ctxt.get(), html.data(), static_cast<int>(html.size()), nullptr, "UTF-8",
                                      HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                                          HTML_PARSE_NONET | HTML_PARSE_NOBLANKS | HTML_PARSE_NODEFDTD |
                                          HTML_PARSE_COMPACT);
  if (doc == nullptr) return out;
  xmlNode* root = xmlDocGetRootElement(doc);
  if (root != nullptr) Walk(root, &out);
  xmlFreeDoc(doc);
  // No trailing spaces before line breaks, one final newline. Done in place, a line at a time.
  size_t kept = 0;
  for (size_t pos = 0; pos < out.size();) {
    const size_t eol = out.find('\n', pos);
    size_t end = eol == std::string::npos ? out.size() : eol;
    if (eol != std::string::npos)
      while (end > pos && out[end - 1] == ' ') --end;
    if (kept != pos) std::memmove(out.data() + kept, out.data() + pos, end - pos);
    kept += end - pos;
    if (eol == std::string::npos) break;
    out[kept++] = '\n';
    pos = eol + 1;
  }
  out.resize(kept);
  while (!out.empty() && (out.back() == ' ' || out.back() == '\n')) out.pop_back();
  const size_t first = out.find_first_not_of('\n');
  if (first == std::string::npos) return {};
  out.erase(0, first);
  out.push_back('\n');
  return out;
}

}  // namespace accord::ingest
