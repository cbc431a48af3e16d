#include "pipeline/batch/progress.h"

#include <unistd.h>

namespace accord {
namespace {

constexpr auto kRefresh = std::chrono::milliseconds(250);

std::string Bytes(uint64_t n) {
  char buf[32];
  if (n >= 1000000000ULL) std::snprintf(buf, sizeof buf, "%.2f GB", n / 1e9);
  else std::snprintf(buf, sizeof buf, "%.1f MB", n / 1e6);
  return buf;
}

std::string Grouped(uint64_t n) {
  std::string digits = std::to_string(n), out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out.push_back(',');
    out.push_back(digits[i]);
  }
  return out;
}

}  // namespace

Progress::Progress(bool enabled, uint64_t total_bytes, std::FILE* out)
    : enabled_(enabled), total_(total_bytes), out_(out), start_(std::chrono::steady_clock::now()),
      last_(start_) {}

bool Progress::StderrIsTerminal() { return isatty(STDERR_FILENO) == 1; }

std::string Progress::Format(uint64_t bytes_done, uint64_t total_bytes, uint64_t documents,
                             double seconds) {
  std::string line = Bytes(bytes_done);
  if (total_bytes > 0) {
    if (bytes_done > total_bytes) bytes_done = total_bytes;
    line += " / " + Bytes(total_bytes) + "  " +
            std::to_string(static_cast<int>(100.0 * bytes_done / total_bytes)) + "%";
  }
  line += "  |  " + Grouped(documents) + " docs";
  const double rate = seconds > 0 ? bytes_done / 1e6 / seconds : 0;
  char buf[64];
  std::snprintf(buf, sizeof buf, "  |  %.1f MB/s", rate);
  line += buf;
  if (total_bytes > 0 && rate > 0) {
    const uint64_t eta = static_cast<uint64_t>((total_bytes - bytes_done) / 1e6 / rate + 0.5);
    std::snprintf(buf, sizeof buf, "  |  ETA %llu:%02llu", (unsigned long long)(eta / 60),
                  (unsigned long long)(eta % 60));
    line += buf;
  }
  return line;
}

void Progress::Update(uint64_t bytes_done, uint64_t documents_done) {
  if (!enabled_) return;
  const auto now = std::chrono::steady_clock::now();
  if (now - last_ < kRefresh) return;
  last_ = now;
  const double seconds = std::chrono::duration<double>(now - start_).count();
  std::fprintf(out_, "\r\033[K  %s", Format(bytes_done, total_, documents_done, seconds).c_str());
  std::fflush(out_);
  drawn_ = true;
}

void Progress::Done() {
  if (enabled_ && drawn_) {
    std::fprintf(out_, "\r\033[K");
    std::fflush(out_);
  }
  drawn_ = false;
}

}  // namespace accord
