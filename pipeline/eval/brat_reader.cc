// Reads BRAT standoff: a folder of NAME.txt / NAME.ann pairs (or one .ann file beside its .txt).
// doc_id = NAME. Text-bound annotations "T1<TAB>TYPE START END<TAB>text" become entities (offsets
// are code points of the .txt, as BRAT counts them). Discontinuous spans ("START END;START END"),
// relations (R), events (E), attributes (A, M), normalizations (N), equivalences (*) and notes
// (#) are reported as skipped lines, never as errors. The types covered are the [entities] of
// an annotation.conf in the folder when there is one, else the --map destinations and every
// mapped type the files use.
#include <algorithm>
#include <filesystem>

#include "pipeline/eval/annotations.h"
#include "pipeline/utf8.h"

namespace accord::eval {

namespace fs = std::filesystem;

namespace {

std::vector<std::string_view> SplitLines(std::string_view s) {
  std::vector<std::string_view> lines;
  size_t pos = 0;
  while (pos <= s.size()) {
    size_t nl = s.find('\n', pos);
    if (nl == std::string_view::npos) nl = s.size();
    std::string_view line = s.substr(pos, nl - pos);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    lines.push_back(line);
    pos = nl + 1;
  }
  return lines;
}

// The [entities] section of annotation.conf (one type a line, tab-indented children too).
std::set<std::string> ConfTypes(const fs::path& conf, const TagMap& map) {
  std::set<std::string> types;
  auto content = ReadWholeFile(conf.string());
  if (!content.ok()) return types;
  bool in_entities = false;
  for (std::string_view line : SplitLines(*content)) {
    const size_t b = line.find_first_not_of(" \t");
    if (b == std::string_view::npos || line[b] == '#') continue;
    line = line.substr(b);
    if (line.front() == '[') {
      in_entities = line.substr(0, 10) == "[entities]";
      continue;
    }
    if (!in_entities || line.front() == '!') continue;
    const size_t e = line.find_first_of(" \t");
    if (auto mapped = map.Apply(line.substr(0, e))) types.insert(*mapped);
  }
  return types;
}

Status ReadPair(const fs::path& ann_path, const ReadOptions& options, AnnotationSet& set,
                std::set<std::string>& seen) {
  fs::path txt_path = ann_path;
  txt_path.replace_extension(".txt");
  auto text = ReadWholeFile(txt_path.string());
  if (!text.ok()) return NotFound(ann_path.string() + ": no text file " + txt_path.string());
  auto ann = ReadWholeFile(ann_path.string());
  if (!ann.ok()) return ann.status();
  if (!utf8::IsValid(*text)) return DataLoss(txt_path.string() + ": not valid UTF-8");
  const size_t length = utf8::CodePointCount(*text);

  AnnotatedDoc doc;
  doc.doc_id = ann_path.stem().string();
  doc.source["path"] = txt_path.filename().string();
  size_t line_no = 0;
  for (std::string_view line : SplitLines(*ann)) {
    ++line_no;
    if (line.find_first_not_of(" \t") == std::string_view::npos) continue;
    const std::string where = ann_path.string() + ":" + std::to_string(line_no);
    if (line.front() != 'T') {
      const char kind = line.front();
      set.skipped.push_back({where, kind == 'R'   ? "relation"
                                    : kind == 'E' ? "event"
                                    : kind == '#' ? "note"
                                                  : "not a text-bound annotation"});
      continue;
    }
    const size_t tab1 = line.find('\t');
    if (tab1 == std::string_view::npos) return DataLoss(where + ": no tab after the id");
    const size_t tab2 = line.find('\t', tab1 + 1);
    std::string_view middle = line.substr(tab1 + 1, tab2 == std::string_view::npos
                                                        ? std::string_view::npos
                                                        : tab2 - tab1 - 1);
    if (middle.find(';') != std::string_view::npos) {
      set.skipped.push_back({where, "discontinuous span"});
      continue;
    }
    const size_t sp1 = middle.find(' ');
    const size_t sp2 = sp1 == std::string_view::npos ? sp1 : middle.find(' ', sp1 + 1);
    if (sp2 == std::string_view::npos) return DataLoss(where + ": expected TYPE START END");
    Annotation a;
    const std::string tag(middle.substr(0, sp1));
    try {
      a.start = static_cast<uint32_t>(std::stoul(std::string(middle.substr(sp1 + 1, sp2 - sp1 - 1))));
      a.end = static_cast<uint32_t>(std::stoul(std::string(middle.substr(sp2 + 1))));
    } catch (...) {
      return DataLoss(where + ": offsets are not numbers");
    }
    if (a.end < a.start || a.end > length) {
      return DataLoss(where + ": span [" + std::to_string(a.start) + ", " + std::to_string(a.end) +
                      ") does not fit the text (" + std::to_string(length) + " code points)");
    }
    auto mapped = options.map.Apply(tag);
    if (!mapped) continue;
    a.type = *mapped;
    if (tab2 != std::string_view::npos) a.text = std::string(line.substr(tab2 + 1));
    seen.insert(a.type);
    doc.entities.push_back(std::move(a));
  }
  SortEntities(doc.entities);
  doc.text = std::move(*text);
  set.docs.push_back(std::move(doc));
  return Status::Ok();
}

}  // namespace

StatusOr<AnnotationSet> ReadBrat(const std::string& dir_or_file, const ReadOptions& options) {
  AnnotationSet set;
  set.path = dir_or_file;
  set.format = "brat";
  std::vector<fs::path> anns;
  std::error_code ec;
  fs::path dir;
  if (fs::is_directory(dir_or_file, ec)) {
    dir = dir_or_file;
    for (const auto& entry : fs::recursive_directory_iterator(dir_or_file, ec)) {
      if (entry.is_regular_file() && entry.path().extension() == ".ann") anns.push_back(entry.path());
    }
    std::sort(anns.begin(), anns.end());
    if (anns.empty()) return NotFound(dir_or_file + ": no .ann files");
  } else {
    anns.push_back(dir_or_file);
    dir = fs::path(dir_or_file).parent_path();
  }
  std::set<std::string> seen;
  for (const fs::path& p : anns) ACCORD_RETURN_IF_ERROR(ReadPair(p, options, set, seen));
  std::set<std::string> types;
  if (fs::is_regular_file(dir / "annotation.conf", ec)) types = ConfTypes(dir / "annotation.conf", options.map);
  if (types.empty()) {
    types = options.map.Destinations();
    types.insert(seen.begin(), seen.end());
  }
  for (AnnotatedDoc& d : set.docs) d.types = types;
  return set;
}

}  // namespace accord::eval
