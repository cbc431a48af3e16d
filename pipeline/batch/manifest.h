// Regeneration: `accord extract INPUT... -o OUTDIR/` writes one output per input and a manifest,
// OUTDIR/accord-manifest.json, that says what produced them:
//
//   {"manifest": "accord-manifest/1",
//    "accord": "0.1.0",
//    "fingerprint": {"sources": "<sha256 of pipeline/ and extractors/ sources, at build time>",
//                    "tables": "<sha256 of every embedded data table>"},
//    "options": {"format": "jsonl", "include_text": false, "doc_date": null,
//                "input_format": "auto"[, "shard": "K/N"]},
//    "inputs": [{"path": "archives/2018-April.txt", "size": 123456, "sha256": "<of its bytes>",
//                "output": "archives/2018-April.txt.jsonl", "documents": 42}, ...]}
//
// A rerun with the same OUTDIR redoes only the inputs whose path, size or hash changed (all of
// them when accord, the fingerprint or the options changed, or with --force), deletes the outputs
// of inputs that are gone, and leaves the same bytes a full run would. Outputs are written to
// "<output>.partial" and renamed when complete, so an interrupted run leaves no half output behind
// a manifest entry.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "pipeline/document.h"
#include "pipeline/status.h"

namespace accord {

inline constexpr const char* kManifestName = "accord-manifest.json";

struct ManifestInput {
  std::string path;
  uint64_t size = 0;
  std::string sha256;
  std::string output;     // relative to OUTDIR
  uint64_t documents = 0;
};

struct Manifest {
  std::string version;
  std::string sources_sha256;
  std::string tables_sha256;
  Json options = Json::object();
  std::vector<ManifestInput> inputs;

  // Whether an output made under `other` can stand for one made under this manifest's settings.
  bool SameSettings(const Manifest& other) const {
    return version == other.version && sources_sha256 == other.sources_sha256 &&
           tables_sha256 == other.tables_sha256 && options == other.options;
  }
  const ManifestInput* FindInput(const std::string& path) const;

  std::string ToJson() const;  // pretty-printed, ends with a newline
  static StatusOr<Manifest> Parse(const std::string& json, const std::string& where);
};

// The current build's settings (version and fingerprints); `options` and `inputs` are left empty.
Manifest CurrentBuildManifest();
// The SHA-256 of all embedded data tables (names and bytes), hex.
std::string TablesSha256();

StatusOr<Manifest> ReadManifest(const std::string& outdir);  // kNotFound when there is none
// Writes the manifest atomically (a temporary file renamed over the old one).
Status WriteManifest(const std::string& outdir, const Manifest& manifest);

// SHA-256 (hex) and size of an input: a file's bytes, or for a maildir folder its files' relative
// paths and bytes in sorted order.
struct InputHash {
  std::string sha256;
  uint64_t size = 0;
};
StatusOr<InputHash> HashInput(const std::string& path);

// The output name of an input, relative to OUTDIR: its path made relative (leading '/' and '..'
// components dropped, "-" -> "stdin") plus "." + extension.
std::string OutputNameFor(const std::string& input_path, std::string_view extension);

}  // namespace accord
