// Streaming input for ingest: reads a file (plain or gzip-compressed, detected by zlib) or standard
// input in fixed-size blocks and hands out lines, so memory stays bounded by the longest line
// allowed, whatever the size of the archive.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <memory>

#include "pipeline/status.h"

namespace accord::ingest {

class LineReader {
 public:
  // `max_line` bounds the memory: a longer line is reported (Line::too_long) and skipped.
  explicit LineReader(size_t max_line = size_t{4} << 20);
  ~LineReader();
  LineReader(const LineReader&) = delete;
  LineReader& operator=(const LineReader&) = delete;

  // Opens `path` ("-" for standard input). gzip input is decompressed transparently.
  Status Open(const std::string& path);

  struct Line {
    std::string_view text;  // with its "\n" (none on a last line without one); empty if too_long
    uint64_t offset = 0;    // byte offset of the line in the (decompressed) input
    bool too_long = false;  // longer than max_line: its bytes were skipped
  };
  // The next line; false at the end of the input or on a read error (see status()). The view
  // stays valid until the next call.
  bool Next(Line* line);
  // Like Next, but may hand out several whole lines at once (all the buffered ones, each ending
  // in "\n", together no longer than max_line, so none of them is too long); readers that look
  // for a few marker lines scan this run directly instead of paying a call per line. Falls back
  // to one line (which may be too_long or the last one without "\n") when no whole line is
  // buffered. The lines are the same, at the same offsets, as those of repeated Next calls.
  bool NextLines(Line* lines);

  // Looks at up to `n` bytes ahead without consuming them (fewer at the end of the input).
  std::string_view Peek(size_t n);

  // Error of the last read (a truncated or corrupt gzip stream) and where it happened.
  const Status& status() const { return status_; }
  uint64_t error_offset() const { return error_offset_; }
  uint64_t offset() const { return offset_; }
  bool compressed() const { return compressed_; }

 private:
  bool Fill(size_t want);  // reads until `want` bytes are buffered or the input ends
  void Take(size_t len, Line* line);  // the next `len` buffered bytes as `line`, consumed

  void* gz_ = nullptr;  // gzFile
  std::unique_ptr<char[]> buf_;  // not zero-filled: small inputs (maildir files) stay cheap
  size_t cap_ = 0;
  size_t block_ = 64 * 1024;     // bytes asked of zlib per read; grows to 1 MiB on big inputs
  size_t begin_ = 0, end_ = 0;  // unread bytes are buf_[begin_, end_)
  uint64_t offset_ = 0;         // input offset of buf_[begin_]
  uint64_t error_offset_ = 0;
  size_t max_line_;
  bool eof_ = false;
  bool compressed_ = false;
  std::string path_;
  Status status_;
};

}  // namespace accord::ingest
