#include "pipeline/sinks/jsonl_sink.h"

#include <charconv>

#include "pipeline/sinks/offsets.h"
#include "pipeline/utf8.h"

namespace accord {
namespace {

void AppendNumber(uint64_t n, std::string& out) {
  char buf[24];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, n);
  out.append(buf, end);
}

// Appends `s` as a JSON string exactly as nlohmann's dump(-1, ' ', false, replace) writes it.
void AppendJsonString(std::string_view s, std::string& out) {
  if (!utf8::IsValid(s)) {  // rare: let nlohmann apply its replacement rules
    out += Json(std::string(s)).dump(-1, ' ', false, Json::error_handler_t::replace);
    return;
  }
  static constexpr char kHex[] = "0123456789abcdef";
  out.push_back('"');
  size_t run = 0;  // start of the pending run of bytes that need no escape
  for (size_t i = 0; i < s.size(); ++i) {
    const unsigned char c = s[i];
    if (c >= 0x20 && c != '"' && c != '\\') continue;
    out.append(s.data() + run, i - run);
    run = i + 1;
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\b': out += "\\b"; break;
      case '\f': out += "\\f"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        out += "\\u00";
        out.push_back(kHex[c >> 4]);
        out.push_back(kHex[c & 0xF]);
    }
  }
  out.append(s.data() + run, s.size() - run);
  out.push_back('"');
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

}  // namespace

void AppendAccordRecord(const Document& doc, const OutputOptions& options, std::string& out) {
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
  CodePointCursor cursor(doc.text);
  for (size_t i = 0; i < doc.entities.size(); ++i) {
    const Entity& e = doc.entities[i];
    if (i > 0) out.push_back(',');
    const size_t start = cursor.ToCodePoint(e.start);
    const size_t end = cursor.ToCodePointFrom(e.start, start, e.end);
    out += "{\"type\":\"";
    out += EntityTypeName(e.type);
    out += "\",\"start\":";
    AppendNumber(start, out);
    out += ",\"end\":";
    AppendNumber(end, out);
    out += ",\"text\":";
    const std::string_view text = doc.TextOf(e);
    AppendJsonString(text, out);
    if (e.type == EntityType::kDate) {
      if (!e.value.empty()) {
        out += ",\"value\":";
        AppendJsonString(e.value, out);
      }
      out += ",\"kind\":";
      AppendJsonString(e.kind.empty() ? std::string_view("date") : std::string_view(e.kind), out);
    } else {
      out += ",\"canonical\":";
      AppendJsonString(e.canonical.empty() ? text : std::string_view(e.canonical), out);
      if (e.type == EntityType::kNation) {
        out += ",\"code\":";
        AppendJsonString(e.code, out);
      }
    }
    out.push_back('}');
  }
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
