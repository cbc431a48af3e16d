// Reads TimeML .tml files (TempEval-3 layout): the text is the content of <TEXT> with its markup
// removed and its character references decoded; every TIMEX3 inside it becomes an entity.
// TIMEX3 types DATE, TIME and DURATION become accord DATE with kind date, time or duration and
// the TIMEX3 value; SET stays "SET" (not an accord type: --map SET=DATE to score it). The DCT
// (the TIMEX3 inside <DCT>) gives doc_date; <DOCID> gives doc_id, else the file name without
// .tml. A file covers the type DATE only. A folder is read as every .tml inside it, sorted.
#include <algorithm>
#include <filesystem>

#include "pipeline/eval/annotations.h"
#include "pipeline/utf8.h"

namespace accord::eval {

namespace fs = std::filesystem;

namespace {

// The value of attribute `name` in the inside of a start tag, or "".
std::string Attribute(std::string_view tag, std::string_view name) {
  size_t pos = 0;
  while ((pos = tag.find(name, pos)) != std::string_view::npos) {
    const bool boundary = pos == 0 || tag[pos - 1] == ' ' || tag[pos - 1] == '\t' || tag[pos - 1] == '\n';
    size_t i = pos + name.size();
    while (i < tag.size() && tag[i] == ' ') ++i;
    if (boundary && i < tag.size() && tag[i] == '=') {
      ++i;
      while (i < tag.size() && tag[i] == ' ') ++i;
      if (i < tag.size() && (tag[i] == '"' || tag[i] == '\'')) {
        const char q = tag[i];
        const size_t end = tag.find(q, i + 1);
        if (end != std::string_view::npos) return std::string(tag.substr(i + 1, end - i - 1));
      }
    }
    pos += name.size();
  }
  return {};
}

// Appends the decoded character reference at s[i] ('&'), advancing i; a stray '&' stays.
void DecodeReference(std::string_view s, size_t& i, std::string& out) {
  const size_t semi = s.find(';', i);
  if (semi == std::string_view::npos || semi - i > 10) {
    out.push_back('&');
    ++i;
    return;
  }
  const std::string_view ref = s.substr(i + 1, semi - i - 1);
  char32_t cp = 0;
  if (ref == "amp") cp = '&';
  else if (ref == "lt") cp = '<';
  else if (ref == "gt") cp = '>';
  else if (ref == "quot") cp = '"';
  else if (ref == "apos") cp = '\'';
  else if (ref.size() > 1 && ref[0] == '#') {
    const bool hex = ref[1] == 'x' || ref[1] == 'X';
    cp = static_cast<char32_t>(std::strtoul(std::string(ref.substr(hex ? 2 : 1)).c_str(), nullptr, hex ? 16 : 10));
  }
  if (cp == 0) {
    out.push_back('&');
    ++i;
    return;
  }
  utf8::Append(cp, out);
  i = semi + 1;
}

std::string ElementText(std::string_view content, std::string_view name) {
  const std::string open = "<" + std::string(name);
  const size_t b = content.find(open);
  if (b == std::string_view::npos) return {};
  const size_t gt = content.find('>', b);
  const size_t e = content.find("</" + std::string(name), gt);
  if (gt == std::string_view::npos || e == std::string_view::npos) return {};
  std::string out;
  std::string_view inner = content.substr(gt + 1, e - gt - 1);
  for (size_t i = 0; i < inner.size();) {
    if (inner[i] == '<') {
      const size_t close = inner.find('>', i);
      i = close == std::string_view::npos ? inner.size() : close + 1;
    } else if (inner[i] == '&') {
      DecodeReference(inner, i, out);
    } else {
      out.push_back(inner[i++]);
    }
  }
  const size_t first = out.find_first_not_of(" \t\r\n");
  const size_t last = out.find_last_not_of(" \t\r\n");
  return first == std::string::npos ? std::string() : out.substr(first, last - first + 1);
}

}  // namespace

StatusOr<AnnotationSet> ParseTimeml(std::string_view content, const std::string& name,
                                    const ReadOptions& options) {
  AnnotationSet set;
  set.path = name;
  set.format = "timeml";
  AnnotatedDoc doc;
  doc.doc_id = ElementText(content, "DOCID");
  if (doc.doc_id.empty()) {
    fs::path p(name);
    doc.doc_id = p.extension() == ".tml" ? p.stem().string() : p.filename().string();
  }
  // The DCT.
  const size_t dct = content.find("<DCT");
  if (dct != std::string_view::npos) {
    const size_t t = content.find("<TIMEX3", dct);
    const size_t gt = t == std::string_view::npos ? t : content.find('>', t);
    if (gt != std::string_view::npos) {
      const std::string value = Attribute(content.substr(t, gt - t), "value");
      if (value.size() >= 10 && value[4] == '-' && value[7] == '-') doc.doc_date = value.substr(0, 10);
    }
  }
  // The text and its TIMEX3s.
  size_t b = content.find("<TEXT");
  size_t e = b == std::string_view::npos ? b : content.find("</TEXT>", b);
  if (b == std::string_view::npos || e == std::string_view::npos) {
    return DataLoss(name + ": no <TEXT> element");
  }
  b = content.find('>', b) + 1;
  std::string text;
  uint32_t cp = 0;
  struct Open {
    Annotation a;
    bool keep = false;
  };
  std::vector<Open> open;
  const std::string_view inner = content.substr(b, e - b);
  for (size_t i = 0; i < inner.size();) {
    const char c = inner[i];
    if (c == '<') {
      const size_t close = inner.find('>', i);
      if (close == std::string_view::npos) return DataLoss(name + ": unclosed tag in <TEXT>");
      std::string_view tag = inner.substr(i + 1, close - i - 1);
      i = close + 1;
      const bool end_tag = !tag.empty() && tag.front() == '/';
      const bool self_closing = !tag.empty() && tag.back() == '/';
      const std::string_view tag_name = tag.substr(end_tag ? 1 : 0, tag.find_first_of(" \t\n/>", 1) - (end_tag ? 1 : 0));
      if (tag_name != "TIMEX3") continue;
      if (end_tag) {
        if (open.empty()) {
          set.skipped.push_back({name, "</TIMEX3> without its start"});
          continue;
        }
        Open o = std::move(open.back());
        open.pop_back();
        o.a.end = cp;
        if (o.keep) doc.entities.push_back(std::move(o.a));
        continue;
      }
      if (self_closing) continue;  // an empty TIMEX3 (an implicit time) has no extent
      Open o;
      const std::string type = Attribute(tag, "type");
      std::string kind = type;
      std::transform(kind.begin(), kind.end(), kind.begin(), [](unsigned char ch) { return std::tolower(ch); });
      const std::string tag_type = (type == "DATE" || type == "TIME" || type == "DURATION") ? "DATE" : type;
      auto mapped = options.map.Apply(tag_type.empty() ? "DATE" : tag_type);
      o.keep = mapped.has_value();
      if (mapped) o.a.type = *mapped;
      o.a.start = cp;
      o.a.value = Attribute(tag, "value");
      o.a.kind = kind == "set" ? "" : kind;
      open.push_back(std::move(o));
      continue;
    }
    const size_t before = text.size();
    if (c == '&') {
      DecodeReference(inner, i, text);
    } else {
      text.push_back(c);
      ++i;
    }
    // Count the code points just appended (lead bytes only).
    for (size_t k = before; k < text.size(); ++k) {
      if ((static_cast<unsigned char>(text[k]) & 0xC0) != 0x80) ++cp;
    }
  }
  if (!utf8::IsValid(text)) return DataLoss(name + ": <TEXT> is not valid UTF-8");
  const utf8::CodePointIndex index(text);
  for (Annotation& a : doc.entities) {
    a.text = text.substr(index.ToByte(a.start), index.ToByte(a.end) - index.ToByte(a.start));
  }
  SortEntities(doc.entities);
  doc.text = std::move(text);
  if (auto mapped = options.map.Apply("DATE")) doc.types.insert(*mapped);
  set.docs.push_back(std::move(doc));
  return set;
}

StatusOr<AnnotationSet> ReadTimeml(const std::string& dir_or_file, const ReadOptions& options) {
  std::vector<fs::path> files;
  std::error_code ec;
  if (fs::is_directory(dir_or_file, ec)) {
    for (const auto& entry : fs::recursive_directory_iterator(dir_or_file, ec)) {
      if (entry.is_regular_file() && entry.path().extension() == ".tml") files.push_back(entry.path());
    }
    std::sort(files.begin(), files.end());
    if (files.empty()) return NotFound(dir_or_file + ": no .tml files");
  } else {
    files.push_back(dir_or_file);
  }
  AnnotationSet set;
  set.path = dir_or_file;
  set.format = "timeml";
  for (const fs::path& p : files) {
    auto content = ReadWholeFile(p.string());
    if (!content.ok()) return content.status();
    auto one = ParseTimeml(*content, p.string(), options);
    if (!one.ok()) return one.status();
    for (AnnotatedDoc& d : one->docs) set.docs.push_back(std::move(d));
    for (SkippedLine& s : one->skipped) set.skipped.push_back(std::move(s));
  }
  return set;
}

}  // namespace accord::eval
