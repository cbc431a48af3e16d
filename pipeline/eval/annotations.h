// Annotation files as `accord eval` compares them: documents with their text and entity spans.
//
// Eval compares annotation files, not pipeline Documents, so everything here is in the units of
// the accord/1 contract: offsets are Unicode code points of the document text, end exclusive.
// Entity types are strings (a BRAT or CoNLL file brings its own tag set; --map renames them to
// accord's PERSON, ORGANIZATION, NATION and DATE).
//
// Readers (one file each): accord/1 JSONL (jsonl_reader.cc), BRAT standoff folders
// (brat_reader.cc), CoNLL-2003 / CoNLL-2012 column files (conll_reader.cc), TimeML .tml
// (timeml_reader.cc). ReadAnnotations (read_annotations.cc) picks one by option or by path.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "pipeline/document.h"
#include "pipeline/status.h"

namespace accord::eval {

struct Annotation {
  std::string type;       // after --map: "PERSON", "ORGANIZATION", "NATION", "DATE", ...
  uint32_t start = 0;     // code points of the document text, end exclusive
  uint32_t end = 0;
  std::string text;       // the covered text as the file states it (may be empty)
  std::string canonical;  // PERSON, ORGANIZATION, NATION
  std::string code;       // NATION: ISO 3166-1 alpha-2
  std::string value;      // DATE: TIMEX3 value
  std::string kind;       // DATE: date, time, duration
};

struct AnnotatedDoc {
  std::string doc_id;
  std::optional<std::string> text;      // UTF-8; the offsets index its code points
  std::optional<std::string> doc_date;  // ISO date the relative dates resolve against
  Json meta = Json::object();
  Json source = Json::object();
  std::set<std::string> types;          // the entity types this record covers
  std::vector<Annotation> entities;     // sorted by (start, end)
};

// A line or annotation a reader passed over on purpose (a BRAT relation, a discontinuous span,
// a CoNLL tag that breaks the scheme): reported, never an error.
struct SkippedLine {
  std::string where;   // "file:line"
  std::string reason;
};

struct AnnotationSet {
  std::string path;
  std::string format;  // "jsonl", "brat", "conll", "timeml"
  std::vector<AnnotatedDoc> docs;
  std::vector<SkippedLine> skipped;
};

// --map SRC=DST: renames source tags; DST "-" drops the tag. Tags not named pass unchanged.
class TagMap {
 public:
  // Parses "SRC=DST" items; an item without '=' is an error naming it.
  static StatusOr<TagMap> Parse(const std::vector<std::string>& items);
  // The tag an annotation of `tag` becomes, or nullopt when it is dropped.
  std::optional<std::string> Apply(std::string_view tag) const;
  // The accord types this map yields (its destinations other than "-").
  std::set<std::string> Destinations() const;
  bool empty() const { return map_.empty(); }
  void Add(std::string src, std::string dst) { map_[std::move(src)] = std::move(dst); }

 private:
  std::map<std::string, std::string, std::less<>> map_;
};

enum class AnnotationFormat { kAuto, kJsonl, kBrat, kConll, kTimeml };
StatusOr<AnnotationFormat> ParseAnnotationFormat(std::string_view name);  // auto, jsonl, ...
std::string_view AnnotationFormatName(AnnotationFormat f);

struct ReadOptions {
  AnnotationFormat format = AnnotationFormat::kAuto;
  TagMap map;
  // Where to look for the text of JSONL records that have none: <text_dir>/<name>.txt, where
  // name is the basename of doc_id, then of source.path. Empty: the JSONL file's own folder.
  std::string text_dir;
};

// Reads an annotation file or folder. kAuto: a folder of .ann files is BRAT, *.tml (or a folder
// of them) TimeML, *.jsonl / *.json JSONL, *.conll / *_conll / *.txt / *.iob / *.bio column files
// CoNLL.
StatusOr<AnnotationSet> ReadAnnotations(const std::string& path, const ReadOptions& options);

// The readers, each on its input (used by ReadAnnotations and by the tests).
StatusOr<AnnotationSet> ReadAccordJsonl(const std::string& path, const ReadOptions& options);
// Parses accord/1 JSONL from memory; `name` labels errors.
StatusOr<AnnotationSet> ParseAccordJsonl(std::string_view content, const std::string& name,
                                         const ReadOptions& options);
StatusOr<AnnotationSet> ReadBrat(const std::string& dir_or_file, const ReadOptions& options);
StatusOr<AnnotationSet> ReadConll(const std::string& path, const ReadOptions& options);
StatusOr<AnnotationSet> ParseConll(std::string_view content, const std::string& name,
                                   const ReadOptions& options);
StatusOr<AnnotationSet> ReadTimeml(const std::string& dir_or_file, const ReadOptions& options);
StatusOr<AnnotationSet> ParseTimeml(std::string_view content, const std::string& name,
                                    const ReadOptions& options);

// Shared by the readers: reads a whole file.
StatusOr<std::string> ReadWholeFile(const std::string& path);
// Sorts entities by (start, end, type).
void SortEntities(std::vector<Annotation>& entities);

}  // namespace accord::eval
