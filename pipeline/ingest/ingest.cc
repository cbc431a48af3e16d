// Ingest: detects the format of each input and runs its reader (mbox_reader.h for mbox and
// pipermail, mime_message.h for each message, jsonl_input.h for accord/1 records); plain-text
// articles and single messages are read here.
#include "pipeline/ingest/ingest.h"

#include <algorithm>
#include <filesystem>

#include "pipeline/ingest/charset.h"
#include "pipeline/ingest/jsonl_input.h"
#include "pipeline/ingest/line_reader.h"
#include "pipeline/ingest/mbox_reader.h"
#include "pipeline/ingest/mime_message.h"

namespace accord {
namespace {

using ingest::LineReader;

constexpr size_t kDetectBytes = 64 * 1024;

std::string_view SkipBom(std::string_view s) {
  if (s.size() >= 3 && s.compare(0, 3, "\xEF\xBB\xBF") == 0) s.remove_prefix(3);
  return s;
}

// What the reader of one input needs to report problems and hand out documents.
struct Reader {
  const InputFile& file;
  const IngestOptions& options;
  const DocumentCallback& on_doc;
  const RawMessageCallback* on_message;  // null: mail messages are decoded here
  const ErrorCallback& on_error;
  bool stopped = false;
  // The documents and problems of one message, kept from message to message (no allocation per
  // message for the vectors).
  std::vector<Document> docs = {};
  std::vector<std::string> skipped = {};

  void Error(uint64_t offset, std::string message) { on_error({file.path, offset, std::move(message)}); }
  bool Emit(Document&& doc) {
    if (!on_doc(std::move(doc))) stopped = true;
    return !stopped;
  }
  bool EmitRaw(RawMessage&& message) {
    if (!(*on_message)(std::move(message))) stopped = true;
    return !stopped;
  }
  // Reports a read error of the input (truncated gzip), if any.
  void CheckRead(const LineReader& in) {
    if (!in.status().ok()) Error(in.error_offset(), in.status().message());
  }
};

// Reads the rest of `in` into `out`; false (reported) when it is larger than the limit.
bool ReadWhole(LineReader& in, Reader& r, const std::string& path, std::string* out) {
  LineReader::Line line;
  while (in.Next(&line)) {
    if (line.too_long) {
      r.on_error({path, line.offset, "line longer than " + std::to_string(r.options.max_line_bytes) +
                                         " bytes: file skipped"});
      return false;
    }
    if (out->size() + line.text.size() > r.options.max_message_bytes) {
      r.on_error({path, 0, "larger than " + std::to_string(r.options.max_message_bytes) +
                               " bytes: file skipped"});
      return false;
    }
    out->append(line.text);
  }
  if (!in.status().ok()) {
    r.on_error({path, in.error_offset(), in.status().message()});
    return false;
  }
  return true;
}

// Decodes one message into `docs`, reporting its problems through `report`; `skipped` is scratch.
template <typename Report>
void Decode(std::string_view bytes, const std::string& path, uint64_t offset, bool pipermail,
            std::vector<Document>* docs, std::vector<std::string>* skipped, Report&& report) {
  skipped->clear();
  ingest::MessageContext ctx{path, offset, pipermail};
  Status s = ingest::DecodeMessage(bytes, ctx, docs, skipped);
  if (!s.ok()) {
    report(IngestError{path, offset, s.message()});
    return;
  }
  for (std::string& problem : *skipped) report(IngestError{path, offset, std::move(problem)});
}

// Hands one mail message on: undecoded when the caller takes raw messages, else its documents.
void EmitMessages(Reader& r, const std::string& path, uint64_t offset, std::string_view bytes, bool pipermail) {
  if (r.on_message != nullptr) {
    r.EmitRaw(RawMessage{path, offset, pipermail, std::string(bytes)});
    return;
  }
  r.docs.clear();
  Decode(bytes, path, offset, pipermail, &r.docs, &r.skipped, [&r](const IngestError& e) { r.on_error(e); });
  for (Document& d : r.docs)
    if (!r.Emit(std::move(d))) return;
}

void ReadMbox(LineReader& in, Reader& r, bool pipermail) {
  ingest::MboxReader mbox(&in, r.options.max_message_bytes);
  ingest::MboxReader::Message m;
  while (!r.stopped && mbox.Next(&m)) {
    if (m.last && !in.status().ok()) break;  // cut short by the read error reported below
    if (!m.error.empty()) {
      r.Error(m.error_offset, m.error);
      continue;
    }
    EmitMessages(r, r.file.path, m.offset, m.bytes, pipermail);
  }
  r.CheckRead(in);
}

void ReadEml(LineReader& in, Reader& r, const std::string& path) {
  std::string bytes;
  if (!ReadWhole(in, r, path, &bytes)) return;
  EmitMessages(r, path, 0, bytes, false);
}

bool LooksBinary(std::string_view head) {
  const size_t n = std::min<size_t>(head.size(), 8192);
  return std::find(head.begin(), head.begin() + n, '\0') != head.begin() + n;
}

// The doc_id of a plain-text article: its path without ".txt" (and ".gz").
std::string TextDocId(std::string path) {
  auto strip = [&path](std::string_view ext) {
    if (path.size() > ext.size() && path.compare(path.size() - ext.size(), ext.size(), ext) == 0)
      path.resize(path.size() - ext.size());
  };
  strip(".gz");
  strip(".txt");
  return path;
}

void ReadText(LineReader& in, Reader& r) {
  std::string bytes;
  if (!ReadWhole(in, r, r.file.path, &bytes)) return;
  Document doc;
  ingest::ToUtf8(bytes, "", &doc.text);
  doc.doc_id = r.file.path == "-" ? "-" : TextDocId(r.file.path);
  doc.source["path"] = r.file.path;
  doc.source["offset"] = 0;
  r.Emit(std::move(doc));
}

void ReadMaildir(Reader& r) {
  namespace fs = std::filesystem;
  std::vector<std::string> files;
  for (const char* sub : {"cur", "new"}) {
    std::error_code ec;
    fs::directory_iterator it(fs::path(r.file.path) / sub, ec);
    if (ec) {
      r.Error(0, std::string("cannot read maildir folder ") + sub + ": " + ec.message());
      continue;
    }
    std::vector<std::string> names;
    for (fs::directory_iterator end; !ec && it != end; it.increment(ec)) {
      std::error_code ec2;
      if (it->is_regular_file(ec2) && it->path().filename().string()[0] != '.') names.push_back(it->path().string());
    }
    std::sort(names.begin(), names.end());
    files.insert(files.end(), names.begin(), names.end());
  }
  for (const std::string& path : files) {
    if (r.stopped) return;
    LineReader in(r.options.max_line_bytes);
    Status s = in.Open(path);
    if (!s.ok()) {
      r.on_error({path, 0, s.message()});
      continue;
    }
    if (SkipBom(in.Peek(kDetectBytes)).empty()) {
      r.on_error({path, 0, "empty file"});
      continue;
    }
    ReadEml(in, r, path);
  }
}

Status Ingest(const InputFile& file, const IngestOptions& options, const DocumentCallback& on_doc,
              const RawMessageCallback* on_message, const ErrorCallback& on_error);

}  // namespace

void DecodeRawMessage(const RawMessage& message, std::vector<Document>* docs, std::vector<IngestError>* errors) {
  std::vector<std::string> skipped;
  Decode(message.bytes, message.path, message.offset, message.pipermail, docs, &skipped,
         [errors](IngestError&& e) { errors->push_back(std::move(e)); });
}

StatusOr<InputFormat> ParseInputFormat(std::string_view name) {
  if (name == "auto") return InputFormat::kAuto;
  if (name == "mbox") return InputFormat::kMbox;
  if (name == "pipermail") return InputFormat::kPipermail;
  if (name == "eml") return InputFormat::kEml;
  if (name == "maildir") return InputFormat::kMaildir;
  if (name == "text") return InputFormat::kText;
  if (name == "jsonl") return InputFormat::kJsonl;
  return InvalidArgument("unknown input format '" + std::string(name) + "'");
}

InputFormat DetectFormat(std::string_view head) {
  head = SkipBom(head);
  const size_t eol = head.find('\n');
  const std::string_view first = head.substr(0, eol == std::string_view::npos ? head.size() : eol + 1);
  if (ingest::IsFromLine(first)) {
    return ingest::IsPipermailFromLine(first) ? InputFormat::kPipermail : InputFormat::kMbox;
  }
  const size_t nonspace = head.find_first_not_of(" \t\r\n");
  if (nonspace != std::string_view::npos && head[nonspace] == '{') return InputFormat::kJsonl;
  if (ingest::LooksLikeHeaders(head)) return InputFormat::kEml;
  return InputFormat::kText;
}

Status IngestFile(const InputFile& file, const IngestOptions& options, const DocumentCallback& on_doc,
                  const ErrorCallback& on_error) {
  return Ingest(file, options, on_doc, nullptr, on_error);
}

Status IngestFile(const InputFile& file, const IngestOptions& options, const DocumentCallback& on_doc,
                  const RawMessageCallback& on_message, const ErrorCallback& on_error) {
  return Ingest(file, options, on_doc, &on_message, on_error);
}

namespace {

Status Ingest(const InputFile& file, const IngestOptions& options, const DocumentCallback& on_doc,
              const RawMessageCallback* on_message, const ErrorCallback& on_error) {
  Reader r{file, options, on_doc, on_message, on_error};
  if (file.maildir || options.format == InputFormat::kMaildir) {
    ReadMaildir(r);
    return Status::Ok();
  }
  LineReader in(options.max_line_bytes);
  Status s = in.Open(file.path);
  if (!s.ok()) {
    r.Error(0, s.message());
    return Status::Ok();
  }
  const std::string_view head = in.Peek(kDetectBytes);
  if (SkipBom(head).find_first_not_of(" \t\r\n") == std::string_view::npos) {
    if (!in.status().ok()) {
      r.CheckRead(in);
    } else {
      r.Error(0, head.empty() ? "empty file" : "only white space: no document");
    }
    return Status::Ok();
  }
  const InputFormat format = options.format == InputFormat::kAuto ? DetectFormat(head) : options.format;
  if ((format == InputFormat::kText || format == InputFormat::kEml) && LooksBinary(head)) {
    r.Error(0, "binary data (NUL bytes), not text: file skipped");
    return Status::Ok();
  }
  switch (format) {
    case InputFormat::kMbox: ReadMbox(in, r, /*pipermail=*/false); break;
    case InputFormat::kPipermail: ReadMbox(in, r, /*pipermail=*/true); break;
    case InputFormat::kEml: ReadEml(in, r, file.path); break;
    case InputFormat::kJsonl: ingest::ReadJsonl(in, file.path, on_doc, on_error); break;
    case InputFormat::kText:
    case InputFormat::kAuto:
    case InputFormat::kMaildir: ReadText(in, r); break;
  }
  return Status::Ok();
}

}  // namespace

}  // namespace accord
