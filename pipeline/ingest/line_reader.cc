#include "pipeline/ingest/line_reader.h"

#include <fcntl.h>
#include <unistd.h>
#include <zlib.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

namespace accord::ingest {
namespace {
constexpr size_t kMaxBlock = size_t{1} << 20;
}

LineReader::LineReader(size_t max_line) : max_line_(max_line < 64 ? 64 : max_line) {}

LineReader::~LineReader() {
  if (gz_ != nullptr) gzclose(static_cast<gzFile>(gz_));
}

Status LineReader::Open(const std::string& path) {
  path_ = path;
  int fd = path == "-" ? dup(STDIN_FILENO) : open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return IoError(std::string("cannot open: ") + std::strerror(errno));
  gzFile gz = gzdopen(fd, "rb");
  if (gz == nullptr) {
    close(fd);
    return IoError("cannot open");
  }
  gzbuffer(gz, 128 * 1024);
  gz_ = gz;
  Fill(1);
  compressed_ = gzdirect(gz) == 0;
  return status_;
}

bool LineReader::Fill(size_t want) {
  while (end_ - begin_ < want && !eof_) {
    if (cap_ - end_ < block_) {  // make room: move the unread bytes to the front, grow if needed
      if (begin_ > 0) {
        std::memmove(buf_.get(), buf_.get() + begin_, end_ - begin_);
        end_ -= begin_;
        begin_ = 0;
      }
      if (cap_ - end_ < block_) {
        const size_t cap = end_ + block_;
        std::unique_ptr<char[]> bigger(new char[cap]);
        if (end_ > 0) std::memcpy(bigger.get(), buf_.get(), end_);
        buf_ = std::move(bigger);
        cap_ = cap;
      }
    }
    const int n = gzread(static_cast<gzFile>(gz_), buf_.get() + end_, static_cast<unsigned>(block_));
    if (n < 0) {
      int err = 0;
      const char* msg = gzerror(static_cast<gzFile>(gz_), &err);
      error_offset_ = offset_ + (end_ - begin_);
      status_ = DataLoss(std::string("corrupt compressed input: ") + (msg != nullptr ? msg : "read error"));
      eof_ = true;
      break;
    }
    if (n == 0) {
      // zlib reports a gzip stream cut short only through gzerror at the end.
      int err = 0;
      const char* msg = gzerror(static_cast<gzFile>(gz_), &err);
      if (err != Z_OK && err != Z_STREAM_END && status_.ok()) {
        error_offset_ = offset_ + (end_ - begin_);
        status_ = DataLoss(std::string("truncated compressed input: ") + (msg != nullptr ? msg : "unexpected end"));
      }
      eof_ = true;
      break;
    }
    if (static_cast<size_t>(n) == block_ && block_ < kMaxBlock) block_ *= 2;
    end_ += static_cast<size_t>(n);
  }
  return end_ - begin_ >= want;
}

std::string_view LineReader::Peek(size_t n) {
  Fill(n);
  return std::string_view(buf_.get() + begin_, std::min(n, end_ - begin_));
}

bool LineReader::NextLines(Line* lines) {
  if (begin_ == end_) Fill(1);
  const size_t span = std::min(end_ - begin_, max_line_);
  const char* start = buf_.get() + begin_;
  const void* nl = span > 0 ? memrchr(start, '\n', span) : nullptr;
  if (nl == nullptr) return Next(lines);
  Take(static_cast<const char*>(nl) - start + 1, lines);
  return true;
}

void LineReader::Take(size_t len, Line* line) {
  line->text = std::string_view(buf_.get() + begin_, len);
  line->offset = offset_;
  line->too_long = false;
  begin_ += len;
  offset_ += len;
}

bool LineReader::Next(Line* line) {
  size_t scanned = 0;  // bytes already known to hold no newline
  while (true) {
    const char* start = buf_.get() + begin_;
    const size_t avail = end_ - begin_;
    const void* nl = avail > scanned ? std::memchr(start + scanned, '\n', avail - scanned) : nullptr;
    if (nl != nullptr) {
      const size_t len = static_cast<const char*>(nl) - start + 1;
      if (len > max_line_) break;  // too long: skip it below
      Take(len, line);
      return true;
    }
    scanned = avail;
    if (avail >= max_line_) break;
    if (eof_ || !Fill(avail + 1)) {
      if (end_ == begin_) return false;
      const size_t len = end_ - begin_;  // the last line, without a newline
      if (len > max_line_) break;
      Take(len, line);
      return true;
    }
  }
  // A line longer than max_line_: drop bytes up to and including its newline.
  line->text = {};
  line->offset = offset_;
  line->too_long = true;
  while (true) {
    const char* start = buf_.get() + begin_;
    const size_t avail = end_ - begin_;
    const void* nl = std::memchr(start, '\n', avail);
    if (nl != nullptr) {
      const size_t len = static_cast<const char*>(nl) - start + 1;
      begin_ += len;
      offset_ += len;
      return true;
    }
    begin_ = end_;
    offset_ += avail;
    if (!Fill(1)) return true;
  }
}

}  // namespace accord::ingest
