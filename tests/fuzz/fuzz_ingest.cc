// libFuzzer target for ingest: the input (after one byte that picks the format) is handed to
// IngestFile as a file, so detection, gzip, mbox/pipermail splitting, MIME decoding (GMime),
// charsets (ICU), HTML (libxml2) and JSONL all see it. Every document must be valid UTF-8 and
// carry an id; nothing may crash, leak or read out of bounds.
#include <sys/mman.h>
#include <unistd.h>

#include <cstdint>
#include <cstdlib>
#include <string>

#include "pipeline/ingest/charset.h"
#include "pipeline/ingest/html_text.h"
#include "pipeline/ingest/ingest.h"
#include "pipeline/utf8.h"

namespace {

constexpr accord::InputFormat kFormats[] = {
    accord::InputFormat::kAuto, accord::InputFormat::kMbox, accord::InputFormat::kPipermail,
    accord::InputFormat::kEml,  accord::InputFormat::kText, accord::InputFormat::kJsonl,
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const accord::InputFormat format = kFormats[data[0] % (sizeof kFormats / sizeof kFormats[0])];
  const std::string_view bytes(reinterpret_cast<const char*>(data + 1), size - 1);

  // The whole reader, through a file in memory.
  const int fd = memfd_create("fuzz_ingest", 0);
  if (fd < 0) return 0;
  if (write(fd, bytes.data(), bytes.size()) != static_cast<ssize_t>(bytes.size())) {
    close(fd);
    return 0;
  }
  accord::InputFile file{"/proc/self/fd/" + std::to_string(fd), bytes.size(), false};
  accord::IngestOptions options;
  options.format = format;
  options.max_line_bytes = 64 * 1024;  // small bounds keep each run fast
  options.max_message_bytes = 1 << 20;
  accord::IngestFile(
      file, options,
      [](accord::Document&& doc) {
        if (!accord::utf8::IsValid(doc.text) || !accord::utf8::IsValid(doc.headers.subject) ||
            !accord::utf8::IsValid(doc.headers.from) || doc.doc_id.empty())
          std::abort();
        return true;
      },
      [](const accord::IngestError&) {});
  close(fd);

  // The string-level pieces directly.
  std::string out;
  accord::ingest::ToUtf8(bytes, data[0] & 1 ? "iso-8859-1" : "", &out);
  if (!accord::utf8::IsValid(out)) std::abort();
  if (!accord::utf8::IsValid(accord::ingest::HtmlToText(out))) std::abort();
  return 0;
}
