#include "pipeline/batch/manifest.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <openssl/evp.h>

#include "pipeline/data/embedded.h"

namespace accord {
namespace build {
extern const char kSourcesSha256[];  // build_fingerprint.cc, generated (fingerprint.cmake)
extern const char kVersion[];
}  // namespace build

namespace {

namespace fs = std::filesystem;

class Sha256 {
 public:
  Sha256() : ctx_(EVP_MD_CTX_new()) { EVP_DigestInit_ex(ctx_, EVP_sha256(), nullptr); }
  ~Sha256() { EVP_MD_CTX_free(ctx_); }
  Sha256(const Sha256&) = delete;
  Sha256& operator=(const Sha256&) = delete;
  void Add(std::string_view bytes) { EVP_DigestUpdate(ctx_, bytes.data(), bytes.size()); }
  std::string HexDigest() {
    unsigned char md[EVP_MAX_MD_SIZE];
    unsigned int n = 0;
    EVP_DigestFinal_ex(ctx_, md, &n);
    static constexpr char kHex[] = "0123456789abcdef";
    std::string out;
    for (unsigned int i = 0; i < n; ++i) {
      out.push_back(kHex[md[i] >> 4]);
      out.push_back(kHex[md[i] & 0xF]);
    }
    return out;
  }

 private:
  EVP_MD_CTX* ctx_;
};

// Adds a file's bytes; returns its size.
StatusOr<uint64_t> AddFile(const std::string& path, Sha256& sha) {
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (f == nullptr) return IoError(path + ": cannot open");
  static thread_local std::vector<char> buf(1 << 20);
  uint64_t size = 0;
  size_t n;
  while ((n = std::fread(buf.data(), 1, buf.size(), f)) > 0) {
    sha.Add(std::string_view(buf.data(), n));
    size += n;
  }
  const bool error = std::ferror(f);
  std::fclose(f);
  if (error) return IoError(path + ": read failed");
  return size;
}

}  // namespace

const ManifestInput* Manifest::FindInput(const std::string& path) const {
  for (const ManifestInput& in : inputs)
    if (in.path == path) return &in;
  return nullptr;
}

std::string Manifest::ToJson() const {
  Json j = Json::object();
  j["manifest"] = "accord-manifest/1";
  j["accord"] = version;
  j["fingerprint"] = {{"sources", sources_sha256}, {"tables", tables_sha256}};
  j["options"] = options;
  Json list = Json::array();
  for (const ManifestInput& in : inputs) {
    list.push_back({{"path", in.path}, {"size", in.size}, {"sha256", in.sha256},
                    {"output", in.output}, {"documents", in.documents}});
  }
  j["inputs"] = std::move(list);
  return j.dump(1, ' ', false, Json::error_handler_t::replace) + "\n";
}

StatusOr<Manifest> Manifest::Parse(const std::string& json, const std::string& where) try {
  Json j = Json::parse(json, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded() || !j.is_object() || j.value("manifest", "") != "accord-manifest/1")
    return DataLoss(where + ": not an accord manifest");
  Manifest m;
  m.version = j.value("accord", "");
  if (auto it = j.find("fingerprint"); it != j.end() && it->is_object()) {
    m.sources_sha256 = it->value("sources", "");
    m.tables_sha256 = it->value("tables", "");
  }
  if (auto it = j.find("options"); it != j.end() && it->is_object()) m.options = *it;
  if (auto it = j.find("inputs"); it != j.end() && it->is_array()) {
    for (const Json& e : *it) {
      if (!e.is_object()) return DataLoss(where + ": bad input entry");
      ManifestInput in;
      in.path = e.value("path", "");
      in.size = e.value("size", uint64_t{0});
      in.sha256 = e.value("sha256", "");
      in.output = e.value("output", "");
      in.documents = e.value("documents", uint64_t{0});
      m.inputs.push_back(std::move(in));
    }
  }
  return m;
} catch (const Json::exception& e) {  // a field of the wrong type
  return DataLoss(where + ": not an accord manifest: " + e.what());
}

std::string TablesSha256() {
  Sha256 sha;
  for (const data::EmbeddedFile& f : data::AllFiles()) {
    sha.Add(f.name);
    sha.Add(std::string_view("\0", 1));
    sha.Add(std::to_string(f.content.size()));
    sha.Add(std::string_view("\0", 1));
    sha.Add(f.content);
  }
  return sha.HexDigest();
}

Manifest CurrentBuildManifest() {
  Manifest m;
  m.version = build::kVersion;
  m.sources_sha256 = build::kSourcesSha256;
  m.tables_sha256 = TablesSha256();
  return m;
}

StatusOr<Manifest> ReadManifest(const std::string& outdir) {
  const std::string path = (fs::path(outdir) / kManifestName).string();
  std::ifstream in(path, std::ios::binary);
  if (!in) return NotFound(path + ": no manifest");
  std::stringstream ss;
  ss << in.rdbuf();
  return Manifest::Parse(ss.str(), path);
}

Status WriteManifest(const std::string& outdir, const Manifest& manifest) {
  const fs::path path = fs::path(outdir) / kManifestName;
  const fs::path tmp = fs::path(outdir) / (std::string(kManifestName) + ".partial");
  const std::string json = manifest.ToJson();
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    out << json;
    if (!out.flush()) return IoError(tmp.string() + ": write failed");
  }
  std::error_code ec;
  fs::rename(tmp, path, ec);
  if (ec) return IoError(path.string() + ": " + ec.message());
  return Status::Ok();
}

StatusOr<InputHash> HashInput(const std::string& path) {
  Sha256 sha;
  InputHash h;
  std::error_code ec;
  if (fs::is_directory(path, ec)) {
    std::vector<fs::path> files;
    for (auto it = fs::recursive_directory_iterator(path, ec); !ec && it != fs::end(it);
         it.increment(ec)) {
      if (it->is_regular_file(ec)) files.push_back(it->path());
    }
    if (ec) return IoError(path + ": " + ec.message());
    std::sort(files.begin(), files.end());
    for (const fs::path& f : files) {
      sha.Add(fs::relative(f, path, ec).generic_string());
      sha.Add(std::string_view("\0", 1));
      auto n = AddFile(f.string(), sha);
      if (!n.ok()) return n.status();
      h.size += *n;
    }
  } else {
    auto n = AddFile(path, sha);
    if (!n.ok()) return n.status();
    h.size = *n;
  }
  h.sha256 = sha.HexDigest();
  return h;
}

std::string OutputNameFor(const std::string& input_path, std::string_view extension) {
  if (input_path == "-") return "stdin." + std::string(extension);
  std::string out;
  for (const fs::path& part : fs::path(input_path).lexically_normal().relative_path()) {
    const std::string s = part.string();
    if (s.empty() || s == "." || s == "..") continue;
    if (!out.empty()) out += '/';
    out += s;
  }
  if (out.empty()) out = "input";
  return out + "." + std::string(extension);
}

}  // namespace accord
