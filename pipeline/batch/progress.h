// The progress line on standard error while `accord extract` runs:
//   "  312.4 MB / 1.02 GB  30%  |  41,812 docs  |  52.3 MB/s  |  ETA 0:13"
// redrawn in place ('\r') at most a few times a second. Only drawn when stderr is a terminal
// (and not --quiet); Debian packages no maintained C++ progress-bar library, hence this file.
#pragma once

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <string>

namespace accord {

class Progress {
 public:
  // `enabled` false makes every call a no-op. `total_bytes` may be 0 (unknown: no ETA).
  Progress(bool enabled, uint64_t total_bytes, std::FILE* out = stderr);
  ~Progress() { Done(); }
  // Records what is done; redraws when the last redraw is older than the refresh interval.
  void Update(uint64_t bytes_done, uint64_t documents_done);
  // Clears the line (the summary follows).
  void Done();

  // The line for the given figures (no '\r'); exposed for tests.
  static std::string Format(uint64_t bytes_done, uint64_t total_bytes, uint64_t documents,
                            double seconds);

  // Whether standard error is a terminal.
  static bool StderrIsTerminal();

 private:
  bool enabled_;
  uint64_t total_;
  std::FILE* out_;
  std::chrono::steady_clock::time_point start_, last_;
  bool drawn_ = false;
};

}  // namespace accord
