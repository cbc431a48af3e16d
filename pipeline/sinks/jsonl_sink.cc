#include "pipeline/sinks/jsonl_sink.h"

#include <cstring>

#include "pipeline/sinks/json_string.h"
#include "pipeline/sinks/offsets.h"
#include "pipeline/sinks/rows.h"

namespace accord {
namespace {

// Copies `s` to `p` (which has room for it); returns the end.
inline char* Put(std::string_view s, char* p) {
  std::memcpy(p, s.data(), s.size());
  return p + s.size();
}

// A record is written into a buffer on the stack and appended to the output string when the
// buffer is full and at the end: one append for most records, rather than one (with its checks
// for room) per key and value.
class RecordBuffer {
 public:
  static constexpr size_t kSize = 8192;

  explicit RecordBuffer(std::string& out) : out_(out) {}
  RecordBuffer(const RecordBuffer&) = delete;
  RecordBuffer& operator=(const RecordBuffer&) = delete;

  // Room for n <= kSize more bytes; Commit(end) once they are written.
  char* Room(size_t n) {
    if (used_ + n > kSize) Flush();
    return buffer_ + used_;
  }
  void Commit(char* end) { used_ = static_cast<size_t>(end - buffer_); }
  // Appends what the buffer holds to the output string (which anything too big for the buffer
  // is appended to directly, after a flush).
  void Flush() {
    out_.append(buffer_, used_);
    used_ = 0;
  }
  std::string& out() { return out_; }

  void Raw(std::string_view s) {
    if (s.size() > kSize) {
      Flush();
      out_.append(s);
      return;
    }
    Commit(Put(s, Room(s.size())));
  }
  void Char(char c) {
    char* p = Room(1);
    *p = c;
    Commit(p + 1);
  }
  // `s` as a quoted JSON string. Inlined (GCC would not): it runs for every key and value, and
  // the call cost as much as the rest of it.
  [[gnu::always_inline]] void String(std::string_view s) {
    const size_t bound = JsonStringContentBound(s.size()) + 2;
    if (bound > kSize) {
      Flush();
      AppendJsonString(s, out_);
      return;
    }
    char* p = Room(bound);
    *p++ = '"';
    p = WriteJsonStringContent(s, p);
    *p++ = '"';
    Commit(p);
  }
  // `open` ('{' or ','), then `key` as a quoted JSON string and ':': an object member's start,
  // in one step.
  void Key(char open, std::string_view key) {
    const size_t bound = JsonStringContentBound(key.size()) + 4;
    if (bound > kSize) {
      Char(open);
      String(key);
      Char(':');
      return;
    }
    char* p = Room(bound);
    *p++ = open;
    *p++ = '"';
    p = WriteJsonStringContent(key, p);
    *p++ = '"';
    *p++ = ':';
    Commit(p);
  }
  void Number(uint64_t n) { Commit(WriteJsonUnsigned(n, Room(20))); }

 private:
  std::string& out_;
  char buffer_[kSize];
  size_t used_ = 0;
};

// Writes `j` as nlohmann's dump(-1, ' ', false, replace) writes it; strings, integers and
// containers directly (source and meta hold only those), anything else through dump.
void WriteJson(const Json& j, RecordBuffer& out) {
  switch (j.type()) {
    case Json::value_t::string: out.String(j.get_ref<const std::string&>()); return;
    case Json::value_t::null: out.Raw("null"); return;
    case Json::value_t::boolean: out.Raw(j.get<bool>() ? "true" : "false"); return;
    case Json::value_t::number_unsigned: out.Number(j.get<uint64_t>()); return;
    case Json::value_t::number_integer: {
      const int64_t n = j.get<int64_t>();
      if (n < 0) out.Char('-');
      out.Number(n < 0 ? 0 - static_cast<uint64_t>(n) : static_cast<uint64_t>(n));
      return;
    }
    case Json::value_t::object: {
      char open = '{';
      for (const auto& [key, value] : j.get_ref<const Json::object_t&>()) {
        out.Key(open, key);
        open = ',';
        if (value.is_string()) out.String(value.get_ref<const std::string&>());  // most are
        else WriteJson(value, out);
      }
      if (open == '{') out.Char('{');
      out.Char('}');
      return;
    }
    case Json::value_t::array: {
      char open = '[';
      for (const Json& value : j.get_ref<const Json::array_t&>()) {
        out.Char(open);
        open = ',';
        WriteJson(value, out);
      }
      if (open == '[') out.Char('[');
      out.Char(']');
      return;
    }
    default: out.Raw(j.dump(-1, ' ', false, Json::error_handler_t::replace));
  }
}

// Writes the object of entity `e`, whose fields are `f` (rows.h), to `p`, which has room for
// EntityBound(f) bytes; returns the end. `start` and `end` are its code-point offsets.
char* WriteEntity(const Entity& e, const MentionRow& f, size_t start, size_t end, char* p) {
  switch (e.type) {  // constant lengths: copied without a call
    case EntityType::kPerson: p = Put("{\"type\":\"PERSON\",\"start\":", p); break;
    case EntityType::kOrganization: p = Put("{\"type\":\"ORGANIZATION\",\"start\":", p); break;
    case EntityType::kNation: p = Put("{\"type\":\"NATION\",\"start\":", p); break;
    case EntityType::kDate: p = Put("{\"type\":\"DATE\",\"start\":", p); break;
  }
  p = WriteJsonUnsigned(start, p);
  p = Put(",\"end\":", p);
  p = WriteJsonUnsigned(end, p);
  p = Put(",\"text\":\"", p);
  char* const text = p;
  p = WriteJsonStringContent(f.text, p);
  if (e.type == EntityType::kDate) {
    if (!f.value.empty()) {
      p = Put("\",\"value\":\"", p);
      p = WriteJsonStringContent(f.value, p);
    }
    p = Put("\",\"kind\":\"", p);
    p = WriteJsonStringContent(f.kind, p);
  } else {
    // The canonical is often the text itself: its JSON is then the one just written.
    const size_t text_json = static_cast<size_t>(p - text);
    p = Put("\",\"canonical\":\"", p);
    if (f.canonical == f.text) p = Put(std::string_view(text, text_json), p);
    else p = WriteJsonStringContent(f.canonical, p);
    if (e.type == EntityType::kNation) {
      p = Put("\",\"code\":\"", p);
      p = WriteJsonStringContent(f.code, p);
    }
  }
  return Put("\"}", p);
}

// The most bytes WriteEntity writes: the keys, the longest type name and two 20-digit numbers
// take less than 128, and the strings as much as JSON can make of them.
size_t EntityBound(const MentionRow& f) {
  return 128 + JsonStringContentBound(f.text.size() + f.value.size() + f.kind.size() +
                                      f.canonical.size() + f.code.size());
}

// Writes the entity objects of `doc`, comma-separated; an entity too big for the buffer is
// written into the output string.
void WriteEntities(const Document& doc, RecordBuffer& out) {
  CodePointCursor cursor(doc.text);
  for (size_t i = 0; i < doc.entities.size(); ++i) {
    const Entity& e = doc.entities[i];
    const MentionRow f = MentionFields(doc, e);
    const size_t start = cursor.ToCodePoint(e.start);
    const size_t end = cursor.ToCodePointFrom(e.start, start, e.end);
    const size_t bound = 1 + EntityBound(f);  // and the comma before it
    if (bound <= RecordBuffer::kSize) {
      char* p = out.Room(bound);
      if (i > 0) *p++ = ',';
      out.Commit(WriteEntity(e, f, start, end, p));
    } else {
      out.Flush();
      std::string& s = out.out();
      const size_t at = s.size();
      s.resize(at + bound);
      char* p = s.data() + at;
      if (i > 0) *p++ = ',';
      s.resize(WriteEntity(e, f, start, end, p) - s.data());
    }
  }
}

}  // namespace

void AppendAccordRecord(const Document& doc, const OutputOptions& options, std::string& out) {
  if (options.include_text) out.reserve(out.size() + 1024 + doc.text.size() + doc.text.size() / 16);
  RecordBuffer record(out);
  record.Raw("{\"schema\":\"accord/1\",\"doc_id\":");
  record.String(doc.doc_id);
  record.Raw(",\"source\":");
  WriteJson(doc.source, record);
  record.Raw(",\"doc_date\":");
  if (doc.doc_date) record.String(*doc.doc_date);
  else record.Raw("null");
  record.Raw(",\"meta\":");
  WriteJson(doc.meta, record);
  record.Raw(",\"types\":");
  char open = '[';
  for (const std::string& type : doc.types) {
    record.Char(open);
    open = ',';
    record.String(type);
  }
  if (open == '[') record.Char('[');
  record.Char(']');
  if (options.include_text) {
    record.Raw(",\"text\":");
    record.String(doc.text);
  }
  record.Raw(",\"entities\":[");
  WriteEntities(doc, record);
  record.Raw("]}\n");
  record.Flush();
}

std::string FormatAccordRecord(const Document& doc, const OutputOptions& options) {
  std::string out;
  AppendAccordRecord(doc, options, out);
  out.pop_back();  // the newline
  return out;
}

void JsonlSink::Render(const Document& doc, std::string& out) const {
  AppendAccordRecord(doc, options_, out);
}

}  // namespace accord
