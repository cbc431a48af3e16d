#include "pipeline/sinks/jsonl_sink.h"

#include <charconv>
#include <cstring>

#include "pipeline/sinks/json_string.h"
#include "pipeline/sinks/offsets.h"

namespace accord {
namespace {

void AppendNumber(uint64_t n, std::string& out) {
  char buf[24];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, n);
  out.append(buf, end);
}

// Appends `j` as nlohmann's dump(-1, ' ', false, replace) writes it; strings, integers and
// containers directly (source and meta hold only those), anything else through dump.
void AppendJson(const Json& j, std::string& out) {
  switch (j.type()) {
    case Json::value_t::string: AppendJsonString(j.get_ref<const std::string&>(), out); return;
    case Json::value_t::null: out += "null"; return;
    case Json::value_t::boolean: out += j.get<bool>() ? "true" : "false"; return;
    case Json::value_t::number_unsigned: AppendNumber(j.get<uint64_t>(), out); return;
    case Json::value_t::number_integer: {
      const int64_t n = j.get<int64_t>();
      if (n < 0) out.push_back('-');
      AppendNumber(n < 0 ? 0 - static_cast<uint64_t>(n) : static_cast<uint64_t>(n), out);
      return;
    }
    case Json::value_t::object: {
      out.push_back('{');
      bool first = true;
      for (const auto& [key, value] : j.items()) {
        if (!first) out.push_back(',');
        first = false;
        AppendJsonString(key, out);
        out.push_back(':');
        AppendJson(value, out);
      }
      out.push_back('}');
      return;
    }
    case Json::value_t::array: {
      out.push_back('[');
      for (size_t i = 0; i < j.size(); ++i) {
        if (i > 0) out.push_back(',');
        AppendJson(j[i], out);
      }
      out.push_back(']');
      return;
    }
    default: out += j.dump(-1, ' ', false, Json::error_handler_t::replace);
  }
}

// Copies `s` to `p` (which has room for it); returns the end.
inline char* Put(std::string_view s, char* p) {
  std::memcpy(p, s.data(), s.size());
  return p + s.size();
}

// The fields of an entity other than type and offsets (dataset-format.md).
struct EntityFields {
  std::string_view text;
  std::string_view value;      // DATE, when resolved
  std::string_view kind;       // DATE
  std::string_view canonical;  // the others
  std::string_view code;       // NATION
};

EntityFields FieldsOf(const Document& doc, const Entity& e) {
  EntityFields f;
  f.text = doc.TextOf(e);
  if (e.type == EntityType::kDate) {
    f.value = e.value;
    f.kind = e.kind.empty() ? std::string_view("date") : std::string_view(e.kind);
  } else {
    f.canonical = e.canonical.empty() ? f.text : std::string_view(e.canonical);
    if (e.type == EntityType::kNation) f.code = e.code;
  }
  return f;
}

// Writes the object of entity `e` to `p`, which has room for EntityBound(f) bytes; returns the
// end. `start` and `end` are its code-point offsets.
char* WriteEntity(const Entity& e, const EntityFields& f, size_t start, size_t end, char* p) {
  p = Put("{\"type\":\"", p);
  p = Put(EntityTypeName(e.type), p);
  p = Put("\",\"start\":", p);
  p = std::to_chars(p, p + 20, start).ptr;
  p = Put(",\"end\":", p);
  p = std::to_chars(p, p + 20, end).ptr;
  p = Put(",\"text\":\"", p);
  p = WriteJsonStringContent(f.text, p);
  if (e.type == EntityType::kDate) {
    if (!f.value.empty()) {
      p = Put("\",\"value\":\"", p);
      p = WriteJsonStringContent(f.value, p);
    }
    p = Put("\",\"kind\":\"", p);
    p = WriteJsonStringContent(f.kind, p);
  } else {
    p = Put("\",\"canonical\":\"", p);
    p = WriteJsonStringContent(f.canonical, p);
    if (e.type == EntityType::kNation) {
      p = Put("\",\"code\":\"", p);
      p = WriteJsonStringContent(f.code, p);
    }
  }
  return Put("\"}", p);
}

// The most bytes WriteEntity writes: the keys, the longest type name and two 20-digit numbers
// take less than 128, and the strings as much as JSON can make of them.
size_t EntityBound(const EntityFields& f) {
  return 128 + JsonStringContentBound(f.text.size() + f.value.size() + f.kind.size() +
                                      f.canonical.size() + f.code.size());
}

// Appends the entity objects of `doc`, comma-separated. They are written into a buffer on the
// stack, appended to `out` when it is full; an entity too big for it is written into `out`.
void AppendEntities(const Document& doc, std::string& out) {
  char buffer[8192];
  size_t used = 0;
  CodePointCursor cursor(doc.text);
  for (size_t i = 0; i < doc.entities.size(); ++i) {
    const Entity& e = doc.entities[i];
    const EntityFields f = FieldsOf(doc, e);
    const size_t start = cursor.ToCodePoint(e.start);
    const size_t end = cursor.ToCodePointFrom(e.start, start, e.end);
    const size_t bound = 1 + EntityBound(f);  // and the comma before it
    if (used + bound > sizeof buffer) {
      out.append(buffer, used);
      used = 0;
    }
    if (bound <= sizeof buffer) {
      char* p = buffer + used;
      if (i > 0) *p++ = ',';
      used = WriteEntity(e, f, start, end, p) - buffer;
    } else {
      const size_t at = out.size();
      out.resize(at + bound);
      char* p = out.data() + at;
      if (i > 0) *p++ = ',';
      out.resize(WriteEntity(e, f, start, end, p) - out.data());
    }
  }
  out.append(buffer, used);
}

}  // namespace

void AppendAccordRecord(const Document& doc, const OutputOptions& options, std::string& out) {
  // Room for the usual fields before the entities (which make their own room).
  out.reserve(out.size() + 1024 + (options.include_text ? doc.text.size() + doc.text.size() / 16 : 0));
  out += "{\"schema\":\"accord/1\",\"doc_id\":";
  AppendJsonString(doc.doc_id, out);
  out += ",\"source\":";
  AppendJson(doc.source, out);
  out += ",\"doc_date\":";
  if (doc.doc_date) AppendJsonString(*doc.doc_date, out);
  else out += "null";
  out += ",\"meta\":";
  AppendJson(doc.meta, out);
  out += ",\"types\":[";
  for (size_t i = 0; i < doc.types.size(); ++i) {
    if (i > 0) out.push_back(',');
    AppendJsonString(doc.types[i], out);
  }
  out.push_back(']');
  if (options.include_text) {
    out += ",\"text\":";
    AppendJsonString(doc.text, out);
  }
  out += ",\"entities\":[";
  AppendEntities(doc, out);
  out += "]}\n";
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
