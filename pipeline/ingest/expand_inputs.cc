// INPUT arguments to the files ingest reads: directories are walked recursively in sorted
// order (so runs are deterministic); a folder with cur/ and new/ is a maildir, read as one input.
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>

#include "pipeline/ingest/ingest.h"

namespace accord {
namespace {

namespace fs = std::filesystem;

bool IsMaildir(const fs::path& dir) {
  std::error_code ec;
  return fs::is_directory(dir / "cur", ec) && fs::is_directory(dir / "new", ec);
}

uint64_t MaildirSize(const fs::path& dir) {
  uint64_t total = 0;
  for (const char* sub : {"cur", "new"}) {
    std::error_code ec;
    for (fs::directory_iterator it(dir / sub, ec), end; !ec && it != end; it.increment(ec)) {
      std::error_code ec2;
      if (it->is_regular_file(ec2)) total += it->file_size(ec2);
    }
  }
  return total;
}

void AddFile(const std::string& path, std::vector<InputFile>* out, const ErrorCallback& on_error) {
  struct stat st;
  if (::stat(path.c_str(), &st) != 0) {
    on_error({path, 0, std::string("cannot read: ") + std::strerror(errno)});
    return;
  }
  if (::access(path.c_str(), R_OK) != 0) {
    on_error({path, 0, std::string("cannot read: ") + std::strerror(errno)});
    return;
  }
  out->push_back({path, static_cast<uint64_t>(st.st_size), false});
}

void Walk(const fs::path& dir, int depth, std::vector<InputFile>* out, const ErrorCallback& on_error) {
  if (depth > 64) {
    on_error({dir.string(), 0, "directories nested too deep (a link loop?): not read"});
    return;
  }
  std::error_code ec;
  fs::directory_iterator it(dir, ec);
  if (ec) {
    on_error({dir.string(), 0, "cannot read directory: " + ec.message()});
    return;
  }
  std::vector<fs::path> entries;
  for (fs::directory_iterator end; it != end; it.increment(ec)) {
    if (ec) {
      on_error({dir.string(), 0, "cannot read directory: " + ec.message()});
      break;
    }
    const std::string name = it->path().filename().string();
    if (!name.empty() && name[0] == '.') continue;  // hidden files and folders
    entries.push_back(it->path());
  }
  std::sort(entries.begin(), entries.end());
  for (const fs::path& p : entries) {
    std::error_code ec2;
    if (fs::is_directory(p, ec2)) {
      if (IsMaildir(p)) {
        out->push_back({p.string(), MaildirSize(p), true});
      } else {
        Walk(p, depth + 1, out, on_error);
      }
    } else if (fs::is_regular_file(p, ec2)) {
      AddFile(p.string(), out, on_error);
    } else if (fs::is_symlink(fs::symlink_status(p, ec2))) {
      on_error({p.string(), 0, "cannot read: a link to nothing"});
    }
  }
}

}  // namespace

std::vector<InputFile> ExpandInputs(const std::vector<std::string>& inputs, const ErrorCallback& on_error) {
  std::vector<InputFile> out;
  for (const auto& p : inputs) {
    if (p == "-") {
      out.push_back({p, 0, false});
      continue;
    }
    std::error_code ec;
    const fs::file_status st = fs::status(p, ec);
    if (ec || !fs::exists(st)) {
      on_error({p, 0, "no such file or directory"});
      continue;
    }
    if (fs::is_directory(st)) {
      if (IsMaildir(p)) {
        out.push_back({p, MaildirSize(p), true});
      } else {
        Walk(p, 0, &out, on_error);
      }
      continue;
    }
    AddFile(p, &out, on_error);
  }
  return out;
}

}  // namespace accord
