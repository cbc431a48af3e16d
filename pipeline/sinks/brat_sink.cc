#include "pipeline/sinks/brat_sink.h"

#include <cstdio>
#include <filesystem>

#include "pipeline/sinks/offsets.h"

namespace accord {
namespace {

Status WriteFile(const std::string& path, std::string_view content) {
  std::FILE* f = std::fopen(path.c_str(), "wb");
  if (f == nullptr) return IoError(path + ": cannot open for writing");
  const bool ok = std::fwrite(content.data(), 1, content.size(), f) == content.size();
  return (std::fclose(f) == 0 && ok) ? Status::Ok() : IoError(path + ": write failed");
}

constexpr std::string_view kAnnotationConf =
    "[entities]\nPERSON\nORGANIZATION\nNATION\nDATE\n[relations]\n[events]\n[attributes]\n";

// A note value must stay on one line.
std::string OneLine(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  return out;
}

}  // namespace

std::string FormatBratAnnotations(const Document& doc) {
  std::string ann;
  CodePointCursor cursor(doc.text);
  int n = 0;
  for (const Entity& e : doc.entities) {
    ++n;
    // Fragments: the entity's lines (brat spans may not cross a newline).
    std::string offsets, text;
    size_t b = e.start;
    while (b < e.end) {
      size_t eol = b;
      while (eol < e.end && doc.text[eol] != '\n' && doc.text[eol] != '\r') ++eol;
      if (eol > b) {
        const size_t cb = cursor.ToCodePoint(b);
        const size_t ce = cursor.ToCodePointFrom(b, cb, eol);
        if (!offsets.empty()) {
          offsets += ';';
          text += ' ';
        }
        offsets += std::to_string(cb) + ' ' + std::to_string(ce);
        text.append(doc.text, b, eol - b);
      }
      b = eol + 1;
    }
    if (offsets.empty()) {  // an empty span: keep it visible where it is
      const size_t c = cursor.ToCodePoint(e.start);
      offsets = std::to_string(c) + ' ' + std::to_string(c);
    }
    ann += 'T' + std::to_string(n) + '\t' + std::string(EntityTypeName(e.type)) + ' ' + offsets +
           '\t' + OneLine(text) + '\n';
    std::string note;
    if (e.type == EntityType::kDate) {
      note = "value=" + e.value + "; kind=" + (e.kind.empty() ? std::string("date") : e.kind);
    } else {
      note = "canonical=" + (e.canonical.empty() ? std::string(doc.TextOf(e)) : e.canonical);
      if (e.type == EntityType::kNation) note += "; code=" + e.code;
    }
    ann += '#' + std::to_string(n) + "\tAnnotatorNotes T" + std::to_string(n) + '\t' + OneLine(note) +
           '\n';
  }
  return ann;
}

std::string BratDocumentName(uint64_t number) {
  char name[32];
  std::snprintf(name, sizeof name, "doc-%06llu", static_cast<unsigned long long>(number));
  return name;
}

Status BratSink::Begin() {
  std::error_code ec;
  std::filesystem::create_directories(folder_, ec);
  if (ec) return IoError(folder_ + ": cannot create folder: " + ec.message());
  return WriteFile(folder_ + "/annotation.conf", kAnnotationConf);
}

Status BratSink::Write(const Document& doc) {
  const std::string base = folder_ + "/" + BratDocumentName(++count_);
  ACCORD_RETURN_IF_ERROR(WriteFile(base + ".txt", doc.text));
  return WriteFile(base + ".ann", FormatBratAnnotations(doc));
}

}  // namespace accord
