// Placeholder ingest: reads each file whole as one plain-text document.
#include "pipeline/ingest/ingest.h"

#include <filesystem>
#include <fstream>
#include <sstream>

namespace accord {

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

std::vector<InputFile> ExpandInputs(const std::vector<std::string>& inputs, const ErrorCallback& on_error) {
  std::vector<InputFile> out;
  for (const auto& p : inputs) {
    std::error_code ec;
    if (!std::filesystem::exists(p, ec)) {
      on_error({p, 0, "no such file or directory"});
      continue;
    }
    out.push_back({p, static_cast<uint64_t>(std::filesystem::file_size(p, ec)), false});
  }
  return out;
}

Status IngestFile(const InputFile& file, const IngestOptions& options, const DocumentCallback& on_doc,
                  const ErrorCallback& on_error) {
  std::ifstream in(file.path, std::ios::binary);
  if (!in) return IoError(file.path + ": cannot open");
  std::stringstream ss;
  ss << in.rdbuf();
  Document doc;
  doc.doc_id = file.path;
  doc.text = ss.str();
  doc.source["path"] = file.path;
  doc.source["offset"] = 0;
  on_doc(std::move(doc));
  return Status::Ok();
}

}  // namespace accord
