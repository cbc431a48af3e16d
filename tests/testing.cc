#include "tests/testing.h"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace accord::testing {

std::string SourceDir() { return ACCORD_SOURCE_DIR; }
std::string BinaryDir() { return ACCORD_BINARY_DIR; }

std::optional<std::string> SharedCorporaDir() {
  namespace fs = std::filesystem;
  if (const char* env = std::getenv("ACCORD_SHARED_DIR")) {
    fs::path p = fs::path(env) / "corpora";
    if (fs::is_directory(p)) return p.string();
  }
  fs::path p = fs::path(SourceDir()).parent_path() / "shared" / "corpora";
  if (fs::is_directory(p)) return p.string();
  return std::nullopt;
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

}  // namespace accord::testing
