#include "pipeline/sinks/conll_sink.h"

namespace accord {

void ConllSink::Render(const Document& doc, std::string& out) const {
  out += "-DOCSTART-\tO\n\n";
  const std::string& norm = doc.norm.text();
  size_t sentence = 0;   // the next sentence whose start opens a new block
  size_t entity = 0;     // the first entity that may still cover a token
  const Entity* open = nullptr;  // the entity the previous token was tagged with
  bool line_pending = false;     // the current sentence has tokens
  for (const Token& t : doc.tokens) {
    if (t.end <= t.begin || t.end > norm.size()) continue;
    bool new_sentence = false;
    while (sentence < doc.sentences.size() && doc.sentences[sentence].begin <= t.begin) {
      new_sentence = true;
      ++sentence;
    }
    if (new_sentence && line_pending) {
      out.push_back('\n');
      line_pending = false;
      open = nullptr;
    }
    const auto [rb, re] = doc.norm.ToRaw(t.begin, t.end);
    while (entity < doc.entities.size() && doc.entities[entity].end <= rb) ++entity;
    const Entity* inside = nullptr;
    for (size_t k = entity; k < doc.entities.size() && doc.entities[k].start <= rb; ++k) {
      const Entity& e = doc.entities[k];
      if (e.start <= rb && re <= e.end) {
        inside = &e;
        break;
      }
    }
    for (char c : std::string_view(norm).substr(t.begin, t.end - t.begin))
      out.push_back(c == ' ' || c == '\t' || c == '\n' || c == '\r' ? '_' : c);
    out.push_back('\t');
    if (inside == nullptr) {
      out.push_back('O');
    } else {
      out += inside == open ? "I-" : "B-";
      out += EntityTypeName(inside->type);
    }
    out.push_back('\n');
    open = inside;
    line_pending = true;
  }
  if (line_pending) out.push_back('\n');
}

}  // namespace accord
