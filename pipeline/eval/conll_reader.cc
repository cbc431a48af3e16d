// Reads CoNLL column files into documents whose text is the tokens joined back: tokens of a
// sentence joined by one space, sentences by a newline; offsets are code points of that text.
//
// Two layouts, told apart by content:
//  - CoNLL-2003 style: token in the first column, tag in the last; blank lines end sentences;
//    "-DOCSTART-" lines start documents (doc_id FILE#N, or the id of a preceding
//    "# doc_id = ID" comment). Tags in IOB1, IOB2, BIOES or BILOU all decode with one rule: B,
//    S and U start an entity; I, E and L continue the open entity of the same type or start one
//    (IOB1, and IOB2 files that break the scheme, as conlleval reads them); E, S, L and U close
//    it; a bare tag without prefix is I.
//  - CoNLL-2012 *_conll: "#begin document (NAME); part NNN" ... "#end document"; the word in
//    column 4, the names in column 11 in bracket form ("(PERSON*", "*", "*)", "(GPE)");
//    doc_id NAME, or NAME#part when the part is not 000.
// The types covered are the --map destinations and every mapped type the file uses.
#include <filesystem>

#include "pipeline/eval/annotations.h"
#include "pipeline/lines.h"
#include "pipeline/utf8.h"

namespace accord::eval {

namespace fs = std::filesystem;

namespace {

std::vector<std::string_view> Columns(std::string_view line) {
  std::vector<std::string_view> cols;
  size_t i = 0;
  while (i < line.size()) {
    while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
    size_t j = i;
    while (j < line.size() && line[j] != ' ' && line[j] != '\t') ++j;
    if (j > i) cols.push_back(line.substr(i, j - i));
    i = j;
  }
  return cols;
}

// Builds one document's text and entities token by token.
class DocBuilder {
 public:
  DocBuilder(AnnotationSet& set, const TagMap& map, std::set<std::string>& seen)
      : set_(set), map_(map), seen_(seen) {}

  void Begin(std::string doc_id) {
    Finish();
    doc_ = AnnotatedDoc();
    doc_.doc_id = std::move(doc_id);
    doc_.text = std::string();
    open_ = true;
  }
  bool open() const { return open_; }
  bool has_tokens() const { return !doc_.text->empty(); }

  // Adds a token; returns its code-point span.
  std::pair<uint32_t, uint32_t> Token(std::string_view word) {
    std::string& text = *doc_.text;
    if (!sentence_start_) {
      text.push_back(' ');
      ++cp_;
    } else if (!text.empty()) {
      text.push_back('\n');
      ++cp_;
    }
    sentence_start_ = false;
    const uint32_t start = cp_;
    text.append(word);
    cp_ += static_cast<uint32_t>(utf8::CodePointCount(word));
    return {start, cp_};
  }
  void EndSentence() { sentence_start_ = true; }

  void Add(std::string_view tag, uint32_t start, uint32_t end) {
    auto mapped = map_.Apply(tag);
    if (!mapped) return;
    Annotation a;
    a.type = *mapped;
    a.start = start;
    a.end = end;
    seen_.insert(a.type);
    doc_.entities.push_back(std::move(a));
  }

  void Finish() {
    if (!open_) return;
    open_ = false;
    const std::string& text = *doc_.text;
    const utf8::CodePointIndex index(text);
    for (Annotation& a : doc_.entities) {
      a.text = text.substr(index.ToByte(a.start), index.ToByte(a.end) - index.ToByte(a.start));
    }
    SortEntities(doc_.entities);
    set_.docs.push_back(std::move(doc_));  // also an empty one: a document without article
    cp_ = 0;
    sentence_start_ = true;
  }

 private:
  AnnotationSet& set_;
  const TagMap& map_;
  std::set<std::string>& seen_;
  AnnotatedDoc doc_;
  bool open_ = false;
  bool sentence_start_ = true;
  uint32_t cp_ = 0;
};

void ParseIob(std::string_view content, const std::string& name, AnnotationSet& set,
              DocBuilder& builder) {
  const std::string base = fs::path(name).filename().string();
  int doc_count = 0;
  std::string pending_id;
  bool named = false;  // a doc_id comment opened the current document
  // The open entity.
  std::string type;
  uint32_t start = 0, end = 0;
  bool in_entity = false;
  auto close = [&]() {
    if (in_entity) builder.Add(type, start, end);
    in_entity = false;
  };
  auto begin_doc = [&]() {
    close();
    ++doc_count;
    builder.Begin(pending_id.empty() ? base + "#" + std::to_string(doc_count) : pending_id);
    pending_id.clear();
  };
  Lines lines(content);
  std::string_view line;
  while (lines.Next(line)) {
    const size_t line_no = lines.number();
    const auto cols = Columns(line);
    if (cols.empty()) {
      close();
      builder.EndSentence();
      continue;
    }
    if (cols[0] == "#" && cols.size() >= 3 &&
        (cols[1] == "doc_id" || cols[1] == "doc_id:" || cols[1] == "newdoc")) {
      // "# doc_id = ID", "# doc_id: ID", "# newdoc id = ID" start a document named ID.
      pending_id = std::string(cols.back());
      begin_doc();
      named = true;
      continue;
    }
    if (cols[0] == "-DOCSTART-") {
      // Each -DOCSTART- starts a document, except right after a doc_id comment that did.
      if (!named || builder.has_tokens()) begin_doc();
      named = false;
      continue;
    }
    if (!builder.open()) begin_doc();
    const std::string_view word = cols[0];
    const std::string_view tag = cols.size() >= 2 ? cols.back() : std::string_view("O");
    const auto [ts, te] = builder.Token(word);
    if (tag == "O" || tag == "_" || tag == "-") {
      close();
      continue;
    }
    char prefix = 'I';
    std::string_view t = tag;
    if (tag.size() > 2 && (tag[1] == '-' || tag[1] == '_')) {
      prefix = tag[0];
      t = tag.substr(2);
    }
    if (std::string_view("BIESLU").find(prefix) == std::string_view::npos) {
      set.skipped.push_back({name + ":" + std::to_string(line_no), "unknown tag " + std::string(tag)});
      close();
      continue;
    }
    const bool starts = prefix == 'B' || prefix == 'S' || prefix == 'U' || !in_entity || type != t;
    if (starts) {
      close();
      in_entity = true;
      type = std::string(t);
      start = ts;
    }
    end = te;
    if (prefix == 'E' || prefix == 'S' || prefix == 'L' || prefix == 'U') close();
  }
  close();
  builder.Finish();
}

void ParseConll2012(std::string_view content, const std::string& name, AnnotationSet& set,
                    DocBuilder& builder) {
  std::vector<std::pair<std::string, uint32_t>> stack;  // open names: type, start
  Lines lines(content);
  std::string_view line;
  while (lines.Next(line)) {
    const size_t line_no = lines.number();
    if (line.rfind("#begin document", 0) == 0) {
      // #begin document (NAME); part 000
      std::string id;
      const size_t open = line.find('('), close = line.find(')', open);
      if (open != std::string_view::npos && close != std::string_view::npos) {
        id = std::string(line.substr(open + 1, close - open - 1));
      }
      const size_t part = line.find("part ");
      if (part != std::string_view::npos) {
        const std::string_view p = line.substr(part + 5);
        if (p.find_first_not_of('0') != std::string_view::npos) id += "#" + std::string(p);
      }
      builder.Begin(id.empty() ? name : id);
      stack.clear();
      continue;
    }
    if (line.rfind("#end document", 0) == 0) {
      builder.Finish();
      continue;
    }
    const auto cols = Columns(line);
    if (cols.empty()) {
      builder.EndSentence();
      continue;
    }
    if (cols[0].front() == '#') continue;
    if (!builder.open()) builder.Begin(name);
    if (cols.size() < 11) {
      set.skipped.push_back({name + ":" + std::to_string(line_no), "fewer than 11 columns"});
      continue;
    }
    const auto [ts, te] = builder.Token(cols[3]);
    std::string_view ne = cols[10];
    // "(TYPE*" opens, "*)" closes, "(TYPE)" both, "*" nothing.
    while (!ne.empty()) {
      if (ne.front() == '(') {
        size_t j = 1;
        while (j < ne.size() && ne[j] != '*' && ne[j] != ')' && ne[j] != '(') ++j;
        stack.emplace_back(std::string(ne.substr(1, j - 1)), ts);
        ne.remove_prefix(j);
      } else if (ne.front() == ')') {
        if (stack.empty()) {
          set.skipped.push_back({name + ":" + std::to_string(line_no), "unbalanced ')'"});
        } else {
          builder.Add(stack.back().first, stack.back().second, te);
          stack.pop_back();
        }
        ne.remove_prefix(1);
      } else {
        ne.remove_prefix(1);
      }
    }
  }
  builder.Finish();
}

}  // namespace

StatusOr<AnnotationSet> ParseConll(std::string_view content, const std::string& name,
                                   const ReadOptions& options) {
  AnnotationSet set;
  set.path = name;
  set.format = "conll";
  if (!utf8::IsValid(content)) return DataLoss(name + ": not valid UTF-8");
  std::set<std::string> seen;
  DocBuilder builder(set, options.map, seen);
  if (content.find("#begin document") != std::string_view::npos) {
    ParseConll2012(content, name, set, builder);
  } else {
    ParseIob(content, name, set, builder);
  }
  std::set<std::string> types = options.map.Destinations();
  types.insert(seen.begin(), seen.end());
  for (AnnotatedDoc& d : set.docs) d.types = types;
  return set;
}

StatusOr<AnnotationSet> ReadConll(const std::string& path, const ReadOptions& options) {
  auto content = ReadWholeFile(path);
  if (!content.ok()) return content.status();
  return ParseConll(*content, path, options);
}

}  // namespace accord::eval
