// Reads BRAT standoff: a folder of NAME.txt / NAME.ann pairs (or one .ann file beside its .txt).
// doc_id = NAME. Text-bound annotations "T1<TAB>TYPE START END<TAB>text" become entities (offsets
// are code points of the .txt, as BRAT counts them). Fragments separated only by whitespace
// ("10 16;17 24" over a line break, as BRAT writes a span that wraps) make one span; other
// discontinuous spans, relations (R), events (E), attributes (A, M), normalizations (N),
// equivalences (*) and other notes are reported as skipped lines, never as errors. An
// "AnnotatorNotes" note of the form "canonical=...; code=...; value=...; kind=..." (what
// `accord extract --format brat` writes) gives the attributes of its T annotation. The types covered are the [entities] of
// an annotation.conf in the folder when there is one, else the --map destinations and every
// mapped type the files use.
#include <algorithm>
#include <filesystem>
#include <map>

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

// True when only whitespace lies between consecutive fragments.
bool GapsAreSpace(const std::u32string& cps, const std::vector<std::pair<uint32_t, uint32_t>>& f) {
  for (size_t i = 1; i < f.size(); ++i) {
    if (f[i].first < f[i - 1].second) return false;
    for (uint32_t k = f[i - 1].second; k < f[i].first; ++k) {
      const char32_t c = cps[k];
      if (c != ' ' && c != '\t' && c != '\n' && c != '\r' && c != 0xA0) return false;
    }
  }
  return true;
}

// "#1<TAB>AnnotatorNotes T3<TAB>canonical=X; code=Y" -> attributes of T3. False when the note
// names no known annotation or holds no attribute.
bool ApplyNote(std::string_view line, const std::map<std::string, size_t>& ids,
               std::vector<Annotation>& entities) {
  const size_t a = line.find("\tAnnotatorNotes ");
  const size_t id_start = a + 16;
  const size_t tab = line.find('\t', id_start);
  if (tab == std::string_view::npos) return false;
  auto it = ids.find(std::string(line.substr(id_start, tab - id_start)));
  if (it == ids.end()) return false;
  Annotation& e = entities[it->second];
  bool any = false;
  std::string_view rest = line.substr(tab + 1);
  while (!rest.empty()) {
    const size_t semi = rest.find("; ");
    std::string_view item = rest.substr(0, semi);
    rest = semi == std::string_view::npos ? std::string_view() : rest.substr(semi + 2);
    const size_t eq = item.find('=');
    if (eq == std::string_view::npos) continue;
    const std::string_view key = item.substr(0, eq);
    std::string value(item.substr(eq + 1));
    if (key == "canonical") e.canonical = std::move(value);
    else if (key == "code") e.code = std::move(value);
    else if (key == "value") e.value = std::move(value);
    else if (key == "kind") e.kind = std::move(value);
    else continue;
    any = true;
  }
  return any;
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

  std::u32string cps;  // the text as code points, for the gaps between fragments
  for (size_t i = 0; i < text->size();) cps.push_back(utf8::Next(*text, i));
  std::map<std::string, size_t> ids;  // T id -> entity index
  AnnotatedDoc doc;
  doc.doc_id = ann_path.stem().string();
  doc.source["path"] = txt_path.filename().string();
  size_t line_no = 0;
  for (std::string_view line : SplitLines(*ann)) {
    ++line_no;
    if (line.find_first_not_of(" \t") == std::string_view::npos) continue;
    const std::string where = ann_path.string() + ":" + std::to_string(line_no);
    if (line.front() == '#' && line.find("\tAnnotatorNotes ") != std::string_view::npos) {
      if (ApplyNote(line, ids, doc.entities)) continue;
    }
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
    const size_t sp1 = middle.find(' ');
    if (sp1 == std::string_view::npos) return DataLoss(where + ": expected TYPE START END");
    const std::string tag(middle.substr(0, sp1));
    // "START END" or fragments "START END;START END...".
    std::vector<std::pair<uint32_t, uint32_t>> fragments;
    std::string_view rest = middle.substr(sp1 + 1);
    while (!rest.empty()) {
      const size_t semi = rest.find(';');
      const std::string_view frag = rest.substr(0, semi);
      const size_t sp = frag.find(' ');
      if (sp == std::string_view::npos) return DataLoss(where + ": expected TYPE START END");
      try {
        fragments.emplace_back(static_cast<uint32_t>(std::stoul(std::string(frag.substr(0, sp)))),
                               static_cast<uint32_t>(std::stoul(std::string(frag.substr(sp + 1)))));
      } catch (...) {
        return DataLoss(where + ": offsets are not numbers");
      }
      const auto [b, e] = fragments.back();
      if (e < b || e > length) {
        return DataLoss(where + ": span [" + std::to_string(b) + ", " + std::to_string(e) +
                        ") does not fit the text (" + std::to_string(length) + " code points)");
      }
      rest = semi == std::string_view::npos ? std::string_view() : rest.substr(semi + 1);
    }
    if (fragments.size() > 1 && !GapsAreSpace(cps, fragments)) {
      set.skipped.push_back({where, "discontinuous span"});
      continue;
    }
    auto mapped = options.map.Apply(tag);
    if (!mapped) continue;
    Annotation a;
    a.type = *mapped;
    a.start = fragments.front().first;
    a.end = fragments.back().second;
    if (tab2 != std::string_view::npos) a.text = std::string(line.substr(tab2 + 1));
    seen.insert(a.type);
    ids[std::string(line.substr(0, tab1))] = doc.entities.size();
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
