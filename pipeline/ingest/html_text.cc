#include "pipeline/ingest/html_text.h"

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#include <cstring>
#include <memory>
#include <mutex>

namespace accord::ingest {
namespace {

bool IsOneOf(const char* name, std::initializer_list<const char*> names) {
  for (const char* n : names)
    if (std::strcmp(name, n) == 0) return true;
  return false;
}

bool IsSkipped(const char* name) { return IsOneOf(name, {"script", "style", "head", "title", "noscript"}); }

bool IsBlock(const char* name) {
  return IsOneOf(name, {"p", "div", "br", "li", "ul", "ol", "tr", "table", "h1", "h2", "h3", "h4", "h5",
                        "h6", "blockquote", "pre", "hr", "dd", "dt", "dl", "section", "article",
                        "header", "footer", "address", "center", "body"});
}

void EndLine(std::string* out) {
  if (!out->empty() && out->back() != '\n') out->push_back('\n');
}

// Appends text, folding runs of white space to one space outside <pre> (as a browser shows it).
void AppendText(const char* text, bool pre, std::string* out) {
  if (pre) {
    out->append(text);
    return;
  }
  for (const char* p = text; *p != '\0'; ++p) {
    const char c = *p;
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') {
      if (!out->empty() && out->back() != ' ' && out->back() != '\n') out->push_back(' ');
    } else {
      out->push_back(c);
    }
  }
}

// Iterative walk (no recursion: deeply nested markup must not exhaust the stack).
void Walk(xmlNode* root, std::string* out) {
  xmlNode* node = root;
  int pre_depth = 0;
  while (node != nullptr) {
    bool descend = false;
    if (node->type == XML_ELEMENT_NODE) {
      const char* name = reinterpret_cast<const char*>(node->name);
      if (!IsSkipped(name)) {
        if (IsBlock(name)) EndLine(out);
        if (std::strcmp(name, "pre") == 0) ++pre_depth;
        descend = node->children != nullptr;
        if (!descend) {
          if (IsBlock(name)) EndLine(out);
          if (std::strcmp(name, "pre") == 0) --pre_depth;
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
        const char* name = reinterpret_cast<const char*>(node->name);
        if (IsBlock(name)) EndLine(out);
        if (std::strcmp(name, "pre") == 0) --pre_depth;
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
                                          HTML_PARSE_NONET | HTML_PARSE_NOBLANKS);
  if (doc == nullptr) return out;
  xmlNode* root = xmlDocGetRootElement(doc);
  if (root != nullptr) Walk(root, &out);
  xmlFreeDoc(doc);
  // No trailing spaces before line breaks, one final newline.
  std::string clean;
  clean.reserve(out.size() + 1);
  for (char c : out) {
    if (c == '\n')
      while (!clean.empty() && clean.back() == ' ') clean.pop_back();
    clean.push_back(c);
  }
  while (!clean.empty() && (clean.back() == ' ' || clean.back() == '\n')) clean.pop_back();
  const size_t first = clean.find_first_not_of('\n');
  if (first == std::string::npos) return {};
  clean.erase(0, first);
  clean.push_back('\n');
  return clean;
}

}  // namespace accord::ingest
