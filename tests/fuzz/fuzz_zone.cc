// libFuzzer target: zone, normalize and segment on arbitrary bytes (made valid UTF-8 first),
// checking the invariants later stages rely on: zones in order inside the text, every
// normalized byte mapping back into the text, tokens and sentences inside the normalized text.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "pipeline/normalize/normalize_stage.h"
#include "pipeline/segment/segment_stage.h"
#include "pipeline/utf8.h"
#include "pipeline/zone/zone_stage.h"

namespace {

std::string ValidUtf8(const uint8_t* data, size_t size) {
  const std::string_view in(reinterpret_cast<const char*>(data), size);
  std::string out;
  size_t i = 0;
  while (i < in.size()) {
    const size_t before = i;
    char32_t cp = accord::utf8::Next(in, i);
    if (cp == 0xFFFD || (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF) {
      cp = 0xFFFD;
    } else if (!accord::utf8::IsValid(in.substr(before, i - before))) {
      cp = 0xFFFD;
    }
    accord::utf8::Append(cp, out);
  }
  return out;
}

#define CHECK(cond) \
  if (!(cond)) std::abort()

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace accord;
  static const auto zone = MakeZoneStage({});
  static const auto normalize = MakeNormalizeStage({});
  static const auto segment = MakeSegmentStage({});
  Document doc;
  doc.text = ValidUtf8(data, size);
  doc.headers.subject = "Fwd: [list] fuzz";
  doc.headers.date = "Tue, 17 Apr 2018 10:00:00 -0400";
  CHECK((*zone)->Run(doc).ok());
  uint32_t last = 0;
  for (const Zone& z : doc.zones) {
    CHECK(z.span.begin >= last && z.span.begin <= z.span.end && z.span.end <= doc.text.size());
    last = z.span.end;
  }
  CHECK((*normalize)->Run(doc).ok());
  CHECK(utf8::IsValid(doc.norm.text()));
  for (uint32_t i = 0; i < doc.norm.size(); ++i)
    CHECK(doc.norm.RawBegin(i) <= doc.norm.RawEnd(i) && doc.norm.RawEnd(i) <= doc.text.size());
  CHECK((*segment)->Run(doc).ok());
  for (const Token& t : doc.tokens) CHECK(t.begin < t.end && t.end <= doc.norm.size());
  for (const Span& s : doc.sentences) CHECK(s.begin < s.end && s.end <= doc.norm.size());
  return 0;
}
