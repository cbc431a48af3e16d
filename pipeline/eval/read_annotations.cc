// Picks the reader for an annotation file or folder (annotations.h); file reading and sorting the readers share.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "pipeline/eval/annotations.h"

namespace accord::eval {

namespace fs = std::filesystem;

StatusOr<AnnotationFormat> ParseAnnotationFormat(std::string_view name) {
  if (name == "auto") return AnnotationFormat::kAuto;
  if (name == "jsonl" || name == "accord") return AnnotationFormat::kJsonl;
  if (name == "brat") return AnnotationFormat::kBrat;
  if (name == "conll") return AnnotationFormat::kConll;
  if (name == "timeml" || name == "tml") return AnnotationFormat::kTimeml;
  return InvalidArgument("unknown annotation format '" + std::string(name) +
                         "' (auto, jsonl, brat, conll, timeml)");
}

std::string_view AnnotationFormatName(AnnotationFormat f) {
  switch (f) {
    case AnnotationFormat::kAuto: return "auto";
    case AnnotationFormat::kJsonl: return "jsonl";
    case AnnotationFormat::kBrat: return "brat";
    case AnnotationFormat::kConll: return "conll";
    case AnnotationFormat::kTimeml: return "timeml";
  }
  return "auto";
}

StatusOr<std::string> ReadWholeFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return NotFound(path + ": cannot open");
  std::ostringstream ss;
  ss << in.rdbuf();
  if (in.bad()) return IoError(path + ": read failed");
  return ss.str();
}

void SortEntities(std::vector<Annotation>& entities) {
  std::stable_sort(entities.begin(), entities.end(), [](const Annotation& a, const Annotation& b) {
    if (a.start != b.start) return a.start < b.start;
    if (a.end != b.end) return a.end < b.end;
    return a.type < b.type;
  });
}

namespace {

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

AnnotationFormat DetectFormat(const std::string& path) {
  std::error_code ec;
  if (fs::is_directory(path, ec)) {
    bool tml = false;
    for (const auto& entry : fs::directory_iterator(path, ec)) {
      const std::string name = entry.path().filename().string();
      if (EndsWith(name, ".ann")) return AnnotationFormat::kBrat;
      if (EndsWith(name, ".tml")) tml = true;
    }
    return tml ? AnnotationFormat::kTimeml : AnnotationFormat::kBrat;
  }
  if (EndsWith(path, ".tml") || EndsWith(path, ".tml.xml")) return AnnotationFormat::kTimeml;
  if (EndsWith(path, ".ann")) return AnnotationFormat::kBrat;
  if (EndsWith(path, ".jsonl") || EndsWith(path, ".json")) return AnnotationFormat::kJsonl;
  if (EndsWith(path, "_conll") || EndsWith(path, ".conll") || EndsWith(path, ".iob") ||
      EndsWith(path, ".bio") || EndsWith(path, ".conllu") || EndsWith(path, ".tsv")) {
    return AnnotationFormat::kConll;
  }
  // Sniff: a JSON object on the first line, else column text.
  std::ifstream in(path);
  std::string first;
  std::getline(in, first);
  const size_t p = first.find_first_not_of(" \t");
  if (p != std::string::npos && first[p] == '{') return AnnotationFormat::kJsonl;
  if (first.find("<TimeML") != std::string::npos || first.find("<?xml") != std::string::npos) {
    return AnnotationFormat::kTimeml;
  }
  return AnnotationFormat::kConll;
}

}  // namespace

StatusOr<AnnotationSet> ReadAnnotations(const std::string& path, const ReadOptions& options) {
  std::error_code ec;
  if (!fs::exists(path, ec)) return NotFound(path + ": no such file or folder");
  AnnotationFormat format = options.format;
  if (format == AnnotationFormat::kAuto) format = DetectFormat(path);
  switch (format) {
    case AnnotationFormat::kJsonl: return ReadAccordJsonl(path, options);
    case AnnotationFormat::kBrat: return ReadBrat(path, options);
    case AnnotationFormat::kConll: return ReadConll(path, options);
    case AnnotationFormat::kTimeml: return ReadTimeml(path, options);
    case AnnotationFormat::kAuto: break;
  }
  return Internal("no reader for " + path);
}

}  // namespace accord::eval
